// The one text pipeline shared by indexing, name matching and querying.
//
// Text is split into words with ICU's word break iterator, then each word is
// folded: NFKC case folding, diacritics removed, typographic apostrophes made
// plain. Whatever is indexed and whatever is searched goes through here, so
// "Côte d'Ivoire", "COTE D’IVOIRE" and "cote d'ivoire" meet.
#ifndef INFONOTE_COMMON_TEXT_NORMALIZER_H
#define INFONOTE_COMMON_TEXT_NORMALIZER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace infonote {

/// Bumped whenever fold() or split_words() would give different terms for
/// the same text; an index built by another version must be rebuilt.
inline constexpr int kTextPipelineVersion = 1;

/// One word of a text.
struct Word {
    /// The folded form, as indexed.
    std::string folded;
    /// Byte offsets of the word as written in the original text.
    std::size_t begin = 0;
    std::size_t end = 0;
    /// True when only a hyphen separates this word from the previous one,
    /// as in "non-proliferation".
    bool hyphen_joined = false;
    /// True when the word starts with a letter; only such words are stemmed,
    /// as Xapian's QueryParser does.
    bool starts_with_letter = false;
};

/// Folds a UTF-8 string: NFKC case folding, diacritics removed, ’ and ʼ
/// made '. Invalid UTF-8 sequences become U+FFFD.
std::string fold(std::string_view utf8);

/// Splits UTF-8 text into words (letters, digits, ideographs; never
/// punctuation or spaces) with ICU's word break rules.
std::vector<Word> split_words(std::string_view utf8);

/// word_char_at for a character outside ASCII (ICU's character classes).
std::size_t word_char_beyond_ascii(std::string_view utf8, std::size_t at);

/// The bytes of the character at `at` when it can be part of a word (a
/// letter, digit, combining mark or '_'); 0 otherwise, and at the end.
/// Inline and without ICU on ASCII, for scanning text quickly.
inline std::size_t word_char_at(std::string_view utf8, std::size_t at)
{
    if (at >= utf8.size()) return 0;
    char c = utf8[at];
    if (static_cast<unsigned char>(c) >= 0x80) return word_char_beyond_ascii(utf8, at);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The folded words of a text joined by single spaces: the key under which
/// names are compared.
std::string folded_key(std::string_view utf8);

/// Collapses every run of white space (line breaks included) into one space
/// and trims both ends.
std::string collapse_spaces(std::string_view text);

}  // namespace infonote

#endif
