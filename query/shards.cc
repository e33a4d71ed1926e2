#include "shards.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>

#include "searcher.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStubName = "XAPIANDB";

// Stubs naming stubs deeper than this are taken to loop.
constexpr int kMaxStubDepth = 8;

constexpr const char* kBlanks = " \t\r\f\v";

std::string_view trimmed(std::string_view s)
{
    std::size_t begin = s.find_first_not_of(kBlanks);
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(kBlanks) - begin + 1);
}

// A stub is a few lines long: read whole with C stdio, which spares every
// search the set-up of a C++ stream and its locale.
std::optional<std::string> file_text(const fs::path& path)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f) return std::nullopt;
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0;)
        text.append(buffer, n);
    if (std::ferror(f.get())) return std::nullopt;
    return text;
}

void resolve_into(const fs::path& db, const std::string& listed_at, int depth,
                  std::vector<ShardSpec>& out);

void read_stub(const fs::path& stub, int depth, std::vector<ShardSpec>& out)
{
    if (depth > kMaxStubDepth)
        throw DatabaseError(stub.string() + ": stubs nested too deep (a loop?)");
    std::optional<std::string> text = file_text(stub);
    if (!text) throw DatabaseError(stub.string() + ": cannot read stub");
    std::string_view rest = *text;
    for (int number = 1; !rest.empty(); ++number) {
        std::string_view line = rest.substr(0, rest.find('\n'));
        rest.remove_prefix(std::min(rest.size(), line.size() + 1));
        std::string_view words = trimmed(line);
        std::size_t gap = std::min(words.find_first_of(kBlanks), words.size());
        std::string kind(words.substr(0, gap));
        std::string target(trimmed(words.substr(gap)));
        if (kind.empty() || kind[0] == '#') continue;
        std::string at = stub.string() + ":" + std::to_string(number);
        if (target.empty()) throw DatabaseError(at + ": '" + kind + "' names no database");
        if (kind == "auto" || kind == "glass") {
            fs::path path =
                fs::path(target).is_absolute() ? fs::path(target) : stub.parent_path() / target;
            resolve_into(path, at, depth + 1, out);
        } else if (kind == "remote") {
            std::size_t colon = target.rfind(':');
            ShardSpec s;
            s.name = target;
            s.listed_at = at;
            s.remote = true;
            if (colon == std::string::npos || colon == 0 || target[0] == ':')
                throw DatabaseError(at +
                                    ": infonote reaches remote shards over TCP, "
                                    "'remote HOST:PORT'; not '" +
                                    target + "'");
            s.host = target.substr(0, colon);
            try {
                unsigned long port = std::stoul(target.substr(colon + 1));
                if (port == 0 || port > 65535) throw std::out_of_range("port");
                s.port = static_cast<unsigned>(port);
            } catch (const std::exception&) {
                throw DatabaseError(at + ": '" + target + "' has no valid port");
            }
            out.push_back(std::move(s));
        } else {
            throw DatabaseError(at + ": unknown stub line '" + kind +
                                "' (infonote reads auto, glass and remote)");
        }
    }
}

void resolve_into(const fs::path& db, const std::string& listed_at, int depth,
                  std::vector<ShardSpec>& out)
{
    std::error_code ec;
    if (fs::is_regular_file(db, ec)) return read_stub(db, depth, out);
    if (fs::is_directory(db, ec) && fs::exists(db / kStubName, ec))
        return read_stub(db / kStubName, depth, out);
    ShardSpec s;
    s.name = db.string();
    s.listed_at = listed_at;
    s.path = db;
    out.push_back(std::move(s));
}

}  // namespace

std::string ShardSpec::describe() const
{
    return "shard " + name + (listed_at.empty() ? "" : " (" + listed_at + ")");
}

std::vector<ShardSpec> resolve_shards(const fs::path& db)
{
    std::vector<ShardSpec> out;
    resolve_into(db, "", 0, out);
    return out;
}

Xapian::Database open_shard(const ShardSpec& shard, unsigned timeout_ms)
{
    if (shard.remote) return Xapian::Remote::open(shard.host, shard.port, timeout_ms, timeout_ms);
    return Xapian::Database(shard.path.string());
}

}  // namespace infonote
