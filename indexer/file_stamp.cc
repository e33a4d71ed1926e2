#include "file_stamp.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> content_hash(const std::filesystem::path& path, int* error)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = errno;
        return std::nullopt;
    }
    Fnv1a hash;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            if (error) *error = errno;
            ::close(fd);
            return std::nullopt;
        }
        hash.add(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
    ::close(fd);
    return hash.hex();
}

void stamp_document(Xapian::Document& doc, const FileStamp& stamp)
{
    doc.add_value(kFileSizeSlot, std::to_string(stamp.size));
    doc.add_value(kFileMtimeSlot, std::to_string(stamp.mtime_ns));
    doc.add_value(kContentHashSlot, stamp.hash);
}

}  // namespace infonote
