#include "event_grouping.h"

#include <algorithm>
#include <cstdint>
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
#include "write_failure.h"

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

std::string distinctive_words(const Note& note, const CountryGazetteer& countries)
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
    std::string out;
    for (const std::string& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

// The next word of a title_words string, taken off its front; false at
// its end. Empty words (two spaces) are skipped.
bool next_word(std::string_view& words, std::string_view& word)
{
    while (!words.empty()) {
        std::size_t space = words.find(' ');
        word = words.substr(0, space);
        words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
        if (!word.empty()) return true;
    }
    return false;
}

std::size_t word_count(std::string_view words)
{
    std::size_t n = 0;
    for (std::string_view w; next_word(words, w);) ++n;
    return n;
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
    std::string out = without_separator(key.note_id);
    for (const std::string& f : {key.start, key.end, key.city, key.country,
                                 std::string(key.online ? "1" : ""),
                                 std::string(key.information_note ? "1" : ""), key.title_words}) {
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
    for (std::string_view w; next_word(words, w);) {
        if (!key.title_words.empty()) key.title_words += ' ';
        key.title_words += w;
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
    std::string_view rest_a = a.title_words, rest_b = b.title_words;
    std::string_view i, j;
    bool more_a = next_word(rest_a, i), more_b = next_word(rest_b, j);
    while (more_a && more_b) {
        if (i < j) {
            more_a = next_word(rest_a, i);
        } else if (j < i) {
            more_b = next_word(rest_b, j);
        } else {
            ++shared;
            more_a = next_word(rest_a, i);
            more_b = next_word(rest_b, j);
        }
    }
    std::size_t shorter = std::min(word_count(a.title_words), word_count(b.title_words));
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

    // A set's root is its smallest rank, met before its other members: the
    // events come out in the order of their roots, members in rank order.
    std::vector<std::size_t> event_at(order.size());
    std::vector<std::vector<std::size_t>> events;
    for (std::size_t r = 0; r < order.size(); ++r) {
        std::size_t root = components.find(r);
        if (root == r) {
            event_at[r] = events.size();
            events.emplace_back();
        }
        events[event_at[root]].push_back(order[r]);
    }
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

namespace {

// 16 lower-case hex digits (Fnv1a::hex) as their number; false for any
// other text.
bool parse_hex(std::string_view text, std::uint64_t& number)
{
    if (text.size() != 16) return false;
    number = 0;
    for (char c : text) {
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) return false;
        number = number << 4 | static_cast<std::uint64_t>(digit);
    }
    return true;
}

std::string hex_of(std::uint64_t number)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, number >>= 4) out[i] = kDigits[number & 0xF];
    return out;
}

// A document's place and its event fields as stored, 40 bytes: an event id
// ("ev" and 16 hex digits) and a digest (32 hex digits: the data's
// fingerprint, then the digest of the members the event record was made
// from) as infonote writes them are kept as numbers; any other text (a
// missing or garbled value) is kept whole in a list beside.
struct Place {
    static constexpr std::uint32_t kNumber = UINT32_MAX;
    static constexpr std::uint32_t kEmpty = UINT32_MAX - 1;

    std::uint32_t db;
    Xapian::docid docid;
    std::uint64_t event = 0;
    std::uint64_t fingerprint = 0;
    std::uint64_t members = 0;
    /// kNumber, kEmpty, or the index of the text in the list beside.
    std::uint32_t event_text = kEmpty;
    std::uint32_t digest_text = kEmpty;
};

class Places {
  public:
    void add(std::size_t db, Xapian::docid docid)
    {
        places_.push_back({static_cast<std::uint32_t>(db), docid});
    }
    const Place& operator[](std::size_t i) const { return places_[i]; }

    void set_event(std::size_t i, const std::string& value)
    {
        Place& p = places_[i];
        if (value.size() == 18 && value.compare(0, 2, "ev") == 0 &&
            parse_hex(std::string_view(value).substr(2), p.event))
            p.event_text = Place::kNumber;
        else
            p.event_text = keep(value);
    }
    void set_digest(std::size_t i, const std::string& value)
    {
        Place& p = places_[i];
        std::string_view v = value;
        if (v.size() == 32 && parse_hex(v.substr(0, 16), p.fingerprint) &&
            parse_hex(v.substr(16), p.members))
            p.digest_text = Place::kNumber;
        else
            p.digest_text = keep(value);
    }

    std::string event(std::size_t i) const
    {
        const Place& p = places_[i];
        return p.event_text == Place::kNumber ? "ev" + hex_of(p.event) : text(p.event_text);
    }
    std::string digest(std::size_t i) const
    {
        const Place& p = places_[i];
        return p.digest_text == Place::kNumber ? hex_of(p.fingerprint) + hex_of(p.members)
                                               : text(p.digest_text);
    }
    /// The digest's first 16 characters: the data's fingerprint.
    std::string fingerprint(std::size_t i, std::size_t digits) const
    {
        const Place& p = places_[i];
        return p.digest_text == Place::kNumber ? hex_of(p.fingerprint)
                                               : text(p.digest_text).substr(0, digits);
    }
    /// Whether the document's event is `event` and its digest's second
    /// half `members` (both as numbers).
    bool holds(std::size_t i, std::uint64_t event, std::uint64_t members) const
    {
        const Place& p = places_[i];
        return p.event_text == Place::kNumber && p.digest_text == Place::kNumber &&
               p.event == event && p.members == members;
    }

  private:
    std::uint32_t keep(const std::string& value)
    {
        if (value.empty()) return Place::kEmpty;
        texts_.push_back(value);
        return static_cast<std::uint32_t>(texts_.size() - 1);
    }
    std::string text(std::uint32_t at) const { return at == Place::kEmpty ? "" : texts_[at]; }

    std::vector<Place> places_;
    std::vector<std::string> texts_;
};

}  // namespace

EventAssignment assign_events(const std::vector<Xapian::WritableDatabase*>& dbs)
{
    std::vector<GroupingKey> keys;
    Places places;
    for (std::size_t d = 0; d < dbs.size(); ++d) {
        Xapian::WritableDatabase& db = *dbs[d];
        std::unordered_map<Xapian::docid, std::size_t> index_of;
        for (auto v = db.valuestream_begin(kEventKeySlot); v != db.valuestream_end(kEventKeySlot);
             ++v) {
            const std::string value = *v;
            std::string_view id = std::string_view(value).substr(0, value.find(kListSeparator));
            index_of[v.get_docid()] = keys.size();
            keys.push_back(unserialise_key(id, value));
            places.add(d, v.get_docid());
        }
        for (Xapian::valueno slot : {kEventSlot, kEventDigestSlot})
            for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
                auto found = index_of.find(v.get_docid());
                if (found == index_of.end()) continue;
                if (slot == kEventSlot)
                    places.set_event(found->second, *v);
                else
                    places.set_digest(found->second, *v);
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
        std::string old_event;
        std::string event;
        std::shared_ptr<const RecordValues> record;
        std::string digest;
    };
    // Rewriting a document reads back all its terms and positions, so the
    // databases (the parts of a build, or the shards) are rewritten at once.
    auto rewrite = [&](std::size_t d, const std::vector<Change>& changes) {
        Xapian::WritableDatabase& db = *dbs[d];
        for (const Change& c : changes) {
            Xapian::Document doc = db.get_document(c.docid);
            if (c.old_event != c.event) {
                if (!c.old_event.empty()) {
                    try {
                        doc.remove_term(filter_term(FieldId::Event, c.old_event));
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
    // The changes are written a batch at a time, so that only one batch's
    // event records are held, however many events change. A batch's writes
    // touch only its own events' documents, which later events never read.
    std::vector<std::vector<Change>> changes(dbs.size());
    std::size_t pending = 0;
    auto write_batch = [&] {
        std::vector<std::exception_ptr> errors(dbs.size());
        std::vector<std::thread> threads;
        const WritingStep* step = WritingStep::current();
        for (std::size_t d = 1; d < dbs.size(); ++d) {
            if (changes[d].empty()) continue;
            threads.emplace_back([&, d, step] {
                WritingStep::Inherited inherited(step);
                try {
                    rewrite(d, changes[d]);
                } catch (...) {
                    errors[d] = std::current_exception();
                }
            });
        }
        try {
            if (!dbs.empty()) rewrite(0, changes[0]);
        } catch (...) {
            errors[0] = std::current_exception();
        }
        for (std::thread& t : threads) t.join();
        for (const std::exception_ptr& e : errors)
            if (e) std::rethrow_exception(e);
        for (std::vector<Change>& c : changes) {
            done.rewritten += c.size();
            c.clear();
        }
        pending = 0;
    };
    constexpr std::size_t kHexDigits = 16;
    constexpr std::size_t kBatchDocuments = 2000;
    for (const std::vector<std::size_t>& members : events) {
        std::string id = event_id_of(keys[canonical_document(keys, members)].note_id);
        std::vector<std::pair<std::string, std::string>> fingerprints;
        for (std::size_t i : members)
            fingerprints.emplace_back(keys[i].note_id, places.fingerprint(i, kHexDigits));
        std::string digest = members_digest(std::move(fingerprints));
        std::uint64_t id_number = 0, digest_number = 0;
        bool numbers = parse_hex(std::string_view(id).substr(2), id_number) &&
                       parse_hex(digest, digest_number);
        auto current = [&](std::size_t i) {
            if (numbers) return places.holds(i, id_number, digest_number);
            std::string stored = places.digest(i);
            return places.event(i) == id && stored.size() == 2 * kHexDigits &&
                   stored.compare(kHexDigits, kHexDigits, digest) == 0;
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
            if (!current(i)) {
                changes[place.db].push_back({place.docid, places.event(i), id, record,
                                             digest_value(places.fingerprint(i, kHexDigits), digest)});
                ++pending;
            }
        }
        if (pending >= kBatchDocuments) write_batch();
    }
    write_batch();
    return done;
}

EventAssignment assign_events_at(const std::vector<std::filesystem::path>& paths)
{
    static constexpr const char* kWhat = "cannot group documents into events";
    // The folder of the parts (or shards), named when no one of them is;
    // also while the databases are closed on the way out of a failure.
    const std::filesystem::path folder =
        paths.empty() ? std::filesystem::path("index") : paths.front().parent_path();
    WritingStep step(folder, kWhat);
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
            WritingStep commit_step(paths[i], kWhat);
            dbs[i].commit();
            dbs[i].close();
        }
        return done;
    } catch (const Xapian::Error& e) {
        throw IndexError((at.empty() ? folder.string() : at) + ": " + kWhat + ": " +
                         xapian_error_text(e));
    }
}

}  // namespace infonote
