// Reading the stubs behind --db (query/shards.h): the lines Xapian's stub
// syntax allows, stubs within stubs and within builds folders, and a
// message naming the file and line for each line infonote cannot follow.
#include "shards.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "process_helpers.h"
#include "searcher.h"

namespace infonote {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

std::vector<std::string> described(const std::vector<ShardSpec>& shards)
{
    std::vector<std::string> out;
    for (const ShardSpec& s : shards) out.push_back(s.describe());
    return out;
}

std::string error_of(const fs::path& db)
{
    try {
        resolve_shards(db);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}

TEST(ShardsTest, AFolderWithoutStubIsOneLocalShard)
{
    TempDir dir;
    std::vector<ShardSpec> shards = resolve_shards(dir.path());
    ASSERT_EQ(shards.size(), 1u);
    EXPECT_FALSE(shards[0].remote);
    EXPECT_EQ(shards[0].path, dir.path());
    EXPECT_EQ(shards[0].listed_at, "");
}

TEST(ShardsTest, StubLinesWithCommentsBlanksAndCarriageReturns)
{
    TempDir dir;
    fs::path stub = dir.path() / "cluster.stub";
    write_file(stub,
               "# local and remote shards\n"
               "\n"
               "   \t\n"
               "auto  first\r\n"
               "\tglass\t" +
                   (dir.path() / "second").string() +
                   "  \n"
                   "remote 127.0.0.1:8001\n"
                   "remote   db.example.org:65535   ");
    std::vector<ShardSpec> shards = resolve_shards(stub);
    ASSERT_EQ(shards.size(), 4u);
    EXPECT_EQ(shards[0].path, dir.path() / "first");
    EXPECT_EQ(shards[0].listed_at, stub.string() + ":4");
    EXPECT_EQ(shards[1].path, dir.path() / "second");
    EXPECT_EQ(shards[1].listed_at, stub.string() + ":5");
    EXPECT_TRUE(shards[2].remote);
    EXPECT_EQ(shards[2].host, "127.0.0.1");
    EXPECT_EQ(shards[2].port, 8001u);
    EXPECT_EQ(shards[3].host, "db.example.org");
    EXPECT_EQ(shards[3].port, 65535u);
    EXPECT_EQ(shards[3].describe(), "shard db.example.org:65535 (" + stub.string() + ":7)");
}

TEST(ShardsTest, BuildsFolderStubAndNestedStubsAreFollowed)
{
    TempDir dir;
    fs::path db = dir.path() / "db";
    fs::create_directories(db / "build-1");
    write_file(db / "XAPIANDB", "auto build-1\n");
    write_file(db / "build-1" / "XAPIANDB", "auto shard-0\nauto shard-1\n");
    EXPECT_EQ(described(resolve_shards(db)),
              (std::vector<std::string>{"shard " + (db / "build-1" / "shard-0").string() + " (" +
                                            (db / "build-1" / "XAPIANDB").string() + ":1)",
                                        "shard " + (db / "build-1" / "shard-1").string() + " (" +
                                            (db / "build-1" / "XAPIANDB").string() + ":2)"}));
}

TEST(ShardsTest, LinesThatCannotBeFollowedAreNamedWithFileAndLine)
{
    TempDir dir;
    fs::path stub = dir.path() / "bad.stub";
    write_file(stub, "auto a\nauto\n");
    EXPECT_EQ(error_of(stub), stub.string() + ":2: 'auto' names no database");
    write_file(stub, "# one\nchert old\n");
    EXPECT_EQ(error_of(stub), stub.string() +
                                  ":2: unknown stub line 'chert' (infonote reads auto, glass and "
                                  "remote)");
    write_file(stub, "remote host:99999\n");
    EXPECT_EQ(error_of(stub), stub.string() + ":1: 'host:99999' has no valid port");
    write_file(stub, "remote /tmp/socket\n");
    EXPECT_NE(error_of(stub).find(":1: infonote reaches remote shards over TCP"),
              std::string::npos);
}

TEST(ShardsTest, AStubNamingItselfIsCaughtAsALoop)
{
    TempDir dir;
    fs::path stub = dir.path() / "loop.stub";
    write_file(stub, "auto loop.stub\n");
    EXPECT_EQ(error_of(stub), stub.string() + ": stubs nested too deep (a loop?)");
}

TEST(ShardsTest, AnUnreadableStubSaysSo)
{
    TempDir dir;
    fs::create_directories(dir.path() / "db" / "XAPIANDB");
    // A folder where the stub should be: it exists but cannot be read.
    EXPECT_EQ(error_of(dir.path() / "db"),
              (dir.path() / "db" / "XAPIANDB").string() + ": cannot read stub");
}

}  // namespace
}  // namespace infonote
