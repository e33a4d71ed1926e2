#include "output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "country_gazetteer.h"
#include "sheets.h"
#include "terminal_text.h"

namespace infonote {

namespace {

constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

std::string text_or(const Json& value, const std::string& fallback)
{
    return value.is_string() ? value.get<std::string>() : fallback;
}

// "2014-03-11..12", "2015-11-30..12-01", "2015-12-31..2016-01-02": the
// end date without what it shares with the start.
std::string dates_of(const Listing& l)
{
    const std::string& start = l.start_date;
    const std::string& end = l.end_date.empty() ? start : l.end_date;
    if (start.empty()) return "(no date)";
    if (end == start || end.size() != 10 || start.size() != 10) return start;
    if (end.compare(0, 8, start, 0, 8) == 0) return start + ".." + end.substr(8);
    if (end.compare(0, 5, start, 0, 5) == 0) return start + ".." + end.substr(5);
    return start + ".." + end;
}

std::string venue_of(const Listing& l)
{
    if (l.online) return "online";
    if (l.city.empty()) return l.country.empty() ? "?" : l.country;
    return l.country.empty() ? l.city : l.city + ", " + l.country;
}

std::string joined_codes(const Json& hit)
{
    std::string out;
    for (const Json& c : hit["countries"]) out += (out.empty() ? "" : ";") + text_or(c["code"], "");
    return out;
}

std::string joined_organizations(const Json& hit)
{
    std::string out;
    for (const Json& o : hit["organizations"]) {
        std::string label = text_or(o["acronym"], text_or(o["name"], ""));
        out += (out.empty() ? "" : ";") + label;
    }
    return out;
}

std::string pad(std::string_view text, std::size_t width, bool right = false)
{
    std::size_t w = display_width(text);
    std::string spaces(w < width ? width - w : 0, ' ');
    return right ? spaces + std::string(text) : std::string(text) + spaces;
}

// Words of `text` in lines of at most `width` characters, each indented.
void print_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width)
{
    std::size_t room = width > indent + 20 ? width - indent : 20;
    std::string line;
    std::size_t line_width = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(at, end - at);
        std::size_t w = display_width(word);
        if (line_width > 0 && line_width + 1 + w > room) {
            out << std::string(indent, ' ') << line << '\n';
            line.clear();
            line_width = 0;
        }
        if (line_width > 0) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += w;
        at = end + 1;
    }
    if (!line.empty()) out << std::string(indent, ' ') << line << '\n';
}

// A snippet escaped for the terminal, its highlight marks (when in colour)
// kept: the note's own control characters are shown, never obeyed.
std::string escaped_snippet(std::string_view snippet, bool colour)
{
    if (!colour) return escape_controls(snippet);
    std::string out;
    std::size_t at = 0;
    while (at < snippet.size()) {
        std::size_t begin = snippet.find(kHighlightBegin, at);
        std::size_t end = snippet.find(kHighlightEnd, at);
        std::size_t mark = std::min(begin, end);
        if (mark == std::string_view::npos) mark = snippet.size();
        out += escape_controls(snippet.substr(at, mark - at));
        if (mark == snippet.size()) break;
        std::string_view kept = mark == begin ? kHighlightBegin : kHighlightEnd;
        out += kept;
        at = mark + kept.size();
    }
    return out;
}

// A snippet's highlight marks are escape sequences, which take no room.
std::size_t visible_width(std::string_view text)
{
    std::size_t width = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t escape = std::min(text.find('\x1b', at), text.size());
        width += display_width(text.substr(at, escape - at));
        at = std::min(text.find('m', escape), text.size() - 1) + 1;
    }
    return width;
}

