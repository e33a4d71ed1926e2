#include "result_printer.h"

#include "note_json.h"

namespace infonote {

namespace {

std::string text_or(const Json& value, const std::string& fallback)
{
    return value.is_string() ? value.get<std::string>() : fallback;
}

std::string dates_of(const Json& hit)
{
    std::string start = text_or(hit["start_date"], "(no date)");
    std::string end = text_or(hit["end_date"], start);
    return end == start ? start : start + ".." + end;
}

std::string venue_of(const Json& hit)
{
    const Json& venue = hit["venue"];
    if (venue.value("online", false)) return "online";
    std::string city = text_or(venue["city"], "");
    std::string country = text_or(venue["country"], "");
    if (city.empty()) return country.empty() ? "?" : country;
    return country.empty() ? city : city + ", " + country;
}

}  // namespace

void print_json(std::ostream& out, const ResultPage& page)
{
    Json hits = Json::array();
    for (const Hit& h : page.hits) {
        Json hit = h.summary;
        hit["score"] = page.ranked ? Json(h.percent) : Json(nullptr);
        hits.push_back(std::move(hit));
    }
    Json doc = {
        {"schema_version", kJsonSchemaVersion}, {"total", page.total}, {"hits", std::move(hits)}};
    out << doc.dump(2) << '\n';
}

void print_text(std::ostream& out, const ResultPage& page)
{
    for (const Hit& h : page.hits) {
        const Json& s = h.summary;
        out << dates_of(s) << "  " << venue_of(s);
        if (page.ranked) out << "  [" << h.percent << "%]";
        out << "\n    " << text_or(s["title"], "(untitled)") << "\n    " << text_or(s["path"], "?")
            << "  id " << text_or(s["id"], "?") << '\n';
    }
    out << page.total << (page.total == 1 ? " note" : " notes");
    if (page.hits.size() < page.total) out << ", " << page.hits.size() << " shown";
    out << '\n';
}

}  // namespace infonote
