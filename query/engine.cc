#include "engine.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <tuple>
#include <type_traits>

#include "country_gazetteer.h"
#include "org_check.h"
#include "regions.h"
#include "schema.h"
#include "un_members.h"

namespace infonote {

namespace {

constexpr std::size_t kDefaultRankedLimit = 20;
constexpr std::size_t kSnippetLength = 200;

std::vector<Facet> facets_of(const std::vector<std::string>& names)
{
    std::vector<Facet> facets;
    for (const std::string& list : names) {
        std::istringstream in(list);
        for (std::string name; std::getline(in, name, ',');) {
            if (name.empty()) continue;
            std::optional<Facet> f = facet_by_name(name);
            if (!f) throw QueryError("unknown facet '" + name + "'; facets are " + facet_names());
            if (std::find(facets.begin(), facets.end(), *f) == facets.end()) facets.push_back(*f);
        }
    }
    return facets;
}

// The plan for a listing or search: the request's words and filters built, the
// paging and order asked for, and defaults that list everything when there
// is nothing to rank.
SearchPlan plan_for(const HitsQuery& hits, const Paging& paging, BuiltQuery query)
{
    SearchPlan plan;
    plan.query = std::move(query);
    plan.sort = paging.sort.value_or(plan.query.ranked ? SortOrder::Relevance : SortOrder::Date);
    if (plan.sort == SortOrder::Relevance && !plan.query.ranked) plan.sort = SortOrder::Date;
    plan.reverse = paging.reverse;
    plan.offset = paging.offset;
    plan.limit =
        paging.all ? 0 : paging.limit.value_or(plan.query.ranked ? kDefaultRankedLimit : 0);
    plan.facets = facets_of(hits.facets);
    plan.brief = hits.detail == HitDetail::Listing;
    plan.records = hits.detail == HitDetail::Record || hits.detail == HitDetail::Cells;
    plan.record_json = hits.detail == HitDetail::Record;
    if (plan.query.ranked) plan.snippet_length = kSnippetLength;
    return plan;
}

std::string country_label(const std::string& code)
{
    const Country* c = country_names().by_code(code);
    return c ? c->name : code;
}

// "host", "participant" or "host, participant": what `code` was at the
// event, from the hit's listing or its stored summary.
std::string role_of(const Hit& hit, const std::string& code)
{
    if (hit.record && hit.summary.is_null()) {
        for (const auto& [state, roles] : hit.record->roles)
            if (state == code) return roles;
        return "";
    }
    if (hit.summary.is_null()) {
        const std::string& codes = hit.listing.participants;
        bool participant = false;
        for (std::size_t i = 0; i + 2 <= codes.size(); i += 2)
            participant |= codes.compare(i, 2, code) == 0;
        bool host = hit.listing.country == code;
        // Neither: a State only invited, listed under --include-invited.
        return host && participant ? "host, participant"
               : host              ? "host"
               : participant       ? "participant"
                                   : "invited";
    }
    for (const Json& c : hit.summary["countries"])
        if (c.value("code", "") == code) return joined_roles(c);
    return "";
}

// "20140311" -> "2014-03-11"; anything else as it is.
std::string iso_of(const std::string& compact)
{
    if (compact.size() != 8) return compact;
    return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
}

// "2014" -> "2015", "2014-12" -> "2015-01".
std::string next_period(const std::string& label)
{
    int year = std::stoi(label.substr(0, 4));
    if (label.size() == 4) return std::to_string(year + 1);
    int month = std::stoi(label.substr(5, 2));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", month == 12 ? year + 1 : year,
                  month == 12 ? 1 : month + 1);
    return buf;
}

// Every period from the first counted to the last, empty ones included.
template <typename Count>
std::vector<Period> filled_periods(const std::map<std::string, Count>& counts)
{
    std::vector<Period> periods;
    if (counts.empty()) return periods;
    for (std::string p = counts.begin()->first;; p = next_period(p)) {
        auto found = counts.find(p);
        periods.push_back(
            {p, found == counts.end() ? 0 : static_cast<Xapian::doccount>(found->second)});
        if (p >= counts.rbegin()->first) break;
    }
    return periods;
}

// Values by count (most first), then by value; at most `limit` (0: all),
// each with its country name when `country_names`.
std::vector<RankedValue> ranked(const std::map<std::string, std::size_t>& counts,
                                bool country_names, std::size_t limit)
{
    std::vector<std::pair<std::string, std::size_t>> values(counts.begin(), counts.end());
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (limit != 0 && values.size() > limit) values.resize(limit);
    std::vector<RankedValue> out;
    for (const auto& [value, n] : values)
        out.push_back({value, country_names ? country_label(value) : "", n});
    return out;
}

// A match over every document `query` matches, unweighted, seen by `spies`.
void run_spies(Xapian::Database& db, const Xapian::Query& query,
               std::initializer_list<Xapian::MatchSpy*> spies)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
    enquire.get_mset(0, 0, db.get_doccount());
}

