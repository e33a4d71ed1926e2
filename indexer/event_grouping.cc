#include "event_grouping.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "event_record.h"
#include "event_values.h"
#include "fnv1a.h"
#include "index_writer.h"
#include "schema.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

// Words that say nothing about which event a title names: function words
// in English, French and Spanish, and the words nearly every 1540 event
// title has. A press release's "Workshop on resolution 1540 (2004) opens
// in Astana" then has no distinctive word and fits the note of the
// workshop held in Astana on those days.
const std::unordered_set<std::string>& common_title_words()
{
    static const std::unordered_set<std::string> words{
        // English
        "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with", "its",
        "held", "hold", "holds", "open", "opens", "opened", "close", "closes", "concludes",
        "begins", "takes", "place", "will", "be", "is", "was", "new", "about",
        // French
        "le", "la", "les", "l", "de", "des", "du", "d", "et", "en", "au", "aux", "sur", "pour", "a",
        "s", "ouvre", "tenu", "tenue",
        // Spanish
        "el", "los", "las", "del", "y", "para", "sobre", "con", "se", "celebra", "celebrado",
        "celebrada",
        // What every title of the Committee's outreach says
        "resolution", "resolucion", "1540", "2004", "un", "united", "nations", "naciones", "unidas",
        "unies", "committee", "comite", "security", "council", "conseil", "securite", "consejo",
        "seguridad", "workshop", "workshops", "seminar", "seminaire", "seminario", "meeting",
        "meetings", "reunion", "conference", "conferencia", "training", "course", "formation",
        "curso", "taller", "atelier", "roundtable", "round", "table", "mesa", "redonda",
        "table-ronde", "ronde", "regional", "subregional", "sub", "national", "nacional",
        "international", "internacional", "implementation", "implementing", "mise", "oeuvre",
        "aplicacion", "event", "events"};
    return words;
}

std::vector<std::string> distinctive_words(const Note& note, const CountryGazetteer& countries)
{
    std::set<std::string> venue_words;
    auto add_venue_words = [&](std::string_view name) {
        for (const Word& w : split_words(name)) venue_words.insert(w.folded);
    };
    if (note.venue.city) add_venue_words(*note.venue.city);
    if (note.venue.country)
        if (const Country* c = countries.by_code(*note.venue.country)) add_venue_words(c->name);
    std::set<std::string> words;
    for (const Word& w : split_words(note.title)) {
        if (common_title_words().count(w.folded) || venue_words.count(w.folded)) continue;
        words.insert(w.folded);
    }
    return {words.begin(), words.end()};
}

std::vector<std::string_view> split_fields(std::string_view value)
{
    std::vector<std::string_view> fields;
    std::size_t begin = 0;
    for (;;) {
        std::size_t end = value.find(kListSeparator, begin);
        fields.push_back(value.substr(begin, end - begin));
        if (end == std::string_view::npos) return fields;
        begin = end + 1;
    }
}

bool dates_overlap(const GroupingKey& a, const GroupingKey& b)
{
    return a.start <= b.end && b.start <= a.end;
}

// Union-find over document indices; the root of a set is its smallest
// index, so nothing depends on the order in which sets were joined.
class Components {
  public:
    explicit Components(std::size_t n) : parent_(n)
    {
        std::iota(parent_.begin(), parent_.end(), 0);
    }

    std::size_t find(std::size_t i)
    {
        while (parent_[i] != i) {
            parent_[i] = parent_[parent_[i]];
            i = parent_[i];
        }
        return i;
    }

    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

  private:
    std::vector<std::size_t> parent_;
};

// The year of a "YYYYMMDD" date (0 when it has no four digits there).
std::size_t year_of(const std::string& compact)
{
    std::size_t year = 0;
    for (std::size_t i = 0; i < 4 && i < compact.size(); ++i) {
        if (compact[i] < '0' || compact[i] > '9') return 0;
        year = year * 10 + static_cast<std::size_t>(compact[i] - '0');
    }
    return year;
}

}  // namespace

