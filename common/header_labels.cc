#include "header_labels.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "markdown_marks.h"
#include "participant_groups.h"
#include "text_normalizer.h"
#include "text_spans.h"

namespace infonote {

namespace {

struct LabelSpelling {
    std::string_view folded;
    Label label;
};

// Every spelling of every label, folded (see fold()): English, and the
// French and Spanish of notes written in those languages.
constexpr std::array kLabels{
    LabelSpelling{"event", Label::Title},
    LabelSpelling{"title", Label::Title},
    LabelSpelling{"evenement", Label::Title},
    LabelSpelling{"titre", Label::Title},
    LabelSpelling{"evento", Label::Title},
    LabelSpelling{"titulo", Label::Title},
    LabelSpelling{"organizer", Label::Organizers},
    LabelSpelling{"organizers", Label::Organizers},
    LabelSpelling{"organizer(s)", Label::Organizers},
    LabelSpelling{"organiser", Label::Organizers},
    LabelSpelling{"organisers", Label::Organizers},
    LabelSpelling{"organiser(s)", Label::Organizers},
    LabelSpelling{"organized by", Label::Organizers},
    LabelSpelling{"organised by", Label::Organizers},
    LabelSpelling{"organisateur", Label::Organizers},
    LabelSpelling{"organisateurs", Label::Organizers},
    LabelSpelling{"organisateur(s)", Label::Organizers},
    LabelSpelling{"organizador(es)", Label::Organizers},
    LabelSpelling{"organise par", Label::Organizers},
    LabelSpelling{"organisee par", Label::Organizers},
    LabelSpelling{"organizador", Label::Organizers},
    LabelSpelling{"organizadores", Label::Organizers},
    LabelSpelling{"organizado por", Label::Organizers},
    LabelSpelling{"organizada por", Label::Organizers},
    LabelSpelling{"date and venue", Label::DateVenue},
    LabelSpelling{"dates and venue", Label::DateVenue},
    LabelSpelling{"date and place", Label::DateVenue},
    LabelSpelling{"date and location", Label::DateVenue},
    LabelSpelling{"date et lieu", Label::DateVenue},
    LabelSpelling{"dates et lieu", Label::DateVenue},
    LabelSpelling{"fecha y lugar", Label::DateVenue},
    LabelSpelling{"fechas y lugar", Label::DateVenue},
    LabelSpelling{"venue and date", Label::VenueDate},
    LabelSpelling{"venue and dates", Label::VenueDate},
    LabelSpelling{"place and date", Label::VenueDate},
    LabelSpelling{"lieu et date", Label::VenueDate},
    LabelSpelling{"lieu et dates", Label::VenueDate},
    LabelSpelling{"lugar y fecha", Label::VenueDate},
    LabelSpelling{"lugar y fechas", Label::VenueDate},
    LabelSpelling{"date", Label::Date},
    LabelSpelling{"dates", Label::Date},
    LabelSpelling{"fecha", Label::Date},
    LabelSpelling{"fechas", Label::Date},
    LabelSpelling{"venue", Label::Venue},
    LabelSpelling{"location", Label::Venue},
    LabelSpelling{"place", Label::Venue},
    LabelSpelling{"lieu", Label::Venue},
    LabelSpelling{"lugar", Label::Venue},
    LabelSpelling{"sede", Label::Venue},
    LabelSpelling{"participants", Label::Participants},
    LabelSpelling{"participantes", Label::Participants},
    // Other spellings met in notes laid out by other hands.
    LabelSpelling{"name of event", Label::Title},
    LabelSpelling{"name of the event", Label::Title},
    LabelSpelling{"event name", Label::Title},
    LabelSpelling{"event title", Label::Title},
    LabelSpelling{"title of event", Label::Title},
    LabelSpelling{"title of the event", Label::Title},
    LabelSpelling{"titre de l'evenement", Label::Title},
    LabelSpelling{"nombre del evento", Label::Title},
    LabelSpelling{"titulo del evento", Label::Title},
    LabelSpelling{"intitule", Label::Title},
    LabelSpelling{"intitule de l'evenement", Label::Title},
    LabelSpelling{"hosted by", Label::Organizers},
    LabelSpelling{"convened by", Label::Organizers},
    LabelSpelling{"co-organizers", Label::Organizers},
    LabelSpelling{"co-organisers", Label::Organizers},
    LabelSpelling{"organizing entities", Label::Organizers},
    LabelSpelling{"date/venue", Label::DateVenue},
    LabelSpelling{"date / venue", Label::DateVenue},
    LabelSpelling{"dates/venue", Label::DateVenue},
    LabelSpelling{"dates / venue", Label::DateVenue},
    LabelSpelling{"dates / lieu", Label::DateVenue},
    LabelSpelling{"date / lieu", Label::DateVenue},
    LabelSpelling{"fechas / lugar", Label::DateVenue},
    LabelSpelling{"fecha / lugar", Label::DateVenue},
    LabelSpelling{"date & venue", Label::DateVenue},
    LabelSpelling{"dates & venue", Label::DateVenue},
    LabelSpelling{"date(s) and venue", Label::DateVenue},
    LabelSpelling{"date & place", Label::DateVenue},
    LabelSpelling{"dates and place", Label::DateVenue},
    LabelSpelling{"dates and location", Label::DateVenue},
    LabelSpelling{"time and venue", Label::DateVenue},
    LabelSpelling{"time and place", Label::DateVenue},
    LabelSpelling{"date/lieu", Label::DateVenue},
    LabelSpelling{"fecha/lugar", Label::DateVenue},
    LabelSpelling{"venue/date", Label::VenueDate},
    LabelSpelling{"venue & date", Label::VenueDate},
    LabelSpelling{"place and dates", Label::VenueDate},
    LabelSpelling{"location and date", Label::VenueDate},
    LabelSpelling{"location and dates", Label::VenueDate},
    LabelSpelling{"date(s)", Label::Date},
    LabelSpelling{"attendees", Label::Participants},
    LabelSpelling{"attended by", Label::Participants},
    LabelSpelling{"attendance", Label::Participants},
    LabelSpelling{"participation", Label::Participants},
    LabelSpelling{"list of participants", Label::Participants},
    LabelSpelling{"participating states", Label::Participants},
    LabelSpelling{"participating countries", Label::Participants},
    LabelSpelling{"countries represented", Label::Participants},
    LabelSpelling{"states represented", Label::Participants},
    LabelSpelling{"participating delegations", Label::Participants},
    LabelSpelling{"etats participants", Label::Participants},
    LabelSpelling{"pays participants", Label::Participants},
    LabelSpelling{"estados participantes", Label::Participants},
    LabelSpelling{"paises participantes", Label::Participants},
    LabelSpelling{"participacion", Label::Participants},
    LabelSpelling{"asistentes", Label::Participants},
    LabelSpelling{"ont participe", Label::Participants},
    LabelSpelling{"anfitrion", Label::Organizers},
    // Plain questions for labels, in a column beside their values.
    LabelSpelling{"when", Label::Date},
    LabelSpelling{"where", Label::Venue},
    LabelSpelling{"who took part", Label::Participants},
    LabelSpelling{"who attended", Label::Participants},
    LabelSpelling{"who participated", Label::Participants},
};

// A label is a few words; the colon must follow within this many bytes.
constexpr std::size_t kMaxLabelBytes = 32;

// Headings that open the prose part of a note even when unnumbered, in
// English, French and Spanish, folded.
constexpr std::string_view kSectionNames[] = {"background",
                                              "introduction",
                                              "overview",
                                              "highlights",
                                              "highlights of the discussions",
                                              "summary",
                                              "chair's summary",
                                              "conclusions",
                                              "conclusion",
                                              "additional comments",
                                              "outcome",
                                              "outcomes",
                                              "objectives",
                                              "key messages",
                                              "recommendations",
                                              "contexte",
                                              "resume",
                                              "resultats",
                                              "conclusions et recommandations",
                                              "antecedentes",
                                              "introduccion",
                                              "resumen",
                                              "resultados",
                                              "conclusiones"};

// Roman numerals numbering sections ("III. Outcomes"), up to twelve.
constexpr std::array<std::string_view, 12> kRomanNumerals{"I",   "II",   "III", "IV", "V",  "VI",
                                                          "VII", "VIII", "IX",  "X",  "XI", "XII"};

// The UTF-8 footnote marks PDF conversion leaves stuck to words: the
// superscript digits and the dagger.
constexpr std::array<std::string_view, 11> kFootnoteMarks{
    "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",     "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5",
    "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9", "\xE2\x80\xA0"};

// The length of the footnote mark at `at`, or 0.
std::size_t footnote_mark_at(std::string_view text, std::size_t at)
{
    for (std::string_view mark : kFootnoteMarks)
        if (text.substr(at, mark.size()) == mark) return mark.size();
    return 0;
}

// The length of a run of dot leaders at `at` ("Event ....... Workshop"):
// four dots or more, after a label of a few words at the start of its line;
// 0 for anything else (an ellipsis, a sentence's full stop).
std::size_t leader_at(std::string_view text, std::size_t at, std::size_t line_begin)
{
    constexpr std::size_t kMaxLeaderLabelBytes = 48;
    if (text[at] != '.' || at == line_begin || at - line_begin > kMaxLeaderLabelBytes) return 0;
    if (text.substr(line_begin, at - line_begin).find_first_of(":.") != std::string_view::npos)
        return 0;
    std::size_t end = at;
    while (end < text.size() && text[end] == '.') ++end;
    return end - at >= 4 ? end - at : 0;
}

bool is_upper(char c)
{
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}

// "2. Highlights", "2) Highlights", "III. Outcomes": the text after the
// number, or nullopt when the line is not numbered that way.
std::optional<std::string_view> after_section_number(std::string_view v)
{
    std::size_t digits = 0;
    while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
    std::size_t number_end = digits;
    if (digits == 0) {
        std::size_t letters = 0;
        while (letters < v.size() &&
               std::string_view("IVX").find(v[letters]) != std::string_view::npos)
            ++letters;
        std::string_view roman = v.substr(0, letters);
        if (std::find(kRomanNumerals.begin(), kRomanNumerals.end(), roman) == kRomanNumerals.end())
            return std::nullopt;
        number_end = letters;
    } else if (digits > 2) {
        return std::nullopt;
    }
    if (number_end >= v.size() || (v[number_end] != '.' && v[number_end] != ')'))
        return std::nullopt;
    return trim_view(v.substr(number_end + 1));
}


// The length of the number that opens a numbered label at `at` ("1. ",
// "2) ", "IV. ", "a) "), up to its label's first letter; 0 when there is
// none. Only the number of a known label counts ("3. Date and Venue",
// "4. Participants:"), never that of a section ("5. Background").
std::size_t label_number_at(std::string_view text, std::size_t at)
{
    std::size_t eol = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, eol - at);
    std::size_t mark = 0;
    while (mark < line.size() && std::isdigit(static_cast<unsigned char>(line[mark]))) ++mark;
    if (mark == 0)
        while (mark < line.size() && std::string_view("IVX").find(line[mark]) != std::string_view::npos)
            ++mark;
    if (mark == 0 && !line.empty() && std::islower(static_cast<unsigned char>(line[0]))) mark = 1;
    if (mark == 0 || mark > 4 || mark >= line.size() || (line[mark] != '.' && line[mark] != ')'))
        return 0;
    std::size_t label = line.find_first_not_of(" \t", mark + 1);
    if (label == std::string_view::npos || label == mark + 1) return 0;
    std::string_view rest = line.substr(label);
    std::size_t end = rest.find_first_of(":\xE2");
    // "Participants -- States", "Event ..... Workshop": the label ends at
    // its separator.
    for (std::string_view stop : {" -", " .."})
        end = std::min(end, rest.find(stop));
    if (!label_spelled(rest.substr(0, end))) return 0;
    return label;
}

// The length of a dash that stands for a label's colon after `label_end`
// ("Participants -- States:", "Event — Workshop"): a run of hyphens, an en
// dash or an em dash between spaces; 0 for anything else.
std::size_t label_dash_at(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && text[end] == '-') ++end;
    if (end == at)
        for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"})
            if (text.substr(at, dash.size()) == dash) end = at + dash.size();
    if (end == at || (end < text.size() && !is_space(text[end]))) return 0;
    return end - at;
}

