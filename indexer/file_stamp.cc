#include "file_stamp.h"

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

std::string content_hash(std::string_view bytes)
{
    Fnv1a hash;
    hash.add(bytes);
    return hash.hex();
}

void stamp_document(Xapian::Document& doc, const FileStamp& stamp)
{
    doc.add_value(kFileSizeSlot, std::to_string(stamp.size));
    doc.add_value(kFileMtimeSlot, std::to_string(stamp.mtime_ns));
    doc.add_value(kContentHashSlot, stamp.hash);
}

}  // namespace infonote
