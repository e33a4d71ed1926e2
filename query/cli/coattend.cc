// `infonote-query coattend`.
#include "command.h"
#include "exit_codes.h"
#include "graphml_output.h"

namespace infonote::cli {

namespace {

struct Options {
    CoattendQuery query;
    /// Its own --format, which also takes "graphml".
    std::string format = "text";
};

Options& options()
{
    static Options o;
    return o;
}

void add_options(CLI::App* cmd, Common& common)
{
    Options& o = options();
    add_db(cmd, common);
    add_filters(cmd, o.query.filters);
    cmd->add_option("--limit", o.query.limit, "At most this many pairs")->check(hit_count(1));
    cmd->add_option("--format", o.format, "text (default), json, jsonl, csv or graphml")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "graphml"}, CLI::ignore_case));
    cmd->add_flag("--csv-raw", common.csv_raw, "CSV cells exactly as stored");
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        const std::string& format = options().format;
        CoattendAnswer answer = engine.coattend(options().query);
        if (format == "graphml") {
            write_graphml(std::cout, answer);
        } else {
            Common as_named = common;
            as_named.format = format == "json"    ? OutputFormat::JSON
                              : format == "jsonl" ? OutputFormat::JSONL
                              : format == "csv"   ? OutputFormat::CSV
                                                  : OutputFormat::Text;
            write_answer(answer, as_named, stdout_terminal());
        }
        return answer.pairs.empty() ? kExitNoMatch : kExitOk;
    });
}

}  // namespace

const Command& coattend_command()
{
    static const Command command{
        "coattend",
        "Pairs of States with the number of matching events both attended, most first; with "
        "--country C, C's partners. Text, json, jsonl, csv or graphml (for Gephi or Cytoscape).",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
