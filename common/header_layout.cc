#include "header_layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "header_labels.h"
#include "participant_groups.h"
#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

// The bullets word processors and PDF conversion leave at a list item's
// start: •, ▪, ◦, ●, ■, ‣, ·, the en dash, and ASCII's - and *.
constexpr std::array<std::string_view, 10> kBullets{
    "\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x97\x8F", "\xE2\x96\xA0",
    "\xE2\x80\xA3", "\xC2\xB7",     "\xE2\x80\x93", "-",            "*"};

/// One line of the header, without its line feed.
struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::vector<Line> lines_of(std::string_view text)
{
    std::vector<Line> lines;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t eol = std::min(text.find('\n', at), text.size());
        lines.push_back({at, eol});
        at = eol + 1;
    }
    return lines;
}

// The length of the bullet that opens `line` after its indentation, with
// the white space after it: 0 when the line opens otherwise. The bullet
// must stand apart ("• Fiji", not "-based" or "*Note*").
std::size_t bullet_length(std::string_view line)
{
    std::size_t at = line.find_first_not_of(" \t");
    if (at == std::string_view::npos) return 0;
    for (std::string_view bullet : kBullets) {
        if (line.substr(at, bullet.size()) != bullet) continue;
        std::size_t after = at + bullet.size();
        if (after >= line.size() || (line[after] != ' ' && line[after] != '\t')) return 0;
        return after - at;
    }
    return 0;
}

// A rule of a table flattened to text: "----+------", "|---|---|",
// "======", nothing but dashes, equals signs, pluses and bars, with three
// dashes or equals signs at least.
bool rule_line(std::string_view line)
{
    std::string_view t = trim_view(line, " \t");
    if (t.find_first_not_of("-=+|:_ \t") != std::string_view::npos) return false;
    return std::count(t.begin(), t.end(), '-') + std::count(t.begin(), t.end(), '=') >= 3;
}

// How a table's cells are set apart: by bars, by tabs one a cell (a word
// processor's export, an empty cell between two tabs), by runs of tabs, by
// runs of spaces (columns aligned by hand), or by any of a bar, a tab and
// two spaces (a line whose layout is not known).
enum class Columns { Bars, Tabs, TabRuns, Spaces, Any };

// Whether a dash between spaces (" - ", " – ", " — ") sets cells apart
// too, as in "Georgia - Ministry of Foreign Affairs".
enum class Dashes { InCell, Separate };

/// A cell of a table row, as offsets into the header.
struct Cell {
    std::size_t begin = 0;
    std::size_t end = 0;
    /// The length of the separator after the cell (at `end` in a line of
    /// unknown layout); 0 at the line's end. Only cells split by runs (not
    /// by bars or tabs one a cell) tell it.
    std::size_t separator_length = 0;
};

// The length of the separator that opens `rest` in a line split by runs
// as `columns` says; 0 when none does.
std::size_t separator_at(std::string_view rest, Columns columns, Dashes dashes)
{
    if (rest[0] == '\t' || (columns == Columns::Any && rest[0] == '|')) return 1;
    if (columns == Columns::Spaces && rest.size() > 1 && rest[0] == ' ' &&
        (rest[1] == ' ' || rest[1] == '\t'))
        return 2;
    if (columns == Columns::Any && rest.starts_with("  ")) return 2;
    if (dashes == Dashes::InCell) return 0;
    if (rest.starts_with(" - ")) return 3;
    if (rest.starts_with(" \xE2\x80\x93 ") || rest.starts_with(" \xE2\x80\x94 ")) return 5;
    return 0;
}

