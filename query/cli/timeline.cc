// `infonote-query timeline`.
#include "cli_messages.h"
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    TimelineQuery& q = requests.timeline;
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_flag("--documents", q.documents, "Count documents, not events");
    cmd->add_option("--by", q.by, "year or month")
        ->type_name("PERIOD")
        ->transform(one_of({"year", "month"}))
        ->capture_default_str();
    add_format(cmd, common);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    return answer(
        engine, common, output, &Engine::timeline, requests.timeline,
        +[](const TimelineAnswer& a) { return a.dated + a.undated > 0; });
}

}  // namespace

const Command kTimelineCommand{
    "timeline",
    "Matching events per year (or month) of their start date, as a bar chart, CSV or JSON; "
    "empty periods between the first and last are shown.",
    add_options, run};

}  // namespace infonote::cli
