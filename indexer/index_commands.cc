// infonote-index build and update.
#include <atomic>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sys/stat.h>

#include <spdlog/spdlog.h>

#include "corpus_reader.h"
#include "diagnostic.h"
#include "event_grouping.h"
#include "exit_codes.h"
#include "index_layout.h"
#include "index_versions.h"
#include "index_writer.h"
#include "listing.h"
#include "logging.h"
#include "note_indexer.h"
#include "parallel_index.h"
#include "progress_bar.h"
#include "run_index.h"
#include "schema.h"
#include "stop_signal.h"
#include "terminal_text.h"
#include "write_failure.h"
#include "writer_lock.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

// A folder that is removed when the run leaves its scope, unless kept: an
// interrupted or failed build leaves nothing behind, even one that Xapian
// ends from a destructor (write_failure.h).
class TemporaryFolder {
  public:
    explicit TemporaryFolder(fs::path path) : path_(std::move(path)) { register_unfinished(path_); }
    ~TemporaryFolder()
    {
        std::error_code ec;
        if (!kept_) fs::remove_all(path_, ec);
        forget_unfinished(path_);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const fs::path& path() const { return path_; }
    void keep() { kept_ = true; }

  private:
    fs::path path_;
    bool kept_ = false;
};

std::string plural(std::size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::map<std::string, std::string> versions_metadata(const WriteOptions& options)
{
    std::error_code ec;
    fs::path corpus = fs::absolute(options.corpus, ec);
    std::map<std::string, std::string> metadata = version_metadata();
    metadata[std::string(kCorpusKey)] = (ec ? options.corpus : corpus).lexically_normal().string();
    metadata[std::string(kUpdateTimeKey)] = utc_timestamp();
    return metadata;
}

CorpusListing walk(const WriteOptions& options, RunReport& report)
{
    PhaseTimer timer(report, "walk");
    WalkOptions walk_options;
    walk_options.follow_outside = options.follow_outside;
    CorpusListing listing = list_corpus(options.corpus, walk_options);
    for (const SkippedEntry& s : listing.skipped)
        reject_file((options.corpus / s.relative).generic_string(), s.relative, s.reason, report);
    report.files = listing.files.size();
    return listing;
}

// A new build must hold one document per note indexed and pass Xapian's
// own consistency check, every shard of it, before any reader is pointed
// at it.
void validate(const fs::path& build, std::size_t expected)
{
    try {
        Xapian::doccount count = Xapian::Database(build.string()).get_doccount();
        if (count != expected)
            throw IndexError(build.string() + ": new build holds " + std::to_string(count) +
                             " documents for " + std::to_string(expected) + " notes indexed");
        for (const fs::path& shard : shards_of(build)) {
            std::size_t errors = Xapian::Database::check(shard.string(), 0, nullptr);
            if (errors > 0)
                throw IndexError(shard.string() + ": new build fails Xapian's consistency check (" +
                                 std::to_string(errors) + " errors)");
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(build.string() + ": cannot check new build: " + xapian_error_text(e));
    }
}

// The parts become one database in `output`, documents numbered in part
// order, which is corpus order: the same database one thread would write.
void merge_parts(std::span<const BuildPart> parts, const fs::path& output)
{
    WritingStep step(output, "cannot compact");
    try {
        Xapian::Database all;
        for (const BuildPart& part : parts) all.add_database(Xapian::Database(part.db.string()));
        all.compact(output.string());
    } catch (const Xapian::Error& e) {
        throw IndexError(output.string() + ": cannot compact: " + xapian_error_text(e));
    }
}

void make_folder(const fs::path& folder)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw IndexError(folder.string() + ": " + ec.message());
}

std::string indexed_path(const Xapian::Database& db, Xapian::docid docid)
{
    return listing_of(db.get_document(docid).get_value(kListingSlot)).path;
}

// The notes of the live build whose files exist but were not read (where
// the walk could not go, or rejected when read) go into the new build as
// they are: a build, like an update, drops a note only when its file is
// gone. Only from a live build of this schema and text pipeline, whose
// documents are what this program would write. Returns how many notes were
// carried over.
std::size_t carry_over(const WriteOptions& options, const IndexLayout& layout,
                       const std::optional<std::string>& live, const CorpusListing& listing,
                       const RunReport& report, std::size_t shards,
                       const std::vector<BuildPart>& parts)
{
    std::error_code ec;
    if ((listing.unreadable.empty() && report.rejected.empty()) || !live || parts.empty() ||
        !fs::is_directory(layout.path_of(*live), ec))
        return 0;
    // Files rejected when read, not those the walk left out on purpose (a
    // link out of the corpus, say), and only while they are there.
    std::unordered_set<std::string> left_out;
    for (const SkippedEntry& s : listing.skipped) left_out.insert(s.relative);
    std::unordered_set<std::string> rejected;
    for (const RejectedFile& r : report.rejected) {
        struct stat st {};
        if (!left_out.count(r.path) && ::stat((options.corpus / r.path).c_str(), &st) == 0)
            rejected.insert(r.path);
    }
    const fs::path source = layout.path_of(*live);
    std::unordered_set<std::string> listed;
    for (const CorpusFile& file : listing.files) listed.insert(id_term(file.id()));
    std::size_t carried = 0;
    WritingStep step(source, "cannot carry notes over");
    try {
        Xapian::Database db(source.string());
        if (version_mismatch(db)) {
            spdlog::warn("{}: made by another version; the notes of files that were not read are "
                         "not carried over from it",
                         source.string());
            return 0;
        }
        std::vector<std::unique_ptr<Xapian::WritableDatabase>> targets(parts.size());
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            check_stop();
            Xapian::Document doc = db.get_document(*it);
            Listing note = listing_of(doc.get_value(kListingSlot));
            if (note.id.empty()) continue;
            // A file the walk listed was indexed anew unless it was rejected.
            std::string term = id_term(note.id);
            if (!rejected.count(note.path) &&
                (listed.count(term) || !listing.is_unreadable(note.path)))
                continue;
            std::size_t part = shards == 1 ? parts.size() - 1 : shard_of(note.id, shards);
            if (!targets[part])
                targets[part] = std::make_unique<Xapian::WritableDatabase>(
                    parts[part].db.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            targets[part]->replace_document(term, doc);
            // The part's spelling data was made from its own notes.
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
                if (is_spelling_word(*t)) targets[part]->add_spelling(*t);
            ++carried;
        }
        for (const auto& target : targets)
            if (target) target->commit();
    } catch (const Xapian::Error& e) {
        throw IndexError(source.string() + ": cannot carry notes over: " + xapian_error_text(e));
    }
    if (carried > 0)
        spdlog::info("{} notes of files that were not read carried over from {}", carried, *live);
    return carried;
}

// The build kept for rollback once `name` is live: the live one, or when
// the stub names none that exists, the newest complete build on disk.
std::optional<std::string> build_to_keep(const IndexLayout& layout,
                                         const std::optional<std::string>& live,
                                         const std::string& name)
{
    std::error_code ec;
    // The new build may take the name of a live build that is missing.
    if (live && *live != name && fs::is_directory(layout.path_of(*live), ec)) return live;
    std::optional<std::string> newest;
    for (const std::string& b : layout.builds())
        if (b != name) newest = b;
    return newest;
}

void build_new(const WriteOptions& options, const IndexLayout& layout, std::size_t shards,
               const std::optional<std::string>& live, RunReport& report)
{
    report.command = "build";
    CorpusListing listing = walk(options, report);
    const std::string name = layout.new_build_name();
    TemporaryFolder unfinished(layout.path_of(name + std::string(kUnfinishedSuffix)));
    TemporaryFolder compacted(layout.path_of(name + ".compact" + std::string(kUnfinishedSuffix)));
    std::map<std::string, std::string> metadata = versions_metadata(options);
    metadata[std::string(kBuildTimeKey)] = metadata[std::string(kUpdateTimeKey)];

    // One database: the corpus cut into one run per thread, merged after.
    // Shards: each shard's notes, each shard compacted on its own.
    std::vector<BuildPart> parts;
    if (shards == 1) {
        for (std::span<const CorpusFile> files : split_by_size(listing.files, options.jobs))
            parts.push_back({files, unfinished.path() / ("part-" + std::to_string(parts.size())),
                             parts.empty() ? metadata : std::map<std::string, std::string>{}});
    } else {
        // The listing's own files, moved into shard order: carry_over below
        // needs only which files there are.
        for (std::span<const CorpusFile> files : group_by_shard(listing.files, shards))
            parts.push_back({files, unfinished.path() / shard_name(parts.size()), metadata});
    }
    {
        PhaseTimer timer(report, "index");
        make_folder(unfinished.path());
        ProgressBar progress(listing.files.size(), options.progress);
        index_parts(parts, options.jobs, options.corpus, progress, report);
        report.kept = carry_over(options, layout, live, listing, report, shards, parts);
        // From here on only the parts' databases are needed, not the files.
        for (BuildPart& part : parts) part.files = {};
        listing = CorpusListing();
    }
    check_stop();
    {
        PhaseTimer timer(report, "events");
        std::vector<fs::path> part_paths;
        for (const BuildPart& part : parts) part_paths.push_back(part.db);
        assign_events_at(part_paths);
    }
    check_stop();
    {
        PhaseTimer timer(report, "compact");
        if (shards == 1) {
            merge_parts(parts, compacted.path());
        } else {
            make_folder(compacted.path());
            for (std::size_t i = 0; i < parts.size(); ++i) {
                check_stop();
                merge_parts(std::span(parts).subspan(i, 1), compacted.path() / shard_name(i));
            }
            write_shard_stub(compacted.path(), shards);
        }
    }
    check_stop();
    {
        PhaseTimer timer(report, "validate");
        validate(compacted.path(), report.indexed + report.kept);
        // Only a complete build ever carries a build name without suffix.
        std::error_code ec;
        fs::rename(compacted.path(), layout.path_of(name), ec);
        if (ec) throw IndexError(layout.path_of(name).string() + ": " + ec.message());
    }
    check_stop();
    {
        PhaseTimer timer(report, "switch");
        // Builds older than the one kept go only now that a newer complete
        // build has replaced them.
        std::optional<std::string> before = build_to_keep(layout, live, name);
        layout.switch_to(name);
        std::vector<std::string> keep{name};
        if (before) keep.push_back(*before);
        layout.remove_all_but(keep);
    }
    report.live_build = name;
    report.notes = report.indexed + report.kept;
}

struct IndexedFile {
    Xapian::docid docid;
    std::size_t shard;
    FileStamp stamp;
};

// What the live build holds, by unique term: four sequential passes over
// value streams, where a document-by-document read would seek for each.
void read_indexed_files(const Xapian::Database& db, std::size_t shard,
                        std::unordered_map<std::string, IndexedFile>& out)
{
    std::vector<IndexedFile*> by_docid(db.get_lastdocid() + 1, nullptr);
    for (auto v = db.valuestream_begin(kNoteIdSlot); v != db.valuestream_end(kNoteIdSlot); ++v) {
        IndexedFile& file = out[*v];
        file.docid = v.get_docid();
        file.shard = shard;
        file.stamp.mtime_ns = -1;
        by_docid[file.docid] = &file;
    }
    auto read_slot = [&](Xapian::valueno slot, auto&& store) {
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
            if (IndexedFile* file = by_docid[v.get_docid()]) store(file->stamp, *v);
    };
    // A garbled stamp stays unequal to any file's, so the file is re-read.
    read_slot(kFileSizeSlot, [](FileStamp& s, const std::string& v) {
        s.size = std::strtoull(v.c_str(), nullptr, 10);
    });
    read_slot(kFileMtimeSlot, [](FileStamp& s, const std::string& v) {
        s.mtime_ns = std::strtoll(v.c_str(), nullptr, 10);
    });
    read_slot(kContentHashSlot, [](FileStamp& s, const std::string& v) { s.hash = v; });
}

// Files an update reads and parses at once, per thread: enough to keep
// every thread busy, few enough that their documents take little memory.
constexpr std::size_t kPendingPerThread = 64;

// A file the update must read again, and what reading and parsing it gave.
struct PendingFile {
    const CorpusFile* file = nullptr;
    std::string id;
    std::string term;
    const IndexedFile* known = nullptr;  ///< its entry in the live build; null when new
    std::optional<FileStamp> stamp;      ///< set when the file could be read
    bool gone = false;                   ///< it could not be read because it is gone
    bool same_content = false;           ///< touched: read, and its content hash unchanged
    std::optional<Xapian::Document> doc;
    RunReport counts;
    std::vector<std::string> diagnostics;
};

// Reads and parses one file without touching the index; its diagnostics
// are kept for printing in corpus order.
void prepare(PendingFile& p, const NoteIndexer& indexer)
{
    HeldDiagnostics hold(p.diagnostics);
    std::optional<ReadFile> read = indexer.read(*p.file, p.counts, &p.gone);
    if (!read) return;
    p.stamp = read->stamp;
    if (p.known && read->stamp.hash == p.known->stamp.hash) {
        p.same_content = true;
        return;
    }
    p.doc = indexer.document_for(*p.file, *read, p.counts);
}

// Prepares every pending file on up to one thread per indexer. The first
// failure stops the others and is rethrown.
void prepare_all(std::vector<PendingFile>& pending,
                 const std::vector<std::unique_ptr<NoteIndexer>>& indexers)
{
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto work = [&](const NoteIndexer& indexer) {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < pending.size();)
                prepare(pending[i], indexer);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = pending.size();
        }
    };
    {
        std::vector<std::jthread> helpers;
        std::size_t threads = std::min(indexers.size(), pending.size());
        for (std::size_t t = 1; t < threads; ++t)
            helpers.emplace_back(work, std::cref(*indexers[t]));
        work(*indexers.front());
    }
    if (failure) std::rethrow_exception(failure);
}

