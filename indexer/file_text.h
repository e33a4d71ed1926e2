// What a reader makes of one file: UTF-8 text, or the reason there is none.
#ifndef INFONOTE_INDEXER_FILE_TEXT_H
#define INFONOTE_INDEXER_FILE_TEXT_H

#include <optional>
#include <string>

#include "diagnostic.h"

namespace infonote {

/// A note file's text, or the reason it cannot be indexed.
struct FileText {
    /// UTF-8 with LF line ends; empty when the file was refused.
    std::optional<std::string> text;
    /// Why the file was refused (an error), or warnings about what was read.
    Diagnostics diagnostics;
    /// How the bytes were read: an encoding ("UTF-8", "UTF-16LE",
    /// "windows-1252"), "PDF", or "HTML in " and an encoding.
    std::string read_as;
};

/// A FileText with no text and one error about the whole file.
inline FileText refused(std::string message)
{
    FileText out;
    out.diagnostics.push_back({Severity::Error, 0, std::move(message)});
    return out;
}

}  // namespace infonote

#endif
