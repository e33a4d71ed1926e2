// infonote-query: searches an index built by infonote-index.
#include <cstdlib>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "checked_stdout.h"
#include "cli_messages.h"
#include "commands.h"
#include "completion.h"
#include "config_file.h"
#include "exit_codes.h"
#include "sheets.h"
#include "terminal_text.h"
#include "warnings.h"

namespace {

using infonote::ColourChoice;
using infonote::OutputFormat;
using infonote::QueryOptions;
using infonote::SortOrder;

void add_db(CLI::App* cmd, QueryOptions& o)
{
    // Not required by CLI11: a missing database is told after the rest of
    // the command line is checked (an unknown option first), and may come
    // from the environment or a configuration file (config_file.h).
    cmd->add_option("--db", o.db,
                    "Database folder, or a Xapian stub file listing shards (local, or "
                    "'remote HOST:PORT' served by xapian-tcpsrv); default $INFONOTE_DB, "
                    "else 'db = PATH' in $XDG_CONFIG_HOME/infonote/config (~/.config), else "
                    "in /etc/infonote/config");
    cmd->add_option_function<double>(
           "--timeout",
           [&o](double seconds) { o.open.timeout_ms = static_cast<unsigned>(seconds * 1000); },
           "Give up on a remote shard that takes longer than SECONDS to connect or answer "
           "(default 10)")
        ->check(infonote::cli::seconds(true, 1e6));
    cmd->add_flag("--allow-partial", o.open.allow_partial,
                  "When a shard cannot be reached, answer from the others (with a warning on "
                  "stderr naming it) instead of failing");
}

// --format xlsx and --bom: the CSV rows for a spreadsheet (sheets.h).
struct Spreadsheet {
    bool xlsx = false;
    bool bom = false;
} spreadsheet;

void add_format(CLI::App* cmd, QueryOptions& o, bool csv = true)
{
    std::vector<std::pair<std::string, OutputFormat>> formats{
        {"text", OutputFormat::Text}, {"json", OutputFormat::JSON}, {"jsonl", OutputFormat::JSONL}};
    if (csv) formats.emplace_back("csv", OutputFormat::CSV);
    std::vector<std::string> names;
    for (const auto& f : formats) names.push_back(f.first);
    if (csv) names.emplace_back("xlsx");
    cmd->add_option_function<std::string>(
           "--format",
           [&o, formats](const std::string& name) {
               spreadsheet.xlsx = name == "xlsx";
               o.format = OutputFormat::CSV;
               for (const auto& [known, format] : formats)
                   if (known == name) o.format = format;
           },
           csv ? "text (default), json, jsonl (one object per line), csv (RFC 4180) or xlsx (an "
                 "Excel workbook, written to stdout: redirect it to a file)"
               : "text (default), json or jsonl")
        ->type_name("FORMAT")
        ->transform(infonote::cli::one_of(names));
    if (csv)
        cmd->add_flag("--bom", spreadsheet.bom,
                      "With --format csv, begin with a UTF-8 byte order mark, by which Excel "
                      "reads the file as UTF-8");
    cmd->add_option("--color", o.colour,
                    "Colour matched words in text output: auto (the default: on a terminal, "
                    "unless $NO_COLOR is set or $TERM is dumb), always or never")
        ->type_name("WHEN")
        ->transform(infonote::cli::one_of(std::vector<std::pair<std::string, ColourChoice>>{
            {"auto", ColourChoice::Auto},
            {"always", ColourChoice::Always},
            {"never", ColourChoice::Never}}));
    if (csv)
        cmd->add_flag("--csv-raw", o.csv_raw,
                      "CSV cells exactly as stored: a text cell beginning with =, +, -, @, tab "
                      "or CR keeps no leading ' (which stops a spreadsheet running it as a "
                      "formula)");
}

void add_filters(CLI::App* cmd, QueryOptions& o)
{
    infonote::SearchRequest& f = o.filters;
    cmd->add_option("--country", f.countries,
                    "Attended by this country, as participant or host: name, alias or ISO "
                    "code. Repeat: every one must have attended.");
    cmd->add_flag("--any-country", f.any_country,
                  "With several --country: attended by any one of them");
    cmd->add_option("--org", f.organizations,
                    "Organized or attended by this organization: acronym or name. Repeat: "
                    "every one.");
    cmd->add_option("--org-role", f.org_role,
                    "With --org: only where the organization was among the organizers, or "
                    "only among the participants")
        ->type_name("ROLE")
        ->transform(infonote::cli::one_of(std::vector<std::string>{"organizer", "participant"}));
    cmd->add_option("--venue-country", f.venue_countries,
                    "Held in this country. Repeat: any of them.");
    cmd->add_option("--region", f.regions,
                    "Held in this UN M49 region or sub-region (\"Central Asia\", \"Africa\"). "
                    "Repeat: any of them.");
    cmd->add_option("--from", f.from,
                    "Ending on or after this date: YYYY, YYYY-MM or YYYY-MM-DD (rounded down)");
    cmd->add_option("--to", f.to,
                    "Starting on or before this date: YYYY, YYYY-MM or YYYY-MM-DD (rounded up)");
    cmd->add_option("--year", f.years, "Taking place (in part) in this year. Repeat: any.");
    cmd->add_option("--type", f.types,
                    "Of this event type: workshop, roundtable, peer review, conference, "
                    "training, seminar, meeting, webinar, ... Repeat: any.");
    cmd->add_option("--kind", f.kinds,
                    "Of this document kind: information-note, press-release, web-update, "
                    "announcement, other. Repeat: any.");
    cmd->add_flag("--include-invited", f.include_invited,
                  "Let --country (and attended's COUNTRY) also match States an announcement "
                  "only invited");
}

// A whole number of hits from `least` to the most Xapian counts (2^32 - 1),
// checked on the text: CLI11 would read "-1" as a huge count, and the
// searcher would cut 4294967296 to 0.
CLI::Validator hit_count(unsigned least)
{
    return infonote::cli::whole_number(least, 4294967295ULL);
}

void add_paging(CLI::App* cmd, QueryOptions& o)
{
    cmd->add_option("--limit", o.limit,
                    "Print at most N hits (default 20 for word searches, all for listings)")
        ->check(hit_count(1));
    cmd->add_option("--offset", o.offset, "Skip the first N hits")->check(hit_count(0));
    cmd->add_flag("--all", o.all, "Print every hit");
    cmd->add_option("--sort", o.sort, "relevance or date (oldest first)")
        ->type_name("ORDER")
        ->transform(infonote::cli::one_of(std::vector<std::pair<std::string, SortOrder>>{
            {"relevance", SortOrder::Relevance}, {"date", SortOrder::Date}}));
    cmd->add_flag("--reverse", o.reverse, "Reverse the order: newest or weakest first");
}

void add_facets(CLI::App* cmd, QueryOptions& o)
{
    cmd->add_option("--facets", o.facets,
                    "Count notes per value over all matches, for these fields (comma-separated): "
                    "country, org, year, venue_country, region, type, kind");
    cmd->add_option("--facet-limit", o.facet_limit,
                    "Values to show per facet, most frequent first (0: all)")
        ->check(hit_count(0))
        ->capture_default_str();
}

// One subcommand: what `infonote-query --help` says of it, the options it
// takes and what runs it.
struct Command {
    const char* name;
    const char* description;
    void (*add_options)(CLI::App*, QueryOptions&);
    int (*run)(const QueryOptions&);
};

const Command kCommands[] = {
    {"search",
     "Search notes. With WORDS, the best matches by relevance, with snippets. With filters "
     "only, every matching note, oldest first.",
     [](CLI::App* cmd, QueryOptions& o) {
         cmd->add_option("words", o.words, "Words and fields to search for");
         add_db(cmd, o);
         add_filters(cmd, o);
         add_paging(cmd, o);
         add_facets(cmd, o);
         add_format(cmd, o);
     },
     infonote::run_search},
    {"attended",
     "Every event COUNTRY attended, as participant or host, oldest first, with its role. "
     "Nothing is cut unless --limit says so; the total is exact.",
     [](CLI::App* cmd, QueryOptions& o) {
         cmd->add_option("country", o.target, "Country: name, alias or ISO code")->required();
         cmd->add_flag("--documents", o.documents,
                       "One hit per document, not per event (an event's documents each listed)");
         add_db(cmd, o);
         add_filters(cmd, o);
         add_paging(cmd, o);
         add_facets(cmd, o);
         add_format(cmd, o);
     },
     infonote::run_attended},
    {"show", "One note's parsed fields and its whole text.",
     [](CLI::App* cmd, QueryOptions& o) {
         cmd->add_option("note", o.target, "The note's id, or its path (as listed, or on disk)")
             ->required();
         add_db(cmd, o);
         add_format(cmd, o, false);
     },
     infonote::run_show},
    {"countries",
     "Every country with the number of matching events it attended and hosted, most first.",
     [](CLI::App* cmd, QueryOptions& o) {
         add_db(cmd, o);
         add_filters(cmd, o);
         cmd->add_flag("--documents", o.documents, "Count documents, not events");
         cmd->add_option("--limit", o.limit, "At most this many countries, the most first")
             ->check(hit_count(1));
         add_format(cmd, o);
     },
     infonote::run_countries},
    {"stats",
     "The index at a glance: notes, date span, last build, top countries, organizations and "
     "event types.",
     [](CLI::App* cmd, QueryOptions& o) {
         add_db(cmd, o);
         cmd->add_option("--top", o.top, "How many top values to list")
             ->check(hit_count(0))
             ->capture_default_str();
         add_format(cmd, o, false);
     },
     infonote::run_stats},
    {"profile",
     "One State at a glance: its events per year, type and region, its roles, the "
     "organizations and States it met most, its first and last event and the years without any.",
     [](CLI::App* cmd, QueryOptions& o) {
         cmd->add_option("country", o.target, "Country: name, alias or ISO code")->required();
         add_db(cmd, o);
         add_filters(cmd, o);
         cmd->add_option("--top", o.top, "How many organizations and States to list")
             ->capture_default_str();
         add_format(cmd, o);
     },
     infonote::run_profile},
    {"coattend",
     "Pairs of States with the number of matching events both attended, most first; with "
     "--country C, C's partners. Text, json, jsonl, csv or graphml (for Gephi or Cytoscape).",
     [](CLI::App* cmd, QueryOptions& o) {
         add_db(cmd, o);
         add_filters(cmd, o);
         cmd->add_option("--limit", o.limit, "At most this many pairs")->check(hit_count(1));
         o.format_name = "text";
         cmd->add_option("--format", o.format_name, "text (default), json, jsonl, csv or graphml")
             ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "graphml"}, CLI::ignore_case));
         cmd->add_flag("--csv-raw", o.csv_raw, "CSV cells exactly as stored");
     },
     infonote::run_coattend},
    {"coverage",
     "Every UN Member State (and the two observer States) with its number of matching "
     "events and its last one, those with none first: whom outreach has not reached.",
     [](CLI::App* cmd, QueryOptions& o) {
         add_db(cmd, o);
         add_filters(cmd, o);
         cmd->add_option("--since", o.since, "Count events from this year on (YYYY)");
         cmd->add_option("--limit", o.limit, "At most this many States")->check(hit_count(1));
         add_format(cmd, o);
     },
     infonote::run_coverage},
    {"timeline",
     "Matching events per year (or month) of their start date, as a bar chart, CSV or JSON; "
     "empty periods between the first and last are shown.",
     [](CLI::App* cmd, QueryOptions& o) {
         add_db(cmd, o);
         add_filters(cmd, o);
         cmd->add_flag("--documents", o.documents, "Count documents, not events");
         cmd->add_option("--by", o.by, "year or month")
             ->type_name("PERIOD")
             ->transform(infonote::cli::one_of({"year", "month"}))
             ->capture_default_str();
         add_format(cmd, o);
     },
     infonote::run_timeline},
};

