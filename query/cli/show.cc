// `infonote-query show NOTE`.
#include "command.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    cmd->add_option("note", requests.show.target,
                    "The note's id, or its path (as listed, or on disk)")
        ->required();
    add_db(cmd, common);
    add_format(cmd, common, false);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    const ShowQuery& query = requests.show;
    std::optional<ShowAnswer> answer = engine.show(query);
    if (!answer) {
        output.err << "infonote-query: no note with id or path '" << escape_controls(query.target)
                   << "' in " << escape_controls(common.db.string()) << '\n';
        return kExitNoMatch;
    }
    write_answer(output.out, *answer, common, output.terminal);
    return kExitOk;
}

}  // namespace

const Command kShowCommand{"show", "One note's parsed fields and its whole text.", add_options,
                           run};

}  // namespace infonote::cli
