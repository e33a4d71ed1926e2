// DocumentBuilder without a database: the terms, positions, value slots and
// stored data of the document built for a note.
#include "document_builder.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "country_gazetteer.h"
#include "note.h"
#include "note_parser.h"
#include "packed_text.h"
#include "schema.h"

namespace infonote {
namespace {

// --- helpers -------------------------------------------------------------

std::set<std::string> terms_of(const Xapian::Document& doc)
{
    std::set<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
    return out;
}

/// The terms of `doc` that start with `prefix` and whose next character is
/// not an upper-case letter (Omega's rule for telling "XC" from "XCA...").
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, std::string_view prefix)
{
    std::vector<std::string> out;
    for (const std::string& t : terms_of(doc))
        if (t.compare(0, prefix.size(), prefix) == 0 &&
            (t.size() == prefix.size() || t[prefix.size()] == ':' ||
             !(t[prefix.size()] >= 'A' && t[prefix.size()] <= 'Z')))
            out.push_back(t);
    return out;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& doc, const std::string& term)
{
    std::vector<Xapian::termpos> out;
    auto t = doc.termlist_begin();
    t.skip_to(term);
    if (t == doc.termlist_end() || *t != term) return out;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out.push_back(*p);
    return out;
}

/// True when some occurrence of `first` is immediately followed by `second`.
bool adjacent(const Xapian::Document& doc, const std::string& first, const std::string& second)
{
    std::vector<Xapian::termpos> a = positions_of(doc, first);
    std::vector<Xapian::termpos> b = positions_of(doc, second);
    for (Xapian::termpos p : a)
        if (std::find(b.begin(), b.end(), p + 1) != b.end()) return true;
    return false;
}

#define EXPECT_TERM(doc, term) EXPECT_TRUE(terms_of(doc).count(term)) << "missing term " << (term)
#define EXPECT_NO_TERM(doc, term) \
    EXPECT_FALSE(terms_of(doc).count(term)) << "unexpected term " << (term)

Date day(int y, int m, int d)
{
    return Date{y, m, d};
}

/// A note like the Astana one, written by hand: Kazakhstan hosts and is
/// listed; Kyrgyzstan and Iran take part; Brazil is only mentioned in the body.
Note astana_note()
{
    Note n;
    n.source = "samples/astana-2014.txt";
    n.id = note_id(n.source);
    n.title = "Regional Workshops on Non-Proliferation";
    n.start_date = day(2014, 3, 11);
    n.end_date = day(2014, 3, 12);
    n.venue.city = "Astana";
    n.venue.country = "KZ";
    n.states = {{"KZ", "Kazakhstan", "States"},
                {"KG", "Kyrgyzstan", "States"},
                {"IR", "Islamic Republic of Iran", "Other States"}};
    Organization osce;
    osce.acronym = "OSCE";
    osce.name = "Organization for Security and Cooperation in Europe";
    osce.group = "International organizations";
    Organization ministry;
    ministry.name = "Ministère des Affaires étrangères";
    ministry.group = "National agencies";
    ministry.kind = OrgKind::National;
    n.organizations = {osce, ministry};
    n.text = n.title +
             "\n\n1. Background\n\nDelegates discussed nuclear security. An observer from "
             "Brazil described export controls.\n";
    return n;
}

class DocumentBuilderTest : public ::testing::Test {
  protected:
    Xapian::Document build(const Note& note) const { return builder_.build(note); }

