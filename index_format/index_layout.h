// The database folder: complete builds side by side, and a Xapian stub
// naming the live one.
//
//   DB/XAPIANDB          stub, "auto build-20261126T020000Z": what readers open
//   DB/build-...Z/       the live build, and the previous one for rollback
//   DB/build-...Z.tmp/   a build in progress, never read
//   DB/infonote.lock     the writer lock
//
// Readers open DB itself; Xapian follows the stub. Switching builds replaces
// the stub with rename(2), so a reader opens either the old build or the new
// one, never a mixture, and a crash at any moment leaves a good stub.
#ifndef INFONOTE_INDEX_FORMAT_INDEX_LAYOUT_H
#define INFONOTE_INDEX_FORMAT_INDEX_LAYOUT_H

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace infonote {

class IndexLayout {
  public:
    explicit IndexLayout(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }

    /// Creates the folder when missing. Throws IndexError when it cannot, or
    /// when the folder holds something else (a bare Xapian database, say).
    void prepare() const;

    /// The build the stub names; nullopt before the first build (no stub).
    /// Throws DamagedStub when there is a stub that does not name a build
    /// inside the folder: nothing may then take it for an empty index.
    std::optional<std::string> live() const;

    /// Why the stub cannot be read; empty when it is fine or missing.
    std::string stub_problem() const;

    /// The stub's path, for messages.
    std::filesystem::path stub() const;

    /// Complete builds, oldest first.
    std::vector<std::string> builds() const;

    /// The newest complete build older than the live one.
    std::optional<std::string> previous() const;

    std::filesystem::path path_of(const std::string& build) const { return root_ / build; }

    /// A fresh build name from the current UTC time, unused in the folder.
    std::string new_build_name() const;

    /// Points the stub at `build`, atomically and durably (write, fsync,
    /// rename, fsync of the folder).
    void switch_to(const std::string& build) const;

    /// Removes every build and unfinished build folder except those named.
    /// Call only while holding the writer lock.
    void remove_all_but(const std::vector<std::string>& keep) const;

    /// Removes unfinished build folders that killed runs left behind. Call
    /// only while holding the writer lock.
    void remove_unfinished() const;

  private:
    std::filesystem::path root_;
};

/// The stub exists but does not name a build in the database folder: an
/// environment failure that says how to recover.
class DamagedStub : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Why the build at `build` cannot serve readers: it cannot be opened, its
/// documents cannot all be read, or a shard fails Xapian's consistency
/// check. Empty when it can.
std::string build_problem(const std::filesystem::path& build);

/// A sharded build is a folder holding shard-0 ... shard-N-1 and a Xapian
/// stub, XAPIANDB, listing them; Xapian opens the folder as the shards
/// together. An unsharded build is one Xapian database.
///
/// The databases of a build: its shards, or the build itself.
std::vector<std::filesystem::path> shards_of(const std::filesystem::path& build);

/// The name of shard `i` inside a sharded build.
std::string shard_name(std::size_t i);

/// Writes the stub of a sharded build in `folder`, listing `shards` shards.
void write_shard_stub(const std::filesystem::path& folder, std::size_t shards);

/// The shard of `shards` a note belongs to: a stable hash of its id, so a
/// note stays in its shard from build to build and update to update.
std::size_t shard_of(std::string_view note_id, std::size_t shards);

/// Suffix of a build folder still being written.
inline constexpr std::string_view kUnfinishedSuffix = ".tmp";

}  // namespace infonote

#endif