// The cells of `line` (at `base` in the header), split as `columns` says:
// at every bar or every tab, empty cells kept (but an empty one after a
// closing bar dropped, as some rows close with a bar and some do not); at
// runs of tabs; at runs of two spaces or more (or tabs); at any of these
// (a bar opening the line left out). `dashes` adds a dash between spaces.
std::vector<Cell> cells_of(std::string_view line, std::size_t base, Columns columns,
                           Dashes dashes = Dashes::InCell)
{
    std::vector<Cell> cells;
    if (columns == Columns::Bars || columns == Columns::Tabs) {
        char separator = columns == Columns::Bars ? '|' : '\t';
        std::size_t from = 0;
        for (std::size_t bar = line.find(separator);; bar = line.find(separator, from)) {
            std::size_t end = bar == std::string_view::npos ? line.size() : bar;
            cells.push_back({base + from, base + end});
            if (bar == std::string_view::npos) break;
            from = bar + 1;
        }
        if (columns == Columns::Bars && cells.size() > 1 &&
            trim_view(line.substr(cells.back().begin - base), " \t").empty())
            cells.pop_back();
        return cells;
    }
    std::size_t at = line.find_first_not_of(" \t");
    if (columns == Columns::Any && at != std::string_view::npos && line[at] == '|')
        at = line.find_first_not_of(" \t", at + 1);
    while (at != std::string_view::npos && at < line.size()) {
        std::size_t end = at;
        std::size_t length = 0;
        while (end < line.size() && (length = separator_at(line.substr(end), columns, dashes)) == 0)
            ++end;
        // Spaces end a cell, but not before a separator in a line of
        // unknown layout: its cell ends where the separator starts.
        std::size_t trimmed = end;
        while (trimmed > at && line[trimmed - 1] == ' ' && (columns != Columns::Any || length == 0))
            --trimmed;
        cells.push_back({base + at, base + trimmed, length});
        at = line.find_first_not_of(" \t", end + length);
    }
    return cells;
}

// True when a table's column heading says it holds States: "State",
// "Country", "Pays", "País", "Estado", "Delegation", "State/Organization".
bool state_column_heading(std::string_view cell)
{
    std::string_view heading = trim_view(cell, " \t*_:.");
    if (heading.empty() || count_words(heading) > 2) return false;
    std::string key = folded_key(heading);
    for (std::string_view word : {"pais", "delegation", "delegations", "delegacion",
                                  "delegaciones"})
        if (key == word) return true;
    return heading_names_states(heading);
}

// True when `line` introduces the participants: a Participants label or a
// heading of States with nothing after it but a colon ("Who took part (see
// table)", "4. Participants:", "PARTICIPATING STATES").
bool opens_participants(std::string_view line)
{
    std::string_view t = trim_view(line, " \t*_#:");
    // "Participants: see the table below".
    t = trim_view(t.substr(0, t.find(':')), " \t*_");
    std::size_t number = 0;
    while (number < t.size() && std::isdigit(static_cast<unsigned char>(t[number]))) ++number;
    if (number > 0 && number < t.size() && (t[number] == '.' || t[number] == ')'))
        t = trim_view(t.substr(number + 1), " \t");
    if (t.empty() || t.size() > 64) return false;
    if (label_spelled(t) == Label::Participants) return true;
    return count_words(t) <= 6 && classify_group(t) == GroupKind::States;
}

// In columns aligned with spaces, a row whose cells do not match the
// header row's (a long name that runs into the next column, "2   Lao
// People's Democratic Republic" with its agency on the next line): the
// cell that starts under heading `column`, within two bytes of it.
std::optional<Cell> cell_under(const std::vector<Cell>& cells, std::size_t row_begin,
                               const std::vector<Cell>& headings, std::size_t header_begin,
                               std::size_t column, Columns columns)
{
    if (columns != Columns::Spaces) return std::nullopt;
    std::size_t from = headings[column].begin - header_begin;
    std::size_t to = column + 1 < headings.size() ? headings[column + 1].begin - header_begin
                                                  : std::string_view::npos;
    for (const Cell& c : cells) {
        std::size_t at = c.begin - row_begin;
        if (at + 2 >= from && at < to && at <= from + 2) return c;
    }
    return std::nullopt;
}

class Layout {
  public:
    Layout(std::string_view header, const CountryGazetteer& countries)
        : in_(header), out_(header), countries_(countries), lines_(lines_of(header))
    {
    }

    std::string run()
    {
        for (std::size_t i = 0; i < lines_.size(); ++i)
            if (std::size_t last = read_label_row(i); last > i) i = last;
        for (std::size_t i = 0; i < lines_.size(); ++i)
            if (std::size_t last = read_table(i); last > i) i = last;
        mark_participant_rows();
        for (std::size_t i = 0; i < lines_.size(); ++i) mark_group_heading(i);
        // A bullet becomes spaces, and a comma after the list's first item:
        // items one a line are a list for readers that split at commas
        // only (organizations).
        // Items that are "Key: value" lines ("- **Event:** ...") need none.
        bool after_item = false;
        bool keyed_item = false;
        for (const Line& l : lines_) {
            std::string_view written = trim_view(
                std::string_view(out_).substr(l.begin, l.end - l.begin), " \t");
            std::size_t bullet = bullet_length(line(l));
            if (bullet == 0) {
                // A heading's colon may stand over its line feed.
                bool heading = (!written.empty() && written.back() == ':') ||
                               (l.end < out_.size() && out_[l.end] == ':');
                if (written.empty() || heading) after_item = false;
                continue;
            }
            std::size_t at = l.begin + line(l).find_first_not_of(" \t");
            fill(at, at + bullet, ' ');
            bool keyed = line(l).find(':') != std::string_view::npos || colon_for_label_dash(l);
            if (after_item && !keyed && !keyed_item) out_[at] = ',';
            after_item = true;
            keyed_item = keyed;
        }
        return std::move(out_);
    }

