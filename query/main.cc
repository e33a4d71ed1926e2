// infonote-query: searches an index built by infonote-index.
#include <CLI/CLI.hpp>

#include "config.h"
#include "exit_codes.h"
#include "logging.h"
#include "run_query.h"

int main(int argc, char** argv)
{
    CLI::App app{
        "infonote-query: search the 1540 Committee's Information Notes.\n"
        "\n"
        "Exit status: 0 something matched; 1 nothing matched; 2 bad command line or\n"
        "query (an unknown country included); 4 the database cannot be opened or read."};
    app.set_version_flag("--version", infonote::kVersion);
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log to stderr");

    infonote::SearchOptions search;
    CLI::App* search_cmd = app.add_subcommand(
        "search",
        "Search notes. With WORDS, the best matches by relevance (all words must occur; "
        "\"quoted phrases\", OR, NOT and field:value work as in Xapian's query syntax). With "
        "filters only, every matching note, oldest first.");
    search_cmd->add_option("words", search.words, "Words to search for");
    search_cmd->add_option("--db", search.db, "Database folder")->required();
    search_cmd->add_option("--country", search.countries,
                           "Only notes this country attended, as participant or host: a name, "
                           "an alias or an ISO code. Repeat to require several.");
    search_cmd->add_option("--org", search.organizations,
                           "Only notes this organization organized or attended: an acronym or "
                           "full name. Repeat to require several.");
    search_cmd->add_option("--format", search.format, "Output format: text or json")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, infonote::ResultFormat>{{"text", infonote::ResultFormat::Text},
                                                          {"json", infonote::ResultFormat::JSON}},
            CLI::ignore_case));
    search_cmd->add_option("--limit", search.limit, "Hits to print for a word search")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? infonote::kExitOk : infonote::kExitUsage;
    }
    infonote::setup_logging("infonote-query", {verbose, {}});
    return infonote::run_search(search);
}