// Writes what one prepared file gave, in corpus order: its diagnostics and
// counts, then the change to its shard.
void settle_file(PendingFile& p, std::vector<std::unique_ptr<IndexWriter>>& writers,
                 const NoteIndexer& indexer, RunReport& report)
{
    for (const std::string& line : p.diagnostics) emit_diagnostic(line);
    report.skipped += p.counts.skipped;
    report.warned += p.counts.warned;
    report.rejected.insert(report.rejected.end(), p.counts.rejected.begin(),
                           p.counts.rejected.end());
    const bool exists = p.known != nullptr;
    IndexWriter& writer = *writers[exists ? p.known->shard : shard_of(p.id, writers.size())];
    if (p.same_content) {
        // Touched, not changed: record the new time so the next run does
        // not read the file again.
        Xapian::Document doc = writer.database().get_document(p.known->docid);
        stamp_document(doc, *p.stamp);
        writer.put(p.term, doc);
        ++report.touched;
    } else if (p.doc && indexer.write(writer, p.term, *p.doc, *p.file, report)) {
        ++(exists ? report.changed : report.added);
        ++report.indexed;
    } else if (exists && !p.gone) {
        // A known note that cannot be read now, or no longer parses, stays
        // as it was: only a file that is gone leaves the index. The file
        // was reported and counted as skipped.
        ++report.kept;
    } else if (exists) {
        // Deleted since the walk saw it.
        writer.remove(p.term);
        ++report.removed;
    }
}

