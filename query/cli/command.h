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

/// One subcommand: what `infonote-query --help` says of it, the options it
/// takes (only the named command's are built) and what runs it, returning
/// the exit status.
struct Command {
    const char* name;
    const char* description;
    void (*add_options)(CLI::App* command, Common& common);
    int (*run)(const Common& common);
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

/// The request a command's options fill, one of each type: only the
/// command named on the command line fills and runs it.
template <typename Request>
Request& request()
{
    static Request r;
    return r;
}

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
/// A whole number of hits from `least` to the most Xapian counts.
CLI::Validator hit_count(unsigned least);

/// Runs `command` on an engine over --db, turning its errors into a
/// one-line message on stderr and the exit status documented in --help.
int guarded(const Common& common, const std::function<int(Engine&)>& command);

/// Writes `answer` to stdout in the --format asked for.
template <typename Answer>
void write_answer(const Answer& answer, const Common& common, const Terminal& terminal)
{
    switch (common.format) {
        case OutputFormat::Text: write_text(std::cout, answer, terminal); break;
        case OutputFormat::JSON: write_json(std::cout, answer); break;
        case OutputFormat::JSONL: write_jsonl(std::cout, answer); break;
        case OutputFormat::CSV:
            if constexpr (requires { write_csv(std::cout, answer, CsvCells::Raw); }) {
                if (common.xlsx) {
                    write_xlsx(std::cout, answer);
                    break;
                }
                if (common.bom) std::cout << kUtf8Bom;
                write_csv(std::cout, answer, common.csv_raw ? CsvCells::Raw : CsvCells::Defused);
            }
            break;
    }
}

/// Asks the engine `question` with the command's request, writes the
/// answer in the --format asked for, and returns kExitOk when `matched`
/// says something matched, else kExitNoMatch.
template <typename Request, typename Answer>
int answer(const Common& common, Answer (Engine::*question)(const Request&),
           bool (*matched)(const Answer&))
{
    return guarded(common, [&](Engine& engine) {
        Answer answer = (engine.*question)(request<Request>());
        write_answer(answer, common, stdout_terminal());
        return matched(answer) ? kExitOk : kExitNoMatch;
    });
}

}  // namespace infonote::cli

#endif
