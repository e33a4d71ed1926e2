#include "note_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace infonote {

namespace fs = std::filesystem;

namespace {

bool has_note_extension(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt" || ext == ".md";
}

bool is_readme(const fs::path& p)
{
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return stem == "README";
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(const std::string& s, std::size_t i)
{
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    // Overlong three- and four-byte forms, surrogates, and code points past U+10FFFF.
    if (c == 0xE0 && byte(i + 1) < 0xA0) return 0;
    if (c == 0xED && byte(i + 1) >= 0xA0) return 0;
    if (c == 0xF0 && byte(i + 1) < 0x90) return 0;
    if (c == 0xF4 && byte(i + 1) >= 0x90) return 0;
    return n;
}

}  // namespace

bool is_note_file(const fs::path& path)
{
    return has_note_extension(path) && !is_readme(path);
}

FileText read_note_file(const fs::path& path)
{
    FileText out;
    auto refuse = [&out](std::string message) {
        out.diagnostics.push_back({Severity::Error, 0, std::move(message)});
        return out;
    };
    std::error_code ec;
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return refuse("cannot read file: " + ec.message());
    if (size > kMaxNoteBytes)
        return refuse("file is " + std::to_string(size >> 20) + " MiB, more than a note can be (" +
                      std::to_string(kMaxNoteBytes >> 20) + " MiB); skipped");
    std::ifstream in(path, std::ios::binary);
    if (!in) return refuse(std::string("cannot read file: ") + std::strerror(errno));
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return refuse("read error");

    if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    if (raw.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("empty file; skipped");
    if (raw.find('\0') != std::string::npos) return refuse("binary file (NUL bytes); skipped");

    std::string text;
    text.reserve(raw.size());
    std::size_t bad = 0, first_bad_line = 0, line = 1;
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t n = utf8_sequence_length(raw, i);
        if (n == 0) {
            if (bad++ == 0) first_bad_line = line;
            text += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (raw[i] == '\n') ++line;
        text.append(raw, i, n);
        i += n;
    }
    if (bad > 0)
        out.diagnostics.push_back(
            {Severity::Warning, static_cast<int>(first_bad_line),
             std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD"});
    out.text = std::move(text);
    return out;
}

}  // namespace infonote
