// `infonote-query attended COUNTRY`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    AttendedQuery& q = requests.attended;
    cmd->add_option("country", q.country, "Country: name, alias or ISO code")->required();
    cmd->add_flag("--documents", q.documents,
                  "One hit per document, not per event (an event's documents each listed)");
    add_hits_options(cmd, common, q);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    requests.attended.detail = hit_detail(common);
    return answer(
        engine, common, output, &Engine::attended, requests.attended,
        +[](const AttendedAnswer& a) { return a.hits.result.total > 0; });
}

}  // namespace

const Command kAttendedCommand{
    "attended",
    "Every event COUNTRY attended, as participant or host, oldest first, with its role. "
    "Nothing is cut unless --limit says so; the total is exact.",
    add_options, run};

}  // namespace infonote::cli
