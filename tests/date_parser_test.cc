#include "date_parser.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace infonote {
namespace {

// A text in which a date is found: the expected days and the exact text of
// the span.
struct FoundCase {
    std::string_view text;
    std::string_view start;
    std::string_view end;
    std::string_view span;
};

std::ostream& operator<<(std::ostream& out, const FoundCase& c)
{
    return out << c.text;
}

// A text in which no date is found, and the problem reported (empty when
// the text holds nothing date-like).
struct MissCase {
    std::string_view text;
    std::string_view problem;
};

std::ostream& operator<<(std::ostream& out, const MissCase& c)
{
    return out << c.text;
}

class FindsDate : public testing::TestWithParam<FoundCase> {};

TEST_P(FindsDate, StartEndAndSpan)
{
    const FoundCase& c = GetParam();
    SCOPED_TRACE(std::string(c.text));
    const DateSearch found = find_date_range(c.text);
    ASSERT_TRUE(found.range.has_value()) << "problem: " << found.problem;
    EXPECT_EQ(found.range->start.iso(), c.start);
    EXPECT_EQ(found.range->end.iso(), c.end);
    ASSERT_LE(found.range->text_begin, found.range->text_end);
    ASSERT_LE(found.range->text_end, c.text.size());
    EXPECT_EQ(
        c.text.substr(found.range->text_begin, found.range->text_end - found.range->text_begin),
        c.span);
    EXPECT_EQ(found.problem, "");
}

INSTANTIATE_TEST_SUITE_P(
    DayFirst, FindsDate,
    testing::Values(
        FoundCase{"11-12 March 2014, Astana, Kazakhstan", "2014-03-11", "2014-03-12",
                  "11-12 March 2014"},
        FoundCase{"11 March 2014", "2014-03-11", "2014-03-11", "11 March 2014"},
        FoundCase{"18\u201320 September 2019, Vienna", "2019-09-18", "2019-09-20",
                  "18\u201320 September 2019"},
        FoundCase{"18\u201420 September 2019", "2019-09-18", "2019-09-20",
                  "18\u201420 September 2019"},
        FoundCase{"18 - 20 September 2019", "2019-09-18", "2019-09-20", "18 - 20 September 2019"},
        FoundCase{"18 \u2013 20 September 2019", "2019-09-18", "2019-09-20",
                  "18 \u2013 20 September 2019"},
        FoundCase{"18 to 20 September 2019", "2019-09-18", "2019-09-20", "18 to 20 September 2019"},
        FoundCase{"30 November - 1 December 2015, Geneva", "2015-11-30", "2015-12-01",
                  "30 November - 1 December 2015"},
        FoundCase{"31 December 2015 - 2 January 2016", "2015-12-31", "2016-01-02",
                  "31 December 2015 - 2 January 2016"},
        FoundCase{"Held from 15 to 17 October 2019 in Minsk", "2019-10-15", "2019-10-17",
                  "from 15 to 17 October 2019"},
        FoundCase{"27 and 28 September 2017", "2017-09-27", "2017-09-28",
                  "27 and 28 September 2017"},
        FoundCase{"1, 8 and 15 December 2020 (online)", "2020-12-01", "2020-12-15",
                  "1, 8 and 15 December 2020"},
        FoundCase{"1, 8, and 15 December 2020", "2020-12-01", "2020-12-15",
                  "1, 8, and 15 December 2020"},
        FoundCase{"5 & 6 May 2014", "2014-05-05", "2014-05-06", "5 & 6 May 2014"},
        FoundCase{"11th-12th March 2014", "2014-03-11", "2014-03-12", "11th-12th March 2014"},
        FoundCase{"1st December 2015", "2015-12-01", "2015-12-01", "1st December 2015"},
        FoundCase{"the 11th of March 2014", "2014-03-11", "2014-03-11", "11th of March 2014"},
        FoundCase{"from the 5th to the 7th of May 2014", "2014-05-05", "2014-05-07",
                  "from the 5th to the 7th of May 2014"},
        FoundCase{"11 March, 2014", "2014-03-11", "2014-03-11", "11 March, 2014"},
        FoundCase{"Tuesday, 11 March 2014", "2014-03-11", "2014-03-11", "11 March 2014"},
        FoundCase{"Vienna, on 5 May 2014", "2014-05-05", "2014-05-05", "on 5 May 2014"},
        FoundCase{"11 MARCH 2014", "2014-03-11", "2014-03-11", "11 MARCH 2014"},
        FoundCase{"11 march 2014", "2014-03-11", "2014-03-11", "11 march 2014"},
        FoundCase{"5 Sept. 2013", "2013-09-05", "2013-09-05", "5 Sept. 2013"},
        FoundCase{"05 March 2014", "2014-03-05", "2014-03-05", "05 March 2014"},
        FoundCase{"(29-30 March 2011, Dushanbe)", "2011-03-29", "2011-03-30", "29-30 March 2011"}));

INSTANTIATE_TEST_SUITE_P(
    MonthFirst, FindsDate,
    testing::Values(
        FoundCase{"March 11-12, 2014, Astana", "2014-03-11", "2014-03-12", "March 11-12, 2014"},
        FoundCase{"Aug 2 2016", "2016-08-02", "2016-08-02", "Aug 2 2016"},
        FoundCase{"Nov 28, 2022", "2022-11-28", "2022-11-28", "Nov 28, 2022"},
        FoundCase{"Sept. 5, 2013", "2013-09-05", "2013-09-05", "Sept. 5, 2013"},
        FoundCase{"SEPT. 5, 2013", "2013-09-05", "2013-09-05", "SEPT. 5, 2013"},
        FoundCase{"March 1, 8 and 15, 2020", "2020-03-01", "2020-03-15", "March 1, 8 and 15, 2020"},
        FoundCase{"June 30 - July 1, 2015", "2015-06-30", "2015-07-01", "June 30 - July 1, 2015"},
        FoundCase{"December 31, 2015 - January 2, 2016", "2015-12-31", "2016-01-02",
                  "December 31, 2015 - January 2, 2016"},
        FoundCase{"from March 5 to 7, 2014", "2014-03-05", "2014-03-07", "from March 5 to 7, 2014"},
        FoundCase{"May 2nd, 2016", "2016-05-02", "2016-05-02", "May 2nd, 2016"}));

INSTANTIATE_TEST_SUITE_P(
    Numeric, FindsDate,
    testing::Values(FoundCase{"2014-03-11", "2014-03-11", "2014-03-11", "2014-03-11"},
                    FoundCase{"2014-03-11 to 2014-03-12", "2014-03-11", "2014-03-12",
                              "2014-03-11 to 2014-03-12"},
                    FoundCase{"2014-03-11 - 2014-03-12, Vienna", "2014-03-11", "2014-03-12",
                              "2014-03-11 - 2014-03-12"},
                    FoundCase{"Date: 2014-03-11T09:00", "2014-03-11", "2014-03-11", "2014-03-11"},
                    FoundCase{"04/06/2012", "2012-06-04", "2012-06-04", "04/06/2012"},
                    FoundCase{"04.06.2012, Tbilisi", "2012-06-04", "2012-06-04", "04.06.2012"},
                    FoundCase{"4/6/2012", "2012-06-04", "2012-06-04", "4/6/2012"},
                    FoundCase{"04/06/2012 - 06/06/2012", "2012-06-04", "2012-06-06",
                              "04/06/2012 - 06/06/2012"},
                    FoundCase{"du 04/06/2012 au 06/06/2012", "2012-06-04", "2012-06-06",
                              "du 04/06/2012 au 06/06/2012"},
                    FoundCase{"Date: 04.06.2012.", "2012-06-04", "2012-06-04", "04.06.2012"},
                    // A first day before a whole date: "When: 2-4.12.2019".
                    FoundCase{"When: 2-4.12.2019", "2019-12-02", "2019-12-04", "2-4.12.2019"},
                    FoundCase{"du 28-30/11/2018 à Lomé", "2018-11-28", "2018-11-30",
                              "du 28-30/11/2018"}));

INSTANTIATE_TEST_SUITE_P(
    French, FindsDate,
    testing::Values(
        FoundCase{"du 8 au 11 mars 2016, Dakar", "2016-03-08", "2016-03-11",
                  "du 8 au 11 mars 2016"},
        FoundCase{"les 5 et 6 juin 2013", "2013-06-05", "2013-06-06", "les 5 et 6 juin 2013"},
        FoundCase{"le 5 et le 6 juin 2013", "2013-06-05", "2013-06-06", "le 5 et le 6 juin 2013"},
        FoundCase{"8-11 mars 2016", "2016-03-08", "2016-03-11", "8-11 mars 2016"},
        FoundCase{"1er d\u00e9cembre 2015", "2015-12-01", "2015-12-01", "1er d\u00e9cembre 2015"},
        FoundCase{"1er decembre 2015", "2015-12-01", "2015-12-01", "1er decembre 2015"},
        FoundCase{"le 1er mars 2016", "2016-03-01", "2016-03-01", "le 1er mars 2016"},
        FoundCase{"1\u1d49\u02b3 mars 2016", "2016-03-01", "2016-03-01", "1\u1d49\u02b3 mars 2016"},
        FoundCase{"3 f\u00e9vrier 2014", "2014-02-03", "2014-02-03", "3 f\u00e9vrier 2014"},
        FoundCase{"3 fevrier 2014", "2014-02-03", "2014-02-03", "3 fevrier 2014"},
        FoundCase{"3 F\u00c9VRIER 2014", "2014-02-03", "2014-02-03", "3 F\u00c9VRIER 2014"},
        FoundCase{"15 ao\u00fbt 2016", "2016-08-15", "2016-08-15", "15 ao\u00fbt 2016"},
        FoundCase{"15 aout 2016", "2016-08-15", "2016-08-15", "15 aout 2016"},
        FoundCase{"15 AO\u00dbT 2016", "2016-08-15", "2016-08-15", "15 AO\u00dbT 2016"},
        FoundCase{"2 DECEMBRE 2015", "2015-12-02", "2015-12-02", "2 DECEMBRE 2015"},
        // "é" written as "e" and a combining acute accent.
        FoundCase{"2 de\u0301cembre 2015", "2015-12-02", "2015-12-02", "2 de\u0301cembre 2015"}));

INSTANTIATE_TEST_SUITE_P(
    Spanish, FindsDate,
    testing::Values(
        FoundCase{"9 y 10 de enero de 2018", "2018-01-09", "2018-01-10", "9 y 10 de enero de 2018"},
        FoundCase{"del 9 al 10 de enero de 2018", "2018-01-09", "2018-01-10",
                  "del 9 al 10 de enero de 2018"},
        FoundCase{"9-10 enero 2018", "2018-01-09", "2018-01-10", "9-10 enero 2018"},
        FoundCase{"el 9 y el 10 de enero de 2018", "2018-01-09", "2018-01-10",
                  "el 9 y el 10 de enero de 2018"},
        FoundCase{"15-16 de mayo de 2019", "2019-05-15", "2019-05-16", "15-16 de mayo de 2019"},
        FoundCase{"1 de septiembre de 2019", "2019-09-01", "2019-09-01", "1 de septiembre de 2019"},
        FoundCase{"1 de setiembre de 2019", "2019-09-01", "2019-09-01", "1 de setiembre de 2019"},
        FoundCase{"1 de septiembre del 2019", "2019-09-01", "2019-09-01",
                  "1 de septiembre del 2019"},
        FoundCase{"1\u00ba de mayo de 2017", "2017-05-01", "2017-05-01", "1\u00ba de mayo de 2017"},
        FoundCase{"del 29 de noviembre al 1.\u00ba de diciembre de 2022", "2022-11-29",
                  "2022-12-01", "del 29 de noviembre al 1.\u00ba de diciembre de 2022"},
        FoundCase{"del 29 de noviembre al 1\u00b0 de diciembre de 2022", "2022-11-29",
                  "2022-12-01", "del 29 de noviembre al 1\u00b0 de diciembre de 2022"},
        FoundCase{"9 Y 10 DE ENERO DE 2018", "2018-01-09", "2018-01-10",
                  "9 Y 10 DE ENERO DE 2018"}));

INSTANTIATE_TEST_SUITE_P(Spacing, FindsDate,
                         testing::Values(FoundCase{"11\u00a0March\u00a02014", "2014-03-11",
                                                   "2014-03-11", "11\u00a0March\u00a02014"},
                                         FoundCase{"11-12\nMarch\n2014\nAstana", "2014-03-11",
                                                   "2014-03-12", "11-12\nMarch\n2014"},
                                         FoundCase{"30 November\r\n-\r\n1 December 2015",
                                                   "2015-11-30", "2015-12-01",
                                                   "30 November\r\n-\r\n1 December 2015"},
                                         FoundCase{"\t11  -  12   March \t 2014 ", "2014-03-11",
                                                   "2014-03-12", "11  -  12   March \t 2014"},
                                         FoundCase{"11\u202fMarch\u20092014", "2014-03-11",
                                                   "2014-03-11", "11\u202fMarch\u20092014"}));

// Numbers that are no dates come first, and the first real date is taken.
INSTANTIATE_TEST_SUITE_P(
    FirstRealDate, FindsDate,
    testing::Values(
        FoundCase{"2nd expert meeting (29-30 March 2011, Dushanbe)", "2011-03-29", "2011-03-30",
                  "29-30 March 2011"},
        FoundCase{"resolution 1540 (2004) was adopted on 28 April 2004", "2004-04-28", "2004-04-28",
                  "on 28 April 2004"},
        FoundCase{"10th Anniversary of UNSCR 1540, 5-6 May 2014", "2014-05-05", "2014-05-06",
                  "5-6 May 2014"},
        // A date without a year before a complete one is passed over.
        FoundCase{"11-12 March, Astana; report of 5 April 2014", "2014-04-05", "2014-04-05",
                  "5 April 2014"},
        FoundCase{"see S/2004/958 and 3 June 2015", "2015-06-03", "2015-06-03", "3 June 2015"},
        FoundCase{"Version 1.2 of 3 June 2015", "2015-06-03", "2015-06-03", "3 June 2015"},
        FoundCase{"11 March 2014 and 12 March 2015 again", "2014-03-11", "2015-03-12",
                  "11 March 2014 and 12 March 2015"},
        FoundCase{"11 March 2014; 12 March 2015", "2014-03-11", "2014-03-11", "11 March 2014"}));

// A weekday before a day of a range or a list, with or without its comma.
INSTANTIATE_TEST_SUITE_P(
    Weekdays, FindsDate,
    testing::Values(
        FoundCase{"from Monday 4 to Wednesday 6 March 2019", "2019-03-04", "2019-03-06",
                  "from Monday 4 to Wednesday 6 March 2019"},
        FoundCase{"from Monday, 4 to Wednesday, 6 March 2019", "2019-03-04", "2019-03-06",
                  "from Monday, 4 to Wednesday, 6 March 2019"},
        FoundCase{"du lundi 4 au mercredi 6 mars 2019", "2019-03-04", "2019-03-06",
                  "du lundi 4 au mercredi 6 mars 2019"},
        FoundCase{"del lunes 4 al mi\xC3\xA9rcoles 6 de marzo de 2019", "2019-03-04", "2019-03-06",
                  "del lunes 4 al mi\xC3\xA9rcoles 6 de marzo de 2019"},
        FoundCase{"on Tuesday 5 and Wednesday 6 March 2019", "2019-03-05", "2019-03-06",
                  "on Tuesday 5 and Wednesday 6 March 2019"},
        // Commas around each day and month, across a month's end.
        FoundCase{"from Monday, 28 November, to Thursday, 1 December 2022", "2022-11-28",
                  "2022-12-01", "from Monday, 28 November, to Thursday, 1 December 2022"},
        FoundCase{"du lundi 28 novembre, au jeudi 1er d\u00e9cembre 2022", "2022-11-28",
                  "2022-12-01", "du lundi 28 novembre, au jeudi 1er d\u00e9cembre 2022"}));

INSTANTIATE_TEST_SUITE_P(
    LeapYears, FindsDate,
    testing::Values(FoundCase{"29 February 2016", "2016-02-29", "2016-02-29", "29 February 2016"},
                    FoundCase{"29 February 2000", "2000-02-29", "2000-02-29", "29 February 2000"},
                    FoundCase{"28 February - 1 March 2015", "2015-02-28", "2015-03-01",
                              "28 February - 1 March 2015"},
                    FoundCase{"2020-02-29", "2020-02-29", "2020-02-29", "2020-02-29"},
                    FoundCase{"29/02/2012", "2012-02-29", "2012-02-29", "29/02/2012"}));

class MissesDate : public testing::TestWithParam<MissCase> {};

TEST_P(MissesDate, ReportsProblem)
{
    const MissCase& c = GetParam();
    SCOPED_TRACE(std::string(c.text));
    const DateSearch found = find_date_range(c.text);
    EXPECT_FALSE(found.range.has_value())
        << "found " << found.range->start.iso() << " .. " << found.range->end.iso();
    EXPECT_EQ(found.problem, c.problem);
}

INSTANTIATE_TEST_SUITE_P(
    NoYear, MissesDate,
    testing::Values(MissCase{"11-12 March, Astana", "date '11-12 March' has no year"},
                    MissCase{"11 March", "date '11 March' has no year"},
                    MissCase{"March 11-12, Astana", "date 'March 11-12' has no year"},
                    MissCase{"30 November - 1 December, Vienna",
                             "date '30 November - 1 December' has no year"},
                    MissCase{"from 15 to 17 October", "date '15 to 17 October' has no year"},
                    MissCase{"du 8 au 11 mars, Dakar", "date '8 au 11 mars' has no year"},
                    MissCase{"9 y 10 de enero", "date '9 y 10 de enero' has no year"},
                    MissCase{"11\u00a0March, Astana", "date '11\u00a0March' has no year"},
                    MissCase{"11th-12th Sept., Astana", "date '11th-12th Sept' has no year"},
                    // A four-digit number run into a word is no year.
                    MissCase{"11 March 2014th", "date '11 March' has no year"},
                    // Only the first problem is told.
                    MissCase{"11 March and later 12 April", "date '11 March' has no year"}));

INSTANTIATE_TEST_SUITE_P(
    Invalid, MissesDate,
    testing::Values(MissCase{"31 February 2014", "'31 February 2014' is not a valid date"},
                    MissCase{"29 February 2015", "'29 February 2015' is not a valid date"},
                    MissCase{"29 February 1900", "'29 February 1900' is not a valid date"},
                    MissCase{"31 April 2014, Vienna", "'31 April 2014' is not a valid date"},
                    MissCase{"30-31 February 2014", "'30-31 February 2014' is not a valid date"},
                    MissCase{"13/13/2014", "'13/13/2014' is not a valid date"},
                    MissCase{"31.02.2014", "'31.02.2014' is not a valid date"},
                    MissCase{"2014-13-01", "'2014-13-01' is not a valid date"},
                    MissCase{"2014-02-30", "'2014-02-30' is not a valid date"},
                    MissCase{"11 March 1850", "'11 March 1850' is not a valid date"},
                    MissCase{"11 March 2101", "'11 March 2101' is not a valid date"}));

INSTANTIATE_TEST_SUITE_P(
    Backwards, MissesDate,
    testing::Values(MissCase{"12-11 March 2014",
                             "date range '12-11 March 2014' ends before it starts"},
                    MissCase{"2014-03-12 to 2014-03-11",
                             "date range '2014-03-12 to 2014-03-11' ends before it starts"},
                    MissCase{"5 April - 2 March 2014",
                             "date range '5 April - 2 March 2014' ends before it starts"},
                    MissCase{"06/06/2012 - 04/06/2012",
                             "date range '06/06/2012 - 04/06/2012' ends before it starts"},
                    MissCase{"4-2.12.2019", "date range '4-2.12.2019' ends before it starts"},
                    // The second part's year is not carried back a year: that would be a
                    // guess.
                    MissCase{"30 December - 2 January 2016",
                             "date range '30 December - 2 January 2016' ends before it starts"}));

INSTANTIATE_TEST_SUITE_P(
    NotDates, MissesDate,
    testing::Values(
        MissCase{"", ""}, MissCase{"   \n\t ", ""}, MissCase{"resolution 1540 (2004)", ""},
        MissCase{"UNSCR 1540", ""}, MissCase{"10th Anniversary", ""}, MissCase{"2014", ""},
        MissCase{"between 2014 and 2016", ""}, MissCase{"March 2014", ""},
        MissCase{"S/2004/958", ""}, MissCase{"A/RES/60/1", ""}, MissCase{"1.11 March 2014", ""},
        MissCase{"A11 March 2014", ""}, MissCase{"10:30 March 2014", ""},
        MissCase{"32 March 2014", ""}, MissCase{"0 March 2014", ""}, MissCase{"111 March 2014", ""},
        MissCase{"1850-03-11", ""}, MissCase{"04/06/12", ""}, MissCase{"1.2.2014.5", ""},
        MissCase{"2014-3-11", ""}, MissCase{"Marchand 11 2014", ""}, MissCase{"2014th March", ""},
        MissCase{"12345678901234567890 March 2014", ""}, MissCase{"2nd expert meeting", ""}));

// A prose date without its year, read against the day the document was
// written: the expected days and the span.
struct NearCase {
    std::string_view text;
    std::string_view reference;
    std::string_view start;
    std::string_view end;
    std::string_view span;
};

std::ostream& operator<<(std::ostream& out, const NearCase& c)
{
    return out << c.text << " @ " << c.reference;
}

class FindsDateNear : public testing::TestWithParam<NearCase> {};

TEST_P(FindsDateNear, TakesTheNearestYear)
{
    const NearCase& c = GetParam();
    SCOPED_TRACE(std::string(c.text));
    const DateSearch found = find_date_range_near(c.text, parse_iso_date(c.reference));
    ASSERT_TRUE(found.range.has_value()) << "problem: " << found.problem;
    EXPECT_EQ(found.range->start.iso(), c.start);
    EXPECT_EQ(found.range->end.iso(), c.end);
    EXPECT_EQ(
        c.text.substr(found.range->text_begin, found.range->text_end - found.range->text_begin),
        c.span);
}

INSTANTIATE_TEST_SUITE_P(
    Prose, FindsDateNear,
    testing::Values(
        NearCase{"took place from 7 to 8 November in Vienna", "2014-11-10", "2014-11-07",
                 "2014-11-08", "from 7 to 8 November"},
        NearCase{"was held on 22-23 February.", "2016-02-25", "2016-02-22", "2016-02-23",
                 "on 22-23 February"},
        NearCase{"s'est tenu du 8 au 11 mars à Kuala Lumpur", "2016-03-12", "2016-03-08",
                 "2016-03-11", "du 8 au 11 mars"},
        NearCase{"El 9 y 10 de enero tuvo lugar", "2024-01-10", "2024-01-09", "2024-01-10",
                 "El 9 y 10 de enero"},
        NearCase{"Del 30 de noviembre al 2 de diciembre se celebró", "2015-12-03", "2015-11-30",
                 "2015-12-02", "Del 30 de noviembre al 2 de diciembre"},
        NearCase{"On the 22nd and the 23rd June", "2015-06-25", "2015-06-22", "2015-06-23",
                 "On the 22nd and the 23rd June"},
        NearCase{"between November 14th and 16th", "2018-11-20", "2018-11-14", "2018-11-16",
                 "between November 14th and 16th"},
        NearCase{"hosted digitally on 1, 8 and 15 December", "2020-12-01", "2020-12-01",
                 "2020-12-15", "on 1, 8 and 15 December"},
        // An announcement: the event is after the reference.
        NearCase{"will be held from 7 to 10 December in Cairo", "2009-12-03", "2009-12-07",
                 "2009-12-10", "from 7 to 10 December"},
        // Over New Year, written after it and before it.
        NearCase{"held from 28 December to 5 January in Pretoria", "2016-01-08", "2015-12-28",
                 "2016-01-05", "from 28 December to 5 January"},
        NearCase{"will run from 29 December to 8 January", "2015-12-22", "2015-12-29",
                 "2016-01-08", "from 29 December to 8 January"},
        // Written in January about December: the year before.
        NearCase{"a seminar on 14 and 15 December", "2020-01-07", "2019-12-14", "2019-12-15",
                 "on 14 and 15 December"},
        // A date with its year keeps it, whatever the reference.
        NearCase{"from 26 to 28 March 2019", "2019-04-01", "2019-03-26", "2019-03-28",
                 "from 26 to 28 March 2019"},
        NearCase{"From 6-7 November 2019, UNLIREC", "2017-01-01", "2019-11-06", "2019-11-07",
                 "From 6-7 November 2019"}));

TEST(FindDateRangeNear, WithoutReferenceAYearlessDateIsAProblem)
{
    const DateSearch found = find_date_range_near("el 12 y 13 de noviembre en Lima", std::nullopt);
    EXPECT_FALSE(found.range.has_value());
    EXPECT_EQ(found.problem, "date '12 y 13 de noviembre' has no year");
}

TEST(FindDateRangeNear, NeverTakesTheResolutionsYear)
{
    const DateSearch found =
        find_date_range_near("resolution 1540 (2004) was discussed on 12 May", std::nullopt);
    EXPECT_FALSE(found.range.has_value());
    EXPECT_EQ(found.problem, "date '12 May' has no year");
}

TEST(FindDateRangeNear, ALeapDayThatTheNearestYearLacksIsInvalid)
{
    const DateSearch found = find_date_range_near("on 29 February", parse_iso_date("2015-03-02"));
    EXPECT_FALSE(found.range.has_value());
}

// Every month name the notes use, in every language, with a day and a year.
struct MonthCase {
    std::string_view name;
    int month;
};

TEST(FindDateRange, EveryMonthName)
{
    const std::vector<MonthCase> cases{
        {"January", 1},
        {"February", 2},
        {"March", 3},
        {"April", 4},
        {"May", 5},
        {"June", 6},
        {"July", 7},
        {"August", 8},
        {"September", 9},
        {"October", 10},
        {"November", 11},
        {"December", 12},
        {"Jan", 1},
        {"Feb", 2},
        {"Mar", 3},
        {"Apr", 4},
        {"Jun", 6},
        {"Jul", 7},
        {"Aug", 8},
        {"Sep", 9},
        {"Sept", 9},
        {"Oct", 10},
        {"Nov", 11},
        {"Dec", 12},
        {"Jan.", 1},
        {"Feb.", 2},
        {"Mar.", 3},
        {"Apr.", 4},
        {"Jun.", 6},
        {"Jul.", 7},
        {"Aug.", 8},
        {"Sep.", 9},
        {"Sept.", 9},
        {"Oct.", 10},
        {"Nov.", 11},
        {"Dec.", 12},
        {"janvier", 1},
        {"f\u00e9vrier", 2},
        {"fevrier", 2},
        {"mars", 3},
        {"avril", 4},
        {"mai", 5},
        {"juin", 6},
        {"juillet", 7},
        {"ao\u00fbt", 8},
        {"aout", 8},
        {"septembre", 9},
        {"octobre", 10},
        {"novembre", 11},
        {"d\u00e9cembre", 12},
        {"decembre", 12},
        {"janv.", 1},
        {"f\u00e9vr.", 2},
        {"avr.", 4},
        {"juil.", 7},
        {"enero", 1},
        {"febrero", 2},
        {"marzo", 3},
        {"abril", 4},
        {"mayo", 5},
        {"junio", 6},
        {"julio", 7},
        {"agosto", 8},
        {"septiembre", 9},
        {"setiembre", 9},
        {"octubre", 10},
        {"noviembre", 11},
        {"diciembre", 12},
        {"JANUARY", 1},
        {"jUlY", 7},
        {"D\u00c9CEMBRE", 12},
        {"Agosto", 8},
    };
    for (const MonthCase& c : cases) {
        for (const std::string& text :
             {"7 " + std::string(c.name) + " 2014", std::string(c.name) + " 7, 2014"}) {
            SCOPED_TRACE(text);
            const DateSearch found = find_date_range(text);
            ASSERT_TRUE(found.range.has_value()) << found.problem;
            EXPECT_EQ(found.range->start, (Date{2014, c.month, 7}));
            EXPECT_EQ(found.range->end, (Date{2014, c.month, 7}));
            EXPECT_EQ(found.range->text_begin, 0U);
            EXPECT_EQ(found.range->text_end, text.size());
        }
    }
}

TEST(FindDateRange, SpanIsByteOffsetsForTheVenueToFollow)
{
    const std::string text = "Date and Venue: 11-12 March 2014, Astana, Kazakhstan";
    const DateSearch found = find_date_range(text);
    ASSERT_TRUE(found.range.has_value());
    EXPECT_EQ(found.range->text_begin, 16U);
    EXPECT_EQ(found.range->text_end, 32U);
    EXPECT_EQ(text.substr(found.range->text_end), ", Astana, Kazakhstan");
}

// Malformed UTF-8, stray high bytes and huge numbers must neither crash nor
// be read as dates.
TEST(FindDateRange, ToleratesMalformedInput)
{
    const std::vector<std::string> texts{
        std::string("\xff\xfe\xc3", 3),
        std::string("11 \xc3", 4),
        std::string("11 Mar\xe2\x80", 8),
        std::string("\xc0\xb1\xc0\xb1 March 2014", 16),  // overlong "11"
        std::string("11\0March\0"
                    "2014",
                    14),
        std::string(5000, '9') + " March 2014",
        std::string(5000, '-'),
        "\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93",
    };
    for (const std::string& text : texts) {
        SCOPED_TRACE(testing::PrintToString(text.substr(0, 40)));
        const DateSearch found = find_date_range(text);
        EXPECT_FALSE(found.range.has_value());
    }
}

// A long list of numbers must not make the search quadratic, and a date far
// into a large text is still found.
TEST(FindDateRange, LargeInputsStayLinear)
{
    std::string text;
    for (int k = 0; k < 200'000; ++k) text += "1, 2, ";
    text += "and 3 May 2016";
    const DateSearch found = find_date_range(text);
    ASSERT_TRUE(found.range.has_value());
    EXPECT_EQ(found.range->end, (Date{2016, 5, 3}));

    const std::string spread = "11" + std::string(1'000'000, ' ') + "March";
    EXPECT_EQ(find_date_range(spread).problem, "date '" + spread + "' has no year");
}

struct IsoCase {
    std::string_view text;
    bool ok;
    Date date;
};

TEST(ParseIsoDate, Table)
{
    const std::vector<IsoCase> cases{
        {"2014-03-11", true, {2014, 3, 11}},
        {"2016-02-29", true, {2016, 2, 29}},
        {"2000-02-29", true, {2000, 2, 29}},
        {"1999-12-31", true, {1999, 12, 31}},
        {"0001-01-01", true, {1, 1, 1}},
        {"2015-02-29", false, {}},
        {"1900-02-29", false, {}},
        {"2014-02-30", false, {}},
        {"2014-04-31", false, {}},
        {"2014-13-01", false, {}},
        {"2014-00-10", false, {}},
        {"2014-01-00", false, {}},
        {"0000-01-01", false, {}},
        {"2014-3-11", false, {}},
        {"2014-03-1", false, {}},
        {"", false, {}},
        {"2014-03-11 ", false, {}},
        {"2014-03-11x", false, {}},
        {" 2014-03-11", false, {}},
        {"2014/03/11", false, {}},
        {"2014-03-1a", false, {}},
        {"+014-03-11", false, {}},
        {"20140311", false, {}},
    };
    for (const IsoCase& c : cases) {
        SCOPED_TRACE(std::string(c.text));
        const std::optional<Date> parsed = parse_iso_date(c.text);
        ASSERT_EQ(parsed.has_value(), c.ok);
        if (c.ok) {
            EXPECT_EQ(*parsed, c.date);
        }
    }
}

TEST(DateTest, IsoAndCompact)
{
    const Date date{2014, 3, 11};
    EXPECT_EQ(date.iso(), "2014-03-11");
    EXPECT_EQ(date.compact(), "20140311");
    EXPECT_EQ((Date{987, 12, 1}).iso(), "0987-12-01");
    EXPECT_EQ((Date{987, 12, 1}).compact(), "09871201");
    EXPECT_EQ(Date{}.iso(), "0000-00-00");
    // Out-of-range fields still print without harm.
    EXPECT_EQ((Date{-5, 1, 1}).iso(), "-0005-01-01");
}

TEST(DateTest, Valid)
{
    struct ValidCase {
        Date date;
        bool valid;
    };
    const std::vector<ValidCase> cases{
        {{2014, 3, 11}, true},  {{2016, 2, 29}, true},  {{2000, 2, 29}, true},
        {{2400, 2, 29}, true},  {{2015, 2, 29}, false}, {{1900, 2, 29}, false},
        {{2100, 2, 29}, false}, {{2014, 2, 28}, true},  {{2014, 4, 30}, true},
        {{2014, 4, 31}, false}, {{2014, 1, 31}, true},  {{2014, 12, 31}, true},
        {{2014, 13, 1}, false}, {{2014, 0, 1}, false},  {{2014, 1, 0}, false},
        {{0, 1, 1}, false},     {{10000, 1, 1}, false}, {{}, false},
        {{-1, 1, 1}, false},    {{2014, -1, 1}, false},
    };
    for (const ValidCase& c : cases) {
        SCOPED_TRACE(c.date.iso());
        EXPECT_EQ(c.date.valid(), c.valid);
    }
}

TEST(DateTest, Ordering)
{
    EXPECT_LT((Date{2014, 3, 11}), (Date{2014, 3, 12}));
    EXPECT_LT((Date{2014, 3, 31}), (Date{2014, 4, 1}));
    EXPECT_LT((Date{2014, 12, 31}), (Date{2015, 1, 1}));
}

TEST(DateTest, AddDaysCrossesMonthsYearsAndLeapDays)
{
    EXPECT_EQ(add_days({2024, 3, 11}, 0).iso(), "2024-03-11");
    EXPECT_EQ(add_days({2024, 3, 11}, 2).iso(), "2024-03-13");
    EXPECT_EQ(add_days({2024, 1, 30}, 3).iso(), "2024-02-02");
    EXPECT_EQ(add_days({2024, 2, 28}, 1).iso(), "2024-02-29");
    EXPECT_EQ(add_days({2023, 2, 28}, 1).iso(), "2023-03-01");
    EXPECT_EQ(add_days({2024, 12, 30}, 3).iso(), "2025-01-02");
    EXPECT_EQ(add_days({2024, 3, 1}, -1).iso(), "2024-02-29");
    EXPECT_EQ(add_days({2023, 3, 1}, -1).iso(), "2023-02-28");
    EXPECT_EQ(add_days({2025, 1, 1}, -2).iso(), "2024-12-30");
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2100, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29);
    EXPECT_EQ(days_in_month(2024, 4), 30);
}

}  // namespace
}  // namespace infonote
