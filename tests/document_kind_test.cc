#include "document_kind.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace infonote {
namespace {

TEST(DocumentKind, PressSymbolLines)
{
    for (std::string_view line : {"SC/12345", "DC/3741", "AFR/1624-DC/3096", "SC/13480-CD/3785",
                                  "  CD/3702  ", "**DC/3350**"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_TRUE(is_press_symbol_line(line));
    }
    for (std::string_view line : {"S/2016/1127", "A/RES/60/1", "SC/", "sc/123", "DC/3741 and more",
                                  "1540 (2004)", "", "SC/12345-", "ABCDEF/12"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_FALSE(is_press_symbol_line(line));
    }
}

TEST(DocumentKind, CouncilRecordLines)
{
    for (std::string_view line : {"7837th Meeting (AM)", "Distr.: General", "Distr. general",
                                  "Letter dated 29 December 2016 from the Chair",
                                  "Carta de fecha 29 de diciembre de 2016 dirigida al Presidente",
                                  "Lettre datée du 3 mai 2012",
                                  "Statement by the Delegation of Peru", "Mr. Chairman,",
                                  "Monsieur le Président,", "UNCLASSIFIED",
                                  "SUBJECT: OUTCOME OF THE WORKSHOP IN LIMA",
                                  // Speeches at the event and summaries of a meeting.
                                  "OPENING REMARKS", "Closing remarks by the Director",
                                  "(Check against delivery)", "Allocution d'ouverture",
                                  "Seul le prononcé fait foi", "Palabras de apertura del Director",
                                  "SUMMARY OF DISCUSSIONS", "Résumé des débats",
                                  "Resumen de las deliberaciones",
                                  // Texts written for the event: agenda, concept note;
                                  // newsletters.
                                  "PROVISIONAL AGENDA", "Agenda", "Concept note",
                                  "Note conceptuelle", "Projet d'ordre du jour",
                                  "Orden del día", "Nota conceptual",
                                  "Newsletter No. 14 - Spring 2021",
                                  "Bolet\xC3\xADn informativo n.\xC2\xBA 7"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_TRUE(is_council_record_line(line));
    }
    for (std::string_view line : {"The meeting was held on 3 May", "Meeting Hosted By: UNRCPD",
                                  "Mr. Chairman of the Committee opened the session.",
                                  "The statement by the Chair welcomed the participants.",
                                  "Subject: export controls",
                                  "Regional meeting on resolution 1540",
                                  "The opening remarks of the Minister stressed the risks.",
                                  "A summary of discussions will be circulated to all participants "
                                  "of the workshop after it closes.",
                                  "The agenda of the workshop covered export controls.",
                                  "Agenda item 4 was adopted by the Committee on Monday, when the "
                                  "members also discussed the programme of work for the year"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_FALSE(is_council_record_line(line));
    }
}

TEST(DocumentKind, SpeechLines)
{
    for (std::string_view line : {"OPENING REMARKS", "Remarks by the Director of UNREC",
                                  "(Check against delivery)", "Allocution d'ouverture du Directeur",
                                  "Palabras de apertura"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_TRUE(speech_line(line));
    }
    for (std::string_view line : {"SUMMARY OF DISCUSSIONS", "Statement by the Delegation of Peru",
                                  "The opening remarks stressed the risks of trafficking."}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_FALSE(speech_line(line));
    }
}

TEST(DocumentKind, FutureTense)
{
    for (std::string_view s :
         {"A workshop will be held from 7 to 10 December in Cairo.",
          "A workshop is being held on 27 and 28 November in Gaborone.",
          "UNRCPD is organizing a workshop.", "Un atelier se tiendra du 25 au 27 janvier.",
          "Nairobi accueillera du 2 au 4 février un atelier.",
          "La capitale va abriter une rencontre.", "Se celebrará el 11 de julio un taller.",
          "El taller tendrá lugar en San José.", "El curso se llevará a cabo en Lima.",
          "Se espera la participación de delegaciones de Bolivia y Chile.",
          "La participation du Mali est attendue."}) {
        SCOPED_TRACE(std::string(s));
        EXPECT_TRUE(future_tense(s));
    }
    for (std::string_view s :
         {"A workshop was held from 7 to 10 December in Cairo.",
          "Un atelier s'est tenu du 8 au 11 mars.", "Se celebró el 10 de septiembre un taller.",
          "The goodwill of States was noted.", "The event will was held on 1 December.", "El 9 y 10 de enero tuvo lugar la sesión.",
          "Se esperaba la participación de Bolivia, que no asistió."}) {
        SCOPED_TRACE(std::string(s));
        EXPECT_FALSE(future_tense(s));
    }
}

TEST(DocumentKind, UpcomingHeadings)
{
    for (std::string_view line :
         {"Upcoming event", "UPCOMING EVENTS", "Forthcoming event",
          "Upcoming event: Regional Course on Export Licensing",
          "Conflict Prevention Centre - Forthcoming event", "Centro Regional | Próximos eventos",
          "Événements à venir", "**Prochains événements**", "Home > Upcoming events",
          // The last part of a trail, and pages that ask for participants.
          "EVENTS CALENDAR  >  UPCOMING", "REGISTRATION NOW OPEN", "Call for nominations",
          "CONVOCATORIA", "Inscriptions ouvertes", "Appel à candidatures"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_TRUE(upcoming_heading(line));
    }
    for (std::string_view line :
         {"Events", "News", "Upcoming events were discussed at the meeting in Lima.",
          "Forthcoming event on export controls", "Past events", "Événements passés",
          "Upcoming: a workshop", "", "Registration of participants closed on 3 May",
          "Calendar > Past"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_FALSE(upcoming_heading(line));
    }
}

TEST(DocumentKind, PressTagLines)
{
    for (std::string_view line :
         {"Niamey, 19/11/2025 - Agence nigérienne d'information (communiqué)",
          "Lima, 3 de mayo de 2026 (Comunicado de prensa)", "Accra, 4 May 2026 (press release)",
          "(Communiqué)"}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_TRUE(press_tag_line(line));
    }
    for (std::string_view line :
         {"Le ministère des Affaires étrangères communique :", "Communiqué de presse",
          "Vienna, 5 May 2026 (UNODA)", "Resolution 1540 (2004)",
          "The communiqué (issued on Monday) was brief."}) {
        SCOPED_TRACE(std::string(line));
        EXPECT_FALSE(press_tag_line(line));
    }
}

TEST(DocumentKind, ClassifiesByTheMarksInOrder)
{
    KindMarks m;
    EXPECT_EQ(classify_document(m), DocumentKind::Other);
    m.press_symbol = true;
    EXPECT_EQ(classify_document(m), DocumentKind::Other);  // no event
    m.event_found = true;
    EXPECT_EQ(classify_document(m), DocumentKind::PressRelease);
    m.future_event = true;
    EXPECT_EQ(classify_document(m), DocumentKind::Announcement);
    m = {};
    m.event_found = true;
    m.press_symbol = true;
    m.upcoming = true;  // an "Upcoming event" heading above a release
    EXPECT_EQ(classify_document(m), DocumentKind::Announcement);
    m = {};
    m.event_found = true;
    EXPECT_EQ(classify_document(m), DocumentKind::WebUpdate);
    m.invited = true;
    EXPECT_EQ(classify_document(m), DocumentKind::Announcement);
    m.council_record = true;
    EXPECT_EQ(classify_document(m), DocumentKind::Other);
    m.note_header = true;
    EXPECT_EQ(classify_document(m), DocumentKind::InformationNote);
}

}  // namespace
}  // namespace infonote
