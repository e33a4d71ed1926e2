// `infonote-query search [WORDS]`.
#include "command.h"
#include "exit_codes.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

struct Options {
    std::vector<std::string> words;
    SearchQuery query;
};

Options& options()
{
    static Options o;
    return o;
}

void add_options(CLI::App* cmd, Common& common)
{
    Options& o = options();
    cmd->add_option("words", o.words, "Words and fields to search for");
    add_db(cmd, common);
    add_filters(cmd, o.query.filters);
    add_paging(cmd, o.query.paging);
    add_facets(cmd, o.query.facets, o.query.facet_limit);
    add_format(cmd, common);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        Options& o = options();
        SearchQuery& query = o.query;
        for (const std::string& w : o.words) query.words += (query.words.empty() ? "" : " ") + w;
        Terminal terminal = stdout_terminal();
        bool text = common.format == OutputFormat::Text;
        // A text listing shows a line per hit; the other formats the whole summary.
        query.detail = text ? HitDetail::Listing : HitDetail::Summary;
        if (text && terminal.colour) {
            query.highlight_begin = kHighlightBegin;
            query.highlight_end = kHighlightEnd;
        }
        SearchAnswer answer = engine.search(query);
        if (!answer.did_you_mean.empty() && common.format != OutputFormat::JSON)
            std::cerr << "infonote-query: did you mean: " << escape_controls(answer.did_you_mean)
                      << '\n';
        write_answer(answer, common, terminal);
        return answer.result.total > 0 ? kExitOk : kExitNoMatch;
    });
}

}  // namespace

const Command& search_command()
{
    static const Command command{
        "search",
        "Search notes. With WORDS, the best matches by relevance, with snippets. With filters "
        "only, every matching note, oldest first.",
        add_options, run};
    return command;
}

}  // namespace infonote::cli