// The length of an enumerator that opens a list item at `at`, up to the
// item: "1. ", "12) ", "(a) ", "b) ", "(iv) ", when a capital letter (or
// a non-ASCII letter, "É") follows; 0 for anything else.
std::size_t enumerator_at(std::string_view text, std::size_t at)
{
    std::size_t i = at;
    bool open = i < text.size() && text[i] == '(';
    if (open) ++i;
    std::size_t mark = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - mark < 3) ++i;
    if (i == mark)
        while (i < text.size() && std::string_view("ivx").find(text[i]) != std::string_view::npos &&
               i - mark < 4)
            ++i;
    if (i == mark && i < text.size() && std::islower(static_cast<unsigned char>(text[i]))) ++i;
    if (i == mark || i >= text.size()) return 0;
    if (open ? text[i] != ')' : (text[i] != '.' && text[i] != ')')) return 0;
    ++i;
    if (i >= text.size() || (text[i] != ' ' && text[i] != '\t')) return 0;
    std::size_t item = text.find_first_not_of(" \t", i);
    if (item == std::string_view::npos) return 0;
    auto first = static_cast<unsigned char>(text[item]);
    if (!std::isupper(first) && first < 0x80) return 0;
    return item - at;
}

// When a line opens with a label followed, instead of its colon, by a tab,
// two spaces or more, or a table's column bar ("Event<TAB>Workshop",
// "| Event | Workshop |", as tables come out of conversion), and then by
// its value on the same line: where that gap starts; else npos.
std::size_t label_gap(std::string_view text, std::size_t line_begin)
{
    std::size_t eol = std::min(text.find('\n', line_begin), text.size());
    for (std::size_t at = line_begin; at < eol && at - line_begin <= kMaxLabelBytes; ++at) {
        char c = text[at];
        bool gap = c == '\t' || c == '|' || (c == ' ' && at + 1 < eol && (text[at + 1] == ' ' ||
                                                                          text[at + 1] == '\t' ||
                                                                          text[at + 1] == '|'));
        if (!gap) continue;
        std::size_t value = text.find_first_not_of(" \t|", at);
        if (value == std::string_view::npos || value >= eol) return std::string_view::npos;
        if (label_spelled(text.substr(line_begin, at - line_begin))) return at;
        return std::string_view::npos;
    }
    return std::string_view::npos;
}

