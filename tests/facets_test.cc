// Facet counting: FacetSpy over documents built from notes, checked against
// counts taken straight from the notes, and merged from two halves as
// remote shards would report them.
#include "facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "country_gazetteer.h"
#include "document_builder.h"
#include "schema.h"
#include "searcher.h"

namespace infonote {
namespace {

Note make_note(int n)
{
    static const char* const kCodes[] = {"KZ", "KG", "UZ", "TJ", "TM", "FR", "BR", "GH"};
    static const char* const kTitles[] = {
        "Regional workshop on export controls", "National roundtable",
        "Peer review of Poland and Croatia", "Industry conference", "Note without a type"};
    Note note;
    note.id = "note" + std::to_string(n);
    note.source = note.id + ".txt";
    note.title = kTitles[n % 5];
    note.start_date = Date{2010 + n % 4, 1 + n % 12, 1 + n % 28};
    // Every fifth note runs over New Year.
    note.end_date = n % 5 == 0 ? Date{note.start_date->year + 1, 1, 2} : *note.start_date;
    note.venue.country = kCodes[n % 8];
    note.venue.city = "City";
    for (int k = 0; k < n % 4; ++k) {
        std::string code = kCodes[(n + k * 3) % 8];
        note.states.push_back({code, code, "States"});
        // The same State listed twice counts once.
        if (k == 1) note.states.push_back({code, code, "Other States"});
    }
    Organization o;
    o.acronym = n % 2 ? std::optional<std::string>("OSCE") : std::nullopt;
    o.name = n % 2 ? "Organization for Security and Cooperation in Europe" : "Some Forum";
    note.organizations.push_back(o);
    note.text = note.title + " text";
    return note;
}

// What each facet should count for notes [from, to), taken from the notes.
std::map<Facet, FacetCounts> brute_force(int from, int to)
{
    std::map<Facet, FacetCounts> counts;
    for (int n = from; n < to; ++n) {
        Note note = make_note(n);
        std::set<std::string> attended{*note.venue.country};
        for (const ParticipantState& s : note.states) attended.insert(s.code);
        for (const std::string& c : attended) ++counts[Facet::Country][c];
        ++counts[Facet::VenueCountry][*note.venue.country];
        ++counts[Facet::Org][note.organizations[0].acronym.value_or(note.organizations[0].name)];
        for (int y = note.start_date->year; y <= note.end_date->year; ++y)
            ++counts[Facet::Year][std::to_string(y)];
    }
    return counts;
}

Xapian::Database index_notes(int from, int to)
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(default_gazetteer());
    for (int n = from; n < to; ++n) db.add_document(builder.build(make_note(n)));
    return db;
}

const std::vector<Facet> kCounted{Facet::Country, Facet::Org, Facet::Year, Facet::VenueCountry};

// Both counters: FacetSpy, and Xapian's own spies as used with remote
// shards (facets.h).
TEST(Facets, CountEachValueOncePerNoteOverEveryMatch)
{
    Xapian::Database db = index_notes(0, 200);
    std::map<Facet, FacetCounts> expected = brute_force(0, 200);
    for (bool remote : {false, true}) {
        std::map<Facet, FacetCounts> counts =
            count_facets(db, Xapian::Query::MatchAll, kCounted, remote);
        for (Facet f : kCounted) EXPECT_EQ(counts[f], expected[f]) << facet_name(f) << remote;
        FacetCounts regions =
            count_facets(db, Xapian::Query::MatchAll, {Facet::Region}, remote)[Facet::Region];
        EXPECT_EQ(regions, region_counts(expected[Facet::VenueCountry])) << remote;
    }
}

// A search of every document reads its facets from the index's terms and
// the organizations' value stream (whole_index_counts): the same counts as
// FacetSpy over a match of everything.
TEST(Facets, CountsOfEveryDocumentFromTheIndexEqualTheSpys)
{
    Xapian::Database db = index_notes(0, 40);
    const std::vector<Facet> all{Facet::Country, Facet::Org,  Facet::Year, Facet::VenueCountry,
                                 Facet::Region,  Facet::Type, Facet::Kind};
    std::map<Facet, FacetCounts> read = whole_index_counts(db, all);
    std::map<Facet, FacetCounts> spied = count_facets(db, Xapian::Query::MatchAll, all, false);
    for (Facet f : all) {
        SCOPED_TRACE(std::string(facet_name(f)));
        EXPECT_FALSE(read[f].empty());
        EXPECT_EQ(read[f], spied[f]);
    }
    std::map<Facet, FacetCounts> expected = brute_force(0, 40);
    for (Facet f : kCounted) EXPECT_EQ(read[f], expected[f]);
}

TEST(Facets, TypesComeFromTitles)
{
    Xapian::Database db = index_notes(0, 10);
    for (bool remote : {false, true}) {
        FacetCounts types =
            count_facets(db, Xapian::Query::MatchAll, {Facet::Type}, remote)[Facet::Type];
        EXPECT_EQ(types,
                  (FacetCounts{
                      {"workshop", 2}, {"roundtable", 2}, {"peer review", 2}, {"conference", 2}}))
            << remote;
    }
}

TEST(Facets, CountsFromTwoShardsMergeToTheWhole)
{
    Xapian::Database first = index_notes(0, 70);
    Xapian::Database second = index_notes(70, 200);
    FacetSpy merged(kCounted);
    for (Xapian::Database* db : {&first, &second}) {
        Xapian::Enquire enquire(*db);
        enquire.set_query(Xapian::Query::MatchAll);
        // As a server would: the spy rebuilt from its serialised form.
        Xapian::Registry registry;
        std::unique_ptr<Xapian::MatchSpy> spy(
            FacetSpy().unserialise(FacetSpy(kCounted).serialise(), registry));
        enquire.add_matchspy(spy.get());
        enquire.get_mset(0, 0, db->get_doccount());
        merged.merge_results(spy->serialise_results());
    }
    std::map<Facet, FacetCounts> expected = brute_force(0, 200);
    for (Facet f : kCounted) EXPECT_EQ(merged.counts(f), expected[f]) << facet_name(f);
}

// Each note indexed twice: two documents of one event (the same note id
// gives the same event id). Counting events counts each once, locally and
// as remote shards count, from the event-values slot.
TEST(Facets, EventsCountOnceHoweverManyOfTheirDocumentsMatch)
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(default_gazetteer());
    for (int n = 0; n < 120; ++n) {
        Xapian::Document doc = builder.build(make_note(n));
        db.add_document(doc);
        db.add_document(doc);
    }
    std::map<Facet, FacetCounts> expected = brute_force(0, 120);
    for (bool remote : {false, true}) {
        std::map<Facet, FacetCounts> events =
            count_facets(db, Xapian::Query::MatchAll, kCounted, remote, Counting::Events);
        std::map<Facet, FacetCounts> documents =
            count_facets(db, Xapian::Query::MatchAll, kCounted, remote, Counting::Documents);
        for (Facet f : kCounted) {
            EXPECT_EQ(events[f], expected[f]) << facet_name(f) << remote;
            for (const auto& [value, n] : expected[f])
                EXPECT_EQ(documents[f][value], 2 * n) << facet_name(f) << value << remote;
        }
    }
}

