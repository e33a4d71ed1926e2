// `infonote-query coverage`.
#include "command.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

CoverageQuery& query()
{
    static CoverageQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    CoverageQuery& q = query();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--since", q.since, "Count events from this year on (YYYY)");
    cmd->add_option("--limit", q.limit, "At most this many States")->check(hit_count(1));
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        CoverageAnswer answer = engine.coverage(query());
        write_answer(answer, common, stdout_terminal());
        return answer.states.empty() ? kExitNoMatch : kExitOk;
    });
}

}  // namespace

const Command& coverage_command()
{
    static const Command command{
        "coverage",
        "Every UN Member State (and the two observer States) with its number of matching "
        "events and its last one, those with none first: whom outreach has not reached.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
