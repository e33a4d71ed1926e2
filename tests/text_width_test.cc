// Text views align columns by display width: CJK takes two columns,
// combining marks none.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text_output.h"
#include "terminal_text.h"

namespace {

using infonote::display_width;

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Columns before `cell` in `line`.
std::size_t column_of(const std::string& line, const std::string& cell)
{
    std::size_t at = line.find(cell);
    EXPECT_NE(at, std::string::npos) << line << " has no " << cell;
    return at == std::string::npos ? 0 : display_width(line.substr(0, at));
}

TEST(TextWidth, TableColumnsLineUpWithWideAndCombiningText)
{
    infonote::Table table{{"city", "country", "events"}, {false, false, true}, {}};
    table.rows = {{"\u6771\u4eac", "JP", "3"},                 // 東京
                  {"Abidjan", "Co\u0302te d'Ivoire", "12"},    // combining circumflex
                  {"\uc11c\uc6b8", "KR", "1"},                 // 서울
                  {"\uff2e\uff39", "US", "100"}};              // fullwidth ＮＹ
    std::ostringstream out;
    infonote::write_text(out, table, infonote::Terminal{80, false, true});
    std::vector<std::string> lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 5u) << out.str();
    // "Abidjan" is the widest city: 7 columns, then two spaces.
    EXPECT_EQ(column_of(lines[0], "country"), 9u);
    EXPECT_EQ(column_of(lines[1], "JP"), 9u);
    EXPECT_EQ(column_of(lines[2], "Co\u0302te"), 9u);
    EXPECT_EQ(column_of(lines[3], "KR"), 9u);
    EXPECT_EQ(column_of(lines[4], "US"), 9u);
    // Numbers right-aligned: every line as wide as the widest.
    for (const std::string& line : lines) EXPECT_EQ(display_width(line), 30u) << line;
}

TEST(TextWidth, LastColumnCutToTheTerminalByColumns)
{
    infonote::Table table{{"code", "name"}, {false, false}, {}};
    table.rows = {{"CN", "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u4e2d\u534e\u4eba\u6c11"
                         "\u5171\u548c\u56fd"}};
    std::ostringstream out;
    infonote::write_text(out, table, infonote::Terminal{16, false, true});
    std::vector<std::string> lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_LE(display_width(lines[1]), 16u) << lines[1];
    EXPECT_EQ(lines[1].substr(lines[1].size() - 3), "...");
}

}  // namespace
