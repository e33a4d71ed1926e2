#include "note_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

#include "ascii.h"
#include "html_text.h"
#include "pdf_text.h"
#include "terminal_text.h"
#include "text_encoding.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

enum class Format { Text, Pdf, Html, Other };

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The path's last component, as fs::path::filename() gives it but without
// building a path: the walk asks this of every file.
std::string_view file_name(const fs::path& p)
{
    std::string_view s = p.native();
    std::size_t slash = s.rfind('/');
    return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

// From the last dot, as fs::path::extension(): "" for ".hidden" or none.
std::string_view extension_of(std::string_view name)
{
    std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 || name == ".." ? std::string_view()
                                                                     : name.substr(dot);
}

Format format_of(const fs::path& p)
{
    std::string ext = lower(std::string(extension_of(file_name(p))));
    if (ext == ".txt" || ext == ".md") return Format::Text;
    if (ext == ".pdf") return Format::Pdf;
    if (ext == ".html" || ext == ".htm") return Format::Html;
    return Format::Other;
}

bool is_readme(const fs::path& p)
{
    std::string_view name = file_name(p);
    return lower(std::string(name.substr(0, name.size() - extension_of(name).size()))) == "readme";
}

NoteBytes read_bytes(const fs::path& path)
{
    NoteBytes out;
    std::error_code ec;
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        out.error = ec.value();
        out.failure = "cannot read file: " + ec.message();
        return out;
    }
    if (size > kMaxNoteBytes) {
        out.failure = "file is " + std::to_string(size >> 20) + " MiB, more than a note can be (" +
                      std::to_string(kMaxNoteBytes >> 20) + " MiB); skipped";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = errno;
        out.failure = std::string("cannot read file: ") + std::strerror(errno);
        return out;
    }
    out.bytes.resize(static_cast<std::size_t>(size));
    in.read(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
    if (in.bad()) {
        out.error = EIO;
        out.failure = "cannot read file: read error";
        out.bytes.clear();
        return out;
    }
    // A file that shrank since it was measured keeps what was there.
    out.bytes.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

FileText extract_text(const std::string& bytes, Format format)
{
    switch (format) {
        case Format::Pdf: {
            FileText out = pdf_to_text(bytes);
            if (out.text) {
                normalize_line_ends(*out.text);
                // Poppler's UTF-8 is as good as the PDF's font tables.
                repair_utf8(*out.text, out.diagnostics);
            }
            return out;
        }
        case Format::Html: {
            FileText decoded = decode_text(bytes, TextSyntax::Html);
            if (!decoded.text) return decoded;
            FileText out = html_to_text(*decoded.text);
            out.read_as = "HTML in " + decoded.read_as;
            out.diagnostics.insert(out.diagnostics.begin(), decoded.diagnostics.begin(),
                                   decoded.diagnostics.end());
            return out;
        }
        default: return decode_text(bytes, TextSyntax::Plain);
    }
}

FileText text_of(const fs::path& path, const std::string& bytes)
{
    if (is_ascii_blank(bytes)) return refused("empty file; skipped");
    Format format = format_of(path);
    // A PDF saved under a text name would otherwise be refused as binary.
    if (bytes.rfind("%PDF-", 0) == 0) format = Format::Pdf;
    FileText out = extract_text(bytes, format);
    if (!out.text) return out;
    if (is_ascii_blank(*out.text))
        return refused(format == Format::Html ? "no visible text in the HTML; skipped"
                                              : "empty file; skipped");
    // A converted encoding is normal, not a problem with the file: said only
    // when asked (--verbose). Guesses that may be wrong carry a warning.
    if (out.read_as != "UTF-8")
        spdlog::info("{}: read as {}", escape_controls(path.string()), out.read_as);
    return out;
}

}  // namespace

bool is_note_file(const fs::path& path)
{
    return format_of(path) != Format::Other && !is_readme(path);
}

NoteBytes read_note_bytes(const fs::path& path)
{
    try {
        return read_bytes(path);
    } catch (const std::exception& e) {
        // Out of memory: this file is lost, the run goes on.
        NoteBytes out;
        out.failure = std::string("cannot read file: ") + e.what();
        return out;
    }
}

FileText note_text(const fs::path& path, const std::string& bytes)
{
    try {
        return text_of(path, bytes);
    } catch (const std::exception& e) {
        // Out of memory, or a library throwing on input it cannot handle:
        // this file is lost, the run goes on.
        return refused(std::string("cannot read file: ") + e.what());
    }
}

FileText read_note_file(const fs::path& path)
{
    NoteBytes read = read_note_bytes(path);
    if (!read.failure.empty()) return refused(read.failure);
    return note_text(path, read.bytes);
}

}  // namespace infonote
