#include "note_parser.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "header_layout.h"
#include "organization_names.h"
#include "participant_groups.h"
#include "venue_parser.h"

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
        const char* name;     // canonical
        const char* written;  // as in the note
    };
    const Org participants[] = {
        {"CIS", "Commonwealth of Independent States", "Commonwealth of Independent States (CIS)"},
        {"EU", "European Union", "European Union (EU)"},
        {"OPCW", "Organization for the Prohibition of Chemical Weapons",
         "Organization for the Prohibition of Chemical Weapons (OPCW)"},
        {"OSCE", "Organization for Security and Cooperation in Europe",
         "Organization for Security and Cooperation in Europe (OSCE)"},
        // The note misnames UNODC; the gazetteer gives its real name.
        {"UNODC", "United Nations Office on Drugs and Crime",
         "United Nations Office for Drugs and Crime (UNODC)"},
    };
    std::vector<const Organization*> listed;
    for (const Organization& o : n.organizations)
        if (!o.organizer) listed.push_back(&o);
    ASSERT_EQ(listed.size(), std::size(participants));
    for (std::size_t i = 0; i < listed.size(); ++i) {
        SCOPED_TRACE(participants[i].acronym);
        EXPECT_EQ(listed[i]->acronym, std::optional<std::string>(participants[i].acronym));
        EXPECT_EQ(listed[i]->name, participants[i].name);
        EXPECT_EQ(listed[i]->written, participants[i].written);
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

// The longest country names (nine words in Spanish) still end a list when
// the next group's heading follows on the same line.
TEST(NoteParser, EndsAListOnItsLongestCountryNameBeforeAHeading)
{
    const std::string_view names[] = {"Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
                                      "Reino Unido de Gran Bretaña e Irlanda del Norte",
                                      "United Kingdom of Great Britain and Northern Ireland"};
    for (std::string_view name : names) {
        for (std::string_view gap : {" ", "\n"}) {
            std::string text =
                "Event: Workshop\nDate and venue: 8 March 2016, Lima, Peru\n"
                "Participants: States: Chile, " +
                std::string(name) + std::string(gap) +
                "Other States: Mali International organizations: IAEA\n\nText.\n";
            ParseResult r = parse(text);
            EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"CL", "GB", "ML"})) << text;
            EXPECT_TRUE(r.diagnostics.empty()) << text;
        }
    }
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
                  "test.txt: warning: no note header and no event found; indexing the text only"}));
    EXPECT_EQ(r.note.kind, DocumentKind::Other);
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

TEST(NoteParser, ReadsEveryLabelSpelling)
{
    struct LabelCase {
        const char* header;
    };
    const LabelCase cases[] = {
        {"Event: T\nOrganizers: UNODA\nDate and Venue: 5 June 2018, Accra, Ghana\n"},
        {"Title: T\nOrganisers: UNODA\nDate and venue: 5 June 2018, Accra, Ghana\n"},
        {"Title: T\nOrganizer: UNODA\nVenue and Date: Accra, Ghana, 5 June 2018\n"},
        {"Event: T\nOrganized by: UNODA\nDate: 5 June 2018\nVenue: Accra, Ghana\n"},
        {"- Event:** T\n- Organizers:** UNODA\n- Date and Venue:** 5 June 2018, Accra, Ghana\n"},
        {"**Event:** T\n\n**Organised by:** UNODA\n\n**Date and Venue:** 5 June 2018, Accra, "
         "Ghana\n"},
        {"EVENT: T\nORGANIZERS: UNODA\nDATE AND VENUE: 5 June 2018, Accra, Ghana\n"},
        {"Information Note Event: T Organizers: UNODA Date and Venue: 5 June 2018, Accra, Ghana\n"},
        {"Événement : T\nOrganisateurs : UNODA\nDate et lieu : 5 juin 2018, Accra, Ghana\n"},
        {"Evento: T\nOrganizado por: UNODA\nFecha y lugar: 5 de junio de 2018, Accra, Ghana\n"},
        // Numbered labels, with or without a colon, the value on the same
        // line or the next; a table's label column flattened into lines.
        {"1. Event\nT\n\n2. Organizers\nUNODA\n\n3. Date and Venue\n5 June 2018, Accra, Ghana\n\n"},
        {"1. Event: T\n2. Organizers: UNODA\n3. Date and Venue: 5 June 2018, Accra, Ghana\n"},
        {"I. Event\nT\nII. Organizers\nUNODA\nIII. Date and Venue\n5 June 2018, Accra, Ghana\n"},
        {"Event\nT\nOrganizers\nUNODA\nDate and Venue\n5 June 2018\nAccra, Ghana\n"},
        {"Event:\n\nT\n\nOrganizers:\n\nUNODA\n\nDate and Venue:\n\n5 June 2018, Accra, Ghana\n\n"},
        // A dash for the colon.
        {"Event \xE2\x80\x94 T\nOrganizers -- UNODA\nDate and Venue \xE2\x80\x93 5 June 2018, Accra, "
         "Ghana\n"},
        {"1) Evento: T\n2) Organizador(es): UNODA\n3) Fecha y lugar: 5 de junio de 2018, Accra, "
         "Ghana\n"},
        {"\xC3\x89v\xC3\xA9nement -- T\nOrganisateur(s) -- UNODA\nDate et lieu -- 5 juin 2018, Accra, "
         "Ghana\n"},
        // A table's columns: a tab, spaces, or Markdown bars for the colon.
        {"Event\tT\nOrganizers\tUNODA\nDate and Venue\t5 June 2018, Accra, Ghana\n"},
        {"Event           T\nOrganizers      UNODA\nDate and Venue  5 June 2018, Accra, Ghana\n"},
        {"| Event | T |\n| Organizers | UNODA |\n| Date and Venue | 5 June 2018, Accra, Ghana |\n"},
        // Other hands' spellings.
        {"Name of event: T\nHosted by: UNODA\nDate & Venue: 5 June 2018, Accra, Ghana\n"},
        {"Event title: T\nConvened by: UNODA\nDates: 5 June 2018\nLocation: Accra, Ghana\n"},
        {"Information Note\nTitle of the event: T\nOrganizers: UNODA\nDate/Venue: 5 June 2018, Accra, "
         "Ghana\n"},
        // A dash between the date and the place.
        {"Event: T\nOrganizers: UNODA\nDate and Venue: 5 June 2018 \xE2\x80\x93 Accra (Ghana)\n"},
        // A column of plain questions without colons; capitals with the
        // value below.
        {"Title        T\nConvened by  UNODA\nWhen         5 June 2018\nWhere        Accra, Ghana\n"},
        {"EVENT\nT\n\nORGANISED BY\nUNODA\n\nDATES\n5 June 2018\n\nVENUE\nAccra, Ghana\n\n"},
        // A row of labels over a row of values, each in its label's column:
        // Markdown, bars between cells only, columns aligned with spaces
        // (counted in characters) whose values wrap onto the next line.
        {"| Event | Organizers | Date and Venue |\n|---|---|---|\n| T | UNODA | 5 June 2018, Accra, "
         "Ghana |\n"},
        {"\xC3\x89v\xC3\xA9nement | Organisateurs | Date et lieu\nT | UNODA | 5 juin 2018, Accra, "
         "Ghana\n"},
        {"T\xC3\xADtulo   Anfitri\xC3\xB3n   Fechas                Lugar\n"
         "T        UNODA       5 de junio de 2018    Accra,\n"
         "                                           Ghana\n"},
        // Bullets whose label takes a dash for its colon.
        {"\xE2\x80\xA2 Event - T\n- Organizer - UNODA\n\xE2\x80\xA2 Dates \xE2\x80\x93 5 June 2018\n"
         "\xE2\x80\xA2 Venue - Accra, Ghana\n"},
        {"\xE2\x80\xA2 \xC3\x89v\xC3\xA9nement - T\n\xE2\x80\xA2 Organisateur - UNODA\n"
         "\xE2\x80\xA2 Dates - 5 juin 2018\n\xE2\x80\xA2 Lieu \xE2\x80\x93 Accra, Ghana\n"},
        {"\xE2\x80\xA2 Evento \xE2\x80\x93 T\n\xE2\x80\xA2 Organizador \xE2\x80\x93 UNODA\n"
         "\xE2\x80\xA2 Fechas \xE2\x80\x93 5 de junio de 2018\n\xE2\x80\xA2 Lugar \xE2\x80\x93 Accra, Ghana\n"},
    };
    for (const LabelCase& c : cases) {
        SCOPED_TRACE(c.header);
        ParseResult r = parse(std::string(c.header) + "Participants: States: Ghana\n");
        EXPECT_EQ(r.note.title, "T");
        ASSERT_EQ(r.note.organizers.size(), 1u);
        EXPECT_EQ(r.note.organizers[0], "UNODA");
        ASSERT_TRUE(r.note.start_date);
        EXPECT_EQ(r.note.start_date->iso(), "2018-06-05");
        EXPECT_EQ(r.note.venue.city, std::optional<std::string>("Accra"));
        EXPECT_EQ(r.note.venue.country, std::optional<std::string>("GH"));
        EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"GH"}));
        EXPECT_TRUE(r.diagnostics.empty()) << messages(r).front();
    }
}

