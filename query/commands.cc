#include "commands.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <sstream>

#include "country_gazetteer.h"
#include "diagnostic.h"
#include "regions.h"
#include "un_members.h"
#include "events.h"
#include "exit_codes.h"
#include "org_check.h"
#include "schema.h"
#include "terminal_text.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

constexpr std::size_t kDefaultRankedLimit = 20;
constexpr std::size_t kSnippetLength = 200;
constexpr std::string_view kProgram = "infonote-query";

// Runs a command, turning its errors into a one-line message and the exit
// status documented in --help.
int guarded(const QueryOptions& options, const std::function<int()>& command)
{
    try {
        if (!options.filters.organizations.empty()) {
            Index index(options.db, options.open);
            index.with_retry([&options](Xapian::Database& db) {
                check_organizations(db, options.filters.organizations);
                return 0;
            });
        }
        return command();
    } catch (const QueryError& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitUsage;
    } catch (const DatabaseError& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitFailure;
    } catch (const Xapian::Error& e) {
        std::cerr << program_error(kProgram, options.db.string() + ": " + e.get_description())
                  << '\n';
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << program_error(kProgram, e.what()) << '\n';
        return kExitFailure;
    }
}

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

// The words as one query text.
std::string joined_words(const std::vector<std::string>& words)
{
    std::string text;
    for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
    return text;
}

// The plan for a listing or search: the request's words and filters, the
// user's paging and order, and defaults that list everything when there
// is nothing to rank.
SearchPlan plan_for(const QueryOptions& o, SearchRequest request, const Terminal& terminal)
{
    std::string typed = joined_words(o.words);
    if (!typed.empty()) request.words += (request.words.empty() ? "" : " ") + typed;
    SearchPlan plan;
    plan.query = build_query(request, default_gazetteer);
    plan.sort = o.sort.value_or(plan.query.ranked ? SortOrder::Relevance : SortOrder::Date);
    if (plan.sort == SortOrder::Relevance && !plan.query.ranked) plan.sort = SortOrder::Date;
    plan.reverse = o.reverse;
    plan.offset = o.offset;
    plan.limit = o.all ? 0 : o.limit.value_or(plan.query.ranked ? kDefaultRankedLimit : 0);
    plan.facets = facets_of(o.facets);
    plan.brief = o.format == OutputFormat::Text;
    if (o.verbose)
        std::cerr << "infonote-query: query: "
                  << escape_controls(plan.query.query.get_description()) << '\n';
    if (plan.query.ranked) {
        plan.snippet_length = kSnippetLength;
        if (o.format == OutputFormat::Text && terminal.colour) {
            plan.highlight_begin = kHighlightBegin;
            plan.highlight_end = kHighlightEnd;
        }
    }
    return plan;
}

HitPrintOptions print_options(const QueryOptions& o, const Terminal& terminal)
{
    HitPrintOptions p;
    p.format = o.format;
    p.terminal = terminal;
    p.facet_limit = o.facet_limit;
    p.offset = o.offset;
    p.csv_cells = o.csv_raw ? CsvCells::Raw : CsvCells::Defused;
    return p;
}

std::string country_label(const std::string& code)
{
    const Country* c = english_gazetteer().by_code(code);
    return c ? c->name : code;
}

// A summary's country entry's roles: "host, participant".
std::string joined_roles(const Json& country)
{
    std::string roles;
    for (const Json& r : country["roles"])
        roles += (roles.empty() ? "" : ", ") + r.get<std::string>();
    return roles;
}

// "host", "participant" or "host, participant": what `code` was at the
// event, from the hit's listing or its stored summary.
// "UNODA  United Nations Office for Disarmament Affairs  (organizer)".
std::string organization_line(const Json& o)
{
    std::string line = o.value("acronym", Json()).is_string()
                           ? o["acronym"].get<std::string>() + "  " + o.value("name", "")
                           : o.value("name", "");
    const Json& role = o.value("role", Json());
    return role.is_string() ? line + "  (" + role.get<std::string>() + ")" : line;
}

std::string role_of(const Hit& hit, const std::string& code)
{
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

std::map<Facet, FacetCounts> counts_over(Index& index, const Xapian::Query& query,
                                         const std::vector<Facet>& facets, Counting counting)
{
    return index.with_retry([&](Xapian::Database& db) {
        return count_facets(db, query, facets, index.remote(), counting);
    });
}

struct Overview {
    std::map<Facet, FacetCounts> counts;
    std::string first;
    std::string last;
    Xapian::doccount notes = 0;
    /// Distinct events (local databases; remote shards count documents).
    Xapian::doccount events = 0;
    Xapian::doccount undated = 0;
};

std::string iso_of(const std::string& compact)
{
    if (compact.size() != 8) return compact;
    return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
}

// Facets and the date span over every note, in one pass: the first start
// date and last end date are exact, unlike the value bounds Xapian keeps,
// which deletions can leave loose.
Overview overview(Index& index, const std::vector<Facet>& facets)
{
    bool remote = index.remote();
    return index.with_retry([&facets, remote](Xapian::Database& db) {
        Overview o;
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query::MatchAll);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        FacetCounter counter(facets, remote, Counting::Events);
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
        o.events = remote ? o.notes : static_cast<Xapian::doccount>(events.starts().size());
        return o;
    });
}