    DocumentBuilder builder_{default_gazetteer()};
};

// --- the schema's Omega-style spelling -----------------------------------

TEST(DocumentBuilderSchema, TermsFollowOmegaConventions)
{
    EXPECT_EQ(filter_term(FieldId::Country, "KZ"), "XC:KZ");
    EXPECT_EQ(filter_term(FieldId::VenueCountry, "KZ"), "XV:KZ");
    EXPECT_EQ(filter_term(FieldId::Year, "2014"), "XY2014");
    EXPECT_EQ(filter_term(FieldId::Org, "OSCE"), "XO:OSCE");
    EXPECT_EQ(filter_term(FieldId::Org, "european union"), "XOeuropean union");
    // filter_value undoes filter_term, the ':' included.
    for (auto [id, value] : {std::pair{FieldId::Country, "KZ"}, {FieldId::Year, "2014"},
                             {FieldId::Org, "OSCE"}, {FieldId::Org, "european union"},
                             {FieldId::Org, ":x"}})
        EXPECT_EQ(filter_value(id, filter_term(id, value)), value);
    EXPECT_EQ(field(FieldId::Title).prefix, "S");
    EXPECT_EQ(id_term("0123456789abcdef"), "Q0123456789abcdef");
}

TEST_F(DocumentBuilderTest, AnOrganizationNameTooLongForATermIsLeftOut)
{
    Note n = astana_note();
    Organization runaway;
    for (int i = 0; i < 30; ++i) runaway.name += "Regional Organisation ";
    n.organizations.push_back(runaway);
    Xapian::Document doc = build(n);
    for (const std::string& term : terms_of(doc)) EXPECT_LE(term.size(), 245u) << term;
    EXPECT_TERM(doc, "XO:OSCE");
    // Xapian takes the document: the note is indexed, only the name is lost.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_NO_THROW(db.add_document(doc));
}

// --- id ------------------------------------------------------------------

TEST_F(DocumentBuilderTest, HasExactlyOneUniqueIdTerm)
{
    Note note = astana_note();
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, "Q" + note.id);
    EXPECT_TERM(doc, id_term(note.id));
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Id).prefix),
              std::vector<std::string>{"Q" + note.id});
}

TEST_F(DocumentBuilderTest, DifferentPathsGiveDifferentIdTerms)
{
    Note a = astana_note();
    Note b = astana_note();
    b.source = "samples/other.txt";
    b.id = note_id(b.source);
    EXPECT_NE(a.id, b.id);
    EXPECT_NO_TERM(build(a), id_term(b.id));
}

// --- words ---------------------------------------------------------------

TEST_F(DocumentBuilderTest, TitleWordsAreIndexedWithTitlePrefixAndUnprefixed)
{
    Xapian::Document doc = build(astana_note());
    const std::string s(field(FieldId::Title).prefix);
    for (const char* word : {"regional", "workshops", "non", "proliferation"}) {
        SCOPED_TRACE(word);
        EXPECT_TERM(doc, s + word);
        EXPECT_TERM(doc, word);
    }
    EXPECT_TERM(doc, "Sregional");
    // Words are folded: no capitals in word terms.
    EXPECT_NO_TERM(doc, "SRegional");
    EXPECT_NO_TERM(doc, "Regional");
}

TEST_F(DocumentBuilderTest, BodyWordsAreUnprefixedOnly)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "delegates");
    EXPECT_TERM(doc, "observer");
    EXPECT_NO_TERM(doc, "Sdelegates");
    EXPECT_NO_TERM(doc, "Sobserver");
}

TEST_F(DocumentBuilderTest, TitleWordsWeighMoreThanBodyWords)
{
    // "regional" occurs once, in the title; "observer" once, in the body.
    Xapian::Document doc = build(astana_note());
    auto wdf = [&](const std::string& term) {
        auto t = doc.termlist_begin();
        t.skip_to(term);
        return (t != doc.termlist_end() && *t == term) ? t.get_wdf() : 0u;
    };
    EXPECT_GT(wdf("observer"), 0u);
    EXPECT_GT(wdf("regional"), wdf("observer"));
}

TEST_F(DocumentBuilderTest, PlainWordsHaveZPrefixedStemsWithoutPositions)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "Zworkshop");   // "Workshops" in the title, unprefixed copy
    EXPECT_TERM(doc, "ZSworkshop");  // ... and in the title field
    EXPECT_TERM(doc, "Zdiscuss");    // "discussed" in the body
    EXPECT_TERM(doc, "Zdeleg");      // "Delegates"
    EXPECT_NO_TERM(doc, "Zworkshops");
    EXPECT_NO_TERM(doc, "ZSdiscuss");  // body-only word has no title stem
    EXPECT_TRUE(positions_of(doc, "Zworkshop").empty());
    EXPECT_FALSE(positions_of(doc, "workshops").empty());
}

