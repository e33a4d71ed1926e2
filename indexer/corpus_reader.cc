#include "corpus_reader.h"

#include <fts.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>
#include <set>

#include <unicode/utf8.h>

#include "note.h"
#include "note_reader.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

// fts(3) closed however the walk ends.
struct FtsCloser {
    void operator()(FTS* fts) const { fts_close(fts); }
};

// The real path of `path`, empty when it has none.
std::string real_path(const char* path)
{
    std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path, nullptr), &std::free);
    return resolved ? std::string(resolved.get()) : std::string();
}

bool is_inside(const std::string& path, const std::string& folder)
{
    if (folder == "/") return true;
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           path[folder.size()] == '/';
}

}  // namespace

bool is_valid_utf8(std::string_view name)
{
    const char* s = name.data();
    const auto length = static_cast<std::int32_t>(name.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string escaped_file_name(std::string_view name)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    const char* s = name.data();
    const auto length = static_cast<std::int32_t>(name.size());
    std::string out;
    out.reserve(name.size());
    for (std::int32_t i = 0; i < length;) {
        std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0) {
            out.append(s + start, static_cast<std::size_t>(i - start));
            continue;
        }
        for (std::int32_t k = start; k < i; ++k) {
            auto byte = static_cast<unsigned char>(s[k]);
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::string CorpusFile::id() const
{
    return note_id(relative);
}

fs::path CorpusFile::path_in(const fs::path& root) const
{
    // As fts made it: the root's text, a '/' unless it ends with one, then
    // the relative path.
    std::string path = root.string();
    if (path.empty() || path.back() != '/') path += '/';
    path += relative;
    return path;
}

bool CorpusListing::is_unreadable(std::string_view relative) const
{
    for (const std::string& u : unreadable)
        if (u == "." || relative == u ||
            (relative.size() > u.size() && relative.compare(0, u.size(), u) == 0 &&
             relative[u.size()] == '/'))
            return true;
    return false;
}

CorpusListing list_corpus(const fs::path& root, const WalkOptions& options)
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
    auto relative_of = [prefix](const FTSENT* e) {
        return std::string(e->fts_path + std::min<std::size_t>(prefix, e->fts_pathlen),
                           e->fts_path + e->fts_pathlen);
    };
    CorpusListing listing;
    std::set<std::string> unsearchable;
    std::string root_real;
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
        std::string relative = relative_of(entry);
        if (!name.empty() && name[0] == '.') {
            if (entry->fts_info == FTS_D) fts_set(fts.get(), entry, FTS_SKIP);
            continue;
        }
        if (entry->fts_info == FTS_DP) continue;
        bool folder = entry->fts_info == FTS_D || entry->fts_info == FTS_DNR;
        // A note's path is stored and printed as UTF-8 text; a name that is
        // not cannot be, and is left out with what lies under it.
        if (!is_valid_utf8(name)) {
            if (entry->fts_info == FTS_D) fts_set(fts.get(), entry, FTS_SKIP);
            if (folder || is_note_file(fs::path(entry->fts_path)))
                listing.skipped.push_back(
                    {escaped_file_name(relative),
                     std::string(folder ? "folder" : "file") +
                         " name is not valid UTF-8; rename it to have it indexed"});
            continue;
        }
        if (entry->fts_info == FTS_NS) {
            int error = entry->fts_errno;
            if (error == EACCES) {
                // The folder can be listed but not searched (mode 0644, say):
                // none of its entries can be looked at, said once for all.
                std::string parent =
                    entry->fts_level > 1 ? relative_of(entry->fts_parent) : std::string(".");
                if (unsearchable.insert(parent).second) {
                    listing.skipped.push_back(
                        {parent, std::string("cannot look into folder: ") + std::strerror(error)});
                    listing.unreadable.push_back(parent);
                }
                continue;
            }
            listing.skipped.push_back(
                {relative, error == ENAMETOOLONG
                               ? "path is longer than the system allows (" +
                                     std::to_string(PATH_MAX) + " bytes); not read"
                               : std::string("cannot stat: ") + std::strerror(error)});
            listing.unreadable.push_back(relative);
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
        if (entry->fts_info == FTS_D) continue;
        if (entry->fts_info == FTS_DNR || entry->fts_info == FTS_ERR) {
            listing.skipped.push_back(
                {relative, std::string("cannot list folder: ") + std::strerror(entry->fts_errno)});
            listing.unreadable.push_back(relative);
            continue;
        }
        fs::path path(entry->fts_path);
        if (!is_note_file(path)) continue;
        if (link_error != 0) {
            listing.skipped.push_back({relative, std::strerror(link_error)});
            // A dangling link is a file that is gone; any other failure
            // leaves what the index holds of it.
            if (link_error != ENOENT) listing.unreadable.push_back(relative);
            continue;
        }
        if (link && !options.follow_outside) {
            if (root_real.empty()) root_real = real_path(root_text.c_str());
            std::string target_real = real_path(entry->fts_accpath);
            if (!is_inside(target_real, root_real)) {
                listing.skipped.push_back(
                    {relative, "symbolic link to " + escaped_file_name(target_real) +
                                   ", outside the corpus; not followed (--follow-outside reads "
                                   "it)"});
                continue;
            }
        }
        const struct stat* st = link ? &target : entry->fts_statp;
        if (!S_ISREG(st->st_mode)) {
            listing.skipped.push_back({relative, "not a regular file"});
            continue;
        }
        listing.files.push_back({std::move(relative), stamp_of(*st)});
    }
    if (stopped != 0) {
        // The walk cannot go on after a failed step; what was found so far
        // is still indexed, and what was not is kept.
        listing.skipped.push_back(
            {".", std::string("folder walk stopped: ") + std::strerror(stopped)});
        listing.unreadable.push_back(".");
    }
    // In corpus order, as the files, whatever order the folders list them in.
    std::stable_sort(listing.skipped.begin(), listing.skipped.end(),
                     [](const SkippedEntry& a, const SkippedEntry& b) {
                         return a.relative < b.relative;
                     });
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