// A table's "Date and Venue" cell wrapped over two lines, each beside its
// value: "Date and<GAP>14-16 May 2019" then "Venue<GAP>Accra, Ghana" (also
// "Fecha y" / "lugar", "Date et" / "lieu"). When the line at `line_begin`
// opens so: the offset and length of its conjunction (with the space
// before it), which the caller blanks so that the line reads as a Date
// label, and the offset of the next line's label, which it capitalizes.
struct WrappedLabel {
    std::size_t conjunction = 0;
    std::size_t conjunction_size = 0;
    std::size_t second_label = 0;
};

std::optional<WrappedLabel> wrapped_date_label(std::string_view text, std::size_t line_begin)
{
    std::size_t eol = std::min(text.find('\n', line_begin), text.size());
    std::string_view line = text.substr(line_begin, eol - line_begin);
    std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    std::string first = fold(line.substr(0, space));
    if (!(first == "date" || first == "dates" || first == "fecha" || first == "fechas"))
        return std::nullopt;
    std::size_t word = space + 1;
    std::size_t word_end = line.find_first_of(" \t", word);
    if (word_end == std::string_view::npos) return std::nullopt;
    std::string conjunction = fold(line.substr(word, word_end - word));
    if (!(conjunction == "and" || conjunction == "et" || conjunction == "y" || conjunction == "&"))
        return std::nullopt;
    // The value beside it, after a column's gap.
    if (label_gap(text, line_begin) != std::string_view::npos) return std::nullopt;
    std::size_t value = line.find_first_not_of(" \t|", word_end);
    bool gap = line[word_end] == '\t' || line.substr(word_end, 2) == "  " || line[word_end] == '|';
    if (!gap || value == std::string_view::npos) return std::nullopt;
    // The next line opens with the label's second half and its value.
    if (eol >= text.size()) return std::nullopt;
    std::size_t next = text.find_first_not_of(" \t", eol + 1);
    if (next == std::string_view::npos || text[next] == '\n') return std::nullopt;
    std::size_t next_end = text.find_first_of(" \t\n:", next);
    if (next_end == std::string_view::npos) return std::nullopt;
    std::string second = fold(text.substr(next, next_end - next));
    if (!(second == "venue" || second == "place" || second == "location" || second == "lieu" ||
          second == "lugar"))
        return std::nullopt;
    return WrappedLabel{line_begin + space, word_end - space, next};
}

