// `infonote-query profile COUNTRY`.
#include "command.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

ProfileQuery& query()
{
    static ProfileQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    ProfileQuery& q = query();
    cmd->add_option("country", q.country, "Country: name, alias or ISO code")->required();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--top", q.top, "How many organizations and States to list")
        ->capture_default_str();
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        ProfileAnswer answer = engine.profile(query());
        write_answer(answer, common, stdout_terminal());
        return answer.events == 0 ? kExitNoMatch : kExitOk;
    });
}

}  // namespace

const Command& profile_command()
{
    static const Command command{
        "profile",
        "One State at a glance: its events per year, type and region, its roles, the "
        "organizations and States it met most, its first and last event and the years without "
        "any.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
