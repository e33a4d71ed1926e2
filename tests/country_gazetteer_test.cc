#include "country_gazetteer.h"

#include <gtest/gtest.h>

namespace infonote {
namespace {

struct NameCase {
    const char* written;
    const char* alpha2;
};

std::string code_of(std::string_view name)
{
    const Country* c = default_gazetteer().resolve(name);
    return c ? c->alpha2 : "(none)";
}

TEST(CountryGazetteer, ResolvesUnNamesToTheRightCodes)
{
    const NameCase cases[] = {
        {"Islamic Republic of Iran", "IR"},
        {"Iran (Islamic Republic of)", "IR"},
        {"Iran, Islamic Republic of", "IR"},
        {"Iran", "IR"},
        {"People's Republic of China", "CN"},
        {"People’s Republic of China", "CN"},
        {"Republic of Korea", "KR"},
        {"Democratic People's Republic of Korea", "KP"},
        {"Russian Federation", "RU"},
        {"State of Palestine", "PS"},
        {"United States", "US"},
        {"United States of America", "US"},
        {"United Kingdom", "GB"},
        {"Bolivia (Plurinational State of)", "BO"},
        {"Viet Nam", "VN"},
        {"Lao PDR", "LA"},
        {"Republic of Moldova", "MD"},
        {"Holy See", "VA"},
        {"DPRK", "KP"},
        {"Türkiye", "TR"},
        {"Turkiye", "TR"},
        {"Turkey", "TR"},
        {"Côte d'Ivoire", "CI"},
        {"COTE D'IVOIRE", "CI"},
        {"Democratic Republic of the Congo", "CD"},
        {"Congo", "CG"},
        {"Swaziland", "SZ"},
        {"Cape Verde", "CV"},
    };
    for (const NameCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(code_of(c.written), c.alpha2);
    }
}

TEST(CountryGazetteer, ResolvesCodesInAnyCase)
{
    EXPECT_EQ(code_of("IR"), "IR");
    EXPECT_EQ(code_of("irn"), "IR");
    EXPECT_EQ(code_of("kz"), "KZ");
    EXPECT_EQ(code_of("ZZ"), "(none)");
}

TEST(CountryGazetteer, RejectsWhatIsNotACountry)
{
    EXPECT_EQ(default_gazetteer().resolve("Brazilia"), nullptr);
    EXPECT_EQ(default_gazetteer().resolve(""), nullptr);
    EXPECT_EQ(default_gazetteer().resolve("Korea Strategic Trade Institute"), nullptr);
}

TEST(CountryGazetteer, ShowsNamesInUnWordOrder)
{
    EXPECT_EQ(default_gazetteer().by_code("IR")->name, "Islamic Republic of Iran");
    EXPECT_EQ(default_gazetteer().by_code("KR")->name, "Republic of Korea");
    EXPECT_EQ(default_gazetteer().by_code("PS")->name, "State of Palestine");
    EXPECT_EQ(default_gazetteer().by_code("KZ")->name, "Kazakhstan");
}

std::vector<std::string> scanned_codes(std::string_view list)
{
    std::vector<std::string> codes;
    for (const CountryMatch& m : default_gazetteer().scan_list(list).matches)
        codes.push_back(m.country->alpha2);
    return codes;
}

TEST(CountryGazetteer, ScansListsWithAndInsideNames)
{
    EXPECT_EQ(scanned_codes("Jamaica, Saint Vincent and\nthe Grenadines and Trinidad and Tobago."),
              (std::vector<std::string>{"JM", "VC", "TT"}));
    EXPECT_EQ(scanned_codes("Bosnia and Herzegovina; Antigua and Barbuda, Mali"),
              (std::vector<std::string>{"BA", "AG", "ML"}));
}

TEST(CountryGazetteer, PrefersTheLongestName)
{
    EXPECT_EQ(scanned_codes("Republic of Korea, Democratic People's Republic of Korea, Korea, "
                            "Republic of"),
              (std::vector<std::string>{"KR", "KP", "KR"}));
    EXPECT_EQ(scanned_codes("Guinea-Bissau, Equatorial Guinea, Guinea"),
              (std::vector<std::string>{"GW", "GQ", "GN"}));
}

TEST(CountryGazetteer, ReportsUnknownItemsWithTheirPlace)
{
    std::string list = "Kazakhstan, Atlantis, Kyrgyzstan";
    ListScan scan = default_gazetteer().scan_list(list);
    ASSERT_EQ(scan.matches.size(), 2u);
    ASSERT_EQ(scan.unmatched.size(), 1u);
    EXPECT_EQ(list.substr(scan.unmatched[0].begin, scan.unmatched[0].end - scan.unmatched[0].begin),
              "Atlantis");
}

TEST(CountryGazetteer, TakesCodesOnlyAsWholeItems)
{
    EXPECT_EQ(scanned_codes("FR, DEU, Japan"), (std::vector<std::string>{"FR", "DE", "JP"}));
    ListScan scan = default_gazetteer().scan_list("the IT sector");
    EXPECT_TRUE(scan.matches.empty());
}

TEST(CountryGazetteer, SuggestsCloseNames)
{
    std::vector<const Country*> close = default_gazetteer().suggest("Kazahstan", 1);
    ASSERT_EQ(close.size(), 1u);
    EXPECT_EQ(close[0]->alpha2, "KZ");
    EXPECT_TRUE(default_gazetteer().suggest("Qwertyuiop", 1).empty());
}

TEST(CountryGazetteer, NamesTheFileItCannotRead)
{
    try {
        CountryGazetteer g("/nonexistent/iso_3166-1.json", "/nonexistent/aliases.tsv");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "/nonexistent/iso_3166-1.json: cannot read country list");
    }
}

}  // namespace
}  // namespace infonote