void print_hits_text(std::ostream& out, const SearchResult& result, const HitPrintOptions& o)
{
    const Terminal& term = o.terminal;
    bool has_role = std::any_of(result.hits.begin(), result.hits.end(),
                                [](const Hit& h) { return !h.role.empty(); });
    std::vector<std::string> dates;
    std::vector<std::string> venues;
    std::size_t date_width = 0;
    std::size_t venue_width = 0;
    for (const Hit& h : result.hits) {
        dates.push_back(escape_controls(dates_of(h.listing)));
        venues.push_back(escape_controls(venue_of(h.listing)));
        date_width = std::max(date_width, display_width(dates.back()));
        venue_width = std::max(venue_width, display_width(venues.back()));
    }
    // The title takes what the other columns leave; on a narrow terminal
    // the venue gives way first.
    constexpr std::size_t kMinTitle = 16;
    venue_width = std::min<std::size_t>(venue_width, 24);
    std::size_t tail = has_role ? 19 : result.ranked ? 6 : 0;
    std::size_t fixed = date_width + 2 + 2 + tail;
    if (fixed + venue_width + kMinTitle > term.width)
        venue_width = std::max<std::size_t>(
            8, term.width > fixed + kMinTitle ? term.width - fixed - kMinTitle : 0);
    std::size_t used = fixed + venue_width;
    std::size_t title_width = term.width > used + kMinTitle ? term.width - used : kMinTitle;
    constexpr std::size_t indent = 4;
    std::size_t path_width = term.width > indent + 41 ? term.width - indent - 21 : 20;
    std::string line;
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const Hit& h = result.hits[i];
        const Listing& l = h.listing;
        std::string title =
            fit(l.title.empty() ? "(untitled)" : escape_controls(l.title), title_width);
        line = pad(dates[i], date_width);
        line += "  ";
        line += pad(fit(venues[i], venue_width), venue_width);
        line += "  ";
        line += term.colour ? kBold : "";
        line += title;
        line += term.colour ? kReset : "";
        if (has_role) {
            line.append(title_width - display_width(title) + 2, ' ');
            line += escape_controls(h.role);
        } else if (result.ranked) {
            line.append(title_width - display_width(title), ' ');
            line += pad(std::to_string(h.percent) + "%", 6, true);
        }
        line += '\n';
        line.append(indent, ' ');
        line += term.colour ? kDim : "";
        line += fit(l.path.empty() ? "?" : escape_controls(l.path), path_width);
        line += "  id ";
        line += escape_controls(l.id);
        if (h.sources.is_array() && h.sources.size() > 1)
            line += "  event " + escape_controls(h.event_id) + " (" +
                    std::to_string(h.sources.size()) + " documents)";
        line += term.colour ? kReset : "";
        line += '\n';
        out << line;
        if (!h.snippet.empty()) {
            std::string snippet = escaped_snippet(h.snippet, term.colour);
            if (term.colour || visible_width(snippet) != display_width(snippet))
                out << std::string(indent, ' ') << snippet << '\n';
            else
                print_wrapped(out, snippet, indent, term.width);
        }
    }
    if (!result.facets.empty()) {
        Json facets = facets_json(result, o.facet_limit);
        for (const auto& [name, values] : facets.items()) {
            out << '\n'
                << (term.colour ? kBold : "") << name << (term.colour ? kReset : "") << '\n';
            if (values.empty()) out << "  (none)\n";
            for (const Json& v : values) {
                std::string label = v["value"].get<std::string>();
                if (v.contains("name")) label += "  " + v["name"].get<std::string>();
                label = escape_controls(label);
                out << "  " << pad(std::to_string(v["count"].get<Xapian::doccount>()), 7, true)
                    << "  " << fit(label, term.width > 14 ? term.width - 11 : 20) << '\n';
            }
        }
        out << '\n';
    }
    const char* unit = result.events ? (result.total == 1 ? " event" : " events")
                                     : (result.total == 1 ? " note" : " notes");
    out << result.total << unit;
    if (result.hits.size() < result.total) {
        out << ", " << result.hits.size() << " shown";
        if (o.offset > 0) out << " from number " << o.offset + 1;
    }
    out << '\n';
}

Json hit_json(const Hit& h, bool ranked)
{
    Json hit = h.summary;
    if (!h.event_id.empty() && !hit.contains("event_id")) hit["event_id"] = h.event_id;
    if (!h.sources.is_null()) hit["sources"] = h.sources;
    if (!h.role.empty()) hit["role"] = h.role;
    hit["score"] = ranked ? Json(h.percent) : Json(nullptr);
    hit["snippet"] = h.snippet.empty() ? Json(nullptr) : Json(h.snippet);
    return hit;
}

void print_hits_csv(std::ostream& out, const SearchResult& result, CsvCells cells)
{
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
        const Json& s = h.summary;
        std::vector<std::string> row{text_or(s["id"], ""),
                                     text_or(s["path"], ""),
                                     text_or(s["title"], ""),
                                     text_or(s["start_date"], ""),
                                     text_or(s["end_date"], ""),
                                     text_or(s["venue"]["city"], ""),
                                     text_or(s["venue"]["country"], ""),
                                     s["venue"].value("online", false) ? "true" : "false",
                                     joined_codes(s),
                                     joined_organizations(s),
                                     result.ranked ? std::to_string(h.percent) : "",
                                     h.snippet};
        if (has_role) row.push_back(h.role);
        out << csv_record(row, cells, numeric);
    }
}

}  // namespace

namespace {
ColourChoice colour_choice = ColourChoice::Auto;
}  // namespace