// When the words that open a line at `line_begin` (at most `max_bytes`
// of them) are followed by a dash standing for their colon, and `accept`
// takes those words: the dash's offset and length; else {0, 0}.
template <typename Accept>
std::pair<std::size_t, std::size_t> dash_after_words(std::string_view text, std::size_t line_begin,
                                                     std::size_t max_bytes, Accept accept)
{
    std::size_t eol = std::min(text.find('\n', line_begin), text.size());
    for (std::size_t at = line_begin; at < eol && at - line_begin <= max_bytes; ++at) {
        if (text[at] != ' ' && text[at] != '\t') continue;
        std::size_t dash = text.find_first_not_of(" \t", at);
        if (dash == std::string_view::npos || dash >= eol) break;
        std::size_t length = label_dash_at(text, dash);
        if (length == 0) continue;
        if (accept(text.substr(line_begin, at - line_begin))) return {dash, length};
        break;
    }
    return {0, 0};
}

// A label followed by a dash for its colon: "Participants -- States:",
// "Event — Workshop".
std::pair<std::size_t, std::size_t> label_dash(std::string_view text, std::size_t line_begin)
{
    return dash_after_words(text, line_begin, kMaxLabelBytes,
                            [](std::string_view words) { return label_spelled(words).has_value(); });
}