GroupingKey grouping_key(const Note& note, const CountryGazetteer& countries)
{
    GroupingKey key;
    key.note_id = note.id;
    if (note.start_date) {
        key.start = note.start_date->compact();
        key.end = (note.end_date ? *note.end_date : *note.start_date).compact();
        if (key.end < key.start) key.end = key.start;
    }
    if (note.venue.city) key.city = folded_key(*note.venue.city);
    key.country = note.venue.country.value_or("");
    key.online = note.venue.online;
    key.information_note = note.kind == DocumentKind::InformationNote;
    key.title_words = distinctive_words(note, countries);
    return key;
}

std::string serialise_key(const GroupingKey& key)
{
    std::string words;
    for (const std::string& w : key.title_words) {
        if (!words.empty()) words += ' ';
        words += w;
    }
    std::string out = without_separator(key.note_id);
    for (const std::string& f :
         {key.start, key.end, key.city, key.country, std::string(key.online ? "1" : ""),
          std::string(key.information_note ? "1" : ""), words}) {
        out += kListSeparator;
        out += without_separator(f);
    }
    return out;
}

GroupingKey unserialise_key(std::string_view note_id, std::string_view value)
{
    GroupingKey key;
    key.note_id = std::string(note_id);
    std::vector<std::string_view> f = split_fields(value);
    if (f.size() != 8 || f[0] != note_id) return key;
    bool dates_ok = f[1].size() == 8 && f[2].size() == 8 && f[1] <= f[2];
    if (dates_ok) {
        key.start = std::string(f[1]);
        key.end = std::string(f[2]);
    }
    key.city = std::string(f[3]);
    key.country = std::string(f[4]);
    key.online = f[5] == "1";
    key.information_note = f[6] == "1";
    std::string_view words = f[7];
    while (!words.empty()) {
        std::size_t space = words.find(' ');
        if (space != 0) key.title_words.emplace_back(words.substr(0, space));
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
    }
    return key;
}

bool venues_agree(const GroupingKey& a, const GroupingKey& b)
{
    if (a.online || b.online) return a.online && b.online;
    if (!a.city.empty() && !b.city.empty())
        return a.city == b.city &&
               (a.country.empty() || b.country.empty() || a.country == b.country);
    return !a.country.empty() && a.country == b.country;
}

