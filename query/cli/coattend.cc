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
    add_format(cmd, common, true, {{"graphml", "a graph for Gephi or Cytoscape"}});
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    CoattendAnswer answer = engine.coattend(requests.coattend);
    if (common.own_format == "graphml")
        write_graphml(output.out, answer);
    else
        write_answer(output.out, answer, common, output.terminal);
    return answer.pairs.empty() ? kExitNoMatch : kExitOk;
}

}  // namespace

const Command kCoattendCommand{
    "coattend",
    "Pairs of States with the number of matching events both attended, most first; with "
    "--country C, C's partners. Text, json, jsonl, csv, xlsx or graphml (for Gephi or "
    "Cytoscape).",
    add_options, run};

}  // namespace infonote::cli
