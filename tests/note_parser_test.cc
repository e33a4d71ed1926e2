#include "note_parser.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace infonote {
namespace {

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

ParseResult parse(std::string_view text, std::string_view source = "test.txt")
{
    return parse_note(text, source, default_gazetteer());
}

std::vector<std::string> state_codes(const Note& note)
{
    std::vector<std::string> codes;
    for (const ParticipantState& s : note.states) codes.push_back(s.code);
    return codes;
}

std::vector<std::string> messages(const ParseResult& r)
{
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics) out.push_back(format_diagnostic("test.txt", d));
    return out;
}

// The 28 participating States of the Astana workshop of March 2014, in the
// order the note lists them.
const std::vector<std::string> kAstanaStates{
    "KZ", "KG", "TJ", "TM",                                      // Central Asia States
    "AM", "AZ", "KH", "EG", "FR", "GE", "IN", "ID", "IQ", "IR",  // Other States
    "IL", "JP", "JO", "MN", "PK", "CN", "QA", "KR", "RU", "UA", "AE", "GB", "US", "PS"};  // Other

// Both the published seed note and the corpus note restating its facts
// must give the same Note.
void expect_astana_facts(const ParseResult& r)
{
    const Note& n = r.note;
    EXPECT_EQ(
        n.title,
        "Workshop for Countries of Central Asia - The Contribution of UNSC Resolution 1540 "
        "(2004) to Regional and Global Disarmament and Non-Proliferation -10th Anniversary of "
        "UNSCR 1540 (2004)");
    ASSERT_TRUE(n.start_date && n.end_date);
    EXPECT_EQ(n.start_date->iso(), "2014-03-11");
    EXPECT_EQ(n.end_date->iso(), "2014-03-12");
    EXPECT_EQ(n.venue.city, std::optional<std::string>("Astana"));
    EXPECT_EQ(n.venue.country, std::optional<std::string>("KZ"));
    EXPECT_FALSE(n.venue.online);

    EXPECT_EQ(state_codes(n), kAstanaStates);
    for (std::size_t i = 0; i < n.states.size(); ++i) {
        const std::string& group = n.states[i].group;
        SCOPED_TRACE(n.states[i].code);
        if (i < 4)
            EXPECT_EQ(group, "Central Asia States");
        else if (i < 27)
            EXPECT_EQ(group, "Other States");
        else
            EXPECT_EQ(group, "Other");
    }
    EXPECT_EQ(n.states[13].written, "Islamic Republic of Iran");
    EXPECT_EQ(n.states[19].written, "People's Republic of China");

    ASSERT_EQ(n.organizers.size(), 2u);
    EXPECT_EQ(n.organizers[0], "Government of the Republic of Kazakhstan");
    EXPECT_EQ(n.organizers[1], "United Nations Office for Disarmament Affairs (UNODA)");

    struct Org {
        const char* acronym;
        const char* name;
    };
    const Org participants[] = {
        {"CIS", "Commonwealth of Independent States"},
        {"EU", "European Union"},
        {"OPCW", "Organization for the Prohibition of Chemical Weapons"},
        {"OSCE", "Organization for Security and Cooperation in Europe"},
        {"UNODC", "United Nations Office for Drugs and Crime"},
    };
    std::vector<const Organization*> listed;
    for (const Organization& o : n.organizations)
        if (!o.organizer) listed.push_back(&o);
    ASSERT_EQ(listed.size(), std::size(participants));
    for (std::size_t i = 0; i < listed.size(); ++i) {
        SCOPED_TRACE(participants[i].acronym);
        EXPECT_EQ(listed[i]->acronym, std::optional<std::string>(participants[i].acronym));
        EXPECT_EQ(listed[i]->name, participants[i].name);
        EXPECT_EQ(listed[i]->group, "International organizations");
        EXPECT_EQ(listed[i]->kind, OrgKind::International);
    }
    EXPECT_EQ(n.committee,
              std::optional<std::string>("one member of the Committee and one expert"));

    ASSERT_EQ(n.sections.size(), 4u);
    EXPECT_EQ(n.sections[0].heading, "Background");
    EXPECT_EQ(n.sections[1].heading, "Highlights of the Discussions");
    EXPECT_EQ(n.sections[3].heading, "Additional comments");
    EXPECT_NE(n.sections[0].text.find("anniversary"), std::string::npos);
    EXPECT_TRUE(r.diagnostics.empty()) << messages(r).front();
}

TEST(NoteParser, ReadsThePublishedSeedNote)
{
    std::filesystem::path seed =
        std::filesystem::path(INFONOTE_SHARED_SEEDS_DIR) / "000_f5327874c7e19da4.txt";
    if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no shared seeds folder at " << seed;
    expect_astana_facts(parse(read_file(seed)));
}

TEST(NoteParser, ReadsTheCorpusNoteWithTheSeedsFacts)
{
    std::filesystem::path note =
        std::filesystem::path(INFONOTE_SOURCE_DIR) / "corpus/astana-2014-central-asia-workshop.txt";
    ParseResult r = parse(read_file(note), "astana.txt");
    EXPECT_EQ(r.note.source, "astana.txt");
    expect_astana_facts(r);
}