bool titles_alike(const GroupingKey& a, const GroupingKey& b)
{
    if (a.title_words.empty() || b.title_words.empty()) return true;
    std::size_t shared = 0;
    auto i = a.title_words.begin();
    auto j = b.title_words.begin();
    while (i != a.title_words.end() && j != b.title_words.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    std::size_t shorter = std::min(a.title_words.size(), b.title_words.size());
    return 2 * shared >= shorter;
}

bool documents_meet(const GroupingKey& a, const GroupingKey& b)
{
    return a.dated() && b.dated() && a.placed() && b.placed() && dates_overlap(a, b) &&
           venues_agree(a, b);
}

bool same_event(const GroupingKey& a, const GroupingKey& b)
{
    return documents_meet(a, b) && titles_alike(a, b);
}

std::vector<std::vector<std::size_t>> group_events(const std::vector<GroupingKey>& keys)
{
    // Indices in note id order: every later choice follows this order, never
    // the order of `keys`.
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return keys[a].note_id < keys[b].note_id; });
    std::vector<std::size_t> rank(keys.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    Components components(keys.size());
    auto join = [&](std::size_t a, std::size_t b) { components.join(rank[a], rank[b]); };

    // Anchored documents (a date and a venue) with distinctive titles join
    // by the pairwise rule, compared in a sweep over start dates: only
    // documents whose days overlap are ever compared. The same sweep notes
    // which documents each anchored generic title meets.
    std::vector<std::size_t> anchored;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].dated() && keys[i].placed()) anchored.push_back(i);
    std::sort(anchored.begin(), anchored.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(keys[a].start, keys[a].note_id) < std::tie(keys[b].start, keys[b].note_id);
    });
    std::map<std::size_t, std::vector<std::size_t>> meets_specific;
    std::vector<std::pair<std::size_t, std::size_t>> generic_pairs;
    std::vector<std::size_t> running;
    for (std::size_t i : anchored) {
        std::erase_if(running, [&](std::size_t j) { return keys[j].end < keys[i].start; });
        if (keys[i].generic()) meets_specific[i];
        for (std::size_t j : running) {
            if (!documents_meet(keys[i], keys[j])) continue;
            if (keys[i].generic() && keys[j].generic())
                generic_pairs.emplace_back(i, j);
            else if (keys[i].generic())
                meets_specific[i].push_back(j);
            else if (keys[j].generic())
                meets_specific[j].push_back(i);
            else if (titles_alike(keys[i], keys[j]))
                join(i, j);
        }
        running.push_back(i);
    }

    // An anchored generic title joins the one event of distinctive titles it
    // meets; meeting two, it stays alone rather than bridge them. Generic
    // titles that meet no such event join one another. Every choice is made
    // against the events of distinctive titles alone, so order is no matter.
    std::set<std::size_t> unclaimed;
    std::vector<std::pair<std::size_t, std::size_t>> generic_joins;
    for (const auto& [g, met] : meets_specific) {
        std::set<std::size_t> events;
        for (std::size_t s : met) events.insert(components.find(rank[s]));
        if (events.size() == 1) generic_joins.emplace_back(rank[g], *events.begin());
        if (events.empty()) unclaimed.insert(g);
    }
    for (auto [g, root] : generic_joins) components.join(g, root);
    for (auto [a, b] : generic_pairs)
        if (unclaimed.count(a) && unclaimed.count(b)) join(a, b);

    // A document without a date or without a venue joins an event only when
    // exactly one event fits what it does say; every candidate is judged
    // against the anchored events alone, so the order of such documents
    // does not matter.
    std::map<std::string, std::vector<std::size_t>> by_place;
    std::map<std::size_t, std::vector<std::size_t>> by_year;
    for (std::size_t i : anchored) {
        const GroupingKey& k = keys[i];
        by_place[k.online            ? "online"
                 : k.country.empty() ? "city:" + k.city
                                     : k.country]
            .push_back(i);
        if (!k.city.empty()) by_place["city:" + k.city].push_back(i);
        for (std::size_t y = year_of(k.start); y <= year_of(k.end); ++y) by_year[y].push_back(i);
    }
    std::vector<std::pair<std::size_t, std::size_t>> joins;
    for (std::size_t u = 0; u < keys.size(); ++u) {
        const GroupingKey& k = keys[u];
        if (k.dated() == k.placed()) continue;  // Anchored, or says nothing.
        // The anchored documents that may fit: those at the same place, or
        // in the same year.
        std::vector<const std::vector<std::size_t>*> pools;
        auto add_pool = [&](const auto& map, const auto& at) {
            auto found = map.find(at);
            if (found != map.end()) pools.push_back(&found->second);
        };
        if (k.online) add_pool(by_place, std::string("online"));
        if (!k.country.empty()) add_pool(by_place, k.country);
        if (!k.city.empty()) add_pool(by_place, "city:" + k.city);
        if (k.dated())
            for (std::size_t y = year_of(k.start); y <= year_of(k.end); ++y) add_pool(by_year, y);
        std::set<std::size_t> candidates;
        for (const std::vector<std::size_t>* pool : pools) {
            for (std::size_t m : *pool) {
                const GroupingKey& e = keys[m];
                bool fits =
                    titles_alike(k, e) && (k.dated() ? dates_overlap(k, e) : venues_agree(k, e));
                if (fits) candidates.insert(components.find(rank[m]));
            }
        }
        if (candidates.size() == 1) joins.emplace_back(rank[u], *candidates.begin());
    }
    for (auto [u, root] : joins) components.join(u, root);

    std::map<std::size_t, std::vector<std::size_t>> by_root;
    for (std::size_t r = 0; r < order.size(); ++r) by_root[components.find(r)].push_back(order[r]);
    std::vector<std::vector<std::size_t>> events;
    events.reserve(by_root.size());
    for (auto& [root, members] : by_root) events.push_back(std::move(members));
    return events;
}