// A participant group heading followed by a dash for its colon ("States –
// Benin, Ghana", "Organisations internationales — AIEA"): a few words with
// no colon of their own that name a known group.
std::pair<std::size_t, std::size_t> group_dash(std::string_view text, std::size_t line_begin)
{
    constexpr std::size_t kMaxHeadingBytes = 48;
    return dash_after_words(text, line_begin, kMaxHeadingBytes, [](std::string_view words) {
        std::string_view heading = trim_view(words, " \t*_");
        return !heading.empty() && heading.find(':') == std::string_view::npos &&
               count_words(heading) <= 5 && classify_group(heading) != GroupKind::Unknown;
    });
}

// Writes a colon over the first byte of the dash at `dash`, spaces over
// the rest.
void colon_for_dash(std::string& text, std::pair<std::size_t, std::size_t> dash)
{
    auto [at, length] = dash;
    text[at] = ':';
    std::fill_n(text.begin() + static_cast<std::ptrdiff_t>(at) + 1, length - 1, ' ');
}

// When the line at `p` is a Participants label written alone, without its
// colon, and the next line with text opens a group ("States: ..."): the
// offset of that line's end, where the groups start; else 0.
std::size_t participants_heading_line(std::string_view h, std::size_t p)
{
    std::size_t eol = h.find('\n', p);
    if (eol == std::string_view::npos || eol - p > kMaxLabelBytes) return 0;
    std::string folded = collapse_spaces(fold(trim_view(h.substr(p, eol - p), " \t")));
    if (std::none_of(kLabels.begin(), kLabels.end(), [&](const LabelSpelling& l) {
            return l.label == Label::Participants && l.folded == folded;
        }))
        return 0;
    std::size_t next = h.find_first_not_of(" \t\r\n", eol);
    if (next == std::string_view::npos) return 0;
    std::size_t next_eol = std::min(h.find('\n', next), h.size());
    std::size_t colon = h.find(':', next);
    // A group heading may be longer than a label ("African Union Member
    // States:"), but it is a few words, not a sentence.
    constexpr std::size_t kMaxGroupHeadingBytes = 64;
    if (colon == std::string_view::npos || colon > next_eol ||
        colon - next > kMaxGroupHeadingBytes || count_words(h.substr(next, colon - next)) > 8)
        return 0;
    return eol;
}

// A label written alone on its line, with no colon, at `p` ("Event",
// "Date and Venue", after a number strip_markup() blanked): its value
// starts on the next line with text, which must not be a label itself.
std::optional<FoundLabel> bare_label(std::string_view h, std::size_t p)
{
    std::size_t line = h.rfind('\n', p);
    line = line == std::string_view::npos ? 0 : line + 1;
    if (!trim_view(h.substr(line, p - line), " \t").empty()) return std::nullopt;
    std::size_t eol = h.find('\n', p);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view written = trim_view(h.substr(p, eol - p), " \t");
    // "Participants (voir le tableau ci-dessous)": a remark lengthens it.
    std::size_t longest = written.ends_with(')') ? 2 * kMaxLabelBytes : kMaxLabelBytes;
    if (written.size() > longest) return std::nullopt;
    std::optional<Label> label = label_spelled(written);
    if (!label) return std::nullopt;
    std::size_t next = h.find_first_not_of(" \t\n", eol);
    if (next == std::string_view::npos) return std::nullopt;
    std::size_t next_eol = std::min(h.find('\n', next), h.size());
    if (label_spelled(h.substr(next, next_eol - next))) return std::nullopt;
    return FoundLabel{*label, written, p, eol};
}

