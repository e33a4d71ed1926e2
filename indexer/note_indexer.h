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

class NoteIndexer {
  public:
    /// Diagnostics name files as `corpus_root`/relative path.
    explicit NoteIndexer(std::filesystem::path corpus_root);

    /// The document for a corpus file, stamped with `stamp` (its content
    /// hash included), or nullopt when the file is rejected. Either way the
    /// report's counts and rejected list are updated.
    std::optional<Xapian::Document> document_for(const CorpusFile& file, const FileStamp& stamp,
                                                 RunReport& report) const;

    /// The file's stamp with its content hash, or nullopt (and the file
    /// rejected) when it cannot be read; `gone` then says whether that is
    /// because the file no longer exists.
    std::optional<FileStamp> hashed_stamp(const CorpusFile& file, RunReport& report,
                                          bool* gone = nullptr) const;

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
