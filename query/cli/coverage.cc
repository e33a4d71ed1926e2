// `infonote-query coverage`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    CoverageQuery& q = requests.coverage;
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--since", q.since, "Count events from this year on (YYYY)");
    cmd->add_option("--limit", q.limit, "At most this many States")->check(hit_count(1));
    add_format(cmd, common);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    return answer(
        engine, common, output, &Engine::coverage, requests.coverage,
        +[](const CoverageAnswer& a) { return !a.states.empty(); });
}

}  // namespace

const Command kCoverageCommand{
    "coverage",
    "Every UN Member State (and the two observer States) with its number of matching "
    "events and its last one, those with none first: whom outreach has not reached.",
    add_options, run};

}  // namespace infonote::cli