TEST_F(DocumentBuilderTest, NumbersAreNotStemmed)
{
    Note note = astana_note();
    note.text += "Resolution 1540 (2004).\n";
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, "1540");
    EXPECT_NO_TERM(doc, "Z1540");
}

TEST_F(DocumentBuilderTest, HyphenatedWordIsAlsoIndexedClosed)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "non");
    EXPECT_TERM(doc, "proliferation");
    EXPECT_TERM(doc, "nonproliferation");
    EXPECT_TERM(doc, "Snonproliferation");
    EXPECT_TERM(doc, "Znonprolifer");
    EXPECT_NO_TERM(doc, "non-proliferation");
    // Only a hyphen joins words: "nuclear security" gives no "nuclearsecurity".
    EXPECT_NO_TERM(doc, "nuclearsecurity");
}

TEST_F(DocumentBuilderTest, PhraseWordsHaveConsecutivePositions)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TRUE(adjacent(doc, "nuclear", "security"));
    EXPECT_TRUE(adjacent(doc, "non", "proliferation"));
    EXPECT_TRUE(adjacent(doc, "Snon", "Sproliferation"));
    EXPECT_TRUE(adjacent(doc, "export", "controls"));
    // Words written apart are not adjacent, in either order.
    EXPECT_FALSE(adjacent(doc, "security", "nuclear"));
    EXPECT_FALSE(adjacent(doc, "nuclear", "controls"));
}

TEST_F(DocumentBuilderTest, PhraseCannotSpanTwoFields)
{
    // The title ends with "proliferation" and the city field holds
    // "astana"; no phrase may run from one field into the next.
    Xapian::Document doc = build(astana_note());
    ASSERT_FALSE(positions_of(doc, "XTastana").empty());
    EXPECT_FALSE(adjacent(doc, "Sproliferation", "regional"));
    EXPECT_FALSE(adjacent(doc, "controls", "XTastana"));
}

// --- countries -----------------------------------------------------------

TEST_F(DocumentBuilderTest, CountryTermForEachParticipant)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "XC:KZ");
    for (const char* code : {"KZ", "KG", "IR"}) {
        SCOPED_TRACE(code);
        EXPECT_TERM(doc, filter_term(FieldId::Country, code));
    }
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Country).prefix).size(), 3u);
}

TEST_F(DocumentBuilderTest, CountryTermForHostNotListedAsParticipant)
{
    Note note = astana_note();
    note.venue.country = "JO";
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, filter_term(FieldId::Country, "JO"));
    EXPECT_TERM(doc, filter_term(FieldId::Country, "KZ"));  // still a participant
}

TEST_F(DocumentBuilderTest, VenueTermOnlyForVenueCountry)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "XV:KZ");
    EXPECT_NO_TERM(doc, filter_term(FieldId::VenueCountry, "KG"));
    EXPECT_NO_TERM(doc, filter_term(FieldId::VenueCountry, "IR"));
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::VenueCountry).prefix),
              std::vector<std::string>{"XV:KZ"});
}

TEST_F(DocumentBuilderTest, NoVenueCountryGivesNoVenueTerm)
{
    Note note = astana_note();
    note.venue = Venue{};
    note.venue.online = true;
    Xapian::Document doc = build(note);
    EXPECT_TRUE(terms_with_prefix(doc, field(FieldId::VenueCountry).prefix).empty());
    EXPECT_TRUE(terms_with_prefix(doc, field(FieldId::City).prefix).empty());
    EXPECT_TERM(doc, "XC:KZ");  // as a participant
}