TEST(NoteParser, ReadsParticipantGroupsAfterADashOrOnePerLine)
{
    struct Case {
        const char* participants;
        std::vector<std::string> states;
    };
    const Case cases[] = {
        // "Participants -- États :": the group heading after a dash, the
        // label repeated for each group.
        {"Participants -- \xC3\x89tats : B\xC3\xA9nin, Togo\n"
         "Participants -- Organisations internationales : AIEA\n",
         {"BJ", "TG"}},
        {"Participants \xE2\x80\x94 States: Benin, Togo\n", {"BJ", "TG"}},
        // One name a line under a heading, and the label alone on its line
        // with the list below; "the" and capitals.
        {"Participants\nParticipating States:\nBenin\nTOGO\nthe Niger\nInternational "
         "organizations:\nIAEA\n",
         {"BJ", "TG", "NE"}},
        {"4. Participants\nBenin, Togo and the Niger\n", {"BJ", "TG", "NE"}},
        // A heading of States as the label itself.
        {"Participating countries: Benin, Togo and the Niger\n", {"BJ", "TG", "NE"}},
        {"Participants\tBenin, Togo\n", {"BJ", "TG"}},
        {"Attendees:\n- Benin\n- Togo\n", {"BJ", "TG"}},
        // A numbered list: its numbers open no section.
        {"Participants:\n1. Benin\n2. Togo\n3. C\xC3\xB4te d'Ivoire\n", {"BJ", "TG", "CI"}},
        {"Participants:\n(a) States: Benin, Togo\n(b) International organizations: IAEA\n",
         {"BJ", "TG"}},
        // A group heading with a dash for its colon.
        {"Participants:\nStates \xE2\x80\x93 Benin, Togo\nInternational organizations \xE2\x80\x93 "
         "IAEA\n",
         {"BJ", "TG"}},
        {"Participants: representatives of the following States \xE2\x80\x94 Benin, Togo.\n",
         {"BJ", "TG"}},
        {"Participants: States - Benin, Togo; International organisations - IAEA\n", {"BJ", "TG"}},
        // No Participants label: the groups stand on their own lines.
        {"Participants (\xC3\x89tats) : B\xC3\xA9nin, Togo\nParticipants (organisations "
         "internationales) : AIEA\n",
         {"BJ", "TG"}},
        {"Participating State(s): Benin and Togo\nInternational Organization(s): IAEA\n",
         {"BJ", "TG"}},
        {"International organizations: IAEA\nEstado(s) participante(s): Benin, Togo\n", {"BJ", "TG"}},
        // A count, then the list in parentheses.
        {"Participants: 40 participants from 2 States (Benin and Togo) and 1 organization "
         "(IAEA)\n",
         {"BJ", "TG"}},
        {"Participants: States \xE2\x80\x93 2 (Benin, Togo)\n", {"BJ", "TG"}},
        // A table flattened from a PDF or a word processor: only its State
        // column counts, not a State an institution names; rules, a
        // number column, rows wrapped onto a second line, a remark after
        // the label.
        {"Who took part (see table)\n\n No. | State   | Institution\n ----+---------+-----------\n"
         "  1  | Benin   | Embassy of Ghana\n     |         | (liaison)\n  2  | Togo    | Customs\n"
         " ----+---------+-----------\nInternational organizations: IAEA\n",
         {"BJ", "TG"}},
        {"Participants: see the table below\n\nInstitution\tCountry\nMinistry of Defence of "
         "Ghana\tBenin\n\tNiger\nCustoms\tTogo\n",
         {"BJ", "NE", "TG"}},
        {"Participants\n| Pays | Institution |\n|---|---|\n| B\xC3\xA9nin | Douanes |\n| Togo | "
         "Minist\xC3\xA8re de la D\xC3\xA9" "fense\n",
         {"BJ", "TG"}},
        {"Participantes:\nN.\xC2\xBA  Delegaci\xC3\xB3n   Instituci\xC3\xB3n\n1     Benin        "
         "Aduanas\n2     Togo         Ministerio de Ghana\n                   y Comercio\n",
         {"BJ", "TG"}},
        // Aligned by hand: a long name runs into the next column, its
        // agency below; runs of tabs.
        {"Participating States\nNo.  Country      Agency\n1    Lao People's Democratic Republic\n"
         "                  Customs\n2    Togo         Police of Ghana\n",
         {"LA", "TG"}},
        {"Participants\nState\t\tInstitution\nBenin\t\tCustoms\nTogo\t\tPolice of Ghana\n",
         {"BJ", "TG"}},
        // Bullets one a line under group headings without colons; a
        // heading of States that did not come.
        {"PARTICIPATING DELEGATIONS\nWest African States\n \xE2\x80\xA2 Benin\n \xE2\x80\xA2 "
         "Togo\nPartner States\n \xE2\x96\xAA Niger\nOrganizations\n \xC2\xB7 IAEA\n"
         "Invited, did not attend\n \xE2\x97\xA6 Mali\n",
         {"BJ", "TG", "NE", "ML"}},
        {"PARTICIPANTS\n\xE2\x80\x93 Benin\n- Togo\n* the Niger\n", {"BJ", "TG", "NE"}},
        // Other labels: "Asistentes", "Ont participé", and a dash after
        // a bulleted one.
        {"Asistentes:\nBenin\nTogo\n", {"BJ", "TG"}},
        {"Asistentes\nEstados: Benin, Togo\n", {"BJ", "TG"}},
        {"Ont particip\xC3\xA9 : B\xC3\xA9nin, Togo\n", {"BJ", "TG"}},
        {"\xE2\x80\xA2 Participants - Benin, Togo, the Niger\n", {"BJ", "TG", "NE"}},
        // A group written as prose, opened by a State's adjective and its
        // people; not by any other adjective.
        {"Participants:\nBeninese officials from the ministries of foreign affairs, defence and "
         "trade\nFonctionnaires togolais des minist\xC3\xA8res de la sant\xC3\xA9 et du commerce\n"
         "Funcionarios dominicanos de aduanas y salud\n",
         {"BJ", "TG", "DO"}},
        {"Participants:\nSenior officials from the ministries of defence and trade\nStates: Benin\n",
         {"BJ"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.participants);
        ParseResult r = parse(std::string("Event: T\nDate and Venue: 5 June 2018, Lom\xC3\xA9, Togo\n") +
                              c.participants + "\n1. Background\n\nGhana could not attend.\n");
        EXPECT_EQ(state_codes(r.note), c.states);
        EXPECT_EQ(r.note.venue.country, std::optional<std::string>("TG"));
    }
}

TEST(NoteParser, KeepsOnlyATablesStateColumnAndItsHeadingsColons)
{
    const std::string header =
        "Participants\n No. | State  | Institution\n ----+--------+--------------\n"
        "  1  | Benin  | Embassy of Ghana\n  2  | Togo   | Customs\n\nOther States\n"
        " \xE2\x80\xA2 Niger\n \xE2\x80\xA2 Mali\n";
    std::string out = unflatten_layout(header, default_gazetteer());
    ASSERT_EQ(out.size(), header.size());
    EXPECT_EQ(out,
              "Participants\n                           \n States:                     \n"
              "       Benin                    \n       Togo            \n\nOther States:"
              "     Niger\n ,   Mali\n");

    // No State column, or no country in it, or no Participants above: the
    // table is left alone.
    for (const char* untouched :
         {"Participants\n| Name | Institution |\n| Ann Lee | Customs |\n",
          "Participants\n| State | Institution |\n| pending | Customs |\n",
          "Related events\n| Date | Country |\n| 5 May | Ghana |\n"}) {
        SCOPED_TRACE(untouched);
        EXPECT_EQ(unflatten_layout(untouched, default_gazetteer()), untouched);
    }

    // Who did not come stays out of the participants.
    ParseResult r = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 5 June 2018, Lom\xC3\xA9, Togo\n"
        "Participants\nStates\n \xE2\x80\xA2 Togo\nInvited, did not attend\n \xE2\x80\xA2 Mali\n");
    ASSERT_EQ(r.note.states.size(), 2u);
    EXPECT_EQ(r.note.states[0].role, StateRole::Participant);
    EXPECT_EQ(r.note.states[1].role, StateRole::Invited);
    EXPECT_TRUE(r.diagnostics.empty()) << messages(r).front();
}

