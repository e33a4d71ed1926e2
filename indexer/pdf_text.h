// The text of a PDF file, through poppler.
#ifndef INFONOTE_INDEXER_PDF_TEXT_H
#define INFONOTE_INDEXER_PDF_TEXT_H

#include <string_view>

#include "file_text.h"

namespace infonote {

/// The text of every page of a PDF, in reading order, one line per line of
/// the page and a blank line between pages. Refuses, with one error, a file
/// that is not a PDF, is truncated or damaged beyond poppler's repair, needs
/// a password, or has no text layer (scanned pages). Poppler's own messages
/// are silenced so that these are the only ones. Never throws on bad input.
FileText pdf_to_text(std::string_view bytes);

}  // namespace infonote

#endif
