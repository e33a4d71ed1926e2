#include "markdown_marks.h"

#include "byte_set.h"

namespace infonote {

namespace {

std::size_t line_end(std::string_view text, std::size_t at)
{
    std::size_t end = text.find('\n', at);
    return end == std::string_view::npos ? text.size() : end;
}

// A line of nothing but a rule: a table's rule row ("|---|:---:|", at least
// one pipe and one dash), or three or more of one of - * _ alone.
std::size_t rule_line_at(std::string_view text, std::size_t at)
{
    std::size_t end = line_end(text, at);
    std::string_view line = text.substr(at, end - at);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.empty()) return 0;
    if (line.find_first_not_of("|-: \t") == std::string_view::npos &&
        line.find('|') != std::string_view::npos && line.find('-') != std::string_view::npos)
        return line.size();
    char c = line[0];
    if (c != '-' && c != '*' && c != '_') return 0;
    std::size_t count = 0;
    for (char d : line) {
        if (d == c)
            ++count;
        else if (d != ' ' && d != '\t')
            return 0;
    }
    return count >= 3 ? line.size() : 0;
}

// Where the "](address)" that closes a link opened at `open` ("[") starts,
// on the same line; npos when the bracket opens no link.
std::size_t link_close(std::string_view text, std::size_t open)
{
    std::size_t end = line_end(text, open);
    std::size_t close = text.find("](", open + 1);
    if (close == std::string_view::npos || close >= end) return std::string_view::npos;
    if (text.substr(open + 1, close - open - 1).find_first_of("[]") != std::string_view::npos)
        return std::string_view::npos;
    std::size_t paren = text.find(')', close + 2);
    if (paren == std::string_view::npos || paren >= end) return std::string_view::npos;
    std::string_view address = text.substr(close + 2, paren - close - 2);
    if (address.empty() || address.find_first_of(" \t(") != std::string_view::npos)
        return std::string_view::npos;
    return close;
}

}  // namespace

std::size_t markdown_mark_at(std::string_view text, std::size_t at, bool line_start)
{
    if (at >= text.size()) return 0;
    char c = text[at];
    if (line_start)
        if (std::size_t rule = rule_line_at(text, at); rule > 0) return rule;
    switch (c) {
        case '*':
        case '#':
        case '_':
        case '|':
        case '`': return 1;
        case '-':
        case '+':
        case '>':
            return line_start && at + 1 < text.size() && (text[at + 1] == ' ' || c == '>') ? 1 : 0;
        case '!':
            return at + 1 < text.size() && text[at + 1] == '[' &&
                           link_close(text, at + 1) != std::string_view::npos
                       ? 2
                       : 0;
        case '[': return link_close(text, at) != std::string_view::npos ? 1 : 0;
        case ']': {
            // The link's opening bracket, back on this line, must close here.
            if (at + 1 >= text.size() || text[at + 1] != '(') return 0;
            std::size_t line = text.rfind('\n', at);
            line = line == std::string_view::npos ? 0 : line + 1;
            std::size_t open = text.rfind('[', at);
            if (open == std::string_view::npos || open < line || link_close(text, open) != at)
                return 0;
            return text.find(')', at + 2) + 1 - at;
        }
        default: return 0;
    }
}

std::string blank_markdown(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    // Most of a note is words: runs without any mark's first byte are
    // copied whole.
    constexpr ByteSet kFirst("\n*#_|`-+>![]");
    bool line_start = true;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (!line_start) {
            i = kFirst.find(text, i);
            if (i == std::string_view::npos) break;
        }
        char c = text[i];
        if (c == '\n') {
            line_start = true;
            ++i;
            continue;
        }
        if (std::size_t mark = markdown_mark_at(text, i, line_start); mark > 0) {
            out.append(text, copied, i - copied);
            // A link's address goes with no space for it: what follows a
            // link is often a full stop or a comma.
            if (c != ']') out.append(mark, ' ');
            i += mark;
            copied = i;
            continue;
        }
        if (c != ' ' && c != '\t') line_start = false;
        ++i;
    }
    out.append(text, copied, text.size() - copied);
    return out;
}

}  // namespace infonote
