// `infonote-query coattend`.
#include "command.h"
#include "graphml_output.h"

namespace infonote::cli {

namespace {

// Its own --format, which also takes "graphml".
std::string format_named = "text";

void add_options(CLI::App* cmd, Common& common)
{
    CoattendQuery& q = request<CoattendQuery>();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--limit", q.limit, "At most this many pairs")->check(hit_count(1));
    cmd->add_option("--format", format_named, "text (default), json, jsonl, csv or graphml")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "graphml"}, CLI::ignore_case));
    cmd->add_flag("--csv-raw", common.csv_raw, "CSV cells exactly as stored");
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        CoattendAnswer answer = engine.coattend(request<CoattendQuery>());
        if (format_named == "graphml") {
            write_graphml(std::cout, answer);
        } else {
            Common as_named = common;
            as_named.format = format_named == "json"    ? OutputFormat::JSON
                              : format_named == "jsonl" ? OutputFormat::JSONL
                              : format_named == "csv"   ? OutputFormat::CSV
                                                        : OutputFormat::Text;
            write_answer(answer, as_named, stdout_terminal());
        }
        return answer.pairs.empty() ? kExitNoMatch : kExitOk;
    });
}

}  // namespace

const Command kCoattendCommand{
    "coattend",
    "Pairs of States with the number of matching events both attended, most first; with "
    "--country C, C's partners. Text, json, jsonl, csv or graphml (for Gephi or Cytoscape).",
    add_options, run};

}  // namespace infonote::cli
