// build_query and fold_query_text: what a user types, as a Xapian query.
// Expected descriptions follow Xapian 1.4's Query::get_description() format.
#include "query_builder.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "country_gazetteer.h"
#include "date_filter.h"
#include "schema.h"

namespace infonote {
namespace {

BuiltQuery build(const std::string& words, std::vector<std::string> countries = {},
                 std::vector<std::string> organizations = {})
{
    SearchRequest request;
    request.words = words;
    request.countries = std::move(countries);
    request.organizations = std::move(organizations);
    return build_query(request, default_gazetteer());
}

std::string describe(const std::string& words, std::vector<std::string> countries = {},
                     std::vector<std::string> organizations = {})
{
    return build(words, std::move(countries), std::move(organizations)).query.get_description();
}

/// The QueryError message for a request, or "" when none was thrown.
std::string error_of(const std::string& words, std::vector<std::string> countries = {})
{
    try {
        build(words, std::move(countries));
    } catch (const QueryError& e) {
        return e.what();
    }
    return "";
}

// --- words ---------------------------------------------------------------

TEST(QueryBuilder, SingleWordIsItsStem)
{
    EXPECT_EQ(describe("workshop"), "Query(Zworkshop@1)");
    // Plural and capitals meet the same stem.
    EXPECT_EQ(describe("Workshops"), "Query(Zworkshop@1)");
}

TEST(QueryBuilder, WordsAreAndedByDefault)
{
    EXPECT_EQ(describe("astana workshop"), "Query((Zastana@1 AND Zworkshop@2))");
    EXPECT_EQ(describe("astana OR almaty"), "Query((Zastana@1 OR Zalmati@2))");
}

TEST(QueryBuilder, QuotedPhraseMatchesExactWordsInOrder)
{
    EXPECT_EQ(describe("\"nuclear security\""), "Query((nuclear@1 PHRASE 2 security@2))");
}

TEST(QueryBuilder, HyphenatedWordIsAPhraseOrTheClosedWord)
{
    EXPECT_EQ(describe("non-proliferation"),
              "Query(((non@1 PHRASE 2 proliferation@2) OR Znonprolifer@3))");
    // Inside a phrase it stays a phrase.
    EXPECT_EQ(describe("\"nuclear non-proliferation\""),
              "Query((nuclear@1 PHRASE 3 non@2 PHRASE 3 proliferation@3))");
    EXPECT_EQ(fold_query_text("(Non-Proliferation OR treaty)"),
              "((non-proliferation OR nonproliferation) OR treaty)");
    EXPECT_EQ(fold_query_text("-non-state"), "-non-state");
}

// The index cuts words where ICU does: at an '&' ("R&D" is r, d) and
// before a '+' or '#' suffix ("C++" is c). Xapian's parser keeps both in
// the word, so the query text is cut the same way first.
TEST(QueryBuilder, AmpersandsAndSuffixesAreCutAsTheIndexCutsThem)
{
    EXPECT_EQ(fold_query_text("R&D AT&T"), "r/d at/t");
    EXPECT_EQ(fold_query_text("C++ C# c+++ x+y"), "c c c x+y");
    EXPECT_EQ(fold_query_text("& a& &b +word"), "& a& &b +word");
    EXPECT_EQ(fold_query_text("title:R&D \"Q&A panel\""), "title:r/d \"q/a panel\"");
    EXPECT_EQ(describe("R&D"), "Query((r@1 PHRASE 2 d@2))");
}

TEST(QueryBuilder, PhraseWithDiacriticsAndTypographicApostropheIsFolded)
{
    EXPECT_EQ(describe("\"Côte d’Ivoire\""), "Query((cote@1 PHRASE 2 d'ivoire@2))");
}

TEST(QueryBuilder, TitleFieldUsesTitlePrefix)
{
    EXPECT_EQ(describe("title:Astana"), "Query(ZSastana@1)");
}

// --- --country -----------------------------------------------------------

TEST(QueryBuilder, CountryByNameCodeOrAliasGivesTheSameFilter)
{
    const std::string expected = "Query((<alldocuments> FILTER XC:IR))";
    for (const char* c :
         {"Islamic Republic of Iran", "IR", "IRN", "Iran (Islamic Republic of)", "ir", "Iran"}) {
        SCOPED_TRACE(c);
        EXPECT_EQ(describe("", {c}), expected);
        EXPECT_EQ(country_filter_term(c, default_gazetteer()), "XC:IR");
    }
}

TEST(QueryBuilder, CountryWithDiacriticMatchesWithOrWithout)
{
    EXPECT_EQ(describe("", {"Türkiye"}), "Query((<alldocuments> FILTER XC:TR))");
    EXPECT_EQ(describe("", {"turkiye"}), "Query((<alldocuments> FILTER XC:TR))");
    EXPECT_EQ(describe("", {"Côte d'Ivoire"}), "Query((<alldocuments> FILTER XC:CI))");
}

TEST(QueryBuilder, TwoCountriesAreBothRequired)
{
    EXPECT_EQ(describe("", {"Kazakhstan", "IR"}),
              "Query((<alldocuments> FILTER (XC:KZ AND XC:IR)))");
}

TEST(QueryBuilder, InvitedStatesMatchOnlyWhenAsked)
{
    SearchRequest request;
    request.countries = {"Mongolia"};
    EXPECT_EQ(build_query(request, default_gazetteer()).query.get_description(),
              "Query((<alldocuments> FILTER XC:MN))");
    request.include_invited = true;
    EXPECT_EQ(build_query(request, default_gazetteer()).query.get_description(),
              "Query((<alldocuments> FILTER (XC:MN OR XI:MN)))");
    EXPECT_EQ(describe("invited:Mongolia"), "Query(0 * XI:MN)");
}

TEST(QueryBuilder, KindByFlagOrFieldAnyCase)
{
    SearchRequest request;
    request.kinds = {"press-release", "Announcement"};
    BuiltQuery q = build_query(request, default_gazetteer());
    EXPECT_EQ(q.query.get_description(),
              "Query((<alldocuments> FILTER (XKpress-release OR XKannouncement)))");
    EXPECT_TRUE(q.filters_on(Facet::Kind));
    EXPECT_EQ(describe("kind:web-update"), "Query(0 * XKweb-update)");
    EXPECT_EQ(error_of("kind:memo"),
              "unknown document kind 'memo'; known kinds: information-note, press-release, "
              "web-update, announcement, other");
}

TEST(QueryBuilder, WordsWithCountryFilterTheWords)
{
    EXPECT_EQ(describe("astana", {"KZ"}), "Query((Zastana@1 FILTER XC:KZ))");
}

TEST(QueryBuilder, UnknownCountrySuggestsTheClosestName)
{
    EXPECT_EQ(error_of("", {"Kazahstan"}),
              "unknown country 'Kazahstan'; did you mean Kazakhstan (KZ)?");
    EXPECT_EQ(error_of("", {"Brazill"}), "unknown country 'Brazill'; did you mean Brazil (BR)?");
    EXPECT_THROW(country_filter_term("Kazahstan", default_gazetteer()), QueryError);
}

// --- --org ---------------------------------------------------------------

TEST(QueryBuilder, OrganizationMatchesAcronymOrFoldedName)
{
    // A known organization, by acronym in any case: its acronym and its
    // canonical name, the two terms the document builder writes.
    const std::string osce =
        "Query((<alldocuments> FILTER (XO:OSCE OR XOorganization for security and cooperation "
        "in europe)))";
    EXPECT_EQ(describe("", {}, {"OSCE"}), osce);
    EXPECT_EQ(describe("", {}, {"osce"}), osce);
    // An unknown one: as an acronym, or as the folded name written.
    EXPECT_EQ(describe("", {}, {"zzqx"}), "Query((<alldocuments> FILTER (XO:ZZQX OR XOzzqx)))");
    EXPECT_EQ(describe("", {}, {"Zzqx Regional Forum"}),
              "Query((<alldocuments> FILTER XOzzqx regional forum))");
}

TEST(QueryBuilder, EmptyOrganizationIsAQueryError)
{
    SearchRequest request;
    request.organizations = {"  "};
    EXPECT_THROW(build_query(request, default_gazetteer()), QueryError);
}

// --- fields typed in the query text -------------------------------------

TEST(QueryBuilder, CountryFieldInQueryTextResolvesLikeTheFlag)
{
    for (const char* q : {"country:iran", "country:Iran", "country:IR", "country:IRN",
                          "country:\"Islamic Republic of Iran\""}) {
        SCOPED_TRACE(q);
        EXPECT_EQ(describe(q), "Query(0 * XC:IR)");
    }
    EXPECT_EQ(describe("country:\"Côte d’Ivoire\""), "Query(0 * XC:CI)");
}

TEST(QueryBuilder, VenueAndYearFieldsInQueryText)
{
    EXPECT_EQ(describe("venue:Kazakhstan"), "Query(0 * XV:KZ)");
    EXPECT_EQ(describe("year:2014"), "Query(0 * XY2014)");
}

TEST(QueryBuilder, OrgFieldInQueryText)
{
    const std::string osce = "(XO:OSCE OR XOorganization for security and cooperation in europe)";
    EXPECT_EQ(describe("org:OSCE"), "Query(0 * " + osce + ")");
    // Any alias or spelling the organization gazetteer knows gives the same
    // canonical terms.
    EXPECT_EQ(describe("", {}, {"Organisation for Security and Co-operation in Europe"}),
              "Query((<alldocuments> FILTER " + osce + "))");
    // An organization it does not know is matched as written.
    EXPECT_EQ(describe("org:ZZQX"), "Query(0 * (XO:ZZQX OR XOzzqx))");
}

TEST(QueryBuilder, UnknownCountryInQueryTextIsAQueryError)
{
    // The value is quoted as typed, as with --country.
    EXPECT_EQ(error_of("country:Kazahstan"),
              "unknown country 'Kazahstan'; did you mean Kazakhstan (KZ)?");
}

// --- ranked or listed ----------------------------------------------------

TEST(QueryBuilder, FilterOnlyQueriesAreListedNotRanked)
{
    EXPECT_FALSE(build("", {"IR"}).ranked);
    EXPECT_FALSE(build("", {}, {"OSCE"}).ranked);
    EXPECT_FALSE(build("country:iran").ranked);
    EXPECT_FALSE(build("country:KZ year:2014").ranked);
    EXPECT_FALSE(build("NOT country:KZ").ranked);
    EXPECT_FALSE(build("NOT astana").ranked);
    EXPECT_FALSE(build("   ", {"IR"}).ranked);
}

TEST(QueryBuilder, QueriesWithWordsAreRanked)
{
    EXPECT_TRUE(build("astana").ranked);
    EXPECT_TRUE(build("astana", {"KZ"}).ranked);
    EXPECT_TRUE(build("\"nuclear security\"").ranked);
    EXPECT_TRUE(build("title:astana country:KZ").ranked);
}

TEST(QueryBuilder, EmptyRequestMatchesEverything)
{
    BuiltQuery q = build("");
    EXPECT_EQ(q.query.get_description(), "Query(<alldocuments>)");
    EXPECT_FALSE(q.ranked);
}

// --- bad syntax ----------------------------------------------------------

TEST(QueryBuilder, MalformedSyntaxIsAQueryError)
{
    for (const char* q : {"astana AND", "AND", "NOT", "astana AND OR almaty"}) {
        SCOPED_TRACE(q);
        // EXPECT_THROW fails when another type (Xapian::QueryParserError)
        // escapes.
        EXPECT_THROW(build(q), QueryError);
        EXPECT_NE(error_of(q), "");
    }
}

// --- dates, types, regions --------------------------------------------------

TEST(QueryBuilderDates, PartialDatesRoundOutward)
{
    EXPECT_EQ(first_day_of("2014")->iso(), "2014-01-01");
    EXPECT_EQ(last_day_of("2014")->iso(), "2014-12-31");
    EXPECT_EQ(first_day_of("2016-02")->iso(), "2016-02-01");
    EXPECT_EQ(last_day_of("2016-02")->iso(), "2016-02-29");
    EXPECT_EQ(last_day_of("2015-02")->iso(), "2015-02-28");
    EXPECT_EQ(last_day_of("2015-04")->iso(), "2015-04-30");
    EXPECT_EQ(first_day_of("2015-04-07")->iso(), "2015-04-07");
    EXPECT_EQ(last_day_of("2015-04-07")->iso(), "2015-04-07");
    for (const char* bad : {"", "14", "2014-3", "2014-13", "2015-02-29", "2014-03-1x", "abcd"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(first_day_of(bad));
        EXPECT_FALSE(last_day_of(bad));
    }
}

TEST(QueryBuilderDates, SpansHaveOpenEndsAndRefuseBackwardRanges)
{
    std::string problem;
    std::optional<DaySpan> s = parse_day_span("2014-03..2015", problem);
    ASSERT_TRUE(s) << problem;
    EXPECT_EQ(s->from->iso(), "2014-03-01");
    EXPECT_EQ(s->to->iso(), "2015-12-31");
    s = parse_day_span("..2019-06", problem);
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->from);
    EXPECT_EQ(s->to->iso(), "2019-06-30");
    s = parse_day_span("2019..", problem);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->from->iso(), "2019-01-01");
    EXPECT_FALSE(s->to);
    EXPECT_FALSE(parse_day_span("2016..2015", problem));
    EXPECT_EQ(problem, "date range '2016..2015' ends before it starts");
    EXPECT_FALSE(parse_day_span("..", problem));
    EXPECT_FALSE(parse_day_span("March..2015", problem));
    EXPECT_EQ(problem, "'March' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
}

TEST(QueryBuilderDates, DateFieldMatchesEventsThatOverlap)
{
    // Starts on or before the last day, ends on or after the first.
    EXPECT_EQ(describe("date:2014"), "Query(0 * (VALUE_LE 0 20141231 AND VALUE_GE 1 20140101))");
    EXPECT_EQ(describe("date:2014-03..2015"),
              "Query(0 * (VALUE_LE 0 20151231 AND VALUE_GE 1 20140301))");
    EXPECT_FALSE(build("date:2014").ranked);
    EXPECT_EQ(error_of("date:2014-13"),
              "'2014-13' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    SearchRequest r;
    r.from = "2014-03";
    r.to = "2014-03";
    EXPECT_EQ(build_query(r, default_gazetteer()).query.get_description(),
              "Query((<alldocuments> FILTER (VALUE_LE 0 20140331 AND VALUE_GE 1 20140301)))");
}

TEST(QueryBuilderTypes, TypeAcceptsPluralsAndTranslations)
{
    for (const char* q : {"type:workshop", "type:Workshops", "type:atelier", "type:taller"}) {
        SCOPED_TRACE(q);
        EXPECT_EQ(describe(q), "Query(0 * XEworkshop)");
    }
    EXPECT_EQ(describe("type:\"peer review\""), "Query(0 * XEpeer review)");
    EXPECT_EQ(error_of("type:picnic").rfind("unknown event type 'picnic'; known types: ", 0), 0u);
}

TEST(QueryBuilderRegions, RegionIsAnyOfItsVenueCountries)
{
    SearchRequest r;
    r.regions = {"Central Asia"};
    EXPECT_EQ(build_query(r, default_gazetteer()).query.get_description(),
              "Query((<alldocuments> FILTER (XV:KG OR XV:KZ OR XV:TJ OR XV:TM OR XV:UZ)))");
    EXPECT_EQ(describe("region:\"central asia\""),
              "Query(0 * (XV:KG OR XV:KZ OR XV:TJ OR XV:TM OR XV:UZ))");
    r.regions = {"Centrl Asia"};
    try {
        build_query(r, default_gazetteer());
        ADD_FAILURE() << "no error for an unknown region";
    } catch (const QueryError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(
                      "unknown region 'Centrl Asia'; did you mean Central Asia", 0),
                  0u)
            << e.what();
    }
}

TEST(QueryBuilderFilters, FlagsCombineAndEachFacetCanBeLeftOut)
{
    SearchRequest r;
    r.words = "workshop";
    r.countries = {"Kazakhstan", "Uzbekistan"};
    r.venue_countries = {"KZ", "Kyrgyzstan"};
    r.years = {"2014", "2015"};
    BuiltQuery q = build_query(r, default_gazetteer());
    EXPECT_EQ(q.query.get_description(),
              "Query((Zworkshop@1 FILTER (XC:KZ AND XC:UZ AND (XV:KZ OR XV:KG) AND "
              "(XY2014 OR XY2015))))");
    EXPECT_TRUE(q.filters_on(Facet::Year));
    EXPECT_FALSE(q.filters_on(Facet::Type));
    EXPECT_EQ(q.query_without(Facet::Year).get_description(),
              "Query((Zworkshop@1 FILTER (XC:KZ AND XC:UZ AND (XV:KZ OR XV:KG))))");
    r.any_country = true;
    EXPECT_EQ(
        build_query(r, default_gazetteer()).query_without(Facet::VenueCountry).get_description(),
        "Query((Zworkshop@1 FILTER ((XC:KZ OR XC:UZ) AND (XY2014 OR XY2015))))");
}

TEST(QueryBuilder, WildcardsExpandAtSearchTime)
{
    EXPECT_EQ(describe("nucl*"), "Query(WILDCARD SYNONYM nucl)");
    EXPECT_TRUE(build("nucl*").ranked);
}

// --- fold_query_text -----------------------------------------------------

TEST(QueryBuilderFold, FoldsWordsButKeepsOperatorsAndFieldNames)
{
    EXPECT_EQ(fold_query_text("Côte AND TÜRKIYE"), "cote AND turkiye");
    EXPECT_EQ(fold_query_text("Astana OR Almaty NOT Bishkek"), "astana OR almaty NOT bishkek");
    EXPECT_EQ(fold_query_text("a XOR b NEAR c ADJ d"), "a XOR b NEAR c ADJ d");
    // Filter values stay as typed for the gazetteers; text fields fold.
    EXPECT_EQ(fold_query_text("country:Côte title:Astana"), "country:Côte title:astana");
    EXPECT_EQ(fold_query_text("\"Côte d’Ivoire\""), "\"cote d'ivoire\"");
}

TEST(QueryBuilderFold, LowerCaseOperatorWordsAreOrdinaryWords)
{
    // "and" is a word, so a query like "trinidad and tobago" keeps it.
    EXPECT_EQ(fold_query_text("Trinidad and Tobago"), "trinidad and tobago");
    EXPECT_EQ(fold_query_text("Trinidad And Tobago"), "trinidad and tobago");
}

}  // namespace
}  // namespace infonote
