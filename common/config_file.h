// The default database, for both programs: --db, else $INFONOTE_DB, else
// `db = PATH` in the user's configuration file
// ($XDG_CONFIG_HOME/infonote/config, ~/.config when unset), else in the
// system's (/etc/infonote/config).
#ifndef INFONOTE_COMMON_CONFIG_FILE_H
#define INFONOTE_COMMON_CONFIG_FILE_H

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace infonote {

/// A configuration file that cannot be read or holds a line it should
/// not; what() is "FILE:LINE: WHAT".
class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// What a configuration file says. Its format: one `key = value` a line,
/// blank lines and lines beginning with '#' ignored; the only key is `db`.
/// A path beginning with "~/" is under $HOME; a relative one, beside the
/// file.
struct Config {
    std::optional<std::filesystem::path> db;
};

/// Reads `text`, the contents of the file `path` (which only names it in
/// errors and anchors relative paths). Throws ConfigError.
Config parse_config(std::string_view text, const std::filesystem::path& path);

/// Where the default database may be named, in the order they are asked.
struct DatabaseSources {
    /// $INFONOTE_DB, or "".
    std::string environment;
    std::filesystem::path user_config;
    std::filesystem::path system_config;
};

/// The sources this process sees: its environment, $XDG_CONFIG_HOME (or
/// $HOME/.config, when unset or not absolute) and the system file.
DatabaseSources database_sources();

/// The default database and where it was named ("$INFONOTE_DB" or the
/// file's path); nothing when no source names one. A missing file is
/// passed over; an unreadable or malformed one throws ConfigError.
struct DefaultDatabase {
    std::filesystem::path path;
    std::string source;
};
std::optional<DefaultDatabase> default_database(const DatabaseSources& sources);

/// The line both programs print when no database is named at all.
std::string no_database_message(const DatabaseSources& sources);

}  // namespace infonote

#endif
