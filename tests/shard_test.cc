// Shards: `build --shards N`, local shards through the build's stub, and
// remote shards served by two xapian-tcpsrv processes on 127.0.0.1, all
// answering exactly as one database of the same notes does; a shard that
// dies or stops answering is named, or left out with --allow-partial, and
// nothing hangs.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index_layout.h"
#include "process_helpers.h"
#include "schema.h"
#include "searcher.h"

namespace {

namespace fs = std::filesystem;
using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::read_file;
using infonote::test::run;
using infonote::test::spawn;
using infonote::test::TempDir;
using infonote::test::write_file;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kSource = INFONOTE_SOURCE_DIR;

// A port nobody listens on now; the server binds it a moment later.
unsigned free_port()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(unsigned port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// One xapian-tcpsrv serving one shard on 127.0.0.1, killed when it goes.
class Server {
  public:
    Server(const fs::path& shard, const fs::path& logs)
    {
        for (int attempt = 0; attempt < 5 && pid_ < 0; ++attempt) {
            port_ = free_port();
            // Its own process group: the server forks a process per
            // connection, and a shard that dies takes those with it.
            pid_t pid =
                spawn({"/usr/bin/setsid", "/usr/bin/xapian-tcpsrv", "--port", std::to_string(port_),
                       "--interface", "127.0.0.1", "--quiet", shard.string()},
                      logs / ("tcpsrv-" + std::to_string(port_) + ".out"),
                      logs / ("tcpsrv-" + std::to_string(port_) + ".err"));
            for (int i = 0; i < 100 && !accepts(port_); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (accepts(port_)) {
                pid_ = pid;
            } else {
                ::kill(-pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
        }
    }
    ~Server() { stop(SIGKILL); }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    bool up() const { return pid_ > 0; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    void pause() const { ::kill(-pid_, SIGSTOP); }

    void stop(int signal)
    {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGCONT);
        ::kill(-pid_, signal);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

  private:
    unsigned port_ = 0;
    pid_t pid_ = -1;
};

std::string live_build(const fs::path& db)
{
    std::string stub = read_file(db / "XAPIANDB");
    return stub.substr(5, stub.find('\n') - 5);
}

class ShardTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        corpus_ = dir_->path() / "notes";
        // Generated notes give many ties in date and weight, which a
        // sharded index must break as one database does; press releases and
        // announcements make events of several documents, which land in
        // different shards and must still count once.
        Outcome g = run({"/usr/bin/python3", (kSource / "scripts/generate_notes.py").string(),
                         "--count", "400", "--seed", "3", "--reports", "0.4", "--announcements",
                         "0.2", "--out", corpus_.string(), "--quiet"});
        ASSERT_EQ(g.status, 0) << describe(g);
        fs::remove(corpus_ / "ground_truth.jsonl");
        for (const fs::directory_entry& e : fs::directory_iterator(kSource / "corpus"))
            if (e.path().extension() == ".txt")
                fs::copy_file(e.path(), corpus_ / e.path().filename());
        for (const auto& [db, extra] : std::vector<std::pair<fs::path, std::vector<std::string>>>{
                 {one(), {}}, {two(), {"--shards", "2"}}, {three(), {"--shards", "3"}}}) {
            std::vector<std::string> argv{kIndexBin, "build",     corpus_.string(),
                                          "--db",    db.string(), "--no-progress"};
            argv.insert(argv.end(), extra.begin(), extra.end());
            Outcome r = run(argv);
            ASSERT_EQ(r.status, 0) << describe(r);
        }
    }

    static void TearDownTestSuite()
    {
        delete dir_;
        dir_ = nullptr;
    }

    static fs::path one() { return dir_->path() / "one"; }
    static fs::path two() { return dir_->path() / "two"; }
    static fs::path three() { return dir_->path() / "three"; }
    static fs::path shard(const fs::path& db, int i)
    {
        return db / live_build(db) / ("shard-" + std::to_string(i));
    }

    // A stub naming remote shards, one per server.
    static fs::path remote_stub(const std::vector<const Server*>& servers, const std::string& name)
    {
        std::string text = "# two shards served by xapian-tcpsrv\n";
        for (const Server* s : servers) text += "remote " + s->address() + "\n";
        fs::path stub = dir_->path() / name;
        write_file(stub, text);
        return stub;
    }

    static Outcome ask(const fs::path& db, const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{kQueryBin};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.insert(argv.end(), {"--db", db.string()});
        return run(argv);
    }

    static inline TempDir* dir_ = nullptr;
    static inline fs::path corpus_;
};

const std::vector<std::vector<std::string>> kQueries{
    {"search", "export", "controls", "--all", "--format", "json", "--facets",
     "country,org,year,venue_country,region,type"},
    {"search", "workshop", "--sort", "relevance", "--all", "--format", "jsonl"},
    {"search", "--country", "Kazakhstan", "--format", "csv", "--all"},
    {"search", "nuclear", "--year", "2015", "--facets", "year,country", "--format", "json"},
    {"search", "security", "--reverse", "--offset", "5", "--limit", "7", "--format", "json"},
    {"attended", "KZ", "--format", "json"},
    {"attended", "United States", "--format", "csv"},
    {"countries", "--format", "json"},
    {"countries", "--region", "Africa", "--format", "csv"},
    {"timeline", "--by", "month", "--format", "json"},
    {"timeline", "--country", "KZ", "--format", "csv"},
    {"search", "--all", "--facets", "country,org,year,venue_country,region,type,kind", "--format",
     "json"},
    {"show", "note-000007.txt", "--format", "json"},
};

TEST_F(ShardTest, BuildWritesShardsAndAStubEveryNoteInItsHashedShard)
{
    fs::path build = two() / live_build(two());
    EXPECT_EQ(read_file(build / "XAPIANDB"), "auto shard-0\nauto shard-1\n");
    Xapian::Database whole(one().string());
    Xapian::doccount total = 0;
    for (int i = 0; i < 2; ++i) {
        Xapian::Database part(shard(two(), i).string());
        total += part.get_doccount();
        EXPECT_GT(part.get_doccount(), 100u);
        for (auto v = part.valuestream_begin(infonote::kNoteIdSlot);
             v != part.valuestream_end(infonote::kNoteIdSlot); ++v) {
            std::string id = (*v).substr(infonote::field(infonote::FieldId::Id).prefix.size());
            EXPECT_EQ(infonote::shard_of(id, 2), static_cast<std::size_t>(i)) << id;
        }
    }
    EXPECT_EQ(total, whole.get_doccount());
    Outcome status = run({kIndexBin, "status", "--db", two().string(), "--format", "json"});
    EXPECT_NE(status.out.find("\"shards\": 2"), std::string::npos) << status.out;
}

TEST_F(ShardTest, LocalAndRemoteShardsAnswerAsOneDatabase)
{
    Server first(shard(two(), 0), dir_->path()), second(shard(two(), 1), dir_->path());
    ASSERT_TRUE(first.up() && second.up());
    fs::path remote = remote_stub({&first, &second}, "remote.stub");
    for (const std::vector<std::string>& q : kQueries) {
        Outcome expected = ask(one(), q);
        ASSERT_TRUE(expected.status == 0 || expected.status == 1) << describe(expected);
        for (const fs::path& db : {two(), three(), remote}) {
            Outcome got = ask(db, q);
            EXPECT_EQ(got.status, expected.status) << q[0] << " " << db << describe(got);
            EXPECT_EQ(got.out, expected.out) << q[0] << " " << q[1] << " on " << db;
        }
    }
}

TEST_F(ShardTest, AShardThatIsGoneIsNamedOrLeftOut)
{
    Server first(shard(two(), 0), dir_->path()), second(shard(two(), 1), dir_->path());
    ASSERT_TRUE(first.up() && second.up());
    fs::path remote = remote_stub({&first, &second}, "gone.stub");
    second.stop(SIGKILL);

    Outcome failed = ask(remote, {"search", "export"});
    EXPECT_EQ(failed.status, 4) << describe(failed);
    EXPECT_NE(failed.err.find("shard " + second.address()), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("gone.stub:3"), std::string::npos) << failed.err;

    Outcome partial = ask(remote, {"search", "export", "--allow-partial", "--format", "json"});
    EXPECT_EQ(partial.status, 0) << describe(partial);
    EXPECT_NE(partial.err.find("warning: shard " + second.address()), std::string::npos);
    // What is left is exactly the first shard's answer.
    EXPECT_EQ(partial.out, ask(shard(two(), 0), {"search", "export", "--format", "json"}).out);
}

// In-process, so that the shard dies between opening and searching.
TEST_F(ShardTest, AShardThatDiesOrHangsMidRunFailsInTimeWithItsName)
{
    Server first(shard(two(), 0), dir_->path()), second(shard(two(), 1), dir_->path());
    ASSERT_TRUE(first.up() && second.up());
    fs::path remote = remote_stub({&first, &second}, "midrun.stub");
    infonote::SearchPlan plan;
    plan.query.query = Xapian::Query::MatchAll;

    infonote::Index strict(remote, {2000, false});
    infonote::Index lenient(remote, {2000, true});
    Xapian::doccount all = strict.search(plan).total;
    second.pause();
    auto start = std::chrono::steady_clock::now();
    try {
        strict.search(plan);
        ADD_FAILURE() << "a stopped shard went unnoticed";
    } catch (const infonote::DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("shard " + second.address()), std::string::npos)
            << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    second.stop(SIGKILL);
    Xapian::doccount rest = lenient.search(plan).total;
    EXPECT_EQ(rest, Xapian::Database(shard(two(), 0).string()).get_doccount());
    EXPECT_LT(rest, all);
}

TEST_F(ShardTest, UpdateKeepsEveryNoteInItsShard)
{
    TempDir work;
    fs::path corpus = work.path() / "notes", db = work.path() / "db";
    fs::copy(kSource / "corpus", corpus);
    fs::remove(corpus / "README.md");
    fs::remove(corpus / "expected.json");
    Outcome built = run({kIndexBin, "build", corpus.string(), "--db", db.string(), "--shards", "3",
                         "--no-progress"});
    ASSERT_EQ(built.status, 0) << describe(built);
    std::string note = read_file(corpus / "astana-2014-central-asia-workshop.txt");
    for (int i = 0; i < 6; ++i) write_file(corpus / ("added-" + std::to_string(i) + ".txt"), note);
    fs::remove(corpus / "samoa-2009-pacific-islands-workshop.txt");
    Outcome updated = run({kIndexBin, "update", corpus.string(), "--db", db.string()});
    ASSERT_EQ(updated.status, 0) << describe(updated);
    EXPECT_NE(updated.out.find("6 added"), std::string::npos) << updated.out;
    EXPECT_NE(updated.out.find("1 removed"), std::string::npos) << updated.out;

    fs::path fresh = work.path() / "fresh";
    Outcome rebuilt = run({kIndexBin, "build", corpus.string(), "--db", fresh.string(), "--shards",
                           "3", "--no-progress"});
    ASSERT_EQ(rebuilt.status, 0) << describe(rebuilt);
    for (int i = 0; i < 3; ++i) {
        Xapian::Database a(shard(db, i).string()), b(shard(fresh, i).string());
        std::set<std::string> ids_a, ids_b;
        for (auto v = a.valuestream_begin(infonote::kNoteIdSlot);
             v != a.valuestream_end(infonote::kNoteIdSlot); ++v)
            ids_a.insert(*v);
        for (auto v = b.valuestream_begin(infonote::kNoteIdSlot);
             v != b.valuestream_end(infonote::kNoteIdSlot); ++v)
            ids_b.insert(*v);
        EXPECT_EQ(ids_a, ids_b) << "shard " << i;
    }
    // Asking for another number of shards rebuilds.
    Outcome reshard =
        run({kIndexBin, "update", corpus.string(), "--db", db.string(), "--shards", "2"});
    EXPECT_EQ(reshard.status, 0) << describe(reshard);
    EXPECT_NE(reshard.err.find("index has 3 shards, --shards asks for 2"), std::string::npos)
        << reshard.err;
    EXPECT_EQ(read_file(db / live_build(db) / "XAPIANDB"), "auto shard-0\nauto shard-1\n");
}

}  // namespace
