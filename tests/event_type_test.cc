#include "event_type.h"

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace infonote {
namespace {

struct TitleCase {
    const char* title;
    const char* type;  // "" for a title that names no type
};

std::string type_of(std::string_view title)
{
    return std::string(event_type(title).value_or(""));
}

std::string resolved(std::string_view typed)
{
    return std::string(resolve_event_type(typed).value_or("(none)"));
}

void expect_types(const std::vector<TitleCase>& cases)
{
    for (const TitleCase& c : cases) {
        SCOPED_TRACE(c.title);
        EXPECT_EQ(type_of(c.title), c.type);
    }
}

TEST(EventType, ClassifiesEnglishTitles)
{
    expect_types({
        {"Regional Workshop on Strategic Trade Controls for States of Central Asia", "workshop"},
        {"National Roundtable on the Implementation of Resolution 1540 (2004) in Kenya",
         "roundtable"},
        {"Round Table on Border Security", "roundtable"},
        {"Round-table discussion on biosecurity", "roundtable"},
        {"Peer Review on Export Controls under Resolution 1540 (2004)", "peer review"},
        {"International Conference on CBRN Security", "conference"},
        {"Sub-regional Seminar on Nuclear Security and Resolution 1540 (2004)", "seminar"},
        {"Expert Meeting on Maritime Security in the Caribbean", "meeting"},
        {"Webinar on Countering Proliferation Financing", "webinar"},
        {"Table-top Exercise on Biological Incident Response", "exercise"},
        {"Country Visit to Jamaica: Strategic Trade Management", "visit"},
        {"Visit of the Chair of the 1540 Committee to Kazakhstan", "visit"},
        {"Regional Dialogue on Non-Proliferation", "dialogue"},
        {"Briefing to Member States on the Comprehensive Review", "briefing"},
        {"Open Consultations on the Comprehensive Review", "consultation"},
        {"Global Forum on Export Controls", "forum"},
        {"Symposium on Chemical Security", "symposium"},
        {"Side event on Resolution 1540 (2004) and Youth", "side event"},
        {"Training for customs officers on commodity identification", "training"},
        {"Online course on legislative drafting", "course"},
    });
}

TEST(EventType, ReadsPluralsAndCapitals)
{
    expect_types({
        {"NATIONAL WORKSHOPS ON RESOLUTION 1540 (2004)", "workshop"},
        {"Regional Seminars for Pacific Island States", "seminar"},
        {"Peer-reviews between Croatia and Poland", "peer review"},
        {"Roundtables with Industry", "roundtable"},
        {"Side-Events at the BWC Meeting of States Parties", "side event"},
        {"Symposia on Biosecurity", "symposium"},
    });
}

TEST(EventType, ClassifiesFrenchTitles)
{
    expect_types({
        {"Atelier régional sur le contrôle des exportations à l'intention des États d'Afrique",
         "workshop"},
        {"Table ronde nationale sur la mise en œuvre de la résolution 1540 (2004) : Sénégal",
         "roundtable"},
        {"Séminaire sous-régional sur la biosécurité", "seminar"},
        {"Examen par les pairs entre le Maroc et la Tunisie", "peer review"},
        {"Conférence internationale sur la sécurité nucléaire", "conference"},
        {"Formation des agents des douanes", "training"},
        {"Réunion d'experts sur la sécurité chimique", "meeting"},
        {"Réunion d'information à l'intention des États Membres", "briefing"},
        {"Séminaire en ligne sur les plans d'action nationaux", "webinar"},
        {"Atelier de formation sur la sécurité aux frontières", "workshop"},
    });
}

TEST(EventType, ClassifiesSpanishTitles)
{
    expect_types({
        {"Taller regional sobre los controles a la exportación", "workshop"},
        {"Talleres nacionales sobre la seguridad nuclear", "workshop"},
        {"Mesa redonda nacional sobre la aplicación de la resolución 1540 (2004) en el Perú",
         "roundtable"},
        {"Seminario subregional sobre la bioseguridad", "seminar"},
        {"Seminario web sobre los planes de acción nacionales", "webinar"},
        {"Capacitación para funcionarios de aduanas", "training"},
        {"Reunión de expertos sobre la seguridad fronteriza", "meeting"},
        {"Conferencia regional sobre no proliferación", "conference"},
        {"Revisión entre pares entre Colombia y México", "peer review"},
        {"Curso de capacitación sobre controles comerciales", "course"},
    });
}

TEST(EventType, FirstTypeInTheTitleWins)
{
    expect_types({
        {"Workshop and training course on export control", "workshop"},
        {"Conference on Peer Review Mechanisms", "conference"},
        {"Seminar, workshop and exercise on nuclear forensics", "seminar"},
        {"Side event on the margins of the Conference on Disarmament", "side event"},
    });
}

TEST(EventType, CompoundsTakeTheirHeadNoun)
{
    expect_types({
        {"Training Course on Border Security for Customs Officers", "course"},
        {"Training Workshop on Export Licensing", "workshop"},
        {"Review Conference Side Event on Biosecurity", "side event"},
        {"Conference side-event on nuclear security", "side event"},
        {"Peer Review Meeting between Ghana and Nigeria", "peer review"},
        {"Peer-Review Exercise between Croatia and Poland", "peer review"},
        {"Roundtable meeting with industry", "roundtable"},
        // Punctuation between type words ends the compound.
        {"Workshop: Training on Export Licensing", "workshop"},
        {"Conference (side event) on biosecurity", "conference"},
    });
}

TEST(EventType, LeavesUntypedTitlesAlone)
{
    expect_types({
        {"National action plan presentation", ""},
        {"Resolution 1540 (2004): implementation in Central Asia", ""},
        {"Strengthening biosecurity in West Africa", ""},
        {"Workshopping the future of export controls", ""},
        {"", ""},
    });
}

TEST(EventType, ListsEveryTypeOnce)
{
    const std::vector<std::string_view>& types = event_types();
    EXPECT_EQ(types.size(), 17u);
    EXPECT_TRUE(std::is_sorted(types.begin(), types.end()));
    EXPECT_EQ(std::set<std::string_view>(types.begin(), types.end()).size(), types.size());
    for (std::string_view type : types) {
        SCOPED_TRACE(type);
        EXPECT_EQ(resolved(type), type);
        EXPECT_EQ(type_of(std::string(type) + " on nuclear security"), type);
    }
}

TEST(EventType, ResolvesWhatUsersType)
{
    const struct {
        const char* typed;
        const char* type;
    } cases[] = {
        {"workshop", "workshop"},
        {"Workshops", "workshop"},
        {"round table", "roundtable"},
        {"Round-Tables", "roundtable"},
        {"ROUNDTABLE", "roundtable"},
        {"peer-review", "peer review"},
        {"peer reviews", "peer review"},
        {"atelier", "workshop"},
        {"taller", "workshop"},
        {"séminaire", "seminar"},
        {"seminaire", "seminar"},
        {"seminario web", "webinar"},
        {"side-event", "side event"},
        {"réunion", "meeting"},
        {"capacitación", "training"},
        {"  Table Ronde ", "roundtable"},
        {"workshop on", "(none)"},
        {"peer", "(none)"},
        {"event", "(none)"},
        {"party", "(none)"},
        {"", "(none)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.typed);
        EXPECT_EQ(resolved(c.typed), c.type);
    }
}

}  // namespace
}  // namespace infonote
