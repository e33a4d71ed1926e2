// infonote-query: searches an index built by infonote-index.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "checked_stdout.h"
#include "cli/command.h"
#include "cli_messages.h"
#include "completion.h"
#include "config_file.h"
#include "exit_codes.h"
#include "terminal_text.h"
#include "warnings.h"

namespace {

using infonote::cli::Command;

const Command* const kCommands[] = {
    &infonote::cli::kSearchCommand,   &infonote::cli::kAttendedCommand,
    &infonote::cli::kShowCommand,     &infonote::cli::kCountriesCommand,
    &infonote::cli::kStatsCommand,    &infonote::cli::kProfileCommand,
    &infonote::cli::kCoattendCommand, &infonote::cli::kCoverageCommand,
    &infonote::cli::kTimelineCommand,
};

int finish(int status)
{
    return infonote::finish_stdout("infonote-query", status);
}

constexpr const char* kServe = "serve";

// `serve` is a program of its own beside this one, infonote-query-serve,
// so that a quick question never loads the HTTP library: it is run in this
// process's place with the same arguments.
int serve(int argc, char** argv)
{
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::filesystem::path server =
        (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "infonote-query-serve";
    std::string name = server.string();
    std::vector<char*> args{name.data()};
    bool dropped = false;
    for (int i = 1; i < argc; ++i) {
        if (!dropped && std::strcmp(argv[i], kServe) == 0) {
            dropped = true;
            continue;
        }
        args.push_back(argv[i]);
    }
    args.push_back(nullptr);
    execv(name.c_str(), args.data());
    std::cerr << "infonote-query: error: cannot run " << infonote::escape_controls(name) << ": "
              << std::strerror(errno) << '\n';
    return infonote::kExitFailure;
}

}  // namespace

int main(int argc, char** argv)
{
    // Long listings write thousands of lines: std::cout buffers them and
    // writes them itself, and a write that fails is reported.
    infonote::check_stdout();
    if (argc == 3 && argv[1] == infonote::kCompleteCommand)
        return finish(infonote::print_completion(std::cout, argv[2]));
    CLI::App app{
        "infonote-query: search the 1540 Committee's Information Notes.\n"
        "\n"
        "Query syntax (search WORDS): words must all occur; \"quoted phrases\", AND, OR,\n"
        "NOT, word*, and fields: country:, org:, venue: (venue country), city:, title:,\n"
        "type:, year:, region:, date:A..B (A and B as YYYY, YYYY-MM or YYYY-MM-DD; an\n"
        "event matches when its dates overlap). Countries take any name, alias or code.\n"
        "Full reference: infonote-query(1), and docs/query.md in the sources.\n"
        "\n"
        "Exit status: 0 something matched; 1 nothing matched; 2 bad command line or\n"
        "query (an unknown country included); 4 the database cannot be opened or read;\n"
        "5 the output could not be written (disk full).",
        "infonote-query"};
    app.set_version_flag("--version",
                         infonote::cli::version_line("infonote-query", Xapian::version_string()),
                         "Print the program's version and Xapian's, and exit");
    app.require_subcommand(1);
    // Only the subcommand named is built, options and all: building every
    // one would take a good part of a quick query's start. The others are
    // listed only when none is named or the name is unknown, for --help
    // and the error.
    infonote::cli::Common options;
    infonote::cli::Requests requests;
    app.add_flag("-v,--verbose", options.verbose,
                 "Show the Xapian query that search and attended run, on stderr");
    // `infonote-query --db DB search ...` as well as `search ... --db DB`.
    app.add_option("--db", options.db, "Database, as the command's --db (before the command)");
    std::string named = infonote::cli::named_command(argc, argv, {"--db"});
    if (named == kServe) return serve(argc, argv);
    const Command* chosen = nullptr;
    std::vector<std::string> names;
    for (const Command* c : kCommands) {
        names.emplace_back(c->name);
        if (named == c->name) chosen = c;
    }
    names.emplace_back(kServe);
    if (!chosen && !named.empty())
        return infonote::cli::usage_error("infonote-query", "",
                                          infonote::cli::unknown_command(named, names));
    for (const Command* c : kCommands) {
        if (chosen && chosen != c) continue;
        CLI::App* cmd = app.add_subcommand(c->name, c->description);
        if (chosen) c->add_options(cmd, options, requests);
    }
    if (!chosen)
        app.add_subcommand(kServe,
                           "Serve the index over HTTP, read-only: a search page for a browser and "
                           "a JSON API (see `infonote-query serve --help`).");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (!chosen && dynamic_cast<const CLI::RequiredError*>(&e))
            return infonote::cli::usage_error("infonote-query", "",
                                              infonote::cli::unknown_command("", names));
        return finish(infonote::cli::report(app, "infonote-query", named, e));
    }
    infonote::set_warning_sink([](const std::string& message) {
        std::cerr << "infonote-query: warning: " << infonote::escape_controls(message) << '\n';
    });
    // A parse that succeeded ran a subcommand, and only the named one can
    // have run.
    if (!chosen) return infonote::kExitUsage;
    if (std::string conflict = infonote::cli::format_conflict(options); !conflict.empty()) {
        std::cerr << "infonote-query: error: " << conflict << '\n';
        return finish(infonote::kExitUsage);
    }
    if (options.xlsx && isatty(STDOUT_FILENO)) {
        std::cerr << "infonote-query: error: --format xlsx writes a workbook, not text for a "
                     "terminal: redirect it to a file (> results.xlsx)\n";
        return finish(infonote::kExitUsage);
    }
    infonote::set_colour_choice(options.colour);
    if (options.db.empty()) {
        infonote::DatabaseSources sources = infonote::database_sources();
        try {
            std::optional<infonote::DefaultDatabase> db = infonote::default_database(sources);
            if (!db)
                return infonote::cli::usage_error("infonote-query", named,
                                                  infonote::no_database_message(sources));
            options.db = db->path;
        } catch (const infonote::ConfigError& e) {
            std::cerr << "infonote-query: error: " << infonote::escape_controls(e.what()) << '\n';
            return infonote::kExitUsage;
        }
    }
    return finish(infonote::cli::guarded(options, [&](infonote::Engine& engine) {
        return chosen->run(engine, options, requests,
                           {std::cout, std::cerr, infonote::stdout_terminal()});
    }));
}
