// Xapian's stub files, the one place that reads and writes them: a stub
// lists databases one a line ("auto PATH", "glass PATH", "remote
// HOST:PORT"), and a folder holding one named XAPIANDB is opened as the
// databases it lists. infonote writes two: the database folder's, naming
// the live build, and a sharded build's, naming its shards.
#ifndef INFONOTE_INDEX_FORMAT_STUB_H
#define INFONOTE_INDEX_FORMAT_STUB_H

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infonote {

/// The stub's name inside a folder, where Xapian looks for it.
inline constexpr std::string_view kStubName = "XAPIANDB";

/// One line of a stub that says something: its kind ("auto", "remote",
/// or "#..." for a comment) and what it names, both without the blanks
/// around them.
struct StubLine {
    /// 1-based, counting every line of the file.
    int number = 0;
    std::string kind;
    std::string target;
};

/// Every line of `text` that is not blank, in order.
std::vector<StubLine> parse_stub(std::string_view text);

/// A stub listing `targets`, one "auto TARGET" line each.
std::string stub_text(const std::vector<std::string>& targets);

/// The stub at `path` read whole; nullopt when it cannot be read.
std::optional<std::string> read_stub_file(const std::filesystem::path& path);

/// Writes a stub listing `targets` at `path` and forces it to disk. Throws
/// IndexError when it cannot.
void write_stub(const std::filesystem::path& path, const std::vector<std::string>& targets);

/// True when `target` names an entry of the stub's own folder: no '/', not
/// "." or "..". infonote follows its own stubs only that far, so that a
/// stub edited to lead elsewhere cannot send a writer or a cleanup there.
bool names_entry_inside(std::string_view target);

}  // namespace infonote

#endif