TEST(NoteParser, ASentenceUnderParticipantsSaysWhoWasInvited)
{
    // "Afghanistan (...) had been invited but ...": an invited State, no
    // warning; a sentence that names no invitation is still warned about.
    ParseResult r = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 14-16 May 2019, Almaty, Kazakhstan\n"
        "Participants: Officials from Kazakhstan and Tajikistan.\n"
        "  Afghanistan (OSCE Partner for Co-operation) had been invited\n"
        "  but no representative was able to attend.\n");
    ASSERT_EQ(r.note.states.size(), 3u);
    EXPECT_EQ(r.note.states[2].code, "AF");
    EXPECT_EQ(r.note.states[2].role, StateRole::Invited);
    EXPECT_EQ(r.note.states[0].role, StateRole::Participant);
    EXPECT_TRUE(r.diagnostics.empty()) << messages(r).front();

    ParseResult other = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 14-16 May 2019, Almaty, Kazakhstan\n"
        "Participants: Officials from Kazakhstan and Tajikistan.\n"
        "  Afghanistan sent written comments after the workshop.\n");
    for (const ParticipantState& s : other.note.states) EXPECT_NE(s.code, "AF");
}

TEST(NoteParser, ProseAmongTheGroupsSaysWhoTookPart)
{
    // Sentences under the participants, read as the prose reader reads a
    // page's: who joined, who else took part, with the evidence of each.
    ParseResult r = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 3-4 April 2019, Tbilisi, Georgia\n"
        "Participants:\nStates: Armenia, Azerbaijan\n"
        "Government regulators from Austria also attended.\n"
        "Moldova joined the sessions remotely.\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"AM", "AZ", "AT", "MD"}));
    for (const ParticipantState& s : r.note.states) EXPECT_EQ(s.role, StateRole::Participant);
    ASSERT_EQ(r.note.states.size(), 4u);
    EXPECT_EQ(r.note.states[2].evidence.line, 7);
    EXPECT_NE(r.note.states[2].evidence.text.find("Austria"), std::string::npos);
    EXPECT_EQ(r.note.states[3].evidence.line, 8);
    EXPECT_TRUE(r.diagnostics.empty()) << messages(r).front();

    ParseResult fr = parse(
        "Note d'information\n\n\xC3\x89v\xC3\xA9nement : T\nDate et lieu : 5 juin 2018, "
        "Lom\xC3\xA9, Togo\nParticipants : Togo, B\xC3\xA9nin\n"
        "Des experts du Niger et du Mali ont \xC3\xA9galement pris part aux travaux.\n");
    EXPECT_EQ(state_codes(fr.note), (std::vector<std::string>{"TG", "BJ", "NE", "ML"}));

    // A group written as sentences: who took part, who registered and did
    // not come (invited), a State named alone outside the sentences.
    ParseResult sentences = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 2-4 March 2021, online\nParticipants:\n"
        "  - States: national points of contact and their deputies from Albania, Georgia\n"
        "    and Serbia (3 States, 9 officials). Belarus and Mongolia had registered\n"
        "    delegates, who did not connect.\n"
        "  - Observers: Japan\n"
        "  - Organizations: OSCE; UNODA\n");
    EXPECT_EQ(state_codes(sentences.note),
              (std::vector<std::string>{"AL", "GE", "RS", "BY", "MN", "JP"}));
    ASSERT_EQ(sentences.note.states.size(), 6u);
    EXPECT_EQ(sentences.note.states[2].role, StateRole::Participant);
    EXPECT_EQ(sentences.note.states[3].role, StateRole::Invited);
    EXPECT_EQ(sentences.note.states[4].role, StateRole::Invited);
    EXPECT_EQ(sentences.note.states[5].role, StateRole::Participant);

    // Invited in a relative clause, and came.
    ParseResult came = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 3-4 April 2019, Nairobi, Kenya\n"
        "Participants:\nStates: Kenya, Uganda. Officials from Burundi, who had been invited\n"
        "at short notice, attended the second day.\n");
    EXPECT_EQ(state_codes(came.note), (std::vector<std::string>{"KE", "UG", "BI"}));
    for (const ParticipantState& s : came.note.states) EXPECT_EQ(s.role, StateRole::Participant);

    // One State, a dash, and what its delegation was; "Guest experts" from
    // a State came and took part.
    ParseResult described = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 6-7 May 2019, Gaborone, Botswana\n"
        "Participants: States: Botswana - about 30 officials of 12 ministries and agencies,\n"
        "  among them the Botswana Unified Revenue Service and the Radiation Protection\n"
        "  Inspectorate\n"
        "  Guest experts: two officials from Zambia, who presented their action plan\n"
        "  International organizations: IAEA; OPCW\n");
    EXPECT_EQ(state_codes(described.note), (std::vector<std::string>{"BW", "ZM"}));
    EXPECT_TRUE(described.diagnostics.empty()) << messages(described).front();

    // A sentence that only names a State, a donor or a speaker gives none,
    // and is still reported.
    ParseResult other = parse(
        "Information Note\n\nEvent: T\nDate and Venue: 3-4 April 2019, Tbilisi, Georgia\n"
        "Participants:\nStates: Armenia, Azerbaijan\n"
        "The workshop was funded by Norway.\n");
    EXPECT_EQ(state_codes(other.note), (std::vector<std::string>{"AM", "AZ"}));
    EXPECT_FALSE(other.diagnostics.empty());
}

