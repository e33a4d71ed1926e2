// The infonote-query commands, callable from main() and from tests.
#ifndef INFONOTE_QUERY_RUN_QUERY_H
#define INFONOTE_QUERY_RUN_QUERY_H

#include <filesystem>
#include <string>
#include <vector>

namespace infonote {

enum class ResultFormat { Text, JSON };

struct SearchOptions {
    std::filesystem::path db;
    std::vector<std::string> words;
    std::vector<std::string> countries;
    std::vector<std::string> organizations;
    ResultFormat format = ResultFormat::Text;
    /// Ranked searches print this many hits; filter-only listings print all.
    std::size_t limit = 20;
};

/// Runs a search and prints the results to stdout. Returns kExitOk when
/// something matched, kExitNoMatch when nothing did, kExitUsage for a bad
/// query and kExitFailure when the database cannot be used.
int run_search(const SearchOptions& options);

}  // namespace infonote

#endif
