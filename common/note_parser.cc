#include "note_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "text_normalizer.h"

namespace infonote {

namespace {

enum class Label { Title, Organizers, DateVenue, VenueDate, Date, Venue, Participants };

struct LabelSpelling {
    std::string_view text;
    Label label;
};

// Longer spellings first, so that "Date and Venue" wins over "Date".
constexpr std::array kLabels{
    LabelSpelling{"dates and venue", Label::DateVenue},
    LabelSpelling{"date and venue", Label::DateVenue},
    LabelSpelling{"date and place", Label::DateVenue},
    LabelSpelling{"venue and date", Label::VenueDate},
    LabelSpelling{"venue and dates", Label::VenueDate},
    LabelSpelling{"organizer(s)", Label::Organizers},
    LabelSpelling{"organiser(s)", Label::Organizers},
    LabelSpelling{"organized by", Label::Organizers},
    LabelSpelling{"organised by", Label::Organizers},
    LabelSpelling{"participants", Label::Participants},
    LabelSpelling{"organizers", Label::Organizers},
    LabelSpelling{"organisers", Label::Organizers},
    LabelSpelling{"organizer", Label::Organizers},
    LabelSpelling{"organiser", Label::Organizers},
    LabelSpelling{"location", Label::Venue},
    LabelSpelling{"event", Label::Title},
    LabelSpelling{"title", Label::Title},
    LabelSpelling{"dates", Label::Date},
    LabelSpelling{"venue", Label::Venue},
    LabelSpelling{"date", Label::Date},
};

// Headings that open the prose part of a note even when unnumbered.
constexpr std::array<std::string_view, 14> kSectionNames{
    "background", "introduction",    "overview",    "highlights",  "highlights of the discussions",
    "summary",    "chair's summary", "conclusions", "conclusion",  "additional comments",
    "outcome",    "outcomes",        "objectives",  "key messages"};

struct FoundLabel {
    Label label;
    std::string_view name;        // as written
    std::size_t begin = 0;        // where the label starts
    std::size_t value_begin = 0;  // just after its colon
};

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word)
{
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower_ascii(text[at + i]) != word[i]) return false;
    return true;
}

std::string_view trim_view(std::string_view s, std::string_view chars = " \t\r\n")
{
    auto b = s.find_first_not_of(chars);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(chars);
    return s.substr(b, e - b + 1);
}

std::string tidy(std::string_view s)
{
    return collapse_spaces(trim_view(s, " \t\r\n,;:.-"));
}

bool is_upper_word(std::string_view s)
{
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
        if (is_space(c)) return false;
    }
    return letter;
}

