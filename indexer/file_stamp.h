// What a file looked like when it was indexed, for `update` to compare.
#ifndef INFONOTE_INDEXER_FILE_STAMP_H
#define INFONOTE_INDEXER_FILE_STAMP_H

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

struct stat;

namespace infonote {

struct FileStamp {
    std::uintmax_t size = 0;
    /// Modification time, nanoseconds since the epoch.
    std::int64_t mtime_ns = 0;
    /// Content hash (hex); empty when not computed.
    std::string hash;

    /// Same size and modification time: taken as unchanged without reading.
    bool same_metadata(const FileStamp& other) const
    {
        return size == other.size && mtime_ns == other.mtime_ns;
    }
};

/// Size and modification time from a stat(2) or lstat(2) result.
FileStamp stamp_of(const struct ::stat& st);

/// A 64-bit FNV-1a hash of a file's bytes, as 16 hex digits: enough to
/// tell a touched file from a changed one.
std::string content_hash(std::string_view bytes);

/// Records the stamp in the document's value slots.
void stamp_document(Xapian::Document& doc, const FileStamp& stamp);

}  // namespace infonote

#endif