// The spy reads every value it counts from the event-values slot; a
// document without that slot is read slot by slot, with the same counts.
TEST(Facets, DocumentsWithoutTheEventValuesSlotCountTheSame)
{
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(default_gazetteer());
    for (int n = 0; n < 200; ++n) {
        Xapian::Document doc = builder.build(make_note(n));
        // Every other document without it.
        if (n % 2) doc.remove_value(kEventValuesSlot);
        db.add_document(doc);
    }
    const std::vector<Facet> all{Facet::Country, Facet::Org,  Facet::Year,
                                 Facet::VenueCountry, Facet::Type, Facet::Kind};
    std::map<Facet, FacetCounts> expected = brute_force(0, 200);
    Xapian::Database whole = index_notes(0, 200);
    for (Counting counting : {Counting::Documents, Counting::Events}) {
        std::map<Facet, FacetCounts> counts =
            count_facets(db, Xapian::Query::MatchAll, all, false, counting);
        std::map<Facet, FacetCounts> with_slot =
            count_facets(whole, Xapian::Query::MatchAll, all, false, counting);
        for (Facet f : kCounted) EXPECT_EQ(counts[f], expected[f]) << facet_name(f);
        EXPECT_EQ(counts, with_slot);
    }
}

TEST(Facets, MalformedSerialisedCountsAreRefused)
{
    FacetSpy spy(kCounted);
    EXPECT_THROW(spy.merge_results(std::string("0KZ\0", 4)), Xapian::NetworkError);
    EXPECT_THROW(spy.merge_results("9"), Xapian::NetworkError);
}

TEST(Facets, RegionsAddUpTheirVenueCountries)
{
    FacetCounts regions = region_counts({{"KZ", 3}, {"UZ", 2}, {"FR", 1}, {"BR", 4}});
    EXPECT_EQ(regions["Central Asia"], 5u);
    EXPECT_EQ(regions["Asia"], 5u);
    EXPECT_EQ(regions["Western Europe"], 1u);
    EXPECT_EQ(regions["Europe"], 1u);
    EXPECT_EQ(regions["South America"], 4u);
    EXPECT_EQ(regions["Americas"], 4u);
    EXPECT_EQ(regions.count("Africa"), 0u);
}

TEST(Facets, ValuesRankByCountThenValue)
{
    auto ranked = ranked_values({{"b", 2}, {"a", 2}, {"c", 5}, {"d", 1}}, 3);
    ASSERT_EQ(ranked.size(), 3u);
    EXPECT_EQ(ranked[0], (std::pair<std::string, Xapian::doccount>{"c", 5}));
    EXPECT_EQ(ranked[1].first, "a");
    EXPECT_EQ(ranked[2].first, "b");
    EXPECT_EQ(ranked_values({{"x", 1}}, 0).size(), 1u);
}

TEST(Facets, NamesRoundTrip)
{
    for (Facet f :
         {Facet::Country, Facet::Org, Facet::Year, Facet::VenueCountry, Facet::Region, Facet::Type})
        EXPECT_EQ(facet_by_name(facet_name(f)), f);
    EXPECT_FALSE(facet_by_name("colour"));
}

}  // namespace
}  // namespace infonote
