// `infonote-query timeline`.
#include "command.h"
#include "cli_messages.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

TimelineQuery& query()
{
    static TimelineQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    TimelineQuery& q = query();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_flag("--documents", q.documents, "Count documents, not events");
    cmd->add_option("--by", q.by, "year or month")
        ->type_name("PERIOD")
        ->transform(one_of({"year", "month"}))
        ->capture_default_str();
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        TimelineAnswer answer = engine.timeline(query());
        write_answer(answer, common, stdout_terminal());
        return answer.dated + answer.undated > 0 ? kExitOk : kExitNoMatch;
    });
}

}  // namespace

const Command& timeline_command()
{
    static const Command command{
        "timeline",
        "Matching events per year (or month) of their start date, as a bar chart, CSV or JSON; "
        "empty periods between the first and last are shown.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
