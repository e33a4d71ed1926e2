// infonote-index: builds the search index from a folder of notes.
#include <CLI/CLI.hpp>

#include "config.h"
#include "exit_codes.h"
#include "logging.h"
#include "run_index.h"

int main(int argc, char** argv)
{
    CLI::App app{
        "infonote-index: index the 1540 Committee's Information Notes for infonote-query.\n"
        "\n"
        "Exit status: 0 done; 2 bad command line; 3 done, but some files were skipped as\n"
        "bad input (each named on stderr); 4 failed (database or corpus unusable; the\n"
        "database is left as it was)."};
    app.set_version_flag("--version", infonote::kVersion);
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log progress to stderr");

    infonote::BuildOptions build;
    CLI::App* build_cmd = app.add_subcommand(
        "build",
        "Index every note (*.txt, *.md; README files and hidden entries excepted) under "
        "CORPUS into the database, replacing what it held. Readers see the old index "
        "until the new one is committed.");
    build_cmd->add_option("corpus", build.corpus, "Folder of notes")->required();
    build_cmd->add_option("--db", build.db, "Database folder (created when missing)")->required();

    infonote::ParseOptions parse;
    CLI::App* parse_cmd = app.add_subcommand(
        "parse", "Print what the parser reads from each FILE: title, dates, venue, participants.");
    parse_cmd->add_option("files", parse.files, "Note files")->required()->check(CLI::ExistingFile);
    parse_cmd->add_option("--format", parse.format, "Output format: text or json")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, infonote::OutputFormat>{{"text", infonote::OutputFormat::Text},
                                                          {"json", infonote::OutputFormat::Json}},
            CLI::ignore_case));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? infonote::kExitOk : infonote::kExitUsage;
    }
    infonote::setup_logging("infonote-index", verbose);
    if (build_cmd->parsed()) return infonote::run_build(build);
    return infonote::run_parse(parse);
}