// --- timeline --------------------------------------------------------------

struct Period {
    std::string label;
    Xapian::doccount notes = 0;
};

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

// Notes per period of their start date, every period between the first
// and the last shown, empty ones included.
std::vector<Period> periods_of(const std::map<std::string, Xapian::doccount>& by_date,
                               bool by_month)
{
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [date, n] : by_date) {
        if (date.size() != 8) continue;
        std::string label =
            by_month ? date.substr(0, 4) + "-" + date.substr(4, 2) : date.substr(0, 4);
        counts[label] += n;
    }
    std::vector<Period> periods;
    if (counts.empty()) return periods;
    for (std::string p = counts.begin()->first;; p = next_period(p)) {
        auto found = counts.find(p);
        periods.push_back({p, found == counts.end() ? 0 : found->second});
        if (p >= counts.rbegin()->first) break;
    }
    return periods;
}

void print_bars(std::ostream& out, const std::vector<Period>& periods, const Terminal& terminal)
{
    Xapian::doccount most = 0;
    std::size_t count_width = 1;
    for (const Period& p : periods) {
        most = std::max(most, p.notes);
        count_width = std::max(count_width, std::to_string(p.notes).size());
    }
    std::size_t label_width = periods.empty() ? 4 : periods.front().label.size();
    std::size_t room = terminal.width > label_width + count_width + 4
                           ? terminal.width - label_width - count_width - 4
                           : 10;
    for (const Period& p : periods) {
        std::size_t bar = most == 0 ? 0 : (p.notes * room + most - 1) / most;
        std::string bars;
        for (std::size_t i = 0; i < bar; ++i) bars += terminal.unicode ? "\u2588" : "#";
        std::string count = std::to_string(p.notes);
        out << p.label << "  " << std::string(count_width - count.size(), ' ') << count << "  "
            << bars << '\n';
    }
}

}  // namespace

int run_search(const QueryOptions& options)
{
    return guarded(options, [&options] {
        Terminal terminal = stdout_terminal();
        SearchPlan plan = plan_for(options, options.filters, terminal);
        Index index(options.db, options.open);
        SearchResult result = index.search(plan);
        HitPrintOptions print = print_options(options, terminal);
        if (plan.query.ranked) {
            std::string typed = joined_words(options.words);
            std::string corrected =
                index.with_retry([&](Xapian::Database& db) { return corrected_words(typed, db); });
            if (!corrected.empty()) {
                print.did_you_mean = corrected;
                if (options.format != OutputFormat::JSON)
                    std::cerr << "infonote-query: did you mean: " << escape_controls(corrected)
                              << '\n';
            }
        }
        print_hits(std::cout, result, print);
        return result.total > 0 ? kExitOk : kExitNoMatch;
    });
}

int run_attended(const QueryOptions& options)
{
    return guarded(options, [&options] {
        const Country& country = find_country(options.target, default_gazetteer);
        SearchRequest request = options.filters;
        request.countries.insert(request.countries.begin(), country.alpha2);
        request.any_country = false;
        Terminal terminal = stdout_terminal();
        QueryOptions listing = options;
        listing.sort = options.sort.value_or(SortOrder::Date);
        SearchPlan plan = plan_for(listing, request, terminal);
        plan.by_event = !options.documents;
        // An event's hit is built from all its documents' summaries.
        if (plan.by_event) plan.brief = false;
        Index index(options.db, options.open);
        SearchResult result = index.search(plan);
        if (plan.by_event) fill_events(index, result);
        for (Hit& h : result.hits) h.role = role_of(h, country.alpha2);
        if (options.format == OutputFormat::Text)
            std::cout << escape_controls(country.name) << " (" << country.alpha2 << ")\n";
        print_hits(std::cout, result, print_options(options, terminal));
        return result.total > 0 ? kExitOk : kExitNoMatch;
    });
}

// `show EVENT_ID`: the event's merged fields and its sources.
int print_event(const QueryOptions& options, const EventView& event)
{
    if (options.format != OutputFormat::Text) {
        Json out = event.summary;
        out["sources"] = event.sources;
        std::cout << (options.format == OutputFormat::JSON ? out.dump(2) : out.dump()) << '\n';
        return kExitOk;
    }
    Terminal terminal = stdout_terminal();
    terminal.width = std::numeric_limits<std::size_t>::max() / 2;
    const Json& s = event.summary;
    Table fields{{"field", "value"}, {}, {}};
    auto add = [&fields](std::string name, const Json& v) {
        if (v.is_null()) return;
        fields.rows.push_back({std::move(name), v.is_string() ? v.get<std::string>() : v.dump()});
    };
    add("event", s["event_id"]);
    add("title", s["title"]);
    add("start", s["start_date"]);
    add("end", s["end_date"]);
    if (s["venue"].is_object()) add("venue", s["venue"]);
    for (const Json& c : s["countries"])
        fields.rows.push_back({"country", c.value("code", "") + "  " + c.value("name", "") +
                                              "  (" + joined_roles(c) + ")"});
    for (const Json& o : s["organizations"])
        fields.rows.push_back({"organization", organization_line(o)});
    for (const Json& src : event.sources)
        fields.rows.push_back({"source", src.value("kind", "") + "  " + src.value("path", "") +
                                             "  id " + src.value("id", "")});
    print_table_text(std::cout, fields, terminal);
    return kExitOk;
}

