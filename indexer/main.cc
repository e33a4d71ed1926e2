// infonote-index: builds and maintains the search index of a folder of notes.
#include <iostream>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "checked_stdout.h"
#include "cli_messages.h"
#include "config_file.h"
#include "exit_codes.h"
#include "logging.h"
#include "parallel_index.h"
#include "run_index.h"
#include "terminal_text.h"

namespace {

const std::vector<std::pair<std::string, infonote::OutputFormat>> kFormats{
    {"text", infonote::OutputFormat::Text}, {"json", infonote::OutputFormat::JSON}};

constexpr const char* kDbHelp =
    "; default $INFONOTE_DB, else 'db = PATH' in $XDG_CONFIG_HOME/infonote/config "
    "(~/.config), else in /etc/infonote/config";

void add_write_options(CLI::App& cmd, infonote::WriteOptions& options, bool& no_progress)
{
    cmd.add_option("corpus", options.corpus, "Folder of notes")->required();
    cmd.add_option("--db", options.db, std::string("Database folder (created when missing)") + kDbHelp);
    cmd.add_option("--wait", options.wait_seconds,
                   "Wait up to SECONDS for another writer of the database to finish, instead of "
                   "failing at once")
        ->check(infonote::cli::seconds(false));
    cmd.add_option("--report", options.report,
                   "Write a JSON run report (counts, rejected files, durations) to FILE");
    cmd.add_flag("--no-progress", no_progress, "No progress bar, even on a terminal");
    cmd.add_flag("--follow-outside", options.follow_outside,
                 "Read symbolic links to files outside CORPUS (left out by default)");
    options.jobs = infonote::default_jobs();
    cmd.add_option("-j,--jobs", options.jobs,
                   "Threads reading and parsing notes (build and update) and writing them (build) "
                   "(default: one per core, here " +
                       std::to_string(options.jobs) +
                       "); the index is the same whatever the number")
        ->check(infonote::cli::whole_number(1, 256));
    cmd.add_option("--shards", options.shards,
                   "Write the index as N shard databases, each note placed by a hash of its id, "
                   "listed in a Xapian stub that readers open as one (default: as many as the "
                   "live build has, 1 for a new index); an update keeps every note in its shard")
        ->check(infonote::cli::whole_number(1, 1024));
}

void add_admin_options(CLI::App& cmd, infonote::AdminOptions& options)
{
    cmd.add_option("--db", options.db, std::string("Database folder") + kDbHelp);
}

// Fills `db` from $INFONOTE_DB or a configuration file when --db was not
// given; false (the error printed) when none names one.
bool resolve_db(std::filesystem::path& db, std::string_view command)
{
    if (!db.empty()) return true;
    infonote::DatabaseSources sources = infonote::database_sources();
    try {
        std::optional<infonote::DefaultDatabase> found = infonote::default_database(sources);
        if (!found) {
            infonote::cli::usage_error("infonote-index", command,
                                       infonote::no_database_message(sources));
            return false;
        }
        db = found->path;
        return true;
    } catch (const infonote::ConfigError& e) {
        std::cerr << "infonote-index: error: " << infonote::escape_controls(e.what()) << '\n';
        return false;
    }
}

// `status`, or the write-error status when stdout lost what was printed.
int finish(int status)
{
    return infonote::finish_stdout("infonote-index", status);
}

}  // namespace

