// The visible text of an HTML document, through gumbo.
#ifndef INFONOTE_INDEXER_HTML_TEXT_H
#define INFONOTE_INDEXER_HTML_TEXT_H

#include <cstddef>
#include <string_view>

#include "file_text.h"

namespace infonote {

/// Gumbo's tree building slows down with the square of element nesting
/// (40,000 nested <div>s take seconds, 100,000 minutes); real documents nest
/// a few dozen deep. A document estimated deeper than this is refused.
inline constexpr std::size_t kMaxHtmlNesting = 2000;

/// The text a reader sees in an HTML document (UTF-8 in, UTF-8 out), laid
/// out much as a browser's innerText: white space collapsed except in <pre>;
/// a line break around each block element (div, li, tr, ...) and at <br>; a
/// blank line around paragraphs and headings; table cells separated by a
/// space; <head>, scripts, styles, templates and elements with the `hidden`
/// attribute left out. Character references are decoded. Never throws on bad
/// input.
FileText html_to_text(std::string_view utf8);

}  // namespace infonote

#endif
