// The labelled lines of a note's header ("Event:", "Date and Venue:", ...)
// and the headings that open its prose sections, in whatever shape PDF
// conversion left them: markdown residue, footnote marks, capitals, or the
// whole header run together in one paragraph.
#ifndef INFONOTE_COMMON_HEADER_LABELS_H
#define INFONOTE_COMMON_HEADER_LABELS_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infonote {

enum class Label { Title, Organizers, DateVenue, VenueDate, Date, Venue, Participants };

/// A label found in the header.
struct FoundLabel {
    Label label;
    /// The label as written, without its colon ("Date and venue").
    std::string_view name;
    /// Where the label starts, and where its value starts (after the colon).
    std::size_t begin = 0;
    std::size_t value_begin = 0;
};

/// The labels of a header cleaned by strip_markup(), in order. A label is
/// a known spelling starting with a capital, at a line start or after a
/// space, followed by a colon; only the first of each kind counts.
std::vector<FoundLabel> find_labels(std::string_view header);

/// The label `written` spells, its colon left off ("Date and venue",
/// "EVENT", "Who took part (see table)": a remark in parentheses after it
/// is not part of it), or nullopt.
std::optional<Label> label_spelled(std::string_view written);

/// Markdown marks (markdown_marks.h: *, #, _, |, list bullets, rules,
/// links' brackets and addresses) and superscript footnote marks become
/// spaces of the same byte length, so that offsets in the cleaned text are
/// offsets in the original.
std::string strip_markup(std::string_view text);

/// The heading when `line` opens a prose section: "1. Background",
/// "**2. Highlights of the Discussions**", "III. Outcomes", "BACKGROUND",
/// "Chair's summary"; nullopt for any other line.
std::optional<std::string> section_heading(std::string_view line);

}  // namespace infonote

#endif