TEST_F(DocumentBuilderTest, BodyOnlyCountryNameGivesNoCountryTerm)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "brazil");                                // the word is searchable ...
    EXPECT_NO_TERM(doc, filter_term(FieldId::Country, "BR"));  // ... but Brazil did not attend
    EXPECT_NO_TERM(doc, filter_term(FieldId::VenueCountry, "BR"));
}

TEST_F(DocumentBuilderTest, CityWordsHaveTheirOwnPrefix)
{
    Xapian::Document doc = build(astana_note());
    const std::string t(field(FieldId::City).prefix);
    EXPECT_TERM(doc, t + "astana");
    EXPECT_TERM(doc, "Z" + t + "astana");
}

// --- organizations -------------------------------------------------------

TEST_F(DocumentBuilderTest, OrganizationTermsForAcronymAndFoldedName)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_TERM(doc, "XO:OSCE");
    EXPECT_TERM(doc,
                filter_term(FieldId::Org, "organization for security and cooperation in europe"));
    // No acronym: the folded name alone (diacritics and case removed).
    EXPECT_TERM(doc, filter_term(FieldId::Org, "ministere des affaires etrangeres"));
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Org).prefix).size(), 3u);
}

TEST_F(DocumentBuilderTest, OrganizationTermsAgainUnderTheirRole)
{
    Note n = astana_note();
    n.organizations[0].organizer = true;  // OSCE organized; the ministry took part
    Xapian::Document doc = build(n);
    EXPECT_EQ(filter_term(FieldId::OrgOrganizer, "OSCE"), "XR:OSCE");
    EXPECT_EQ(filter_term(FieldId::OrgParticipant, "OSCE"), "XP:OSCE");
    EXPECT_TERM(doc, "XR:OSCE");
    EXPECT_TERM(doc, filter_term(FieldId::OrgOrganizer,
                                 "organization for security and cooperation in europe"));
    EXPECT_TERM(doc, filter_term(FieldId::OrgParticipant, "ministere des affaires etrangeres"));
    EXPECT_NO_TERM(doc, "XP:OSCE");
    EXPECT_NO_TERM(doc, filter_term(FieldId::OrgOrganizer, "ministere des affaires etrangeres"));
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::OrgOrganizer).prefix).size(), 2u);
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::OrgParticipant).prefix).size(), 1u);
}

// --- dates ---------------------------------------------------------------

TEST_F(DocumentBuilderTest, DatesInValueSlotsAsYYYYMMDD)
{
    Xapian::Document doc = build(astana_note());
    EXPECT_EQ(doc.get_value(kStartDateSlot), "20140311");
    EXPECT_EQ(doc.get_value(kEndDateSlot), "20140312");
    EXPECT_TERM(doc, "XY2014");
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Year).prefix),
              std::vector<std::string>{"XY2014"});
}

TEST_F(DocumentBuilderTest, YearTermForEachYearOfARangeAcrossNewYear)
{
    Note note = astana_note();
    note.start_date = day(2015, 12, 31);
    note.end_date = day(2016, 1, 2);
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, filter_term(FieldId::Year, "2015"));
    EXPECT_TERM(doc, filter_term(FieldId::Year, "2016"));
    EXPECT_NO_TERM(doc, filter_term(FieldId::Year, "2014"));
    EXPECT_NO_TERM(doc, filter_term(FieldId::Year, "2017"));
    EXPECT_EQ(doc.get_value(kStartDateSlot), "20151231");
    EXPECT_EQ(doc.get_value(kEndDateSlot), "20160102");
}

TEST_F(DocumentBuilderTest, SingleDayEndsTheDayItStarts)
{
    Note note = astana_note();
    note.start_date = day(2018, 6, 5);
    note.end_date.reset();
    Xapian::Document doc = build(note);
    EXPECT_EQ(doc.get_value(kStartDateSlot), "20180605");
    EXPECT_EQ(doc.get_value(kEndDateSlot), "20180605");
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Year).prefix),
              std::vector<std::string>{"XY2018"});
}

