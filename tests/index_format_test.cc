// The index format's codecs: the listing slot and stub lines, each read
// back as it was written.
#include <gtest/gtest.h>

#include "listing.h"
#include "schema.h"
#include "stub.h"

namespace {

using infonote::Listing;

Listing sample()
{
    Listing l;
    l.id = "ab12cd34ef56ab78";
    l.path = "2014/astana.txt";
    l.title = "Workshop on export control";
    l.start_date = "2014-05-12";
    l.end_date = "2014-05-14";
    l.city = "Astana";
    l.country = "KZ";
    l.online = true;
    l.participants = "KZKGTJ";
    return l;
}

void expect_same(const Listing& a, const Listing& b)
{
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.path, b.path);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.start_date, b.start_date);
    EXPECT_EQ(a.end_date, b.end_date);
    EXPECT_EQ(a.city, b.city);
    EXPECT_EQ(a.country, b.country);
    EXPECT_EQ(a.online, b.online);
    EXPECT_EQ(a.participants, b.participants);
}

TEST(ListingSlot, ReadsBackWhatWasWritten)
{
    Listing l = sample();
    std::string value = infonote::listing_value(l);
    EXPECT_EQ(value.substr(0, infonote::kListingDateBytes), "20140512");
    expect_same(infonote::listing_of(value), l);
    l.online = false;
    expect_same(infonote::listing_of(infonote::listing_value(l)), l);
}

TEST(ListingSlot, UndatedNotesSortFirstAndKeepEmptyDates)
{
    Listing l = sample();
    l.start_date.clear();
    l.end_date.clear();
    std::string value = infonote::listing_value(l);
    EXPECT_EQ(value.substr(0, infonote::kListingDateBytes), "00000000");
    EXPECT_LT(value, infonote::listing_value(sample()));
    expect_same(infonote::listing_of(value), l);
}

TEST(ListingSlot, ASeparatorInAFieldBecomesASpace)
{
    Listing l = sample();
    l.title = std::string("Export") + infonote::kListSeparator + "control";
    Listing read = infonote::listing_of(infonote::listing_value(l));
    EXPECT_EQ(read.title, "Export control");
    EXPECT_EQ(read.city, "Astana");
}

TEST(ListingSlot, AShortValueLeavesTheMissingFieldsEmpty)
{
    Listing read = infonote::listing_of(std::string("20140512id") + infonote::kListSeparator + "p");
    EXPECT_EQ(read.id, "id");
    EXPECT_EQ(read.path, "p");
    EXPECT_EQ(read.title, "");
    EXPECT_FALSE(read.online);
    EXPECT_EQ(infonote::listing_of("2014").id, "");
}

TEST(Stub, LinesAreReadAsKindAndTargetWithTheirNumbers)
{
    std::vector<infonote::StubLine> lines =
        infonote::parse_stub("auto shard-0\n\n  # a comment\nremote\t127.0.0.1:8001 \r\nglass");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].number, 1);
    EXPECT_EQ(lines[0].kind, "auto");
    EXPECT_EQ(lines[0].target, "shard-0");
    EXPECT_EQ(lines[1].number, 3);
    EXPECT_EQ(lines[1].kind, "#");
    EXPECT_EQ(lines[2].number, 4);
    EXPECT_EQ(lines[2].kind, "remote");
    EXPECT_EQ(lines[2].target, "127.0.0.1:8001");
    EXPECT_EQ(lines[3].kind, "glass");
    EXPECT_EQ(lines[3].target, "");
}

TEST(Stub, WhatIsWrittenIsReadBack)
{
    std::string text = infonote::stub_text({"shard-0", "shard-1"});
    EXPECT_EQ(text, "auto shard-0\nauto shard-1\n");
    std::vector<infonote::StubLine> lines = infonote::parse_stub(text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1].target, "shard-1");
    EXPECT_TRUE(infonote::names_entry_inside("shard-1"));
    EXPECT_FALSE(infonote::names_entry_inside("../elsewhere"));
    EXPECT_FALSE(infonote::names_entry_inside(".."));
}

}  // namespace
