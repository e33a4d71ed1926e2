// `infonote-query search [WORDS]`.
#include "command.h"
#include "terminal_text.h"

namespace infonote::cli {

namespace {

// The words as given, joined into the query's text when it runs.
std::vector<std::string> words;

void add_options(CLI::App* cmd, Common& common)
{
    SearchQuery& q = request<SearchQuery>();
    cmd->add_option("words", words, "Words and fields to search for");
    add_hits_options(cmd, common, q);
}

int run(const Common& common)
{
    return guarded(common, [&common](Engine& engine) {
        SearchQuery& query = request<SearchQuery>();
        for (const std::string& w : words) query.words += (query.words.empty() ? "" : " ") + w;
        Terminal terminal = stdout_terminal();
        bool text = common.format == OutputFormat::Text;
        // A text listing shows a line per hit; the other formats whole summaries.
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

const Command kSearchCommand{
    "search",
    "Search notes. With WORDS, the best matches by relevance, with snippets. With filters "
    "only, every matching note, oldest first.",
    add_options, run};

}  // namespace infonote::cli
