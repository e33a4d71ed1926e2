#include "sheets.h"

#include <algorithm>
#include <regex>

#include "country_gazetteer.h"
#include "csv_output.h"

namespace infonote {

namespace {

std::string text_of(const Json& value)
{
    return value.is_string() ? value.get<std::string>() : "";
}

std::string country_name(const std::string& code)
{
    const Country* c = code.empty() ? nullptr : country_names().by_code(code);
    return c ? c->name : "";
}

std::string joined(const Json& list, const std::string& key, const std::string& fallback = "")
{
    std::string out;
    for (const Json& item : list) {
        std::string value = text_of(item.value(key, Json()));
        if (value.empty() && !fallback.empty()) value = text_of(item.value(fallback, Json()));
        out += (out.empty() ? "" : "; ") + value;
    }
    return out;
}

}  // namespace

Sheet hits_sheet(const SearchResult& result)
{
    Sheet sheet{result.events ? "events" : "notes",
                {{"id"},
                 {"path"},
                 {"title"},
                 {"start_date", CellKind::Date},
                 {"end_date", CellKind::Date},
                 {"venue_city"},
                 {"venue_country"},
                 {"venue_country_name"},
                 {"online"},
                 {"countries"},
                 {"country_names"},
                 {"organizations"},
                 {"organization_names"},
                 {"role"},
                 {"score", CellKind::Number},
                 {"snippet"}},
                {}};
    for (const Hit& h : result.hits) {
        const Json s = h.summary.is_object() ? h.summary : Json::object();
        Json venue = s.value("venue", Json());
        if (!venue.is_object()) venue = Json::object();
        std::string venue_country = text_of(venue.value("country", Json()));
        bool online = venue.value("online", false);
        Json countries = s.value("countries", Json::array());
        std::string codes = joined(countries, "code");
        std::string names;
        for (const Json& c : countries) {
            std::string name = text_of(c.value("name", Json()));
            if (name.empty()) name = country_name(text_of(c.value("code", Json())));
            names += (names.empty() ? "" : "; ") + name;
        }
        Json orgs = s.value("organizations", Json::array());
        auto field = [&s](const char* key) { return text_of(s.value(key, Json())); };
        sheet.rows.push_back({field("id"), field("path"), field("title"), field("start_date"),
                              field("end_date"),
                              text_of(venue.value("city", Json())), venue_country,
                              country_name(venue_country), online ? "online" : "", codes, names,
                              joined(orgs, "acronym", "name"), joined(orgs, "name"), h.role,
                              result.ranked ? std::to_string(h.percent) : "",
                              h.snippet});
    }
    return without_empty_columns(sheet);
}

Sheet table_sheet(const Table& table)
{
    static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    Sheet sheet{"infonote", {}, table.rows};
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        CellKind kind = c < table.numeric.size() && table.numeric[c] ? CellKind::Number
                                                                     : CellKind::Text;
        bool any = false;
        bool dates = std::all_of(table.rows.begin(), table.rows.end(), [&](const auto& row) {
            if (c >= row.size() || row[c].empty()) return true;
            any = true;
            return std::regex_match(row[c], kDate);
        });
        if (kind == CellKind::Text && any && dates) kind = CellKind::Date;
        sheet.columns.push_back({table.header[c], kind});
    }
    return sheet;
}

void write_xlsx(std::ostream& out, const SearchAnswer& answer)
{
    out << xlsx_bytes(hits_sheet(answer.result));
}

void write_xlsx(std::ostream& out, const AttendedAnswer& answer)
{
    write_xlsx(out, answer.hits);
}

void write_xlsx(std::ostream& out, const CountriesAnswer& answer)
{
    out << xlsx_bytes(table_sheet(countries_table(answer)));
}

void write_xlsx(std::ostream& out, const TimelineAnswer& answer)
{
    out << xlsx_bytes(table_sheet(csv_table(answer)));
}

void write_xlsx(std::ostream& out, const ProfileAnswer& answer)
{
    out << xlsx_bytes(table_sheet(csv_table(answer)));
}

void write_xlsx(std::ostream& out, const CoattendAnswer& answer)
{
    out << xlsx_bytes(table_sheet(coattend_table(answer)));
}

void write_xlsx(std::ostream& out, const CoverageAnswer& answer)
{
    out << xlsx_bytes(table_sheet(csv_table(answer)));
}

}  // namespace infonote
