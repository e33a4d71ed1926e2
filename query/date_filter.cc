#include "date_filter.h"

#include <charconv>

#include "schema.h"

namespace infonote {

namespace {

// Reads the digits of one part; false unless the whole part is `digits` long.
bool read_number(std::string_view part, std::size_t digits, int& out)
{
    if (part.size() != digits) return false;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && end == part.data() + part.size();
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" into its parts; 0 for a missing part.
std::optional<Date> read_partial(std::string_view text)
{
    Date d;
    std::string_view rest = text;
    std::size_t dash = rest.find('-');
    if (!read_number(rest.substr(0, dash), 4, d.year)) return std::nullopt;
    if (dash == std::string_view::npos) return d;
    rest = rest.substr(dash + 1);
    dash = rest.find('-');
    if (!read_number(rest.substr(0, dash), 2, d.month) || d.month < 1 || d.month > 12)
        return std::nullopt;
    if (dash == std::string_view::npos) return d;
    if (!read_number(rest.substr(dash + 1), 2, d.day) || !d.valid()) return std::nullopt;
    return d;
}

std::string trimmed(std::string_view s)
{
    std::size_t b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

}  // namespace

std::optional<Date> first_day_of(std::string_view partial)
{
    std::optional<Date> d = read_partial(partial);
    if (!d) return std::nullopt;
    if (d->month == 0) d->month = 1;
    if (d->day == 0) d->day = 1;
    return d;
}

std::optional<Date> last_day_of(std::string_view partial)
{
    std::optional<Date> d = read_partial(partial);
    if (!d) return std::nullopt;
    if (d->month == 0) d->month = 12;
    if (d->day == 0) d->day = days_in_month(d->year, d->month);
    return d;
}

std::optional<DaySpan> parse_day_span(std::string_view text, std::string& problem)
{
    std::size_t dots = text.find("..");
    std::string from = trimmed(text.substr(0, dots));
    std::string to = dots == std::string_view::npos ? from : trimmed(text.substr(dots + 2));
    if (from.empty() && to.empty()) {
        problem = "date range '" + std::string(text) + "' gives no date";
        return std::nullopt;
    }
    DaySpan span;
    for (auto [part, bound, first] :
         {std::tuple{&from, &span.from, true}, std::tuple{&to, &span.to, false}}) {
        if (part->empty()) continue;
        *bound = first ? first_day_of(*part) : last_day_of(*part);
        if (!*bound) {
            problem = "'" + *part + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD";
            return std::nullopt;
        }
    }
    if (span.from && span.to && *span.to < *span.from) {
        problem = "date range '" + std::string(text) + "' ends before it starts";
        return std::nullopt;
    }
    return span;
}

Xapian::Query overlap_query(const DaySpan& span)
{
    // Slots hold "YYYYMMDD", which compare as strings in date order. An
    // open end still requires a date, so that undated notes stay out.
    Xapian::Query starts_before =
        Xapian::Query(Xapian::Query::OP_VALUE_LE, kStartDateSlot,
                      span.to ? span.to->compact() : std::string("99999999"));
    Xapian::Query ends_after =
        Xapian::Query(Xapian::Query::OP_VALUE_GE, kEndDateSlot,
                      span.from ? span.from->compact() : std::string("00000000"));
    return Xapian::Query(Xapian::Query::OP_AND, starts_before, ends_after);
}

}  // namespace infonote
