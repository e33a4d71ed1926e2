#include "country_gazetteer.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "city_names.h"
#include "mo_catalog.h"
#include "text_normalizer.h"
#include "tsv_file.h"

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
        {"Czech Republic", "CZ"},
        {"The former Yugoslav Republic of Macedonia", "MK"},
        {"the Netherlands", "NL"},
        {"Micronesia (Federated States of)", "FM"},
        {"Venezuela (Bolivarian Republic of)", "VE"},
        {"United Republic of Tanzania", "TZ"},
        {"Lao People's Democratic Republic", "LA"},
        {"Syrian Arab Republic", "SY"},
    };
    for (const NameCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(code_of(c.written), c.alpha2);
    }
}

// Issue 14: names as real Information Notes write them.
TEST(CountryGazetteer, ResolvesNamesInTheFormsRealNotesWrite)
{
    const NameCase cases[] = {
        // Saint abbreviated, "&" for "and"
        {"St Lucia", "LC"},
        {"St. Lucia", "LC"},
        {"ST LUCIA", "LC"},
        {"Ste Lucie", "LC"},
        {"Ste-Lucie", "LC"},
        {"St Kitts and Nevis", "KN"},
        {"St. Kitts & Nevis", "KN"},
        {"St Vincent & the Grenadines", "VC"},
        {"St. Vincent and the Grenadines", "VC"},
        {"St-Vincent-et-les Grenadines", "VC"},
        {"Trinidad & Tobago", "TT"},
        {"Antigua & Barbuda", "AG"},
        {"Bosnia & Herzegovina", "BA"},
        // The UN's qualified forms, whether or not iso-codes inverts the name
        {"Netherlands (Kingdom of the)", "NL"},
        {"Korea (Republic of)", "KR"},
        {"Korea (Democratic People's Republic of)", "KP"},
        {"Tanzania (United Republic of)", "TZ"},
        {"Moldova (Republic of)", "MD"},
        {"Congo (Democratic Republic of the)", "CD"},
        // French and Spanish articles and elisions
        {"la France", "FR"},
        {"le Kenya", "KE"},
        {"les États-Unis", "US"},
        {"l'Égypte", "EG"},
        {"l’Algérie", "DZ"},
        {"d'Oman", "OM"},
        {"des Émirats arabes unis", "AE"},
        {"du Maroc", "MA"},
        {"el Perú", "PE"},
        {"los Estados Unidos", "US"},
        // Everyday French and Spanish short names (data/country_aliases.tsv)
        {"Russie", "RU"},
        {"Royaume-Uni", "GB"},
        {"États-Unis", "US"},
        {"Etats-Unis", "US"},
        {"Chine", "CN"},
        {"Corée du Sud", "KR"},
        {"Corée du Nord", "KP"},
        {"Iran", "IR"},
        {"Syrie", "SY"},
        {"Pays-Bas", "NL"},
        {"Tchéquie", "CZ"},
        {"Biélorussie", "BY"},
        {"Rusia", "RU"},
        {"Estados Unidos", "US"},
        {"EE. UU.", "US"},
        {"EEUU", "US"},
        {"Reino Unido", "GB"},
        {"China", "CN"},
        {"Corea del Sur", "KR"},
        {"Países Bajos", "NL"},
        {"Siria", "SY"},
        {"Irán", "IR"},
        {"Santa Sede", "VA"},
    };
    for (const NameCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(code_of(c.written), c.alpha2);
    }
}

