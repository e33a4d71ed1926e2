#include "searcher.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "index_versions.h"
#include "markdown_marks.h"
#include "match_count.h"
#include "packed_text.h"
#include "schema.h"
#include "snippet.h"
#include "snippet_stem.h"
#include "text_normalizer.h"
#include "warnings.h"

namespace infonote {

namespace {

// A shard of another schema or text pipeline would answer differently
// from the others: refused, with the remedy.
void check_versions(const Xapian::Database& db, const std::string& name)
{
    std::optional<VersionMismatch> mismatch = version_mismatch(db);
    if (!mismatch) return;
    const std::string found = mismatch->found;
    const std::string expected = std::to_string(mismatch->expected);
    switch (mismatch->what) {
        case VersionMismatch::What::NoSchema:
            throw DatabaseError(name + ": not an infonote index (no schema version)");
        case VersionMismatch::What::Schema:
            throw DatabaseError(name + ": index has schema version " + found +
                                ", this infonote-query reads version " + expected +
                                "; rebuild it with infonote-index build");
        case VersionMismatch::What::TextPipeline:
            throw DatabaseError(name + ": index was built with text pipeline " + found +
                                ", this infonote-query searches with " + expected +
                                "; rebuild it with infonote-index build");
    }
}

void warn_left_out(const ShardSpec& shard, const std::string& why)
{
    warn(shard.describe() + " left out (" + why + "); the answer covers the other shards only");
}

// Facets that hold one value per note are counted without the flag that
// filters on them, so that a user who picked --year 2015 still sees how
// many notes each other year has, as faceted search interfaces do. A note
// has many countries and organizations, and --country filters are all
// required together: their facets count within the matches, where the
// other values show what attended alongside.
bool counted_without_own_filter(Facet f)
{
    return f != Facet::Country && f != Facet::Org;
}

// Xapian writes snippets for web pages: every &, < and > of the text comes
// out as &amp;, &lt; and &gt;. A terminal, JSON and CSV want the text as
// it is. Since each & of the text was escaped, each & of the snippet
// begins one of the three.
std::string unescape_html(std::string_view snippet)
{
    std::string out;
    out.reserve(snippet.size());
    for (std::size_t i = 0; i < snippet.size(); ++i) {
        char c = snippet[i];
        if (c == '&') {
            for (auto [entity, plain] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}}) {
                if (snippet.substr(i).starts_with(entity)) {
                    c = plain;
                    i += std::string_view(entity).size() - 1;
                    break;
                }
            }
        }
        out += c;
    }
    return out;
}

// A note that matched on other fields than its text (a title word, a
// word Xapian's snippets cut differently, as "R&D"): Xapian would show the
// last lines of the text, where the opening says more.
std::string opening_of(std::string_view text, std::size_t length)
{
    std::string flat = collapse_spaces(text);
    if (flat.size() <= length) return flat;
    std::size_t cut = flat.rfind(' ', length);
    return flat.substr(0, cut == std::string::npos || cut == 0 ? length : cut) + "...";
}

// The stored fields of a page of hits. A local database hands out one
// slot's values from the slot's value stream, skipping forward through its
// chunks in docid order; fetching each document instead first looks up
// which slots it uses, a third more block reads. A remote shard has no
// value streams (Xapian would walk every document for one), and the
// summary lives in the document data, so then whole documents are fetched,
// one round trip each.
class PageFields {
  public:
    /// `order` lists the indexes of `page` by ascending docid.
    PageFields(Xapian::Database& db, const std::vector<Xapian::MSetIterator>& page,
               const std::vector<std::size_t>& order, bool whole_documents)
        : db_(db), page_(page), order_(order), whole_documents_(whole_documents)
    {
        if (!whole_documents) return;
        docs_.resize(page.size());
        for (std::size_t i : order) docs_[i] = page[i].get_document();
    }

    /// The slot's value for every hit, by index in the page.
    std::vector<std::string> values(Xapian::valueno slot) const
    {
        std::vector<std::string> out(page_.size());
        if (whole_documents_ || page_.empty()) {
            for (std::size_t i : order_) out[i] = docs_[i].get_value(slot);
            return out;
        }
        Xapian::ValueIterator it = db_.valuestream_begin(slot);
        Xapian::ValueIterator end = db_.valuestream_end(slot);
        for (std::size_t i : order_) {
            if (it == end) break;
            it.skip_to(*page_[i]);
            if (it != end && it.get_docid() == *page_[i]) out[i] = *it;
        }
        return out;
    }

