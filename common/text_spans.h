// Small byte-level helpers shared by the note parser's pieces: trimming,
// splitting lists outside parentheses, telling acronyms from words. They
// work on ASCII structure (spaces, punctuation, capitals) and leave every
// other byte alone, so UTF-8 text passes through unchanged.
#ifndef INFONOTE_COMMON_TEXT_SPANS_H
#define INFONOTE_COMMON_TEXT_SPANS_H

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace infonote {

/// Space, tab, line feed or carriage return.
bool is_space(char c);

/// True when `text` at `at` starts with `lower_word` (given in lower case),
/// ignoring the case of ASCII letters.
bool starts_with_ci(std::string_view text, std::size_t at, std::string_view lower_word);

/// `s` without leading and trailing `chars`.
std::string_view trim_view(std::string_view s, std::string_view chars = " \t\r\n");

/// A list item or label value made presentable: list punctuation trimmed
/// from both ends, white space collapsed.
std::string tidy(std::string_view s);

/// `s` without a leading "the " or "The ".
std::string_view drop_leading_the(std::string_view s);

/// True for one word in capitals with at least one letter, e.g. "OSCE",
/// "G7", "UNSCR"; false for "Union" or "EU member".
bool is_upper_word(std::string_view s);

/// The number of white-space separated words.
std::size_t count_words(std::string_view s);

/// Splits at any of `separators` that is outside parentheses.
std::vector<std::string_view> split_top_level(std::string_view text, std::string_view separators);

/// Offset of the line break that ends the first line holding text, when a
/// blank line follows it; npos when there is no such line.
std::size_t find_blank_line(std::string_view text);

/// Byte offset of `part` within `whole`; `part` must be a view into `whole`.
std::size_t offset_in(std::string_view whole, std::string_view part);

/// The Levenshtein distance from `a` to `b` (insertions, deletions and
/// substitutions), byte by byte: for folded ASCII keys, as did-you-mean
/// suggestions compare them.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The did-you-mean ranking: of `count` things named by `names` (folded
/// keys, each with the index of the thing it names), the indexes of at most
/// `max` whose names lie near `key`, closest first, ties in index order.
/// Near is within one edit in four letters (at least one): near misses, not
/// wild guesses; a name holding `key` as a whole word or words ("Korea",
/// "Eastern") counts as one edit away. None for an empty key.
std::vector<std::size_t> closest_names(std::string_view key,
                                       const std::unordered_map<std::string, std::size_t>& names,
                                       std::size_t count, std::size_t max);

}  // namespace infonote

#endif
