// Finding note files in a corpus folder and reading them as UTF-8 text.
#ifndef INFONOTE_INDEXER_CORPUS_READER_H
#define INFONOTE_INDEXER_CORPUS_READER_H

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "file_stamp.h"

namespace infonote {

/// The corpus folder itself cannot be listed: an environment failure.
class CorpusError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A note file found by the walk. A build keeps one per note for the whole
/// run, so it holds only what cannot be derived: the full path and the id
/// are made from the relative path when used.
struct CorpusFile {
    /// Path relative to the corpus folder, with '/' separators: the note's
    /// stable name, from which its id is derived.
    std::string relative;
    /// Size and modification time when the folder was walked.
    FileStamp stamp;

    /// The note's id, note_id(relative).
    std::string id() const;
    /// The file's path as the walk of `root` found it.
    std::filesystem::path path_in(const std::filesystem::path& root) const;
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
    /// Folders and files that exist but could not be read (relative paths;
    /// "." when the walk stopped early): what the index holds of them stays
    /// as it is, since only a file that is gone leaves the index.
    std::vector<std::string> unreadable;

    /// True when `relative` is, or lies under, an unreadable entry.
    bool is_unreadable(std::string_view relative) const;
};

struct WalkOptions {
    /// Read symbolic links whose target lies outside the corpus folder.
    bool follow_outside = false;
};

/// Walks `root` recursively. Hidden entries, README files and other
/// extensions are left out; symbolic links to folders are not followed, so a
/// link loop cannot trap the walk, nor are links to files outside the corpus
/// unless asked. Names that are not valid UTF-8 are skipped: a note's path
/// is stored as UTF-8 text. Throws CorpusError when `root` is not a
/// readable folder.
CorpusListing list_corpus(const std::filesystem::path& root, const WalkOptions& options = {});

/// A file name as text: bytes that are not valid UTF-8 become "\xFF".
std::string escaped_file_name(std::string_view name);

/// True when `name` is valid UTF-8.
bool is_valid_utf8(std::string_view name);

}  // namespace infonote

#endif