std::string event_id_of(std::string_view note_id)
{
    Fnv1a hash;
    hash.add(note_id);
    hash.add("\n");
    return "ev" + hash.hex();
}

std::size_t canonical_document(const std::vector<GroupingKey>& keys,
                               const std::vector<std::size_t>& members)
{
    std::size_t best = members.front();
    for (std::size_t m : members) {
        const GroupingKey& k = keys[m];
        const GroupingKey& b = keys[best];
        if (std::pair(!k.information_note, std::string_view(k.note_id)) <
            std::pair(!b.information_note, std::string_view(b.note_id)))
            best = m;
    }
    return best;
}

void set_event(Xapian::Document& doc, const std::string& event_id)
{
    doc.add_boolean_term(filter_term(FieldId::Event, event_id));
    doc.add_value(kEventSlot, event_id);
    doc.add_value(kEventValuesSlot, event_values(doc, event_id));
}

namespace {

// The event's record, in its two slots.
void set_event_record(Xapian::Document& doc, const RecordValues& record)
{
    doc.add_value(kEventRecordSlot, record.json);
    doc.add_value(kEventCellsSlot, record.cells);
}

}  // namespace

void set_lone_records(Xapian::Document& doc, const std::string& note_id, const Json& summary,
                      std::string_view data)
{
    std::string event_id = event_id_of(note_id);
    std::string listing = doc.get_value(kListingSlot);
    doc.add_value(kDocumentRecordSlot, record_values(document_record(summary)).cells);
    set_event_record(doc, record_values(event_record(merge_event(event_id, {{summary, listing}}))));
    std::string fingerprint = data_fingerprint(data);
    doc.add_value(kEventDigestSlot,
                  digest_value(fingerprint, members_digest({{note_id, fingerprint}})));
}

