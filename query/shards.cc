#include "shards.h"

#include <optional>

#include "searcher.h"
#include "stub.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

// Stubs naming stubs deeper than this are taken to loop.
constexpr int kMaxStubDepth = 8;

void resolve_into(const fs::path& db, const std::string& listed_at, int depth,
                  std::vector<ShardSpec>& out);

void read_stub(const fs::path& stub, int depth, std::vector<ShardSpec>& out)
{
    if (depth > kMaxStubDepth)
        throw DatabaseError(stub.string() + ": stubs nested too deep (a loop?)");
    std::optional<std::string> text = read_stub_file(stub);
    if (!text) throw DatabaseError(stub.string() + ": cannot read stub");
    for (const StubLine& line : parse_stub(*text)) {
        const std::string& kind = line.kind;
        const std::string& target = line.target;
        if (kind[0] == '#') continue;
        std::string at = stub.string() + ":" + std::to_string(line.number);
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
