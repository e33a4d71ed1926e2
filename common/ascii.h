// ASCII white space, as C's isspace() knows it in the "C" locale: space,
// tab, line feed, vertical tab, form feed and carriage return. For what
// programs and files write around their words (stubs, configuration
// lines, queries, a file with no text); the note parser's own notion of a
// gap between words, narrower, is text_spans.h's is_space().
#ifndef INFONOTE_COMMON_ASCII_H
#define INFONOTE_COMMON_ASCII_H

#include <string_view>

namespace infonote {

/// The six characters, for find_first_of and the like.
inline constexpr std::string_view kAsciiSpaces = " \t\n\v\f\r";

constexpr bool is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// `s` without ASCII white space at either end.
constexpr std::string_view trim_ascii(std::string_view s)
{
    std::size_t begin = s.find_first_not_of(kAsciiSpaces);
    if (begin == std::string_view::npos) return s.substr(s.size());
    return s.substr(begin, s.find_last_not_of(kAsciiSpaces) - begin + 1);
}

/// True when `s` holds nothing but ASCII white space (or nothing).
constexpr bool is_ascii_blank(std::string_view s)
{
    return s.find_first_not_of(kAsciiSpaces) == std::string_view::npos;
}

}  // namespace infonote

#endif
