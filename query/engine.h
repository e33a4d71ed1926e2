// The query engine: every question infonote-query answers, as a typed
// request in and a result out. It runs the Xapian side (queries, value
// slots, match spies) and nothing else: it never prints, and knows nothing
// of colour, terminals or output formats. The command line (query/cli/) and
// any other front end call it and present what it returns with the output
// modules (json_output.h, text_output.h, csv_output.h, ...).
//
// Errors come back as exceptions carrying the message a user sees:
// QueryError for a bad query, value or unknown name (with its did-you-mean),
// DatabaseError when the database cannot be used (a Xapian error included,
// its message after the database's path).
#ifndef INFONOTE_QUERY_ENGINE_H
#define INFONOTE_QUERY_ENGINE_H

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "events.h"
#include "note_json.h"
#include "query_builder.h"
#include "searcher.h"

namespace infonote {

/// Which hits of a listing to return, and in what order.
struct Paging {
    /// At most this many; by default 20 for a ranked search, else all.
    std::optional<std::size_t> limit;
    std::size_t offset = 0;
    /// Every hit, whatever `limit` says.
    bool all = false;
    /// By default relevance for a ranked search, else date.
    std::optional<SortOrder> sort;
    /// Newest or weakest first.
    bool reverse = false;
};

/// What a hit carries besides its place in the list.
enum class HitDetail {
    /// The note's whole stored summary (docs/json-schema.md, HIT).
    Summary,
    /// Only its listing line (listing.h, Listing): much quicker for long
    /// lists that show one line per note.
    Listing,
    /// Its record (event_record.h): what JSON, JSON Lines and CSV listings
    /// print, without parsing any summary. Hit::summary stays null.
    Record,
    /// Its record without its JSON: what CSV listings print, read without
    /// inflating any JSON. Hit::summary stays null.
    Cells,
};

/// What search and attended share: filters, paging, facets.
struct HitsQuery {
    SearchRequest filters;
    Paging paging;
    /// Facet names (facets.h), comma-separated or one per entry.
    std::vector<std::string> facets;
    /// Values kept per facet, most frequent first (0: all).
    std::size_t facet_limit = 10;
    HitDetail detail = HitDetail::Summary;
};

/// `search WORDS`: words and filters.
struct SearchQuery : HitsQuery {
    /// Words and fields in the query syntax (docs/query.md).
    std::string words;
    /// Marks put around matched words in snippets ("" for none).
    std::string highlight_begin;
    std::string highlight_end;
};

/// Hits of `search` or `attended`.
struct SearchAnswer {
    SearchResult result;
    /// The requested offset and facet limit, as the writers echo them.
    std::size_t offset = 0;
    std::size_t facet_limit = 10;
    /// A corrected query to suggest, or "".
    std::string did_you_mean;
};

/// `attended COUNTRY`: every event (or document) a country attended.
struct AttendedQuery : HitsQuery {
    /// Name, alias or code.
    std::string country;
    /// One hit per document rather than per event.
    bool documents = false;
};

struct CountryName {
    std::string code;
    std::string name;
};

struct AttendedAnswer {
    CountryName country;
    /// Each hit with its `role`.
    SearchAnswer hits;
};

/// `show NOTE`: a note by id or path, or an event by id.
struct ShowQuery {
    std::string target;
};

struct ShowAnswer {
    /// An event asked for by its id: its merged fields and sources.
    std::optional<EventView> event_asked;
    /// Otherwise the note: its summary with evidence, its text and the
    /// event it belongs to, if any.
    Json summary;
    std::string text;
    std::optional<EventView> event;
};

/// `countries`: every country with its events attended and hosted.
struct CountriesQuery {
    SearchRequest filters;
    /// Count documents rather than events.
    bool documents = false;
    /// At most this many countries, the most attended first.
    std::optional<std::size_t> limit;
};

struct CountryCount {
    std::string code;
    std::string name;
    Xapian::doccount attended = 0;
    Xapian::doccount hosted = 0;
};

struct CountriesAnswer {
    /// Most attended first, cut to the query's limit.
    std::vector<CountryCount> countries;
    /// How many countries matched, before the limit.
    std::size_t total = 0;
};

/// `stats`: the index at a glance.
struct StatsQuery {
    /// How many top values to list (0: all).
    std::size_t top = 10;
};

/// One value and how often it occurs; `name` for countries.
struct RankedValue {
    std::string value;
    std::string name;
    std::size_t count = 0;
};

struct StatsAnswer {
    Xapian::doccount notes = 0;
    Xapian::doccount events = 0;
    /// "YYYY-MM-DD", or "" when no note has a date.
    std::string first_date;
    std::string last_date;
    Xapian::doccount undated = 0;
    /// Time stamps of the last build and update, "" when unknown or none.
    std::string built;
    std::string updated;
    std::size_t countries = 0;
    std::vector<RankedValue> top_countries;
    std::vector<RankedValue> top_organizations;
    std::vector<RankedValue> types;
};

/// `timeline`: matching events (or documents) per year or month.
struct TimelineQuery {
    SearchRequest filters;
    /// "year" or "month".
    std::string by = "year";
    bool documents = false;
};

/// A year ("2014") or month ("2014-03") and its count.
struct Period {
    std::string label;
    Xapian::doccount notes = 0;
};

struct TimelineAnswer {
    std::string by;
    /// Every period from the first to the last, empty ones included.
    std::vector<Period> periods;
    Xapian::doccount dated = 0;
    Xapian::doccount undated = 0;
    /// Whether the counts are events (else documents).
    bool events = false;
};

/// `profile COUNTRY`: one State at a glance.
struct ProfileQuery {
    std::string country;
    SearchRequest filters;
    /// How many organizations and States to list (0: all).
    std::size_t top = 10;
};

struct EventMention {
    std::string event_id;
    /// "YYYY-MM-DD".
    std::string date;
    std::string title;
};

struct ProfileAnswer {
    CountryName country;
    std::size_t events = 0;
    std::size_t undated = 0;
    std::optional<EventMention> first;
    std::optional<EventMention> last;
    /// Years with events, in order.
    std::vector<RankedValue> by_year;
    /// Every year from the first event's to the last's, empty ones included.
    std::vector<Period> years;
    std::vector<std::string> years_without;
    std::vector<RankedValue> by_type;
    std::vector<RankedValue> by_region;
    std::size_t hosted = 0;
    std::size_t participated = 0;
    std::size_t invited_only = 0;
    std::vector<RankedValue> organizations;
    /// The States met most, with their names.
    std::vector<RankedValue> states;
};

/// `coattend`: pairs of States at the same events.
struct CoattendQuery {
    SearchRequest filters;
    std::optional<std::size_t> limit;
};

struct CoattendAnswer {
    /// Most shared events first.
    std::vector<CoattendPair> pairs;
    /// Per State in a pair: its name and the matching events it attended.
    std::map<std::string, RankedValue> states;
    /// How many events matched.
    std::size_t events = 0;
};

/// `coverage`: every UN Member State with its matching events.
struct CoverageQuery {
    /// --region names the States to list, not where events were held.
    SearchRequest filters;
    /// Count events from this year on ("" for all).
    std::string since;
    std::optional<std::size_t> limit;
};

struct CoverageRow {
    std::string code;
    std::string name;
    bool observer = false;
    std::size_t events = 0;
    /// "YYYY-MM-DD" of the latest, or "".
    std::string last;
};

struct CoverageAnswer {
    std::string since;
    /// Those with fewest events first.
    std::vector<CoverageRow> states;
};

/// An index to ask questions of. The database is opened on the first
/// question that needs it (a bad query is told before a missing database)
/// and kept open; a rebuild or update that lands meanwhile is picked up.
class Engine {
  public:
    explicit Engine(std::filesystem::path db, OpenOptions open = {});