EventAssignment assign_events(const std::vector<Xapian::WritableDatabase*>& dbs)
{
    struct Place {
        std::size_t db;
        Xapian::docid docid;
        std::string event;
        /// kEventDigestSlot's value: the data's fingerprint, then the digest
        /// of the members the event record was made from.
        std::string digest;
    };
    std::vector<GroupingKey> keys;
    std::vector<Place> places;
    for (std::size_t d = 0; d < dbs.size(); ++d) {
        Xapian::WritableDatabase& db = *dbs[d];
        std::unordered_map<Xapian::docid, std::size_t> index_of;
        for (auto v = db.valuestream_begin(kEventKeySlot); v != db.valuestream_end(kEventKeySlot);
             ++v) {
            const std::string value = *v;
            std::string_view id = std::string_view(value).substr(0, value.find(kListSeparator));
            index_of[v.get_docid()] = keys.size();
            keys.push_back(unserialise_key(id, value));
            places.push_back({d, v.get_docid(), {}, {}});
        }
        for (Xapian::valueno slot : {kEventSlot, kEventDigestSlot})
            for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
                auto found = index_of.find(v.get_docid());
                if (found == index_of.end()) continue;
                (slot == kEventSlot ? places[found->second].event : places[found->second].digest) =
                    *v;
            }
    }
    EventAssignment done;
    done.documents = keys.size();
    std::vector<std::vector<std::size_t>> events = group_events(keys);
    done.events = events.size();

    // What changes, by database: the event fields where the event changed,
    // and the event record where the event or its documents did.
    struct Change {
        Xapian::docid docid;
        const std::string* old_event;
        std::string event;
        std::shared_ptr<const RecordValues> record;
        std::string digest;
    };
    constexpr std::size_t kHexDigits = 16;
    std::vector<std::vector<Change>> changes(dbs.size());
    for (const std::vector<std::size_t>& members : events) {
        std::string id = event_id_of(keys[canonical_document(keys, members)].note_id);
        std::vector<std::pair<std::string, std::string>> fingerprints;
        for (std::size_t i : members)
            fingerprints.emplace_back(keys[i].note_id, places[i].digest.substr(0, kHexDigits));
        std::string digest = members_digest(std::move(fingerprints));
        auto current = [&](std::size_t i) {
            const Place& place = places[i];
            return place.event == id && place.digest.size() == 2 * kHexDigits &&
                   place.digest.compare(kHexDigits, kHexDigits, digest) == 0;
        };
        if (std::all_of(members.begin(), members.end(), current)) continue;
        // The event's record, merged from every member's summary.
        std::vector<EventMember> summaries;
        for (std::size_t i : members) {
            Xapian::Document doc = dbs[places[i].db]->get_document(places[i].docid);
            Json summary = Json::parse(doc.get_data(), nullptr, false);
            summaries.push_back({summary.is_discarded() ? Json::object() : std::move(summary),
                                 doc.get_value(kListingSlot)});
        }
        auto record = std::make_shared<const RecordValues>(
            record_values(event_record(merge_event(id, std::move(summaries)))));
        for (std::size_t i : members) {
            const Place& place = places[i];
            if (!current(i))
                changes[place.db].push_back(
                    {place.docid, &place.event, id, record,
                     digest_value(std::string_view(place.digest).substr(0, kHexDigits), digest)});
        }
    }

    // Rewriting a document reads back all its terms and positions, so the
    // databases (the parts of a build, or the shards) are rewritten at once.
    auto rewrite = [&](std::size_t d) {
        Xapian::WritableDatabase& db = *dbs[d];
        for (const Change& c : changes[d]) {
            Xapian::Document doc = db.get_document(c.docid);
            if (*c.old_event != c.event) {
                if (!c.old_event->empty()) {
                    try {
                        doc.remove_term(filter_term(FieldId::Event, *c.old_event));
                    } catch (const Xapian::InvalidArgumentError&) {
                        // The term was missing: nothing to take away.
                    }
                }
                set_event(doc, c.event);
            }
            set_event_record(doc, *c.record);
            doc.add_value(kEventDigestSlot, c.digest);
            db.replace_document(c.docid, doc);
        }
    };
    std::vector<std::exception_ptr> errors(dbs.size());
    std::vector<std::thread> threads;
    for (std::size_t d = 1; d < dbs.size(); ++d) {
        if (changes[d].empty()) continue;
        threads.emplace_back([&, d] {
            try {
                rewrite(d);
            } catch (...) {
                errors[d] = std::current_exception();
            }
        });
    }
    try {
        if (!dbs.empty()) rewrite(0);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
    for (const std::vector<Change>& c : changes) done.rewritten += c.size();
    return done;
}

EventAssignment assign_events_at(const std::vector<std::filesystem::path>& paths)
{
    std::string at;
    try {
        std::vector<Xapian::WritableDatabase> dbs;
        for (const std::filesystem::path& path : paths) {
            at = path.string();
            dbs.emplace_back(at, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        }
        at.clear();
        std::vector<Xapian::WritableDatabase*> pointers;
        for (Xapian::WritableDatabase& db : dbs) pointers.push_back(&db);
        EventAssignment done = assign_events(pointers);
        for (std::size_t i = 0; i < dbs.size(); ++i) {
            at = paths[i].string();
            dbs[i].commit();
            dbs[i].close();
        }
        return done;
    } catch (const Xapian::Error& e) {
        throw IndexError((at.empty() ? std::string("index") : at) +
                         ": cannot group documents into events: " + e.get_msg());
    }
}

}  // namespace infonote
