// Date filters as users write them: "2014", "2014-03..2015", "..2019-06-30".
#ifndef INFONOTE_QUERY_DATE_FILTER_H
#define INFONOTE_QUERY_DATE_FILTER_H

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "date_parser.h"

namespace infonote {

/// Days from `from` to `to`, both included; an open end is nullopt.
struct DaySpan {
    std::optional<Date> from;
    std::optional<Date> to;
};

/// The first day of a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD";
/// nullopt when it is none of these or names no real day.
std::optional<Date> first_day_of(std::string_view partial);

/// The last day of a partial date: "2014-02" -> 2014-02-28.
std::optional<Date> last_day_of(std::string_view partial);

/// Reads "A..B", "A..", "..B" or "A" (meaning A..A), each end a partial
/// date rounded outward: "2014-03..2015" is 2014-03-01 to 2015-12-31.
/// Sets `problem` to a sentence naming what is wrong and returns nullopt
/// when the text cannot be read or ends before it starts.
std::optional<DaySpan> parse_day_span(std::string_view text, std::string& problem);

/// Notes whose dates overlap the span: they start on or before its last
/// day and end on or after its first. Notes without a date never match.
Xapian::Query overlap_query(const DaySpan& span);

}  // namespace infonote

#endif