    /// Hit `i`'s summary; only when whole documents were fetched.
    Json summary(std::size_t i) const { return stored_summary(docs_[i]); }

    /// Every hit's document data, by index in the page.
    std::vector<std::string> data() const
    {
        std::vector<std::string> out(page_.size());
        // A hit's document exists: Xapian need not look it up before
        // reading its data.
        for (std::size_t i : order_)
            out[i] = whole_documents_
                         ? docs_[i].get_data()
                         : db_.get_document(*page_[i], Xapian::DOC_ASSUME_VALID).get_data();
        return out;
    }

  private:
    Xapian::Database& db_;
    const std::vector<Xapian::MSetIterator>& page_;
    const std::vector<std::size_t>& order_;
    bool whole_documents_;
    std::vector<Xapian::Document> docs_;
};

// A document's hit object before "role", "score" and "snippet": its data
// (nlohmann's compact dump of the summary, so the same bytes as parsing
// and dumping it again) with "event_id" after the summary's keys, as
// hit_json adds it. nullopt when the data is not a JSON object's text.
std::optional<std::string> with_event_id(std::string data, const std::string& event_id)
{
    if (data.size() < 2 || data.front() != '{' || data.back() != '}') return std::nullopt;
    if (event_id.empty()) return data;
    data.pop_back();
    if (data.size() > 1) data += ',';
    data += "\"event_id\":";
    data += Json(event_id).dump();
    data += '}';
    return data;
}

}  // namespace

std::map<Facet, FacetCounts> count_facets(Xapian::Database& db, const Xapian::Query& query,
                                          const std::vector<Facet>& facets, bool remote,
                                          Counting counting)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter counter(facets, remote, counting, &db);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    std::map<Facet, FacetCounts> counts;
    for (Facet f : facets) counts[f] = counter.counts(f);
    return counts;
}

std::string stored_text(const Xapian::Document& doc)
{
    return unpack_text(doc.get_value(kTextSlot)).value_or(std::string());
}

Json stored_summary(const Xapian::Document& doc)
{
    Json summary = Json::parse(doc.get_data(), nullptr, false);
    return summary.is_discarded() ? Json::object() : summary;
}

Json stored_evidence_summary(const Xapian::Document& doc)
{
    std::optional<std::string> packed = unpack_text(doc.get_value(kEvidenceSlot));
    if (!packed) return stored_summary(doc);
    Json summary = Json::parse(*packed, nullptr, false);
    return summary.is_discarded() ? stored_summary(doc) : summary;
}

Index::Index(std::filesystem::path path, OpenOptions options)
    : path_(std::move(path)), options_(options)
{
    open();
}

void Index::open()
{
    std::vector<ShardSpec> specs = resolve_shards(path_);
    listed_ = specs.size();
    listed_names_.clear();
    for (const ShardSpec& spec : specs) listed_names_.push_back(spec.name);
    shards_.clear();
    for (ShardSpec& spec : specs) {
        std::string name = listed_ == 1 ? path_.string() : spec.describe();
        Xapian::Database db;
        try {
            db = open_shard(spec, options_.timeout_ms);
            check_versions(db, name);
        } catch (const Xapian::Error& e) {
            if (!options_.allow_partial)
                throw DatabaseError(name + ": cannot open database: " + e.get_msg());
            warn_left_out(spec, e.get_msg());
            continue;
        }
        remote_ = remote_ || spec.remote;
        shards_.push_back({std::move(spec), std::move(db)});
    }
    combine();
}

void Index::combine()
{
    if (shards_.empty())
        throw DatabaseError(path_.string() + ": no shard of " + std::to_string(listed_) +
                            " could be opened");
    db_ = Xapian::Database();
    for (const Shard& shard : shards_) db_.add_database(shard.db);
}

void Index::reopen()
{
    // A build switched in is only seen by opening the stub again: reopen()
    // does not re-read it.
    db_.close();
    open();
}

void Index::refresh()
{
    std::vector<std::string> names;
    for (const ShardSpec& spec : resolve_shards(path_)) names.push_back(spec.name);
    if (names != listed_names_) {
        reopen();
        return;
    }
    // The combined database reopens every shard in it.
    db_.reopen();
}

unsigned long long Index::revision() const
{
    unsigned long long sum = 0;
    for (const Shard& shard : shards_)
        if (!shard.spec.remote) sum += shard.db.get_revision();
    return sum;
}

std::string Index::identity() const
{
    if (remote_) return "";
    return db_.get_uuid() + "@" + std::to_string(revision());
}

