// One corpus file to one Xapian document: read, parse, build, report.
#ifndef INFONOTE_INDEXER_NOTE_INDEXER_H
#define INFONOTE_INDEXER_NOTE_INDEXER_H

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "corpus_reader.h"
#include "document_builder.h"
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