int run_show(const QueryOptions& options)
{
    return guarded(options, [&options] {
        Index index(options.db, options.open);
        if (options.target.rfind("ev", 0) == 0) {
            std::optional<EventView> event = index.with_retry(
                [&options](Xapian::Database& db) { return read_event(db, options.target); });
            if (event) return print_event(options, *event);
        }
        std::optional<Xapian::Document> doc =
            index.with_retry([&options](Xapian::Database& db) -> std::optional<Xapian::Document> {
                std::vector<std::string> ids{options.target};
                // A path: as the index records it (relative to the corpus),
                // or a path to the file that lies inside the corpus.
                std::filesystem::path corpus(db.get_metadata(std::string(kCorpusKey)));
                std::error_code ec;
                std::filesystem::path absolute =
                    std::filesystem::weakly_canonical(options.target, ec);
                std::filesystem::path root = std::filesystem::weakly_canonical(corpus, ec);
                std::filesystem::path relative = absolute.lexically_relative(root);
                if (!relative.empty() && *relative.begin() != "..")
                    ids.push_back(note_id(relative.generic_string()));
                ids.push_back(note_id(
                    std::filesystem::path(options.target).lexically_normal().generic_string()));
                for (const std::string& id : ids) {
                    Xapian::PostingIterator p = db.postlist_begin(filter_term(FieldId::Id, id));
                    if (p != db.postlist_end(filter_term(FieldId::Id, id)))
                        return db.get_document(*p);
                }
                return std::nullopt;
            });
        if (!doc) {
            std::cerr << "infonote-query: no note with id or path '"
                      << escape_controls(options.target) << "' in "
                      << escape_controls(options.db.string()) << '\n';
            return kExitNoMatch;
        }
        Json summary = stored_evidence_summary(*doc);
        std::string text = stored_text(*doc);
        std::string event_id = doc->get_value(kEventSlot);
        std::optional<EventView> event;
        if (!event_id.empty())
            event = index.with_retry(
                [&event_id](Xapian::Database& db) { return read_event(db, event_id); });
        if (options.format == OutputFormat::Text) {
            // A page, not a listing: values are never cut to the terminal.
            Terminal terminal = stdout_terminal();
            terminal.width = std::numeric_limits<std::size_t>::max() / 2;
            Table fields{{"field", "value"}, {}, {}};
            auto add = [&fields](std::string name, const Json& v) {
                if (v.is_null()) return;
                fields.rows.push_back(
                    {std::move(name), v.is_string() ? v.get<std::string>() : v.dump()});
            };
            // Under each fact, where it was read: "  header line 7: States: ...".
            auto add_where = [&fields](const Json& fact) {
                const Json& e = fact.is_object() ? fact.value("evidence", Json()) : Json();
                if (!e.is_object()) return;
                fields.rows.push_back({"", "  " + e.value("source", "") + " line " +
                                               std::to_string(e.value("line", 0)) + ": " +
                                               e.value("text", "")});
            };
            add("id", summary["id"]);
            add("path", summary["path"]);
            add("kind", summary["kind"]);
            add("title", summary["title"]);
            add("start", summary["start_date"]);
            add("end", summary["end_date"]);
            if (!summary["start_date"].is_null()) add_where(summary.value("dates", Json()));
            Json venue = summary["venue"];
            if (venue.is_object()) {
                Json where = venue.value("evidence", Json());
                venue.erase("evidence");
                add("venue", venue);
                add_where({{"evidence", where}});
            }
            for (const Json& c : summary["countries"]) {
                fields.rows.push_back({"country", c.value("code", "") + "  " + c.value("name", "") +
                                                      "  (" + joined_roles(c) + ")"});
                add_where(c);
            }
            for (const Json& o : summary["organizations"]) {
                fields.rows.push_back({"organization", organization_line(o)});
                add_where(o);
            }
            add("committee", summary["committee"]);
            if (event) {
                fields.rows.push_back({"event", event->id + "  (" +
                                                    std::to_string(event->sources.size()) +
                                                    (event->sources.size() == 1 ? " document)"
                                                                                : " documents)")});
                for (const Json& src : event->sources)
                    fields.rows.push_back({"", "  " + src.value("kind", "") + "  " +
                                                   src.value("path", "") + "  id " +
                                                   src.value("id", "")});
            }
            print_table_text(std::cout, fields, terminal);
            std::cout << '\n'
                      << escape_controls(text, LineBreaks::Keep)
                      << (text.empty() || text.back() == '\n' ? "" : "\n");
        } else {
            if (event) {
                summary["event_id"] = event->id;
                summary["event"] = {{"event_id", event->id},
                                    {"title", event->summary["title"]},
                                    {"sources", event->sources}};
            }
            summary["text"] = text;
            std::cout << (options.format == OutputFormat::JSON ? summary.dump(2) : summary.dump())
                      << '\n';
        }
        return kExitOk;
    });
}