// ("la" and "St" alone are codes, of Laos and Sao Tome and Principe.)
TEST(CountryGazetteer, NeverMakesACountryOfAQualifierOrAnArticleAlone)
{
    for (const char* written : {"(Kingdom of the)", "Kingdom of the", "de la", "l'", "Ste", "&",
                                "Corée", "Astana (Kazakhstan)", "Korea Strategic Trade Institute",
                                "European Union", "Caribbean Community", "Ciudad de"}) {
        SCOPED_TRACE(written);
        EXPECT_EQ(code_of(written), "(none)");
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
    EXPECT_EQ(default_gazetteer().by_code("VA")->name, "Holy See");
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

TEST(CountryGazetteer, ScansListsWrittenAsFrenchAndSpanishProse)
{
    EXPECT_EQ(scanned_codes("de l'Égypte, d'Oman, des Émirats arabes unis, du Maroc, de la "
                            "Tunisie, du Qatar et de la Jordanie."),
              (std::vector<std::string>{"EG", "OM", "AE", "MA", "TN", "QA", "JO"}));
    EXPECT_EQ(scanned_codes("le Kenya, la France, les États-Unis et l’Algérie"),
              (std::vector<std::string>{"KE", "FR", "US", "DZ"}));
    EXPECT_EQ(scanned_codes("el Perú, los Estados Unidos y la Argentina"),
              (std::vector<std::string>{"PE", "US", "AR"}));
}

TEST(CountryGazetteer, ScansListsWithEmptyItemsAndAbbreviations)
{
    EXPECT_EQ(scanned_codes("Barbados, Canada, , Grenada, ,, St Lucia, • , St. Vincent & the "
                            "Grenadines, Netherlands (Kingdom of the), , "),
              (std::vector<std::string>{"BB", "CA", "GD", "LC", "VC", "NL"}));
    EXPECT_TRUE(default_gazetteer().scan_list("Fiji, , Samoa, • ,").unmatched.empty());
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

TEST(CountryGazetteer, ResolvesNamesInTheOtherUnLanguages)
{
    const NameCase cases[] = {
        // French
        {"Allemagne", "DE"},
        {"Fédération de Russie", "RU"},
        {"Iran (République islamique d')", "IR"},
        {"République islamique d'Iran", "IR"},
        {"Corée, République de", "KR"},
        {"Côte d'Ivoire", "CI"},
        // Spanish
        {"Alemania", "DE"},
        {"Estado Plurinacional de Bolivia", "BO"},
        {"República de Corea", "KR"},
        // Russian, with and without the stress mark iso-codes writes
        {"Германия", "DE"},
        {"Российская Федерация", "RU"},
        {"Казахстан", "KZ"},
        {"Исламская Республика Иран", "IR"},
        // Arabic
        {"ألمانيا", "DE"},
        {"الأردن", "JO"},
        {"العراق", "IQ"},
        // Chinese
        {"德国", "DE"},
        {"中国", "CN"},
        {"俄罗斯", "RU"},
        {"哈萨克斯坦", "KZ"},
    };
    for (const NameCase& c : cases) {
        SCOPED_TRACE(c.written);
        EXPECT_EQ(code_of(c.written), c.alpha2);
    }
}

TEST(CountryGazetteer, ScansListsInTheOtherUnLanguages)
{
    EXPECT_EQ(scanned_codes("Allemagne, Fédération de Russie et Kazakhstan"),
              (std::vector<std::string>{"DE", "RU", "KZ"}));
    EXPECT_EQ(scanned_codes("Alemania, Chile y Perú"),
              (std::vector<std::string>{"DE", "CL", "PE"}));
    EXPECT_EQ(scanned_codes("Германия, Казахстан и Иордания"),
              (std::vector<std::string>{"DE", "KZ", "JO"}));
    // Arabic writes "and" joined to the next name, and its own comma.
    EXPECT_EQ(scanned_codes("الأردن، العراق والكويت"),
              (std::vector<std::string>{"JO", "IQ", "KW"}));
    // Chinese lists use the ideographic comma and 和 for "and".
    EXPECT_EQ(scanned_codes("中国、俄罗斯和哈萨克斯坦"),
              (std::vector<std::string>{"CN", "RU", "KZ"}));
}

TEST(CountryGazetteer, NeverTakesANameInsideAnotherNameForACountry)
{
    for (const char* item :
         {"Georgia Institute of Technology", "University of Georgia (USA)",
          "Korea Strategic Trade Institute", "Indian Chemical Council", "Ericsson AB Sweden",
          "United States Department of Energy", "Japan Atomic Energy Agency"}) {
        SCOPED_TRACE(item);
        ListScan scan = default_gazetteer().scan_list(std::string("Peru, ") + item + ", Chile");
        ASSERT_EQ(scan.unmatched.size(), 1u);
        std::string list = std::string("Peru, ") + item + ", Chile";
        EXPECT_EQ(
            list.substr(scan.unmatched[0].begin, scan.unmatched[0].end - scan.unmatched[0].begin),
            item);
        EXPECT_EQ(scan.matches.size(), 2u);
    }
}

TEST(CountryGazetteer, SkipsNotesAndFootnoteMarksAfterNames)
{
    std::string list = "Japan (observer), Republic of Korea (ROK), Kazakhstan\u00b9, Peru2";
    ListScan scan = default_gazetteer().scan_list(list);
    std::vector<std::string> written;
    for (const CountryMatch& m : scan.matches)
        written.push_back(list.substr(m.begin, m.end - m.begin));
    EXPECT_EQ(written,
              (std::vector<std::string>{"Japan", "Republic of Korea", "Kazakhstan", "Peru"}));
    EXPECT_TRUE(scan.unmatched.empty());
}

TEST(CountryGazetteer, FindsTheCountriesThatOpenAText)
{
    std::string_view text = "United States Other";
    EXPECT_EQ(text.substr(default_gazetteer().leading_countries_end(text)), " Other");
    EXPECT_EQ(default_gazetteer().leading_countries_end("Pacific Island States"), 0u);
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

// --- gettext catalogues -----------------------------------------------------

using Messages = std::vector<std::pair<std::string, std::string>>;

void put_word(std::string& out, std::uint32_t w, bool big_endian)
{
    for (int i = 0; i < 4; ++i) {
        int shift = big_endian ? 24 - 8 * i : 8 * i;
        out += static_cast<char>((w >> shift) & 0xff);
    }
}

// A .mo file as msgfmt writes it (without the optional hash table).
std::string make_mo(const Messages& messages, bool big_endian = false)
{
    const auto n = static_cast<std::uint32_t>(messages.size());
    const std::uint32_t originals = 28, translations = originals + 8 * n;
    std::uint32_t strings = translations + 8 * n;
    std::string header, tables, data;
    put_word(header, 0x950412de, big_endian);
    put_word(header, 0, big_endian);
    put_word(header, n, big_endian);
    put_word(header, originals, big_endian);
    put_word(header, translations, big_endian);
    put_word(header, 0, big_endian);  // hash table size
    put_word(header, 0, big_endian);  // hash table offset
    std::string original_table, translation_table;
    for (const auto& [id, str] : messages) {
        put_word(original_table, static_cast<std::uint32_t>(id.size()), big_endian);
        put_word(original_table, strings + static_cast<std::uint32_t>(data.size()), big_endian);
        data += id + '\0';
    }
    for (const auto& [id, str] : messages) {
        put_word(translation_table, static_cast<std::uint32_t>(str.size()), big_endian);
        put_word(translation_table, strings + static_cast<std::uint32_t>(data.size()), big_endian);
        data += str + '\0';
    }
    return header + original_table + translation_table + data;
}

TEST(MoCatalog, ReadsBothByteOrders)
{
    Messages messages{
        {"", "Project-Id-Version: test"}, {"Germany", "Allemagne"}, {"Peru", "Pérou"}};
    for (bool big_endian : {false, true}) {
        SCOPED_TRACE(big_endian);
        std::vector<MoMessage> read = parse_mo(make_mo(messages, big_endian));
        ASSERT_EQ(read.size(), 2u);  // the header entry is skipped
        EXPECT_EQ(read[0].original, "Germany");
        EXPECT_EQ(read[0].translation, "Allemagne");
        EXPECT_EQ(read[1].translation, "Pérou");
    }
}

TEST(MoCatalog, KeepsTheSingularAndDropsAContext)
{
    std::vector<MoMessage> read =
        parse_mo(make_mo({{std::string("ctx\x04Peru"), "Pérou"},
                          {std::string("country\0countries", 17), std::string("pays\0pays", 9)}}));
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].original, "Peru");
    EXPECT_EQ(read[1].original, "country");
    EXPECT_EQ(read[1].translation, "pays");
}

TEST(MoCatalog, RejectsDamagedFilesWithAReason)
{
    std::string good = make_mo({{"Germany", "Allemagne"}});
    std::string bad_offset = good;
    bad_offset[32] = '\x7f';  // the first string's offset, far past the end
    struct Damaged {
        std::string bytes;
        const char* reason;
    };
    const Damaged cases[] = {
        {"", "too short for a .mo header"},
        {std::string(40, 'x'), "not a .mo file (bad magic number)"},
        {good.substr(0, 30), "string table outside the file"},
        {bad_offset, "string outside the file"},
    };
    for (const Damaged& d : cases) {
        SCOPED_TRACE(d.reason);
        try {
            parse_mo(d.bytes);
            FAIL() << "expected an exception";
        } catch (const std::runtime_error& e) {
            EXPECT_EQ(std::string(e.what()), d.reason);
        }
    }
}

class CatalogueTest : public testing::Test {
  protected:
    void SetUp() override
    {
        dir_ =
            std::filesystem::temp_directory_path() / ("infonote-mo-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path write(const std::string& name, const std::string& bytes)
    {
        std::filesystem::path p = dir_ / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

    CountryGazetteer load(const std::vector<std::filesystem::path>& catalogues)
    {
        return CountryGazetteer(iso_3166_json(), data_dir() / "country_aliases.tsv", catalogues);
    }

    std::filesystem::path dir_;
};

TEST_F(CatalogueTest, SkipsMissingAndDamagedCataloguesWithAWarning)
{
    std::filesystem::path good = write("good.mo", make_mo({{"Germany", "Allemagne"}}));
    std::filesystem::path damaged = write("damaged.mo", "garbage that is not a catalogue");
    std::filesystem::path missing = dir_ / "missing.mo";
    CountryGazetteer g = load({missing, damaged, good});
    EXPECT_EQ(g.load_warnings(),
              (std::vector<std::string>{
                  missing.string() +
                      ": cannot read message catalogue; country names in that language are "
                      "not recognized",
                  damaged.string() +
                      ": not a .mo file (bad magic number); country names in that language "
                      "are not recognized"}));
    ASSERT_NE(g.resolve("Allemagne"), nullptr);
    EXPECT_EQ(g.resolve("Allemagne")->alpha2, "DE");
}

TEST_F(CatalogueTest, DropsATranslationTwoCountriesClaim)
{
    // Two languages giving one word to two countries: neither gets it.
    std::filesystem::path one = write("one.mo", make_mo({{"Niger", "Nigerland"}}));
    std::filesystem::path two = write("two.mo", make_mo({{"Nigeria", "Nigerland"}}));
    CountryGazetteer g = load({one, two});
    EXPECT_EQ(g.resolve("Nigerland"), nullptr);
}

TEST_F(CatalogueTest, NeverLetsATranslationTakeAnEnglishName)
{
    std::filesystem::path mo = write("x.mo", make_mo({{"Austria", "Australia"}}));
    CountryGazetteer g = load({mo});
    EXPECT_EQ(g.resolve("Australia")->alpha2, "AU");
}

TEST(CountryGazetteer, LoadsEveryCatalogueOfThisMachine)
{
    for (const std::filesystem::path& mo : iso_3166_catalogues())
        if (!std::filesystem::exists(mo)) GTEST_SKIP() << "iso-codes catalogue missing: " << mo;
    EXPECT_TRUE(default_gazetteer().load_warnings().empty());
}

}  // namespace
}  // namespace infonote

namespace infonote {
namespace {

// data/demonyms.tsv: every form of each language names its State, a form
// two States would share names neither, and the gazetteer's own names are
// not adjectives.
TEST(Demonyms, FormsNameTheirState)
{
    const CountryGazetteer& g = default_gazetteer();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Togolese", "TG"},     {"togolais", "TG"},       {"togolaises", "TG"},
        {"togoleses", "TG"},    {"burkinabè", "BF"},      {"Burkinabe", "BF"},
        {"paraguayos", "PY"},   {"paraguayennes", "PY"},  {"Thai", "TH"},
        {"Vietnamese", "VN"},   {"South African", "ZA"},  {"sud-africains", "ZA"},
        {"nigérien", "NE"},     {"nigérians", "NG"},      {"nigerinos", "NE"},
        {"salvadoreñas", "SV"}, {"Sri Lankan", "LK"},     {"guatémaltèques", "GT"},
        {"béninoise", "BJ"},    {"Kyrgyz", "KG"},         {"ecuatorianos", "EC"}};
    for (const auto& [form, code] : cases) {
        SCOPED_TRACE(form);
        const Country* c = g.demonym(fold(form));
        ASSERT_NE(c, nullptr);
        EXPECT_EQ(c->alpha2, code);
    }
    // Left out on purpose: one adjective for two States, or a region's.
    for (std::string_view form : {"congolese", "dominican", "korean", "american", "togo",
                                  "central african", "latin american", ""})
        EXPECT_EQ(g.demonym(form), nullptr) << form;
    EXPECT_GE(g.longest_demonym_words(), 2u);
}

TEST(Demonyms, EveryMemberStateOfTheRegionsThatHostEventsHasAForm)
{
    CountryGazetteer g(iso_3166_json(), data_dir() / "country_aliases.tsv");
    std::size_t records = 0;
    read_tsv(data_dir() / "demonyms.tsv", "adjectives of nationality", [&](const TsvLine& line) {
        ++records;
        ASSERT_EQ(line.fields.size(), 4u) << line.where;
        EXPECT_NE(g.by_code(line.fields[0]), nullptr) << line.where;
    });
    // The 193 Member States but the few whose adjective says nothing of
    // them alone (Holy See, Congo, Democratic Republic of the Congo).
    EXPECT_GE(records, 190u);
}

// Loads `content` as data file `name` with `load` and expects the error
// `message` after the file's name and line.
template <class Load>
void expect_load_error(std::string_view name, std::string_view content, Load load,
                       const std::string& message)
{
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("infonote-" + std::string(name) + "-test");
    std::filesystem::create_directories(dir);
    std::filesystem::path bad = dir / name;
    std::ofstream(bad) << content;
    CountryGazetteer g(iso_3166_json(), data_dir() / "country_aliases.tsv");
    try {
        load(g, bad);
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), bad.string() + message);
    }
    std::filesystem::remove_all(dir);
}

TEST(Demonyms, ABadRecordIsReportedWithItsLine)
{
    expect_load_error(
        "demonyms.tsv", "# comment\nTG\tTogolese\ttogolais\ttogolés\nXX\tNowhere\n",
        [](CountryGazetteer& g, const std::filesystem::path& p) { g.load_demonyms(p); },
        ":3: expected 'ALPHA2<TAB>English<TAB>French<TAB>Spanish' with a known code");
}

// data/capitals.tsv: each capital is a city the city table places in its
// own State, so a venue read as "the «demonym» capital" agrees with one
// read by the city's name.
TEST(Capitals, EachCapitalLiesInItsState)
{
    const CountryGazetteer& g = default_gazetteer();
    EXPECT_EQ(g.capital("FJ"), std::optional<std::string_view>("Suva"));
    EXPECT_EQ(g.capital("EC"), std::optional<std::string_view>("Quito"));
    // Left out: two cities the press calls the capital.
    EXPECT_EQ(g.capital("CI"), std::nullopt);
    EXPECT_EQ(g.capital("XX"), std::nullopt);
    std::size_t records = 0;
    read_tsv(data_dir() / "capitals.tsv", "capitals", [&](const TsvLine& line) {
        ++records;
        ASSERT_EQ(line.fields.size(), 2u) << line.where;
        std::optional<std::string_view> code = city_country(line.fields[1]);
        ASSERT_TRUE(code.has_value()) << line.where << ": " << line.fields[1];
        EXPECT_EQ(*code, line.fields[0]) << line.where;
    });
    EXPECT_GE(records, 150u);
}

TEST(Capitals, ABadRecordIsReportedWithItsLine)
{
    expect_load_error(
        "capitals.tsv", "# comment\nFJ\tSuva\nXX\tNowhere\n",
        [](CountryGazetteer& g, const std::filesystem::path& p) { g.load_capitals(p); },
        ":3: expected 'ALPHA2<TAB>city' with a known code");
}

}  // namespace
}  // namespace infonote
