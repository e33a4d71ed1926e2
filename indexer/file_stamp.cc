#include "file_stamp.h"

#include <cstdio>
#include <fstream>

#include <sys/stat.h>

#include "schema.h"

namespace infonote {

FileStamp stamp_of(const struct ::stat& st)
{
    FileStamp stamp;
    stamp.size = static_cast<std::uintmax_t>(st.st_size);
    stamp.mtime_ns =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return stamp;
}

std::optional<std::string> content_hash(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::uint64_t hash = 14695981039346656037ULL;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            hash ^= static_cast<unsigned char>(buffer[i]);
            hash *= 1099511628211ULL;
        }
    }
    if (in.bad()) return std::nullopt;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return std::string(hex);
}

void stamp_document(Xapian::Document& doc, const FileStamp& stamp)
{
    doc.add_value(kFileSizeSlot, std::to_string(stamp.size));
    doc.add_value(kFileMtimeSlot, std::to_string(stamp.mtime_ns));
    doc.add_value(kContentHashSlot, stamp.hash);
}

}  // namespace infonote