int main(int argc, char** argv)
{
    infonote::check_stdout();
    CLI::App app{
        "infonote-index: index the 1540 Committee's Information Notes for infonote-query.\n"
        "\n"
        "The database is a folder: complete builds side by side and a Xapian stub naming the\n"
        "live one, which is what readers open. Only one build, update or rollback runs on a\n"
        "database at a time.\n"
        "\n"
        "Exit status: 0 done; 2 bad command line; 3 done, but some files were skipped as bad\n"
        "input (each named on stderr); 4 failed (corpus or database unusable, another writer\n"
        "busy): readers still get the index as it was; 5 the output could not be written (disk\n"
        "full); 130 stopped by SIGINT or SIGTERM, with the index as it was.",
        "infonote-index"};
    app.set_version_flag("--version",
                         infonote::cli::version_line("infonote-index", Xapian::version_string()),
                         "Print the program's version and Xapian's, and exit");
    app.require_subcommand(1);
    const std::vector<std::string> names{"build", "update", "status", "rollback", "parse"};
    const std::string named = infonote::cli::named_command(argc, argv, {"--log-file"});
    if (!named.empty() && !infonote::cli::unknown_command(named, names).empty())
        return infonote::cli::usage_error("infonote-index", "",
                                          infonote::cli::unknown_command(named, names));
    infonote::LogOptions log;
    app.add_flag("-v,--verbose", log.verbose, "Log progress to stderr");
    app.add_option("--log-file", log.file,
                   "Also write logs and diagnostics to FILE, rotated at 5 MiB (5 kept)");

    infonote::WriteOptions build, update;
    bool build_quiet = false, update_quiet = false;
    CLI::App* build_cmd = app.add_subcommand(
        "build",
        "Index every note under CORPUS (*.txt, *.md, *.pdf, *.html, *.htm; README files and "
        "hidden entries excepted) "
        "into a new build beside the live one, on --jobs threads; compact it, check it, then "
        "switch readers to it atomically. The previous build is kept for rollback, older ones "
        "removed.");
    add_write_options(*build_cmd, build, build_quiet);
    build_cmd->add_flag("--force", build.force,
                        "Build even when the database's stub is damaged (after rollback failed)");
    CLI::App* update_cmd = app.add_subcommand(
        "update",
        "Bring the live build up to date with CORPUS: add new notes, re-index changed ones (size "
        "and time first, then content), remove deleted ones, all in one transaction. Builds "
        "instead when there is no index or it was made by another version.");
    add_write_options(*update_cmd, update, update_quiet);

    infonote::AdminOptions status, rollback;
    CLI::App* status_cmd =
        app.add_subcommand("status", "Describe the live build and the previous one.");
    add_admin_options(*status_cmd, status);
    status_cmd->add_option("--format", status.format, "Output format: text or json")
        ->type_name("FORMAT")
        ->transform(infonote::cli::one_of(kFormats));
    CLI::App* rollback_cmd =
        app.add_subcommand("rollback", "Switch readers back to the previous build.");
    add_admin_options(*rollback_cmd, rollback);
    rollback_cmd->add_option("--wait", rollback.wait_seconds, "Wait up to SECONDS for a writer")
        ->check(infonote::cli::seconds(false));

    infonote::ParseOptions parse;
    CLI::App* parse_cmd = app.add_subcommand(
        "parse", "Print what the parser reads from each FILE: title, dates, venue, participants.");
    parse_cmd->add_option("files", parse.files, "Note files")
        ->required()
        ->check(CLI::Validator(
            [](std::string& file) -> std::string {
                std::error_code ec;
                if (std::filesystem::is_regular_file(file, ec)) return "";
                return "no such file: '" + file + "'";
            },
            ""));
    parse_cmd->add_option("--format", parse.format, "Output format: text or json")
        ->type_name("FORMAT")
        ->transform(infonote::cli::one_of(kFormats));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (named.empty() && dynamic_cast<const CLI::RequiredError*>(&e))
            return infonote::cli::usage_error("infonote-index", "",
                                              infonote::cli::unknown_command("", names));
        return finish(infonote::cli::report(app, "infonote-index", named, e));
    }
    if (!infonote::setup_logging("infonote-index", log)) return infonote::kExitFailure;
    build.progress = !build_quiet;
    update.progress = !update_quiet;
    infonote::AdminOptions* admin = status_cmd->parsed()     ? &status
                                    : rollback_cmd->parsed() ? &rollback
                                                             : nullptr;
    infonote::WriteOptions* write = build_cmd->parsed()    ? &build
                                    : update_cmd->parsed() ? &update
                                                           : nullptr;
    if (admin && !resolve_db(admin->db, named)) return infonote::kExitUsage;
    if (write && !resolve_db(write->db, named)) return infonote::kExitUsage;
    if (build_cmd->parsed()) return finish(infonote::run_build(build));
    if (update_cmd->parsed()) return finish(infonote::run_update(update));
    if (status_cmd->parsed()) return finish(infonote::run_status(status));
    if (rollback_cmd->parsed()) return finish(infonote::run_rollback(rollback));
    return finish(infonote::run_parse(parse));
}
