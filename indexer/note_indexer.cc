#include "note_indexer.h"

#include <cerrno>

#include "logging.h"
#include "note_reader.h"

namespace infonote {

namespace {

void print_diagnostics(const std::string& name, const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics) emit_diagnostic(format_diagnostic(name, d));
}

// Parses a file's text, printing its diagnostics under `name`; nullopt
// when the file was refused, `reason` then saying why.
std::optional<ParseResult> parse_file_text(const FileText& file, const std::string& name,
                                           std::string* reason)
{
    print_diagnostics(name, file.diagnostics);
    for (const Diagnostic& d : file.diagnostics) {
        if (d.severity != Severity::Error) continue;
        if (reason) *reason = d.message;
        return std::nullopt;
    }
    if (!file.text) {
        if (reason) *reason = "cannot be read";
        return std::nullopt;
    }
    ParseResult parsed = parse_note(*file.text, name, default_gazetteer());
    print_diagnostics(name, parsed.diagnostics);
    parsed.diagnostics.insert(parsed.diagnostics.begin(), file.diagnostics.begin(),
                              file.diagnostics.end());
    return parsed;
}

}  // namespace

std::optional<ParseResult> read_and_parse(const std::filesystem::path& path,
                                          const std::string& name, std::string* reason)
{
    return parse_file_text(read_note_file(path), name, reason);
}

void reject_file(const std::string& name, const std::string& relative, const std::string& reason,
                 RunReport& report)
{
    emit_diagnostic(format_diagnostic(name, {Severity::Error, 0, reason}));
    report.reject(relative, reason);
}

NoteIndexer::NoteIndexer(std::filesystem::path corpus_root) : corpus_root_(std::move(corpus_root))
{
}

const DocumentBuilder& NoteIndexer::builder() const
{
    if (!builder_) builder_.emplace(default_gazetteer());
    return *builder_;
}

std::string NoteIndexer::display_name(const CorpusFile& file) const
{
    return (corpus_root_ / file.relative).generic_string();
}

void NoteIndexer::reject(const CorpusFile& file, const std::string& reason, RunReport& report) const
{
    reject_file(display_name(file), file.relative, reason, report);
}

std::optional<ReadFile> NoteIndexer::read(const CorpusFile& file, RunReport& report,
                                          bool* gone) const
{
    NoteBytes read = read_note_bytes(file.path_in(corpus_root_));
    if (!read.failure.empty()) {
        reject(file, read.failure, report);
        if (gone) *gone = read.error == ENOENT;
        return std::nullopt;
    }
    ReadFile out{file.stamp, std::move(read.bytes)};
    out.stamp.hash = content_hash(out.bytes);
    return out;
}

bool NoteIndexer::write(IndexWriter& writer, const std::string& unique_term,
                        const Xapian::Document& doc, const CorpusFile& file,
                        RunReport& report) const
{
    try {
        writer.put(unique_term, doc);
        return true;
    } catch (const DocumentRejected& e) {
        reject(file, std::string("cannot be indexed: ") + e.what(), report);
        return false;
    }
}

std::optional<Xapian::Document> NoteIndexer::document_for(const CorpusFile& file,
                                                          const ReadFile& read,
                                                          RunReport& report) const
{
    std::string reason;
    std::optional<ParseResult> parsed = parse_file_text(
        note_text(file.path_in(corpus_root_), read.bytes), display_name(file), &reason);
    if (!parsed) {
        // Its diagnostics, the reason among them, are printed already.
        report.reject(file.relative, reason);
        return std::nullopt;
    }
    // The id and path come from the place in the corpus, not from the name
    // shown in diagnostics, so they do not depend on how the corpus was named.
    parsed->note.id = file.id();
    parsed->note.source = file.relative;
    if (!parsed->diagnostics.empty()) ++report.warned;
    Xapian::Document doc = builder().build(parsed->note);
    stamp_document(doc, read.stamp);
    return doc;
}

}  // namespace infonote
