// `infonote-query countries`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    CountriesQuery& q = requests.countries;
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_flag("--documents", q.documents, "Count documents, not events");
    cmd->add_option("--limit", q.limit, "At most this many countries, the most first")
        ->check(hit_count(1));
    add_format(cmd, common);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    return answer(
        engine, common, output, &Engine::countries, requests.countries,
        +[](const CountriesAnswer& a) { return !a.countries.empty(); });
}

}  // namespace

const Command kCountriesCommand{
    "countries",
    "Every country with the number of matching events it attended and hosted, most first.",
    add_options, run};

}  // namespace infonote::cli
