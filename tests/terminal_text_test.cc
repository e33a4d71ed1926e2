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
