#include "text_normalizer.h"

#include <memory>
#include <optional>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "ascii.h"

namespace infonote {

namespace {

struct Normalizers {
    const icu::Normalizer2* casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
};

// ICU hands out these normalizers as process-wide singletons that are safe
// to share between threads.
const Normalizers& normalizers()
{
    static const Normalizers instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        Normalizers n;
        n.casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        n.nfd = icu::Normalizer2::getNFDInstance(status);
        n.nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status))
            throw std::runtime_error(std::string("ICU normalizer unavailable: ") +
                                     u_errorName(status));
        return n;
    }();
    return instance;
}

// A break iterator is not thread-safe, so each thread keeps its own.
icu::BreakIterator& word_breaker()
{
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !bi)
            throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                                     u_errorName(status));
        return bi;
    }();
    return *breaker;
}

bool is_apostrophe(UChar32 c)
{
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x0060 || c == 0x00B4 ||
           c == 0xFF07;
}

// What folding makes of U+00C0..U+00FF, the accented letters of French,
// Spanish and Portuguese: the letter without its accent, in lower case.
// '\0' for those ICU must see: Æ Ð Ø Þ ß æ ð ø þ (which fold to other
// letters or stay as they are) and the signs × and ÷.
constexpr char kLatin1Letters[] =
    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0"
    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

// Folds text of ASCII and those accented letters without ICU; nullopt for
// anything else.
std::optional<std::string> fold_latin(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            continue;
        }
        if (c != 0xC3 || i + 1 == utf8.size()) return std::nullopt;
        unsigned char next = static_cast<unsigned char>(utf8[i + 1]);
        if (next < 0x80 || next > 0xBF) return std::nullopt;
        char plain = kLatin1Letters[next - 0x80];  // U+00C0 is C3 80
        if (plain == '\0') return std::nullopt;
        out += plain;
        ++i;
    }
    return out;
}

}  // namespace

std::string fold(std::string_view utf8)
{
    // Most of the notes' text is ASCII, where NFKC case folding is plain
    // lower-casing, or ASCII with the accented letters of Western European
    // languages: skipping ICU there roughly halves tokenizing time.
    if (std::optional<std::string> plain = fold_latin(utf8)) return *plain;
    const Normalizers& n = normalizers();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString folded = n.casefold->normalize(text, status);
    icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
    if (U_FAILURE(status)) return std::string(utf8);

    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        stripped.append(is_apostrophe(c) ? UChar32{'\''} : c);
    }
    icu::UnicodeString composed = n.nfc->normalize(stripped, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

std::vector<Word> split_words(std::string_view utf8)
{
    std::vector<Word> words;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) return words;
    icu::BreakIterator& bi = word_breaker();
    bi.setText(ut, status);
    if (U_FAILURE(status)) {
        utext_close(ut);
        return words;
    }
    // With UTF-8 text behind a UText, boundaries are byte offsets.
    std::size_t previous_end = std::string_view::npos;
    int32_t begin = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; begin = end, end = bi.next()) {
        if (bi.getRuleStatus() == UBRK_WORD_NONE) continue;
        Word w;
        w.begin = static_cast<std::size_t>(begin);
        w.end = static_cast<std::size_t>(end);
        w.folded = fold(utf8.substr(w.begin, w.end - w.begin));
        if (!w.folded.empty()) {
            UChar32 first = 0;
            int32_t at = 0;
            U8_NEXT(w.folded.data(), at, static_cast<int32_t>(w.folded.size()), first);
            w.starts_with_letter = first > 0 && u_isalpha(first);
        }
        w.hyphen_joined = previous_end != std::string_view::npos && w.begin == previous_end + 1 &&
                          utf8[previous_end] == '-';
        previous_end = w.end;
        words.push_back(std::move(w));
    }
    // Leave the iterator without a pointer into text that is about to go.
    bi.setText(icu::UnicodeString());
    utext_close(ut);
    return words;
}

std::size_t word_char_beyond_ascii(std::string_view utf8, std::size_t at)
{
    UChar32 code = 0;
    int32_t i = static_cast<int32_t>(at);
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), code);
    if (code < 0) return 0;
    int8_t type = u_charType(code);
    bool wordish = u_isalnum(code) || type == U_NON_SPACING_MARK ||
                   type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
                   type == U_CONNECTOR_PUNCTUATION;
    return wordish ? static_cast<std::size_t>(i) - at : 0;
}

std::string folded_key(std::string_view utf8)
{
    std::string key;
    for (const Word& w : split_words(utf8)) {
        if (!key.empty()) key += ' ';
        key += w.folded;
    }
    return key;
}

std::string collapse_spaces(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool space = is_ascii_space(static_cast<char>(c));
        // U+00A0 NO-BREAK SPACE, common in text converted from PDF.
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            space = true;
            ++i;
        }
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace infonote
