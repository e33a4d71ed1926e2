// The infonote-index commands, callable from main() and from tests. Each
// prints its results to stdout and its diagnostics to stderr, and returns an
// exit status from exit_codes.h.
#ifndef INFONOTE_INDEXER_RUN_INDEX_H
#define INFONOTE_INDEXER_RUN_INDEX_H

#include <filesystem>
#include <string>
#include <vector>

#include "output_format.h"

namespace infonote {

/// Options of `build` and `update`.
struct WriteOptions {
    std::filesystem::path corpus;
    /// The database folder readers open (see index_layout.h).
    std::filesystem::path db;
    /// How long to wait for another writer; 0 fails at once.
    double wait_seconds = 0;
    /// Where to write the JSON run report; empty for none.
    std::filesystem::path report;
    /// A progress bar on a terminal.
    bool progress = true;
    /// Threads reading and parsing notes (build and update) and writing them (build).
    std::size_t jobs = 1;
    /// Shard databases of a build (notes placed by a hash of their id); 0
    /// keeps the live build's number (1 when there is none).
    std::size_t shards = 0;
    /// Build even when the stub is damaged (build only).
    bool force = false;
    /// Read symbolic links whose target lies outside the corpus.
    bool follow_outside = false;
};

/// Indexes the whole corpus into a new build beside the live one, checks
/// and compacts it, switches readers to it, and keeps the previous build.
int run_build(const WriteOptions& options);

/// Brings the live build up to date with the corpus in one transaction:
/// new files added, changed ones re-indexed, deleted ones removed. Falls
/// back to a full build when there is no index yet or it was made with
/// another schema or text pipeline.
int run_update(const WriteOptions& options);

/// Options of `status` and `rollback`.
struct AdminOptions {
    std::filesystem::path db;
    double wait_seconds = 0;
    OutputFormat format = OutputFormat::Text;
};

/// Describes the live build and the previous one.
int run_status(const AdminOptions& options);

/// Switches readers back to the previous build.
int run_rollback(const AdminOptions& options);

struct ParseOptions {
    std::vector<std::filesystem::path> files;
    OutputFormat format = OutputFormat::Text;
};

/// Prints what the parser makes of each file, for checking a note by eye or
/// from a script.
int run_parse(const ParseOptions& options);

}  // namespace infonote

#endif
