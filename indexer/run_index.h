// The infonote-index commands, callable from main() and from tests.
#ifndef INFONOTE_INDEXER_RUN_INDEX_H
#define INFONOTE_INDEXER_RUN_INDEX_H

#include <filesystem>
#include <string>
#include <vector>

namespace infonote {

struct BuildOptions {
    std::filesystem::path corpus;
    std::filesystem::path db;
};

/// Indexes every note under `corpus` into `db`, replacing what the database
/// held; prints diagnostics to stderr and a summary to stdout. Returns an
/// exit status from exit_codes.h.
int run_build(const BuildOptions& options);

enum class OutputFormat { Text, Json };

struct ParseOptions {
    std::vector<std::filesystem::path> files;
    OutputFormat format = OutputFormat::Text;
};

/// Prints what the parser makes of each file, for checking a note by eye or
/// from a script. Returns an exit status from exit_codes.h.
int run_parse(const ParseOptions& options);

}  // namespace infonote

#endif
