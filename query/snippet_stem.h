// The stemmer snippets are cut with (query/snippet.h, and Xapian's
// MSet::snippet for queries with wildcards).
//
// A snippet stems every word of the text, to see whether its stem is one
// of the query's stemmed terms ("Z" + stem). Stemming is the larger part
// of a snippet's cost, and a page of twenty notes repeats most of its
// words.
#ifndef INFONOTE_QUERY_SNIPPET_STEM_H
#define INFONOTE_QUERY_SNIPPET_STEM_H

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace infonote {

/// English stems, each word stemmed once. A word whose first letter
/// begins none of `query`'s stemmed terms is not stemmed at all: the
/// English stemmer keeps a word's first letter, so its stem could not
/// match, and the word itself is returned in its place.
class SnippetStem : public Xapian::StemImplementation {
  public:
    explicit SnippetStem(const Xapian::Query& query);
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

  private:
    Xapian::Stem english_{"en"};
    /// The first byte of each stemmed query term.
    std::string initials_;
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace infonote

#endif