TEST(NoteParser, NeverTakesBodyCountriesAsParticipants)
{
    ParseResult r = parse(
        "Event: Regional workshop\n"
        "Date and Venue: 5 June 2018, Abidjan, Côte d'Ivoire\n"
        "Participants: States: Ghana, Togo\n"
        "\n"
        "1. Background\n"
        "An earlier meeting in Dushanbe, Tajikistan, and one in Nairobi, Kenya, prepared it.\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"GH", "TG"}));
    EXPECT_EQ(r.note.venue.country, std::optional<std::string>("CI"));
}

TEST(NoteParser, ReadsAHeaderFlattenedIntoOneParagraph)
{
    ParseResult r = parse(
        "Information Note Event: Peer review of export controls Organizers: UNODA and OSCE "
        "Date and venue: 18–20 September 2019, Chisinau, Republic of Moldova Participants: "
        "States: Romania, Ukraine, United States Other: Holy See International organizations: "
        "European Union (EU) 1540 Committee: two experts\n\n1. Background\nText.\n");
    EXPECT_EQ(r.note.title, "Peer review of export controls");
    ASSERT_TRUE(r.note.start_date);
    EXPECT_EQ(r.note.start_date->iso(), "2019-09-18");
    EXPECT_EQ(r.note.end_date->iso(), "2019-09-20");
    EXPECT_EQ(r.note.venue.city, std::optional<std::string>("Chisinau"));
    EXPECT_EQ(r.note.venue.country, std::optional<std::string>("MD"));
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"RO", "UA", "US", "VA"}));
    ASSERT_EQ(r.note.organizers.size(), 2u);
    EXPECT_EQ(r.note.organizers[1], "OSCE");
    EXPECT_EQ(r.note.committee, std::optional<std::string>("two experts"));
}

TEST(NoteParser, ReportsWhatItCannotReadWithLineNumbers)
{
    ParseResult r = parse(
        "Event: Roundtable\n"
        "Date and Venue: 11-12 March, Astana, Kazakhstan\n"
        "Participants: States: Kazakhstan, Atlantis\n");
    EXPECT_EQ(messages(r),
              (std::vector<std::string>{
                  "test.txt:2: warning: date '11-12 March' has no year in 'Date and Venue'",
                  "test.txt:3: warning: 'Atlantis' under 'States' is not a known country",
              }));
    EXPECT_FALSE(r.note.start_date);
    EXPECT_EQ(r.note.venue.country, std::optional<std::string>("KZ"));
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"KZ"}));
}

TEST(NoteParser, IndexesANoteWithoutHeaderAsText)
{
    ParseResult r = parse("Some minutes\n\nNothing here looks like a note header.\n");
    EXPECT_EQ(messages(r),
              (std::vector<std::string>{
                  "test.txt: warning: no note header found (no 'Event', 'Date and Venue' or "
                  "'Participants' label); indexing the text only"}));
    EXPECT_EQ(r.note.title, "Some minutes");
    EXPECT_TRUE(r.note.states.empty());
    EXPECT_NE(r.note.text.find("Nothing here"), std::string::npos);
}

TEST(NoteParser, ReadsSeparateDateAndVenueLabelsAndOnlineMeetings)
{
    ParseResult r = parse(
        "Title: Webinar on biosecurity\r\n"
        "Organised by: UNODA\r\n"
        "Date: 30 November - 1 December 2015\r\n"
        "Venue: Virtual meeting\r\n"
        "Participants: States: Chile and Peru.\r\n");
    EXPECT_EQ(r.note.title, "Webinar on biosecurity");
    EXPECT_EQ(r.note.start_date->iso(), "2015-11-30");
    EXPECT_EQ(r.note.end_date->iso(), "2015-12-01");
    EXPECT_TRUE(r.note.venue.online);
    EXPECT_FALSE(r.note.venue.country);
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"CL", "PE"}));
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(NoteParser, KeepsIndustryAndAcademiaApartFromStates)
{
    ParseResult r = parse(
        "Event: Industry conference\n"
        "Date and Venue: 2014-03-11, Wiesbaden, Germany\n"
        "Participants:\n"
        "States: Germany, Sweden\n"
        "Industry: Ericsson AB Sweden, Indian Chemical Council\n"
        "Non-Governmental Organizations and Academia: University of Georgia (USA)\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"DE", "SE"}));
    ASSERT_EQ(r.note.organizations.size(), 3u);
    EXPECT_EQ(r.note.organizations[0].kind, OrgKind::Industry);
    EXPECT_EQ(r.note.organizations[0].name, "Ericsson AB Sweden");
    EXPECT_EQ(r.note.organizations[2].kind, OrgKind::Civil);
    EXPECT_EQ(r.note.organizations[2].name, "University of Georgia (USA)");
}

TEST(NoteParser, NeverThrowsOnGarbage)
{
    const std::string inputs[] = {"",
                                  ":",
                                  "Participants:",
                                  "Event:",
                                  "Date and Venue: 99/99/9999",
                                  std::string(1000, ':'),
                                  "Participants: States: , , and and ,",
                                  "\xFF\xFE\x00\x01 Event: \xC3",
                                  "Participants: A: B: C: D:\n\n\n:E",
                                  "1. Background"};
    for (const std::string& in : inputs) {
        SCOPED_TRACE(in);
        EXPECT_NO_THROW(parse(in));
    }
}

}  // namespace
}  // namespace infonote
