#include "index_layout.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "fnv1a.h"
#include "index_error.h"
#include "stub.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBuildPrefix = "build-";

bool is_build_name(const std::string& name)
{
    return name.rfind(kBuildPrefix, 0) == 0;
}

bool ends_with(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void sync_folder(const fs::path& folder)
{
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

std::string shard_name(std::size_t i)
{
    return "shard-" + std::to_string(i);
}

std::vector<fs::path> shards_of(const fs::path& build)
{
    std::optional<std::string> text = read_stub_file(build / kStubName);
    if (!text) return {build};
    std::vector<fs::path> out;
    // Only shards inside the build: a stub edited to lead elsewhere must not
    // send a writer there.
    for (const StubLine& line : parse_stub(*text))
        if (line.kind == "auto" && names_entry_inside(line.target)) out.push_back(build / line.target);
    return out;
}

void write_shard_stub(const fs::path& folder, std::size_t shards)
{
    std::vector<std::string> names;
    for (std::size_t i = 0; i < shards; ++i) names.push_back(shard_name(i));
    write_stub(folder / kStubName, names);
}

std::size_t shard_of(std::string_view note_id, std::size_t shards)
{
    // FNV-1a, 64 bits: fixed by its definition, so the same on every
    // machine and in every version of the standard library.
    Fnv1a hash;
    hash.add(note_id);
    return shards <= 1 ? 0 : static_cast<std::size_t>(hash.value() % shards);
}

IndexLayout::IndexLayout(fs::path root) : root_(std::move(root)) {}

void IndexLayout::prepare() const
{
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec) throw IndexError(root_.string() + ": cannot create database folder: " + ec.message());
    if (!fs::is_directory(root_, ec)) throw IndexError(root_.string() + ": not a folder");
    // A Xapian database written straight into the folder would shadow the
    // stub for readers; infonote never writes one, so someone else did.
    for (const char* marker : {"iamglass", "iamchert"})
        if (fs::exists(root_ / marker, ec))
            throw IndexError(root_.string() +
                             ": holds a plain Xapian database, not an infonote "
                             "index folder; choose another --db or remove it");
}

fs::path IndexLayout::stub() const
{
    return root_ / kStubName;
}

namespace {

// What the stub says: the build it names, or why it names none. No stub at
// all is neither.
struct StubReading {
    std::optional<std::string> build;
    std::string problem;
};

StubReading read_stub(const fs::path& stub)
{
    struct stat st {};
    if (::lstat(stub.c_str(), &st) != 0) {
        if (errno == ENOENT) return {};
        return {std::nullopt, std::string("cannot be read: ") + std::strerror(errno)};
    }
    if (!S_ISREG(st.st_mode)) return {std::nullopt, "is not a regular file"};
    std::optional<std::string> content = read_stub_file(stub);
    if (!content) return {std::nullopt, "cannot be read"};
    if (content->empty()) return {std::nullopt, "is empty"};
    std::vector<StubLine> lines = parse_stub(*content);
    if (lines.size() != 1 || lines[0].kind != "auto" ||
        lines[0].target.find_first_of(kAsciiSpaces) != std::string::npos)
        return {std::nullopt, "does not name a build"};
    const std::string& target = lines[0].target;
    // Only a name in the folder itself: the stub is the one thing readers
    // follow, and it must not lead them, or a later cleanup, elsewhere.
    if (!names_entry_inside(target))
        return {std::nullopt, "names " + target + ", outside the database folder"};
    if (!is_build_name(target) || ends_with(target, kUnfinishedSuffix))
        return {std::nullopt, "does not name a build"};
    return {target, {}};
}

}  // namespace

std::string IndexLayout::stub_problem() const
{
    return read_stub(stub()).problem;
}

std::optional<std::string> IndexLayout::live() const
{
    StubReading reading = read_stub(stub());
    if (!reading.problem.empty())
        throw DamagedStub(stub().string() + ": damaged stub: " + reading.problem +
                          "; run infonote-index rollback to serve the newest complete build, "
                          "or infonote-index build --force to build anew");
    return reading.build;
}

std::vector<std::string> IndexLayout::builds() const
{
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (is_build_name(name) && !ends_with(name, kUnfinishedSuffix) && it->is_directory(ec))
            out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> IndexLayout::previous() const
{
    std::optional<std::string> current = live();
    if (!current) return std::nullopt;
    std::optional<std::string> before;
    for (const std::string& b : builds())
        if (b < *current) before = b;
    return before;
}

std::string IndexLayout::new_build_name() const
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    std::string base = std::string(kBuildPrefix) + stamp;
    std::string name = base;
    std::error_code ec;
    // Names sort by time; a second build in the same second gets a suffix
    // that still sorts after the first.
    for (int n = 2; fs::exists(path_of(name), ec) ||
                    fs::exists(path_of(name + std::string(kUnfinishedSuffix)), ec);
         ++n)
        name = base + "-" + (n < 10 ? "0" : "") + std::to_string(n);
    return name;
}

void IndexLayout::switch_to(const std::string& build) const
{
    fs::path next = root_ / (std::string(kStubName) + ".new");
    write_stub(next, {build});
    std::error_code ec;
    // A folder where the stub belongs (rollback or build --force after
    // damage) cannot be renamed over: an empty one goes, anything else is
    // moved aside, never deleted.
    if (fs::is_directory(fs::symlink_status(stub(), ec)) && !fs::remove(stub(), ec)) {
        fs::path aside = root_ / (std::string(kStubName) + ".damaged");
        fs::rename(stub(), aside, ec);
        if (ec)
            throw IndexError(stub().string() + ": cannot move the damaged stub aside to " +
                             aside.string() + ": " + ec.message());
    }
    fs::rename(next, root_ / kStubName, ec);
    if (ec)
        throw IndexError((root_ / kStubName).string() + ": cannot replace stub: " + ec.message());
    sync_folder(root_);
}

void IndexLayout::remove_all_but(const std::vector<std::string>& keep) const
{
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (is_build_name(name) && std::find(keep.begin(), keep.end(), name) == keep.end())
            doomed.push_back(it->path());
    }
    for (const fs::path& p : doomed) {
        // Renamed first, atomically: a run killed while removing leaves a
        // folder that the next run removes, never a half-removed folder
        // that looks like a complete build.
        fs::path going = p;
        if (!ends_with(p.filename().string(), kUnfinishedSuffix)) {
            going += ".old";
            going += kUnfinishedSuffix;
            fs::rename(p, going, ec);
            if (ec) continue;
        }
        fs::remove_all(going, ec);
    }
}

void IndexLayout::remove_unfinished() const
{
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (is_build_name(name) && ends_with(name, kUnfinishedSuffix)) doomed.push_back(it->path());
    }
    for (const fs::path& p : doomed) fs::remove_all(p, ec);
}

std::string build_problem(const fs::path& build)
{
    try {
        Xapian::Database db(build.string());
        Xapian::doccount count = db.get_doccount();
        // Every document listed and its data read: a truncated table fails
        // here if the check below somehow let it through.
        Xapian::doccount listed = 0;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            db.get_document(*it).get_data();
            ++listed;
        }
        if (listed != count)
            return "holds " + std::to_string(listed) + " readable documents of " +
                   std::to_string(count);
        for (const fs::path& shard : shards_of(build)) {
            std::size_t errors = Xapian::Database::check(shard.string(), 0, nullptr);
            if (errors > 0)
                return shard.filename().string() + " fails Xapian's consistency check (" +
                       std::to_string(errors) + " errors)";
        }
    } catch (const Xapian::Error& e) {
        return "cannot be read: " + xapian_error_text(e);
    }
    return {};
}

}  // namespace infonote
