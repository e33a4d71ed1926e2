#include "snippet_stem.h"

namespace infonote {

SnippetStem::SnippetStem(const Xapian::Query& query)
{
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.size() > 1 && term[0] == 'Z' && initials_.find(term[1]) == std::string::npos)
            initials_ += term[1];
    }
}

std::string SnippetStem::operator()(const std::string& word)
{
    if (word.empty() || initials_.find(word[0]) == std::string::npos) return word;
    auto found = stems_.find(word);
    if (found != stems_.end()) return found->second;
    return stems_.emplace(word, english_(word)).first->second;
}

std::string SnippetStem::get_description() const
{
    return "SnippetStem(" + english_.get_description() + ")";
}

}  // namespace infonote