TEST(NoteParser, ANoteWrittenAsProseIsStillANote)
{
    ParseResult r = parse(
        "Information Note\n\nThe Regional Workshop was held on 5 and 6 June 2018 in Accra, "
        "Ghana. Representatives of Benin and Togo took part.\n\n1. Background\n\nText.\n");
    EXPECT_EQ(r.note.kind, DocumentKind::InformationNote);
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"BJ", "TG"}));
    EXPECT_EQ(r.note.venue.city, std::optional<std::string>("Accra"));
    // Without its first line, the same text is a web page's.
    ParseResult page = parse(
        "The Regional Workshop was held on 5 and 6 June 2018 in Accra, Ghana. Representatives "
        "of Benin and Togo took part.\n");
    EXPECT_NE(page.note.kind, DocumentKind::InformationNote);
}

TEST(NoteParser, ClassifiesParticipantGroupHeadings)
{
    struct HeadingCase {
        const char* heading;
        GroupKind kind;
    };
    const HeadingCase cases[] = {
        {"States", GroupKind::States},
        {"State", GroupKind::States},
        {"Central Asia States", GroupKind::States},
        {"Other States", GroupKind::States},
        {"Other", GroupKind::States},
        {"Observers", GroupKind::States},
        {"African Union Member States", GroupKind::States},
        {"Pacific Island States", GroupKind::States},
        {"National participants", GroupKind::National},
        {"National agencies", GroupKind::National},
        {"International and Regional Organizations", GroupKind::International},
        {"Intergovernmental Organizations", GroupKind::International},
        {"International organisations", GroupKind::International},
        {"Regional organisations", GroupKind::International},
        {"Industry", GroupKind::Industry},
        {"Non-Governmental Organizations and Academia", GroupKind::Civil},
        {"Civil society", GroupKind::Civil},
        {"1540 Committee", GroupKind::Committee},
        {"États", GroupKind::States},
        {"Organisations internationales", GroupKind::International},
        {"Estados", GroupKind::States},
        {"Comité 1540", GroupKind::Committee},
        {"Invited, not represented", GroupKind::Invited},
        {"States invited", GroupKind::Invited},
        {"Invités", GroupKind::Invited},
        {"Estados invitados", GroupKind::Invited},
        {"Donors", GroupKind::Funding},
        {"Financial support", GroupKind::Funding},
        {"Financiaci\xC3\xB3n", GroupKind::Funding},
        {"Appui financier", GroupKind::Funding},
        {"Guest experts", GroupKind::States},
        {"Expertos invitados", GroupKind::States},
        {"Note", GroupKind::Unknown},
    };
    for (const HeadingCase& c : cases) {
        SCOPED_TRACE(c.heading);
        EXPECT_EQ(classify_group(c.heading), c.kind);
    }
}

