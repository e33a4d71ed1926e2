// The passage of a note shown under a search hit, its query words marked.
//
// Xapian's MSet::snippet reads a text with its own idea of a word: a query
// folded as the index was ("cote") does not mark the note's "Côte", and
// "R&D" is one word to it where the index has two. It writes for web
// pages (& as &amp;), and it costs some 28 µs a note, a good part of a
// quick search. infonote cuts its own:
//
// - a word is what the text pipeline folds (common/text_normalizer.h), so
//   it marks when its folded form is an unstemmed query term or its English
//   stem a stemmed one; a quoted phrase marks where its words follow each
//   other, and is marked as one stretch;
// - the passage holds, within `length` bytes, the most weight of distinct
//   query words (each word weighs what Xapian's BM25 gave it at most in
//   this search), the first such stretch winning; reading stops a passage's
//   length past the best stretch found;
// - a few words before the stretch give it context, back to the start of
//   its sentence when that is near; "..." stands where the text goes on.
#ifndef INFONOTE_QUERY_SNIPPET_H
#define INFONOTE_QUERY_SNIPPET_H

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "snippet_stem.h"

namespace infonote {

class SnippetCutter {
  public:
    /// For the hits of `mset`, found by `query`.
    SnippetCutter(const Xapian::Query& query, const Xapian::MSet& mset);

    /// False when the query holds what this cannot mark (a wildcard, whose
    /// pattern Xapian keeps to itself): Xapian's snippet is used then.
    bool usable() const { return usable_; }

    /// The passage of `text`, at most `length` bytes of it, each matched
    /// word or phrase between `mark_begin` and `mark_end`, with "..." where
    /// the text goes on; "" when no word of `text` matches.
    std::string cut(std::string_view text, std::size_t length, const std::string& mark_begin,
                    const std::string& mark_end);

  private:
    struct Phrase {
        std::vector<std::string> words;
        int target = 0;
    };

    void collect(const Xapian::Query& query, const Xapian::MSet& mset);
    int target_of(const std::string& term, const Xapian::MSet& mset);

    bool usable_ = true;
    SnippetStem stem_;
    /// Query terms without prefix, and stems of the stemmed ones ("Z"
    /// taken off), to the target they count for.
    std::unordered_map<std::string, int> unstemmed_;
    std::unordered_map<std::string, int> stemmed_;
    std::vector<Phrase> phrases_;
    std::size_t longest_phrase_ = 0;
    /// By target: the term it stands for (or the phrase, joined) and its weight.
    std::vector<std::string> target_terms_;
    std::vector<double> weights_;
};

}  // namespace infonote

#endif