  private:
    std::string_view line(const Line& l) const { return in_.substr(l.begin, l.end - l.begin); }
    std::string_view line(std::size_t i) const { return line(lines_[i]); }
    bool blank(std::size_t i) const { return trim_view(line(i), " \t").empty(); }

    void fill(std::size_t begin, std::size_t end, char c)
    {
        std::fill(out_.begin() + static_cast<std::ptrdiff_t>(begin),
                  out_.begin() + static_cast<std::ptrdiff_t>(end), c);
    }

    // A line of the table that holds no State: spaces with a comma, so
    // that the list does not end at a blank line; an empty line gives its
    // comma to the line feed before it.
    void void_line(std::size_t i)
    {
        const Line& l = lines_[i];
        fill(l.begin, l.end, ' ');
        if (l.end > l.begin)
            out_[l.begin] = ',';
        else if (l.begin > 0)
            out_[l.begin - 1] = ',';
    }

    // When line i is the header row of a participants table: the table
    // read (see unflatten_layout()), and the index of its last line;
    // else i.
    std::size_t read_table(std::size_t i)
    {
        std::string_view header_row = line(i);
        Columns columns = header_row.find('|') != std::string_view::npos       ? Columns::Bars
                          : header_row.find("\t\t") != std::string_view::npos ? Columns::TabRuns
                          : header_row.find('\t') != std::string_view::npos    ? Columns::Tabs
                                                                               : Columns::Spaces;
        std::vector<Cell> headings = cells_of(header_row, lines_[i].begin, columns);
        if (headings.size() < 2) return i;
        std::optional<std::size_t> state_column;
        for (std::size_t c = 0; c < headings.size(); ++c) {
            if (!state_column_heading(in_.substr(headings[c].begin,
                                                 headings[c].end - headings[c].begin)))
                continue;
            if (state_column) return i;
            state_column = c;
        }
        if (!state_column) return i;
        std::size_t before = i;
        while (before > 0 && (blank(before - 1) || rule_line(line(before - 1)))) --before;
        if (before == 0 || !opens_participants(line(before - 1))) return i;

        // The rows: each State cell kept where it stands.
        std::vector<std::pair<std::size_t, Cell>> rows;
        std::vector<std::size_t> voided;
        std::size_t last = i;
        for (std::size_t r = i + 1; r < lines_.size(); ++r) {
            std::string_view row = line(r);
            if (blank(r) || rule_line(row)) {
                voided.push_back(r);
                if (!blank(r)) last = r;
                continue;
            }
            bool separated = columns == Columns::Bars ? row.find('|') != std::string_view::npos
                             : columns == Columns::Spaces
                                 ? cells_of(row, 0, columns).size() > 1 || row.starts_with("  ")
                                 : row.find('\t') != std::string_view::npos;
            if (!separated) break;
            std::vector<Cell> cells = cells_of(row, lines_[r].begin, columns);
            if (cells.size() == headings.size())
                rows.emplace_back(r, cells[*state_column]);
            else if (std::optional<Cell> cell = cell_under(cells, lines_[r].begin, headings,
                                                           lines_[i].begin, *state_column, columns))
                rows.emplace_back(r, *cell);
            else
                voided.push_back(r);
            last = r;
        }
        bool names_a_country = std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
            const Cell& c = row.second;
            return countries_.resolve(tidy(in_.substr(c.begin, c.end - c.begin))) != nullptr;
        });
        if (!names_a_country) return i;
        // Blank lines after the last row stay out of the table.
        std::erase_if(voided, [&](std::size_t r) { return r > last; });

        // "Participants: see the table below": the remark goes.
        const Line& opener = lines_[before - 1];
        if (std::size_t colon = line(opener).find(':'); colon != std::string_view::npos) {
            std::string_view remark = line(opener).substr(colon + 1);
            if (countries_.scan_list(remark).matches.empty())
                fill(opener.begin + colon + 1, opener.end, ' ');
        }
        // The heading goes over the rule under the header row, when there is
        // one, so that no comma stands between it and the first State.
        std::size_t heading_row = i;
        constexpr std::string_view kHeading = "States:";
        if (i + 1 < lines_.size() && rule_line(line(i + 1)) &&
            trim_view(line(i + 1), " \t").size() >= kHeading.size())
            heading_row = i + 1;
        std::erase(voided, heading_row);
        fill(lines_[i].begin, lines_[i].end, ' ');
        const Line& h = lines_[heading_row];
        fill(h.begin, h.end, ' ');
        std::size_t at = h.begin + line(h).find_first_not_of(" \t");
        if (h.end - at >= kHeading.size())
            std::copy(kHeading.begin(), kHeading.end(),
                      out_.begin() + static_cast<std::ptrdiff_t>(at));
        for (std::size_t r : voided) void_line(r);
        for (const auto& [r, cell] : rows) {
            const Line& l = lines_[r];
            fill(l.begin, cell.begin, ' ');
            fill(cell.end, l.end, ' ');
            if (trim_view(in_.substr(cell.begin, cell.end - cell.begin), " \t").empty())
                void_line(r);
        }
        return last;
    }

    // "• Dates - 22-23 October 2025", "• Lieu – Lomé": a bulleted label
    // whose dash stands for its colon (its bullet already blanked) takes a
    // colon. True when it did.
    bool colon_for_label_dash(const Line& l)
    {
        Cell c = first_cell_of(l);
        if (c.separator_length < 3 || !label_spelled(text_of(c))) return false;
        std::string_view separator = std::string_view(out_).substr(c.end, c.separator_length);
        if (separator.find_first_of("-\xE2") == std::string_view::npos) return false;
        fill(c.end, c.end + c.separator_length, ' ');
        out_[c.end] = ':';
        return true;
    }

    // When line i is a row of labels over the row(s) of their values, each
    // value in its label's column ("| Event | Date and Venue | Organizers
    // |" over "| Workshop ... | 22-23 October 2025, ... | UNREC |", or
    // "Título   Anfitrión   Fechas   Lugar" over values aligned with
    // spaces, which may wrap onto more lines): the table rewritten in its
    // place as one "Label: value" line a column, and the index of its
    // last line; else i. The rewriting keeps the table's length, so that
    // what follows keeps its offsets; a table too tight for it is left.
    std::size_t read_label_row(std::size_t i)
    {
        std::string_view labels_row = line(i);
        Columns columns = labels_row.find('|') != std::string_view::npos  ? Columns::Bars
                          : labels_row.find('\t') != std::string_view::npos ? Columns::TabRuns
                                                                            : Columns::Spaces;
        std::vector<Cell> labels = row_cells(i, columns);
        if (labels.size() < 2) return i;
        std::vector<Label> seen;
        for (const Cell& c : labels) {
            std::optional<Label> label = label_spelled(in_.substr(c.begin, c.end - c.begin));
            if (!label || std::find(seen.begin(), seen.end(), *label) != seen.end()) return i;
            seen.push_back(*label);
        }
        // The values, column by column.
        std::vector<std::string> values(labels.size());
        std::size_t last = i;
        for (std::size_t r = i + 1; r < lines_.size() && !blank(r); ++r) {
            if (rule_line(line(r))) {
                last = r;
                continue;
            }
            if (columns == Columns::Bars && line(r).find('|') == std::string_view::npos) break;
            // "Participants: ..." right under the table is a label of its own.
            std::string_view row = trim_view(line(r), " \t|*");
            if (std::size_t colon = row.find(':');
                colon != std::string_view::npos && label_spelled(row.substr(0, colon)))
                break;
            std::vector<Cell> cells = row_cells(r, columns);
            std::vector<std::size_t> column_of(cells.size(), labels.size());
            for (std::size_t k = 0; k < cells.size(); ++k)
                column_of[k] = columns == Columns::Spaces
                                   ? column_under(cells[k], r, labels, i)
                                   : (cells.size() == labels.size() ? k : labels.size());
            if (std::count(column_of.begin(), column_of.end(), labels.size()) > 0) break;
            for (std::size_t k = 0; k < cells.size(); ++k) {
                std::string& value = values[column_of[k]];
                if (!value.empty()) value += ' ';
                value += trim_view(in_.substr(cells[k].begin, cells[k].end - cells[k].begin),
                                   " \t");
            }
            last = r;
        }
        if (last == i || std::all_of(values.begin(), values.end(),
                                     [](const std::string& v) { return v.empty(); }))
            return i;
        std::size_t begin = lines_[i].begin;
        std::size_t room = lines_[last].end - begin;
        for (std::string_view after_colon : {" ", ""}) {
            std::string rewritten;
            for (std::size_t k = 0; k < labels.size(); ++k) {
                if (k > 0) rewritten += '\n';
                rewritten += in_.substr(labels[k].begin, labels[k].end - labels[k].begin);
                rewritten += ':';
                rewritten += after_colon;
                rewritten += values[k];
            }
            if (rewritten.size() > room) continue;
            fill(begin, begin + room, ' ');
            std::copy(rewritten.begin(), rewritten.end(),
                      out_.begin() + static_cast<std::ptrdiff_t>(begin));
            return last;
        }
        return i;
    }

    // The cells of line i with text, split as `columns` says, trimmed.
    std::vector<Cell> row_cells(std::size_t i, Columns columns) const
    {
        std::vector<Cell> cells = cells_of(line(i), lines_[i].begin, columns);
        std::erase_if(cells, [&](Cell& c) {
            std::string_view text = in_.substr(c.begin, c.end - c.begin);
            std::size_t from = text.find_first_not_of(" \t");
            if (from == std::string_view::npos) return true;
            c.end = c.begin + text.find_last_not_of(" \t") + 1;
            c.begin += from;
            return false;
        });
        return cells;
    }

    // The column, among the label cells of line `labels_line`, under
    // which `cell` of line `r` starts: within two characters of a label's
    // start (columns are counted in characters, as aligned by eye); the
    // labels' count when under none.
    std::size_t column_under(const Cell& cell, std::size_t r, const std::vector<Cell>& labels,
                             std::size_t labels_line) const
    {
        auto column = [this](std::size_t line_begin, std::size_t at) {
            std::string_view before = in_.substr(line_begin, at - line_begin);
            return static_cast<std::size_t>(std::count_if(before.begin(), before.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        };
        std::size_t at = column(lines_[r].begin, cell.begin);
        for (std::size_t k = 0; k < labels.size(); ++k) {
            std::size_t from = column(lines_[labels_line].begin, labels[k].begin);
            if (at + 2 >= from && at <= from + 2) return k;
        }
        return labels.size();
    }

    // The rows under a Participants label, up to the first blank line
    // after them, whose group heading stands apart from its list without
    // a colon: a colon after the heading (see mark_row_heading()).
    void mark_participant_rows()
    {
        for (std::size_t p = 0; p < lines_.size(); ++p) {
            if (!opens_participants(text_of(first_cell_of(p)))) continue;
            std::size_t i = p + 1;
            while (i < lines_.size() && blank(i)) ++i;
            if (i < lines_.size() && void_column_headings(i, first_cell_of(i))) ++i;
            for (; i < lines_.size() && !blank(i); ++i) mark_row_heading(i, first_cell_of(i));
            p = i;
        }
    }

    // The first cell of line i as written so far: up to a bar, a tab, two
    // spaces, or a dash between spaces; to the line's end when none
    // follows the text.
    Cell first_cell_of(std::size_t i) const { return first_cell_of(lines_[i]); }

    Cell first_cell_of(const Line& l) const
    {
        std::string_view text = std::string_view(out_).substr(l.begin, l.end - l.begin);
        std::vector<Cell> cells = cells_of(text, l.begin, Columns::Any, Dashes::Separate);
        return cells.empty() ? Cell{l.end, l.end} : cells.front();
    }

    std::string_view text_of(const Cell& c) const
    {
        return std::string_view(out_).substr(c.begin, c.end - c.begin);
    }

    // A table's header row over groups and their lists ("Group   States /
    // Organizations") at line i, its first cell `c`: it names no group,
    // and goes. True when it went.
    bool void_column_headings(std::size_t i, const Cell& c)
    {
        std::string key = folded_key(text_of(c));
        bool column_word = key == "group" || key == "groups" || key == "category" ||
                           key == "groupe" || key == "categorie" || key == "grupo" ||
                           key == "categoria";
        if (!column_word || c.separator_length == 0) return false;
        fill(lines_[i].begin, lines_[i].end, ' ');
        return true;
    }

    // Line i of the participants: "Observers | Republic of Iraq", "Observer
    // <spaces> Timor-Leste", "Georgia - Ministry of Foreign Affairs; ...",
    // or "ECOWAS Member States" alone above its list. A known group
    // heading, a State's name or its adjective ("Administrations
    // marocaines") takes a colon in place of the separator; one alone on
    // its line takes it after its last word, over the line feed when no
    // space follows. A line that holds a colon already is left alone.
    void mark_row_heading(std::size_t i, const Cell& c)
    {
        const Line& l = lines_[i];
        std::string_view text = std::string_view(out_).substr(l.begin, l.end - l.begin);
        if (text.find(':') != std::string_view::npos) return;
        if (c.separator_length == 0 && mark_demonym_opening(c)) return;
        std::string_view cell = trim_view(text_of(c), " \t*_#");
        if (cell.empty() || count_words(cell) > 6) return;
        bool group = known_group_heading(cell) || demonym_heading(cell, countries_) != nullptr;
        if (c.separator_length > 0) {
            std::string_view after = std::string_view(out_).substr(
                c.end + c.separator_length, l.end - c.end - c.separator_length);
            if (trim_view(after, " \t|").empty()) return;
            if (!group && !country_heading(cell, countries_)) return;
            // "| State | Institution |": a table's header row, not a group.
            if (classify_group(cell) == GroupKind::States &&
                countries_.scan_list(after).matches.empty())
                return;
            fill(c.end, c.end + c.separator_length, ' ');
            out_[c.end] = ':';
            if (std::size_t bar = text.find_first_not_of(" \t");
                bar != std::string_view::npos && text[bar] == '|')
                out_[l.begin + bar] = ' ';
            return;
        }
        if (!group || i + 1 >= lines_.size() || blank(i + 1)) return;
        if (c.end < out_.size()) out_[c.end] = ':';
    }

    // A line of the participants written as prose that opens with a
    // State's adjective and its people ("Beninese officials from the
    // ministries of ...", "Fonctionnaires togolais des ministères ...",
    // "Funcionarios dominicanos de ..."), `c` all its text: a colon after
    // those words, and the preposition after them blanked, as for a
    // heading by adjective. True when it took one.
    bool mark_demonym_opening(const Cell& c)
    {
        std::string_view text = text_of(c);
        std::vector<Word> words = split_words(text);
        std::size_t longest = std::min(countries_.longest_demonym_words() + 1, words.size() - 1);
        for (std::size_t n = 2; n <= longest && words.size() > 2; ++n) {
            std::string_view opening = text.substr(0, words[n - 1].end);
            if (words[0].begin != 0 || demonym_heading(opening, countries_) == nullptr) continue;
            std::size_t after = c.begin + words[n - 1].end;
            if (out_[after] != ' ') return false;
            out_[after] = ':';
            const Word& next = words[n];
            for (std::string_view preposition : {"from", "of", "des", "du", "de", "del"})
                if (next.folded == preposition)
                    fill(c.begin + next.begin, c.begin + next.end, ' ');
            return true;
        }
        return false;
    }

    // A participant group heading alone on line i, above a bulleted item
    // (blank lines between them allowed): a colon after its last word,
    // over the line feed when no space follows it.
    void mark_group_heading(std::size_t i)
    {
        std::string_view text = line(i);
        std::string_view heading = trim_view(text, " \t*_#");
        if (heading.empty() || heading.size() > 64 || count_words(heading) > 6 ||
            text.find(':') != std::string_view::npos || bullet_length(text) > 0 ||
            classify_group(heading) == GroupKind::Unknown)
            return;
        // "State of Kuwait." alone above "- Other States: ..." is a State.
        if (!countries_.scan_list(heading).matches.empty()) return;
        // "State of)" ends a name wrapped on the line above.
        if (std::count(heading.begin(), heading.end(), ')') >
            std::count(heading.begin(), heading.end(), '('))
            return;
        std::size_t next = i + 1;
        while (next < lines_.size() && blank(next)) ++next;
        if (next >= lines_.size() || bullet_length(line(next)) == 0) return;
        std::size_t end = lines_[i].begin + text.find_last_not_of(" \t") + 1;
        if (end < out_.size()) out_[end] = ':';
    }

    std::string_view in_;
    std::string out_;
    const CountryGazetteer& countries_;
    std::vector<Line> lines_;
};

}  // namespace

std::string unflatten_layout(std::string_view header, const CountryGazetteer& countries)
{
    return Layout(header, countries).run();
}

}  // namespace infonote