// Issue 14: headings set apart from their lists without a colon, and
// headings that name a State by its adjective.
TEST(NoteParser, KnowsGroupHeadingsWordForWordAndByAdjective)
{
    for (const char* heading : {"Observers", "Dialogue partners", "ECOWAS Member States",
                                "Organisations internationales", "1540 Committee"})
        EXPECT_TRUE(known_group_heading(heading)) << heading;
    for (const char* heading : {"Ministry of Foreign Affairs", "Customs Agency", "Benin",
                                "Donors", "States of the Gulf region and their partners"})
        EXPECT_FALSE(known_group_heading(heading)) << heading;
    struct AdjectiveCase {
        const char* heading;
        const char* code;  // "" for none
    };
    const AdjectiveCase cases[] = {
        {"Administrations marocaines", "MA"},
        {"Georgian agencies", "GE"},
        {"Autoridades paraguayas", "PY"},
        {"Moroccan", ""},
        {"National agencies", ""},
        {"Regional agencies", ""},
    };
    for (const AdjectiveCase& c : cases) {
        SCOPED_TRACE(c.heading);
        const Country* country = demonym_heading(c.heading, default_gazetteer());
        EXPECT_EQ(country ? country->alpha2 : "", c.code);
    }
}

TEST(NoteParser, ReadsEveryVenueForm)
{
    struct VenueCase {
        const char* written;
        const char* city;     // "" for none
        const char* country;  // "" for none
        bool online;
        bool unknown;
    };
    const VenueCase cases[] = {
        {"Astana, Kazakhstan", "Astana", "KZ", false, false},
        {"in Astana, Kazakhstan.", "Astana", "KZ", false, false},
        {"Samoa", "", "WS", false, false},
        {"Astana (Kazakhstan)", "Astana", "KZ", false, false},
        {"Kazakhstan (Astana)", "Astana", "KZ", false, false},
        {"Palais des Nations, Geneva, Switzerland", "Geneva", "CH", false, false},
        {"Port of Spain Trinidad and Tobago", "Port of Spain", "TT", false, false},
        {"La Paz, Bolivia (Plurinational State of)", "La Paz", "BO", false, false},
        {"The Hague, the Netherlands", "The Hague", "NL", false, false},
        {"The Hague, Netherlands (Kingdom of the)", "The Hague", "NL", false, false},
        {"Netherlands (Kingdom of the)", "", "NL", false, false},
        {"Seoul, Korea (Republic of)", "Seoul", "KR", false, false},
        {"Tehran, Iran (Islamic Republic of)", "Tehran", "IR", false, false},
        {"Basseterre, St Kitts & Nevis", "Basseterre", "KN", false, false},
        {"Castries, St. Lucia", "Castries", "LC", false, false},
        {"Lima, el Perú", "Lima", "PE", false, false},
        {"Moscou, Russie", "Moscou", "RU", false, false},
        {"Virtual meeting", "", "", true, false},
        {"Online (videoconference)", "", "", true, false},
        {"Vienna, Austria and online", "Vienna", "AT", true, false},
        {"Vienna, Austria (hybrid)", "Vienna", "AT", true, false},
        // A city the table knows stands for its country; a building is no city.
        {"United Nations Headquarters, New York", "New York", "US", false, false},
        {"Labadi Beach Hotel, Accra", "Accra", "GH", false, false},
        {"Rabat", "Rabat", "MA", false, false},
        {"Dead Sea Convention Centre, Jordan", "", "JO", false, false},
        {"Kigali Convention Centre, Rwanda", "Kigali", "RW", false, false},
        {"Lakeside Lodge, Upper Valley", "Upper Valley", "", false, true},
        {"Frankfurt am Main, Germany", "Frankfurt am Main", "DE", false, false},
        // The building after a dash that follows the country.
        {"Nouadhibou, Mauritanie - h\xC3\xB4tel Al Jazira", "Nouadhibou", "MR", false, false},
        {"Kumasi, Ghana \xE2\x80\x93 Golden Tulip Hotel", "Kumasi", "GH", false, false},
        {"Nouakchott, Mauritanie - h\xC3\xB4tel Azala\xC3\xAF", "Nouakchott", "MR", false, false},
        {"(Bangkok)", "Bangkok", "TH", false, false},
        // The city and its country first, then the building.
        {"Cotonou (B\xC3\xA9nin), Palais des Congr\xC3\xA8s", "Cotonou", "BJ", false, false},
        {"Asunci\xC3\xB3n (Paraguay), Hotel Sheraton", "Asunci\xC3\xB3n", "PY", false, false},
        {"Nairobi (Kenya), UN Complex, Gigiri", "Nairobi", "KE", false, false},
        {"Webinario", "", "", true, false},
        {"Webinaire en ligne", "", "", true, false},
        {"Por videoconferencia", "", "", true, false},
        {"En línea", "", "", true, false},
    };
    for (const VenueCase& c : cases) {
        SCOPED_TRACE(c.written);
        VenueReading r = read_venue(c.written, default_gazetteer());
        EXPECT_EQ(r.venue.city.value_or(""), c.city);
        EXPECT_EQ(r.venue.country.value_or(""), c.country);
        EXPECT_EQ(r.venue.online, c.online);
        EXPECT_EQ(r.country_unknown, c.unknown);
    }
}

