// Finding and reading event dates as the notes write them.
#ifndef INFONOTE_COMMON_DATE_PARSER_H
#define INFONOTE_COMMON_DATE_PARSER_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace infonote {

/// A calendar day. A default-constructed Date (all zero) is "no date".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    /// "YYYY-MM-DD".
    std::string iso() const;
    /// "YYYYMMDD", the form kept in the index's value slots.
    std::string compact() const;
    /// True when the day exists in the proleptic Gregorian calendar.
    bool valid() const;

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

/// The days an event ran, and where in the searched text they were written.
struct DateRange {
    Date start;
    Date end;
    /// Byte offsets into the text given to find_date_range: [begin, end).
    std::size_t text_begin = 0;
    std::size_t text_end = 0;
};

/// What find_date_range made of a text.
struct DateSearch {
    /// The first date or date range written in the text, if any.
    std::optional<DateRange> range;
    /// Set when the text holds something date-like that was not taken as a
    /// date (a day and month with no year, an impossible day); a sentence
    /// without a trailing full stop, e.g. "date '11-12 March' has no year".
    std::string problem;
};

/// Finds the first date or date range in UTF-8 text ("11-12 March 2014",
/// "30 November - 1 December 2015", "March 11-12, 2014", "2014-03-11",
/// "04/06/2012" day first, French "du 8 au 11 mars 2016", Spanish
/// "9 y 10 de enero de 2018", ...). Never throws; a day without a year is
/// reported in `problem`, never guessed.
DateSearch find_date_range(std::string_view text);

/// find_date_range() for prose, where a date is often written without its
/// year ("from 7 to 8 November", "du 8 au 11 mars", "el 9 y 10 de enero"):
/// such a date takes the year that puts the event nearest `reference`, the
/// day the document was written (its dateline or publication line), and an
/// event over New Year ("28 December to 5 January") ends in the next year.
/// Without a reference it behaves as find_date_range().
DateSearch find_date_range_near(std::string_view text, std::optional<Date> reference);

/// The days in `month` (1..12) of `year`, leap years counted.
int days_in_month(int year, int month);

/// The valid day `days` days after (or, when negative, before) a valid day.
Date add_days(Date date, int days);

/// Parses a single ISO date "YYYY-MM-DD"; nullopt when malformed or invalid.
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace infonote

#endif
