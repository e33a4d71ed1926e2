#include "text_encoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

namespace infonote {

namespace {

// --- RAII for ICU's C handles ----------------------------------------------

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using Detector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

/// An ICU converter for `name`, or null when ICU does not know the name.
Converter open_converter(const std::string& name)
{
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return converter;
}

// --- UTF-8 -----------------------------------------------------------------

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i)
{
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 && c <= 0xF4  ? 4
                    : c >= 0xE0 && c < 0xF0 ? 3
                    : c >= 0xC2 && c < 0xE0 ? 2
                                            : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    // Overlong three- and four-byte forms, surrogates, and code points past U+10FFFF.
    if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;
    if (c == 0xED && byte(i + 1) >= 0xA0) return 0;
    if (c == 0xF0 && byte(i + 1) < 0x90) return 0;
    if (c == 0xF4 && byte(i + 1) >= 0x90) return 0;
    return n;
}

struct Utf8Census {
    std::size_t multibyte = 0;  // valid sequences of two bytes or more
    std::size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Census utf8_census(std::string_view s)
{
    Utf8Census census;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
            ++census.invalid;
            ++i;
        } else {
            census.multibyte += n > 1;
            i += n;
        }
    }
    return census;
}

int line_at(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

void warn_replaced(const std::string& text, std::size_t first, std::size_t count,
                   const std::string& what, Diagnostics& diagnostics)
{
    diagnostics.push_back({Severity::Warning, line_at(text, first),
                           std::to_string(count) + " " + what + " replaced by U+FFFD"});
}

// --- byte order marks and binary files --------------------------------------

struct ByteOrderMark {
    std::string_view bytes;
    const char* encoding;
};

// UTF-32LE's mark starts with UTF-16LE's, so it is tried first.
constexpr std::array<ByteOrderMark, 5> kByteOrderMarks{{
    {{"\xFF\xFE\0\0", 4}, "UTF-32LE"},
    {{"\0\0\xFE\xFF", 4}, "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

const ByteOrderMark* find_byte_order_mark(std::string_view bytes)
{
    for (const ByteOrderMark& bom : kByteOrderMarks)
        if (bytes.substr(0, bom.bytes.size()) == bom.bytes) return &bom;
    return nullptr;
}

// Text never holds NUL, and holds control characters other than tab, line
// ends, form feed, escape and DOS's end-of-file mark only by accident. One in
// a hundred bytes is far beyond accident; random bytes have about one in ten.
std::optional<std::string> binary_reason(std::string_view bytes)
{
    if (bytes.find('\0') != std::string_view::npos) return "NUL bytes";
    std::size_t controls = std::count_if(bytes.begin(), bytes.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
                c != 0x1A && c != 0x1B) ||
               c == 0x7F;
    });
    if (controls * 100 > bytes.size()) return "control characters";
    return std::nullopt;
}

// UTF-16 without a byte order mark, told by its NUL bytes: in text mostly
// of Latin letters nearly every character has a NUL high byte, at odd
// offsets in UTF-16LE and even ones in UTF-16BE, and hardly a character is
// NUL itself. UTF-32 has NULs at both and is not taken for it. nullptr when
// `bytes` is not such text.
const char* utf16_without_mark(std::string_view bytes)
{
    if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
    std::size_t units = bytes.size() / 2;
    std::size_t even = 0;
    std::size_t odd = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        even += bytes[i] == '\0';
        odd += bytes[i + 1] == '\0';
    }
    // Three characters in five with a NUL high byte; a NUL character in a
    // hundred at most.
    auto mostly = [units](std::size_t n) { return n * 5 >= units * 3; };
    auto hardly = [units](std::size_t n) { return n * 100 <= units; };
    if (mostly(odd) && hardly(even)) return "UTF-16LE";
    if (mostly(even) && hardly(odd)) return "UTF-16BE";
    return nullptr;
}

// --- converting with ICU ----------------------------------------------------

// ICU's own substitute for an undecodable byte is U+001A in single-byte
// encodings; writing U+FFFD instead keeps one replacement character for every
// kind of damage, and counting them lets the warning say how many there were.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* status)
{
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
    static const UChar kFffd = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, status);
}

