#include "stub.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <unistd.h>

#include "ascii.h"
#include "index_error.h"

namespace infonote {

std::vector<StubLine> parse_stub(std::string_view text)
{
    std::vector<StubLine> out;
    for (int number = 1; !text.empty(); ++number) {
        std::string_view line = text.substr(0, text.find('\n'));
        text.remove_prefix(std::min(text.size(), line.size() + 1));
        std::string_view words = trim_ascii(line);
        if (words.empty()) continue;
        std::size_t gap = words.size();
        for (std::size_t i = 0; i < words.size(); ++i)
            if (is_ascii_space(words[i])) {
                gap = i;
                break;
            }
        out.push_back({number, std::string(words.substr(0, gap)),
                       std::string(trim_ascii(words.substr(gap)))});
    }
    return out;
}

std::string stub_text(const std::vector<std::string>& targets)
{
    std::string text;
    for (const std::string& target : targets) text += "auto " + target + "\n";
    return text;
}

std::optional<std::string> read_stub_file(const std::filesystem::path& path)
{
    // A stub is a few lines long: read whole with C stdio, which spares every
    // search the set-up of a C++ stream and its locale.
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return std::nullopt;
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0;)
        text.append(buffer, n);
    if (std::ferror(f.get())) return std::nullopt;
    return text;
}

void write_stub(const std::filesystem::path& path, const std::vector<std::string>& targets)
{
    const std::string content = stub_text(targets);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IndexError(path.string() + ": cannot write: " + std::strerror(errno));
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
              ::fsync(fd) == 0;
    int error = errno;
    ::close(fd);
    if (!ok) throw IndexError(path.string() + ": cannot write: " + std::strerror(error));
}

bool names_entry_inside(std::string_view target)
{
    return target.find('/') == std::string_view::npos && target != "." && target != "..";
}

}  // namespace infonote
