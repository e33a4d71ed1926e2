#include "prose_reader.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "city_names.h"
#include "note_parser.h"

// Documents without a note header, each in the shape of a public document
// kind (docs/extraction-forms.md), written for these tests. Each case says
// what must be read and, through the exact lists, what must not: donors,
// speakers' countries, other events' places and the dateline city.

namespace infonote {
namespace {

struct ProseCase {
    std::string_view name;
    std::string_view text;
    DocumentKind kind;
    std::string_view start;  // "" for none
    std::string_view end;
    std::string_view city;  // "" for none
    std::string_view country;
    bool online;
    std::vector<std::string> participants;
    std::vector<std::string> invited;
};

std::ostream& operator<<(std::ostream& out, const ProseCase& c)
{
    return out << c.name;
}

class ReadsProse : public testing::TestWithParam<ProseCase> {};

TEST_P(ReadsProse, FactsAndNothingElse)
{
    const ProseCase& c = GetParam();
    ParseResult r = parse_note(c.text, "prose.txt", default_gazetteer());
    const Note& n = r.note;
    EXPECT_EQ(kind_name(n.kind), kind_name(c.kind));
    EXPECT_EQ(n.start_date ? n.start_date->iso() : "", c.start);
    EXPECT_EQ(n.end_date ? n.end_date->iso() : "", c.end);
    EXPECT_EQ(n.venue.city.value_or(""), c.city);
    EXPECT_EQ(n.venue.country.value_or(""), c.country);
    EXPECT_EQ(n.venue.online, c.online);
    std::vector<std::string> participants, invited;
    for (const ParticipantState& s : n.states) {
        (s.role == StateRole::Invited ? invited : participants).push_back(s.code);
        EXPECT_EQ(s.evidence.source, EvidenceSource::Prose);
        EXPECT_GT(s.evidence.line, 0);
        EXPECT_NE(s.evidence.text.find(s.written), std::string::npos) << s.evidence.text;
    }
    EXPECT_EQ(participants, c.participants);
    EXPECT_EQ(invited, c.invited);
    if (n.start_date) {
        ASSERT_TRUE(n.dates_evidence);
        EXPECT_EQ(n.dates_evidence->source, EvidenceSource::Prose);
    }
    if (n.venue.country || n.venue.online) {
        ASSERT_TRUE(n.venue_evidence);
        EXPECT_EQ(n.venue_evidence->source, EvidenceSource::Prose);
    }
}

INSTANTIATE_TEST_SUITE_P(
    PressReleases, ReadsProse,
    testing::Values(
        // A course's trainees: "ont suivi la formation", "completed the course".
        ProseCase{"french_trainees_followed_the_course",
                  "SC/12000\n14 mai 2016\n\nStage de formation\n\n"
                  "Du 2 au 6 mai 2016, le Viet Nam a accueilli \xC3\xA0 Hanoi, Viet Nam, un "
                  "stage de formation.\n\nLes points de contact du Cambodge, de la Malaisie et "
                  "des Philippines ont suivi la formation, financ\xC3\xA9" "e par le Japon.\n",
                  DocumentKind::PressRelease, "2016-05-02", "2016-05-06", "Hanoi", "VN", false,
                  {"KH", "MY", "PH"}, {}},
        ProseCase{"trainees_completed_the_course",
                  "DC/3700\n20 March 2019\n\nCourse in Minsk\n\n"
                  "A training course was held from 11 to 15 March 2019 in Minsk, Belarus. "
                  "Officials of Armenia, Georgia and the Republic of Moldova completed the "
                  "course, which Germany funded.\n",
                  DocumentKind::PressRelease, "2019-03-11", "2019-03-15", "Minsk", "BY", false,
                  {"AM", "GE", "MD"}, {}},
        ProseCase{"dateline_year_from_date_line",
                  "4 June 2013\nDC/3400\n\nStates Meet in Tbilisi\n\n"
                  "NEW YORK, 4 June (Office for Disarmament Affairs) \xE2\x80\x94 A seminar on "
                  "border controls took place from 2 to 3 June in Tbilisi, Georgia.\n\n"
                  "Representatives of Armenia, Azerbaijan and Georgia took part. The seminar "
                  "was funded by Norway and Japan.\n",
                  DocumentKind::PressRelease, "2013-06-02", "2013-06-03", "Tbilisi", "GE", false,
                  {"AM", "AZ", "GE"}, {}},
        ProseCase{"following_n_states_and_speakers",
                  "SC/12001\n\nCommittee Holds Course\n\n"
                  "The Committee held a course in Accra, Ghana, from 10 to 12 May 2015.\n\n"
                  "Points of contact from the following 3 Member States took part: Ghana, Togo "
                  "and Benin. A Committee member (Senegal) and the representative of Mexico "
                  "spoke at the opening.\n",
                  DocumentKind::PressRelease, "2015-05-10", "2015-05-12", "Accra", "GH", false,
                  {"GH", "TG", "BJ"}, {}},
        ProseCase{"french_articles_and_parenthesized_venue",
                  "CD/3500\n\nAtelier \xC3\xA0 Dakar\n\n"
                  "New York, le 9 mai 2017 (Bureau des affaires de d\xC3\xA9sarmement) -- Un "
                  "atelier s'est tenu du 3 au 5 mai \xC3\xA0 Dakar (S\xC3\xA9n\xC3\xA9gal).\n\n"
                  "Ont particip\xC3\xA9 des repr\xC3\xA9sentants du Mali, de la Guin\xC3\xA9" "e, "
                  "de l'\xC3\x89gypte et du S\xC3\xA9n\xC3\xA9gal. L'atelier a b\xC3\xA9n\xC3\xA9"
                  "fici\xC3\xA9 de l'appui financier du Japon.\n",
                  DocumentKind::PressRelease, "2017-05-03", "2017-05-05", "Dakar", "SN", false,
                  {"ML", "GN", "EG", "SN"}, {}},
        ProseCase{"spanish_no_year_anywhere",
                  "DC/3801\n\nTaller en Quito\n\n"
                  "NUEVA YORK, 14 de junio (Oficina de Asuntos de Desarme) \xE2\x80\x94 Se "
                  "celebr\xC3\xB3 un taller el 12 y 13 de junio en Quito, Ecuador.\n\n"
                  "Participaron representantes de Ecuador, Colombia y Per\xC3\xBA.\n",
                  DocumentKind::PressRelease, "", "", "Quito", "EC", false, {"EC", "CO", "PE"},
                  {}}));

INSTANTIATE_TEST_SUITE_P(
    WebUpdates, ReadsProse,
    testing::Values(
        // States in a table's two columns, read row by row, under "States
        // represented at the meeting:"; "Saint Lucia" stays whole.
        ProseCase{"states_represented_in_two_columns",
                  "Caribbean meeting on resolution 1540\n\n"
                  "Kingston, 9 May 2025: CARICOM convened a meeting on 6 and 7 May 2025 in "
                  "Kingston, Jamaica.\n\nStates represented at the meeting:\n\n"
                  "   Barbados          Belize\n   Grenada           Saint Lucia\n"
                  "\tGuyana\tSuriname\n\nThe officials compared their control lists.\n",
                  DocumentKind::WebUpdate, "2025-05-06", "2025-05-07", "Kingston", "JM", false,
                  {"BB", "BZ", "GD", "LC", "GY", "SR"}, {}},
        ProseCase{"key_value_block",
                  "Workshop on Export Controls\nStart Date: Oct 23 2024\nEnd Date: Oct 25 2024\n"
                  "Location: Hanoi, Viet Nam\nMeeting Hosted By: UNRCPD\n\n"
                  "The Centre brought together officials from Cambodia, the Lao People's "
                  "Democratic Republic and Viet Nam. Australia provided funding.\n",
                  DocumentKind::WebUpdate, "2024-10-23", "2024-10-25", "Hanoi", "VN", false,
                  {"KH", "LA", "VN"}, {}},
        ProseCase{"key_value_block_with_organizer_and_numeric_dates",
                  "Centre - Activities\n\nSeminar on Border Controls\n\n"
                  "Start Date: 03/04/2019\nEnd Date: 05/04/2019\nLocation: Accra, Ghana\n"
                  "Organizer: UNREC\n\nThe Centre brought together officials from Ghana "
                  "and Togo.\n",
                  DocumentKind::WebUpdate, "2019-04-03", "2019-04-05", "Accra", "GH", false,
                  {"GH", "TG"}, {}},
        ProseCase{"date_and_location_keys_alone_are_no_note_header",
                  "Centre Update\n\nRound Table on Reporting\n\nDate: 8 - 9 May 2018\n"
                  "Location: Bishkek, Kyrgyzstan\n\nThe Centre held a round table. "
                  "Representatives of Kyrgyzstan and Tajikistan took part.\n",
                  DocumentKind::WebUpdate, "2018-05-08", "2018-05-09", "Bishkek", "KG", false,
                  {"KG", "TJ"}, {}},
        ProseCase{"spanish_key_value_block_over_new_year_online",
                  "Centro - Actividades\n\nCurso en l\xC3\xADnea\n\n"
                  "Fecha de inicio: 14 de diciembre de 2020\n"
                  "Fecha de finalizaci\xC3\xB3n: 15 de enero de 2021\n"
                  "Lugar: en l\xC3\xAD" "nea\nOrganiza: el Centro\n\n"
                  "El curso reuni\xC3\xB3 a funcionarios de Belice y Guatemala.\n",
                  DocumentKind::WebUpdate, "2020-12-14", "2021-01-15", "", "", true,
                  {"BZ", "GT"}, {}},
        ProseCase{"as_well_as_continues_the_list_and_preceding_hosts_stay_out",
                  "Centre News\n\nCourse on Reporting\n\nStart Date: 12/03/2015\n"
                  "End Date: 13/03/2015\nLocation: Maputo, Mozambique\n\n"
                  "The Centre convened officials from Mozambique and Angola, as well as from "
                  "Namibia and Zambia, to draft their reports. Ghana and Kenya had hosted the "
                  "preceding sessions.\n",
                  DocumentKind::WebUpdate, "2015-03-12", "2015-03-13", "Maputo", "MZ", false,
                  {"MZ", "AO", "NA", "ZM"}, {}},
        ProseCase{"took_part_among_them_and_ministries_of_the_host",
                  "Centre Update\n\n2 June 2013\n\nForum on Export Controls\n\n"
                  "A forum was held in Tbilisi, Georgia, on 20-21 May. Twelve States took part, "
                  "among them Georgia, Armenia and the Republic of Moldova. The regime was "
                  "presented with funding from Germany. Six ministries of Georgia sent staff.\n",
                  DocumentKind::WebUpdate, "2013-05-20", "2013-05-21", "Tbilisi", "GE", false,
                  {"GE", "AM", "MD"}, {}},
        ProseCase{"at_the_invitation_of_the_government_names_the_host",
                  "SC/9999\n4 May 2015\nPress Release\n\nCommittee Visits Zambia\n\n"
                  "At the invitation of the Government of Zambia, a delegation of the "
                  "Committee visited Lusaka from 28 to 30 April 2015, with support from "
                  "the United Kingdom.\n",
                  DocumentKind::PressRelease, "2015-04-28", "2015-04-30", "Lusaka", "ZM", false,
                  {"ZM"}, {}},
        ProseCase{"spanish_yearless_date_takes_the_year_of_another_date_in_the_text",
                  "Centro - Noticias\n\nApoyo al Per\xC3\xBA\n\n"
                  "El Per\xC3\xBA recibi\xC3\xB3 una misi\xC3\xB3n del Centro el 4 de marzo "
                  "de 2019.\n\nEl 9 y 10 de abril, funcionarios del Per\xC3\xBA y de Chile "
                  "participaron en un taller en Lima.\n",
                  DocumentKind::WebUpdate, "2019-04-09", "2019-04-10", "Lima", "PE", false,
                  {"PE", "CL"}, {}},
        ProseCase{"trained_officers_and_a_place_line_dateline",
                  "Centre | News\n\nOfficers trained\n\nAccra, Ghana - The Centre trained "
                  "customs officers from 3 to 5 February 2015 in the detection of dual-use "
                  "goods.\n",
                  DocumentKind::WebUpdate, "2015-02-03", "2015-02-05", "Accra", "GH", false,
                  {}, {}},
        ProseCase{"posted_on_over_new_year",
                  "Posted on January 9th, 2019\n\nWinter Course\n\n"
                  "A course ran from 27 December to 4 January in Almaty, Kazakhstan. "
                  "Participants came from Kazakhstan and Kyrgyzstan.\n",
                  DocumentKind::WebUpdate, "2018-12-27", "2019-01-04", "Almaty", "KZ", false,
                  {"KZ", "KG"}, {}},
        ProseCase{"event_line_under_publication_line",
                  "Workshop on Biosecurity\n\nMarch 3rd, 2018\n\n20-21 February 2018\n\n"
                  "Manila, Philippines\n\nParticipating States (Indonesia, Malaysia and the "
                  "Philippines) presented their laws. The workshop followed an earlier one "
                  "in Jakarta, Indonesia.\n",
                  DocumentKind::WebUpdate, "2018-02-20", "2018-02-21", "Manila", "PH", false,
                  {"ID", "MY", "PH"}, {}},
        ProseCase{"dateline_city_is_not_the_venue_and_other_events_are_not_read",
                  "National Roundtable\n\nKathmandu, 5 July 2019 (UNRCPD) \xE2\x80\x94 The "
                  "meeting took place on 3 and 4 July in Thimphu.\n\n"
                  "Representatives of ministries of Bhutan took part. It followed a visit to "
                  "Dhaka, Bangladesh, where officials from India and Nepal met.\n",
                  DocumentKind::WebUpdate, "2019-07-03", "2019-07-04", "Thimphu", "BT", false,
                  {"BT"}, {}},
        ProseCase{"webinar_online",
                  "Webinar Series\n\nBANGKOK, 2 March 2021 (UNRCPD) \xE2\x80\x93 The Centre "
                  "held webinars on 2 and 9 March.\n\nThe series convened national officials "
                  "from Fiji and Samoa, with experts from the US State Department.\n",
                  DocumentKind::WebUpdate, "2021-03-02", "2021-03-09", "", "", true,
                  {"FJ", "WS"}, {}},
        ProseCase{"spanish_publication_line_weekday",
                  "Revisi\xC3\xB3n entre pares\n\nJueves, 7 de marzo de 2019\n\n"
                  "El 5 y 6 de marzo tuvo lugar en Bogot\xC3\xA1 la sesi\xC3\xB3n, en la cual "
                  "participaron representantes de Colombia y Chile.\n\nEl taller fue "
                  "financiado por Espa\xC3\xB1" "a.\n",
                  DocumentKind::WebUpdate, "2019-03-05", "2019-03-06", "Bogot\xC3\xA1", "CO",
                  false, {"CO", "CL"}, {}},
        ProseCase{"french_weekdays_opened_and_closed",
                  "Cl\xC3\xB4ture de l'atelier\n\nPubli\xC3\xA9 le 30 mai 2015\n\n"
                  "Ouvert le mardi 26 mai par le ministre, l'atelier a \xC3\xA9t\xC3\xA9 "
                  "cl\xC3\xB4tur\xC3\xA9 le jeudi 28 mai \xC3\xA0 Niamey.\n\n"
                  "Ont pris part aux travaux des repr\xC3\xA9sentants du Niger et du Tchad.\n",
                  DocumentKind::WebUpdate, "2015-05-26", "2015-05-28", "Niamey", "NE", false,
                  {"NE", "TD"}, {}}));

INSTANTIATE_TEST_SUITE_P(
    Announcements, ReadsProse,
    testing::Values(
        // Who is expected has not come yet: invited.
        ProseCase{"spanish_se_espera_la_participacion",
                  "Convocatoria\n\nCurso sobre bioseguridad\n\n"
                  "Fechas: del 2 al 4 de junio de 2026\nLugar: Hotel Central, Lima, "
                  "Per\xC3\xBA\n\nSe espera la participaci\xC3\xB3n de delegaciones de "
                  "Bolivia, Chile y Ecuador.\n",
                  DocumentKind::Announcement, "2026-06-02", "2026-06-04", "Lima", "PE", false,
                  {}, {"BO", "CL", "EC"}},
        ProseCase{"invited_to_participate",
                  "2 March 2011\nSC/9900\n\nKenya to Host Workshop\n\n"
                  "A workshop will be held from 14 to 16 March in Nairobi, Kenya, with "
                  "financial support from Norway. Officials from Kenya, Uganda and Rwanda "
                  "have been invited to participate.\n",
                  DocumentKind::Announcement, "2011-03-14", "2011-03-16", "Nairobi", "KE", false,
                  {}, {"KE", "UG", "RW"}},
        ProseCase{"french_invited_list_and_city_as_subject",
                  "Atelier r\xC3\xA9gional\n\n"
                  "Libreville accueillera du 2 au 4 f\xC3\xA9vrier 2012 un atelier.\n\n"
                  "Les pays suivants ont \xC3\xA9t\xC3\xA9 invit\xC3\xA9s \xC3\xA0 y "
                  "participer: Gabon, Cameroun et Tchad.\n",
                  DocumentKind::Announcement, "2012-02-02", "2012-02-04", "Libreville", "GA",
                  false, {}, {"GA", "CM", "TD"}},
        ProseCase{"spanish_present_invita",
                  "Convocatoria\n\nCurso virtual\n\nFecha de inicio: 3 de mayo de 2021\n"
                  "Fecha de finalizaci\xC3\xB3n: 7 de mayo de 2021\nLugar: en l\xC3\xAD" "nea\n\n"
                  "El Centro invita a funcionarios de Belice y de Guatemala a inscribirse.\n",
                  DocumentKind::Announcement, "2021-05-03", "2021-05-07", "", "", true, {},
                  {"BZ", "GT"}},
        ProseCase{"spanish_invitados_and_online",
                  "Di\xC3\xA1logo virtual\n\nPublicado el 1 de abril de 2021\n\n"
                  "El di\xC3\xA1logo se celebrar\xC3\xA1 en l\xC3\xAD" "nea el 20 de abril. "
                  "Fueron invitados a participar El Salvador y Honduras.\n",
                  DocumentKind::Announcement, "2021-04-20", "2021-04-20", "", "", true, {},
                  {"SV", "HN"}},
        // Before the event nobody has taken part: "invitations ... to
        // officials of" names invitees, and so does any list in a
        // document about an event still to come.
        ProseCase{"invitations_sent_before_the_event",
                  "1 October 2015\n\nWorkshop to be held in Dakar\n\n"
                  "DAKAR, 1 October -- A workshop will take place from 20 to 22 October in "
                  "Dakar, Senegal. Invitations to take part have gone to officials of Mali, "
                  "the Niger and Senegal.\n",
                  DocumentKind::Announcement, "2015-10-20", "2015-10-22", "Dakar", "SN", false,
                  {}, {"ML", "NE", "SN"}},
        // "opens on Monday", "are scheduled to take part", under a release
        // line that is no title.
        ProseCase{"scheduled_and_opens_on",
                  "FOR IMMEDIATE RELEASE\n\nWorkshop to open in Manila\n\n"
                  "MANILA, 3 March 2015 \xE2\x80\x94 A workshop opens on Monday, 9 March, in "
                  "Manila. Delegations from Indonesia and Malaysia are scheduled to take part.\n",
                  DocumentKind::Announcement, "2015-03-09", "2015-03-09", "Manila", "PH", false,
                  {}, {"ID", "MY"}},
        ProseCase{"spanish_llevara_a_cabo_and_se_preve",
                  "Taller en Asunci\xC3\xB3n\n\n"
                  "El Centro llevar\xC3\xA1 a cabo, los d\xC3\xAD" "as 6 y 7 de junio de 2022, "
                  "un taller en Asunci\xC3\xB3n, Paraguay. Se prev\xC3\xA9 la participaci\xC3\xB3n "
                  "de delegaciones de Argentina y Uruguay.\n",
                  DocumentKind::Announcement, "2022-06-06", "2022-06-07", "Asunci\xC3\xB3n", "PY",
                  false, {}, {"AR", "UY"}},
        // A country whose name has small words in lower case stands whole.
        ProseCase{"venue_country_with_lower_case_words",
                  "12 de enero de 2016\n\nTaller en Dodoma\n\n"
                  "Se celebrar\xC3\xA1 el 25 y 26 de enero en Dodoma, Rep\xC3\xBA" "blica "
                  "Unida de Tanzan\xC3\xAD" "a, un taller. Fueron invitados a participar "
                  "Kenya y Uganda.\n",
                  DocumentKind::Announcement, "2016-01-25", "2016-01-26", "Dodoma", "TZ", false,
                  {}, {"KE", "UG"}},
        ProseCase{"french_venue_country_with_lower_case_words",
                  "3 mars 2014\n\nAtelier\n\n"
                  "Un atelier se tiendra du 17 au 19 mars \xC3\xA0 Kinshasa, R\xC3\xA9publique "
                  "d\xC3\xA9mocratique du Congo. Le Burundi et le Rwanda sont invit\xC3\xA9s "
                  "\xC3\xA0 y participer.\n",
                  DocumentKind::Announcement, "2014-03-17", "2014-03-19", "Kinshasa", "CD", false,
                  {}, {"BI", "RW"}}));

// States said not to have come: a negation with a verb of coming or
// taking part, or "absent", shuts its clause; the rest of the sentence
// still counts ("while", "but", a semicolon open another clause).
INSTANTIATE_TEST_SUITE_P(
    Absent, ReadsProse,
    testing::Values(
        ProseCase{"were_not_able_to_send_delegations",
                  "SC/9999\n\nWorkshop in Accra\n\n"
                  "ACCRA, 9 May 2019 (UNODA) -- A workshop took place from 6 to 8 May in Accra, "
                  "Ghana. Officials from Ghana, Liberia and Sierra Leone took part, while "
                  "officials from Guinea and Mali were not able to send delegations.\n",
                  DocumentKind::PressRelease, "2019-05-06", "2019-05-08", "Accra", "GH", false,
                  {"GH", "LR", "SL"}, {}},
        ProseCase{"could_not_attend_in_a_sentence_of_its_own",
                  "Posted on 3 June 2019\n\nRoundtable in Lima\n\n"
                  "The roundtable was held on 28 May 2019 in Lima, Peru. Representatives of "
                  "Chile and Peru took part. Representatives of Ecuador could not attend.\n",
                  DocumentKind::WebUpdate, "2019-05-28", "2019-05-28", "Lima", "PE", false,
                  {"CL", "PE"}, {}},
        ProseCase{"unable_to_travel_before_those_who_came",
                  "Posted on 3 June 2019\n\nSeminar in Suva\n\n"
                  "The seminar was held on 28 May 2019 in Suva, Fiji. Officials from Nauru "
                  "were unable to travel, but officials from Fiji, Samoa and Tonga took part.\n",
                  DocumentKind::WebUpdate, "2019-05-28", "2019-05-28", "Suva", "FJ", false,
                  {"FJ", "WS", "TO"}, {}},
        ProseCase{"french_n_ont_pas_pu",
                  "Publi\xC3\xA9 le 12 octobre 2021\n\nAtelier\n\n"
                  "Du 5 au 7 octobre, un atelier s'est tenu \xC3\xA0 Dakar (S\xC3\xA9n\xC3\xA9gal). "
                  "Ont pris part des repr\xC3\xA9sentants du S\xC3\xA9n\xC3\xA9gal et du Togo. "
                  "Des repr\xC3\xA9sentants du Mali n'ont pas pu participer.\n",
                  DocumentKind::WebUpdate, "2021-10-05", "2021-10-07", "Dakar", "SN", false,
                  {"SN", "TG"}, {}},
        ProseCase{"spanish_no_pudieron_asistir",
                  "Martes, 20 de marzo de 2018\n\nTaller\n\n"
                  "Del 13 al 15 de marzo se realiz\xC3\xB3 un taller en Tegucigalpa, Honduras. "
                  "Participaron representantes de Honduras y Guatemala; representantes de "
                  "Nicaragua no pudieron asistir.\n",
                  DocumentKind::WebUpdate, "2018-03-13", "2018-03-15", "Tegucigalpa", "HN", false,
                  {"HN", "GT"}, {}}));

// More ways of saying who took part, and a speaker who represents a State
// (no participant).
INSTANTIATE_TEST_SUITE_P(
    TookPart, ReadsProse,
    testing::Values(
        ProseCase{"with_the_participation_of",
                  "Posted on 20 March 2019\n\nWorkshop\n\nThe workshop was held on 5 March 2019 "
                  "in Tbilisi, Georgia, with the participation of Armenia and Moldova.\n",
                  DocumentKind::WebUpdate, "2019-03-05", "2019-03-05", "Tbilisi", "GE", false,
                  {"AM", "MD"}, {}},
        ProseCase{"were_represented_and_sent_delegations",
                  "Posted on 20 March 2019\n\nWorkshop\n\nThe workshop was held on 5 March 2019 "
                  "in Tbilisi, Georgia. Armenia and Moldova were represented. Azerbaijan and "
                  "Georgia sent delegations to the workshop.\n",
                  DocumentKind::WebUpdate, "2019-03-05", "2019-03-05", "Tbilisi", "GE", false,
                  {"AM", "MD", "AZ", "GE"}, {}},
        ProseCase{"participating_states_were_and_delegates_representing",
                  "Posted on 20 March 2019\n\nWorkshop\n\nThe workshop was held on 5 March 2019 "
                  "in Tbilisi, Georgia. The participating States were Armenia and Moldova. "
                  "Delegates representing Georgia chaired the sessions. Mr. Ruiz, representing "
                  "Spain as Chair of the Committee, opened the meeting.\n",
                  DocumentKind::WebUpdate, "2019-03-05", "2019-03-05", "Tbilisi", "GE", false,
                  {"AM", "MD", "GE"}, {}}));

// The place of a dateline is the venue only when nothing else names one
// and the dateline is no press office's.
INSTANTIATE_TEST_SUITE_P(
    DatelinePlace, ReadsProse,
    testing::Values(
        ProseCase{"date_after_the_dash_and_a_hotel_without_city",
                  "Caribbean meeting\n\nPort of Spain, Trinidad and Tobago \xE2\x80\x93 12 July 2019. "
                  "Over two days (10-11 July), the Centre hosted a meeting at a hotel. Delegations "
                  "of Barbados and Jamaica participated.\n",
                  DocumentKind::WebUpdate, "2019-07-10", "2019-07-11", "Port of Spain", "TT",
                  false, {"BB", "JM"}, {}},
        ProseCase{"yearless_date_key_takes_the_publication_year",
                  "Eventos\nPublicado: 14 de abril de 2021\n\nCONVOCATORIA\nSeminario web sobre "
                  "listas de control\n\nFecha: jueves 22 de abril, de 9:00 a 11:00\nModalidad: en "
                  "l\xC3\xADnea\n\nEl Centro invita a funcionarios de Chile y Uruguay a participar "
                  "en el seminario web.\n",
                  DocumentKind::Announcement, "2021-04-22", "2021-04-22", "", "", true, {},
                  {"CL", "UY"}},
        ProseCase{"regional_dateline_city_when_no_other_place",
                  "Workshop concludes\n\nNAIROBI, 14 March 2023 (UNODA) - A workshop was held on "
                  "8 and 9 March. Officials from Kenya and Uganda took part.\n",
                  DocumentKind::WebUpdate, "2023-03-08", "2023-03-09", "Nairobi", "KE", false,
                  {"KE", "UG"}, {}},
        ProseCase{"a_named_place_wins_over_the_dateline",
                  "Roundtable\n\nKathmandu, 26 June 2019 (UNRCPD) - A roundtable was held on 24 "
                  "June in Dushanbe, Tajikistan. Officials from Tajikistan took part.\n",
                  DocumentKind::WebUpdate, "2019-06-24", "2019-06-24", "Dushanbe", "TJ", false,
                  {"TJ"}, {}},
        ProseCase{"non_breaking_hyphens_in_a_city",
                  "SC/13515\n\nTraining Course\n\n20 September 2018\n\nFrom 4 to 7 September "
                  "2018, a training course was held in Rostov\xE2\x80\x91on\xE2\x80\x91" "Don. "
                  "Officials from Armenia and Serbia took part.\n",
                  DocumentKind::PressRelease, "2018-09-04", "2018-09-07",
                  "Rostov\xE2\x80\x91on\xE2\x80\x91" "Don", "RU", false, {"AM", "RS"}, {}}));

// A web page's own key:value lines, even one naming the States under a
// heading, make no note header.
INSTANTIATE_TEST_SUITE_P(
    KeyValue, ReadsProse,
    testing::Values(ProseCase{"participating_states_line_in_a_page",
                              "Posted on 3 June 2019\n\nRoundtable in Lima\n\n"
                              "Date: 28 May 2019\nLocation: Lima, Peru\n"
                              "Participating States: Chile, Peru\n\n"
                              "The roundtable was held on 28 May 2019 in Lima. It discussed "
                              "export controls.\n",
                              DocumentKind::WebUpdate, "2019-05-28", "2019-05-28", "Lima", "PE",
                              false, {"CL", "PE"}, {}}));

// Pages that give their facts as key lines, hosts named only as their
// Government, invitation lists, and the Committee's own meetings.
INSTANTIATE_TEST_SUITE_P(
    KeyLinesHostsInvitations, ReadsProse,
    testing::Values(
        ProseCase{"participants_key_line_of_a_page",
                  "Events\n\nCourse on Licensing\n\nDate: 4-5 May 2021\n"
                  "Venue: Yerevan, Armenia\nParticipants: officials from Armenia and Georgia\n"
                  "Organizers: UNODA\n\nThe course covered licensing. Japan funded it.\n",
                  DocumentKind::WebUpdate, "2021-05-04", "2021-05-05", "Yerevan", "AM", false,
                  {"AM", "GE"}, {}},
        ProseCase{"participants_key_line_before_the_event",
                  "Seminar on Border Controls\n\nDate: 8 June 2022\nVenue: Amman, Jordan\n"
                  "Participants: Iraq, Jordan\n\nThe seminar will review border controls.\n",
                  DocumentKind::Announcement, "2022-06-08", "2022-06-08", "Amman", "JO", false,
                  {}, {"IQ", "JO"}},
        ProseCase{"host_government_gives_the_country",
                  "Roundtable\n\nThe roundtable, hosted by the Government of Malawi, was held "
                  "on 2-3 May 2019. Officials from Zambia and Malawi took part. It was funded "
                  "by the Governments of Norway and Canada.\n",
                  DocumentKind::WebUpdate, "2019-05-02", "2019-05-03", "", "MW", false,
                  {"ZM", "MW"}, {}},
        ProseCase{"invitations_extended_and_expected_to_attend",
                  "DC/4000\n\nWorkshop in Suva\n\nA workshop will be held in Suva, Fiji, on "
                  "3-4 May 2023. Invitations have been extended to Fiji and Tonga. Samoa and "
                  "Tuvalu are expected to attend.\n",
                  DocumentKind::Announcement, "2023-05-03", "2023-05-04", "Suva", "FJ", false,
                  {}, {"FJ", "TO", "WS", "TV"}},
        ProseCase{"committee_programme_of_work",
                  "Programme of work\n\nDate | Meeting\n"
                  "12 January 2021 | Formal meeting of the Committee\n"
                  "4 February 2021 | Working Group 3\n",
                  DocumentKind::Other, "", "", "", "", false, {}, {}},
        ProseCase{"committee_formal_meeting_dated",
                  "Formal Meetings\n\nOn 9 March 2018, the Committee held its 70th formal "
                  "meeting in New York. Members from Peru and Sweden spoke.\n",
                  DocumentKind::Other, "", "", "", "", false, {}, {}}));

// People named by their nationality, other verbs for taking part beside
// States that did not come, datelines that span the event's days, key
// lines that close a page, and more invitation forms.
INSTANTIATE_TEST_SUITE_P(
    NationalitiesDatelinesClosingKeys, ReadsProse,
    testing::Values(
        ProseCase{"demonym_after_the_people_fr",
                  "Atelier national\n\nPublié le 9 mars 2022\n\nDu 7 au 9 mars 2022, une "
                  "trentaine de délégués togolais se sont réunis à Lomé. L'atelier a été "
                  "financé par le Japon.\n",
                  DocumentKind::WebUpdate, "2022-03-07", "2022-03-09", "Lomé", "TG", false,
                  {"TG"}, {}},
        ProseCase{"demonyms_before_the_people_en",
                  "Exercise in Hanoi\n\nNovember 22nd, 2018\n\nSome forty Thai and "
                  "Vietnamese officials met in Hanoi, Viet Nam, from 13 to 15 November 2018. "
                  "The Japanese Embassy hosted a reception and German trainers ran it.\n",
                  DocumentKind::WebUpdate, "2018-11-13", "2018-11-15", "Hanoi", "VN", false,
                  {"TH", "VN"}, {}},
        ProseCase{"demonym_list_with_commas_es",
                  "Taller\n\nLunes, 12 de agosto de 2019\n\nDel 6 al 8 de agosto de 2019, "
                  "funcionarios paraguayos, uruguayos y bolivianos se capacitaron en "
                  "Asunción, Paraguay. Instructores de la Policía Federal de Brasil dictaron "
                  "el curso.\n",
                  DocumentKind::WebUpdate, "2019-08-06", "2019-08-08", "Asunción", "PY", false,
                  {"PY", "UY", "BO"}, {}},
        ProseCase{"demonym_of_a_speaker_or_a_city_is_no_participant",
                  "Table ronde\n\nPublié le 3 mai 2019\n\nLe 2 mai 2019, des représentants "
                  "du Niger ont participé à une table ronde dans la capitale togolaise. "
                  "L'ambassadeur français a ouvert la séance.\n",
                  // The capital named by its adjective is the venue: Lomé.
                  DocumentKind::WebUpdate, "2019-05-02", "2019-05-02", "Lomé", "TG", false,
                  {"NE"}, {}},
        ProseCase{"officials_discussed_beside_those_who_did_not_send",
                  "Workshop\n\nPosted on 19 June 2018\n\nA workshop took place in Cotonou, "
                  "Benin, from 12 to 14 June 2018. Officials from Benin, Ghana and Togo "
                  "discussed port controls. Nigeria and Mali, also members of ECOWAS, did not "
                  "send delegations.\n",
                  DocumentKind::WebUpdate, "2018-06-12", "2018-06-14", "Cotonou", "BJ", false,
                  {"BJ", "GH", "TG"}, {}},
        ProseCase{"y_ont_pris_part_and_n_ont_pas_pu",
                  "Atelier\n\nPublié le 2 décembre 2021\n\nDu 23 au 25 novembre 2021, "
                  "l'UNREC a organisé un atelier à Niamey (Niger). Y ont pris part des "
                  "délégués du Bénin et du Togo. Le Mali et le Tchad n'ont pas pu participer.\n",
                  DocumentKind::WebUpdate, "2021-11-23", "2021-11-25", "Niamey", "NE", false,
                  {"BJ", "TG"}, {}},
        ProseCase{"dateline_range_es_gives_dates_and_venue",
                  "Comunicado de prensa\n\nCurso para puntos de contacto\n\nNairobi, 28 a 30 "
                  "de marzo de 2023 - La Oficina reunió a puntos de contacto. Participaron "
                  "representantes de Kenia y Uganda.\n",
                  DocumentKind::PressRelease, "2023-03-28", "2023-03-30", "Nairobi", "KE",
                  false, {"KE", "UG"}, {}},
        ProseCase{"dateline_single_day_is_no_event_date",
                  "Taller\n\nLima, 9 de mayo de 2017 - El taller se celebró el 3 y 4 de mayo "
                  "en Cusco, Perú. Participaron representantes de Perú y Chile.\n",
                  DocumentKind::WebUpdate, "2017-05-03", "2017-05-04", "Cusco", "PE", false,
                  {"PE", "CL"}, {}},
        ProseCase{"key_lines_after_the_prose",
                  "UNLIREC\n\nCaribbean States review controls\n\nThe Centre convened a "
                  "workshop. Officials from Jamaica and Belize went through control lists.\n\n"
                  "Date: 23-24 March 2015\nLocation: Port of Spain, Trinidad and Tobago\n",
                  DocumentKind::WebUpdate, "2015-03-23", "2015-03-24", "Port of Spain", "TT",
                  false, {"JM", "BZ"}, {}},
        ProseCase{"fecha_lugar_after_the_prose",
                  "Taller nacional\n\nUNLIREC reunió a funcionarios ecuatorianos para "
                  "examinar la resolución.\n\nFecha: 4 y 5 de julio de 2018\nLugar: Quito, "
                  "Ecuador\n",
                  DocumentKind::WebUpdate, "2018-07-04", "2018-07-05", "Quito", "EC", false,
                  {"EC"}, {}},
        ProseCase{"se_invito_a_and_the_host_is_not_invited",
                  "Anuncio\n\nTaller en Kingston\n\nEl Gobierno de Jamaica acogerá en "
                  "Kingston, del 10 al 12 de septiembre de 2024, un taller. Se invitó a Saint "
                  "Kitts y Nevis, Trinidad y Tabago y Santa Lucía.\n",
                  DocumentKind::Announcement, "2024-09-10", "2024-09-12", "Kingston", "JM",
                  false, {}, {"KN", "TT", "LC"}},
        ProseCase{"sont_convies_online",
                  "Annonce\n\nWebinaire\n\nUn webinaire se tiendra en ligne du 14 au 16 "
                  "février 2023. Sont conviés les points de contact du Cameroun et du Gabon.\n",
                  DocumentKind::Announcement, "2023-02-14", "2023-02-16", "", "", true, {},
                  {"CM", "GA"}},
        ProseCase{"host_government_not_invited_in_english",
                  "Course\n\nThe Government of Mongolia will host a course in Ulaanbaatar "
                  "from 17 to 19 April 2023. Kazakhstan and Uzbekistan have been invited.\n",
                  DocumentKind::Announcement, "2023-04-17", "2023-04-19", "Ulaanbaatar", "MN",
                  false, {}, {"KZ", "UZ"}},
        ProseCase{"location_in_parentheses",
                  "Roundtable\n\nStart Date: Mar 12 2019\nEnd Date: Mar 13 2019\nLocation: "
                  "(Bangkok)\n\nOfficials of Thailand took part in a roundtable.\n",
                  DocumentKind::WebUpdate, "2019-03-12", "2019-03-13", "Bangkok", "TH", false,
                  {"TH"}, {}},
        ProseCase{"press_markers_make_a_press_release",
                  "Meetings Coverage and Press Releases\n\nSC/14012\n\nOpen briefing\n\nThe "
                  "Committee reviewed a workshop held in Windhoek, Namibia, from 5 to 7 "
                  "November 2019. Representatives of Namibia and Angola took part.\n",
                  DocumentKind::PressRelease, "2019-11-05", "2019-11-07", "Windhoek", "NA",
                  false, {"NA", "AO"}, {}}));

INSTANTIATE_TEST_SUITE_P(
    Other, ReadsProse,
    testing::Values(
        ProseCase{"council_record",
                  "15 December 2016\n7837th Meeting (AM)\nSC/12628\n\nCouncil Adopts Text\n\n"
                  "The Council adopted resolution 2325 (2016) on 15 December 2016. Speakers "
                  "from France and Japan welcomed it.\n",
                  DocumentKind::Other, "", "", "", "", false, {}, {}},
        ProseCase{"committee_summary_with_delegations",
                  "Working Group Meetings\n\nThe Working Group discussed the review. Further "
                  "discussion was planned with the delegations of Germany and Mexico.\n",
                  DocumentKind::Other, "", "", "", "", false, {}, {}}));

// The forms of a fifth reading: a page's "When:"/"Where:" and "City:"/
// "Country:" keys, lists one a line or with semicolons, invitees after
// "including", "namely" or in a relative clause, a building before its
// city, an event's length in days, a table of meetings.
INSTANTIATE_TEST_SUITE_P(
    FifthReading, ReadsProse,
    testing::Values(
        ProseCase{"when_where_keys_officials_discussed",
                  "Regional meeting on export control\nWhen: 17-18 October 2019\nWhere: "
                  "Nur-Sultan, Kazakhstan\n\nOfficials from Belarus and Uzbekistan discussed "
                  "licensing. Tajikistan could not attend.\n",
                  DocumentKind::WebUpdate, "2019-10-17", "2019-10-18", "Nur-Sultan", "KZ", false,
                  {"BY", "UZ"}, {}},
        ProseCase{"city_country_keys_and_a_name_in_an_institute",
                  "Course on biosecurity\nEvent date: 6-8 March 2018\nCity: Vientiane\n"
                  "Country: Lao People's Democratic Republic\n\nThe course brought together "
                  "officials of Cambodia and Myanmar. Officials of the Philippine Nuclear "
                  "Research Institute sent comments.\n",
                  DocumentKind::WebUpdate, "2018-03-06", "2018-03-08", "Vientiane", "LA", false,
                  {"KH", "MM"}, {}},
        ProseCase{"invitees_one_a_line",
                  "Pacific workshop\n\nPosted on 2 July 2019\n\nThe Centre will hold a "
                  "workshop in Nadi, Fiji, from 23 to 25 July 2019. It will gather officials "
                  "from the following countries:\n\n- Kiribati\n- Micronesia (Federated States "
                  "of)\n- Tuvalu\n\nExperts of the Committee will lead it.\n",
                  DocumentKind::Announcement, "2019-07-23", "2019-07-25", "Nadi", "FJ", false,
                  {}, {"KI", "FM", "TV"}},
        ProseCase{"invitees_numbered_one_a_line",
                  "Pacific workshop\n\nPosted on 1 August 2022\n\nThe Centre will hold a "
                  "workshop in Honiara, Solomon Islands, from 22 to 24 August 2022. The "
                  "following countries are invited:\n1. Palau\n2. Micronesia (Federated States "
                  "of)\n3. Nauru\n\nThe European Union funds it.\n",
                  DocumentKind::Announcement, "2022-08-22", "2022-08-24", "Honiara", "SB", false,
                  {}, {"PW", "FM", "NR"}},
        ProseCase{"invitees_namely_with_semicolons_and_a_relative_clause",
                  "Pacific workshop\n\nPosted on 2 July 2019\n\nThe workshop will be held in "
                  "Apia, Samoa, from 23 to 25 July 2019 for officials of Pacific Island "
                  "countries, namely Samoa; Tonga; and Nauru. The Cook Islands and Niue, which "
                  "have been invited as well, will send observers. Australia funds it.\n",
                  DocumentKind::Announcement, "2019-07-23", "2019-07-25", "Apia", "WS", false,
                  {}, {"WS", "TO", "NR", "CK", "NU"}},
        ProseCase{"building_then_city_and_a_three_day_course",
                  "Course\n\nPosted on 6 December 2018\n\nThe three-day course opened on 29 "
                  "November 2018 at the Hyatt Regency, Port of Spain, Trinidad and Tobago. "
                  "Officials from Guyana and Jamaica took part.\n",
                  DocumentKind::WebUpdate, "2018-11-29", "2018-12-01", "Port of Spain", "TT",
                  false, {"GY", "JM"}, {}},
        ProseCase{"frankfurt_am_main",
                  "DC/3801\n\nSeminar\n\nNEW YORK, 6 June 2018 (Office for Disarmament "
                  "Affairs) \xE2\x80\x94 A seminar was held at the Chamber of Commerce in "
                  "Frankfurt am Main from 29 May to 1 June. Officials from Austria and Poland "
                  "took part.\n",
                  DocumentKind::PressRelease, "2018-05-29", "2018-06-01", "Frankfurt am Main",
                  "DE", false, {"AT", "PL"}, {}},
        ProseCase{"spanish_webinar_online_in_its_own_sentence",
                  "Anuncio\n\nSeminario sobre la 1540\n\nEl Centro organizar\xC3\xA1 un "
                  "seminario web el 14 de octubre de 2021. Se invit\xC3\xB3 a participar a "
                  "funcionarios de Barbados y Guyana. Se realizar\xC3\xA1 en l\xC3\xAD" "nea.\n",
                  DocumentKind::Announcement, "2021-10-14", "2021-10-14", "", "", true, {},
                  {"BB", "GY"}},
        ProseCase{"a_table_of_meetings_is_no_event",
                  "Meetings of the Committee\n\nDate | Meeting | Place\n12 February 2019 | "
                  "Briefing to Member States | New York\n4 March 2019 | Joint meeting with "
                  "the African Union | Addis Ababa\n22 May 2019 | Meeting with the Peace and "
                  "Security Council | Addis Ababa\n",
                  DocumentKind::Other, "", "", "", "", false, {}, {}},
        ProseCase{"a_page_closing_with_related_events_keeps_its_event",
                  "Workshop in Lome\n\nPosted on 10 March 2019\n\nA workshop took place in "
                  "Accra, Ghana, from 4 to 6 March. Officials from Benin and Togo took part.\n\n"
                  "Related events\n12 January 2019 | Course | Dakar\n7 May 2019 | Roundtable | "
                  "Abuja\n10 October 2019 | Peer review | Bamako\n",
                  DocumentKind::WebUpdate, "2019-03-04", "2019-03-06", "Accra", "GH", false,
                  {"BJ", "TG"}, {}},
        // Keys set off from their values by a table's column gap, no colon.
        ProseCase{"when_and_where_keys_without_colons",
                  "Past events\n\nDialogue on resolution 1540\n\n When      Monday 4 - "
                  "Tuesday 5 March 2019\n Where     Hotel Lagoon, Suva, Fiji\n Status    "
                  "Closed\n\nOfficials from Fiji and Tonga took part in the dialogue.\n",
                  DocumentKind::WebUpdate, "2019-03-04", "2019-03-05", "Suva", "FJ", false,
                  {"FJ", "TO"}, {}},
        // A row of column headings is no key with its value.
        ProseCase{"column_headings_are_no_keys",
                  "Calendar\n\nDate      Event      Venue\n\nA workshop took place in "
                  "Accra, Ghana, from 4 to 6 March 2019. Officials from Benin took part.\n",
                  DocumentKind::WebUpdate, "2019-03-04", "2019-03-06", "Accra", "GH", false,
                  {"BJ"}, {}},
        // "Mis en ligne": posted, not held online; the year for the event.
        ProseCase{"mis_en_ligne_dates_the_page",
                  "Actualit\xC3\xA9s\n\nTable ronde sur la 1540\n\nMis en ligne le 17 "
                  "mai 2019\n\nUn atelier s'est tenu \xC3\xA0 Niamey les 14 et 15 mai "
                  "derniers.\n",
                  DocumentKind::WebUpdate, "2019-05-14", "2019-05-15", "Niamey", "NE", false,
                  {}, {}},
        // A later sentence that says where the event was held.
        ProseCase{"the_meeting_held_at_a_building_in_a_city",
                  "News\n\nPosted on 9 March 2018\n\nUNODA held an expert meeting on 6 and "
                  "7 March.\n\nOfficials from Georgia and Armenia took part in the meeting, "
                  "held at the Revenue Service in Tbilisi.\n",
                  DocumentKind::WebUpdate, "2018-03-06", "2018-03-07", "Tbilisi", "GE", false,
                  {"GE", "AM"}, {}},
        // A city whose name the paragraph wraps at its connector.
        ProseCase{"city_wrapped_at_its_connector",
                  "Comunicado\n\n9 de mayo de 2019\n\nLa Secretar\xC3\xAD" "a realiz\xC3\xB3 el "
                  "lunes 6 y martes 7 de mayo, en la Ciudad\nde Panam\xC3\xA1, un curso "
                  "regional sobre la seguridad de los materiales qu\xC3\xAD" "micos y "
                  "biol\xC3\xB3gicos.\n",
                  DocumentKind::PressRelease, "2019-05-06", "2019-05-07", "Ciudad de Panam\xC3\xA1",
                  "PA", false, {}, {}},
        // A blog's line of cells: the post's date, not the event's.
        ProseCase{"posted_on_by_in_a_line_of_cells",
                  "Notebook\n\nPosted on 16 August 2021 by Dr. Amina Diallo | Category: "
                  "Event reports | 4 min read\n\nLast week (10-12 August) a course was held "
                  "in Windhoek.\n",
                  DocumentKind::WebUpdate, "2021-08-10", "2021-08-12", "Windhoek", "NA", false,
                  {}, {}},
        // "llevó a cabo" names the event; a known city parted by a line break.
        ProseCase{"spanish_mission_in_a_city_parted_by_a_line_break",
                  "Noticias\n\nPublicado el 7 de diciembre de 2016\n\nDel 29 de noviembre "
                  "al 2 de diciembre de 2016, el Centro llev\xC3\xB3 a cabo en Puerto\n"
                  "Espa\xC3\xB1" "a una misi\xC3\xB3n de asistencia t\xC3\xA9" "cnica sobre "
                  "la resoluci\xC3\xB3n 1540 y los controles de transbordo.\n",
                  DocumentKind::WebUpdate, "2016-11-29", "2016-12-02", "Puerto Espa\xC3\xB1" "a",
                  "TT", false, {}, {}},
        // Two names a line apart stay two: the hotel, then the city.
        ProseCase{"a_hotel_and_its_city_a_line_apart",
                  "News\n\nPosted on 27 September 2019\n\nA regional seminar on the "
                  "resolution was held on 26 and 27 September 2019 at the Hotel Hilton\n"
                  "Podgorica, with officials from Serbia and Albania taking part.\n",
                  DocumentKind::WebUpdate, "2019-09-26", "2019-09-27", "Podgorica", "ME", false,
                  {"RS", "AL"}, {}},
        // A release's number and its ISO date a column gap apart.
        ProseCase{"release_number_with_an_iso_date_cell",
                  "MINISTRY OF FOREIGN AFFAIRS\nPress Releases\n\nNo. 19-204          "
                  "Date: 2019-09-27\n\nSeminar held\n\n1. The Ministry held a regional "
                  "seminar in Ulaanbaatar on 24-25 September.\n",
                  DocumentKind::PressRelease, "2019-09-24", "2019-09-25", "Ulaanbaatar", "MN",
                  false, {}, {}},
        // A dateline closed by a full stop; the ministry's room in a later
        // sentence: the dateline's city.
        ProseCase{"dateline_full_stop_and_a_room_of_the_ministry",
                  "Ministerio de Relaciones Exteriores\n\nComunicado\n\nSan Jos\xC3\xA9, 22 "
                  "de febrero de 2018. El Ministerio realiz\xC3\xB3 el martes 20 y el "
                  "mi\xC3\xA9rcoles 21 de febrero una mesa redonda nacional.\n\nEn la "
                  "actividad, celebrada en el Sal\xC3\xB3n Dorado de la Canciller\xC3\xAD" "a, "
                  "participaron funcionarios de Costa Rica.\n",
                  DocumentKind::PressRelease, "2018-02-20", "2018-02-21", "San Jos\xC3\xA9",
                  "CR", false, {"CR"}, {}},
        // A sentence's year before a full stop is no dateline.
        ProseCase{"a_year_before_a_full_stop_is_no_dateline",
                  "Roundtable\n\nThe roundtable, hosted by the Government of Ghana, was held "
                  "on 4-5 June 2019. Officials from Togo took part.\n",
                  DocumentKind::WebUpdate, "2019-06-04", "2019-06-05", "", "GH", false,
                  {"TG"}, {}}));

// States a report says were invited, had registered or had confirmed, but
// did not come: invited, in every language; a State that did not come with
// no such word, a speaker invited to speak and the next event's States are
// not.
INSTANTIATE_TEST_SUITE_P(
    InvitedNotCome, ReadsProse,
    testing::Values(
        ProseCase{"also_invited_but_unable",
                  "Exercise\n\nPosted on 3 May 2022\n\nAn exercise was held in Castries, Saint "
                  "Lucia, from 26 to 28 April 2022. Officials from Dominica and Grenada took "
                  "part. Barbados and Belize were also invited but were unable to send officials. "
                  "The Ambassador of Japan could not attend the opening. The representative of "
                  "Mexico, invited to speak, described the coast guard's work.\n",
                  DocumentKind::WebUpdate, "2022-04-26", "2022-04-28", "Castries", "LC", false,
                  {"DM", "GD"}, {"BB", "BZ"}},
        ProseCase{"french_bien_qu_invites_n_ont_pu",
                  "Atelier\n\nPubli\xC3\xA9 le 10 mars 2023\n\nUn atelier s'est tenu \xC3\xA0 "
                  "Niamey (Niger) du 6 au 8 mars 2023. Des d\xC3\xA9l\xC3\xA9gations du Niger et "
                  "du Mali y ont pris part. La Mauritanie et le Tchad, bien qu'invit\xC3\xA9s, "
                  "n'ont pu se faire repr\xC3\xA9senter.\n",
                  DocumentKind::WebUpdate, "2023-03-06", "2023-03-08", "Niamey", "NE", false,
                  {"NE", "ML"}, {"MR", "TD"}},
        ProseCase{"spanish_invitados_no_enviaron",
                  "Taller\n\nPublicado el 21 de octubre de 2019\n\nDel 16 al 18 de octubre de "
                  "2019 se celebr\xC3\xB3 en Tegucigalpa, Honduras, un taller. Participaron "
                  "funcionarios de Honduras y Guatemala. Nicaragua y Belice, invitados al "
                  "taller, no enviaron delegaciones.\n",
                  DocumentKind::WebUpdate, "2019-10-16", "2019-10-18", "Tegucigalpa", "HN", false,
                  {"HN", "GT"}, {"NI", "BZ"}},
        ProseCase{"confirmed_registered_and_was_invited",
                  "Meeting\n\nPosted on 30 June 2021\n\nA meeting was held in Lusaka, Zambia, "
                  "from 22 to 24 June 2021. Delegations from Zambia and Malawi took part. "
                  "Delegations from Angola had confirmed their attendance but were unable to "
                  "travel. Lesotho was invited to take part.\n\nNote: Eswatini and Zimbabwe, "
                  "which had registered, did not attend.\n",
                  DocumentKind::WebUpdate, "2021-06-22", "2021-06-24", "Lusaka", "ZM", false,
                  {"ZM", "MW"}, {"AO", "LS", "SZ", "ZW"}},
        ProseCase{"a_note_verbale_invites_its_addressees",
                  "OFFICE FOR DISARMAMENT AFFAIRS\n\nThe Office presents its compliments to the "
                  "Permanent Missions of Cambodia, Myanmar and Viet Nam to the United Nations "
                  "and has the honour to inform them that a workshop will be held in Vientiane, "
                  "Lao People's Democratic Republic, from 10 to 12 September 2024.\n",
                  DocumentKind::Announcement, "2024-09-10", "2024-09-12", "Vientiane", "LA",
                  false, {}, {"KH", "MM", "VN"}},
        ProseCase{"the_next_edition_s_states_are_not_invited",
                  "Taller\n\nPublicado el 12 de mayo de 2021\n\nLos d\xC3\xAD" "as 4 y 5 de mayo "
                  "de 2021 se realiz\xC3\xB3 en Lima, Per\xC3\xBA, un taller. Participaron "
                  "funcionarios de Panam\xC3\xA1 y Honduras. Guatemala y El Salvador "
                  "participar\xC3\xA1n en una segunda edici\xC3\xB3n prevista para agosto.\n",
                  DocumentKind::WebUpdate, "2021-05-04", "2021-05-05", "Lima", "PE", false,
                  {"PA", "HN"}, {}},
        // A speech read at the event speaks to those there of the days to
        // come: they take part.
        ProseCase{"a_speech_at_the_event_addresses_participants",
                  "OPENING REMARKS\n\n(Check against delivery)\n\nIt is a pleasure to open "
                  "this workshop, held in Lilongwe, Malawi, on 7 and 8 March 2019, which will "
                  "end tomorrow. I thank the representatives of the ministries of Malawi who "
                  "took part in its preparation.\n",
                  DocumentKind::Other, "2019-03-07", "2019-03-08", "Lilongwe", "MW", false,
                  {"MW"}, {}}));

TEST(ProseReader, ReportsADateWithoutAYearAndNoVenue)
{
    ParseResult r = parse_note(
        "DC/1\n\nA Meeting\n\nThe meeting was held on 3 and 4 May.\n\n"
        "Representatives of Chile and Peru took part.\n",
        "p.txt", default_gazetteer());
    std::vector<std::string> messages;
    for (const Diagnostic& d : r.diagnostics) messages.push_back(format_diagnostic("p.txt", d));
    EXPECT_EQ(messages, (std::vector<std::string>{
                            "p.txt:5: warning: date '3 and 4 May' has no year, and no dateline "
                            "or publication line gives one",
                            "p.txt: warning: no venue found"}));
    EXPECT_EQ(r.note.kind, DocumentKind::PressRelease);
    EXPECT_EQ(r.note.title, "A Meeting");
}

TEST(ProseReader, TakesTheHeadlineNotTheBanner)
{
    const std::string_view banners[] = {
        "United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific",
        "UNLIREC | Noticias", "Home > News > Events", "UNODA", "News", "Actualit\xC3\xA9s",
        "Centre r\xC3\xA9gional des Nations Unies pour la paix et le d\xC3\xA9sarmement en Afrique"};
    for (std::string_view banner : banners) {
        SCOPED_TRACE(banner);
        std::string text = std::string(banner) +
                           "\n\nWebinar on Export Controls\n\nPosted on 3 June 2019\n\n"
                           "The webinar was held online on 28 May 2019. Officials from Chile took "
                           "part.\n";
        ParseResult r = parse_note(text, "p.txt", default_gazetteer());
        EXPECT_EQ(r.note.title, "Webinar on Export Controls");
        EXPECT_EQ(r.note.kind, DocumentKind::WebUpdate);
    }
    // A headline that names the event stays the title, whoever it names.
    ParseResult r = parse_note(
        "UNRCPD Holds Workshop in Bangkok\n\nPosted on 3 June 2019\n\n"
        "The workshop was held on 28 May 2019 in Bangkok, Thailand.\n",
        "p.txt", default_gazetteer());
    EXPECT_EQ(r.note.title, "UNRCPD Holds Workshop in Bangkok");
}

TEST(ProseReader, KeyValueBlockIsNoNoteHeader)
{
    EXPECT_TRUE(has_key_value_block("Title\nStart Date: Aug 2 2016\nLocation: Astana\n"));
    EXPECT_FALSE(has_key_value_block("Date: 2 August 2016\nVenue: Astana\n"));
}

TEST(ProseReader, ToleratesMalformedInput)
{
    for (std::string_view text :
         {std::string_view(""), std::string_view("\n\n\n"), std::string_view("\xFF\xFE(((,,,"),
          std::string_view("Representatives of"), std::string_view("NEW YORK, \xE2\x80\x94"),
          std::string_view("on 31 February in Vienna, Austria. Representatives of (Chile"),
          std::string_view("Start Date: \nEnd Date: 1 May 2010\nLocation: ,,,\n")}) {
        ParseResult r = parse_note(text, "x.txt", default_gazetteer());
        if (r.note.start_date) {
            EXPECT_TRUE(r.note.start_date->valid());
        }
    }
}

TEST(CityNames, KnownCitiesAndSpellings)
{
    EXPECT_EQ(city_country("Lomé").value_or(""), "TG");
    EXPECT_EQ(city_country("LOME").value_or(""), "TG");
    EXPECT_EQ(city_country("Ciudad de Panamá").value_or(""), "PA");
    EXPECT_EQ(city_country("La Haye").value_or(""), "NL");
    EXPECT_EQ(city_country("Jeju Island").value_or(""), "KR");
    // A typographic apostrophe reads as the ASCII one.
    EXPECT_EQ(city_country("Xi\xE2\x80\x99" "an").value_or(""), "CN");
    EXPECT_EQ(city_country("Xi'an").value_or(""), "CN");
    EXPECT_EQ(city_country("N\xE2\x80\x99" "Djamena").value_or(""), "TD");
    EXPECT_EQ(city_country("Rostov-on-Don").value_or(""), "RU");
    EXPECT_EQ(city_country("Frankfurt am Main").value_or(""), "DE");
    EXPECT_EQ(city_country("Francfort-sur-le-Main").value_or(""), "DE");
    EXPECT_FALSE(city_country("Europe"));
    EXPECT_FALSE(city_country("UN Conference Centre"));
    EXPECT_FALSE(city_country(""));
}

}  // namespace
}  // namespace infonote
