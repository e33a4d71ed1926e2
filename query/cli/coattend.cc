// `infonote-query coattend`.
#include "command.h"
#include "graphml_output.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    CoattendQuery& q = requests.coattend;
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--limit", q.limit, "At most this many pairs")->check(hit_count(1));
    cmd->add_option("--format", requests.coattend_format,
                    "text (default), json, jsonl, csv or graphml")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "graphml"}, CLI::ignore_case));
    cmd->add_flag("--csv-raw", common.csv_raw, "CSV cells exactly as stored");
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    CoattendAnswer answer = engine.coattend(requests.coattend);
    const std::string& named = requests.coattend_format;
    if (named == "graphml") {
        write_graphml(output.out, answer);
    } else {
        Common as_named = common;
        as_named.format = named == "json"    ? OutputFormat::JSON
                          : named == "jsonl" ? OutputFormat::JSONL
                          : named == "csv"   ? OutputFormat::CSV
                                             : OutputFormat::Text;
        write_answer(output.out, answer, as_named, output.terminal);
    }
    return answer.pairs.empty() ? kExitNoMatch : kExitOk;
}

}  // namespace

const Command kCoattendCommand{
    "coattend",
    "Pairs of States with the number of matching events both attended, most first; with "
    "--country C, C's partners. Text, json, jsonl, csv or graphml (for Gephi or Cytoscape).",
    add_options, run};

}  // namespace infonote::cli
