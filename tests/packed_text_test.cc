// pack_text / unpack_text: the note text as the index keeps it.
#include "packed_text.h"

#include <gtest/gtest.h>

namespace infonote {
namespace {

TEST(PackedText, RoundTripsAnyTextAndIsSmallerForProse)
{
    std::string prose;
    for (int i = 0; i < 200; ++i)
        prose += "The workshop reviewed export controls in Côte d'Ivoire. ";
    for (const std::string& text :
         {std::string(), std::string("a"), std::string("\0\xff\x01", 3), prose}) {
        std::string packed = pack_text(text);
        EXPECT_EQ(unpack_text(packed), text);
    }
    EXPECT_LT(pack_text(prose).size(), prose.size() / 4);
}

TEST(PackedText, DamagedDataIsRefused)
{
    std::string packed = pack_text("Workshop on border controls, Almaty, 2016");
    EXPECT_FALSE(unpack_text(""));
    EXPECT_FALSE(unpack_text("abc"));
    EXPECT_FALSE(unpack_text(packed.substr(0, packed.size() - 3)));
    std::string wrong_length = packed;
    wrong_length[0] = static_cast<char>(wrong_length[0] + 1);
    EXPECT_FALSE(unpack_text(wrong_length));
    // Uncompressed text, as an index of another schema would hold.
    EXPECT_FALSE(unpack_text("Event: Workshop\nDate and venue: 2016"));
}

}  // namespace
}  // namespace infonote
