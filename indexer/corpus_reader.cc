#include "corpus_reader.h"

#include <fts.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>

#include "note_reader.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

// fts(3) closed however the walk ends.
struct FtsCloser {
    void operator()(FTS* fts) const { fts_close(fts); }
};

}  // namespace

CorpusListing list_corpus(const fs::path& root)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw CorpusError(root.string() + ": not a folder" + (ec ? " (" + ec.message() + ")" : ""));

    // fts rather than std::filesystem's iterator: it hands over each
    // entry's lstat with its name, where the iterator builds and splits a
    // path object per file, most of a no-op update's time. FTS_PHYSICAL:
    // links are reported, not followed; FTS_COMFOLLOW: except the corpus
    // folder itself, which may well be a link.
    std::string root_text = root.string();
    char* roots[] = {root_text.data(), nullptr};
    std::unique_ptr<FTS, FtsCloser> fts(
        fts_open(roots, FTS_PHYSICAL | FTS_COMFOLLOW | FTS_NOCHDIR, nullptr));
    if (!fts) throw CorpusError(root_text + ": cannot list folder: " + std::strerror(errno));

    // Every path the walk yields starts with the root's.
    const std::size_t prefix = root_text.size() + (root_text.back() == '/' ? 0 : 1);
    CorpusListing listing;
    int stopped = 0;
    for (;;) {
        errno = 0;
        FTSENT* entry = fts_read(fts.get());
        if (!entry) {
            stopped = errno;
            break;
        }
        if (entry->fts_level == FTS_ROOTLEVEL) {
            if (entry->fts_info == FTS_DNR || entry->fts_info == FTS_ERR)
                throw CorpusError(root_text +
                                  ": cannot list folder: " + std::strerror(entry->fts_errno));
            continue;
        }
        std::string_view name(entry->fts_name, entry->fts_namelen);
        std::string relative(entry->fts_path + std::min<std::size_t>(prefix, entry->fts_pathlen),
                             entry->fts_path + entry->fts_pathlen);
        if (!name.empty() && name[0] == '.') {
            if (entry->fts_info == FTS_D) fts_set(fts.get(), entry, FTS_SKIP);
            continue;
        }
        // A link is read through to its target; one to a folder could lead
        // back up, and is not followed.
        bool link = entry->fts_info == FTS_SL || entry->fts_info == FTS_SLNONE;
        struct stat target {};
        int link_error = 0;
        if (link && ::stat(entry->fts_accpath, &target) != 0) link_error = errno;
        if (link && link_error == 0 && S_ISDIR(target.st_mode)) {
            listing.skipped.push_back({relative, "symbolic link to a folder, not followed"});
            continue;
        }
        if (entry->fts_info == FTS_D || entry->fts_info == FTS_DP) continue;
        if (entry->fts_info == FTS_DNR || entry->fts_info == FTS_ERR) {
            listing.skipped.push_back(
                {relative, std::string("cannot list folder: ") + std::strerror(entry->fts_errno)});
            continue;
        }
        fs::path path(entry->fts_path);
        if (!is_note_file(path)) continue;
        if (link_error != 0 || entry->fts_info == FTS_NS) {
            listing.skipped.push_back(
                {relative, link_error != 0 ? std::strerror(link_error) : "cannot stat file"});
            continue;
        }
        const struct stat* st = link ? &target : entry->fts_statp;
        if (!S_ISREG(st->st_mode)) {
            listing.skipped.push_back({relative, "not a regular file"});
            continue;
        }
        listing.files.push_back({std::move(path), std::move(relative), stamp_of(*st)});
    }
    if (stopped != 0)
        // The walk cannot go on after a failed step; what was found so far
        // is still indexed.
        listing.skipped.push_back(
            {".", std::string("folder walk stopped: ") + std::strerror(stopped)});
    // Sorted by index, then moved once: std::sort moving the entries
    // themselves spends most of a no-op update's time re-splitting paths.
    std::vector<std::size_t> order(listing.files.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&files = listing.files](std::size_t a, std::size_t b) {
        return files[a].relative < files[b].relative;
    });
    std::vector<CorpusFile> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order) sorted.push_back(std::move(listing.files[i]));
    listing.files = std::move(sorted);
    return listing;
}

}  // namespace infonote