TEST_F(DocumentBuilderTest, UndatedNoteHasNoYearTermsOrDateValues)
{
    Note note = astana_note();
    note.start_date.reset();
    note.end_date.reset();
    Xapian::Document doc = build(note);
    EXPECT_TRUE(terms_with_prefix(doc, field(FieldId::Year).prefix).empty());
    EXPECT_EQ(doc.get_value(kStartDateSlot), "");
    EXPECT_EQ(doc.get_value(kEndDateSlot), "");
}

// --- stored data ---------------------------------------------------------

TEST_F(DocumentBuilderTest, DataIsSummaryJson)
{
    Note note = astana_note();
    nlohmann::json data = nlohmann::json::parse(build(note).get_data());
    EXPECT_EQ(data["id"], note.id);
    EXPECT_EQ(data["path"], "samples/astana-2014.txt");
    EXPECT_EQ(data["title"], "Regional Workshops on Non-Proliferation");
    EXPECT_EQ(data["start_date"], "2014-03-11");
    EXPECT_EQ(data["end_date"], "2014-03-12");
    EXPECT_EQ(data["venue"]["city"], "Astana");
    EXPECT_EQ(data["venue"]["country"], "KZ");
    ASSERT_EQ(data["organizations"].size(), 2u);
    EXPECT_EQ(data["organizations"][0]["acronym"], "OSCE");
    EXPECT_TRUE(data["organizations"][1]["acronym"].is_null());
}

TEST_F(DocumentBuilderTest, DataCountriesGiveHostThatIsListedBothRoles)
{
    nlohmann::json countries = nlohmann::json::parse(build(astana_note()).get_data())["countries"];
    ASSERT_EQ(countries.size(), 3u);
    EXPECT_EQ(countries[0]["code"], "KZ");
    EXPECT_EQ(countries[0]["name"], "Kazakhstan");
    EXPECT_EQ(countries[0]["roles"], nlohmann::json({"host", "participant"}));
    EXPECT_EQ(countries[1]["code"], "KG");
    EXPECT_EQ(countries[1]["roles"], nlohmann::json({"participant"}));
    EXPECT_EQ(countries[2]["code"], "IR");
    EXPECT_EQ(countries[2]["name"], "Islamic Republic of Iran");
}

// --- document kind, invited States, evidence -----------------------------

TEST_F(DocumentBuilderTest, KindHasATermAndAFacetSlot)
{
    Note note = astana_note();
    note.kind = DocumentKind::PressRelease;
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, "XKpress-release");
    EXPECT_EQ(terms_with_prefix(doc, field(FieldId::Kind).prefix).size(), 1u);
    EXPECT_EQ(doc.get_value(kKindSlot), "press-release");
    EXPECT_EQ(nlohmann::json::parse(doc.get_data())["kind"], "press-release");
}

TEST_F(DocumentBuilderTest, InvitedStateIsNotCountedAsAttending)
{
    Note note = astana_note();
    ParticipantState invited;
    invited.code = "MN";
    invited.written = "Mongolia";
    invited.role = StateRole::Invited;
    note.states.push_back(invited);
    Xapian::Document doc = build(note);
    EXPECT_TERM(doc, "XI:MN");
    EXPECT_NO_TERM(doc, "XC:MN");
    EXPECT_NO_TERM(doc, "XI:KG");
    EXPECT_EQ(doc.get_value(kCountriesSlot).find("MN"), std::string::npos);
    EXPECT_EQ(doc.get_value(kListingSlot).find("MN"), std::string::npos);
    nlohmann::json countries = nlohmann::json::parse(doc.get_data())["countries"];
    ASSERT_EQ(countries.size(), 4u);
    EXPECT_EQ(countries[3]["code"], "MN");
    EXPECT_EQ(countries[3]["roles"], nlohmann::json({"invited"}));
}

