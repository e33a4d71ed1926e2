#include "text_normalizer.h"

#include <gtest/gtest.h>

namespace infonote {
namespace {

struct FoldCase {
    const char* input;
    const char* folded;
};

TEST(TextNormalizer, FoldsCaseDiacriticsAndApostrophes)
{
    const FoldCase cases[] = {
        {"Astana", "astana"},
        {"Côte d’Ivoire", "cote d'ivoire"},
        {"TÜRKIYE", "turkiye"},
        {"Straße", "strasse"},
        {"ﬁnal", "final"},                       // NFKC: ligature to letters
        {"Ｋａｚａｋｈｓｔａｎ", "kazakhstan"},  // full-width letters
        {"São Tomé", "sao tome"},
        {"plain ascii 1540", "plain ascii 1540"},
    };
    for (const FoldCase& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(fold(c.input), c.folded);
    }
}

// fold() takes ASCII and the accented letters U+00C0..U+00FF without ICU.
// Appending "ß" (ICU's alone: it folds to "ss") sends the same word through
// ICU, which must agree, for every such letter, in either case, at the
// start, inside and at the end of a word.
TEST(TextNormalizer, LatinLettersFoldWithoutIcuAsIcuFoldsThem)
{
    int checked = 0;
    for (unsigned code = 0xC0; code <= 0xFF; ++code) {
        std::string letter = {static_cast<char>(0xC0 | (code >> 6)),
                              static_cast<char>(0x80 | (code & 0x3F))};
        for (const std::string& word : {letter, "x" + letter + "Y", "Ab" + letter, letter + "1"}) {
            SCOPED_TRACE(word);
            EXPECT_EQ(fold(word) + "ss", fold(word + "\u00df"));
            ++checked;
        }
    }
    EXPECT_EQ(checked, 64 * 4);
    // Combining accents after a plain letter go through ICU too.
    EXPECT_EQ(fold("Cote\u0301"), "cote");
    EXPECT_EQ(fold("E\u0300te\u0301"), "ete");
}

TEST(TextNormalizer, SplitsWordsWithByteOffsetsOfTheOriginal)
{
    std::string text = "Côte d'Ivoire, 11-12 March.";
    std::vector<Word> words = split_words(text);
    ASSERT_EQ(words.size(), 5u);
    EXPECT_EQ(words[0].folded, "cote");
    EXPECT_EQ(text.substr(words[0].begin, words[0].end - words[0].begin), "Côte");
    EXPECT_EQ(words[1].folded, "d'ivoire");
    EXPECT_EQ(words[2].folded, "11");
    EXPECT_FALSE(words[2].starts_with_letter);
    EXPECT_EQ(words[3].folded, "12");
    EXPECT_TRUE(words[3].hyphen_joined);
    EXPECT_EQ(words[4].folded, "march");
    EXPECT_TRUE(words[4].starts_with_letter);
    EXPECT_FALSE(words[4].hyphen_joined);
}

TEST(TextNormalizer, MarksHyphenatedCompoundsOnly)
{
    std::vector<Word> words = split_words("non-proliferation and non proliferation");
    ASSERT_EQ(words.size(), 5u);
    EXPECT_TRUE(words[1].hyphen_joined);
    EXPECT_FALSE(words[4].hyphen_joined);
}

TEST(TextNormalizer, SurvivesInvalidUtf8)
{
    std::string bad = "ok \xC3\x28 \xFF\xFE word";
    std::vector<Word> words = split_words(bad);
    ASSERT_GE(words.size(), 2u);
    EXPECT_EQ(words.front().folded, "ok");
    EXPECT_EQ(words.back().folded, "word");
    EXPECT_FALSE(fold(bad).empty());
}

TEST(TextNormalizer, FoldedKeyIgnoresPunctuationAndLineBreaks)
{
    EXPECT_EQ(folded_key("Saint Vincent and\nthe  Grenadines."),
              "saint vincent and the grenadines");
    EXPECT_EQ(folded_key("  "), "");
}

TEST(TextNormalizer, CollapsesSpaces)
{
    EXPECT_EQ(collapse_spaces("  a \n\t b\xC2\xA0"
                              "c  "),
              "a b c");
    EXPECT_EQ(collapse_spaces(""), "");
}

}  // namespace
}  // namespace infonote