    /// Called with the Xapian query a search or attended is about to run.
    void on_query(std::function<void(const std::string& description)> observer)
    {
        observer_ = std::move(observer);
    }

    SearchAnswer search(const SearchQuery& query);
    AttendedAnswer attended(const AttendedQuery& query);
    /// nullopt when no note or event has that id or path.
    std::optional<ShowAnswer> show(const ShowQuery& query);
    CountriesAnswer countries(const CountriesQuery& query);
    StatsAnswer stats(const StatsQuery& query);
    TimelineAnswer timeline(const TimelineQuery& query);
    ProfileAnswer profile(const ProfileQuery& query);
    CoattendAnswer coattend(const CoattendQuery& query);
    CoverageAnswer coverage(const CoverageQuery& query);

    const std::filesystem::path& db() const { return path_; }

    /// For a long-lived engine (a server): brings an open index up to date
    /// with the database as it is now, the build the stub names and its
    /// latest committed revision, so that the next question sees a build
    /// or update that landed since. Does nothing before the first question.
    void refresh();

    /// The revision of the index, opening it if need be: its local shards'
    /// revisions added up. Throws DatabaseError when it cannot be opened.
    unsigned long long revision();

    /// Index::identity(), opening the index if need be: a key for answers
    /// that stay right while it is the same.
    std::string identity();

  private:
    Index& index();
    /// The request's query; an --org the index does not know is a
    /// QueryError with its did-you-mean (org_check.h).
    BuiltQuery build(const SearchRequest& request);

    std::filesystem::path path_;
    OpenOptions open_;
    std::optional<Index> index_;
    std::function<void(const std::string&)> observer_;
};

}  // namespace infonote

#endif
