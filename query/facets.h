// Exact facet counts over every matching note.
#ifndef INFONOTE_QUERY_FACETS_H
#define INFONOTE_QUERY_FACETS_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "event_values.h"
#include "query_builder.h"

namespace infonote {

/// "country", "org", "year", "venue_country", "region", "type", "kind".
std::string_view facet_name(Facet facet);
std::optional<Facet> facet_by_name(std::string_view name);
/// Every facet name, comma-separated, for messages.
std::string facet_names();

/// What facets count: every matching document, or every event once however
/// many of its documents match (the event's values being the union of its
/// matching documents' values).
enum class Counting { Documents, Events };

/// Value -> number of matching notes (or events) that have it.
using FacetCounts = std::map<std::string, Xapian::doccount>;

/// Counts, for every note the match visits, each value of the chosen
/// facets once: the countries attended, organizations, years touched,
/// venue country and event type, all read from the one event-values slot
/// (event_values.h), and counted by number (a country's cell, a year, an
/// organization's place among those met) rather than by string.
/// Regions are derived from venue countries (region_counts). Ask the
/// match to check every document (get_mset's checkatleast = doccount) and
/// the counts are exact.
///
/// Registered by name, serialisable and mergeable, so that counts from
/// remote shards add up to the same numbers as from one database.
class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(std::vector<Facet> facets = {}, Counting counting = Counting::Documents);

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    Xapian::MatchSpy* unserialise(const std::string& data,
                                  const Xapian::Registry& context) const override;
    std::string serialise_results() const override;
    void merge_results(const std::string& serialised) override;

    /// The counts of one facet (empty when it was not asked for).
    const FacetCounts& counts(Facet facet) const;

    /// Keeps only the document numbers during the match and counts after
    /// it, reading the event-values slot of those documents in one pass
    /// over its value stream rather than one lookup per document. Only for
    /// a single database: in a combined one, Document::get_docid() is the
    /// number within its own shard.
    void collect_docids(const Xapian::Database& db) { db_ = &db; }

  private:
    /// Moves what the match counted into counts_.
    void settle() const;

    /// A string's hash, so that a string_view finds a value without a copy.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const
        {
            return std::hash<std::string_view>{}(text);
        }
    };

    /// What one facet counted during the match. Each value has a number:
    /// a country code its cell of 26 x 26 (no allocation per note), a year
    /// itself, other values their place in `names`, found through
    /// `places`, an open-addressed table of (FNV-1a hash, place + 1), so
    /// that a string_view finds its number without a copy. Counting
    /// documents, `counts` is indexed by that number; counting events,
    /// `pairs` holds every (event, value) pair seen, event number in the
    /// high half, and a pair met twice (two documents of one event) counts
    /// once.
    struct Tally {
        std::vector<Xapian::doccount> counts;
        std::vector<std::uint64_t> pairs;
        std::vector<std::pair<std::uint64_t, std::uint32_t>> places;
        std::vector<std::string> names;
    };

    /// Counts one document's values.
    void count_values(const EventValues& values) const;

    /// Counts `number` for the document of event `event` (Counting::Events).
    void count(Tally& tally, std::uint32_t number, std::uint64_t event) const;
    /// The number of a facet's value given as text.
    std::uint32_t number_of(Tally& tally, std::string_view value) const;
    /// The facet's value numbered `number`, as the counts show it.
    std::string value_of(Facet facet, const Tally& tally, std::size_t number) const;

    std::vector<Facet> facets_;
    Counting counting_;
    mutable std::map<Facet, FacetCounts> counts_;
    /// Counting events: events numbered as met.
    mutable std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>>
        event_numbers_;
    /// Given the database (collect_docids), the documents the match
    /// visited, counted after it from the event-values stream.
    const Xapian::Database* db_ = nullptr;
    mutable std::vector<Xapian::docid> docids_;
    /// Indexed by Facet.
    mutable std::array<Tally, 7> tallies_;
};

/// What the spy counted for `facet`; regions derived from venue countries.
FacetCounts counts_of(const FacetSpy& spy, Facet facet);

/// Counts facets over a match: with FacetSpy when every shard is local, or
/// with Xapian's own ValueCountMatchSpy, one per value slot, when a shard
/// is remote. xapian-tcpsrv knows only Xapian's built-in spies; they count
/// each distinct slot value (a set of country codes, say), which splits
/// into the same exact counts per country, or, counting events, each
/// distinct (event, values) value. FacetSpy is the quicker on a local
/// index.
class FacetCounter {
  public:
    /// Counting events on a remote shard, one ValueCountMatchSpy reads the
    /// event-values slot (event_values.h), which pairs each document's
    /// event with its values; with no facets asked, it still gives
    /// event_starts().
    ///
    /// Given `db`, the database the match runs on, and when it is a single
    /// local one, the spy counts from its value stream after the match
    /// (FacetSpy::collect_docids).
    FacetCounter(const std::vector<Facet>& facets, bool remote,
                 Counting counting = Counting::Documents, const Xapian::Database* db = nullptr);

    /// Adds the spies to `enquire`; they must outlive its get_mset().
    void attach(Xapian::Enquire& enquire);

    FacetCounts counts(Facet facet) const;

    /// Per matching event, the earliest start date ("YYYYMMDD", "" when no
    /// document has one); only when counting events on a remote shard.
    std::optional<std::map<std::string, std::string>> event_starts() const;

  private:
    std::optional<FacetSpy> spy_;
    std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> slots_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> event_values_;
};

/// What FacetSpy counts, by document, over a match of every document of
/// `db`, a local database, read without visiting any document: a country,
/// venue country, year, type or kind as the term frequency of its filter
/// term (the indexer adds one term per value of those slots, and nothing
/// else under their prefixes), organizations from one pass over their
/// slot's value stream, each distinct list split once. Regions as
/// counts_of gives them.
std::map<Facet, FacetCounts> whole_index_counts(const Xapian::Database& db,
                                                const std::vector<Facet>& facets);

/// Counts per M49 region, sub-region and intermediate region, from counts
/// per venue country: a note held in Kazakhstan counts once for Central
/// Asia and once for Asia.
FacetCounts region_counts(const FacetCounts& venue_countries);

/// One facet's values ordered for display: by count (highest first), then
/// by value; at most `limit` of them (0: all).
std::vector<std::pair<std::string, Xapian::doccount>> ranked_values(const FacetCounts& counts,
                                                                    std::size_t limit);

}  // namespace infonote

#endif
