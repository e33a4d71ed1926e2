// The shards behind a --db: one database, the builds folder infonote-index
// writes (whose stub may name a sharded build), or a Xapian stub file that
// lists local databases and remote ones served by xapian-tcpsrv.
//
// Xapian opens such a stub by itself, but then one shard that cannot be
// reached fails the whole open with a message that does not say which, and
// a remote shard waits for Xapian's default timeouts. infonote reads the
// stubs itself (the same syntax: "auto PATH", "glass PATH", "remote
// HOST:PORT"), opens each shard on its own with its own timeouts, and can
// name the shard that failed, or leave it out when asked.
#ifndef INFONOTE_QUERY_SHARDS_H
#define INFONOTE_QUERY_SHARDS_H

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace infonote {

struct ShardSpec {
    /// "127.0.0.1:8001", or the database's path.
    std::string name;
    /// Where it was listed ("cluster.stub:2"); empty for --db itself.
    std::string listed_at;
    bool remote = false;
    std::string host;
    unsigned port = 0;
    std::filesystem::path path;

    /// "shard 127.0.0.1:8001 (cluster.stub:2)".
    std::string describe() const;
};

/// The shards `db` stands for, following stubs within stubs. Throws
/// DatabaseError for a stub that cannot be read or has a line infonote
/// does not understand.
std::vector<ShardSpec> resolve_shards(const std::filesystem::path& db);

/// Opens one shard; a remote one with `timeout_ms` for connecting and for
/// each request. Throws Xapian::Error.
Xapian::Database open_shard(const ShardSpec& shard, unsigned timeout_ms);

}  // namespace infonote

#endif