TEST_F(DocumentBuilderTest, EvidenceIsStoredForShowButNotInTheListingData)
{
    Note note = astana_note();
    note.states[1].evidence = {EvidenceSource::Header, 7, "States: Kazakhstan, Kyrgyzstan"};
    note.dates_evidence = Evidence{EvidenceSource::Prose, 3, "held on 11 and 12 March 2014"};
    Xapian::Document doc = build(note);
    EXPECT_EQ(doc.get_data().find("evidence"), std::string::npos);
    std::optional<std::string> packed = unpack_text(doc.get_value(kEvidenceSlot));
    ASSERT_TRUE(packed);
    nlohmann::json shown = nlohmann::json::parse(*packed);
    EXPECT_EQ(shown["countries"][1]["evidence"],
              nlohmann::json({{"source", "header"}, {"line", 7},
                              {"text", "States: Kazakhstan, Kyrgyzstan"}}));
    EXPECT_EQ(shown["dates"]["evidence"]["source"], "prose");
    EXPECT_EQ(shown["dates"]["evidence"]["line"], 3);
    EXPECT_TRUE(shown["venue"]["evidence"].is_null());
}

TEST_F(DocumentBuilderTest, DataCountriesGiveHostNotListedHostRoleOnly)
{
    Note note = astana_note();
    note.venue.country = "JO";
    nlohmann::json countries = nlohmann::json::parse(build(note).get_data())["countries"];
    ASSERT_EQ(countries.size(), 4u);
    EXPECT_EQ(countries[0]["roles"], nlohmann::json({"participant"}));  // KZ, no longer host
    EXPECT_EQ(countries[3]["code"], "JO");
    EXPECT_EQ(countries[3]["roles"], nlohmann::json({"host"}));
}

// --- from note text, through the parser ----------------------------------

constexpr std::string_view kSmallNote =
    "Information Note\n"
    "\n"
    "Event: Workshop on Nuclear Security\n"
    "Organizers: United Nations Office for Disarmament Affairs (UNODA)\n"
    "Date and Venue: 31 December 2015 - 2 January 2016, Astana, Kazakhstan\n"
    "Participants:\n"
    "States: Kyrgyzstan, Islamic Republic of Iran\n"
    "International organizations: Organization for Security and Cooperation in Europe (OSCE)\n"
    "\n"
    "1. Background\n"
    "\n"
    "A delegation from Brazil described its export controls.\n";

TEST_F(DocumentBuilderTest, ParsedNoteGetsCountryYearAndOrgTerms)
{
    ParseResult parsed = parse_note(kSmallNote, "small.txt", default_gazetteer());
    parsed.note.id = note_id("small.txt");
    Xapian::Document doc = build(parsed.note);

    EXPECT_TERM(doc, "XC:KZ");  // host, not listed
    EXPECT_TERM(doc, filter_term(FieldId::Country, "KG"));
    EXPECT_TERM(doc, filter_term(FieldId::Country, "IR"));
    EXPECT_TERM(doc, filter_term(FieldId::VenueCountry, "KZ"));
    EXPECT_NO_TERM(doc, filter_term(FieldId::VenueCountry, "KG"));
    EXPECT_NO_TERM(doc, filter_term(FieldId::Country, "BR"));  // body only
    EXPECT_TERM(doc, "brazil");
    EXPECT_TERM(doc, "XY2015");
    EXPECT_TERM(doc, "XY2016");
    EXPECT_EQ(doc.get_value(kStartDateSlot), "20151231");
    EXPECT_EQ(doc.get_value(kEndDateSlot), "20160102");
    EXPECT_TERM(doc, "XO:OSCE");
    EXPECT_TERM(doc, "Sworkshop");
    EXPECT_TERM(doc, "Zworkshop");
    EXPECT_TERM(doc, "Q" + parsed.note.id);

    nlohmann::json countries = nlohmann::json::parse(doc.get_data())["countries"];
    ASSERT_EQ(countries.size(), 3u);
    EXPECT_EQ(countries[2]["code"], "KZ");
    EXPECT_EQ(countries[2]["roles"], nlohmann::json({"host"}));
}

}  // namespace
}  // namespace infonote
