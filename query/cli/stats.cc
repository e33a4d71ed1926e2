// `infonote-query stats`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    add_db(cmd, common);
    cmd->add_option("--top", requests.stats.top, "How many top values to list")
        ->check(hit_count(0))
        ->capture_default_str();
    add_format(cmd, common, false);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    return answer(
        engine, common, output, &Engine::stats, requests.stats,
        +[](const StatsAnswer& a) { return a.notes > 0; });
}

}  // namespace

const Command kStatsCommand{
    "stats",
    "The index at a glance: notes, date span, last build, top countries, organizations and "
    "event types.",
    add_options, run};

}  // namespace infonote::cli
