#include "parallel_index.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "index_layout.h"
#include "index_writer.h"
#include "note_indexer.h"
#include "stop_signal.h"

namespace infonote {

namespace {

// Memory grows with the documents a writer holds before committing, so the
// workers share one budget rather than each taking the whole of it.
constexpr std::size_t kDocumentsInMemory = 2000;
constexpr std::size_t kSmallestBatch = 250;

// Raised in a worker when another one has failed: it stops quietly, and the
// first failure is the one reported.
class Abandoned : public std::exception {};

class Workers {
  public:
    explicit Workers(ProgressBar& progress) : progress_(progress) {}

    void file_done()
    {
        std::lock_guard<std::mutex> lock(progress_mutex_);
        progress_.step();
    }

    // Called before each file: stops the worker when the run is over.
    void check() const
    {
        check_stop();
        if (failed_.load()) throw Abandoned();
    }

    void fail(std::exception_ptr error)
    {
        std::lock_guard<std::mutex> lock(error_mutex_);
        if (!first_error_) first_error_ = error;
        failed_.store(true);
    }

    void rethrow_failure() const
    {
        if (first_error_) std::rethrow_exception(first_error_);
    }

  private:
    ProgressBar& progress_;
    std::mutex progress_mutex_;
    std::mutex error_mutex_;
    std::exception_ptr first_error_;
    std::atomic<bool> failed_{false};
};

void index_part(const BuildPart& part, const std::filesystem::path& corpus, std::size_t batch,
                Workers& workers, RunReport& counts)
{
    IndexWriter writer(part.db, WriteMode::Fresh, batch);
    NoteIndexer indexer(corpus);
    for (const CorpusFile& file : part.files) {
        workers.check();
        workers.file_done();
        std::optional<ReadFile> read = indexer.read(file, counts);
        if (!read) continue;
        std::optional<Xapian::Document> doc = indexer.document_for(file, *read, counts);
        if (doc && indexer.write(writer, id_term(file.id()), *doc, file, counts))
            ++counts.indexed;
    }
    workers.check();
    writer.finish(part.metadata);
}

}  // namespace

std::vector<std::span<const CorpusFile>> split_by_size(const std::vector<CorpusFile>& files,
                                                       std::size_t parts)
{
    std::span<const CorpusFile> all(files);
    parts = std::max<std::size_t>(1, std::min(parts, files.size()));
    // A file costs its bytes and a little for being a file at all.
    auto weight = [&](std::size_t i) { return static_cast<double>(files[i].stamp.size) + 1; };
    double total = 0;
    for (std::size_t i = 0; i < files.size(); ++i) total += weight(i);

    std::vector<std::span<const CorpusFile>> out;
    std::size_t begin = 0;
    double so_far = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        so_far += weight(i);
        std::size_t parts_left = parts - out.size() - 1;
        if (parts_left == 0) break;
        std::size_t files_left = files.size() - i - 1;
        // The run ends here when the middle of the next file lies past its
        // share of the bytes, or when each run still to come needs one of
        // the files left.
        double share = total * static_cast<double>(out.size() + 1) / static_cast<double>(parts);
        double next_middle = files_left > 0 ? so_far + weight(i + 1) / 2 : so_far;
        if (next_middle >= share || files_left == parts_left) {
            out.push_back(all.subspan(begin, i + 1 - begin));
            begin = i + 1;
        }
    }
    out.push_back(all.subspan(begin));
    return out;
}

void index_parts(const std::vector<BuildPart>& parts, std::size_t threads,
                 const std::filesystem::path& corpus, ProgressBar& progress, RunReport& report)
{
    Workers workers(progress);
    std::vector<RunReport> counts(parts.size());
    threads = std::max<std::size_t>(1, std::min(threads, parts.size()));
    std::size_t batch = std::max(kSmallestBatch, kDocumentsInMemory / threads);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < parts.size();) {
            try {
                index_part(parts[i], corpus, batch, workers, counts[i]);
            } catch (const Abandoned&) {
                return;
            } catch (...) {
                workers.fail(std::current_exception());
                return;
            }
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t i = 1; i < threads; ++i) helpers.emplace_back(work);
        work();
    }
    workers.rethrow_failure();
    for (const RunReport& c : counts) {
        report.indexed += c.indexed;
        report.skipped += c.skipped;
        report.warned += c.warned;
        report.rejected.insert(report.rejected.end(), c.rejected.begin(), c.rejected.end());
    }
}

std::vector<std::span<const CorpusFile>> group_by_shard(std::vector<CorpusFile>& files,
                                                        std::size_t shards)
{
    shards = std::max<std::size_t>(1, shards);
    // Where each file goes: after every file of a lower shard and every
    // earlier file of its own.
    std::vector<std::size_t> place(files.size());
    std::vector<std::size_t> begin(shards + 1, 0);
    for (std::size_t i = 0; i < files.size(); ++i) {
        place[i] = shard_of(files[i].id(), shards);
        ++begin[place[i] + 1];
    }
    for (std::size_t s = 1; s <= shards; ++s) begin[s] += begin[s - 1];
    std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
    for (std::size_t& p : place) p = next[p]++;
    // Each file swapped straight to its place, cycle by cycle.
    for (std::size_t i = 0; i < files.size(); ++i) {
        while (place[i] != i) {
            std::size_t to = place[i];
            std::swap(files[i], files[to]);
            std::swap(place[i], place[to]);
        }
    }
    std::span<const CorpusFile> all(files);
    std::vector<std::span<const CorpusFile>> out;
    for (std::size_t s = 0; s < shards; ++s)
        out.push_back(all.subspan(begin[s], begin[s + 1] - begin[s]));
    return out;
}

std::size_t default_jobs()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace infonote
