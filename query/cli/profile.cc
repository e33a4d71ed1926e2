// `infonote-query profile COUNTRY`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    ProfileQuery& q = requests.profile;
    cmd->add_option("country", q.country, "Country: name, alias or ISO code")->required();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_option("--top", q.top, "How many organizations and States to list")
        ->capture_default_str();
    add_format(cmd, common);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    return answer(
        engine, common, output, &Engine::profile, requests.profile,
        +[](const ProfileAnswer& a) { return a.events > 0; });
}

}  // namespace

const Command kProfileCommand{
    "profile",
    "One State at a glance: its events per year, type and region, its roles, the "
    "organizations and States it met most, its first and last event and the years without any.",
    add_options, run};

}  // namespace infonote::cli
