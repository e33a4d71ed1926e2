#include "pdf_text.h"

#include <climits>
#include <memory>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace infonote {

namespace {

// Poppler reports each repair and each unreadable object on stderr ("Syntax
// Error: ..."), several per damaged file and none naming it; the diagnostics
// below name the file and say what happens to it.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler()
{
    static const bool silenced = [] {
        poppler::set_debug_error_function(ignore_poppler_message, nullptr);
        return true;
    }();
    (void)silenced;
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

// Readers accept the header anywhere in the first 1024 bytes and the end
// marker anywhere in the last 1024, since some writers add a few bytes around
// them.
constexpr std::size_t kMarkerWindow = 1024;

bool has_pdf_header(std::string_view bytes)
{
    return contains(bytes.substr(0, kMarkerWindow), "%PDF-");
}

bool has_pdf_end(std::string_view bytes)
{
    return contains(bytes.substr(bytes.size() - std::min(bytes.size(), kMarkerWindow)), "%%EOF");
}

std::string to_string(const poppler::ustring& text)
{
    poppler::byte_array utf8 = text.to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

}  // namespace

FileText pdf_to_text(std::string_view bytes)
{
    silence_poppler();
    if (!has_pdf_header(bytes)) return refused("not a PDF file (no %PDF- header); skipped");
    const bool truncated = !has_pdf_end(bytes);
    if (bytes.size() > INT_MAX) return refused("PDF too large for poppler; skipped");

    // load_from_raw_data reads `bytes` in place; they outlive the document.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc)
        return refused(truncated ? "truncated PDF (no %%EOF at the end); skipped"
                                 : "damaged PDF (poppler cannot read it); skipped");
    // Poppler opens a PDF whose user password is empty by itself; one that
    // stays locked needs a password we do not have. A locked document must
    // not be asked for its pages: poppler 22.12 crashes.
    if (doc->is_locked()) return refused("encrypted PDF (needs a password); skipped");

    FileText out;
    out.read_as = "PDF";
    std::string text;
    const int pages = doc->pages();
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        // Neither physical layout (which pads columns with spaces) nor raw
        // content-stream order: poppler's reading order, one line per line.
        std::string page_text =
            to_string(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
        // Poppler ends each page with a form feed; pages are separated by a
        // blank line instead, as paragraphs are in text notes.
        while (!page_text.empty() &&
               (page_text.back() == '\f' || page_text.back() == '\n' || page_text.back() == ' '))
            page_text.pop_back();
        if (page_text.empty()) continue;
        if (!text.empty()) text += "\n\n";
        text += page_text;
    }
    if (pages == 0) return refused("PDF has no pages; skipped");
    if (text.find_first_not_of(" \t\r\n\f") == std::string::npos)
        return refused("PDF has no text layer (scanned pages?); skipped");
    text += '\n';
    if (truncated)
        out.diagnostics.push_back(
            {Severity::Warning, 0,
             "truncated PDF (no %%EOF at the end); indexing the text poppler could read"});
    out.text = std::move(text);
    return out;
}

}  // namespace infonote