int run_countries(const QueryOptions& options)
{
    return guarded(options, [&options] {
        BuiltQuery query = build_query(options.filters, default_gazetteer);
        Index index(options.db, options.open);
        std::map<Facet, FacetCounts> counts =
            counts_over(index, query.query, {Facet::Country, Facet::VenueCountry},
                        options.documents ? Counting::Documents : Counting::Events);
        const FacetCounts& hosted = counts[Facet::VenueCountry];
        Table table{{"code", "country", "attended", "hosted"}, {false, false, true, true}, {}};
        for (const auto& [code, n] : ranked_values(counts[Facet::Country], 0)) {
            auto h = hosted.find(code);
            table.rows.push_back({code, country_label(code), std::to_string(n),
                                  std::to_string(h == hosted.end() ? 0 : h->second)});
        }
        std::size_t total = table.rows.size();
        if (options.limit && total > *options.limit) table.rows.resize(*options.limit);
        switch (options.format) {
            case OutputFormat::Text:
                print_table_text(std::cout, table, stdout_terminal());
                std::cout << total << (total == 1 ? " country" : " countries");
                if (table.rows.size() < total) std::cout << ", " << table.rows.size() << " shown";
                std::cout << '\n';
                break;
            case OutputFormat::CSV:
                print_table_csv(std::cout, table,
                                options.csv_raw ? CsvCells::Raw : CsvCells::Defused);
                break;
            case OutputFormat::JSON:
            case OutputFormat::JSONL: {
                Json list = Json::array();
                for (const auto& row : table.rows)
                    list.push_back({{"code", row[0]},
                                    {"name", row[1]},
                                    {"attended", std::stoul(row[2])},
                                    {"hosted", std::stoul(row[3])}});
                if (options.format == OutputFormat::JSONL) {
                    for (const Json& c : list) std::cout << c.dump() << '\n';
                } else {
                    Json doc = {{"schema_version", kJsonSchemaVersion}, {"countries", list}};
                    std::cout << doc.dump(2) << '\n';
                }
                break;
            }
        }
        return table.rows.empty() ? kExitNoMatch : kExitOk;
    });
}

int run_stats(const QueryOptions& options)
{
    return guarded(options, [&options] {
        Index index(options.db, options.open);
        Overview o = overview(index, {Facet::Country, Facet::Org, Facet::Type});
        std::map<Facet, FacetCounts>& counts = o.counts;
        auto [built, updated] = index.with_retry([](Xapian::Database& db) {
            return std::pair{db.get_metadata(std::string(kBuildTimeKey)),
                             db.get_metadata(std::string(kUpdateTimeKey))};
        });
        Xapian::doccount notes = o.notes;
        auto top = [&](Facet f) {
            Json list = Json::array();
            for (const auto& [value, n] : ranked_values(counts[f], options.top)) {
                Json v = {{"value", value}, {"count", n}};
                if (f == Facet::Country) v["name"] = country_label(value);
                list.push_back(std::move(v));
            }
            return list;
        };
        Json stats = {{"schema_version", kJsonSchemaVersion},
                      {"notes", notes},
                      {"events", o.events},
                      {"first_date", o.first.empty() ? Json(nullptr) : Json(iso_of(o.first))},
                      {"last_date", o.last.empty() ? Json(nullptr) : Json(iso_of(o.last))},
                      {"undated", o.undated},
                      {"built", built.empty() ? Json(nullptr) : Json(built)},
                      {"updated", updated.empty() ? Json(nullptr) : Json(updated)},
                      {"countries", counts[Facet::Country].size()},
                      {"top_countries", top(Facet::Country)},
                      {"top_organizations", top(Facet::Org)},
                      {"types", top(Facet::Type)}};
        if (options.format != OutputFormat::Text) {
            std::cout << (options.format == OutputFormat::JSON ? stats.dump(2) : stats.dump())
                      << '\n';
            return notes > 0 ? kExitOk : kExitNoMatch;
        }
        std::cout << "notes:      " << notes << "\n"
                  << "events:     " << o.events << "\n"
                  << "dates:      "
                  << (o.first.empty() ? "(none)" : iso_of(o.first) + " .. " + iso_of(o.last))
                  << (o.undated ? "  (" + std::to_string(o.undated) + " undated)" : "") << "\n"
                  << "built:      " << (built.empty() ? "?" : escape_controls(built)) << "\n"
                  << "updated:    " << (updated.empty() ? "never" : escape_controls(updated))
                  << "\n"
                  << "countries:  " << counts[Facet::Country].size() << "\n";
        Terminal terminal = stdout_terminal();
        for (auto [title, key] : {std::pair{"top countries", "top_countries"},
                                  std::pair{"top organizations", "top_organizations"},
                                  std::pair{"event types", "types"}}) {
            std::cout << '\n' << title << '\n';
            Table t{{"events", "value"}, {true, false}, {}};
            for (const Json& v : stats[key])
                t.rows.push_back(
                    {std::to_string(v["count"].get<Xapian::doccount>()),
                     v["value"].get<std::string>() +
                         (v.contains("name") ? "  " + v["name"].get<std::string>() : "")});
            print_table_text(std::cout, t, terminal);
        }
        return notes > 0 ? kExitOk : kExitNoMatch;
    });
}

