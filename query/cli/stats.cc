// `infonote-query stats`.
#include "command.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

StatsQuery& query()
{
    static StatsQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    add_db(cmd, common);
    cmd->add_option("--top", query().top, "How many top values to list")
        ->check(hit_count(0))
        ->capture_default_str();
    add_format(cmd, common, false);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        StatsAnswer answer = engine.stats(query());
        write_answer(answer, common, stdout_terminal());
        return answer.notes > 0 ? kExitOk : kExitNoMatch;
    });
}

}  // namespace

const Command& stats_command()
{
    static const Command command{
        "stats",
        "The index at a glance: notes, date span, last build, top countries, organizations and "
        "event types.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
