// Reading one note file as UTF-8 text, whatever its format.
#ifndef INFONOTE_INDEXER_NOTE_READER_H
#define INFONOTE_INDEXER_NOTE_READER_H

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "diagnostic.h"

namespace infonote {

/// True for the files a corpus walk takes as notes (*.txt, *.md), in any
/// case; README files are documentation, not notes.
bool is_note_file(const std::filesystem::path& path);

/// Files larger than this are skipped as bad input.
inline constexpr std::uintmax_t kMaxNoteBytes = 64u << 20;

/// A note file's text, or the reason it cannot be indexed.
struct FileText {
    std::optional<std::string> text;
    /// Why the file was skipped (text empty), or warnings about what was read.
    Diagnostics diagnostics;
};

/// Reads a note file as UTF-8: a byte order mark is dropped, invalid
/// sequences are replaced by U+FFFD with a warning, and empty, binary or
/// oversized files are refused with an error. Never throws.
FileText read_note_file(const std::filesystem::path& path);

}  // namespace infonote

#endif
