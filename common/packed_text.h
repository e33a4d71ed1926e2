// The note text as the index keeps it, for snippets and `show`: compressed,
// since Xapian stores value slots as given and the text would otherwise be
// close to half the index.
#ifndef INFONOTE_COMMON_PACKED_TEXT_H
#define INFONOTE_COMMON_PACKED_TEXT_H

#include <optional>
#include <string>
#include <string_view>

namespace infonote {

/// The text's length in bytes (4 bytes, little-endian), then its zlib
/// stream.
std::string pack_text(std::string_view text);

/// The text back; nullopt when `packed` is not what pack_text wrote.
std::optional<std::string> unpack_text(std::string_view packed);

}  // namespace infonote

#endif
