#include "text_output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "country_gazetteer.h"
#include "json_output.h"
#include "terminal_text.h"

namespace infonote {

namespace {

constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";

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

// `text` and the spaces that make it `width` columns wide, appended to `out`.
void append_padded(std::string& out, std::string_view text, std::size_t width)
{
    std::size_t w = display_width(text);
    out.append(text);
    if (w < width) out.append(width - w, ' ');
}

std::string pad(std::string_view text, std::size_t width, bool right = false)
{
    std::string out;
    if (!right) {
        append_padded(out, text, width);
        return out;
    }
    std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    out.append(text);
    return out;
}

// The words of `text` (split at spaces) in lines of at most `room` columns;
// a word wider than that has a line of its own.
std::vector<std::string> wrapped(std::string_view text, std::size_t room)
{
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(at, end - at);
        std::size_t w = display_width(word);
        if (line_width > 0 && line_width + 1 + w > room) {
            lines.push_back(std::move(line));
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
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

// Words of `text` in lines of at most `width` characters, each indented.
void print_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width)
{
    std::size_t room = width > indent + 20 ? width - indent : 20;
    for (const std::string& line : wrapped(text, room))
        out << std::string(indent, ' ') << line << '\n';
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

void print_hits_text(std::ostream& out, const SearchAnswer& answer, const Terminal& term)
{
    const SearchResult& result = answer.result;
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
        line.clear();
        append_padded(line, dates[i], date_width);
        line += "  ";
        append_padded(line, fit(venues[i], venue_width), venue_width);
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
        std::size_t documents = h.sources.is_array() ? h.sources.size()
                                : h.record           ? h.record->documents
                                                     : 0;
        if (documents > 1)
            line += "  event " + escape_controls(h.event_id) + " (" + std::to_string(documents) +
                    " documents)";
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
        Json facets = facets_json(result, answer.facet_limit);
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
        if (answer.offset > 0) out << " from number " << answer.offset + 1;
    }
    out << '\n';
}

// "UNODA  United Nations Office for Disarmament Affairs  (organizer)".
std::string organization_line(const Json& o)
{
    std::string line = o.value("acronym", Json()).is_string()
                           ? o["acronym"].get<std::string>() + "  " + o.value("name", "")
                           : o.value("name", "");
    const Json& role = o.value("role", Json());
    return role.is_string() ? line + "  (" + role.get<std::string>() + ")" : line;
}

void print_bars(std::ostream& out, const std::vector<Period>& periods, const Terminal& terminal)
{
    Xapian::doccount most = 0;
    std::size_t count_width = 1;
    for (const Period& p : periods) {
        most = std::max(most, p.notes);
        count_width = std::max(count_width, std::to_string(p.notes).size());
    }
    std::size_t label_width = periods.empty() ? 4 : periods.front().label.size();
    std::size_t room = terminal.width > label_width + count_width + 4
                           ? terminal.width - label_width - count_width - 4
                           : 10;
    for (const Period& p : periods) {
        std::size_t bar = most == 0 ? 0 : (p.notes * room + most - 1) / most;
        std::string bars;
        for (std::size_t i = 0; i < bar; ++i) bars += terminal.unicode ? "\u2588" : "#";
        std::string count = std::to_string(p.notes);
        out << p.label << "  " << std::string(count_width - count.size(), ' ') << count << "  "
            << bars << '\n';
    }
}

// A titled table of values and their counts: "events  value  name".
void print_ranked(std::ostream& out, const char* title, const std::vector<RankedValue>& values,
                  const Terminal& terminal)
{
    out << '\n' << title << '\n';
    Table t{{"events", "value"}, {true, false}, {}};
    for (const RankedValue& v : values)
        t.rows.push_back(
            {std::to_string(v.count), v.value + (v.name.empty() ? "" : "  " + v.name)});
    write_text(out, t, terminal);
}

// Fields of a page: one row per field, a JSON value as its text.
struct Fields {
    Table table{{"field", "value"}, {}, {}};

    void add(std::string name, const Json& v)
    {
        if (v.is_null()) return;
        table.rows.push_back({std::move(name), v.is_string() ? v.get<std::string>() : v.dump()});
    }
    void add(std::string name, std::string value)
    {
        table.rows.push_back({std::move(name), std::move(value)});
    }
    // A summary's country: "KZ  Kazakhstan  (host, participant)".
    void add_country(const Json& c)
    {
        add("country",
            c.value("code", "") + "  " + c.value("name", "") + "  (" + joined_roles(c) + ")");
    }
    // An event's document: "information-note  path  id ID", after `indent`.
    void add_source(std::string name, const std::string& indent, const Json& src)
    {
        add(std::move(name), indent + src.value("kind", "") + "  " + src.value("path", "") +
                                 "  id " + src.value("id", ""));
    }
};

// A summary's venue as a person reads it: "Astana, Kazakhstan (KZ)",
// "Kazakhstan (KZ)", "Astana" or "online"; "" when it names no place.
std::string venue_line(const Json& venue)
{
    if (!venue.is_object()) return "";
    if (venue.value("online", false)) return "online";
    const Json& city = venue.value("city", Json());
    const Json& country = venue.value("country", Json());
    std::string line = city.is_string() ? city.get<std::string>() : "";
    if (country.is_string()) {
        const std::string code = country.get<std::string>();
        const Country* known = country_names().by_code(code);
        line += (line.empty() ? "" : ", ") + (known ? known->name + " (" + code + ")" : code);
    }
    return line;
}

// A page of fields (`show`): the label column, then each value wrapped to
// the terminal's width under its own start, an indented value (evidence
// under its fact) under its indent. Nothing is cut.
void write_page(std::ostream& out, const Table& table, const Terminal& terminal)
{
    std::size_t label_width = 0;
    for (const auto& row : table.rows)
        if (!row.empty()) label_width = std::max(label_width, display_width(row[0]));
    label_width = std::max(label_width, display_width(table.header[0]));
    const std::size_t column = label_width + 2;
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string value = row.size() > 1 ? escape_controls(row[1]) : "";
        std::size_t indent = value.find_first_not_of(' ');
        if (indent == std::string::npos) indent = 0;
        const std::size_t start = column + indent;
        const std::size_t room = terminal.width > start + 30 ? terminal.width - start : 30;
        std::vector<std::string> lines = wrapped(std::string_view(value).substr(indent), room);
        if (lines.empty()) lines.emplace_back();
        std::string first =
            pad(escape_controls(row[0]), label_width) + "  " + std::string(indent, ' ') + lines[0];
        while (!first.empty() && first.back() == ' ') first.pop_back();
        out << first << '\n';
        for (std::size_t i = 1; i < lines.size(); ++i)
            out << std::string(start, ' ') << lines[i] << '\n';
    };
    out << (terminal.colour ? kBold : "");
    print_row(table.header);
    out << (terminal.colour ? kReset : "");
    for (const auto& row : table.rows) print_row(row);
}

// A document's text with each line wrapped to the terminal's width, its
// continuation lines under the line's own indent; line breaks kept.
void write_wrapped_text(std::ostream& out, const std::string& text, const Terminal& terminal)
{
    const std::string shown = escape_controls(text, LineBreaks::Keep);
    std::size_t at = 0;
    while (at < shown.size()) {
        std::size_t end = shown.find('\n', at);
        if (end == std::string::npos) end = shown.size();
        std::string_view line = std::string_view(shown).substr(at, end - at);
        std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos)
            out << '\n';
        else
            print_wrapped(out, line.substr(indent), indent, terminal.width);
        at = end + 1;
    }
}

// `show EVENT_ID`: the event's merged fields and its sources.
void print_event(std::ostream& out, const EventView& event, const Terminal& terminal)
{
    const Json& s = event.summary;
    Fields fields;
    fields.add("event", s["event_id"]);
    fields.add("title", s["title"]);
    fields.add("start", s["start_date"]);
    fields.add("end", s["end_date"]);
    if (std::string venue = venue_line(s["venue"]); !venue.empty()) fields.add("venue", venue);
    for (const Json& c : s["countries"]) fields.add_country(c);
    for (const Json& o : s["organizations"]) fields.add("organization", organization_line(o));
    for (const Json& src : event.sources) fields.add_source("source", "", src);
    write_page(out, fields.table, terminal);
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

void write_text(std::ostream& out, const Table& table, const Terminal& terminal)
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

void write_text(std::ostream& out, const SearchAnswer& answer, const Terminal& terminal)
{
    print_hits_text(out, answer, terminal);
}

void write_text(std::ostream& out, const AttendedAnswer& answer, const Terminal& terminal)
{
    out << escape_controls(answer.country.name) << " (" << answer.country.code << ")\n";
    print_hits_text(out, answer.hits, terminal);
}

void write_text(std::ostream& out, const ShowAnswer& answer, const Terminal& terminal)
{
    if (answer.event_asked) {
        print_event(out, *answer.event_asked, terminal);
        return;
    }
    // A copy: reading a missing field adds it as null.
    Json summary = answer.summary;
    Fields fields;
    // Under each fact, where it was read: "  header line 7: States: ...".
    auto add_where = [&fields](const Json& fact) {
        const Json& e = fact.is_object() ? fact.value("evidence", Json()) : Json();
        if (!e.is_object()) return;
        fields.add("", "  " + e.value("source", "") + " line " +
                           std::to_string(e.value("line", 0)) + ": " + e.value("text", ""));
    };
    fields.add("id", summary["id"]);
    fields.add("path", summary["path"]);
    fields.add("kind", summary["kind"]);
    fields.add("title", summary["title"]);
    fields.add("start", summary["start_date"]);
    fields.add("end", summary["end_date"]);
    if (!summary["start_date"].is_null()) add_where(summary.value("dates", Json()));
    Json venue = summary["venue"];
    if (venue.is_object()) {
        Json where = venue.value("evidence", Json());
        venue.erase("evidence");
        if (std::string line = venue_line(venue); !line.empty()) fields.add("venue", line);
        add_where({{"evidence", where}});
    }
    for (const Json& c : summary["countries"]) {
        fields.add_country(c);
        add_where(c);
    }
    for (const Json& o : summary["organizations"]) {
        fields.add("organization", organization_line(o));
        add_where(o);
    }
    fields.add("committee", summary["committee"]);
    if (const std::optional<EventView>& event = answer.event) {
        fields.add("event", event->id + "  (" + std::to_string(event->sources.size()) +
                                (event->sources.size() == 1 ? " document)" : " documents)"));
        for (const Json& src : event->sources) fields.add_source("", "  ", src);
    }
    write_page(out, fields.table, terminal);
    out << '\n';
    write_wrapped_text(out, answer.text, terminal);
}

void write_text(std::ostream& out, const CountriesAnswer& answer, const Terminal& terminal)
{
    write_text(out, countries_table(answer), terminal);
    std::size_t n = answer.total;
    out << n << (n == 1 ? " country" : " countries");
    if (answer.countries.size() < n) out << ", " << answer.countries.size() << " shown";
    out << '\n';
}

void write_text(std::ostream& out, const StatsAnswer& s, const Terminal& terminal)
{
    out << "notes:      " << s.notes << "\n"
        << "events:     " << s.events << "\n"
        << "dates:      " << (s.first_date.empty() ? "(none)" : s.first_date + " .. " + s.last_date)
        << (s.undated ? "  (" + std::to_string(s.undated) + " undated)" : "") << "\n"
        << "built:      " << (s.built.empty() ? "?" : escape_controls(s.built)) << "\n"
        << "updated:    " << (s.updated.empty() ? "never" : escape_controls(s.updated)) << "\n"
        << "countries:  " << s.countries << "\n";
    print_ranked(out, "top countries", s.top_countries, terminal);
    print_ranked(out, "top organizations", s.top_organizations, terminal);
    print_ranked(out, "event types", s.types, terminal);
}

void write_text(std::ostream& out, const TimelineAnswer& answer, const Terminal& terminal)
{
    print_bars(out, answer.periods, terminal);
    Xapian::doccount dated = answer.dated;
    out << dated
        << (answer.events ? (dated == 1 ? " event" : " events")
                          : (dated == 1 ? " note" : " notes"));
    if (answer.undated) out << ", and " << answer.undated << " without a date";
    out << '\n';
}

void write_text(std::ostream& out, const ProfileAnswer& p, const Terminal& terminal)
{
    out << escape_controls(p.country.name) << " (" << p.country.code << "): " << p.events
        << (p.events == 1 ? " event" : " events");
    if (p.undated) out << " (" << p.undated << " undated)";
    out << "; host of " << p.hosted << ", invited only to " << p.invited_only << '\n';
    if (p.first && p.last)
        out << "first:  " << p.first->date << "  " << escape_controls(p.first->title) << '\n'
            << "last:   " << p.last->date << "  " << escape_controls(p.last->title) << '\n';
    if (!p.years_without.empty()) {
        out << "years without any:";
        for (const std::string& y : p.years_without) out << ' ' << y;
        out << '\n';
    }
    out << "\nevents per year\n";
    print_bars(out, p.years, terminal);
    print_ranked(out, "event types", p.by_type, terminal);
    print_ranked(out, "regions", p.by_region, terminal);
    print_ranked(out, "organizations met most", p.organizations, terminal);
    print_ranked(out, "States met most", p.states, terminal);
}

void write_text(std::ostream& out, const CoattendAnswer& answer, const Terminal& terminal)
{
    write_text(out, coattend_table(answer), terminal);
    std::size_t pairs = answer.pairs.size();
    out << pairs << (pairs == 1 ? " pair" : " pairs") << " over " << answer.events
        << (answer.events == 1 ? " event\n" : " events\n");
}

void write_text(std::ostream& out, const CoverageAnswer& answer, const Terminal& terminal)
{
    Table table{
        {"code", "country", "status", "events", "last"}, {false, false, false, true, false}, {}};
    std::size_t none = 0;
    for (const CoverageRow& r : answer.states) {
        none += r.events == 0;
        table.rows.push_back({r.code, r.name, r.observer ? "observer" : "member",
                              std::to_string(r.events), r.last.empty() ? "-" : r.last});
    }
    write_text(out, table, terminal);
    std::size_t n = answer.states.size();
    out << n << (n == 1 ? " State, " : " States, ") << none << " without an event"
        << (answer.since.empty() ? "" : " since " + answer.since) << '\n';
}

}  // namespace infonote