void set_colour_choice(ColourChoice choice)
{
    colour_choice = choice;
}

bool colour_wanted(ColourChoice choice, bool tty, const char* no_color, const char* term)
{
    if (choice != ColourChoice::Auto) return choice == ColourChoice::Always;
    bool no_colour_asked = no_color != nullptr && *no_color != '\0';
    bool dumb = term != nullptr && std::string_view(term) == "dumb";
    return tty && !no_colour_asked && !dumb;
}

Terminal stdout_terminal()
{
    Terminal t;
    bool tty = isatty(STDOUT_FILENO) != 0;
    winsize ws{};
    if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        t.width = ws.ws_col;
    } else if (const char* columns = std::getenv("COLUMNS")) {
        long n = std::strtol(columns, nullptr, 10);
        if (n >= 40 && n <= 1000) t.width = static_cast<std::size_t>(n);
    }
    t.colour = colour_wanted(colour_choice, tty, std::getenv("NO_COLOR"), std::getenv("TERM"));
    t.unicode = utf8_locale_from_environment();
    return t;
}

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

Json facets_json(const SearchResult& result, std::size_t facet_limit)
{
    Json facets = Json::object();
    for (const auto& [facet, counts] : result.facets) {
        Json values = Json::array();
        bool countries = facet == Facet::Country || facet == Facet::VenueCountry;
        for (const auto& [value, n] : ranked_values(counts, facet_limit)) {
            Json v = {{"value", value}, {"count", n}};
            if (countries)
                if (const Country* c = english_gazetteer().by_code(value)) v["name"] = c->name;
            values.push_back(std::move(v));
        }
        facets[std::string(facet_name(facet))] = std::move(values);
    }
    return facets;
}

void print_hits(std::ostream& out, const SearchResult& result, const HitPrintOptions& options)
{
    switch (options.format) {
        case OutputFormat::Text: print_hits_text(out, result, options); break;
        case OutputFormat::CSV:
            if (csv_form() == CsvForm::Xlsx) {
                out << xlsx_bytes(hits_sheet(result));
                break;
            }
            if (csv_form() == CsvForm::Bom) out << kUtf8Bom;
            print_hits_csv(out, result, options.csv_cells);
            break;
        case OutputFormat::JSONL:
            for (const Hit& h : result.hits) out << hit_json(h, result.ranked).dump() << '\n';
            break;
        case OutputFormat::JSON: {
            Json hits = Json::array();
            for (const Hit& h : result.hits) hits.push_back(hit_json(h, result.ranked));
            Json doc = {{"schema_version", kJsonSchemaVersion},
                        {"total", result.total},
                        {"offset", options.offset},
                        {"hits", std::move(hits)}};
            if (!result.facets.empty()) doc["facets"] = facets_json(result, options.facet_limit);
            if (!options.did_you_mean.empty()) doc["did_you_mean"] = options.did_you_mean;
            out << doc.dump(2) << '\n';
            break;
        }
    }
}

void print_table_text(std::ostream& out, const Table& table, const Terminal& terminal)
{
    // Cells as the terminal shows them: control characters escaped.
    std::vector<std::vector<std::string>> rows;
    rows.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        rows.emplace_back();
        for (const std::string& cell : row) rows.back().push_back(escape_controls(cell));
    }
    std::vector<std::size_t> widths(table.header.size(), 0);
    for (std::size_t i = 0; i < table.header.size(); ++i)
        widths[i] = display_width(table.header[i]);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    std::size_t before_last = 0;
    for (std::size_t i = 0; i + 1 < widths.size(); ++i) before_last += widths[i] + 2;
    std::size_t last = terminal.width > before_last + 10 ? terminal.width - before_last : 10;
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            bool right = i < table.numeric.size() && table.numeric[i];
            bool is_last = i + 1 == widths.size();
            std::string cell = is_last ? fit(row[i], last) : row[i];
            line += is_last && !right ? cell : pad(cell, widths[i], right);
            if (!is_last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    out << (terminal.colour ? kBold : "");
    print_row(table.header);
    out << (terminal.colour ? kReset : "");
    for (const auto& row : rows) print_row(row);
}

void print_table_csv(std::ostream& out, const Table& table, CsvCells cells)
{
    if (csv_form() == CsvForm::Xlsx) {
        out << xlsx_bytes(table_sheet(table));
        return;
    }
    if (csv_form() == CsvForm::Bom) out << kUtf8Bom;
    out << csv_record(table.header);
    for (const auto& row : table.rows) out << csv_record(row, cells, table.numeric);
}

}  // namespace infonote
