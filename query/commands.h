// The infonote-query commands, callable from main() and from tests. Each
// prints its results to stdout and returns the exit status: kExitOk when
// something matched, kExitNoMatch when nothing did, kExitUsage for a bad
// query or value, kExitFailure when the database cannot be used.
#ifndef INFONOTE_QUERY_COMMANDS_H
#define INFONOTE_QUERY_COMMANDS_H

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output.h"
#include "query_builder.h"
#include "searcher.h"

namespace infonote {

/// Everything a command line may say; each command reads what it needs.
struct QueryOptions {
    std::filesystem::path db;
    OpenOptions open;
    OutputFormat format = OutputFormat::Text;
    /// --csv-raw: CSV cells as stored, none defused (output.h).
    bool csv_raw = false;
    /// --color: when text output colours matched words.
    ColourChoice colour = ColourChoice::Auto;
    /// Words (search), and the filter flags every listing command takes.
    std::vector<std::string> words;
    SearchRequest filters;
    /// A country (attended), a note id or path (show).
    std::string target;
    std::optional<std::size_t> limit;
    std::size_t offset = 0;
    bool all = false;
    std::optional<SortOrder> sort;
    bool reverse = false;
    /// Facet names, comma-separated or repeated.
    std::vector<std::string> facets;
    std::size_t facet_limit = 10;
    /// timeline: "year" or "month".
    std::string by = "year";
    /// stats: how many top countries and organizations.
    std::size_t top = 10;
    /// coverage: count events from this year on ("" for all).
    std::string since;
    /// coattend's --format, which also takes "graphml".
    std::string format_name;
    /// --documents: `attended` lists documents, not events.
    bool documents = false;
    /// Print the Xapian query that search and attended run, on stderr.
    bool verbose = false;
};

int run_search(const QueryOptions& options);
int run_attended(const QueryOptions& options);
int run_show(const QueryOptions& options);
int run_countries(const QueryOptions& options);
int run_stats(const QueryOptions& options);
int run_timeline(const QueryOptions& options);
int run_coattend(const QueryOptions& options);
int run_profile(const QueryOptions& options);
int run_coverage(const QueryOptions& options);

}  // namespace infonote

#endif