/// `bytes` in `encoding` as UTF-8, and how many undecodable sequences it
/// held; nullopt when ICU has no converter for `encoding`.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding,
                                           std::size_t& undecodable)
{
    Converter converter = open_converter(encoding);
    if (!converter) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter.get(), substitute_and_count, &undecodable, nullptr, nullptr,
                        &status);
    // The reader's size limit keeps every file far below INT32_MAX bytes.
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                            status);
    if (U_FAILURE(status) || text.isBogus()) return std::nullopt;
    std::string utf8;
    text.toUTF8String(utf8);
    return utf8;
}

// --- choosing a legacy encoding ----------------------------------------------

struct Guess {
    std::string encoding;
    /// ICU's confidence, 0-100; -1 when nothing was detected or declared.
    int confidence = -1;
    bool declared = false;
};

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The Encoding Standard (and every browser) reads text labelled Latin-1 or
// ASCII as windows-1252: they differ only in 0x80-0x9F, where Latin-1 has
// control characters that real text never uses and windows-1252 has curly
// quotes, dashes and the euro sign.
std::string widen_latin1(const std::string& encoding)
{
    std::string name = lower(encoding);
    if (name == "iso-8859-1" || name == "latin1" || name == "iso_8859-1" || name == "us-ascii" ||
        name == "ascii")
        return "windows-1252";
    return encoding;
}

// The charset an HTML document declares in <meta charset=...> or
// <meta http-equiv content="...; charset=...">. Like the HTML standard's
// prescan, only the first 1024 bytes are looked at; unlike it, any
// "charset=" there counts, which is what a document's head holds in practice.
std::optional<std::string> declared_html_charset(std::string_view html)
{
    std::string head = lower(html.substr(0, 1024));
    for (std::size_t at = head.find("charset"); at != std::string::npos;
         at = head.find("charset", at + 1)) {
        std::size_t i = head.find_first_not_of(" \t\r\n", at + 7);
        if (i == std::string::npos || head[i] != '=') continue;
        i = head.find_first_not_of(" \t\r\n\"'", i + 1);
        if (i == std::string::npos) break;
        std::size_t end = head.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.:", i);
        std::string label = head.substr(i, end == std::string::npos ? end : end - i);
        if (!label.empty() && open_converter(label)) return label;
    }
    return std::nullopt;
}

// Enough text for the detector to decide on; a longer file adds time, not
// accuracy.
constexpr std::size_t kDetectorSampleBytes = 1 << 20;
// Below this, ICU's detector is naming encodings it merely cannot rule out.
constexpr int32_t kMinConfidence = 20;

Guess detect_legacy_encoding(std::string_view bytes, TextSyntax syntax)
{
    Guess fallback{"windows-1252"};
    UErrorCode status = U_ZERO_ERROR;
    Detector detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return fallback;
    // Tag names and attributes are ASCII and would drown the letters that
    // tell encodings apart.
    ucsdet_enableInputFilter(detector.get(), syntax == TextSyntax::Html);
    std::string_view sample = bytes.substr(0, kDetectorSampleBytes);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return fallback;
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        int32_t confidence = ucsdet_getConfidence(matches[i], &s);
        const char* name = ucsdet_getName(matches[i], &s);
        if (U_FAILURE(s) || confidence < kMinConfidence) break;
        std::string encoding = name;
        // The caller has ruled Unicode out; and some detector names
        // ("IBM420_rtl") are not converter names.
        if (encoding.rfind("UTF-", 0) == 0 || !open_converter(encoding)) continue;
        return {widen_latin1(encoding), confidence};
    }
    return fallback;
}