// Each note stays in the shard that holds it; a new note goes where its
// id's hash sends it. Every shard changes in a transaction of its own, and
// they commit one after another: a crash between two commits leaves each
// note either as before or as after, and the next update finishes the job.
void update_live(const WriteOptions& options, const std::string& live,
                 const std::vector<fs::path>& live_shards, RunReport& report)
{
    report.command = "update";
    CorpusListing listing = walk(options, report);
    {
        PhaseTimer timer(report, "index");
        std::vector<std::unique_ptr<IndexWriter>> writers;
        std::unordered_map<std::string, IndexedFile> before;
        for (const fs::path& shard : live_shards) {
            writers.push_back(std::make_unique<IndexWriter>(shard, WriteMode::InPlace));
            read_indexed_files(writers.back()->database(), writers.size() - 1, before);
        }
        // One indexer a thread, each loading the gazetteers when it first
        // parses; files are read and parsed in batches on every thread,
        // then written in corpus order on this one.
        std::vector<std::unique_ptr<NoteIndexer>> indexers;
        for (std::size_t t = 0; t < std::max<std::size_t>(1, options.jobs); ++t)
            indexers.push_back(std::make_unique<NoteIndexer>(options.corpus));
        const std::size_t batch_size = kPendingPerThread * indexers.size();
        ProgressBar progress(listing.files.size(), options.progress);
        std::unordered_set<std::string> seen;
        std::vector<PendingFile> pending;
        auto settle = [&] {
            prepare_all(pending, indexers);
            for (PendingFile& p : pending) {
                check_stop();
                progress.step();
                settle_file(p, writers, *indexers.front(), report);
            }
            pending.clear();
        };
        for (const CorpusFile& file : listing.files) {
            check_stop();
            std::string id = file.id();
            std::string term = id_term(id);
            seen.insert(term);
            auto known = before.find(term);
            bool exists = known != before.end();
            if (exists && known->second.stamp.same_metadata(file.stamp)) {
                progress.step();
                ++report.unchanged;
                continue;
            }
            PendingFile& p = pending.emplace_back();
            p.file = &file;
            p.id = std::move(id);
            p.term = std::move(term);
            p.known = exists ? &known->second : nullptr;
            if (pending.size() == batch_size) settle();
        }
        settle();
        for (const auto& [term, file] : before) {
            if (seen.count(term)) continue;
            check_stop();
            // A note under a folder that could not be listed was not seen,
            // but its file may well be there.
            if (!listing.unreadable.empty() &&
                listing.is_unreadable(indexed_path(writers[file.shard]->database(), file.docid))) {
                ++report.kept;
                continue;
            }
            writers[file.shard]->remove(term);
            ++report.removed;
        }
        check_stop();
        // Every document regrouped, as a fresh build would group them; only
        // those whose event changed are rewritten.
        std::vector<Xapian::WritableDatabase*> dbs;
        for (const auto& writer : writers) dbs.push_back(&writer->writable_database());
        try {
            WritingStep step(options.db, "cannot group documents into events");
            writers.front()->count_changes(assign_events(dbs).rewritten);
        } catch (const Xapian::Error& e) {
            throw IndexError(options.db.string() + ": cannot group documents into events: " +
                             xapian_error_text(e));
        }
        check_stop();
        // A run that changed nothing commits nothing: readers keep their
        // open index and "updated" keeps meaning "last changed". When one
        // shard changed, every shard records the time.
        std::size_t changes = 0;
        for (const auto& writer : writers) changes += writer->changes();
        if (changes > 0) {
            std::map<std::string, std::string> metadata = versions_metadata(options);
            for (const auto& writer : writers) writer->finish(metadata);
        }
        report.notes = 0;
        for (const auto& writer : writers) report.notes += writer->database().get_doccount();
    }
    report.live_build = live;
}

