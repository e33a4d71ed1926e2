// `infonote-query countries`.
#include "command.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common)
{
    CountriesQuery& q = request<CountriesQuery>();
    add_db(cmd, common);
    add_filters(cmd, q.filters);
    cmd->add_flag("--documents", q.documents, "Count documents, not events");
    cmd->add_option("--limit", q.limit, "At most this many countries, the most first")
        ->check(hit_count(1));
    add_format(cmd, common);
}

int run(const Common& common)
{
    return answer(
        common, &Engine::countries, +[](const CountriesAnswer& a) { return !a.countries.empty(); });
}

}  // namespace

const Command kCountriesCommand{
    "countries",
    "Every country with the number of matching events it attended and hosted, most first.",
    add_options, run};

}  // namespace infonote::cli
