// Reading one note file as UTF-8 text, whatever its format.
#ifndef INFONOTE_INDEXER_NOTE_READER_H
#define INFONOTE_INDEXER_NOTE_READER_H

#include <cstdint>
#include <filesystem>
#include <string>

#include "file_text.h"

namespace infonote {

/// True for the files a corpus walk takes as notes (*.txt, *.md, *.pdf,
/// *.html, *.htm), in any case; README files are documentation, not notes.
bool is_note_file(const std::filesystem::path& path);

/// Files larger than this are skipped as bad input. A real note is a few
/// pages; a 50 MB text file is still indexed, in about 8 seconds and 600 MB
/// with a release build (most of it the parser's and Xapian's).
inline constexpr std::uintmax_t kMaxNoteBytes = 64u << 20;

/// A note file's bytes, read once: hashed to tell a touched file from a
/// changed one, then read as text.
struct NoteBytes {
    std::string bytes;
    /// Why the file cannot be read (an error message); empty when it was.
    std::string failure;
    /// The errno value of a read that failed, 0 otherwise.
    int error = 0;
};

/// Reads the file's bytes; a file larger than kMaxNoteBytes is refused
/// unread. Never throws.
NoteBytes read_note_bytes(const std::filesystem::path& path);

/// The text of `bytes`, read from `path` (whose name says its format), as
/// read_note_file says. Never throws.
FileText note_text(const std::filesystem::path& path, const std::string& bytes);

/// Reads a note file as UTF-8 text with LF line ends: PDF (by extension, or
/// by its "%PDF-" header under any name) through poppler, HTML through
/// gumbo, text in UTF-8, UTF-16 or UTF-32 with a byte order mark, or a
/// legacy encoding (see decode_text). Empty, binary, oversized, unreadable,
/// encrypted and damaged files are refused with one error; what could only be
/// read in part is read with a warning. Never throws.
FileText read_note_file(const std::filesystem::path& path);

}  // namespace infonote

#endif