// Why the live build, of `live_shards` shards, cannot simply be updated
// to `shards` shards; empty when it can.
std::string reason_to_rebuild(const IndexLayout& layout, const std::optional<std::string>& live,
                              std::size_t live_shards, std::size_t shards)
{
    if (!live) return "no index yet";
    std::error_code ec;
    if (!fs::is_directory(layout.path_of(*live), ec)) return "live build " + *live + " is missing";
    if (shards != live_shards)
        return "index has " + plural(live_shards, "shard") + ", --shards asks for " +
               std::to_string(shards);
    try {
        std::optional<VersionMismatch> mismatch =
            version_mismatch(Xapian::Database(layout.path_of(*live).string()));
        if (mismatch)
            return (mismatch->what == VersionMismatch::What::TextPipeline ? "index text pipeline "
                                                                          : "index schema ") +
                   mismatch->found + " differs from this program's " +
                   std::to_string(mismatch->expected);
    } catch (const Xapian::Error& e) {
        return "live build cannot be opened (" + e.get_msg() + ")";
    }
    return {};
}

void print_summary(const WriteOptions& options, const RunReport& report)
{
    if (report.command == "build") {
        std::cout << "indexed " << plural(report.indexed, "note") << " (" << report.warned
                  << " with warnings), skipped " << plural(report.skipped, "file")
                  << (report.kept > 0
                          ? ", kept " + plural(report.kept, "note") + " it could not read"
                          : std::string())
                  << "; " << escape_controls(options.db.string()) << " serves " << report.live_build
                  << '\n';
        return;
    }
    std::cout << "updated " << escape_controls(options.db.string()) << ": " << report.added
              << " added, " << report.changed << " changed, " << report.touched << " touched, "
              << report.unchanged << " unchanged, " << report.removed << " removed, "
              << report.skipped << " skipped; " << plural(report.notes, "note") << " in "
              << report.live_build << '\n';
}

