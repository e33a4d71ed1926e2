#include "regions.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "country_gazetteer.h"

namespace infonote {
namespace {

// Codes iso-codes knows that the M49 table leaves out: Antarctica has no
// M49 region, and M49 does not list Taiwan. Kosovo's user-assigned XK is in
// neither.
const std::set<std::string> kWithoutRegion{"AQ", "TW", "XK"};

std::vector<std::string> names_of(const std::vector<const Region*>& regions)
{
    std::vector<std::string> names;
    for (const Region* r : regions) names.push_back(r->name);
    return names;
}

std::string resolved_name(std::string_view written)
{
    const Region* r = default_region_table().resolve(written);
    return r ? r->name : "(none)";
}

TEST(RegionTable, HoldsTheFiveRegionsAndEveryCountryOnce)
{
    const RegionTable& table = default_region_table();
    std::vector<std::string> top;
    std::set<std::string> codes;
    std::size_t listed = 0;
    for (const Region& r : table.regions()) {
        if (r.level != RegionLevel::Region) continue;
        top.push_back(r.name);
        codes.insert(r.countries.begin(), r.countries.end());
        listed += r.countries.size();
    }
    EXPECT_EQ(top, (std::vector<std::string>{"Africa", "Americas", "Asia", "Europe", "Oceania"}));
    // 249 iso-codes countries without Antarctica and Taiwan.
    EXPECT_EQ(codes.size(), 247u);
    EXPECT_EQ(listed, codes.size());
}

TEST(RegionTable, ListsLargerLevelsFirst)
{
    const std::vector<Region>& regions = default_region_table().regions();
    EXPECT_TRUE(
        std::is_sorted(regions.begin(), regions.end(), [](const Region& a, const Region& b) {
            return a.level < b.level || (a.level == b.level && a.name < b.name);
        }));
    EXPECT_EQ(regions.size(), 5u + 17u + 8u);
}

TEST(RegionTable, ResolvesCanonicalNames)
{
    const struct {
        const char* written;
        RegionLevel level;
    } cases[] = {
        {"Africa", RegionLevel::Region},
        {"Americas", RegionLevel::Region},
        {"Sub-Saharan Africa", RegionLevel::SubRegion},
        {"Latin America and the Caribbean", RegionLevel::SubRegion},
        {"Northern America", RegionLevel::SubRegion},
        {"South-eastern Asia", RegionLevel::SubRegion},
        {"Australia and New Zealand", RegionLevel::SubRegion},
        {"Micronesia", RegionLevel::SubRegion},
        {"Eastern Africa", RegionLevel::Intermediate},
        {"Caribbean", RegionLevel::Intermediate},
        {"South America", RegionLevel::Intermediate},
        {"Channel Islands", RegionLevel::Intermediate},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.written);
        const Region* r = default_region_table().resolve(c.written);
        ASSERT_NE(r, nullptr);
        EXPECT_EQ(r->name, c.written);
        EXPECT_EQ(r->level, c.level);
    }
}

TEST(RegionTable, IgnoresCaseAccentsAndPunctuation)
{
    const struct {
        const char* written;
        const char* name;
    } cases[] = {
        {"SOUTH-EASTERN ASIA", "South-eastern Asia"},
        {"south eastern asia", "South-eastern Asia"},
        {"sub saharan africa", "Sub-Saharan Africa"},
        {"Latin America & the Caribbean", "Latin America and the Caribbean"},
        {"the Caribbean", "Caribbean"},
        {"The Americas", "Americas"},
        {"Éurope", "Europe"},
        {"  western   asia ", "Western Asia"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(resolved_name(c.written), c.name);
    }
}

TEST(RegionTable, ResolvesAliases)
{
    const struct {
        const char* written;
        const char* name;
    } cases[] = {
        {"Latin America", "Latin America and the Caribbean"},
        {"North America", "Northern America"},
        {"South-East Asia", "South-eastern Asia"},
        {"South East Asia", "South-eastern Asia"},
        {"Southeast Asia", "South-eastern Asia"},
        {"Subsaharan Africa", "Sub-Saharan Africa"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(resolved_name(c.written), c.name);
    }
}

TEST(RegionTable, RejectsWhatIsNoM49Region)
{
    EXPECT_EQ(resolved_name("Middle East"), "(none)");
    EXPECT_EQ(resolved_name("Asia-Pacific"), "(none)");
    EXPECT_EQ(resolved_name("Kazakhstan"), "(none)");
    EXPECT_EQ(resolved_name(""), "(none)");
    EXPECT_EQ(resolved_name("the"), "(none)");
}

TEST(RegionTable, GivesTheRegionsOfACountryLargestFirst)
{
    const RegionTable& table = default_region_table();
    EXPECT_EQ(names_of(table.regions_of("KZ")), (std::vector<std::string>{"Asia", "Central Asia"}));
    EXPECT_EQ(
        names_of(table.regions_of("BR")),
        (std::vector<std::string>{"Americas", "Latin America and the Caribbean", "South America"}));
    EXPECT_EQ(names_of(table.regions_of("ke")),
              (std::vector<std::string>{"Africa", "Sub-Saharan Africa", "Eastern Africa"}));
    EXPECT_EQ(names_of(table.regions_of("JE")),
              (std::vector<std::string>{"Europe", "Northern Europe", "Channel Islands"}));
    EXPECT_EQ(names_of(table.regions_of("MX")),
              (std::vector<std::string>{"Americas", "Latin America and the Caribbean",
                                        "Central America"}));
    EXPECT_EQ(names_of(table.regions_of("US")),
              (std::vector<std::string>{"Americas", "Northern America"}));
    EXPECT_EQ(names_of(table.regions_of("CY")), (std::vector<std::string>{"Asia", "Western Asia"}));
    EXPECT_TRUE(table.regions_of("AQ").empty());
    EXPECT_TRUE(table.regions_of("ZZ").empty());
    EXPECT_TRUE(table.regions_of("").empty());
}

TEST(RegionTable, CountriesAgreeWithRegionsOf)
{
    const RegionTable& table = default_region_table();
    for (const Region& r : table.regions()) {
        SCOPED_TRACE(r.name);
        EXPECT_FALSE(r.countries.empty());
        EXPECT_TRUE(std::is_sorted(r.countries.begin(), r.countries.end()));
        EXPECT_EQ(std::adjacent_find(r.countries.begin(), r.countries.end()), r.countries.end());
        for (const std::string& code : r.countries) {
            std::vector<const Region*> of = table.regions_of(code);
            EXPECT_NE(std::find(of.begin(), of.end(), &r), of.end()) << code;
            // One group per level, largest first, starting with a region.
            ASSERT_FALSE(of.empty()) << code;
            for (std::size_t i = 0; i < of.size(); ++i)
                EXPECT_EQ(static_cast<std::size_t>(of[i]->level), i) << code;
            for (const Region* group : of)
                EXPECT_TRUE(
                    std::binary_search(group->countries.begin(), group->countries.end(), code))
                    << code << " in " << group->name;
        }
    }
}

TEST(RegionTable, AgreesWithTheCountryGazetteer)
{
    const CountryGazetteer& gazetteer = default_gazetteer();
    const RegionTable& table = default_region_table();
    for (const Region& r : table.regions()) {
        for (const std::string& code : r.countries) {
            const Country* c = gazetteer.resolve(code);
            ASSERT_NE(c, nullptr) << code << " in " << r.name;
            EXPECT_EQ(c->alpha2, code);
            EXPECT_EQ(kWithoutRegion.count(code), 0u) << code;
        }
    }
    for (const Country& c : gazetteer.countries()) {
        SCOPED_TRACE(c.alpha2 + " " + c.name);
        EXPECT_EQ(table.regions_of(c.alpha2).empty(), kWithoutRegion.count(c.alpha2) == 1);
    }
}

TEST(RegionTable, SuggestsNearNames)
{
    const RegionTable& table = default_region_table();
    std::vector<const Region*> western = table.suggest("Westren Europe", 3);
    ASSERT_FALSE(western.empty());
    EXPECT_EQ(western[0]->name, "Western Europe");
    std::vector<const Region*> caribbean = table.suggest("Carribean", 3);
    ASSERT_FALSE(caribbean.empty());
    EXPECT_EQ(caribbean[0]->name, "Caribbean");
    EXPECT_EQ(names_of(table.suggest("Eastern", 5)),
              (std::vector<std::string>{"Eastern Asia", "Eastern Europe", "South-eastern Asia",
                                        "Eastern Africa"}));
    EXPECT_EQ(table.suggest("Eastern", 2).size(), 2u);
    EXPECT_TRUE(table.suggest("Narnia", 3).empty());
    EXPECT_TRUE(table.suggest("", 3).empty());
}

TEST(RegionTable, NamesItsLevels)
{
    EXPECT_EQ(level_name(RegionLevel::Region), "region");
    EXPECT_EQ(level_name(RegionLevel::SubRegion), "sub-region");
    EXPECT_EQ(level_name(RegionLevel::Intermediate), "intermediate region");
}

class RegionFileTest : public testing::Test {
  protected:
    void SetUp() override
    {
        path_ = std::filesystem::temp_directory_path() /
                ("infonote-regions-" + std::to_string(::getpid()) + ".tsv");
    }
    void TearDown() override { std::filesystem::remove(path_); }
    void write(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }
    // The message loading the file gives, or "" when it loads.
    std::string error()
    {
        try {
            RegionTable table(path_);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    }
    std::filesystem::path path_;
};

TEST_F(RegionFileTest, ReadsItsOwnFormat)
{
    write(
        "# comment\n\nKE\tAfrica\tSub-Saharan Africa\tEastern Africa\r\n"
        "EG\tAfrica\tNorthern Africa\t\n"
        "DZ\tAfrica\tNorthern Africa\n");
    RegionTable table(path_);
    ASSERT_EQ(table.regions().size(), 4u);
    EXPECT_EQ(names_of(table.regions_of("KE")),
              (std::vector<std::string>{"Africa", "Sub-Saharan Africa", "Eastern Africa"}));
    const Region* north = table.resolve("northern africa");
    ASSERT_NE(north, nullptr);
    EXPECT_EQ(north->countries, (std::vector<std::string>{"DZ", "EG"}));
    EXPECT_EQ(table.resolve("Africa")->countries, (std::vector<std::string>{"DZ", "EG", "KE"}));
    // An alias whose group the file lacks resolves to nothing.
    EXPECT_EQ(table.resolve("Latin America"), nullptr);
}

TEST_F(RegionFileTest, NamesTheLineOfAMalformedEntry)
{
    write("KE\tAfrica\tSub-Saharan Africa\tEastern Africa\n\nEG\tAfrica\n");
    EXPECT_EQ(
        error(),
        path_.string() + ":3: expected 'ALPHA2<TAB>region<TAB>sub-region<TAB>intermediate region'");
    write("KE\tAfrica\tSub-Saharan Africa\tEastern Africa\textra\n");
    EXPECT_EQ(
        error(),
        path_.string() + ":1: expected 'ALPHA2<TAB>region<TAB>sub-region<TAB>intermediate region'");
    write("KE\tAfrica\t--\t\n");
    EXPECT_EQ(error(), path_.string() + ":1: '--' names nothing");
}

TEST_F(RegionFileTest, RejectsABadCode)
{
    write("# header\nKEN\tAfrica\tSub-Saharan Africa\tEastern Africa\n");
    EXPECT_EQ(error(), path_.string() + ":2: 'KEN' is not an ISO 3166-1 alpha-2 code in capitals");
    write("ke\tAfrica\tSub-Saharan Africa\tEastern Africa\n");
    EXPECT_EQ(error(), path_.string() + ":1: 'ke' is not an ISO 3166-1 alpha-2 code in capitals");
}

TEST_F(RegionFileTest, RejectsACodeListedTwice)
{
    write("KE\tAfrica\tSub-Saharan Africa\tEastern Africa\nKE\tAfrica\tNorthern Africa\t\n");
    EXPECT_EQ(error(), path_.string() + ":2: KE is already listed on line 1");
}

TEST_F(RegionFileTest, RejectsAGroupPlacedTwoWays)
{
    write("KE\tAfrica\tSub-Saharan Africa\tEastern Africa\nUG\tAfrica\tEastern Africa\t\n");
    EXPECT_EQ(error(),
              path_.string() +
                  ":2: 'Eastern Africa' is an intermediate region on line 1, not a sub-region");
    write("KE\tAfrica\tSub-Saharan Africa\t\nKZ\tAsia\tSub-Saharan Africa\t\n");
    EXPECT_EQ(error(),
              path_.string() + ":2: 'Sub-Saharan Africa' is in 'Africa' on line 1, not in 'Asia'");
    write("KE\tAfrica\tSub-Saharan Africa\t\nUG\tAfrica\tSub-saharan Africa\t\n");
    EXPECT_EQ(error(), path_.string() +
                           ":2: 'Sub-saharan Africa' is written 'Sub-Saharan Africa' on line 1");
}

TEST(RegionTable, NamesTheFileItCannotRead)
{
    try {
        RegionTable table("/nonexistent/m49_regions.tsv");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "/nonexistent/m49_regions.tsv: cannot read regions");
    }
}

}  // namespace
}  // namespace infonote