void run_spy(Xapian::Database& db, const Xapian::Query& query, Xapian::MatchSpy& spy)
{
    run_spies(db, query, {&spy});
}

// The event ids of the documents `query` matches.
std::set<std::string> matching_events(Xapian::Database& db, const Xapian::Query& query)
{
    EventStartSpy spy;
    run_spy(db, query, spy);
    std::set<std::string> out;
    for (const auto& [event, start] : spy.starts()) out.insert(event);
    return out;
}

// Past this many events, documents_of() asks for every document and the
// spy keeps those of the events: Xapian's OR of one term per event grew
// with the square of the events (profile and coattend of a State with 4,800
// events among 100,000 notes: 3.6 s of CPU; read from the value streams of
// every note instead, 0.1 s).
constexpr std::size_t kMostEventTerms = 256;

// Every document of the events `query` matches (of `events`, the events it
// matched): the documents `query` matched, and the others of their events,
// which a State's own filters never see (the press release of a note that
// names the State, but not naming it itself). A superset of them when the
// events are many: run it with a spy that keeps only `events`.
template <typename Events>
Xapian::Query documents_of(const Events& events, const Xapian::Query& query)
{
    if (events.size() > kMostEventTerms) return Xapian::Query::MatchAll;
    std::vector<Xapian::Query> terms{query};
    terms.reserve(events.size() + 1);
    for (const auto& e : events) {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, std::string>)
            terms.emplace_back(filter_term(FieldId::Event, e));
        else
            terms.emplace_back(filter_term(FieldId::Event, e.first));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Per event of `only`: what its documents that `query` matches say, merged.
std::map<std::string, EventAggregate> aggregates(Xapian::Database& db, const Xapian::Query& query,
                                                 const EventSet& only)
{
    EventAggregateSpy spy(&only);
    run_spy(db, query, spy);
    return spy.events();
}

struct Overview {
    std::map<Facet, FacetCounts> counts;
    std::string first;
    std::string last;
    Xapian::doccount notes = 0;
    /// Distinct events.
    Xapian::doccount events = 0;
    Xapian::doccount undated = 0;
};

// Facets and the date span over every note, in one pass: the first start
// date and last end date are exact, unlike the value bounds Xapian keeps,
// which deletions can leave loose.
Overview overview(Index& index, const std::vector<Facet>& facets)
{
    bool remote = index.remote();
    return index.with_retry([&facets, remote](Xapian::Database& db) {
        Overview o;
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(std::string()));  // not the shared MatchAll
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        FacetCounter counter(facets, remote, Counting::Events, &db);
        counter.attach(enquire);
        EventStartSpy events;
        if (!remote) enquire.add_matchspy(&events);
        Xapian::ValueCountMatchSpy starts(kStartDateSlot);
        Xapian::ValueCountMatchSpy ends(kEndDateSlot);
        enquire.add_matchspy(&starts);
        enquire.add_matchspy(&ends);
        o.notes = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
        for (Facet f : facets) o.counts[f] = counter.counts(f);
        // The spies list values in ascending order and skip empty slots.
        Xapian::doccount dated = 0;
        for (auto it = starts.values_begin(); it != starts.values_end(); ++it) {
            if (o.first.empty()) o.first = *it;
            dated += it.get_termfreq();
        }
        for (auto it = ends.values_begin(); it != ends.values_end(); ++it) o.last = *it;
        o.undated = o.notes - dated;
        std::optional<std::map<std::string, std::string>> remote_starts = counter.event_starts();
        o.events = static_cast<Xapian::doccount>(remote_starts ? remote_starts->size()
                                                               : events.starts().size());
        return o;
    });
}