enum class Command { Build, Update };

int run_write(const WriteOptions& options, Command command)
{
    install_stop_handlers();
    RunReport report;
    report.command = command == Command::Build ? "build" : "update";
    report.database = options.db.string();
    report.corpus = options.corpus.string();
    int status = kExitOk;
    // A write that fails inside Xapian's own destructors ends here too.
    install_write_failure_handler(
        "infonote-index", options.db.string() + ": cannot " + report.command,
        [&](const std::string& message) {
            report.outcome = "failed";
            report.error = message;
            if (!options.report.empty()) report.write_json(options.report);
        });
    try {
        IndexLayout layout(options.db);
        layout.prepare();
        WriterLock lock(options.db, options.wait_seconds);
        // Folders of runs killed before they could clean up; no writer can
        // be using them while this one holds the lock.
        layout.remove_unfinished();
        spdlog::info("{} of {} from {} started", report.command, options.db.string(),
                     options.corpus.string());
        // A damaged stub stops every run but a forced build: an update
        // would otherwise take it for no index at all.
        std::optional<std::string> live;
        try {
            live = layout.live();
        } catch (const DamagedStub& e) {
            if (command != Command::Build || !options.force) throw;
            spdlog::warn("{}; building a new index (--force)", e.what());
        }
        // The live build's shards, read once for the run. Without --shards,
        // a build keeps their number.
        std::vector<fs::path> live_shards;
        if (live) live_shards = shards_of(layout.path_of(*live));
        std::size_t shards = options.shards;
        if (shards == 0) shards = live ? live_shards.size() : 1;
        if (command == Command::Build) {
            build_new(options, layout, shards, live, report);
        } else {
            std::string reason = reason_to_rebuild(layout, live, live_shards.size(), shards);
            if (reason.empty()) {
                update_live(options, *live, live_shards, report);
            } else {
                spdlog::warn("{}: {}; building a new index", options.db.string(), reason);
                build_new(options, layout, shards, live, report);
            }
        }
        print_summary(options, report);
        for (const auto& [phase, seconds] : report.seconds)
            spdlog::info("{}: {:.3f} s", phase, seconds);
        spdlog::info("{} finished: {} notes in {}, {} indexed, {} removed, {} skipped",
                     report.command, report.notes, report.live_build, report.indexed,
                     report.removed, report.skipped);
        if (report.skipped > 0) {
            report.outcome = "some_rejected";
            status = kExitSomeRejected;
        }
    } catch (const Interrupted&) {
        report.outcome = "interrupted";
        spdlog::info("{} interrupted", report.command);
        std::cerr << "infonote-index: interrupted; " << escape_controls(options.db.string())
                  << " serves what it served before this run\n";
        status = kExitInterrupted;
    } catch (const std::exception& e) {
        // Corpus and database failures, a held lock, a full disk: one line,
        // and the live index as it was.
        report.outcome = "failed";
        report.error = e.what();
        spdlog::info("{} failed: {}", report.command, e.what());
        std::cerr << program_error("infonote-index", e.what()) << '\n';
        status = kExitFailure;
    } catch (const Xapian::Error& e) {
        // Every Xapian call is meant to be wrapped with what it was doing;
        // one that is not still ends the run as a failure.
        report.outcome = "failed";
        report.error = options.db.string() + ": cannot " + report.command + ": " +
                       xapian_error_text(e);
        spdlog::info("{} failed: {}", report.command, report.error);
        std::cerr << program_error("infonote-index", report.error) << '\n';
        status = kExitFailure;
    }
    if (!options.report.empty()) {
        try {
            report.write_json(options.report);
        } catch (const std::exception& e) {
            std::cerr << program_error("infonote-index", e.what()) << '\n';
            if (status == kExitOk || status == kExitSomeRejected) status = kExitFailure;
        }
    }
    return status;
}

}  // namespace

int run_build(const WriteOptions& options)
{
    return run_write(options, Command::Build);
}

int run_update(const WriteOptions& options)
{
    return run_write(options, Command::Update);
}

}  // namespace infonote
