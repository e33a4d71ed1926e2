// One corpus file to one Xapian document: read, parse, build, report.
#ifndef INFONOTE_INDEXER_NOTE_INDEXER_H
#define INFONOTE_INDEXER_NOTE_INDEXER_H

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "corpus_reader.h"
#include "document_builder.h"
#include "index_writer.h"
#include "note_parser.h"
#include "run_report.h"

namespace infonote {

/// Reads and parses one file, printing its diagnostics under `name`.
/// nullopt when it cannot be read as a note; `reason` then says why.
std::optional<ParseResult> read_and_parse(const std::filesystem::path& path,
                                          const std::string& name, std::string* reason = nullptr);

/// A file that cannot be indexed: `reason` printed as an error about
/// `name`, and the file (`relative` in the corpus) counted and listed as
/// rejected in the report.
void reject_file(const std::string& name, const std::string& relative, const std::string& reason,
                 RunReport& report);

/// A corpus file read once: its stamp, content hash included, and its bytes.
struct ReadFile {
    FileStamp stamp;
    std::string bytes;
};

class NoteIndexer {
  public:
    /// Diagnostics name files as `corpus_root`/relative path.
    explicit NoteIndexer(std::filesystem::path corpus_root);

    /// The file's bytes and its stamp with their content hash, or nullopt
    /// (and the file rejected) when it cannot be read; `gone` then says
    /// whether that is because the file no longer exists.
    std::optional<ReadFile> read(const CorpusFile& file, RunReport& report,
                                 bool* gone = nullptr) const;

    /// The document for a corpus file from what read() gave, stamped, or
    /// nullopt when the file is rejected. Either way the report's counts and
    /// rejected list are updated.
    std::optional<Xapian::Document> document_for(const CorpusFile& file, const ReadFile& read,
                                                 RunReport& report) const;

    /// Writes a note's document; false (and the file rejected) when Xapian
    /// refuses it. Throws IndexError when the database cannot be written.
    bool write(IndexWriter& writer, const std::string& unique_term, const Xapian::Document& doc,
               const CorpusFile& file, RunReport& report) const;

    /// Prints `reason` as an error about the file and counts it as skipped.
    void reject(const CorpusFile& file, const std::string& reason, RunReport& report) const;

    /// How the file is named in diagnostics and reports.
    std::string display_name(const CorpusFile& file) const;

  private:
    /// Made on first use: an update that parses nothing never loads the
    /// gazetteers.
    const DocumentBuilder& builder() const;

    std::filesystem::path corpus_root_;
    mutable std::optional<DocumentBuilder> builder_;
};

}  // namespace infonote

#endif