// Runs `ask`, turning a Xapian error into a DatabaseError naming the
// database: a front end meets infonote's exceptions alone.
template <typename Ask>
auto translated(const std::filesystem::path& db, const Ask& ask) -> decltype(ask())
{
    try {
        return ask();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(db.string() + ": " + e.get_description());
    }
}

}  // namespace

Engine::Engine(std::filesystem::path db, OpenOptions open) : path_(std::move(db)), open_(open) {}

BuiltQuery Engine::build(const SearchRequest& request)
{
    BuiltQuery built = build_query(request, default_gazetteer);
    std::vector<std::string> named = request.organizations;
    named.insert(named.end(), built.organizations.begin(), built.organizations.end());
    if (!named.empty())
        index().with_retry([&named](Xapian::Database& db) {
            check_organizations(db, named);
            return 0;
        });
    return built;
}

Index& Engine::index()
{
    if (!index_) index_.emplace(path_, open_);
    return *index_;
}

void Engine::refresh()
{
    if (!index_) return;
    try {
        translated(path_, [&] { index_->refresh(); });
    } catch (...) {
        // Opened afresh on the next question, which then says what is wrong.
        index_.reset();
        throw;
    }
}

unsigned long long Engine::revision()
{
    return translated(path_, [&] { return index().revision(); });
}

std::string Engine::identity()
{
    return translated(path_, [&] { return index().identity(); });
}

SearchAnswer Engine::search(const SearchQuery& query)
{
    return translated(path_, [&] {
        SearchRequest request = query.filters;
        if (!query.words.empty()) request.words += (request.words.empty() ? "" : " ") + query.words;
        SearchPlan plan = plan_for(query, query.paging, build(request));
        if (plan.query.ranked) {
            plan.highlight_begin = query.highlight_begin;
            plan.highlight_end = query.highlight_end;
        }
        if (observer_) observer_(plan.query.query.get_description());
        SearchAnswer answer;
        answer.result = index().search(plan);
        answer.offset = query.paging.offset;
        answer.facet_limit = query.facet_limit;
        if (plan.query.ranked)
            answer.did_you_mean = index().with_retry([&plan](Xapian::Database& db) {
                return corrected_words(plan.query.folded_words, db);
            });
        return answer;
    });
}

AttendedAnswer Engine::attended(const AttendedQuery& query)
{
    return translated(path_, [&] {
        const Country& country = find_country(query.country, default_gazetteer);
        SearchRequest request = query.filters;
        request.countries.insert(request.countries.begin(), country.alpha2);
        request.any_country = false;
        Paging paging = query.paging;
        paging.sort = query.paging.sort.value_or(SortOrder::Date);
        SearchPlan plan = plan_for(query, paging, build(request));
        if (observer_) observer_(plan.query.query.get_description());
        plan.by_event = !query.documents;
        plan.record_roles = true;
        // An event's hit is its record, the merged event the indexer wrote;
        // or built from all its documents' summaries.
        if (plan.by_event) {
            // Text prints the record's cells and listing, not its JSON
            // (record_json is false but for HitDetail::Record).
            plan.records = plan.records || plan.brief;
            plan.brief = false;
        }
        AttendedAnswer answer;
        answer.country = {country.alpha2, country.name};
        SearchResult& result = answer.hits.result;
        result = index().search(plan);
        if (plan.by_event) fill_events(index(), result);
        for (Hit& h : result.hits) h.role = role_of(h, country.alpha2);
        answer.hits.offset = query.paging.offset;
        answer.hits.facet_limit = query.facet_limit;
        return answer;
    });
}