std::size_t count_words(std::string_view s)
{
    std::size_t words = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = is_space(c);
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// Splits at `separators` outside parentheses.
std::vector<std::string_view> split_top_level(std::string_view text, std::string_view separators)
{
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0 && separators.find(c) != std::string_view::npos) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

// "Commonwealth of Independent States (CIS)", "UNODA (United Nations Office
// for Disarmament Affairs)", "OSCE". A country in parentheses, as in
// "University of Georgia (USA)", is part of the name, not an acronym.
Organization parse_organization(std::string_view written, const CountryGazetteer& countries)
{
    Organization org;
    std::string item = tidy(written);
    if (item.size() > 4 && (item.compare(0, 4, "the ") == 0 || item.compare(0, 4, "The ") == 0))
        item.erase(0, 4);
    auto open = item.rfind('(');
    if (!item.empty() && item.back() == ')' && open != std::string::npos && open > 0) {
        std::string inner = item.substr(open + 1, item.size() - open - 2);
        std::string outer = collapse_spaces(item.substr(0, open));
        if (is_upper_word(inner) && inner.size() <= 16 && !countries.resolve(inner)) {
            org.acronym = inner;
            org.name = outer;
            return org;
        }
        if (is_upper_word(outer) && count_words(inner) > 1) {
            org.acronym = outer;
            org.name = collapse_spaces(inner);
            return org;
        }
    }
    if (is_upper_word(item) && item.size() <= 16) org.acronym = item;
    org.name = item;
    return org;
}

enum class GroupKind { States, International, National, Industry, Civil, Committee };

GroupKind classify_group(std::string_view heading)
{
    std::string h = fold(heading);
    auto has = [&h](std::string_view word) { return h.find(word) != std::string::npos; };
    if (has("1540") || has("committee")) return GroupKind::Committee;
    if (has("industr") || has("private sector") || has("compan") || has("business"))
        return GroupKind::Industry;
    if (has("academ") || has("ngo") || has("non-governmental") || has("nongovernmental") ||
        has("civil society") || has("research") || has("think tank") || has("universit"))
        return GroupKind::Civil;
    // "National agencies", but not "International organizations".
    bool national =
        h.rfind("national", 0) == 0 || has(" national") || has("government") || has("ministr");
    if (national) return GroupKind::National;
    if (has("organi") || has("agenc") || has("bodies") || has("institution") || has("entities"))
        return GroupKind::International;
    return GroupKind::States;
}

OrgKind org_kind_of(GroupKind kind)
{
    switch (kind) {
        case GroupKind::Industry: return OrgKind::Industry;
        case GroupKind::Civil: return OrgKind::Civil;
        case GroupKind::International: return OrgKind::International;
        case GroupKind::National: return OrgKind::National;
        default: return OrgKind::Other;
    }
}

class Parser {
  public:
    Parser(std::string_view text, std::string_view source, const CountryGazetteer& countries)
        : countries_(countries)
    {
        result_.note.source = std::string(source);
        std::string& t = result_.note.text;
        t.reserve(text.size());
        std::size_t from = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        for (std::size_t i = from; i < text.size(); ++i)
            if (text[i] != '\r' || (i + 1 < text.size() && text[i + 1] != '\n'))
                t += text[i] == '\r' ? '\n' : text[i];
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < t.size(); ++i)
            if (t[i] == '\n') line_starts_.push_back(i + 1);
    }

    ParseResult run()
    {
        const std::string& text = result_.note.text;
        std::size_t header_end = find_header_end();
        header_ = strip_markup(std::string_view(text).substr(0, header_end));
        find_labels();
        read_header();
        read_sections(header_end);
        return std::move(result_);
    }

  private:
    int line_of(std::size_t offset) const
    {
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        return static_cast<int>(it - line_starts_.begin());
    }

    void warn(std::size_t offset, std::string message)
    {
        result_.diagnostics.push_back({Severity::Warning, line_of(offset), std::move(message)});
    }

    /// A warning about the note as a whole, with no line to point at.
    void warn_note(std::string message)
    {
        result_.diagnostics.push_back({Severity::Warning, 0, std::move(message)});
    }

    std::string_view line(std::size_t index) const
    {
        const std::string& t = result_.note.text;
        std::size_t b = line_starts_[index];
        std::size_t e = index + 1 < line_starts_.size() ? line_starts_[index + 1] - 1 : t.size();
        return std::string_view(t).substr(b, e - b);
    }

    // A line that opens a prose section: "1. Background", "**2. Highlights**",
    // "BACKGROUND", "Chair's summary".
    static std::optional<std::string> section_heading(std::string_view raw)
    {
        std::string s;
        for (char c : raw)
            if (c != '*' && c != '#' && c != '_') s += c;
        std::string_view v = trim_view(s);
        if (v.empty() || v.size() > 100) return std::nullopt;
        std::size_t digits = 0;
        while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
        if (digits >= 1 && digits <= 2 && digits < v.size() &&
            (v[digits] == '.' || v[digits] == ')')) {
            std::string_view rest = trim_view(v.substr(digits + 1));
            if (!rest.empty() && std::isupper(static_cast<unsigned char>(rest[0])) &&
                rest.back() != '.' && count_words(rest) <= 12)
                return collapse_spaces(trim_view(rest, " :"));
            return std::nullopt;
        }
        std::string folded = fold(trim_view(v, " :"));
        for (std::string_view name : kSectionNames)
            if (folded == name) return collapse_spaces(trim_view(v, " :"));
        return std::nullopt;
    }

    std::size_t find_header_end() const
    {
        for (std::size_t i = 0; i < line_starts_.size(); ++i)
            if (section_heading(line(i))) return line_starts_[i];
        return result_.note.text.size();
    }

    // Markdown residue and footnote marks become spaces, so that offsets in
    // the cleaned header are offsets in the text.
    static std::string strip_markup(std::string_view header)
    {
        std::string out(header);
        bool line_start = true;
        for (std::size_t i = 0; i < out.size(); ++i) {
            char c = out[i];
            if (c == '\n') {
                line_start = true;
                continue;
            }
            if (c == '*' || c == '#' || c == '_' || c == '|')
                out[i] = ' ';
            else if (line_start && (c == '-' || c == '+') && i + 1 < out.size() &&
                     out[i + 1] == ' ')
                out[i] = ' ';
            // Superscript one, two, three (U+00B9, U+00B2, U+00B3).
            else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < out.size() &&
                     (static_cast<unsigned char>(out[i + 1]) == 0xB9 ||
                      static_cast<unsigned char>(out[i + 1]) == 0xB2 ||
                      static_cast<unsigned char>(out[i + 1]) == 0xB3)) {
                out[i] = ' ';
                out[i + 1] = ' ';
            }
            if (!is_space(out[i])) line_start = false;
        }
        return out;
    }

    void find_labels()
    {
        const std::string& h = header_;
        for (std::size_t p = 0; p < h.size(); ++p) {
            if (!std::isupper(static_cast<unsigned char>(h[p]))) continue;
            if (p > 0 && !is_space(h[p - 1]) && h[p - 1] != '(' && h[p - 1] != '-') continue;
            for (const LabelSpelling& spelling : kLabels) {
                if (!starts_with_ci(h, p, spelling.text)) continue;
                std::size_t q = p + spelling.text.size();
                while (q < h.size() && (h[q] == ' ' || h[q] == '\t')) ++q;
                if (q >= h.size() || h[q] != ':') continue;
                bool seen = std::any_of(labels_.begin(), labels_.end(), [&](const FoundLabel& f) {
                    return f.label == spelling.label;
                });
                if (!seen)
                    labels_.push_back({spelling.label,
                                       std::string_view(h).substr(p, spelling.text.size()), p,
                                       q + 1});
                p = q;
                break;
            }
        }
    }

    // The value of label i: up to the next label, and never past a blank line
    // unless the label is Participants, whose groups may stand apart.
    std::pair<std::size_t, std::size_t> value_span(std::size_t i) const
    {
        std::size_t begin = labels_[i].value_begin;
        std::size_t end = i + 1 < labels_.size() ? labels_[i + 1].begin : header_.size();
        std::string_view v = std::string_view(header_).substr(begin, end - begin);
        if (labels_[i].label == Label::Participants) {
            end = begin + participants_length(v);
        } else if (auto blank = find_blank_line(v, 1); blank != std::string_view::npos) {
            end = begin + blank;
        }
        return {begin, end};
    }

    // Offset of the first blank line after `from` non-space characters, or npos.
    static std::size_t find_blank_line(std::string_view v, std::size_t from)
    {
        std::size_t seen = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!is_space(v[i])) ++seen;
            if (v[i] != '\n' || seen < from) continue;
            std::size_t j = i + 1;
            while (j < v.size() && (v[j] == ' ' || v[j] == '\t')) ++j;
            if (j < v.size() && v[j] == '\n') return i;
        }
        return std::string_view::npos;
    }

    // The participant groups run until a paragraph that does not open with a
    // "Heading:".
    static std::size_t participants_length(std::string_view v)
    {
        std::size_t at = 0;
        while (true) {
            std::size_t blank = find_blank_line(v.substr(at), 1);
            if (blank == std::string_view::npos) return v.size();
            std::size_t next = v.find_first_not_of(" \t\n", at + blank);
            if (next == std::string_view::npos) return at + blank;
            std::size_t eol = v.find('\n', next);
            std::string_view next_line =
                v.substr(next, eol == std::string_view::npos ? eol : eol - next);
            std::size_t colon = next_line.find(':');
            if (colon == std::string_view::npos || count_words(next_line.substr(0, colon)) > 8)
                return at + blank;
            at = next;
        }
    }

    void read_header()
    {
        Note& note = result_.note;
        if (labels_.empty())
            warn_note(
                "no note header found (no 'Event', 'Date and Venue' or 'Participants' label); "
                "indexing the text only");

        bool have_title = false, have_date = false, have_participants = false;
        std::optional<std::pair<std::size_t, std::string>> date_text, venue_text;
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            auto [begin, end] = value_span(i);
            std::string_view value = std::string_view(header_).substr(begin, end - begin);
            switch (labels_[i].label) {
                case Label::Title:
                    note.title = tidy(value);
                    have_title = !note.title.empty();
                    break;
                case Label::Organizers: read_organizers(value); break;
                case Label::DateVenue:
                case Label::VenueDate:
                    have_date = true;
                    read_date_and_venue(begin, value, labels_[i].name);
                    break;
                case Label::Date:
                    have_date = true;
                    date_text.emplace(begin, std::string(value));
                    break;
                case Label::Venue: venue_text.emplace(begin, std::string(value)); break;
                case Label::Participants:
                    have_participants = true;
                    read_participants(begin, value);
                    break;
            }
        }
        if (date_text) read_date(date_text->first, date_text->second, "Date");
        if (venue_text) read_venue(venue_text->first, venue_text->second);

        if (!have_title) take_title_from_first_line();
        if (!labels_.empty() && !have_date) warn_note("no 'Date and Venue' or 'Date' label");
        if (!labels_.empty() && !have_participants) warn_note("no 'Participants' list");
    }

    void take_title_from_first_line()
    {
        for (std::size_t i = 0; i < line_starts_.size(); ++i) {
            std::string candidate = tidy(strip_markup(line(i)));
            if (candidate.empty()) continue;
            if (fold(candidate).rfind("information note", 0) == 0) continue;
            result_.note.title = candidate;
            if (!labels_.empty())
                warn(line_starts_[i], "no 'Event' or 'Title' label; title taken from this line");
            return;
        }
    }

    void read_organizers(std::string_view value)
    {
        std::string text = collapse_spaces(value);
        // Joining phrases become separators.
        for (std::string_view phrase :
             {" in cooperation with ", " in collaboration with ", " in partnership with ",
              " jointly with ", " together with ", " with the support of ", " with support from ",
              " supported by ", " in association with "}) {
            for (std::size_t at = text.find(phrase); at != std::string::npos;
                 at = text.find(phrase))
                text.replace(at, phrase.size(), ";");
        }
        for (std::string_view part : split_top_level(text, ",;")) {
            for (std::string_view piece : split_list_and(part)) {
                std::string name = tidy(piece);
                if (name.size() > 4 &&
                    (name.compare(0, 4, "the ") == 0 || name.compare(0, 4, "The ") == 0))
                    name.erase(0, 4);
                if (name.empty()) continue;
                Organization org = parse_organization(name, countries_);
                org.group = "Organizers";
                if (classify_group(name) == GroupKind::National) org.kind = OrgKind::National;
                org.organizer = true;
                result_.note.organizers.push_back(name);
                result_.note.organizations.push_back(std::move(org));
            }
        }
    }

    // "UNODA and OSCE" or "the Government of X (GOX) and UNODA" is a list;
    // "United Nations Office on Drugs and Crime" is one name. A list "and"
    // follows an acronym or a closing parenthesis.
    static std::vector<std::string_view> split_list_and(std::string_view item)
    {
        std::vector<std::string_view> parts;
        std::size_t start = 0;
        for (std::size_t at = item.find(" and "); at != std::string_view::npos;
             at = item.find(" and ", at + 1)) {
            std::string_view left = trim_view(item.substr(start, at - start));
            auto space = left.find_last_of(' ');
            std::string_view last = space == std::string_view::npos ? left : left.substr(space + 1);
            if (left.empty() || !(left.back() == ')' || is_upper_word(last))) continue;
            parts.push_back(left);
            start = at + 5;
        }
        parts.push_back(item.substr(start));
        return parts;
    }

    void read_date_and_venue(std::size_t begin, std::string_view value, std::string_view label)
    {
        DateSearch found = find_date_range(value);
        if (!found.range) {
            report_missing_date(begin, value, label, found.problem);
            read_venue(begin, value);
            return;
        }
        set_dates(*found.range);
        std::string_view before = value.substr(0, found.range->text_begin);
        std::string_view after = value.substr(found.range->text_end);
        std::string_view venue = trim_view(after, " \t\r\n,;:.-");
        std::size_t venue_begin = begin + found.range->text_end;
        if (venue.empty()) {
            venue = before;
            venue_begin = begin;
        }
        read_venue(venue_begin, venue);
    }

    void read_date(std::size_t begin, std::string_view value, std::string_view label)
    {
        DateSearch found = find_date_range(value);
        if (found.range)
            set_dates(*found.range);
        else
            report_missing_date(begin, value, label, found.problem);
    }

    void report_missing_date(std::size_t begin, std::string_view value, std::string_view label,
                             const std::string& problem)
    {
        std::string where = "'" + collapse_spaces(label) + "'";
        if (!problem.empty())
            warn(begin, problem + " in " + where);
        else if (!trim_view(value).empty())
            warn(begin, "no date found in " + where);
        else
            warn(begin, where + " is empty");
    }

    void set_dates(const DateRange& range)
    {
        result_.note.start_date = range.start;
        result_.note.end_date = range.end;
    }

    void read_venue(std::size_t begin, std::string_view value)
    {
        Venue& venue = result_.note.venue;
        std::string text = tidy(value);
        if (text.size() > 3 && text.compare(0, 3, "in ") == 0) text.erase(0, 3);
        if (text.empty()) return;
        std::string folded = fold(text);
        for (std::string_view word : {"virtual", "online", "videoconference", "video conference",
                                      "video-conference", "webinar", "remote"}) {
            if (folded.find(word) != std::string::npos) {
                venue.online = true;
                return;
            }
        }
        std::vector<std::string_view> parts = split_top_level(text, ",");
        const Country* country = countries_.resolve(trim_view(parts.back()));
        if (country) {
            venue.country = country->alpha2;
            parts.pop_back();
        } else {
            warn(begin, "venue country not recognized in '" + text + "'");
        }
        if (!parts.empty()) {
            // The city is the part just before the country: "Palais des
            // Nations, Geneva, Switzerland" was in Geneva.
            std::string city = tidy(parts.back());
            if (!city.empty()) venue.city = city;
        }
    }

    struct Group {
        std::string heading;
        std::size_t begin = 0;  // content, as offsets into the header
        std::size_t end = 0;
    };

    // Splits the participants value into "Heading: items" groups. A heading
    // runs back from its colon to the previous line break or list separator;
    // in a header flattened by PDF conversion, country names that end the
    // previous list are given back to it ("..., United States Other: ...").
    std::vector<Group> find_groups(std::size_t base, std::string_view value) const
    {
        std::vector<Group> groups;
        std::size_t content_begin = 0;
        std::string heading = "Participants";
        for (std::size_t colon = value.find(':'); colon != std::string_view::npos;
             colon = value.find(':', colon + 1)) {
            std::size_t start = colon;
            while (start > content_begin && value[start - 1] != '\n' &&
                   std::string_view(",;.").find(value[start - 1]) == std::string_view::npos)
                --start;
            std::string_view candidate = trim_view(value.substr(start, colon - start));
            if (candidate.empty() || count_words(candidate) > 8 || candidate.size() > 80 ||
                !(std::isupper(static_cast<unsigned char>(candidate[0])) ||
                  std::isdigit(static_cast<unsigned char>(candidate[0]))))
                continue;
            std::string_view own = heading_after_countries(candidate);
            if (own.empty()) continue;
            std::size_t heading_begin = static_cast<std::size_t>(own.data() - value.data());
            groups.push_back({heading, base + content_begin, base + heading_begin});
            heading = collapse_spaces(own);
            content_begin = colon + 1;
        }
        groups.push_back({heading, base + content_begin, base + value.size()});
        // The text before the first heading is a group only when it has words.
        if (trim_view(std::string_view(header_).substr(groups.front().begin,
                                                       groups.front().end - groups.front().begin))
                .empty())
            groups.erase(groups.begin());
        return groups;
    }

    // "United States Other" -> "Other": the country names that open a
    // candidate heading belong to the list before it. Empty when the
    // candidate is nothing but country names.
    std::string_view heading_after_countries(std::string_view candidate) const
    {
        ListScan scan = countries_.scan_list(candidate);
        std::size_t keep = 0;
        for (const CountryMatch& m : scan.matches) {
            std::string_view gap = trim_view(candidate.substr(keep, m.begin - keep), " ,;");
            if (!gap.empty() && fold(gap) != "and") break;
            keep = m.end;
        }
        return trim_view(candidate.substr(keep), " ,;");
    }

    void read_participants(std::size_t base, std::string_view value)
    {
        for (const Group& g : find_groups(base, value)) {
            std::string_view content = std::string_view(header_).substr(g.begin, g.end - g.begin);
            GroupKind kind = classify_group(g.heading);
            switch (kind) {
                case GroupKind::Committee: result_.note.committee = tidy(content); break;
                case GroupKind::States: read_states(g, content); break;
                default: read_organizations(g, content, org_kind_of(kind)); break;
            }
        }
    }

    void read_states(const Group& g, std::string_view content)
    {
        Note& note = result_.note;
        ListScan scan = countries_.scan_list(content);
        for (const CountryMatch& m : scan.matches) {
            bool listed =
                std::any_of(note.states.begin(), note.states.end(),
                            [&](const ParticipantState& s) { return s.code == m.country->alpha2; });
            if (listed) continue;
            note.states.push_back({m.country->alpha2,
                                   collapse_spaces(content.substr(m.begin, m.end - m.begin)),
                                   g.heading});
        }
        for (const UnmatchedItem& u : scan.unmatched) {
            std::string item = tidy(content.substr(u.begin, u.end - u.begin));
            if (item.empty()) continue;
            warn(g.begin + u.begin,
                 "'" + item + "' under '" + g.heading + "' is not a known country");
        }
    }

    void read_organizations(const Group& g, std::string_view content, OrgKind kind)
    {
        for (std::string_view part : split_top_level(content, ",;")) {
            for (std::string_view piece : split_list_and(part)) {
                if (tidy(piece).empty()) continue;
                Organization org = parse_organization(piece, countries_);
                org.group = g.heading;
                org.kind = kind;
                result_.note.organizations.push_back(std::move(org));
            }
        }
    }

    void read_sections(std::size_t header_end)
    {
        std::vector<Section>& sections = result_.note.sections;
        std::size_t first = static_cast<std::size_t>(line_of(header_end) - 1);
        if (header_end >= result_.note.text.size()) return;
        std::string body;
        for (std::size_t i = first; i < line_starts_.size(); ++i) {
            std::string_view l = line(i);
            if (auto heading = section_heading(l)) {
                if (!sections.empty()) sections.back().text = std::string(trim_view(body));
                sections.push_back({*heading, {}});
                body.clear();
                continue;
            }
            body += l;
            body += '\n';
        }
        if (!sections.empty()) sections.back().text = std::string(trim_view(body));
    }

    const CountryGazetteer& countries_;
    ParseResult result_;
    std::vector<std::size_t> line_starts_;
    std::string header_;
    std::vector<FoundLabel> labels_;
};

}  // namespace

ParseResult parse_note(std::string_view text, std::string_view source,
                       const CountryGazetteer& countries)
{
    return Parser(text, source, countries).run();
}

}  // namespace infonote
