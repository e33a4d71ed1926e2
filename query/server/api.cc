#include "api.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli_messages.h"
#include "exit_codes.h"
#include "query_builder.h"

namespace infonote::server {

namespace {

using cli::Command;

constexpr std::array<const Command*, 9> kApiCommands{
    &cli::kSearchCommand,    &cli::kAttendedCommand, &cli::kShowCommand,
    &cli::kCountriesCommand, &cli::kStatsCommand,    &cli::kTimelineCommand,
    &cli::kProfileCommand,   &cli::kCoattendCommand, &cli::kCoverageCommand,
};

// Options a client may not set: they reach outside the index, or only
// concern a terminal.
constexpr std::array<std::string_view, 5> kRefused{"db", "timeout", "allow_partial", "color",
                                                   "help"};

const Command* command_named(std::string_view name)
{
    for (const Command* c : kApiCommands)
        if (name == c->name) return c;
    return nullptr;
}

bool parameter_name(std::string_view name)
{
    if (name.empty() || name.size() > 32 || name.front() < 'a' || name.front() > 'z') return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

// "--venue-country" in a message becomes "venue_country", the parameter's
// name.
std::string in_parameter_names(const std::string& message)
{
    std::string out;
    for (std::size_t i = 0; i < message.size();) {
        if (message.compare(i, 2, "--") == 0 && i + 2 < message.size() && message[i + 2] >= 'a' &&
            message[i + 2] <= 'z') {
            i += 2;
            while (i < message.size() &&
                   ((message[i] >= 'a' && message[i] <= 'z') || message[i] == '-' ||
                    (message[i] >= '0' && message[i] <= '9'))) {
                out += message[i] == '-' ? '_' : message[i];
                ++i;
            }
        } else {
            out += message[i++];
        }
    }
    return out;
}

// Where a parameter goes on the command line: a positional argument, or
// an option.
struct CommandLine {
    std::vector<std::string> options;
    std::vector<std::string> positionals;
    bool format_named = false;
};

// The command line the parameters stand for, or the error saying why there
// is none.
std::string command_line(const Command& command, const Params& params, CommandLine& line)
{
    std::string_view name = command.name;
    bool has_subject = name == "attended" || name == "profile";
    bool subject_given = false;
    for (const auto& [key, value] : params) {
        if (!parameter_name(key) ||
            std::find(kRefused.begin(), kRefused.end(), key) != kRefused.end())
            return "unknown parameter '" + key + "'";
        if (name == "search" && key == "q") {
            if (!value.empty()) line.positionals.push_back(value);
            continue;
        }
        if (has_subject && key == "country" && !subject_given) {
            line.positionals.push_back(value);
            subject_given = true;
            continue;
        }
        if (name == "show" && (key == "note" || key == "id")) {
            line.positionals.push_back(value);
            continue;
        }
        std::string option = "--" + key;
        std::replace(option.begin(), option.end(), '_', '-');
        if (key == "format") line.format_named = true;
        line.options.push_back(value.empty() ? option : option + "=" + value);
    }
    if (!line.format_named) line.options.emplace_back("--format=json");
    return "";
}

struct Shape {
    const char* content_type;
    const char* extension;
};

Shape shape_of(const cli::Common& common)
{
    if (common.own_format == "graphml") return {"application/graphml+xml", "graphml"};
    switch (common.format) {
        case OutputFormat::JSON: return {"application/json", nullptr};
        case OutputFormat::JSONL: return {"application/jsonl; charset=utf-8", "jsonl"};
        case OutputFormat::Text: return {"text/plain; charset=utf-8", nullptr};
        case OutputFormat::CSV:
            if (common.xlsx)
                return {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "xlsx"};
            return {"text/csv; charset=utf-8", "csv"};
    }
    return {"application/octet-stream", nullptr};
}

}  // namespace

Reply error_reply(int status, const std::string& message)
{
    Json body = Json::object();
    body["error"] = message;
    body["status"] = status;
    Reply reply;
    reply.status = status;
    // A message may quote a parameter's name or value, which need not be
    // UTF-8: such bytes become U+FFFD rather than failing the answer.
    reply.body = body.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    return reply;
}

bool api_command(std::string_view command)
{
    return command_named(command) != nullptr;
}

std::string parse_params(std::string_view name, const Params& params, cli::Common& common,
                         cli::Requests& requests)
{
    const Command* command = command_named(name);
    if (!command) return "no such command: " + std::string(name);
    CommandLine line;
    if (std::string problem = command_line(*command, params, line); !problem.empty())
        return problem;
    CLI::App app{"", command->name};
    command->add_options(&app, common, requests);
    // CLI11 takes the arguments last first; after "--" every one is
    // positional, so a value beginning with '-' is never an option.
    std::vector<std::string> args = line.options;
    if (!line.positionals.empty()) {
        args.emplace_back("--");
        args.insert(args.end(), line.positionals.begin(), line.positionals.end());
    }
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        return in_parameter_names(cli::describe(e));
    }
    return in_parameter_names(cli::format_conflict(common));
}

bool streamed(std::string_view command, const Params& params)
{
    if (command != "search" && command != "attended") return false;
    if (params.count("all")) return true;
    auto format = params.equal_range("format");
    return std::any_of(format.first, format.second,
                       [](const auto& p) { return p.second == "csv" || p.second == "jsonl"; });
}

Reply prepare_export(std::string_view name, const Params& params, Engine& engine, Export& job)
{
    job.command = command_named(name);
    if (!job.command) return error_reply(404, "no such route: /api/" + std::string(name));
    job.common.db = engine.db();
    if (std::string problem = parse_params(name, params, job.common, job.requests);
        !problem.empty())
        return error_reply(400, problem);
    // The same question for one hit and no facets (a limit of 0 would be
    // every hit): it fails where the export would, before the headers say
    // 200.
    cli::Requests trial = job.requests;
    for (HitsQuery* hits :
         {static_cast<HitsQuery*>(&trial.search), static_cast<HitsQuery*>(&trial.attended)}) {
        hits->paging.limit = 1;
        hits->paging.all = false;
        hits->facets.clear();
    }
    std::ostringstream discarded;
    try {
        job.command->run(engine, job.common, trial, {discarded, discarded, Terminal{}});
    } catch (const QueryError& e) {
        return error_reply(400, e.what());
    }
    Shape shape = shape_of(job.common);
    job.content_type = shape.content_type;
    if (shape.extension) job.filename = "infonote-" + std::string(name) + "." + shape.extension;
    return Reply{};
}

void run_export(Export& job, Engine& engine, std::ostream& out)
{
    std::ostringstream notes;
    job.command->run(engine, job.common, job.requests, {out, notes, Terminal{}});
}

Reply api_reply(std::string_view name, const Params& params, Engine& engine)
{
    const Command* command = command_named(name);
    if (!command) return error_reply(404, "no such route: /api/" + std::string(name));
    cli::Common common;
    common.db = engine.db();
    cli::Requests requests;
    if (std::string problem = parse_params(name, params, common, requests); !problem.empty())
        return error_reply(400, problem);

    std::ostringstream out;
    std::ostringstream notes;
    int status = kExitOk;
    try {
        status = command->run(engine, common, requests, {out, notes, Terminal{}});
    } catch (const QueryError& e) {
        return error_reply(400, e.what());
    }
    if (name == "show" && status == kExitNoMatch)
        return error_reply(404, "no note or event with id or path '" + requests.show.target + "'");
    Reply reply;
    Shape shape = shape_of(common);
    reply.content_type = shape.content_type;
    if (shape.extension) reply.filename = "infonote-" + std::string(name) + "." + shape.extension;
    reply.body = std::move(out).str();
    return reply;
}

}  // namespace infonote::server
