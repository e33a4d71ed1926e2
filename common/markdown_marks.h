// The marks Markdown writes around text (emphasis, headings, table rules,
// list bullets, links), found where they stand so that they can be blanked
// byte for byte. The note parser blanks them before it looks for labels
// (header_labels.h, strip_markup), and a search takes them out of a note's
// text before it cuts a snippet (blank_markdown).
#ifndef INFONOTE_COMMON_MARKDOWN_MARKS_H
#define INFONOTE_COMMON_MARKDOWN_MARKS_H

#include <cstddef>
#include <string>
#include <string_view>

namespace infonote {

/// The bytes of the Markdown mark that starts at `at` in `text`, 0 when
/// none does: `*`, `#`, `_`, `|` and a backtick anywhere; a list bullet
/// (`-` or `+` before a space) or a quote's `>` when `line_start` (only
/// spaces before it on its line); a table's rule row or a horizontal rule
/// (`|---|:--|`, `---`, `***`), the whole line, when it starts there; and
/// a link's or image's `[`, `![` and `](address)`, the words between them
/// kept.
std::size_t markdown_mark_at(std::string_view text, std::size_t at, bool line_start);

/// `text` as words to read: every Markdown mark (markdown_mark_at) made
/// spaces, but a link's "](address)" dropped, so that "[UNODA](url)." reads
/// "UNODA.". Unlike strip_markup's, offsets change.
std::string blank_markdown(std::string_view text);

}  // namespace infonote

#endif