void Index::drop_failed_shards(const Xapian::NetworkError& error)
{
    // Xapian says what went wrong, not where, and a match cut short leaves
    // every remote connection mid-conversation: open each shard afresh and
    // see which cannot be.
    std::vector<Shard> alive;
    std::vector<std::pair<ShardSpec, std::string>> failed;
    for (Shard& shard : shards_) {
        try {
            alive.push_back({shard.spec, open_shard(shard.spec, options_.timeout_ms)});
        } catch (const Xapian::Error& e) {
            failed.emplace_back(shard.spec, e.get_msg());
        }
    }
    shards_ = std::move(alive);
    if (failed.empty()) {
        combine();
        throw DatabaseError(path_.string() + ": " + error.get_msg());
    }
    if (!options_.allow_partial) {
        std::string message;
        for (const auto& [spec, why] : failed)
            message += (message.empty() ? "" : "; ") + spec.describe() + ": " + why;
        throw DatabaseError(message + " (--allow-partial answers from the other shards)");
    }
    for (const auto& [spec, why] : failed) warn_left_out(spec, why);
    combine();
}

SearchResult Index::search(const SearchPlan& plan)
{
    bool remote = remote_;
    return with_retry([&plan, remote](Xapian::Database& db) {
        SearchResult result;
        result.ranked = plan.query.ranked && plan.sort == SortOrder::Relevance;
        result.events = plan.by_event;
        Counting counting = plan.by_event ? Counting::Events : Counting::Documents;
        Xapian::Enquire enquire(db);
        enquire.set_query(plan.query.query);
        if (!plan.query.ranked) enquire.set_weighting_scheme(Xapian::BoolWeight());
        // Ties are broken by the note's id, never by Xapian's document
        // number, which differs between one database and shards of it: the
        // same notes come out in the same order however they are stored.
        // Undated notes sort first (schema.h, kListingSlot).
        if (plan.sort == SortOrder::Date)
            enquire.set_sort_by_value(kListingSlot, plan.reverse);
        else
            enquire.set_sort_by_relevance_then_value(kNoteIdSlot, false);
        // One hit per event: its first document in the chosen order.
        if (plan.by_event) enquire.set_collapse_key(kEventSlot);

        std::vector<Facet> in_matches;
        for (Facet f : plan.facets) {
            if (plan.query.filters_on(f) && counted_without_own_filter(f))
                result.facets[f] =
                    count_facets(db, plan.query.query_without(f), {f}, remote, counting)[f];
            else
                in_matches.push_back(f);
        }
        // Facets of every document, by document, are the index's own term
        // frequencies: no document need be read for them.
        bool everything_matches = plan.query.query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
        if (everything_matches && !remote && counting == Counting::Documents &&
            !in_matches.empty()) {
            for (auto& [f, counts] : whole_index_counts(db, in_matches))
                result.facets[f] = std::move(counts);
            in_matches.clear();
        }
        FacetCounter counter(in_matches, remote, counting, &db);
        if (!in_matches.empty()) counter.attach(enquire);

        Xapian::doccount everything = db.get_doccount();
        // Relevance reversed: the weakest first, so the whole ranking is
        // needed before a page can be cut from its end.
        bool reverse_ranking = plan.sort == SortOrder::Relevance && plan.reverse;
        Xapian::doccount first = reverse_ranking ? 0 : plan.offset;
        Xapian::doccount wanted = reverse_ranking || plan.limit == 0 ? everything : plan.limit;
        // Checking every document makes the total and the facets exact. A
        // page of the best matches needs far fewer when the total can be
        // counted apart, from the posting lists (match_count.h); remote
        // shards would send their posting lists whole for that.
        bool count_apart = in_matches.empty() && !remote && wanted < everything && !plan.by_event &&
                           plan.sort == SortOrder::Relevance && countable(plan.query.query);
        Xapian::MSet mset =
            enquire.get_mset(first, wanted, count_apart ? first + wanted : everything);
        result.total = mset.get_matches_estimated();
        // Collapsed to events, Xapian's count of a partial page is only an
        // estimate, even with every document checked: the events are
        // counted from a full collapsed match of their own, without the
        // facet spies.
        if (plan.by_event && (first > 0 || mset.size() >= wanted)) {
            Xapian::Enquire events(db);
            events.set_query(plan.query.query);
            events.set_weighting_scheme(Xapian::BoolWeight());
            events.set_docid_order(Xapian::Enquire::DONT_CARE);
            events.set_collapse_key(kEventSlot);
            result.total = events.get_mset(0, everything, everything).size();
        }
        if (count_apart && mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
            result.total = count_matches(db, plan.query.query).value();
        for (Facet f : in_matches) result.facets[f] = counter.counts(f);

        std::vector<Xapian::MSetIterator> page;
        for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
        if (reverse_ranking) {
            std::reverse(page.begin(), page.end());
            page.erase(page.begin(), page.begin() + std::min(plan.offset, page.size()));
            if (plan.limit != 0 && page.size() > plan.limit) page.resize(plan.limit);
        }
        // A date-ordered listing reads its lines from the sort keys: no
        // document is fetched, which from a remote shard would cost a round
        // trip each.
        bool from_keys =
            plan.brief && !plan.records && plan.sort == SortOrder::Date && plan.snippet_length == 0;
        result.hits.resize(page.size());
        for (std::size_t i = 0; i < page.size(); ++i) {
            Hit& hit = result.hits[i];
            hit.docid = *page[i];
            hit.percent = page[i].get_percent();
            if (from_keys) hit.listing = listing_of(page[i].get_sort_key());
        }
        if (from_keys) return result;
        // Fields are read in document order, one field of every hit and
        // then the next: each pass moves forward through one part of the
        // table, where the blocks the last lookup read serve the next.
        std::vector<std::size_t> order(page.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&page](std::size_t a, std::size_t b) { return *page[a] < *page[b]; });
        PageFields fields(db, page, order, remote || !(plan.brief || plan.records));
        std::vector<std::string> events = fields.values(kEventSlot);
        for (std::size_t i : order) result.hits[i].event_id = events[i];
        if (plan.records && plan.by_event) {
            // One slot per hit: the JSON with the roles, or the cells.
            // Hits without a record are left to fill_events.
            std::vector<std::string> values =
                fields.values(plan.record_json ? kEventRecordSlot : kEventCellsSlot);
            for (std::size_t i : order) {
                Hit& hit = result.hits[i];
                hit.record =
                    plan.record_json ? read_record_json(values[i]) : read_record(values[i]);
                if (hit.record) hit.listing = listing_of(hit.record->listing);
            }
        } else if (plan.records && plan.record_json) {
            // A document's JSON is its data, with its event's id; its
            // roles, when asked for, come from its cells.
            std::vector<std::string> data = fields.data();
            std::vector<std::string> cells;
            if (plan.record_roles) cells = fields.values(kDocumentRecordSlot);
            for (std::size_t i : order) {
                Hit& hit = result.hits[i];
                std::optional<HitRecord> record =
                    plan.record_roles ? read_record(cells[i]) : HitRecord();
                std::optional<std::string> json =
                    record ? with_event_id(std::move(data[i]), hit.event_id) : std::nullopt;
                if (json) {
                    record->json = std::move(*json);
                    hit.record = std::move(record);
                } else {
                    hit.summary = stored_summary(db.get_document(hit.docid));
                }
            }
        } else if (plan.records) {
            std::vector<std::string> records = fields.values(kDocumentRecordSlot);
            for (std::size_t i : order) {
                Hit& hit = result.hits[i];
                hit.record = read_record(records[i]);
                if (!hit.record) hit.summary = stored_summary(db.get_document(hit.docid));
            }
        } else if (plan.brief) {
            std::vector<std::string> listings = fields.values(kListingSlot);
            for (std::size_t i : order) result.hits[i].listing = listing_of(listings[i]);
        } else {
            for (std::size_t i : order) result.hits[i].summary = fields.summary(i);
        }
        if (plan.snippet_length == 0 || !plan.query.ranked) return result;
        std::vector<std::string> texts = fields.values(kTextSlot);
        SnippetCutter cutter(plan.query.query, mset);
        std::optional<Xapian::Stem> stemmer;
        if (!cutter.usable()) stemmer.emplace(new SnippetStem(plan.query.query));
        for (std::size_t i : order) {
            // Snippets are read as text: a Markdown note's marks are not
            // shown.
            std::string text = blank_markdown(unpack_text(texts[i]).value_or(std::string()));
            std::string snippet;
            if (cutter.usable()) {
                snippet =
                    cutter.cut(text, plan.snippet_length, plan.highlight_begin, plan.highlight_end);
            } else {
                // Xapian lower-cases the text but does not strip accents, so
                // a folded query word marks only unaccented spellings.
                snippet = unescape_html(mset.snippet(
                    text, plan.snippet_length, *stemmer, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                    plan.highlight_begin, plan.highlight_end, "..."));
            }
            result.hits[i].snippet =
                snippet.empty() ? opening_of(text, plan.snippet_length) : collapse_spaces(snippet);
        }
        return result;
    });
}

}  // namespace infonote
