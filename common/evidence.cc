#include "evidence.h"

#include <algorithm>
#include <string>

#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

bool continuation_byte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The first word start at or after `at`, not past `limit`; `at` itself
// (on a character boundary) when no space comes before `limit`.
std::size_t word_start_from(std::string_view s, std::size_t at, std::size_t limit)
{
    for (std::size_t i = at; i < limit; ++i)
        if (is_space(s[i])) return i + 1;
    while (at < limit && continuation_byte(s[at])) ++at;
    return at;
}

// The last word end at or before `at`, not before `limit`; `at` itself (on
// a character boundary) when no space comes after `limit`.
std::size_t word_end_until(std::string_view s, std::size_t at, std::size_t limit)
{
    for (std::size_t i = at; i > limit; --i)
        if (is_space(s[i - 1])) return i - 1;
    while (at > limit && at < s.size() && continuation_byte(s[at])) --at;
    return at;
}

}  // namespace

TextLines::TextLines(std::string_view text) : text_(text)
{
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

int TextLines::line_of(std::size_t offset) const
{
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(it - starts_.begin());
}

std::string_view TextLines::line(std::size_t index) const
{
    std::size_t b = starts_[index];
    std::size_t e = index + 1 < starts_.size() ? starts_[index + 1] - 1 : text_.size();
    return text_.substr(b, e - b);
}

Evidence TextLines::evidence(EvidenceSource source, std::size_t begin, std::size_t end,
                             std::size_t context_begin, std::size_t context_end,
                             std::string_view quoted) const
{
    std::string_view q = quoted.empty() ? text_ : quoted;
    // Offsets are kept in order, whatever the caller passed:
    // context_begin <= begin <= end <= context_end <= q.size().
    context_end = std::min(context_end, q.size());
    context_begin = std::min(context_begin, context_end);
    begin = std::clamp(begin, context_begin, context_end);
    end = std::clamp(end, begin, context_end);
    // Room left beside the fact is shared out evenly on both sides.
    std::size_t fact = end - begin;
    std::size_t room = fact < kMaxEvidenceBytes ? (kMaxEvidenceBytes - fact) / 2 : 0;
    std::size_t from = context_begin, to = context_end;
    if (begin - context_begin > room) from = word_start_from(q, begin - room, begin);
    if (context_end - end > room) to = word_end_until(q, end + room, end);
    if (to - from > kMaxEvidenceBytes) {
        // A fact longer than the limit by itself: its opening words.
        to = word_end_until(q, from + kMaxEvidenceBytes, from + kMaxEvidenceBytes / 2);
    }
    std::string phrase = collapse_spaces(q.substr(from, to - from));
    std::string text;
    if (from > context_begin && !trim_view(q.substr(context_begin, from - context_begin)).empty())
        text = "...";
    text += std::string(trim_view(phrase));
    if (to < context_end && !trim_view(q.substr(to, context_end - to)).empty()) text += "...";
    return {source, line_of(begin), std::move(text)};
}

Evidence TextLines::line_evidence(EvidenceSource source, std::size_t begin, std::size_t end,
                                  std::string_view quoted) const
{
    std::size_t first = static_cast<std::size_t>(line_of(begin) - 1);
    std::size_t last = static_cast<std::size_t>(line_of(end > begin ? end - 1 : begin) - 1);
    std::size_t context_begin = starts_[first];
    std::size_t context_end = last + 1 < starts_.size() ? starts_[last + 1] - 1 : text_.size();
    return evidence(source, begin, end, context_begin, context_end, quoted);
}

}  // namespace infonote
