// When text output colours matched words: --color, $NO_COLOR, $TERM.
#include <gtest/gtest.h>

#include "text_output.h"

namespace {

using infonote::colour_wanted;
using infonote::ColourChoice;

TEST(Colour, AutoOnlyOnATerminalThatIsNotDumbWithoutNoColor)
{
    EXPECT_TRUE(colour_wanted(ColourChoice::Auto, true, nullptr, "xterm-256color"));
    EXPECT_TRUE(colour_wanted(ColourChoice::Auto, true, "", nullptr));
    EXPECT_FALSE(colour_wanted(ColourChoice::Auto, false, nullptr, "xterm"));
    EXPECT_FALSE(colour_wanted(ColourChoice::Auto, true, "1", "xterm"));
    EXPECT_FALSE(colour_wanted(ColourChoice::Auto, true, nullptr, "dumb"));
}

TEST(Colour, AlwaysAndNeverOverrideTheEnvironment)
{
    EXPECT_TRUE(colour_wanted(ColourChoice::Always, false, "1", "dumb"));
    EXPECT_FALSE(colour_wanted(ColourChoice::Never, true, nullptr, "xterm"));
}

}  // namespace