int run_timeline(const QueryOptions& options)
{
    return guarded(options, [&options] {
        if (options.by != "year" && options.by != "month")
            throw QueryError("--by takes year or month, not '" + options.by + "'");
        bool by_month = options.by == "month";
        BuiltQuery query = build_query(options.filters, default_gazetteer);
        Index index(options.db, options.open);
        Xapian::doccount matched = 0;
        // Events by the first day any matching document gives them; with
        // --documents (or remote shards), documents by their start date.
        bool by_event = !options.documents && !index.remote();
        std::vector<Period> periods = index.with_retry([&](Xapian::Database& db) {
            Xapian::Enquire enquire(db);
            enquire.set_query(query.query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::ValueCountMatchSpy spy(kStartDateSlot);
            EventStartSpy events;
            if (by_event)
                enquire.add_matchspy(&events);
            else
                enquire.add_matchspy(&spy);
            Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
            std::map<std::string, Xapian::doccount> by_date;
            if (by_event) {
                matched = static_cast<Xapian::doccount>(events.starts().size());
                for (const auto& [event, start] : events.starts())
                    if (!start.empty()) ++by_date[start];
            } else {
                matched = mset.get_matches_estimated();
                for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
                    by_date[*it] += it.get_termfreq();
            }
            return periods_of(by_date, by_month);
        });
        Xapian::doccount dated = 0;
        for (const Period& p : periods) dated += p.notes;
        // Notes without a date have an empty start slot, which the spy skips.
        Xapian::doccount undated = matched - dated;
        switch (options.format) {
            case OutputFormat::Text: {
                print_bars(std::cout, periods, stdout_terminal());
                std::cout << dated
                          << (by_event ? (dated == 1 ? " event" : " events")
                                       : (dated == 1 ? " note" : " notes"));
                if (undated) std::cout << ", and " << undated << " without a date";
                std::cout << '\n';
                break;
            }
            case OutputFormat::CSV: {
                Table t{{by_month ? "month" : "year", "notes"}, {false, true}, {}};
                for (const Period& p : periods)
                    t.rows.push_back({p.label, std::to_string(p.notes)});
                print_table_csv(std::cout, t, options.csv_raw ? CsvCells::Raw : CsvCells::Defused);
                break;
            }
            case OutputFormat::JSON:
            case OutputFormat::JSONL: {
                Json list = Json::array();
                for (const Period& p : periods)
                    list.push_back({{"period", p.label}, {"notes", p.notes}});
                if (options.format == OutputFormat::JSONL) {
                    for (const Json& p : list) std::cout << p.dump() << '\n';
                } else {
                    Json doc = {{"schema_version", kJsonSchemaVersion},
                                {"by", options.by},
                                {"periods", list},
                                {"undated", undated}};
                    std::cout << doc.dump(2) << '\n';
                }
                break;
            }
        }
        return dated + undated > 0 ? kExitOk : kExitNoMatch;
    });
}

namespace {

// "&", "<", ">" and quotes as XML entities, control characters dropped.
std::string xml_escaped(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

void print_graphml(std::ostream& out, const std::vector<CoattendPair>& pairs,
                   const std::map<std::string, std::size_t>& events_of)
{
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        << "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        << "  <key id=\"events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
        << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
        << "  <graph id=\"coattend\" edgedefault=\"undirected\">\n";
    std::set<std::string> nodes;
    for (const CoattendPair& p : pairs) {
        nodes.insert(p.a);
        nodes.insert(p.b);
    }
    for (const std::string& code : nodes) {
        auto n = events_of.find(code);
        out << "    <node id=\"" << xml_escaped(code) << "\"><data key=\"name\">"
            << xml_escaped(country_label(code)) << "</data><data key=\"events\">"
            << (n == events_of.end() ? 0 : n->second) << "</data></node>\n";
    }
    for (const CoattendPair& p : pairs)
        out << "    <edge source=\"" << xml_escaped(p.a) << "\" target=\"" << xml_escaped(p.b)
            << "\"><data key=\"weight\">" << p.events << "</data></edge>\n";
    out << "  </graph>\n</graphml>\n";
}

}  // namespace

int run_coattend(const QueryOptions& options)
{
    return guarded(options, [&options] {
        BuiltQuery query = build_query(options.filters, default_gazetteer);
        std::set<std::string> only;
        for (const std::string& c : options.filters.countries)
            only.insert(find_country(c, default_gazetteer).alpha2);
        Index index(options.db, options.open);
        // The events the filters match, then every State any document of
        // those events lists: a press release that does not name C still
        // adds its States to C's event.
        std::map<std::string, std::set<std::string>> states =
            index.with_retry([&query](Xapian::Database& db) {
                auto pass = [&db](const Xapian::Query& q) {
                    Xapian::Enquire enquire(db);
                    enquire.set_query(q);
                    enquire.set_weighting_scheme(Xapian::BoolWeight());
                    EventStatesSpy spy;
                    enquire.add_matchspy(&spy);
                    enquire.get_mset(0, 0, db.get_doccount());
                    return spy.states();
                };
                std::map<std::string, std::set<std::string>> matched = pass(query.query);
                std::map<std::string, std::set<std::string>> all =
                    pass(Xapian::Query::MatchAll);
                for (auto& [event, codes] : matched) codes = all[event];
                return matched;
            });
        std::vector<CoattendPair> pairs = coattend_pairs(states, only);
        std::map<std::string, std::size_t> events_of;
        for (const auto& [event, codes] : states)
            for (const std::string& c : codes) ++events_of[c];
        if (options.limit && pairs.size() > *options.limit) pairs.resize(*options.limit);
        const std::string& format = options.format_name;
        if (format == "graphml") {
            print_graphml(std::cout, pairs, events_of);
        } else if (format == "json" || format == "jsonl") {
            Json list = Json::array();
            for (const CoattendPair& p : pairs)
                list.push_back({{"a", p.a}, {"b", p.b}, {"events", p.events}});
            if (format == "jsonl") {
                for (const Json& p : list) std::cout << p.dump() << '\n';
            } else {
                Json doc = {{"schema_version", kJsonSchemaVersion}, {"pairs", list}};
                std::cout << doc.dump(2) << '\n';
            }
        } else {
            Table t{{"a", "b", "events", "names"}, {false, false, true, false}, {}};
            for (const CoattendPair& p : pairs)
                t.rows.push_back({p.a, p.b, std::to_string(p.events),
                                  country_label(p.a) + " / " + country_label(p.b)});
            if (format == "csv") {
                print_table_csv(std::cout, t, options.csv_raw ? CsvCells::Raw : CsvCells::Defused);
            } else {
                print_table_text(std::cout, t, stdout_terminal());
                std::cout << pairs.size() << (pairs.size() == 1 ? " pair" : " pairs") << " over "
                          << states.size() << (states.size() == 1 ? " event\n" : " events\n");
            }
        }
        return pairs.empty() ? kExitNoMatch : kExitOk;
    });
}

namespace {

// Values by count (most first), then by value.
Json ranked_json(const std::map<std::string, std::size_t>& counts, const char* key,
                 bool country_names, std::size_t limit)
{
    std::vector<std::pair<std::string, std::size_t>> values(counts.begin(), counts.end());
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (limit != 0 && values.size() > limit) values.resize(limit);
    Json out = Json::array();
    for (const auto& [value, n] : values) {
        Json v = {{key, value}};
        if (country_names) v["name"] = country_label(value);
        v["events"] = n;
        out.push_back(std::move(v));
    }
    return out;
}

// The event ids of the documents `query` matches.
std::set<std::string> matching_events(Xapian::Database& db, const Xapian::Query& query)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    EventStartSpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    std::set<std::string> out;
    for (const auto& [event, start] : spy.starts()) out.insert(event);
    return out;
}

}  // namespace

int run_coverage(const QueryOptions& options)
{
    return guarded(options, [&options] {
        // --region names the States to list, not where events were held.
        SearchRequest request = options.filters;
        std::vector<std::string> regions = std::move(request.regions);
        request.regions.clear();
        if (!options.since.empty()) {
            if (!request.from.empty())
                throw QueryError("--since and --from both say where to start; give one");
            if (options.since.size() != 4 ||
                options.since.find_first_not_of("0123456789") != std::string::npos)
                throw QueryError("--since: takes a four-digit year, not '" + options.since + "'");
            request.from = options.since;
        }
        std::set<std::string> in_regions;
        for (const std::string& name : regions) {
            const Region& region = find_region(name);
            in_regions.insert(region.countries.begin(), region.countries.end());
        }
        BuiltQuery query = build_query(request, default_gazetteer);
        Index index(options.db, options.open);
        std::map<std::string, EventAggregate> events = index.with_retry([&](Xapian::Database& db) {
            Xapian::Enquire enquire(db);
            enquire.set_query(query.query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            EventAggregateSpy spy;
            enquire.add_matchspy(&spy);
            enquire.get_mset(0, 0, db.get_doccount());
            return spy.events();
        });
        // Per State: the events it attended (participant or host), and the
        // latest start date among them.
        std::map<std::string, std::pair<std::size_t, std::string>> attended;
        for (const auto& [id, e] : events)
            for (const std::string& code : e.states) {
                auto& [count, last] = attended[code];
                ++count;
                last = std::max(last, e.start);
            }
        struct Row {
            const UnState* state;
            std::string name;
            std::size_t events;
            std::string last;  // "YYYY-MM-DD" or ""
        };
        std::vector<Row> rows;
        for (const UnState& s : un_members()) {
            if (!regions.empty() && !in_regions.count(s.code)) continue;
            auto it = attended.find(s.code);
            std::size_t n = it == attended.end() ? 0 : it->second.first;
            std::string last = it == attended.end() ? "" : it->second.second;
            if (last.size() == 8) last = last.substr(0, 4) + "-" + last.substr(4, 2) + "-" + last.substr(6);
            rows.push_back({&s, country_label(s.code), n, last});
        }
        // Those the Committee has not met first, then the fewest events.
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return a.events != b.events ? a.events < b.events : a.name < b.name;
        });
        if (options.limit && rows.size() > *options.limit) rows.resize(*options.limit);
        auto status = [](const Row& r) { return r.state->observer ? "observer" : "member"; };
        switch (options.format) {
            case OutputFormat::Text: {
                Table table{{"code", "country", "status", "events", "last"},
                            {false, false, false, true, false},
                            {}};
                std::size_t none = 0;
                for (const Row& r : rows) {
                    none += r.events == 0;
                    table.rows.push_back({r.state->code, r.name, status(r),
                                          std::to_string(r.events), r.last.empty() ? "-" : r.last});
                }
                print_table_text(std::cout, table, stdout_terminal());
                std::cout << rows.size() << (rows.size() == 1 ? " State, " : " States, ") << none
                          << " without an event"
                          << (options.since.empty() ? "" : " since " + options.since) << '\n';
                break;
            }
            case OutputFormat::CSV: {
                Table table{{"code", "country", "status", "events", "last"}, {}, {}};
                for (const Row& r : rows)
                    table.rows.push_back(
                        {r.state->code, r.name, status(r), std::to_string(r.events), r.last});
                print_table_csv(std::cout, table,
                                options.csv_raw ? CsvCells::Raw : CsvCells::Defused);
                break;
            }
            case OutputFormat::JSON:
            case OutputFormat::JSONL: {
                Json list = Json::array();
                for (const Row& r : rows)
                    list.push_back({{"code", r.state->code},
                                    {"name", r.name},
                                    {"status", status(r)},
                                    {"events", r.events},
                                    {"last", r.last.empty() ? Json(nullptr) : Json(r.last)}});
                if (options.format == OutputFormat::JSONL) {
                    for (const Json& c : list) std::cout << c.dump() << '\n';
                } else {
                    Json doc = {{"schema_version", kJsonSchemaVersion},
                                {"since", options.since.empty() ? Json(nullptr)
                                                                : Json(std::stoi(options.since))},
                                {"countries", list}};
                    std::cout << doc.dump(2) << '\n';
                }
                break;
            }
        }
        return rows.empty() ? kExitNoMatch : kExitOk;
    });
}