std::optional<ShowAnswer> Engine::show(const ShowQuery& query)
{
    return translated(path_, [&]() -> std::optional<ShowAnswer> {
        Index& index = this->index();
        const std::string& target = query.target;
        ShowAnswer answer;
        if (target.rfind("ev", 0) == 0) {
            answer.event_asked = index.with_retry(
                [&target](Xapian::Database& db) { return read_event(db, target); });
            if (answer.event_asked) return answer;
        }
        std::optional<Xapian::Document> doc =
            index.with_retry([&target](Xapian::Database& db) -> std::optional<Xapian::Document> {
                std::vector<std::string> ids{target};
                // A path: as the index records it (relative to the corpus), or
                // a path to the file that lies inside the corpus.
                std::filesystem::path corpus(db.get_metadata(std::string(kCorpusKey)));
                std::error_code ec;
                std::filesystem::path absolute = std::filesystem::weakly_canonical(target, ec);
                std::filesystem::path root = std::filesystem::weakly_canonical(corpus, ec);
                std::filesystem::path relative = absolute.lexically_relative(root);
                if (!relative.empty() && *relative.begin() != "..")
                    ids.push_back(note_id(relative.generic_string()));
                ids.push_back(
                    note_id(std::filesystem::path(target).lexically_normal().generic_string()));
                for (const std::string& id : ids) {
                    Xapian::PostingIterator p = db.postlist_begin(filter_term(FieldId::Id, id));
                    if (p != db.postlist_end(filter_term(FieldId::Id, id)))
                        return db.get_document(*p);
                }
                return std::nullopt;
            });
        if (!doc) return std::nullopt;
        answer.summary = stored_evidence_summary(*doc);
        answer.text = stored_text(*doc);
        std::string event_id = doc->get_value(kEventSlot);
        if (!event_id.empty())
            answer.event = index.with_retry(
                [&event_id](Xapian::Database& db) { return read_event(db, event_id); });
        return answer;
    });
}

CountriesAnswer Engine::countries(const CountriesQuery& query)
{
    return translated(path_, [&] {
        BuiltQuery built = build(query.filters);
        Index& index = this->index();
        bool remote = index.remote();
        Counting counting = query.documents ? Counting::Documents : Counting::Events;
        std::map<Facet, FacetCounts> counts = index.with_retry([&](Xapian::Database& db) {
            return count_facets(db, built.query, {Facet::Country, Facet::VenueCountry}, remote,
                                counting);
        });
        const FacetCounts& hosted = counts[Facet::VenueCountry];
        CountriesAnswer answer;
        for (const auto& [code, n] : ranked_values(counts[Facet::Country], 0)) {
            auto h = hosted.find(code);
            answer.countries.push_back(
                {code, country_label(code), n, h == hosted.end() ? 0 : h->second});
        }
        answer.total = answer.countries.size();
        if (query.limit && answer.total > *query.limit) answer.countries.resize(*query.limit);
        return answer;
    });
}

StatsAnswer Engine::stats(const StatsQuery& query)
{
    return translated(path_, [&] {
        Overview o = overview(index(), {Facet::Country, Facet::Org, Facet::Type});
        StatsAnswer answer;
        std::tie(answer.built, answer.updated) = index().with_retry([](Xapian::Database& db) {
            return std::pair{db.get_metadata(std::string(kBuildTimeKey)),
                             db.get_metadata(std::string(kUpdateTimeKey))};
        });
        auto top = [&](Facet f) {
            std::vector<RankedValue> list;
            for (const auto& [value, n] : ranked_values(o.counts[f], query.top))
                list.push_back({value, f == Facet::Country ? country_label(value) : "", n});
            return list;
        };
        answer.notes = o.notes;
        answer.events = o.events;
        answer.first_date = iso_of(o.first);
        answer.last_date = iso_of(o.last);
        answer.undated = o.undated;
        answer.countries = o.counts[Facet::Country].size();
        answer.top_countries = top(Facet::Country);
        answer.top_organizations = top(Facet::Org);
        answer.types = top(Facet::Type);
        return answer;
    });
}

