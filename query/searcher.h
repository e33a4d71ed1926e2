// Running a built query on an index: hits, exact totals and facets, with
// the index reopened when a rebuild or update lands under the reader.
#ifndef INFONOTE_QUERY_SEARCHER_H
#define INFONOTE_QUERY_SEARCHER_H

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "event_record.h"
#include "facets.h"
#include "listing.h"
#include "note_json.h"
#include "query_builder.h"
#include "shards.h"

namespace infonote {

/// The database cannot be used: exit status 4.
class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class SortOrder { Relevance, Date };

struct SearchPlan {
    BuiltQuery query;
    SortOrder sort = SortOrder::Date;
    /// Newest first for date order, weakest first for relevance.
    bool reverse = false;
    std::size_t offset = 0;
    /// At most this many hits; 0 for all of them.
    std::size_t limit = 0;
    std::vector<Facet> facets;
    /// Snippets of the note text around the matched words, this long.
    std::size_t snippet_length = 0;
    /// Hits carry only their listing, not the whole stored summary: much
    /// quicker for long lists.
    bool brief = false;
    /// Hits carry their record (event_record.h) instead of their summary:
    /// what JSON, CSV and text listings print, read from one value per hit.
    /// A hit whose record cannot be read gets its summary instead.
    bool records = false;
    /// With `records`: the hits' JSON too (a document's data, an event's
    /// record JSON), which JSON and JSON Lines print; CSV and text print
    /// the cells alone, read without inflating any JSON.
    bool record_json = true;
    /// With `records` and `record_json`: a document's record carries its
    /// States' roles too (attended prints the country's), read from its
    /// cells.
    bool record_roles = false;
    /// One hit per event (collapsed on its event id), `total` and facets
    /// counting events; otherwise every matching document.
    bool by_event = false;
    /// Marks around matched words in snippets ("" for none).
    std::string highlight_begin;
    std::string highlight_end;
};

struct Hit {
    Xapian::docid docid = 0;
    /// The note's summary as stored (docs/json-schema.md, HIT); null for
    /// brief hits, which have `listing` instead.
    Json summary;
    Listing listing;
    /// Read for plans with `records`, where `summary` is null: for a hit
    /// by event, its event's record; else the document's, its `json` the
    /// document data with "event_id".
    std::optional<HitRecord> record;
    /// The event the document belongs to ("" in brief hits).
    std::string event_id;
    /// For hits by event: the event's documents, [{"id", "path", "kind"}].
    Json sources;
    /// For `attended`: the country's role at the event.
    std::string role;
    /// Relevance in percent, for ranked searches.
    int percent = 0;
    std::string snippet;
};

struct SearchResult {
    /// Every note that matched, exactly, however few hits were asked for.
    Xapian::doccount total = 0;
    std::vector<Hit> hits;
    std::map<Facet, FacetCounts> facets;
    /// Whether the hits are ranked by relevance.
    bool ranked = false;
    /// Whether hits and total are events rather than documents.
    bool events = false;
};

/// How an index with remote shards is opened.
struct OpenOptions {
    /// For connecting to a remote shard and for each request to it.
    unsigned timeout_ms = 10000;
    /// Answer from the shards that respond, saying on stderr which did not,
    /// instead of failing.
    bool allow_partial = false;
};

/// An infonote index opened for reading: one database or the shards a
/// stub lists (shards.h). Refuses a database of another schema or text
/// pipeline version, with the remedy in the message.
class Index {
  public:
    explicit Index(std::filesystem::path path, OpenOptions options = {});

    SearchResult search(const SearchPlan& plan);

    /// Runs `read` on the database, reopening it and trying again when an
    /// update or rebuild lands meanwhile (DatabaseModifiedError). `read`
    /// must start afresh each time.
    ///
    /// A shard that fails meanwhile (a server gone, a timeout) fails the
    /// read with a DatabaseError naming it; with allow_partial it is left
    /// out and `read` runs again on the others.
    template <typename Read>
    auto with_retry(Read read) -> decltype(read(std::declval<Xapian::Database&>()))
    {
        for (int attempt = 0;; ++attempt) {
            try {
                return read(db_);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == 3) throw;
                reopen();
            } catch (const Xapian::NetworkError& e) {
                if (attempt == 3) throw;
                drop_failed_shards(e);
            }
        }
    }

    const std::filesystem::path& path() const { return path_; }

    /// Opens the stub again when it names other shards than those open (a
    /// build switched in), else brings the open shards to their latest
    /// revision (an update committed).
    void refresh();

    /// The open local shards' revisions added up.
    unsigned long long revision() const;

    /// What tells this state of the index from any other: its databases'
    /// UUIDs and revision; "" when a shard is remote, whose revision is not
    /// known.
    std::string identity() const;

    /// Whether a shard is served over the network: facets are then counted
    /// with Xapian's own spies, which xapian-tcpsrv knows (facets.h).
    bool remote() const { return remote_; }

  private:
    void open();
    void reopen();
    void drop_failed_shards(const Xapian::NetworkError& error);
    void combine();

    std::filesystem::path path_;
    OpenOptions options_;
    struct Shard {
        ShardSpec spec;
        Xapian::Database db;
    };
    std::vector<Shard> shards_;
    std::size_t listed_ = 0;
    /// The shards the stub listed when opened, as resolve_shards() names them.
    std::vector<std::string> listed_names_;
    Xapian::Database db_;
    bool remote_ = false;
};

/// Exact counts of `facets` over every note `query` matches; `remote` as
/// Index::remote().
std::map<Facet, FacetCounts> count_facets(Xapian::Database& db, const Xapian::Query& query,
                                          const std::vector<Facet>& facets, bool remote,
                                          Counting counting = Counting::Documents);

/// The note text stored with a document ("" when it is unreadable).
std::string stored_text(const Xapian::Document& doc);

/// The summary JSON stored with a document ({} when it is unreadable).
Json stored_summary(const Xapian::Document& doc);

/// The summary with evidence for every fact, as `show` prints it; the plain
/// summary when the document has none.
Json stored_evidence_summary(const Xapian::Document& doc);

}  // namespace infonote

#endif
