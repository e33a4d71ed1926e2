#include "note_indexer.h"

#include <cerrno>
#include <cstring>

#include "logging.h"
#include "note_reader.h"

namespace infonote {

namespace {

void print_diagnostics(const std::string& name, const Diagnostics& diagnostics)
{
    for (const Diagnostic& d : diagnostics) emit_diagnostic(format_diagnostic(name, d));
}

}  // namespace

std::optional<ParseResult> read_and_parse(const std::filesystem::path& path,
                                          const std::string& name, std::string* reason)
{
    FileText file = read_note_file(path);
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
    emit_diagnostic(display_name(file) + ": error: " + reason);
    ++report.skipped;
    report.rejected.push_back({file.relative, reason});
}

std::optional<FileStamp> NoteIndexer::hashed_stamp(const CorpusFile& file, RunReport& report,
                                                   bool* gone) const
{
    int error = 0;
    std::optional<std::string> hash = content_hash(file.path, &error);
    if (!hash) {
        reject(file, std::string("cannot read file: ") + std::strerror(error), report);
        if (gone) *gone = error == ENOENT;
        return std::nullopt;
    }
    FileStamp stamp = file.stamp;
    stamp.hash = *hash;
    return stamp;
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
                                                          const FileStamp& stamp,
                                                          RunReport& report) const
{
    std::string reason;
    std::optional<ParseResult> parsed = read_and_parse(file.path, display_name(file), &reason);
    if (!parsed) {
        ++report.skipped;
        report.rejected.push_back({file.relative, reason});
        return std::nullopt;
    }
    // The id and path come from the place in the corpus, not from the name
    // shown in diagnostics, so they do not depend on how the corpus was named.
    parsed->note.id = note_id(file.relative);
    parsed->note.source = file.relative;
    if (!parsed->diagnostics.empty()) ++report.warned;
    Xapian::Document doc = builder().build(parsed->note);
    stamp_document(doc, stamp);
    return doc;
}

}  // namespace infonote
