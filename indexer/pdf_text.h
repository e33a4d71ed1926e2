// The text of a PDF file, through poppler.
#ifndef INFONOTE_INDEXER_PDF_TEXT_H
#define INFONOTE_INDEXER_PDF_TEXT_H

#include <cstddef>
#include <string_view>

#include "file_text.h"

namespace infonote {

/// What reading one PDF may cost. A few kilobytes of compressed content
/// can keep poppler busy for minutes (a page of text drawn over itself a
/// hundred thousand times) or fill memory: past these bounds the file is
/// refused, and the run goes on.
struct PdfLimits {
    /// Wall-clock seconds for the whole file.
    double seconds = 20;
    /// Bytes of text, all pages together.
    std::size_t text_bytes = std::size_t{16} << 20;
    /// Memory poppler may take beyond what the process holds already.
    std::size_t memory_bytes = std::size_t{1} << 30;
};

/// The text of every page of a PDF, in reading order, one line per line of
/// the page and a blank line between pages. Refuses, with one error, a file
/// that is not a PDF, is truncated or damaged beyond poppler's repair, needs
/// a password, has no text layer (scanned pages), or goes past `limits`.
/// Poppler runs in a child process, this same program started afresh
/// (posix_spawn of /proc/self/exe, told by its environment to read one PDF
/// before main() runs), so that it can be stopped at the deadline and its
/// memory bounded (RLIMIT_AS), and a crash in it loses one file; the
/// indexer itself never calls poppler. A fork without exec would not do:
/// in a program with several threads, the copy could wait forever on a lock
/// another thread held. Poppler's own messages are silenced so that these
/// are the only ones. Never throws on bad input.
FileText pdf_to_text(std::string_view bytes, const PdfLimits& limits = {});

}  // namespace infonote

#endif
