#include "file_stamp.h"

#include <fstream>

#include <sys/stat.h>

#include "fnv1a.h"
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
    Fnv1a hash;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        hash.add(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    if (in.bad()) return std::nullopt;
    return hash.hex();
}

void stamp_document(Xapian::Document& doc, const FileStamp& stamp)
{
    doc.add_value(kFileSizeSlot, std::to_string(stamp.size));
    doc.add_value(kFileMtimeSlot, std::to_string(stamp.mtime_ns));
    doc.add_value(kContentHashSlot, stamp.hash);
}

}  // namespace infonote
