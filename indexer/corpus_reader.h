// Finding note files in a corpus folder and reading them as UTF-8 text.
#ifndef INFONOTE_INDEXER_CORPUS_READER_H
#define INFONOTE_INDEXER_CORPUS_READER_H

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "file_stamp.h"

namespace infonote {

/// The corpus folder itself cannot be listed: an environment failure.
class CorpusError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct CorpusFile {
    std::filesystem::path path;
    /// Path relative to the corpus folder, with '/' separators: the note's
    /// stable name, from which its id is derived.
    std::string relative;
    /// Size and modification time when the folder was walked.
    FileStamp stamp;
};

/// A file or folder the walk could not take, with the reason.
struct SkippedEntry {
    std::string relative;
    std::string reason;
};

struct CorpusListing {
    /// Note files (see is_note_file), sorted by relative path.
    std::vector<CorpusFile> files;
    std::vector<SkippedEntry> skipped;
};

/// Walks `root` recursively. Hidden entries, README files and other
/// extensions are left out; symbolic links to folders are not followed, so a
/// link loop cannot trap the walk. Throws CorpusError when `root` is not a
/// readable folder.
CorpusListing list_corpus(const std::filesystem::path& root);

}  // namespace infonote

#endif
