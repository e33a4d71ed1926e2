// `infonote-query search [WORDS]`.
#include "command.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

void add_options(CLI::App* cmd, Common& common, Requests& requests)
{
    SearchQuery& q = requests.search;
    cmd->add_option("words", requests.search_words, "Words and fields to search for");
    add_hits_options(cmd, common, q);
}

int run(Engine& engine, const Common& common, Requests& requests, const Output& output)
{
    SearchQuery& query = requests.search;
    for (const std::string& w : requests.search_words)
        query.words += (query.words.empty() ? "" : " ") + w;
    bool text = common.format == OutputFormat::Text;
    query.detail = hit_detail(common);
    if (text && output.terminal.colour) {
        query.highlight_begin = kHighlightBegin;
        query.highlight_end = kHighlightEnd;
    }
    SearchAnswer answer = engine.search(query);
    if (!answer.did_you_mean.empty() && common.format != OutputFormat::JSON)
        output.err << "infonote-query: did you mean: " << escape_controls(answer.did_you_mean)
                   << '\n';
    write_answer(output.out, answer, common, output.terminal);
    return answer.result.total > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace

const Command kSearchCommand{
    "search",
    "Search notes. With WORDS, the best matches by relevance, with snippets. With filters "
    "only, every matching note, oldest first.",
    add_options, run};

}  // namespace infonote::cli