int finish(int status)
{
    return infonote::finish_stdout("infonote-query", status);
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
    QueryOptions options;
    app.add_flag("-v,--verbose", options.verbose,
                 "Show the Xapian query that search and attended run, on stderr");
    std::string named = infonote::cli::named_command(argc, argv, {});
    const Command* chosen = nullptr;
    std::vector<std::string> names;
    for (const Command& c : kCommands) {
        names.emplace_back(c.name);
        if (named == c.name) chosen = &c;
    }
    if (!chosen && !named.empty())
        return infonote::cli::usage_error("infonote-query", "",
                                          infonote::cli::unknown_command(named, names));
    for (const Command& c : kCommands) {
        if (chosen && chosen != &c) continue;
        CLI::App* cmd = app.add_subcommand(c.name, c.description);
        if (chosen) c.add_options(cmd, options);
    }

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
    if (options.csv_raw && (options.format != OutputFormat::CSV || spreadsheet.xlsx)) {
        std::cerr << "infonote-query: error: --csv-raw goes with --format csv\n";
        return finish(infonote::kExitUsage);
    }
    if (int status = infonote::choose_csv_form(spreadsheet.xlsx, spreadsheet.bom,
                                               options.format == OutputFormat::CSV);
        status != infonote::kExitOk)
        return finish(status);
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
    return finish(chosen->run(options));
}
