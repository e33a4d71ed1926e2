#include "org_gazetteer.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "country_gazetteer.h"

namespace infonote {
namespace {

struct OrgCase {
    const char* written;
    const char* acronym;  // "" for an organization without one
};

std::string acronym_of(std::string_view written)
{
    const OrgEntry* e = default_org_gazetteer().resolve(written);
    if (!e) return "(none)";
    return e->acronym.value_or("");
}

TEST(OrgGazetteer, HoldsAtLeastSixtyOrganizations)
{
    EXPECT_GE(default_org_gazetteer().entries().size(), 60u);
}

TEST(OrgGazetteer, ResolvesAcronymsNamesAndAliases)
{
    const OrgCase cases[] = {
        {"UNODA", "UNODA"},
        {"United Nations Office for Disarmament Affairs", "UNODA"},
        {"United Nations Office on Drugs and Crime", "UNODC"},
        {"unodc", "UNODC"},
        {"UNICRI", "UNICRI"},
        {"International Atomic Energy Agency", "IAEA"},
        {"Organisation for the Prohibition of Chemical Weapons", "OPCW"},
        {"BWC ISU", "BWC ISU"},
        {"BWC Implementation Support Unit", "BWC ISU"},
        {"CTBTO", "CTBTO"},
        {"World Customs Organization", "WCO"},
        {"International Criminal Police Organization", "INTERPOL"},
        {"ICPO-INTERPOL", "INTERPOL"},
        {"European Union", "EU"},
        {"OSCE", "OSCE"},
        {"African Union", "AU"},
        {"ECOWAS Commission", "ECOWAS"},
        {"CARICOM", "CARICOM"},
        {"Organization of American States", "OAS"},
        {"CICTE", "CICTE"},
        {"ASEAN Regional Forum", "ARF"},
        {"Central American Integration System", "SICA"},
        {"North Atlantic Treaty Organization", "NATO"},
        {"Wassenaar Arrangement", "WA"},
        {"Nuclear Suppliers Group", "NSG"},
        {"Australia Group", "AG"},
        {"Missile Technology Control Regime", "MTCR"},
        {"Global Initiative to Combat Nuclear Terrorism", "GICNT"},
        {"G7 Global Partnership", "GP"},
        {"World Health Organization", "WHO"},
        {"OIE", "WOAH"},
        {"World Organisation for Animal Health", "WOAH"},
        {"Food and Agriculture Organization of the United Nations", "FAO"},
        {"ICAO", "ICAO"},
        {"International Maritime Organization", "IMO"},
        {"UNIDIR", "UNIDIR"},
        {"1540 Committee", ""},
        {"1540 Committee's group of experts", ""},
    };
    for (const OrgCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(acronym_of(c.written), c.acronym);
    }
}

// Issue 14: every body met in the documents, by full name alone.
TEST(OrgGazetteer, KnowsTheBodiesOfTheOutreachRecordByFullName)
{
    const OrgCase cases[] = {
        {"Caribbean Community", "CARICOM"},
        {"Comunidad del Caribe", "CARICOM"},
        {"Communauté caribéenne", "CARICOM"},
        {"World Health Organization", "WHO"},
        {"Organisation mondiale de la santé", "WHO"},
        {"World Organisation for Animal Health", "WOAH"},
        {"OIE", "WOAH"},
        {"International Criminal Police Organization", "INTERPOL"},
        {"Organisation mondiale des douanes", "WCO"},
        {"Organización de los Estados Americanos", "OAS"},
        {"Comité Interamericano contra el Terrorismo", "CICTE"},
        {"Commission de l'Union africaine", "AUC"},
        {"Ligue des États arabes", "LAS"},
        {"Southern African Development Community", "SADC"},
        {"Common Market for Eastern and Southern Africa", "COMESA"},
        {"International Science and Technology Centre", "ISTC"},
        {"Science and Technology Center in Ukraine", "STCU"},
        {"Economic and Social Commission for Asia and the Pacific", "ESCAP"},
        {"United Nations Regional Centre for Preventive Diplomacy for Central Asia", "UNRCCA"},
        {"Centre régional des Nations Unies pour la paix et le désarmement en Afrique", "UNREC"},
        {"Biological Weapons Convention Implementation Support Unit", "BWC ISU"},
        {"Organization of Eastern Caribbean States", "OECS"},
        {"Comunidad Andina", "CAN"},
        {"Eurasian Group", "EAG"},
        {"Institute for Security Studies", "ISS"},
        {"OPAQ", "OPCW"},
    };
    for (const OrgCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(acronym_of(c.written), c.acronym);
    }
}

TEST(OrgGazetteer, IgnoresSpellingVariants)
{
    const char* osce[] = {
        "Organization for Security and Cooperation in Europe",
        "Organization for Security and Co-operation in Europe",
        "Organisation for Security and Co-operation in Europe",
        "ORGANISATION FOR SECURITY AND CO-OPERATION IN EUROPE",
        "the Organization for Security and Co operation in Europe",
    };
    for (const char* name : osce) {
        SCOPED_TRACE(name);
        EXPECT_EQ(acronym_of(name), "OSCE");
    }
    EXPECT_EQ(acronym_of("United Nations Office of Counter Terrorism"), "UNOCT");
    EXPECT_EQ(acronym_of("United Nations Office of Counterterrorism"), "UNOCT");
    EXPECT_EQ(acronym_of("UN Regional Center for Peace and Disarmament in Asia and the Pacific"),
              "UNRCPD");
}

TEST(OrgGazetteer, KnowsFrenchAndSpanishNames)
{
    EXPECT_EQ(acronym_of("Agence internationale de l'énergie atomique"), "IAEA");
    EXPECT_EQ(acronym_of("Organisation pour l'interdiction des armes chimiques"), "OPCW");
    EXPECT_EQ(acronym_of("Organización de los Estados Americanos"), "OAS");
    EXPECT_EQ(acronym_of("Union africaine"), "AU");
    EXPECT_EQ(acronym_of("CEDEAO"), "ECOWAS");
}

TEST(OrgGazetteer, GivesCanonicalNamesAndKinds)
{
    const OrgEntry* unodc =
        default_org_gazetteer().resolve("United Nations Office for Drugs and Crime");
    ASSERT_NE(unodc, nullptr);
    EXPECT_EQ(unodc->name, "United Nations Office on Drugs and Crime");
    EXPECT_EQ(unodc->kind, OrgKind::International);
    const OrgEntry* vertic = default_org_gazetteer().resolve("VERTIC");
    ASSERT_NE(vertic, nullptr);
    EXPECT_EQ(vertic->kind, OrgKind::Civil);
}

TEST(OrgGazetteer, RejectsWhatIsNoOrganization)
{
    EXPECT_EQ(default_org_gazetteer().resolve("Kazakhstan"), nullptr);
    EXPECT_EQ(default_org_gazetteer().resolve("United Nations Office"), nullptr);
    EXPECT_EQ(default_org_gazetteer().resolve(""), nullptr);
}

TEST(OrgGazetteer, KeysFoldSpellingAndJoinPrefixes)
{
    EXPECT_EQ(org_key("Organisation for Security and Co-operation in Europe"),
              "organization for security cooperation in europe");
    EXPECT_EQ(org_key("Counter-Terrorism Centre"), "counterterrorism center");
    EXPECT_EQ(org_key("Non Proliferation Programme"), "nonproliferation program");
}

class OrgFileTest : public testing::Test {
  protected:
    void SetUp() override
    {
        path_ = std::filesystem::temp_directory_path() /
                ("infonote-orgs-" + std::to_string(::getpid()) + ".tsv");
    }
    void TearDown() override { std::filesystem::remove(path_); }
    void write(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }
    std::filesystem::path path_;
};

TEST_F(OrgFileTest, ReadsItsOwnFormat)
{
    write(
        "# comment\n\nXYZ\tinternational\tExample Organization\tExample Org|Ejemplo\n"
        "-\tcivil_society\tSome Institute\t\n");
    OrgGazetteer g(path_);
    ASSERT_EQ(g.entries().size(), 2u);
    EXPECT_EQ(g.resolve("Ejemplo"), &g.entries()[0]);
    EXPECT_EQ(g.resolve("some institute"), &g.entries()[1]);
    EXPECT_FALSE(g.entries()[1].acronym);
}

TEST_F(OrgFileTest, NamesTheLineOfAMalformedEntry)
{
    write("XYZ\tinternational\tExample\n\nABC\tsomething\tOther\n");
    try {
        OrgGazetteer g(path_);
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  path_.string() + ":3: expected 'ACRONYM<TAB>kind<TAB>name<TAB>alias|alias'");
    }
}

TEST_F(OrgFileTest, RejectsANameClaimedTwice)
{
    write("XYZ\tinternational\tExample\nABC\tinternational\tOther\tXYZ\n");
    try {
        OrgGazetteer g(path_);
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), path_.string() + ":2: 'XYZ' already names Example");
    }
}

TEST(OrgGazetteer, NamesTheFileItCannotRead)
{
    try {
        OrgGazetteer g("/nonexistent/organizations.tsv");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "/nonexistent/organizations.tsv: cannot read organizations");
    }
}

}  // namespace
}  // namespace infonote