Guess choose_encoding(std::string_view bytes, TextSyntax syntax)
{
    // Valid UTF-8 is UTF-8 whatever a document declares: legacy text almost
    // never happens to be valid UTF-8, while documents saved as UTF-8 by an
    // editor often keep a stale declaration.
    Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0) return {"UTF-8"};
    if (syntax == TextSyntax::Html)
        if (std::optional<std::string> declared = declared_html_charset(bytes))
            return {widen_latin1(*declared), -1, true};
    if (census.multibyte > 0 && census.multibyte >= census.invalid) return {"UTF-8"};
    return detect_legacy_encoding(bytes, syntax);
}

bool is_utf8(const std::string& encoding)
{
    std::string name = lower(encoding);
    return name == "utf-8" || name == "utf8";
}

}  // namespace

void normalize_line_ends(std::string& text)
{
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            text[out++] = '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            text[out++] = text[i];
        }
    }
    text.resize(out);
}

void repair_utf8(std::string& text, Diagnostics& diagnostics)
{
    Utf8Census census = utf8_census(text);
    if (census.invalid == 0) return;
    std::string repaired;
    repaired.reserve(text.size() + census.invalid * 2);
    std::size_t first = std::string::npos;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            if (first == std::string::npos) first = repaired.size();
            repaired += kReplacement;
            ++i;
        } else {
            repaired.append(text, i, n);
            i += n;
        }
    }
    text = std::move(repaired);
    warn_replaced(text, first, census.invalid, "invalid UTF-8 byte(s)", diagnostics);
}

FileText decode_text(std::string_view bytes, TextSyntax syntax)
{
    FileText out;
    const ByteOrderMark* bom = find_byte_order_mark(bytes);
    const char* unmarked_utf16 = bom ? nullptr : utf16_without_mark(bytes);
    // Said as sure as a byte order mark: either names a Unicode encoding.
    const bool unicode = bom || unmarked_utf16;
    Guess guess;
    if (bom) {
        bytes.remove_prefix(bom->bytes.size());
        guess.encoding = bom->encoding;
    } else if (unmarked_utf16) {
        guess.encoding = unmarked_utf16;
    } else {
        if (std::optional<std::string> why = binary_reason(bytes))
            return refused("binary file (" + *why + "); skipped");
        guess = choose_encoding(bytes, syntax);
    }
    out.read_as = guess.encoding;

    std::string text;
    if (is_utf8(guess.encoding)) {
        text.assign(bytes);
        normalize_line_ends(text);
        repair_utf8(text, out.diagnostics);
    } else {
        std::size_t undecodable = 0;
        std::optional<std::string> converted = convert_to_utf8(bytes, guess.encoding, undecodable);
        if (!converted) return refused("cannot decode text as " + guess.encoding + "; skipped");
        text = std::move(*converted);
        normalize_line_ends(text);
        if (undecodable > 0) {
            // The first U+FFFD is the first replacement: no legacy encoding
            // has that character, and in UTF-16 or UTF-32 a genuine one
            // before the damage only moves the line named.
            std::string what = unicode ? "invalid " + guess.encoding + " sequence(s)"
                                       : "byte(s) undefined in " + guess.encoding;
            warn_replaced(text, text.find(kReplacement), undecodable, what, out.diagnostics);
        }
    }
    // A byte order mark says nothing about the rest: UTF-16 text can still
    // be a binary file's worth of control characters.
    if (unicode)
        if (std::optional<std::string> why = binary_reason(text))
            return refused("binary file (" + *why + "); skipped");

    if (!guess.declared && guess.confidence >= 0 && guess.encoding != "windows-1252")
        out.diagnostics.push_back({Severity::Warning, 0,
                                   "not UTF-8; read as " + guess.encoding +
                                       ", the charset detector's guess (" +
                                       std::to_string(guess.confidence) + "% confidence)"});
    out.text = std::move(text);
    return out;
}

}  // namespace infonote
