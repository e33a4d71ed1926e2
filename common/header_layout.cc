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

enum class Columns { Bars, Tabs, Spaces };

/// A cell of a table row, as offsets into the header.
struct Cell {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The cells of `line` (at `base` in the header), split as `columns` says:
// at every bar; at runs of tabs; at runs of two spaces or more (or tabs).
// Only bars keep the empty cells at a row's ends, as every row has them.
std::vector<Cell> cells_of(std::string_view line, std::size_t base, Columns columns)
{
    std::vector<Cell> cells;
    if (columns == Columns::Bars) {
        std::size_t from = 0;
        for (std::size_t bar = line.find('|'); ; bar = line.find('|', from)) {
            std::size_t end = bar == std::string_view::npos ? line.size() : bar;
            cells.push_back({base + from, base + end});
            if (bar == std::string_view::npos) break;
            from = bar + 1;
        }
        return cells;
    }
    auto gap_at = [&](std::size_t at) {
        if (line[at] == '\t') return true;
        return columns == Columns::Spaces && line[at] == ' ' && at + 1 < line.size() &&
               (line[at + 1] == ' ' || line[at + 1] == '\t');
    };
    std::size_t at = line.find_first_not_of(" \t");
    while (at != std::string_view::npos && at < line.size()) {
        std::size_t end = at;
        while (end < line.size() && !gap_at(end)) ++end;
        std::size_t trimmed = end;
        while (trimmed > at && line[trimmed - 1] == ' ') --trimmed;
        cells.push_back({base + at, base + trimmed});
        at = line.find_first_not_of(" \t", end);
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
    std::size_t number = 0;
    while (number < t.size() && std::isdigit(static_cast<unsigned char>(t[number]))) ++number;
    if (number > 0 && number < t.size() && (t[number] == '.' || t[number] == ')'))
        t = trim_view(t.substr(number + 1), " \t");
    if (t.empty() || t.size() > 64) return false;
    if (label_spelled(t) == Label::Participants) return true;
    return count_words(t) <= 6 && classify_group(t) == GroupKind::States;
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
            if (std::size_t last = read_table(i); last > i) i = last;
        for (std::size_t i = 0; i < lines_.size(); ++i) mark_group_heading(i);
        // A bullet becomes a comma and spaces: items one a line are a list
        // for readers that split at commas only (organizations).
        for (const Line& l : lines_) {
            std::size_t bullet = bullet_length(line(l));
            if (bullet == 0) continue;
            std::size_t at = l.begin + line(l).find_first_not_of(" \t");
            fill(at, at + bullet, ' ');
            out_[at] = ',';
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
        Columns columns = header_row.find('|') != std::string_view::npos    ? Columns::Bars
                          : header_row.find('\t') != std::string_view::npos ? Columns::Tabs
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
                continue;
            }
            bool separated = columns == Columns::Bars   ? row.find('|') != std::string_view::npos
                             : columns == Columns::Tabs ? row.find('\t') != std::string_view::npos
                                                        : cells_of(row, 0, columns).size() > 1 ||
                                                              row.starts_with("  ");
            if (!separated) break;
            std::vector<Cell> cells = cells_of(row, lines_[r].begin, columns);
            if (cells.size() == headings.size())
                rows.emplace_back(r, cells[*state_column]);
            else
                voided.push_back(r);
            last = r;
        }
        bool names_a_country = std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
            const Cell& c = row.second;
            return countries_.resolve(tidy(in_.substr(c.begin, c.end - c.begin))) != nullptr;
        });
        if (!names_a_country) return i;
        // Blank lines and rules after the last row stay out of the table.
        std::erase_if(voided, [&](std::size_t r) { return r > last; });

        const Line& h = lines_[i];
        fill(h.begin, h.end, ' ');
        constexpr std::string_view kHeading = "States:";
        std::size_t at = h.begin + header_row.find_first_not_of(" \t");
        if (h.end - at >= kHeading.size())
            std::copy(kHeading.begin(), kHeading.end(), out_.begin() + static_cast<std::ptrdiff_t>(at));
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