int run_profile(const QueryOptions& options)
{
    return guarded(options, [&options] {
        const Country& country = find_country(options.target, default_gazetteer);
        const std::string& code = country.alpha2;
        SearchRequest request = options.filters;
        request.countries.insert(request.countries.begin(), code);
        request.any_country = false;
        request.include_invited = false;
        BuiltQuery attended_query = build_query(request, default_gazetteer);
        BuiltQuery filters = build_query(options.filters, default_gazetteer);
        Xapian::Query invited_query(Xapian::Query::OP_FILTER, filters.query,
                                    Xapian::Query(filter_term(FieldId::Invited, code)));
        Index index(options.db, options.open);
        struct Found {
            std::set<std::string> attended;
            std::set<std::string> invited;
            std::map<std::string, EventAggregate> all;
        };
        Found found = index.with_retry([&](Xapian::Database& db) {
            Found f;
            f.attended = matching_events(db, attended_query.query);
            f.invited = matching_events(db, invited_query);
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query::MatchAll);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            EventAggregateSpy spy;
            enquire.add_matchspy(&spy);
            enquire.get_mset(0, 0, db.get_doccount());
            f.all = spy.events();
            return f;
        });
        std::map<std::string, std::size_t> years, types, regions, orgs, states;
        std::size_t hosted = 0, participated = 0, invited_only = 0, undated = 0;
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
                ++undated;
            }
            for (const std::string& t : e.types) ++types[t];
            std::set<std::string> event_regions;
            for (const std::string& v : e.venues)
                for (const Region* r : region_table.regions_of(v)) event_regions.insert(r->name);
            for (const std::string& r : event_regions) ++regions[r];
            for (const std::string& o : e.orgs) ++orgs[o];
            for (const std::string& s : e.states)
                if (s != code) ++states[s];
            if (e.venues.count(code)) ++hosted;
            if (e.participants.count(code)) ++participated;
        }
        for (const std::string& id : found.invited)
            if (!found.attended.count(id)) ++invited_only;
        std::vector<std::string> without;
        if (first && last) {
            int a = std::stoi(first->second.start.substr(0, 4));
            int b = std::stoi(last->second.start.substr(0, 4));
            for (int y = a; y <= b; ++y)
                if (!years.count(std::to_string(y))) without.push_back(std::to_string(y));
        }
        auto event_json = [](const std::pair<const std::string, EventAggregate>* e) {
            if (!e) return Json(nullptr);
            return Json{{"event_id", e->first},
                        {"date", iso_of(e->second.start)},
                        {"title", e->second.title}};
        };
        Json by_year = Json::array();
        for (const auto& [y, n] : years) by_year.push_back({{"year", y}, {"events", n}});
        std::size_t top = options.top;
        Json profile = {{"schema_version", kJsonSchemaVersion},
                        {"country", {{"code", code}, {"name", country.name}}},
                        {"events", found.attended.size()},
                        {"undated", undated},
                        {"first", event_json(first)},
                        {"last", event_json(last)},
                        {"by_year", by_year},
                        {"years_without", without},
                        {"by_type", ranked_json(types, "type", false, 0)},
                        {"by_region", ranked_json(regions, "region", false, 0)},
                        {"roles",
                         {{"host", hosted}, {"participant", participated}, {"invited", invited_only}}},
                        {"organizations", ranked_json(orgs, "value", false, top)},
                        {"states", ranked_json(states, "code", true, top)}};
        if (options.format == OutputFormat::JSON || options.format == OutputFormat::JSONL) {
            std::cout << (options.format == OutputFormat::JSON ? profile.dump(2) : profile.dump())
                      << '\n';
            return found.attended.empty() ? kExitNoMatch : kExitOk;
        }
        if (options.format == OutputFormat::CSV) {
            // One row per figure, for a spreadsheet's pivot table.
            Table t{{"section", "value", "name", "events"}, {}, {}};
            auto row = [&t](std::string section, std::string value, std::string name,
                            std::size_t n) {
                t.rows.push_back({std::move(section), std::move(value), std::move(name),
                                  std::to_string(n)});
            };
            row("events", code, country.name, found.attended.size());
            row("undated", code, country.name, undated);
            for (const auto& [role, n] :
                 {std::pair<const char*, std::size_t>{"host", hosted}, {"participant", participated},
                  {"invited", invited_only}})
                row("role", role, "", n);
            for (const Json& y : profile["by_year"])
                row("year", y["year"], "", y["events"].get<std::size_t>());
            auto section = [&](const char* name, const Json& list, const char* key) {
                for (const Json& v : list)
                    row(name, v[key], v.value("name", ""), v["events"].get<std::size_t>());
            };
            section("type", profile["by_type"], "type");
            section("region", profile["by_region"], "region");
            section("organization", profile["organizations"], "value");
            section("state", profile["states"], "code");
            print_table_csv(std::cout, t, options.csv_raw ? CsvCells::Raw : CsvCells::Defused);
            return found.attended.empty() ? kExitNoMatch : kExitOk;
        }
        Terminal terminal = stdout_terminal();
        std::cout << escape_controls(country.name) << " (" << code << "): " << found.attended.size()
                  << (found.attended.size() == 1 ? " event" : " events");
        if (undated) std::cout << " (" << undated << " undated)";
        std::cout << "; host of " << hosted << ", invited only to " << invited_only << '\n';
        if (first)
            std::cout << "first:  " << iso_of(first->second.start) << "  "
                      << escape_controls(first->second.title) << '\n'
                      << "last:   " << iso_of(last->second.start) << "  "
                      << escape_controls(last->second.title) << '\n';
        if (!without.empty()) {
            std::cout << "years without any:";
            for (const std::string& y : without) std::cout << ' ' << y;
            std::cout << '\n';
        }
        std::vector<Period> periods;
        if (!years.empty())
            for (std::string p = years.begin()->first;; p = next_period(p)) {
                auto n = years.find(p);
                periods.push_back({p, static_cast<Xapian::doccount>(n == years.end() ? 0 : n->second)});
                if (p >= years.rbegin()->first) break;
            }
        std::cout << "\nevents per year\n";
        print_bars(std::cout, periods, terminal);
        auto section = [&](const char* title, const Json& list, const char* key) {
            std::cout << '\n' << title << '\n';
            Table t{{"events", "value"}, {true, false}, {}};
            for (const Json& v : list)
                t.rows.push_back({std::to_string(v["events"].get<std::size_t>()),
                                  v[key].get<std::string>() +
                                      (v.contains("name") ? "  " + v["name"].get<std::string>()
                                                          : "")});
            print_table_text(std::cout, t, terminal);
        };
        section("event types", profile["by_type"], "type");
        section("regions", profile["by_region"], "region");
        section("organizations met most", profile["organizations"], "value");
        section("States met most", profile["states"], "code");
        return found.attended.empty() ? kExitNoMatch : kExitOk;
    });
}

}  // namespace infonote
