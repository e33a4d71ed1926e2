#include "corpus_reader.h"

#include <algorithm>

#include "note_reader.h"

namespace infonote {

namespace fs = std::filesystem;

CorpusListing list_corpus(const fs::path& root)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw CorpusError(root.string() + ": not a folder" + (ec ? " (" + ec.message() + ")" : ""));
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
    if (ec) throw CorpusError(root.string() + ": cannot list folder: " + ec.message());

    // Every path the walk yields starts with the root's; slicing it off is
    // much cheaper than lexically_relative on a large corpus.
    const std::string root_text = root.string();
    const std::size_t prefix = root_text.size() + (root_text.back() == '/' ? 0 : 1);
    CorpusListing listing;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            // The iterator cannot go on after a failed step; what was found
            // so far is still indexed.
            listing.skipped.push_back({".", "folder walk stopped: " + ec.message()});
            break;
        }
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        std::string relative = entry.path().native().substr(prefix);
        if (!name.empty() && name[0] == '.') {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_symlink(ec) && entry.is_directory(ec)) {
            listing.skipped.push_back({relative, "symbolic link to a folder, not followed"});
            continue;
        }
        if (entry.is_directory(ec)) {
            // Opening it now reports an unreadable folder as a skip, not a
            // failure of the whole walk.
            fs::directory_iterator probe(entry.path(), ec);
            if (ec) {
                listing.skipped.push_back({relative, "cannot list folder: " + ec.message()});
                it.disable_recursion_pending();
                ec.clear();
            }
            continue;
        }
        if (!is_note_file(entry.path())) continue;
        if (!entry.is_regular_file(ec)) {
            listing.skipped.push_back({relative, ec ? ec.message() : "not a regular file"});
            ec.clear();
            continue;
        }
        std::optional<FileStamp> stamp = stat_file(entry.path());
        if (!stamp) {
            listing.skipped.push_back({relative, "cannot stat file"});
            continue;
        }
        listing.files.push_back({entry.path(), relative, *stamp});
    }
    std::sort(listing.files.begin(), listing.files.end(),
              [](const CorpusFile& a, const CorpusFile& b) { return a.relative < b.relative; });
    return listing;
}

}  // namespace infonote
