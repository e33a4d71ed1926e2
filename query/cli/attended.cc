// `infonote-query attended COUNTRY`.
#include "command.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

AttendedQuery& query()
{
    static AttendedQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    AttendedQuery& q = query();
    cmd->add_option("country", q.country, "Country: name, alias or ISO code")->required();
    cmd->add_flag("--documents", q.documents,
                  "One hit per document, not per event (an event's documents each listed)");
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    add_paging(cmd, q.paging);
    add_facets(cmd, q.facets, q.facet_limit);
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        AttendedQuery& q = query();
        q.detail =
            common.format == OutputFormat::Text ? HitDetail::Listing : HitDetail::Summary;
        AttendedAnswer answer = engine.attended(q);
        write_answer(answer, common, stdout_terminal());
        return answer.hits.result.total > 0 ? kExitOk : kExitNoMatch;
    });
}

}  // namespace

const Command& attended_command()
{
    static const Command command{
        "attended",
        "Every event COUNTRY attended, as participant or host, oldest first, with its role. "
        "Nothing is cut unless --limit says so; the total is exact.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
