// Markdown's marks blanked (common/markdown_marks.h): which bytes go and
// which stay.
#include "markdown_marks.h"

#include <string>

#include <gtest/gtest.h>

namespace infonote {
namespace {

// blank_markdown's result with its runs of spaces made one and no space
// at a line's ends.
std::string words_of(const std::string& text)
{
    std::string out;
    for (char c : blank_markdown(text)) {
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
        if (c == '\n' && !out.empty() && out.back() == ' ') out.pop_back();
        out += c;
    }
    return out;
}

TEST(MarkdownMarks, EmphasisHeadingsAndBulletsGo)
{
    EXPECT_EQ(words_of("# Information Note\n\n- **Title:** A *regional* __workshop__\n"),
              "Information Note\n\nTitle: A regional workshop\n");
    EXPECT_EQ(words_of("## 2. **Highlights**\n> quoted `1540` text\n+ item"),
              "2. Highlights\nquoted 1540 text\nitem");
}

TEST(MarkdownMarks, ALinkKeepsItsWordsAndLosesItsAddress)
{
    EXPECT_EQ(words_of("with [UNODA](https://www.un.org/disarmament/) and ![logo](a.png)."),
              "with UNODA and logo.");
    // Brackets that open no link are text.
    EXPECT_EQ(words_of("the [sic] spelling, (a) and [b] (c)"),
              "the [sic] spelling, (a) and [b] (c)");
    EXPECT_EQ(words_of("[two words](x y) stay"), "[two words](x y) stay");
}

TEST(MarkdownMarks, TablesLoseTheirRulesAndPipes)
{
    EXPECT_EQ(words_of("| Session | Speaker |\n|---------|:-------:|\n| Opening | UNODA |\n"),
              "Session Speaker\n\nOpening UNODA\n");
    EXPECT_EQ(words_of("above\n---\n***\nbelow"), "above\n\n\nbelow");
}

TEST(MarkdownMarks, AMarkIsBlankedInPlaceForTheParser)
{
    // strip_markup relies on a mark's length: its bytes become spaces.
    const std::string link = "see [UNODA](https://un.org/x) now";
    EXPECT_EQ(markdown_mark_at(link, 4, false), 1u);
    EXPECT_EQ(markdown_mark_at(link, 10, false), std::string("](https://un.org/x)").size());
    EXPECT_EQ(markdown_mark_at("|--|--|\nnext", 0, true), 7u);
    EXPECT_EQ(markdown_mark_at("**Event:**", 1, false), 1u);
}

TEST(MarkdownMarks, DashesAndSignsInsideALineStay)
{
    EXPECT_EQ(words_of("Almaty - Kazakhstan, 5 > 3, 2 + 2, co-operation!"),
              "Almaty - Kazakhstan, 5 > 3, 2 + 2, co-operation!");
    EXPECT_EQ(markdown_mark_at("- item", 0, true), 1u);
    EXPECT_EQ(markdown_mark_at("- item", 0, false), 0u);
    EXPECT_EQ(markdown_mark_at("-5 degrees", 0, true), 0u);
}

}  // namespace
}  // namespace infonote