TimelineAnswer Engine::timeline(const TimelineQuery& query)
{
    return translated(path_, [&] {
        if (query.by != "year" && query.by != "month")
            throw QueryError("--by takes year or month, not '" + query.by + "'");
        bool by_month = query.by == "month";
        BuiltQuery built = build(query.filters);
        Index& index = this->index();
        TimelineAnswer answer;
        answer.by = query.by;
        // Events by the first day any matching document gives them; with
        // documents asked for, documents by their start date.
        answer.events = !query.documents;
        const bool remote = index.remote();
        Xapian::doccount matched = 0;
        answer.periods = index.with_retry([&](Xapian::Database& db) {
            Xapian::Enquire enquire(db);
            enquire.set_query(built.query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::ValueCountMatchSpy spy(kStartDateSlot);
            EventStartSpy events;
            // A remote shard runs Xapian's own spies only (facets.h).
            FacetCounter remote_events({}, true, Counting::Events);
            if (answer.events && remote)
                remote_events.attach(enquire);
            else if (answer.events)
                enquire.add_matchspy(&events);
            else
                enquire.add_matchspy(&spy);
            Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
            std::map<std::string, Xapian::doccount> by_date;
            if (answer.events) {
                std::map<std::string, std::string> starts =
                    remote ? *remote_events.event_starts() : events.starts();
                matched = static_cast<Xapian::doccount>(starts.size());
                for (const auto& [event, start] : starts)
                    if (!start.empty()) ++by_date[start];
            } else {
                matched = mset.get_matches_estimated();
                for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
                    by_date[*it] += it.get_termfreq();
            }
            std::map<std::string, Xapian::doccount> counts;
            for (const auto& [date, n] : by_date) {
                if (date.size() != 8) continue;
                counts[by_month ? date.substr(0, 4) + "-" + date.substr(4, 2)
                                : date.substr(0, 4)] += n;
            }
            return filled_periods(counts);
        });
        for (const Period& p : answer.periods) answer.dated += p.notes;
        // Notes without a date have an empty start slot, which the spy skips.
        answer.undated = matched - answer.dated;
        return answer;
    });
}

ProfileAnswer Engine::profile(const ProfileQuery& query)
{
    return translated(path_, [&] {
        const Country& country = find_country(query.country, default_gazetteer);
        const std::string& code = country.alpha2;
        SearchRequest request = query.filters;
        request.countries.insert(request.countries.begin(), code);
        request.any_country = false;
        request.include_invited = false;
        BuiltQuery attended_query = build(request);
        // The same organizations as the request's: checked once, above.
        BuiltQuery filters = build_query(query.filters, default_gazetteer);
        Xapian::Query invited_query(Xapian::Query::OP_FILTER, filters.query,
                                    Xapian::Query(filter_term(FieldId::Invited, code)));
        struct Found {
            std::set<std::string> attended;
            std::set<std::string> invited;
            std::map<std::string, EventAggregate> all;
        };
        Found found = index().with_retry([&](Xapian::Database& db) {
            std::set<std::string> attended = matching_events(db, attended_query.query);
            Xapian::Query whole = documents_of(attended, attended_query.query);
            return Found{attended, matching_events(db, invited_query),
                         aggregates(db, whole, EventSet(attended.begin(), attended.end()))};
        });
        ProfileAnswer answer;
        answer.country = {code, country.name};
        answer.events = found.attended.size();
        std::map<std::string, std::size_t> years, types, regions, orgs, states;
        const std::pair<const std::string, EventAggregate>* first = nullptr;
        const std::pair<const std::string, EventAggregate>* last = nullptr;
        const RegionTable& region_table = default_region_table();
        for (const std::string& id : found.attended) {
            auto it = found.all.find(id);
            if (it == found.all.end()) continue;
            const EventAggregate& e = it->second;
            if (e.start.size() == 8) {
                ++years[e.start.substr(0, 4)];
                if (!first || e.start < first->second.start) first = &*it;
                if (!last || e.start > last->second.start) last = &*it;
            } else {
                ++answer.undated;
            }
            for (const std::string& t : e.types) ++types[t];
            std::set<std::string> event_regions;
            for (const std::string& v : e.venues)
                for (const Region* r : region_table.regions_of(v)) event_regions.insert(r->name);
            for (const std::string& r : event_regions) ++regions[r];
            for (const std::string& o : e.orgs) ++orgs[o];
            for (const std::string& s : e.states)
                if (s != code) ++states[s];
            if (e.venues.count(code)) ++answer.hosted;
            if (e.participants.count(code)) ++answer.participated;
        }
        for (const std::string& id : found.invited)
            if (!found.attended.count(id)) ++answer.invited_only;
        auto mention = [](const std::pair<const std::string, EventAggregate>* e) {
            std::optional<EventMention> m;
            if (e) m = EventMention{e->first, iso_of(e->second.start), e->second.title};
            return m;
        };
        answer.first = mention(first);
        answer.last = mention(last);
        for (const auto& [y, n] : years) answer.by_year.push_back({y, "", n});
        answer.years = filled_periods(years);
        for (const Period& p : answer.years)
            if (p.notes == 0) answer.years_without.push_back(p.label);
        answer.by_type = ranked(types, false, 0);
        answer.by_region = ranked(regions, false, 0);
        answer.organizations = ranked(orgs, false, query.top);
        answer.states = ranked(states, true, query.top);
        return answer;
    });
}

CoattendAnswer Engine::coattend(const CoattendQuery& query)
{
    return translated(path_, [&] {
        BuiltQuery built = build(query.filters);
        std::set<std::string> only;
        for (const std::string& c : query.filters.countries)
            only.insert(find_country(c, default_gazetteer).alpha2);
        // The events the filters match, then every State any document of those
        // events lists: a press release that does not name C still adds its
        // States to C's event.
        EventStates states = index().with_retry([&built](Xapian::Database& db) {
            auto pass = [&db](const Xapian::Query& q, const EventSet* keep) {
                EventStatesSpy spy(keep);
                run_spy(db, q, spy);
                return spy.take();
            };
            EventStates matched = pass(built.query, nullptr);
            if (built.filters.empty() && built.words.get_type() == Xapian::Query::LEAF_MATCH_ALL)
                return matched;
            EventSet ids;
            for (const auto& [event, codes] : matched) ids.insert(event);
            EventStates all = pass(documents_of(matched, built.query), &ids);
            for (auto& [event, codes] : matched)
                if (auto it = all.find(event); it != all.end()) codes = std::move(it->second);
            return matched;
        });
        CoattendAnswer answer;
        answer.events = states.size();
        answer.pairs = coattend_pairs(states, only);
        if (query.limit && answer.pairs.size() > *query.limit) answer.pairs.resize(*query.limit);
        std::vector<std::size_t> events_of(std::size_t{1} << (8 * sizeof(StateCode)), 0);
        for (const auto& [event, codes] : states)
            for (StateCode c : codes) ++events_of[c];
        for (const CoattendPair& p : answer.pairs)
            for (const std::string& c : {p.a, p.b})
                answer.states.try_emplace(
                    c, RankedValue{c, country_label(c), events_of[state_code(c)]});
        return answer;
    });
}

CoverageAnswer Engine::coverage(const CoverageQuery& query)
{
    return translated(path_, [&] {
        SearchRequest request = query.filters;
        std::vector<std::string> regions = std::move(request.regions);
        request.regions.clear();
        if (!query.since.empty()) {
            if (!request.from.empty())
                throw QueryError("--since and --from both say where to start; give one");
            if (query.since.size() != 4 ||
                query.since.find_first_not_of("0123456789") != std::string::npos)
                throw QueryError("--since: takes a four-digit year, not '" + query.since + "'");
            request.from = query.since;
        }
        std::set<std::string> in_regions;
        for (const std::string& name : regions) {
            const Region& region = find_region(name);
            in_regions.insert(region.countries.begin(), region.countries.end());
        }
        BuiltQuery built = build(request);
        // Per event, its States and its first start date, from one match.
        struct Seen {
            EventStates states;
            std::map<std::string, std::string> starts;
        };
        Seen seen = index().with_retry([&built](Xapian::Database& db) {
            EventStatesSpy states;
            EventStartSpy starts;
            run_spies(db, built.query, {&states, &starts});
            return Seen{states.take(), starts.starts()};
        });
        // Per State, by its code's number: the events it attended
        // (participant or host), and the latest start date among them.
        const std::size_t codes_count = std::size_t{1} << (8 * sizeof(StateCode));
        std::vector<std::size_t> attended(codes_count, 0);
        std::vector<std::string> latest(codes_count);
        for (const auto& [id, codes] : seen.states) {
            auto found = seen.starts.find(id);
            if (found == seen.starts.end()) continue;
            for (StateCode code : codes) {
                ++attended[code];
                if (found->second > latest[code]) latest[code] = found->second;
            }
        }
        CoverageAnswer answer;
        answer.since = query.since;
        for (const UnState& s : un_members()) {
            if (!regions.empty() && !in_regions.count(s.code)) continue;
            const StateCode code = state_code(s.code);
            std::size_t n = attended[code];
            std::string last = n ? iso_of(latest[code]) : "";
            answer.states.push_back({s.code, country_label(s.code), s.observer, n, last});
        }
        // Those the Committee has not met first, then the fewest events.
        std::stable_sort(answer.states.begin(), answer.states.end(),
                         [](const CoverageRow& a, const CoverageRow& b) {
                             return a.events != b.events ? a.events < b.events : a.name < b.name;
                         });
        if (query.limit && answer.states.size() > *query.limit) answer.states.resize(*query.limit);
        return answer;
    });
}

}  // namespace infonote
