#include "config_file.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ascii.h"
#include "config.h"
#include "terminal_text.h"

namespace infonote {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

}  // namespace

Config parse_config(std::string_view text, const std::filesystem::path& path)
{
    Config config;
    std::size_t number = 0;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = trim_ascii(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::string where = path.string() + ":" + std::to_string(number) + ": ";
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos)
            throw ConfigError(where + "expected 'key = value', not '" + std::string(line) + "'");
        std::string_view key = trim_ascii(line.substr(0, eq));
        std::string_view value = trim_ascii(line.substr(eq + 1));
        if (key != "db")
            throw ConfigError(where + "unknown key '" + std::string(key) +
                              "' (the only key is db)");
        if (value.empty()) throw ConfigError(where + "db names no path");
        std::filesystem::path db;
        if (value.substr(0, 2) == "~/")
            db = std::filesystem::path(env("HOME")) / value.substr(2);
        else
            db = std::filesystem::path(value);
        if (db.is_relative()) db = path.parent_path() / db;
        config.db = db.lexically_normal();
    }
    return config;
}

DatabaseSources database_sources()
{
    DatabaseSources s;
    s.environment = env("INFONOTE_DB");
    std::filesystem::path xdg = env("XDG_CONFIG_HOME");
    // The XDG base directory specification: a relative value is ignored.
    if (xdg.empty() || xdg.is_relative()) xdg = std::filesystem::path(env("HOME")) / ".config";
    s.user_config = xdg / "infonote" / "config";
    s.system_config = kSystemConfigFile;
    return s;
}

std::optional<DefaultDatabase> default_database(const DatabaseSources& sources)
{
    if (!sources.environment.empty()) return DefaultDatabase{sources.environment, "$INFONOTE_DB"};
    for (const std::filesystem::path& file : {sources.user_config, sources.system_config}) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) continue;
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) throw ConfigError(file.string() + ": cannot be read");
        Config config = parse_config(text.str(), file);
        if (config.db) return DefaultDatabase{*config.db, file.string()};
    }
    return std::nullopt;
}

std::string no_database_message(const DatabaseSources& sources)
{
    return "no database named: give --db PATH, set INFONOTE_DB, or write 'db = PATH' in " +
           sources.user_config.string() + " or " + sources.system_config.string();
}

}  // namespace infonote
