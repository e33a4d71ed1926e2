// The index format's codecs: the listing slot and stub lines, each read
// back as it was written.
#include <gtest/gtest.h>

#include "event_record.h"
#include "json_output.h"
#include "listing.h"
#include "packed_text.h"
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

TEST(EventRecord, ReadsBackWhatWasWritten)
{
    infonote::HitRecord record;
    record.json = R"({"event_id":"ev1","title":"A \"quoted\" title"})";
    record.listing =
        "20140311\x1f"
        "a";
    record.documents = 3;
    record.cells = {"id", "p,ath", "", "2014-03-11", "", "Astana", "KZ", "false", "KZ;TJ", "UNODA"};
    record.roles = {{"KZ", "host, participant"}, {"TJ", "invited"}, {"UZ", "host, participant"}};
    infonote::RecordValues values = infonote::record_values(record);
    std::optional<infonote::HitRecord> back = infonote::read_record(values.cells);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->json, "");
    std::optional<infonote::HitRecord> json = infonote::read_record_json(values.json);
    ASSERT_TRUE(json);
    EXPECT_EQ(json->json, record.json);
    EXPECT_EQ(json->roles, record.roles);
    EXPECT_EQ(back->listing, record.listing);
    EXPECT_EQ(back->documents, 3u);
    EXPECT_EQ(back->cells, record.cells);
    EXPECT_EQ(back->roles, record.roles);
}

TEST(EventRecord, AValueItDidNotWriteIsNoRecord)
{
    std::string value = infonote::record_values(infonote::HitRecord{}).cells;
    EXPECT_TRUE(infonote::read_record(value));
    EXPECT_FALSE(infonote::read_record(""));
    EXPECT_FALSE(infonote::read_record("not a record"));
    EXPECT_FALSE(infonote::read_record(value.substr(0, value.size() - 2)));
    EXPECT_FALSE(infonote::read_record_json(""));
    EXPECT_FALSE(infonote::read_record_json(infonote::pack_text("not JSON")));
}

TEST(EventRecord, AStateWithRolesPastTheFirst255TextsKeepsThem)
{
    infonote::HitRecord record;
    for (int i = 0; i < 300; ++i)
        record.roles.emplace_back("S" + std::to_string(i), "role " + std::to_string(i % 280));
    std::optional<infonote::HitRecord> back =
        infonote::read_record(infonote::record_values(record).cells);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->roles, record.roles);
}

TEST(EventRecord, AnEventOfOneDocumentIsItsSummaryWithItsEventFirst)
{
    infonote::Json summary = infonote::Json::parse(
        R"({"id":"n1","path":"a.txt","kind":"information-note","title":"T","start_date":"2014-03-11",)"
        R"("end_date":null,"venue":{"city":"Astana","country":"KZ","online":false},)"
        R"("countries":[{"code":"KZ","name":"Kazakhstan","roles":["invited","participant"]}],)"
        R"("organizations":[{"name":"United Nations","acronym":null}]})");
    Listing listing;
    listing.id = "n1";
    listing.country = "KZ";
    infonote::MergedEvent event =
        infonote::merge_event("ev1", {{summary, infonote::listing_value(listing)}});
    infonote::HitRecord record = infonote::event_record(event);
    EXPECT_EQ(record.json,
              R"({"event_id":"ev1","id":"n1","path":"a.txt","kind":"information-note","title":"T",)"
              R"("start_date":"2014-03-11","end_date":null,)"
              R"("venue":{"city":"Astana","country":"KZ","online":false},)"
              R"("countries":[{"code":"KZ","name":"Kazakhstan","roles":["participant"],)"
              R"("documents":["n1"]}],"organizations":[{"name":"United Nations","acronym":null}],)"
              R"("sources":[{"id":"n1","path":"a.txt","kind":"information-note"}]})");
    EXPECT_EQ(record.documents, 1u);
    EXPECT_EQ(record.roles,
              (std::vector<std::pair<std::string, std::string>>{{"KZ", "participant"}}));
    EXPECT_EQ(record.cells[8], "KZ");
    EXPECT_EQ(record.cells[9], "United Nations");
    EXPECT_EQ(infonote::listing_of(record.listing).participants, "KZ");
}

// The JSON writer lays compact text out itself: it must give nlohmann's
// bytes, strings with every character that lays out JSON included.
TEST(IndentedJson, IsWhatDumpWithAnIndentGives)
{
    infonote::Json doc = infonote::Json::parse(R"({
        "empty_object": {}, "empty_list": [], "nested": [[], {}, [{}], {"a": []}],
        "text": "a, b: {c} [d] \"e\" \\ f\\\" g \u0001 \u00e9 \u4e2d",
        "end": "\\", "numbers": [0, -12, 3000000000], "flags": [true, false, null],
        "deep": {"x": {"y": {"z": "{\"not\": [\"json\"]}"}}}})");
    for (int indent : {2, 4}) {
        SCOPED_TRACE(indent);
        EXPECT_EQ(infonote::indented(doc.dump(), indent), doc.dump(indent));
    }
    EXPECT_EQ(infonote::indented("[]", 2), "[]");
    EXPECT_EQ(infonote::indented("\"x\"", 2), "\"x\"");
}

// Past the indentation it copies in one piece (deep nesting), with quotes
// and backslashes at every place in the eight-byte words it scans strings
// by, and in text laid out many times into one growing buffer.
TEST(IndentedJson, DeepNestingAndEscapesAtEveryPlaceGiveDumpsBytes)
{
    infonote::Json deep = "bottom";
    for (int i = 0; i < 40; ++i)
        deep = i % 2 ? infonote::Json::array({deep, i}) : infonote::Json{{"k", deep}, {"n", i}};
    for (int indent : {2, 4}) EXPECT_EQ(infonote::indented(deep.dump(), indent), deep.dump(indent));
    infonote::Json strings = infonote::Json::array();
    for (std::size_t at = 0; at < 20; ++at) {
        std::string text(24, 'a');
        strings.push_back(text.replace(at, 1, "\""));
        strings.push_back(text.replace(at, 1, "\\"));
        strings.push_back(text.substr(0, at) + "\\");
    }
    EXPECT_EQ(infonote::indented(strings.dump(), 2), strings.dump(2));
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
