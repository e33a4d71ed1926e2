// `infonote-query countries`.
#include "command.h"
#include "exit_codes.h"

namespace infonote::cli {

namespace {

CountriesQuery& query()
{
    static CountriesQuery q;
    return q;
}

void add_options(CLI::App* cmd, Common& common)
{
    add_db(cmd, common);
    add_filters(cmd, query().filters);
    cmd->add_flag("--documents", query().documents, "Count documents, not events");
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        CountriesAnswer answer = engine.countries(query());
        write_answer(answer, common, stdout_terminal());
        return answer.countries.empty() ? kExitNoMatch : kExitOk;
    });
}

}  // namespace

const Command& countries_command()
{
    static const Command command{
        "countries",
        "Every country with the number of matching events it attended and hosted, most first.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
