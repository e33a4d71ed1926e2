#include "terminal_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace infonote {

namespace {

void append_hex(std::string& out, unsigned char byte)
{
    constexpr char kDigits[] = "0123456789abcdef";
    out += "\\x";
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xF];
}

// Length of the valid UTF-8 sequence at `at`, or 0 when there is none.
std::size_t utf8_length(std::string_view text, std::size_t at)
{
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    auto continuation = [&](std::size_t i) {
        return at + i < text.size() && (byte(i) & 0xC0) == 0x80;
    };
    unsigned char lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (!continuation(1) || !continuation(2)) return 0;
        // Neither overlong forms nor UTF-16 surrogates.
        if (lead == 0xE0 && byte(1) < 0xA0) return 0;
        if (lead == 0xED && byte(1) >= 0xA0) return 0;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
        if (lead == 0xF0 && byte(1) < 0x90) return 0;
        if (lead == 0xF4 && byte(1) >= 0x90) return 0;
        return 4;
    }
    return 0;
}

// The code point at `at` and its length in bytes; a byte that is not
// UTF-8 stands for itself, one byte long.
std::pair<UChar32, std::size_t> code_point_at(std::string_view text, std::size_t at)
{
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    std::size_t n = utf8_length(text, at);
    if (n <= 1) return {byte(0), 1};
    UChar32 c = byte(0) & (0xFF >> (n + 1));
    for (std::size_t i = 1; i < n; ++i) c = (c << 6) | (byte(i) & 0x3F);
    return {c, n};
}

constexpr std::uint64_t kEveryByte = 0x0101010101010101u;
constexpr std::uint64_t kHighBits = 0x8080808080808080u;

// The eight bytes of `text` from `at`, as one number.
std::uint64_t word_at(std::string_view text, std::size_t at)
{
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    return word;
}

// How many bytes `text` begins with that are ASCII: eight at a time, then
// one at a time from the first word that holds another.
std::size_t ascii_prefix(std::string_view text)
{
    std::size_t at = 0;
    while (at + 8 <= text.size() && (word_at(text, at) & kHighBits) == 0) at += 8;
    while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
    return at;
}

bool printable_ascii(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F;
}

// How many bytes `text` begins with that are printable ASCII (0x20 to
// 0x7E), eight at a time: a word holds none other when no byte has its
// high bit, none is below 0x20 and none is 0x7F.
std::size_t printable_prefix(std::string_view text)
{
    std::size_t at = 0;
    while (at + 8 <= text.size()) {
        std::uint64_t word = word_at(text, at);
        std::uint64_t below_space = (word - 0x20 * kEveryByte) & ~word & kHighBits;
        std::uint64_t del = word ^ (0x7F * kEveryByte);
        std::uint64_t has_del = (del - kEveryByte) & ~del & kHighBits;
        if ((word & kHighBits) != 0 || below_space != 0 || has_del != 0) break;
        at += 8;
    }
    while (at < text.size() && printable_ascii(text[at])) ++at;
    return at;
}

std::size_t code_point_width(UChar32 c)
{
    if (c < 0x80) return 1;
    std::int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
    int jamo = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (jamo == U_HST_VOWEL_JAMO || jamo == U_HST_TRAILING_JAMO) return 0;
    int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view text)
{
    // ASCII, the most of every title and path, is one column a byte.
    std::size_t at = ascii_prefix(text);
    std::size_t width = at;
    while (at < text.size()) {
        auto [c, n] = code_point_at(text, at);
        width += code_point_width(c);
        at += n;
    }
    return width;
}

std::string fit(std::string_view text, std::size_t width)
{
    // No code point is wider than its bytes are many.
    if (text.size() <= width || display_width(text) <= width) return std::string(text);
    std::size_t room = width > 3 ? width - 3 : 0;
    // ASCII, one column a byte, up to the room there is.
    std::size_t at = std::min(ascii_prefix(text.substr(0, room)), room);
    std::size_t used = at;
    while (at < text.size()) {
        auto [c, n] = code_point_at(text, at);
        std::size_t w = code_point_width(c);
        if (used + w > room) break;
        used += w;
        at += n;
    }
    return std::string(text.substr(0, at)) + std::string(std::min<std::size_t>(width, 3), '.');
}

bool utf8_locale(const char* lc_all, const char* lc_ctype, const char* lang)
{
    std::string name;
    for (const char* v : {lc_all, lc_ctype, lang}) {
        if (v != nullptr && *v != '\0') {
            name = v;
            break;
        }
    }
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name.find("utf-8") != std::string::npos || name.find("utf8") != std::string::npos;
}

bool utf8_locale_from_environment()
{
    return utf8_locale(std::getenv("LC_ALL"), std::getenv("LC_CTYPE"), std::getenv("LANG"));
}

std::string escape_controls(std::string_view text, LineBreaks breaks)
{
    // Printable ASCII, the most of any text, is copied a run at a time.
    std::size_t i = printable_prefix(text);
    std::string out;
    out.reserve(text.size());
    out.append(text.data(), i);
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            bool kept = breaks == LineBreaks::Keep && (c == '\n' || c == '\t');
            if ((c < 0x20 || c == 0x7F) && !kept)
                append_hex(out, c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t n = utf8_length(text, i);
        if (n == 0) {
            append_hex(out, c);
            ++i;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            // U+0080..U+009F: the C1 controls (CSI, OSC and the rest).
            append_hex(out, static_cast<unsigned char>(text[i + 1]));
            i += 2;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

}  // namespace infonote
