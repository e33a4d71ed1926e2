// Turning a text file's bytes, in whatever encoding, into UTF-8 with LF line
// ends.
#ifndef INFONOTE_INDEXER_TEXT_ENCODING_H
#define INFONOTE_INDEXER_TEXT_ENCODING_H

#include <cstddef>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "file_text.h"

namespace infonote {

/// What else, besides the bytes, may say how a text is encoded: an HTML
/// document may declare its charset in a <meta> element.
enum class TextSyntax { Plain, Html };

/// Decodes a text file's bytes to UTF-8 with LF line ends.
///  - A byte order mark decides: UTF-8, UTF-16LE/BE or UTF-32LE/BE.
///  - Without one, text mostly of Latin letters with a NUL byte at every
///    other offset is UTF-16LE or BE, by which offsets hold them.
///  - Otherwise NUL bytes or many control characters mean a binary file:
///    refused with an error.
///  - Valid UTF-8 is UTF-8. So is a file whose valid multi-byte sequences
///    outnumber its invalid bytes: a UTF-8 file with a few damaged bytes.
///  - Otherwise the file is in a legacy 8-bit (or CJK) encoding: the one an
///    HTML document declares, else ICU's charset detector's guess, else
///    windows-1252, the legacy encoding of English, French and Spanish text.
///    A guess other than windows-1252 is reported with a warning, since a
///    wrong guess changes letters in names.
/// Whatever cannot be decoded becomes U+FFFD, with a warning naming the line
/// of the first replacement. Never throws on bad input.
FileText decode_text(std::string_view bytes, TextSyntax syntax = TextSyntax::Plain);

/// Replaces CRLF and lone CR line ends by LF, in place. Safe on UTF-8 and on
/// ASCII-compatible encodings, where CR and LF bytes are never part of a
/// multi-byte character.
void normalize_line_ends(std::string& text);

/// Replaces each invalid byte in `text` by U+FFFD, in place, and adds a
/// warning naming the line of the first one when there were any.
void repair_utf8(std::string& text, Diagnostics& diagnostics);

}  // namespace infonote

#endif
