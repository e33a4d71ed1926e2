// The infonote-query command line: one file per command (search.cc,
// attended.cc, ...), each adding its options and running its request on
// the engine, and what they share: the common options, the error handling
// and the choice of output module by --format.
#ifndef INFONOTE_QUERY_CLI_COMMAND_H
#define INFONOTE_QUERY_CLI_COMMAND_H

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "csv_output.h"
#include "engine.h"
#include "exit_codes.h"
#include "json_output.h"
#include "jsonl_output.h"
#include "output_format.h"
#include "sheets.h"
#include "text_output.h"

namespace infonote::cli {

/// What every command's command line may say beside its own options.
struct Common {
    std::filesystem::path db;
    OpenOptions open;
    OutputFormat format = OutputFormat::Text;
    /// --csv-raw: CSV cells as stored, none defused (csv_output.h).
    bool csv_raw = false;
    /// --format xlsx: the CSV rows as an Excel workbook (format is CSV).
    bool xlsx = false;
    /// --bom: CSV after a UTF-8 byte order mark, for Excel.
    bool bom = false;
    /// A format of the command's own (coattend's graphml), when one was
    /// asked for; `format` is then Text.
    std::string own_format;
    /// --color: when text output colours matched words.
    ColourChoice colour = ColourChoice::Auto;
    /// -v: print the Xapian query that search and attended run, on stderr.
    bool verbose = false;
};

/// The requests the commands' options fill, one of each type: a parse
/// fills the named command's, and the command runs it. The command line
/// parses once; the web server parses each HTTP request into its own.
struct Requests {
    SearchQuery search;
    /// search's words as given, joined into `search.words` when it runs.
    std::vector<std::string> search_words;
    AttendedQuery attended;
    ShowQuery show;
    CountriesQuery countries;
    StatsQuery stats;
    ProfileQuery profile;
    CoattendQuery coattend;
    CoverageQuery coverage;
    TimelineQuery timeline;
};

/// Where a command writes: its answer to `out`, notes (a did-you-mean) to
/// `err`; `terminal` says how text output looks.
struct Output {
    std::ostream& out;
    std::ostream& err;
    Terminal terminal;
};

/// One subcommand: what `infonote-query --help` says of it, the options it
/// takes (only the named command's are built) and what runs it on an
/// engine, returning the exit status. `run` throws the engine's errors
/// (guarded() turns them into a message and a status).
struct Command {
    const char* name;
    const char* description;
    void (*add_options)(CLI::App* command, Common& common, Requests& requests);
    int (*run)(Engine& engine, const Common& common, Requests& requests, const Output& output);
};

extern const Command kSearchCommand;
extern const Command kAttendedCommand;
extern const Command kShowCommand;
extern const Command kCountriesCommand;
extern const Command kStatsCommand;
extern const Command kProfileCommand;
extern const Command kCoattendCommand;
extern const Command kCoverageCommand;
extern const Command kTimelineCommand;

/// The option groups commands share.
void add_db(CLI::App* cmd, Common& common);
/// --format (text, json, jsonl and, with `csv`, csv and xlsx, then the
/// command's `own` formats, each with what it gives), --color, --csv-raw,
/// --bom.
void add_format(CLI::App* cmd, Common& common, bool csv = true,
                const std::vector<std::pair<std::string, std::string>>& own = {});
/// --country, --org, --venue-country, --region, --from, --to, --year,
/// --type, --kind, --any-country, --include-invited.
void add_filters(CLI::App* cmd, SearchRequest& filters);
/// What search and attended take after their own arguments: --db,
/// filters, paging, facets and --format.
void add_hits_options(CLI::App* cmd, Common& common, HitsQuery& query);
/// What search and attended read of each hit for the chosen format: the
/// listing line for text, the record (what JSON, JSON Lines and CSV print)
/// for the others, the whole summary for a workbook.
HitDetail hit_detail(const Common& common);
/// A whole number of hits from `least` to the most Xapian counts.
CLI::Validator hit_count(unsigned least);

/// Why the options parsed into `common` do not go together (--csv-raw or
/// --bom without --format csv), or "".
std::string format_conflict(const Common& common);

/// Runs `command` on an engine over --db, turning its errors into a
/// one-line message on stderr and the exit status documented in --help.
int guarded(const Common& common, const std::function<int(Engine&)>& command);

/// Writes `answer` to `out` in the --format asked for.
template <typename Answer>
void write_answer(std::ostream& out, const Answer& answer, const Common& common,
                  const Terminal& terminal)
{
    switch (common.format) {
        case OutputFormat::Text: write_text(out, answer, terminal); break;
        case OutputFormat::JSON: write_json(out, answer); break;
        case OutputFormat::JSONL: write_jsonl(out, answer); break;
        case OutputFormat::CSV:
            if constexpr (requires { write_csv(out, answer, CsvCells::Raw); }) {
                if (common.xlsx) {
                    write_xlsx(out, answer);
                    break;
                }
                if (common.bom) out << kUtf8Bom;
                write_csv(out, answer, common.csv_raw ? CsvCells::Raw : CsvCells::Defused);
            }
            break;
    }
}

/// Asks the engine `question` with `request`, writes the answer in the
/// --format asked for, and returns kExitOk when `matched` says something
/// matched, else kExitNoMatch.
template <typename Request, typename Answer>
int answer(Engine& engine, const Common& common, const Output& output,
           Answer (Engine::*question)(const Request&), const Request& request,
           bool (*matched)(const Answer&))
{
    Answer answer = (engine.*question)(request);
    write_answer(output.out, answer, common, output.terminal);
    return matched(answer) ? kExitOk : kExitNoMatch;
}

}  // namespace infonote::cli

#endif
