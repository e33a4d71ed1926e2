// Text made safe for the terminal: control characters shown as \xHH.
#include <string>

#include <gtest/gtest.h>

#include "diagnostic.h"
#include "terminal_text.h"

namespace {

using infonote::escape_controls;
using infonote::LineBreaks;

struct Case {
    std::string in;
    std::string out;
};

TEST(TerminalText, ControlCharactersAreShownAsHex)
{
    const Case cases[] = {
        {"plain text, Côte d'Ivoire, 東京", "plain text, Côte d'Ivoire, 東京"},
        {"\x1b[2Jclear", "\\x1b[2Jclear"},
        {"\x1b]0;title\x07", "\\x1b]0;title\\x07"},
        {"\x1b]8;;http://x/\x1b\\link", "\\x1b]8;;http://x/\\x1b\\link"},
        {"a\nb\tc\rd", "a\\x0ab\\x09c\\x0dd"},
        {std::string("nul\0byte", 8), "nul\\x00byte"},
        {"del\x7f", "del\\x7f"},
        // C1 controls as UTF-8 (U+009B CSI, U+0085 NEL) and as stray bytes.
        {"csi\xc2\x9b"
         "31m",
         "csi\\x9b31m"},
        {"nel\xc2\x85", "nel\\x85"},
        {"stray\x9b", "stray\\x9b"},
        // U+00A0 is no control; invalid UTF-8 is shown byte by byte.
        {"nbsp\xc2\xa0", "nbsp\xc2\xa0"},
        {"bad\xff\xc3", "bad\\xff\\xc3"},
        {"overlong\xc0\xaf", "overlong\\xc0\\xaf"},
        {"back\\slash", "back\\slash"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.in);
        EXPECT_EQ(escape_controls(c.in), c.out);
    }
}

TEST(TerminalText, WholeTextsKeepLineBreaksAndTabs)
{
    EXPECT_EQ(escape_controls("one\ntwo\tthree\r\x1b[0m\n", LineBreaks::Keep),
              "one\ntwo\tthree\\x0d\\x1b[0m\n");
}

TEST(TerminalText, DiagnosticsAndErrorsAreEscaped)
{
    infonote::Diagnostic d{infonote::Severity::Warning, 3, "bad name '\x1b[31mX'"};
    EXPECT_EQ(infonote::format_diagnostic("dir/a\nb.txt", d),
              "dir/a\\x0ab.txt:3: warning: bad name '\\x1b[31mX'");
    EXPECT_EQ(infonote::program_error("infonote-query", "unknown country '\x9b'"),
              "infonote-query: error: unknown country '\\x9b'");
}

}  // namespace

// Columns by ICU's East Asian width: CJK, Hangul and fullwidth forms take
// two, combining marks and zero width characters none.
TEST(TerminalText, DisplayWidthFollowsEastAsianWidth)
{
    struct Width {
        std::string text;
        std::size_t columns;
    };
    const Width cases[] = {
        {"", 0},
        {"Astana", 6},
        {"Côte d'Ivoire", 13},                      // precomposed ô
        {"Co\u0302te d'Ivoire", 13},                // o + combining circumflex
        {"\u6771\u4eac", 4},                        // 東京
        {"\u5317\u4eac 2014", 9},                   // 北京 2014
        {"\ud55c\uad6d", 4},                        // 한국 (Hangul syllables)
        {"\u1100\u1161\u11a8", 2},                  // 각 as conjoining jamo
        {"\uff21\uff22", 4},                        // fullwidth ＡＢ
        {"\uff76\uff85", 2},                        // halfwidth katakana ｶﾅ
        {"a\u200bb", 2},                            // zero width space
        {"\u0627\u0644\u0639\u0631\u0628\u064a\u0629", 7},  // العربية
        {"x\u20dd", 1},                             // enclosing circle
        {"\xff", 1},                                // a byte that is not UTF-8
    };
    for (const Width& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(infonote::display_width(c.text), c.columns);
    }
}

TEST(TerminalText, FitCutsByColumnsNeverInsideACharacter)
{
    using infonote::fit;
    EXPECT_EQ(fit("Astana", 6), "Astana");
    EXPECT_EQ(fit("Kazakhstan", 8), "Kazak...");
    // Two columns per ideograph: 7 columns leave room for two of them.
    EXPECT_EQ(fit("\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd", 7), "\u4e2d\u534e...");
    EXPECT_EQ(infonote::display_width(fit("\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd", 8)), 7u);
    // A combining mark stays with its letter.
    EXPECT_EQ(fit("Co\u0302te d'Ivoire", 5), "Co\u0302...");
    EXPECT_EQ(fit("abc", 2), "..");
}

TEST(TerminalText, Utf8LocaleFromTheFirstVariableSet)
{
    using infonote::utf8_locale;
    EXPECT_TRUE(utf8_locale(nullptr, nullptr, "en_GB.UTF-8"));
    EXPECT_TRUE(utf8_locale(nullptr, "C.utf8", nullptr));
    EXPECT_FALSE(utf8_locale("C", nullptr, "en_GB.UTF-8"));  // LC_ALL=C wins
    EXPECT_FALSE(utf8_locale(nullptr, nullptr, nullptr));    // nothing set: C
    EXPECT_FALSE(utf8_locale(nullptr, nullptr, "POSIX"));
    EXPECT_FALSE(utf8_locale(nullptr, nullptr, "fr_FR.ISO-8859-1"));
    EXPECT_TRUE(utf8_locale("", "", "fr_FR.UTF-8"));  // empty counts as unset
}