TEST(NoteParser, GivesACityInCapitalsInTheUsualCase)
{
    const std::pair<const char*, const char*> cases[] = {
        {"BANGKOK", "Bangkok"},
        {"PORT OF SPAIN", "Port of Spain"},
        {"LOM\xC3\x89", "Lom\xC3\xA9"},
        {"PORTO-NOVO", "Porto-Novo"},
        {"DAR ES SALAAM", "Dar es Salaam"},
        {"NUKU'ALOFA", "Nuku'alofa"},
        {"CIUDAD DE PANAM\xC3\x81", "Ciudad de Panam\xC3\xA1"},
        // Written otherwise, or too short to tell: as it is.
        {"Bangkok", "Bangkok"},
        {"McLean", "McLean"},
        {"UN", "UN"},
    };
    for (const auto& [written, usual] : cases) EXPECT_EQ(city_in_usual_case(written), usual);

    ParseResult r = parse(
        "INFORMATION NOTE\n\nEVENT: WORKSHOP\nDATE AND VENUE: 27-28 SEPTEMBER 2017, UNITED "
        "NATIONS CONFERENCE CENTRE, BANGKOK, THAILAND\nPARTICIPANTS:\nStates: Thailand, Viet Nam\n"
        "Financial support: Australia, Austria\n");
    EXPECT_EQ(r.note.venue.city, std::optional<std::string>("Bangkok"));
    // Those who paid are no participants.
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"TH", "VN"}));
}

// Issue 14: participant groups as real notes lay them out.
TEST(NoteParser, ReadsParticipantGroupsRunTogetherOnOneLine)
{
    struct GroupsCase {
        const char* participants;
        std::vector<std::string> states;
        std::vector<std::string> organizations;  // acronyms, or the written name
    };
    const GroupsCase cases[] = {
        {"Participants: National participants: Barbados, Canada, , Grenada, St Lucia, United "
         "Kingdom International organisations: 1540 Committee, UNLIREC Regional organisations: "
         "CARICOM, European Union Civil society: Stimson Center",
         {"BB", "CA", "GD", "LC", "GB"},
         {"1540 Committee", "UNLIREC", "CARICOM", "EU", "Stimson Center"}},
        {"Participants: International organisations: UNODA, IAEA, , Regional organisations: "
         "Southern African Development Community National participants: Namibia Civil society: "
         "Institute for Security Studies",
         {"NA"},
         {"UNODA", "IAEA", "SADC", "ISS"}},
        {"Participants: Regional organisations: Caribbean Community States: Jamaica, Haiti "
         "Observers: Canada",
         {"JM", "HT", "CA"},
         {"CARICOM"}},
        {"Participants: ECCAS Member States: Chad, Gabon Other States: France",
         {"TD", "GA", "FR"},
         {}},
        {"Participants: States: Fiji, Tonga Pacific Islands Forum Member States: Samoa "
         "International organizations: OSCE",
         {"FJ", "TO", "WS"},
         {"OSCE"}},
        {"Participants: National participants: Mongolia, Ministry of Foreign Affairs, General "
         "Customs Administration",
         {"MN"},
         {"Ministry of Foreign Affairs", "General Customs Administration"}},
        {"Participants: Ont participé des représentants de l'Égypte, d'Oman et du Maroc.",
         {"EG", "OM", "MA"},
         {}},
        {"Participants: Representatives of Kazakhstan, Kyrgyzstan and Tajikistan took part.",
         {"KZ", "KG", "TJ"},
         {}},
        {"Participants: Asistieron funcionarios de Chile, del Perú y de Bolivia (Estado "
         "Plurinacional de)",
         {"CL", "PE", "BO"},
         {}},
    };
    for (const GroupsCase& c : cases) {
        SCOPED_TRACE(c.participants);
        ParseResult r = parse(std::string("Information Note\n\nEvent: A workshop\n"
                                          "Date and Venue: 1-2 May 2022, Vienna, Austria\n") +
                              c.participants + "\n");
        EXPECT_EQ(state_codes(r.note), c.states);
        std::vector<std::string> orgs;
        for (const Organization& o : r.note.organizations)
            if (!o.organizer) orgs.push_back(o.acronym.value_or(o.written));
        EXPECT_EQ(orgs, c.organizations);
        EXPECT_EQ(messages(r), std::vector<std::string>{});
        for (const ParticipantState& s : r.note.states) {
            SCOPED_TRACE(s.code);
            EXPECT_EQ(s.evidence.line, 5);
            EXPECT_NE(s.evidence.text.find(s.written), std::string::npos);
        }
    }
}