// A table's header row flattened onto one line, "Location Participants"
// ("Lieu Participants", "Lugar Asistentes"), its cells' values on the next
// line with text: the two labels, each with its value starting there (the
// caller splits that line between them).
std::optional<std::pair<FoundLabel, FoundLabel>> venue_participants_row(std::string_view h,
                                                                        std::size_t p)
{
    std::size_t eol = h.find('\n', p);
    if (eol == std::string_view::npos || eol - p > 2 * kMaxLabelBytes) return std::nullopt;
    std::string_view line = trim_view(h.substr(p, eol - p), " \t");
    std::size_t next = h.find_first_not_of(" \t\n", eol);
    if (next == std::string_view::npos) return std::nullopt;
    for (std::size_t space = line.find(' '); space != std::string_view::npos;
         space = line.find(' ', space + 1)) {
        std::string_view first = trim_view(line.substr(0, space), " \t");
        std::string_view second = trim_view(line.substr(space), " \t");
        if (label_spelled(first) != Label::Venue || label_spelled(second) != Label::Participants)
            continue;
        std::size_t second_at = offset_in(h, second);
        return std::pair{FoundLabel{Label::Venue, first, p, next},
                         FoundLabel{Label::Participants, second, second_at, next}};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Label> label_spelled(std::string_view written)
{
    // "**Event** | ...": bold marks not yet blanked stay off the label.
    std::string_view bare = trim_view(written, " \t*_");
    std::string folded = collapse_spaces(fold(bare));
    auto spelling = std::find_if(kLabels.begin(), kLabels.end(),
                                 [&](const LabelSpelling& l) { return l.folded == folded; });
    if (spelling != kLabels.end()) return spelling->label;
    // "Who took part (see table)", "Participants (list attached)": a
    // remark in parentheses after the label.
    std::size_t open = bare.rfind('(');
    if (bare.empty() || bare.back() != ')' || open == std::string_view::npos || open == 0 ||
        !is_space(bare[open - 1]))
        return std::nullopt;
    return label_spelled(bare.substr(0, open));
}

std::vector<FoundLabel> find_labels(std::string_view h)
{
    std::vector<FoundLabel> labels;
    std::size_t bare_labels = 0;
    for (std::size_t p = 0; p < h.size(); ++p) {
        // A label starts a word with a capital (or a letter such as "É").
        if (!is_upper(h[p]) && static_cast<unsigned char>(h[p]) < 0x80) continue;
        if (p > 0 && !is_space(h[p - 1]) && h[p - 1] != '(' && h[p - 1] != '-') continue;
        std::size_t colon = h.find_first_of(":\n", p);
        if (colon == std::string_view::npos || h[colon] != ':' || colon - p > kMaxLabelBytes) {
            // "Participants" alone on its line, its groups on the lines below.
            std::size_t heading = participants_heading_line(h, p);
            if (heading != 0 && !labels.empty() &&
                std::none_of(labels.begin(), labels.end(), [](const FoundLabel& f) {
                    return f.label == Label::Participants;
                })) {
                labels.push_back({Label::Participants, trim_view(h.substr(p, heading - p)), p,
                                  heading});
                p = heading;
            } else if (auto row = venue_participants_row(h, p);
                       row && std::none_of(labels.begin(), labels.end(), [](const FoundLabel& f) {
                           return f.label == Label::Venue || f.label == Label::Participants;
                       })) {
                labels.push_back(row->first);
                labels.push_back(row->second);
                bare_labels += 2;
                p = row->first.value_begin;
            } else if (std::optional<FoundLabel> bare = bare_label(h, p)) {
                // "Event" alone on its line, its value on the next: a
                // numbered label, or a table's label column flattened.
                bool seen = std::any_of(labels.begin(), labels.end(), [&](const FoundLabel& f) {
                    return f.label == bare->label;
                });
                if (!seen) {
                    labels.push_back(*bare);
                    ++bare_labels;
                }
                p = bare->value_begin;
            }
            continue;
        }
        std::string_view written = trim_view(h.substr(p, colon - p), " \t");
        std::string folded = collapse_spaces(fold(written));
        auto spelling = std::find_if(kLabels.begin(), kLabels.end(),
                                     [&](const LabelSpelling& l) { return l.folded == folded; });
        if (spelling == kLabels.end()) continue;
        bool seen = std::any_of(labels.begin(), labels.end(),
                                [&](const FoundLabel& f) { return f.label == spelling->label; });
        if (!seen) labels.push_back({spelling->label, written, p, colon + 1});
        p = colon;
    }
    // A word alone on its line is a label only among other labels: one
    // "Date" line in a web page's banner is no header.
    if (bare_labels > 0 && labels.size() < 3)
        std::erase_if(labels, [&](const FoundLabel& f) {
            return f.value_begin < h.size() && h[f.value_begin] == '\n' &&
                   f.label != Label::Participants;
        });
    return labels;
}

std::string strip_markup(std::string_view text)
{
    std::string out(text);
    bool line_start = true;
    std::size_t line_begin = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        if (c == '\n') {
            line_start = true;
            line_begin = i + 1;
            continue;
        }
        if (line_start && !is_space(c)) {
            // "1. Event", "2) Organizer(s):": the number of a label goes.
            if (std::size_t number = label_number_at(out, i); number > 0) {
                std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(i), number, ' ');
                i += number;
                c = out[i];
            }
            // "Participants -- States:", "Event — Workshop": the dash
            // stands for the label's colon.
            // "1. Benin", "(a) States:": a list item's enumerator goes too.
            if (std::size_t number = enumerator_at(out, i); number > 0 && label_number_at(out, i) == 0) {
                std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(i), number, ' ');
                i += number;
                c = out[i];
            }
            if (auto wrapped = wrapped_date_label(out, i)) {
                std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(wrapped->conjunction),
                            wrapped->conjunction_size, ' ');
                char& second = out[wrapped->second_label];
                if (second >= 'a' && second <= 'z') second = static_cast<char>(second - 'a' + 'A');
            }
            if (auto dash = label_dash(out, i); dash.second > 0) {
                colon_for_dash(out, dash);
            } else if (auto gdash = group_dash(out, i); gdash.second > 0) {
                colon_for_dash(out, gdash);
            } else if (std::size_t gap = label_gap(out, i); gap != std::string::npos) {
                out[gap] = ':';
            }
        }
        if ((c == ';' || c == ':') && !line_start) {
            // "Participants: States - A, B; International organisations -
            // IAEA": a group heading after a colon or a semicolon may take
            // a dash for its own colon too.
            std::size_t next = out.find_first_not_of(" \t", i + 1);
            if (next != std::string::npos && out[next] != '\n')
                if (auto dash = group_dash(out, next); dash.second > 0) colon_for_dash(out, dash);
        }
        // Marks are found in the text as written: a link's "[" blanked
        // here still opens the "](address)" after it.
        if (std::size_t markdown = out[i] == text[i] ? markdown_mark_at(text, i, line_start) : 0;
            markdown > 0) {
            std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(i), markdown, ' ');
            i += markdown - 1;
        } else if (std::size_t dots = leader_at(out, i, line_begin); dots > 0) {
            // "Event ........ Workshop": dot leaders from a table stand for
            // the label's colon.
            out[i] = ':';
            std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(i) + 1, dots - 1, ' ');
            i += dots - 1;
        } else if (std::size_t mark = footnote_mark_at(out, i); mark > 0) {
            std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(i), mark, ' ');
            i += mark - 1;
        }
        if (!is_space(out[i])) line_start = false;
    }
    return out;
}

std::optional<std::string> section_heading(std::string_view raw)
{
    std::string s;
    for (char c : raw)
        if (c != '*' && c != '#' && c != '_') s += c;
    std::string_view v = trim_view(s);
    if (v.empty() || v.size() > 100) return std::nullopt;
    if (std::optional<std::string_view> rest = after_section_number(v)) {
        // "1. Event", "3. Date and Venue: ...": a numbered label, not a
        // section.
        if (label_number_at(v, 0) > 0) return std::nullopt;
        if (!rest->empty() && is_upper((*rest)[0]) && rest->back() != '.' &&
            count_words(*rest) <= 12)
            return collapse_spaces(trim_view(*rest, " :"));
        return std::nullopt;
    }
    std::string folded = fold(trim_view(v, " :"));
    for (std::string_view name : kSectionNames)
        if (folded == name) return collapse_spaces(trim_view(v, " :"));
    return std::nullopt;
}

}  // namespace infonote
