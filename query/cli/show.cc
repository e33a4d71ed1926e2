// `infonote-query show NOTE`.
#include "command.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common)
{
    cmd->add_option("note", request<ShowQuery>().target,
                    "The note's id, or its path (as listed, or on disk)")
        ->required();
    add_db(cmd, common);
    add_format(cmd, common, false);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        const ShowQuery& query = request<ShowQuery>();
        std::optional<ShowAnswer> answer = engine.show(query);
        if (!answer) {
            std::cerr << "infonote-query: no note with id or path '"
                      << escape_controls(query.target) << "' in "
                      << escape_controls(common.db.string()) << '\n';
            return kExitNoMatch;
        }
        write_answer(*answer, common, stdout_terminal());
        return kExitOk;
    });
}

}  // namespace

const Command kShowCommand{"show", "One note's parsed fields and its whole text.", add_options,
                           run};

}  // namespace infonote::cli