TEST(NoteParser, ReadsALongGroupHeadingUnderParticipantsAlone)
{
    ParseResult r = parse(
        "Information Note\n\nEvent: A workshop\nDate and Venue: 1-2 May 2022, Vienna, "
        "Austria\nParticipants\nEconomic Community of West African States Member States: "
        "Ghana, Togo\nInternational organizations: IAEA\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"GH", "TG"}));
    EXPECT_EQ(messages(r), std::vector<std::string>{});
    // A sentence under the word is no group heading.
    ParseResult prose = parse(
        "Information Note\n\nEvent: A workshop\nDate and Venue: 1-2 May 2022, Vienna, "
        "Austria\nParticipants\nThe workshop was opened by the Director of the Centre, who "
        "said: welcome.\n");
    EXPECT_EQ(state_codes(prose.note), std::vector<std::string>{});
}

TEST(NoteParser, NeverTakesAStateAloneOnItsLineForAGroupHeading)
{
    ParseResult r = parse(
        "Information Note\n\nEvent: A workshop\nDate and Venue: 1-2 May 2022, Kuwait City, "
        "Kuwait\nParticipants:\n\nState of Kuwait.\n- Other States: Dominica, Austria.\n"
        "- International organisations: WHO\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"KW", "DM", "AT"}));
    EXPECT_EQ(messages(r), std::vector<std::string>{});
}

TEST(NoteParser, NeverTakesTheEndOfAWrappedNameForAGroupHeading)
{
    // "State of)" closes the name wrapped on the line above; it is no
    // heading of the bullet below it.
    ParseResult r = parse(
        "Information Note\n\nEvent: A workshop\nDate and Venue: 8 March 2023, online\n"
        "Participants:\n\n- States: Eswatini, Sweden and Bolivia (Plurinational\nState of)\n"
        "- Other States: Kenya\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"SZ", "SE", "BO", "KE"}));
    EXPECT_EQ(messages(r), std::vector<std::string>{});
}

TEST(NoteParser, NeverTakesAnOrganizationOrAnEmbassyForAState)
{
    ParseResult r = parse(
        "Information Note\n\nEvent: A workshop\nDate and Venue: 1 May 2022, Vienna, Austria\n"
        "Participants:\nStates: Austria, Korea Strategic Trade Institute, Embassy of Japan\n"
        "Other: European Union\nRegional organisations: Caribbean Community\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"AT"}));
    EXPECT_EQ(
        messages(r),
        (std::vector<std::string>{
            "test.txt:6: warning: 'Korea Strategic Trade Institute' under 'States' is not a "
            "country; taken as an organization",
            "test.txt:6: warning: 'Embassy of Japan' under 'States' is not a known country"}));
}

TEST(NoteParser, UsesTheVenueNotTheCityInTheTitle)
{
    ParseResult r = parse(
        "Event: Follow-up to the Almaty workshop\n"
        "Date and Venue: 7-8 June 2018, Bishkek, Kyrgyzstan\n"
        "Participants: States: Kazakhstan, Kyrgyzstan\n");
    EXPECT_EQ(r.note.venue.city, std::optional<std::string>("Bishkek"));
    EXPECT_EQ(r.note.venue.country, std::optional<std::string>("KG"));
}

TEST(NoteParser, GivesOrganizationsTheirCanonicalNames)
{
    LearnedAcronyms learned = LearnedAcronyms::from_text(
        "The Regional Radiation Protection Forum (RRPF) met, with the University of Georgia (USA).",
        default_gazetteer());
    OrgContext context{default_gazetteer(), default_org_gazetteer(), learned};
    struct OrgCase {
        const char* written;
        const char* acronym;  // "" for none
        const char* name;
    };
    const OrgCase cases[] = {
        {"Organisation for Security and Co-operation in Europe", "OSCE",
         "Organization for Security and Cooperation in Europe"},
        {"the United Nations Office for Drugs and Crime (UNODC)", "UNODC",
         "United Nations Office on Drugs and Crime"},
        {"UNODA (United Nations Office for Disarmament Affairs)", "UNODA",
         "United Nations Office for Disarmament Affairs"},
        {"African Union (AU)", "AU", "African Union"},
        {"OIE", "WOAH", "World Organisation for Animal Health"},
        {"Содружество Независимых Государств (СНГ)", "CIS", "Commonwealth of Independent States"},
        {"RRPF", "RRPF", "Regional Radiation Protection Forum"},
        {"Regional Radiation Protection Forum", "RRPF", "Regional Radiation Protection Forum"},
        {"University of Georgia (USA)", "", "University of Georgia (USA)"},
        {"Korea Strategic Trade Institute", "", "Korea Strategic Trade Institute"},
    };
    for (const OrgCase& c : cases) {
        SCOPED_TRACE(c.written);
        Organization org = read_organization(c.written, context);
        EXPECT_EQ(org.acronym.value_or(""), c.acronym);
        EXPECT_EQ(org.name, c.name);
        EXPECT_EQ(org.written, std::string(c.written).starts_with("the ")
                                   ? std::string(c.written).substr(4)
                                   : std::string(c.written));
    }
}

TEST(NoteParser, SplitsOrganizerListsOnlyBetweenOrganizations)
{
    LearnedAcronyms none;
    OrgContext context{default_gazetteer(), default_org_gazetteer(), none};
    EXPECT_EQ(split_organizations("UNODA and OSCE", context),
              (std::vector<std::string>{"UNODA", "OSCE"}));
    EXPECT_EQ(split_organizations("Government of Montenegro and the United Nations Office for "
                                  "Disarmament Affairs",
                                  context),
              (std::vector<std::string>{"Government of Montenegro",
                                        "the United Nations Office for Disarmament Affairs"}));
    EXPECT_EQ(split_organizations("United Nations Office on Drugs and Crime, Government of "
                                  "Trinidad and Tobago",
                                  context),
              (std::vector<std::string>{"United Nations Office on Drugs and Crime",
                                        "Government of Trinidad and Tobago"}));
    EXPECT_EQ(
        split_organizations("SICA and the United Nations Regional Centre for Peace, "
                            "Disarmament and Development in Latin America and the "
                            "Caribbean (UNLIREC)",
                            context),
        (std::vector<std::string>{"SICA",
                                  "the United Nations Regional Centre for Peace, Disarmament and "
                                  "Development in Latin America and the Caribbean (UNLIREC)"}));
}

TEST(NoteParser, KeepsCountryNamesInsideOrganizationsOutOfStates)
{
    ParseResult r = parse(
        "Event: Outreach\n"
        "Date and Venue: 2014-03-11, Wiesbaden, Germany\n"
        "Participants:\n"
        "States: Germany, Sweden, Korea Strategic Trade Institute, Georgia Institute of "
        "Technology\n"
        "Other: European Union\n"
        "Industry: Ericsson AB Sweden, Indian Chemical Council\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"DE", "SE"}));
    EXPECT_EQ(messages(r),
              (std::vector<std::string>{
                  "test.txt:4: warning: 'Korea Strategic Trade Institute' under 'States' is not "
                  "a country; taken as an organization",
                  "test.txt:4: warning: 'Georgia Institute of Technology' under 'States' is not "
                  "a country; taken as an organization"}));
    ASSERT_EQ(r.note.organizations.size(), 5u);
    EXPECT_EQ(r.note.organizations[0].kind, OrgKind::Civil);
    EXPECT_EQ(r.note.organizations[2].acronym, std::optional<std::string>("EU"));
    EXPECT_EQ(r.note.organizations[2].group, "Other");
}

TEST(NoteParser, NeverReadsProseAfterTheListAsAGroup)
{
    ParseResult r = parse(
        "Event: Workshop\n"
        "Date and Venue: 5 June 2018, Accra, Ghana\n"
        "Participants:\n"
        "States: Ghana, Togo\n"
        "Note: Japan and Norway funded the interpretation.\n"
        "Donors: Sweden\n"
        "\n"
        "Remark: Denmark sent a written contribution.\n");
    EXPECT_EQ(state_codes(r.note), (std::vector<std::string>{"GH", "TG"}));
    EXPECT_EQ(messages(r), (std::vector<std::string>{
                               "test.txt:5: warning: 'Note' is not a known participant group; "
                               "its list is not read"}));
}

TEST(NoteParser, SuggestsTheCountryAMisspeltNameMeant)
{
    ParseResult r = parse("Event: W\nDate: 5 May 2015\nParticipants: States: Kazahstan\n");
    EXPECT_EQ(messages(r), (std::vector<std::string>{
                               "test.txt:3: warning: 'Kazahstan' under 'States' is not a known "
                               "country; did you mean 'Kazakhstan'?"}));
}

// A table's Location and Attended-by cells flattened together: on one
// line, as a header row above a value row, or on alternate lines.
TEST(NoteParser, SeparatesAFlattenedLocationFromItsParticipants)
{
    struct Case {
        std::string_view text;
        std::string_view city;
        std::string_view country;
        std::vector<std::string> states;
    };
    const Case cases[] = {
        {"Information Note\nEvent: Workshop\nDate: 1-2 May 2019\n"
         "Location: Accra, Ghana Attended by: Benin, Togo; ECOWAS\n",
         "Accra", "GH", {"BJ", "TG"}},
        {"Information Note\nEvent: Workshop\nDate: 1-2 May 2019\nLocation Participants\n"
         "Lusaka, Zambia Zambia, Malawi, Trinidad and Tobago\n",
         "Lusaka", "ZM", {"ZM", "MW", "TT"}},
        {"Information Note\nEvent: Workshop\nDate: 1-2 May 2019\nLocation:\nAttended by:\n"
         "Apia, Samoa\nSamoa, Tonga\nUNODA\n",
         "Apia", "WS", {"WS", "TO"}},
        {"Note d'information\n\xC3\x89v\xC3\xA9nement : Atelier\nDate : 1er et 2 mai 2019\n"
         "Lieu : Niamey (Niger) Participants (\xC3\x89tats) : Mali, Niger\n",
         "Niamey", "NE", {"ML", "NE"}},
    };
    for (const Case& c : cases) {
        Note n = parse(c.text).note;
        EXPECT_EQ(n.kind, DocumentKind::InformationNote) << c.text;
        EXPECT_EQ(n.venue.city.value_or(""), c.city) << c.text;
        EXPECT_EQ(n.venue.country.value_or(""), c.country) << c.text;
        std::vector<std::string> states;
        for (const ParticipantState& s : n.states) states.push_back(s.code);
        EXPECT_EQ(states, c.states) << c.text;
    }
}

// A table's "Date and Venue" cell wrapped over two lines beside its values,
// and a participant group headed by a State followed by its own agencies.
TEST(NoteParser, ReadsAWrappedDateAndVenueLabelAndStateHeadedGroups)
{
    struct WrappedCase {
        const char* text;
        const char* start;
        const char* end;
        const char* city;
        const char* country;
    };
    const WrappedCase cases[] = {
        {"Information Note\n\nEvent            Regional seminar\nOrganizer(s)     UNREC\n"
         "Date and         14-16 May 2019\nVenue            Accra, Ghana\n"
         "Participants     Ghana, Nigeria\n",
         "2019-05-14", "2019-05-16", "Accra", "GH"},
        {"Nota informativa\n\nEvento\tTaller nacional\nOrganizador(es)\tUNLIREC\n"
         "Fecha y\t21-22 de agosto de 2019\nlugar\tCiudad de Guatemala, Guatemala\n"
         "Participantes\tGuatemala\n",
         "2019-08-21", "2019-08-22", "Ciudad de Guatemala", "GT"},
        {"Note d'information\n\nÉvénement        Atelier national\n"
         "Organisateur(s)  UNREC\nDate et          3-4 octobre 2019\n"
         "lieu             Dakar, Sénégal\nParticipants     Sénégal\n",
         "2019-10-03", "2019-10-04", "Dakar", "SN"},
    };
    for (const WrappedCase& c : cases) {
        SCOPED_TRACE(c.text);
        ParseResult r = parse(c.text);
        ASSERT_TRUE(r.note.start_date);
        EXPECT_EQ(r.note.start_date->iso(), c.start);
        EXPECT_EQ(r.note.end_date->iso(), c.end);
        EXPECT_EQ(r.note.venue.city.value_or(""), c.city);
        EXPECT_EQ(r.note.venue.country.value_or(""), c.country);
    }

    ParseResult r = parse(
        "Information Note\n\nEvent: Caribbean workshop\nDate and Venue: 6-8 February 2018, "
        "Kingston, Jamaica\nParticipants:\nJamaica: Ministry of Foreign Affairs and Foreign "
        "Trade, Customs Agency\nBarbados: Barbados Revenue Authority\nInternational "
        "organizations: CARICOM\n");
    std::vector<std::string> codes;
    for (const ParticipantState& s : r.note.states) codes.push_back(s.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"JM", "BB"}));
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().message;
    bool agency = false;
    for (const Organization& o : r.note.organizations)
        if (o.name == "Customs Agency") agency = o.kind == OrgKind::National;
    EXPECT_TRUE(agency);
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
                                  "1. Background",
                                  "Participants: States: \xD9\x88, (((, ))), \xE3\x80\x81",
                                  "Organizers: ( and ) and , and (X) and",
                                  "Participants: States: " + std::string(5000, 'x') + ", Peru",
                                  "Date and Venue: (online (, , Kazakhstan (",
                                  "Event: \xE2\x81\xB9\xC2\xB9 Participants\xC2\xB3: \xC2"};
    for (const std::string& in : inputs) {
        SCOPED_TRACE(in);
        EXPECT_NO_THROW(parse(in));
    }
}

}  // namespace
}  // namespace infonote
