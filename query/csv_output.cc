#include "csv_output.h"

#include <algorithm>
#include <iterator>

namespace infonote {

std::string csv_field(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string defused_cell(std::string_view value)
{
    if (value.empty() || std::string_view("=+-@\t\r").find(value[0]) == std::string_view::npos)
        return std::string(value);
    return "'" + std::string(value);
}

std::string csv_record(const std::vector<std::string>& fields, CsvCells cells,
                       const std::vector<bool>& numeric)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line += ',';
        bool is_number = i < numeric.size() && numeric[i];
        line += csv_field(cells == CsvCells::Defused && !is_number ? defused_cell(fields[i])
                                                                   : fields[i]);
    }
    return line + "\r\n";
}

void write_csv(std::ostream& out, const Table& table, CsvCells cells)
{
    out << csv_record(table.header);
    for (const auto& row : table.rows) out << csv_record(row, cells, table.numeric);
}

void write_csv(std::ostream& out, const SearchAnswer& answer, CsvCells cells)
{
    const SearchResult& result = answer.result;
    bool has_role = std::any_of(result.hits.begin(), result.hits.end(),
                                [](const Hit& h) { return !h.role.empty(); });
    std::vector<std::string> header{"id",        "path",          "title",         "start_date",
                                    "end_date",  "venue_city",    "venue_country", "online",
                                    "countries", "organizations", "score",         "snippet"};
    if (has_role) header.push_back("role");
    std::vector<bool> numeric(header.size(), false);
    numeric[10] = true;  // score
    out << csv_record(header);
    for (const Hit& h : result.hits) {
        ListingCells listed =
            h.summary.is_null() && h.record ? h.record->cells : listing_cells(h.summary);
        std::vector<std::string> row(std::make_move_iterator(listed.begin()),
                                     std::make_move_iterator(listed.end()));
        row.push_back(result.ranked ? std::to_string(h.percent) : "");
        row.push_back(h.snippet);
        if (has_role) row.push_back(h.role);
        out << csv_record(row, cells, numeric);
    }
}

void write_csv(std::ostream& out, const AttendedAnswer& answer, CsvCells cells)
{
    write_csv(out, answer.hits, cells);
}

void write_csv(std::ostream& out, const CountriesAnswer& answer, CsvCells cells)
{
    write_csv(out, countries_table(answer), cells);
}

Table csv_table(const TimelineAnswer& answer)
{
    Table t{{answer.by == "month" ? "month" : "year", "notes"}, {false, true}, {}};
    for (const Period& p : answer.periods) t.rows.push_back({p.label, std::to_string(p.notes)});
    return t;
}

void write_csv(std::ostream& out, const TimelineAnswer& answer, CsvCells cells)
{
    write_csv(out, csv_table(answer), cells);
}

Table csv_table(const ProfileAnswer& p)
{
    Table t{{"section", "value", "name", "events"}, {}, {}};
    auto row = [&t](std::string section, std::string value, std::string name, std::size_t n) {
        t.rows.push_back(
            {std::move(section), std::move(value), std::move(name), std::to_string(n)});
    };
    row("events", p.country.code, p.country.name, p.events);
    row("undated", p.country.code, p.country.name, p.undated);
    row("role", "host", "", p.hosted);
    row("role", "participant", "", p.participated);
    row("role", "invited", "", p.invited_only);
    for (const RankedValue& y : p.by_year) row("year", y.value, "", y.count);
    auto section = [&row](const char* name, const std::vector<RankedValue>& values) {
        for (const RankedValue& v : values) row(name, v.value, v.name, v.count);
    };
    section("type", p.by_type);
    section("region", p.by_region);
    section("organization", p.organizations);
    section("state", p.states);
    return t;
}

void write_csv(std::ostream& out, const ProfileAnswer& answer, CsvCells cells)
{
    write_csv(out, csv_table(answer), cells);
}

void write_csv(std::ostream& out, const CoattendAnswer& answer, CsvCells cells)
{
    write_csv(out, coattend_table(answer), cells);
}

Table csv_table(const CoverageAnswer& answer)
{
    Table table{{"code", "country", "status", "events", "last"}, {}, {}};
    for (const CoverageRow& r : answer.states)
        table.rows.push_back(
            {r.code, r.name, r.observer ? "observer" : "member", std::to_string(r.events), r.last});
    return table;
}

void write_csv(std::ostream& out, const CoverageAnswer& answer, CsvCells cells)
{
    write_csv(out, csv_table(answer), cells);
}

}  // namespace infonote
