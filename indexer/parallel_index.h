// Indexing a list of corpus files on several threads. Xapian writes one
// database from one thread at a time, so each worker writes a database of
// its own (a part); the build then merges the parts by compaction, or keeps
// them as shards.
#ifndef INFONOTE_INDEXER_PARALLEL_INDEX_H
#define INFONOTE_INDEXER_PARALLEL_INDEX_H

#include <cstddef>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "corpus_reader.h"
#include "progress_bar.h"
#include "run_report.h"

namespace infonote {

/// Splits `files` into at most `parts` runs of neighbouring files holding
/// about the same number of bytes; never an empty run, and one run for an
/// empty list.
std::vector<std::span<const CorpusFile>> split_by_size(const std::vector<CorpusFile>& files,
                                                       std::size_t parts);

/// Reorders `files` so that each shard's files (shard_of, index_layout.h)
/// are neighbours, shard 0's first, each shard's in the order they had, and
/// gives each shard's run: `shards` runs (one when 0), empty for a shard
/// without files. The files are moved, never copied.
std::vector<std::span<const CorpusFile>> group_by_shard(std::vector<CorpusFile>& files,
                                                        std::size_t shards);

/// One part of a build: its files, the fresh database they go to, and the
/// metadata stored with them.
struct BuildPart {
    std::span<const CorpusFile> files;
    std::filesystem::path db;
    std::map<std::string, std::string> metadata;
};

/// Indexes every part into its database, each in file order, at most
/// `threads` parts at once, each on a thread of its own. Diagnostics appear
/// as files are read; counts and rejected files are added to `report` in
/// part order, so they do not depend on the threads' timing. The first
/// failure (Interrupted, IndexError) stops every worker and is rethrown.
void index_parts(const std::vector<BuildPart>& parts, std::size_t threads,
                 const std::filesystem::path& corpus, ProgressBar& progress, RunReport& report);

/// Worker threads when --jobs is not given: one per core.
std::size_t default_jobs();

}  // namespace infonote

#endif
