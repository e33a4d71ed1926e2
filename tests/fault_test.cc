// Faults and careless hands: unreadable folders and files, names that are
// not UTF-8, damaged stubs and builds, file size limits, leftovers of killed
// runs, links out of the corpus, odd report and log files. Whatever happens,
// no note is lost because it could not be read, no complete build is
// deleted before a newer one replaces it, and every problem is one clear
// message. Where permissions matter the programs run as user nobody, since
// root reads everything.
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_writer.h"
#include "index_layout.h"
#include "process_helpers.h"
#include "schema.h"

namespace {

namespace fs = std::filesystem;
using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::read_file;
using infonote::test::run;
using infonote::test::TempDir;
using infonote::test::write_file;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const fs::path kCorpus = fs::path(INFONOTE_SOURCE_DIR) / "corpus";
const std::string kHanoi = "hanoi-2017-asia-pacific-trade-controls.txt";
const std::string kAstana = "astana-2014-central-asia-workshop.txt";

constexpr int kOk = 0;
constexpr int kSomeRejected = 3;
constexpr int kFailure = 4;
constexpr int kInterrupted = 130;
constexpr uid_t kNobody = 65534;

std::string live_build(const fs::path& db)
{
    std::string stub = read_file(db / "XAPIANDB");
    return stub.rfind("auto ", 0) == 0 ? stub.substr(5, stub.find('\n') - 5) : "";
}

Xapian::doccount notes_in(const fs::path& db)
{
    return Xapian::Database(db.string()).get_doccount();
}

/// The folders in the database folder, sorted: builds, finished or not.
std::vector<std::string> folders_in(const fs::path& db)
{
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(db))
        if (entry.is_directory() && entry.path().filename() != "XAPIANDB")
            out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

/// Everything under `path` handed to nobody, when the tests run as root.
void give_to_nobody(const fs::path& path)
{
    if (geteuid() != 0) return;
    if (lchown(path.c_str(), kNobody, kNobody) != 0) return;
    if (fs::is_directory(fs::symlink_status(path)))
        for (const auto& entry : fs::recursive_directory_iterator(path))
            if (lchown(entry.path().c_str(), kNobody, kNobody) != 0) return;
}

/// Runs the child as nobody when the tests run as root.
void become_nobody()
{
    if (geteuid() == 0 && (setgid(kNobody) != 0 || setuid(kNobody) != 0)) _exit(126);
}

class FaultTest : public ::testing::Test {
  protected:
    void SetUp() override
    {
        fs::permissions(tmp_.path(), fs::perms::all);
        fs::copy(kCorpus, corpus_);
        fs::remove(corpus_ / "README.md");
        fs::remove(corpus_ / "expected.json");
    }

    Outcome index(const std::string& command, std::vector<std::string> extra = {},
                  const std::function<void()>& in_child = {})
    {
        std::vector<std::string> argv{kIndexBin, command, corpus_.string(), "--db", db_.string(),
                                      "--no-progress"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return run(argv, in_child);
    }

    /// The same, as nobody, with the corpus and database handed over.
    Outcome index_as_nobody(const std::string& command, std::vector<std::string> extra = {})
    {
        give_to_nobody(corpus_);
        if (fs::exists(db_)) give_to_nobody(db_);
        return index(command, std::move(extra), become_nobody);
    }

    Outcome admin(const std::string& command, std::vector<std::string> extra = {})
    {
        std::vector<std::string> argv{kIndexBin, command, "--db", db_.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return run(argv);
    }

    void build_ok()
    {
        Outcome r = index("build");
        ASSERT_EQ(r.status, kOk) << describe(r);
    }

    /// Two complete builds, the second live.
    void two_builds()
    {
        build_ok();
        // Build names are by the second.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        fs::remove(corpus_ / kAstana);
        build_ok();
        write_file(corpus_ / kAstana, read_file(kCorpus / kAstana));
    }

    std::string updated_line(const std::string& counts, std::size_t notes) const
    {
        return "updated " + db_.string() + ": " + counts + "; " + std::to_string(notes) +
               " notes in " + live_build(db_) + "\n";
    }

    TempDir tmp_;
    fs::path corpus_ = tmp_.path() / "corpus";
    fs::path db_ = tmp_.path() / "db";
};

// --- notes that cannot be read stay in the index ------------------------------

TEST_F(FaultTest, UpdateKeepsTheNotesOfAFolderItCannotList)
{
    fs::create_directory(corpus_ / "sub");
    write_file(corpus_ / "sub" / "a.txt", read_file(kCorpus / kHanoi));
    write_file(corpus_ / "sub" / "b.txt", read_file(kCorpus / kAstana));
    Outcome built = index_as_nobody("build");
    ASSERT_EQ(built.status, kOk) << describe(built);
    ASSERT_EQ(notes_in(db_), 11u);

    fs::permissions(corpus_ / "sub", fs::perms::none);
    Outcome r = index_as_nobody("update");
    fs::permissions(corpus_ / "sub", fs::perms::owner_all);
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, (corpus_ / "sub").string() + ": error: cannot list folder: Permission denied\n");
    EXPECT_EQ(r.out, updated_line("0 added, 0 changed, 0 touched, 9 unchanged, 0 removed, "
                                  "1 skipped",
                                  11));
    EXPECT_EQ(notes_in(db_), 11u);
}

TEST_F(FaultTest, BuildCarriesOverTheNotesOfAFolderItCannotList)
{
    fs::create_directory(corpus_ / "sub");
    write_file(corpus_ / "sub" / "a.txt", read_file(kCorpus / kHanoi));
    write_file(corpus_ / "sub" / "b.txt", read_file(kCorpus / kAstana));
    Outcome built = index_as_nobody("build");
    ASSERT_EQ(built.status, kOk) << describe(built);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));

    fs::permissions(corpus_ / "sub", fs::perms::none);
    fs::path report = tmp_.path() / "report.json";
    Outcome r = index_as_nobody("build", {"--report", report.string()});
    fs::permissions(corpus_ / "sub", fs::perms::owner_all);
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, (corpus_ / "sub").string() + ": error: cannot list folder: Permission denied\n");
    EXPECT_EQ(r.out, "indexed 9 notes (0 with warnings), skipped 1 file, kept 2 notes it could "
                     "not read; " +
                         db_.string() + " serves " + live_build(db_) + "\n");
    EXPECT_EQ(notes_in(db_), 11u);
    nlohmann::json j = nlohmann::json::parse(read_file(report));
    EXPECT_EQ(j["counts"]["kept"], 2);
    EXPECT_EQ(j["counts"]["notes"], 11);

    // And they are found as before.
    Xapian::Database db(db_.string());
    std::size_t under_sub = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        if (db.get_document(*it).get_data().find("\"sub/a.txt\"") != std::string::npos) ++under_sub;
    EXPECT_EQ(under_sub, 1u);

    // With the same spelling data as a build that could read everything.
    fs::path fresh = tmp_.path() / "fresh";
    ASSERT_EQ(run({kIndexBin, "build", corpus_.string(), "--db", fresh.string()}).status, kOk);
    auto spellings = [](const fs::path& path) {
        Xapian::Database database(path.string());
        std::vector<std::pair<std::string, Xapian::doccount>> out;
        for (auto w = database.spellings_begin(); w != database.spellings_end(); ++w)
            out.emplace_back(*w, w.get_termfreq());
        return out;
    };
    EXPECT_EQ(spellings(db_), spellings(fresh));
}

TEST_F(FaultTest, ShardedBuildCarriesOverTheNotesOfAFolderItCannotList)
{
    fs::create_directory(corpus_ / "sub");
    for (int i = 0; i < 6; ++i)
        write_file(corpus_ / "sub" / ("n" + std::to_string(i) + ".txt"),
                   read_file(kCorpus / kHanoi) + "\nNumber " + std::to_string(i) + ".\n");
    Outcome built = index_as_nobody("build", {"--shards", "3"});
    ASSERT_EQ(built.status, kOk) << describe(built);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));

    fs::permissions(corpus_ / "sub", fs::perms::none);
    Outcome r = index_as_nobody("build");
    fs::permissions(corpus_ / "sub", fs::perms::owner_all);
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_NE(r.out.find(", kept 6 notes it could not read; "), std::string::npos) << r.out;
    EXPECT_EQ(notes_in(db_), 15u);
    // Each in the shard its id sends it to, as a build of the whole corpus
    // puts it; and the next update finds all of them unchanged.
    const std::string prefix = infonote::filter_term(infonote::FieldId::Id, "");
    for (std::size_t shard = 0; shard < 3; ++shard) {
        Xapian::Database db((db_ / live_build(db_) / ("shard-" + std::to_string(shard))).string());
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
            EXPECT_EQ(infonote::shard_of((*t).substr(prefix.size()), 3), shard) << *t;
    }
    Outcome update = index_as_nobody("update");
    EXPECT_EQ(update.status, kOk) << describe(update);
    EXPECT_EQ(update.out, updated_line("0 added, 0 changed, 0 touched, 15 unchanged, 0 removed, "
                                       "0 skipped",
                                       15));
}

TEST_F(FaultTest, UpdateKeepsTheNotesOfAFolderWhoseEntriesCannotBeLookedAt)
{
    fs::create_directories(corpus_ / "sub" / "deeper");
    write_file(corpus_ / "sub" / "a.txt", read_file(kCorpus / kHanoi));
    write_file(corpus_ / "sub" / "deeper" / "b.txt", read_file(kCorpus / kAstana));
    Outcome built = index_as_nobody("build");
    ASSERT_EQ(built.status, kOk) << describe(built);

    // Readable but not searchable: the names can be listed, not looked at.
    const std::string message =
        (corpus_ / "sub").string() + ": error: cannot look into folder: Permission denied\n";
    fs::permissions(corpus_ / "sub", fs::perms::owner_read | fs::perms::group_read |
                                         fs::perms::others_read | fs::perms::owner_write);
    Outcome r = index_as_nobody("update");
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, message);
    EXPECT_EQ(r.out, updated_line("0 added, 0 changed, 0 touched, 9 unchanged, 0 removed, "
                                  "1 skipped",
                                  11));
    EXPECT_EQ(notes_in(db_), 11u);

    // A fresh build counts it too, instead of "skipped 0 files".
    fs::remove_all(db_);
    Outcome fresh = index_as_nobody("build");
    fs::permissions(corpus_ / "sub", fs::perms::owner_all);
    EXPECT_EQ(fresh.status, kSomeRejected) << describe(fresh);
    EXPECT_EQ(fresh.err, message);
    EXPECT_NE(fresh.out.find("indexed 9 notes (0 with warnings), skipped 1 file; "),
              std::string::npos)
        << fresh.out;
}

TEST_F(FaultTest, UpdateKeepsAChangedNoteItCannotRead)
{
    build_ok();
    fs::path hanoi = corpus_ / kHanoi;
    write_file(hanoi, read_file(hanoi) + "\nA follow-up meeting was proposed.\n");
    fs::permissions(hanoi, fs::perms::none);
    Outcome r = index_as_nobody("update");
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, hanoi.string() + ": error: cannot read file: Permission denied\n");
    EXPECT_EQ(r.out, updated_line("0 added, 0 changed, 0 touched, 8 unchanged, 0 removed, "
                                  "1 skipped",
                                  9));
    EXPECT_EQ(notes_in(db_), 9u);

    // Once it can be read again, the change goes in.
    fs::permissions(hanoi, fs::perms::owner_read | fs::perms::owner_write);
    Outcome later = index_as_nobody("update");
    EXPECT_EQ(later.status, kOk) << describe(later);
    EXPECT_EQ(later.out, updated_line("0 added, 1 changed, 0 touched, 8 unchanged, 0 removed, "
                                      "0 skipped",
                                      9));
}

TEST_F(FaultTest, ANoteWhoseFileNoLongerParsesIsKeptByUpdateAndBuild)
{
    build_ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    fs::path hanoi = corpus_ / kHanoi;
    write_file(hanoi, "");
    const std::string error = hanoi.string() + ": error: empty file; skipped\n";
    Outcome update = index("update");
    EXPECT_EQ(update.status, kSomeRejected) << describe(update);
    EXPECT_EQ(update.err, error);
    EXPECT_EQ(update.out, updated_line("0 added, 0 changed, 0 touched, 8 unchanged, 0 removed, "
                                       "1 skipped",
                                       9));
    Outcome build = index("build");
    EXPECT_EQ(build.status, kSomeRejected) << describe(build);
    EXPECT_EQ(build.err, error);
    EXPECT_EQ(build.out, "indexed 8 notes (0 with warnings), skipped 1 file, kept 1 note it could "
                         "not read; " +
                             db_.string() + " serves " + live_build(db_) + "\n");
    EXPECT_EQ(notes_in(db_), 9u);
}

TEST_F(FaultTest, UpdateRemovesANoteOnlyWhenItsFileIsGone)
{
    build_ok();
    fs::remove(corpus_ / kHanoi);
    Outcome r = index("update");
    EXPECT_EQ(r.status, kOk) << describe(r);
    EXPECT_EQ(r.out, updated_line("0 added, 0 changed, 0 touched, 8 unchanged, 1 removed, "
                                  "0 skipped",
                                  8));
}

// Deeper than PATH_MAX: made and removed through folder descriptors, since
// no path reaches it.
class DeepFolder {
  public:
    explicit DeepFolder(const fs::path& parent) : parent_(parent)
    {
        const std::string name(200, 'x');
        int fd = open(parent.c_str(), O_RDONLY | O_DIRECTORY);
        std::string path = parent.string();
        while (fd >= 0 && path.size() < PATH_MAX) {
            mkdirat(fd, name.c_str(), 0755);
            int next = openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
            close(fd);
            fd = next;
            path += "/" + name;
            if (first_too_long_.empty() && path.size() >= PATH_MAX) first_too_long_ = path;
        }
        if (fd >= 0) close(fd);
        // The walk looks at the folder one level down from the last it can reach.
    }
    ~DeepFolder() { remove_at(AT_FDCWD, parent_.c_str()); }

    /// The first folder whose path is PATH_MAX bytes or more.
    const std::string& first_too_long() const { return first_too_long_; }

  private:
    static void remove_at(int at, const char* name)
    {
        int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (fd < 0) return;
        const std::string child(200, 'x');
        remove_at(fd, child.c_str());
        unlinkat(fd, child.c_str(), AT_REMOVEDIR);
        close(fd);
    }

    fs::path parent_;
    std::string first_too_long_;
};

TEST_F(FaultTest, PathPastPathMaxIsReportedAndCounted)
{
    fs::create_directory(corpus_ / "deep");
    DeepFolder deep(corpus_ / "deep");
    ASSERT_FALSE(deep.first_too_long().empty());
    Outcome r = index("build");
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, deep.first_too_long() + ": error: path is longer than the system allows (" +
                         std::to_string(PATH_MAX) + " bytes); not read\n");
    EXPECT_NE(r.out.find("indexed 9 notes (0 with warnings), skipped 1 file; "), std::string::npos)
        << r.out;
}

// --- file names that are not UTF-8 --------------------------------------------

TEST_F(FaultTest, NameThatIsNotUtf8IsSkippedAndTheRunGoesOn)
{
    write_file(corpus_ / "bad\xFF-name.txt", read_file(kCorpus / kHanoi));
    fs::create_directory(corpus_ / "folder\xC3");
    write_file(corpus_ / "folder\xC3" / "n.txt", read_file(kCorpus / kAstana));
    const std::string expected =
        (corpus_ / "bad\\xFF-name.txt").string() +
        ": error: file name is not valid UTF-8; rename it to have it indexed\n" +
        (corpus_ / "folder\\xC3").string() +
        ": error: folder name is not valid UTF-8; rename it to have it indexed\n";
    fs::path report = tmp_.path() / "report.json";
    Outcome built = index("build", {"--report", report.string()});
    EXPECT_EQ(built.status, kSomeRejected) << describe(built);
    EXPECT_EQ(built.err, expected);
    EXPECT_EQ(notes_in(db_), 9u);
    nlohmann::json j = nlohmann::json::parse(read_file(report));
    ASSERT_EQ(j["rejected"].size(), 2u);
    EXPECT_EQ(j["rejected"][0]["path"], "bad\\xFF-name.txt");

    Outcome updated = index("update");
    EXPECT_EQ(updated.status, kSomeRejected) << describe(updated);
    EXPECT_EQ(updated.err, expected);

    // parse shows the name escaped, in text and in JSON.
    fs::path bad = corpus_ / "bad\xFF-name.txt";
    Outcome parsed = run({kIndexBin, "parse", bad.string(), "--format", "json"});
    EXPECT_EQ(parsed.status, kOk) << describe(parsed);
    nlohmann::json notes = nlohmann::json::parse(parsed.out);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0]["path"], (corpus_ / "bad\\xFF-name.txt").string());
    Outcome text = run({kIndexBin, "parse", bad.string()});
    EXPECT_EQ(text.status, kOk) << describe(text);
    EXPECT_EQ(text.out.rfind((corpus_ / "bad\\xFF-name.txt").string() + "\n", 0), 0u) << text.out;
}

// --- damaged stubs and builds -------------------------------------------------

struct DamagedStub {
    const char* name;
    /// Stub content; nullptr makes the stub a folder.
    const char* content;
    const char* problem;
};

class DamagedStubTest : public FaultTest, public ::testing::WithParamInterface<DamagedStub> {
  protected:
    void damage()
    {
        fs::remove(db_ / "XAPIANDB");
        if (GetParam().content)
            write_file(db_ / "XAPIANDB", GetParam().content);
        else
            fs::create_directory(db_ / "XAPIANDB");
    }

    std::string error() const
    {
        return "infonote-index: error: " + (db_ / "XAPIANDB").string() + ": damaged stub: " +
               GetParam().problem +
               "; run infonote-index rollback to serve the newest complete build, or "
               "infonote-index build --force to build anew\n";
    }
};

TEST_P(DamagedStubTest, StopsEveryRunAndKeepsEveryBuild)
{
    two_builds();
    const std::vector<std::string> builds = folders_in(db_);
    ASSERT_EQ(builds.size(), 2u);
    damage();

    for (const char* command : {"update", "build"}) {
        SCOPED_TRACE(command);
        Outcome r = index(command);
        EXPECT_EQ(r.status, kFailure) << describe(r);
        EXPECT_EQ(r.err, error());
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(folders_in(db_), builds);
    }
    Outcome status = admin("status");
    EXPECT_EQ(status.status, kFailure) << describe(status);
    EXPECT_EQ(status.err, error());

    // rollback serves the newest complete build again.
    Outcome rollback = admin("rollback");
    EXPECT_EQ(rollback.status, kOk) << describe(rollback);
    EXPECT_EQ(rollback.out, "rolled back " + db_.string() + " to " + builds[1] +
                                " (was damaged stub: " + GetParam().problem + ")\n");
    EXPECT_EQ(live_build(db_), builds[1]);
    EXPECT_EQ(notes_in(db_), 8u);
    EXPECT_EQ(admin("status").status, kOk);
}

TEST_P(DamagedStubTest, ForcedBuildKeepsTheNewestBuildForRollback)
{
    two_builds();
    const std::vector<std::string> builds = folders_in(db_);
    damage();
    Outcome r = index("build", {"--force"});
    EXPECT_EQ(r.status, kOk) << describe(r);
    EXPECT_EQ(notes_in(db_), 9u);
    std::vector<std::string> after = folders_in(db_);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0], builds[1]);
    EXPECT_EQ(after[1], live_build(db_));
}

INSTANTIATE_TEST_SUITE_P(
    Stubs, DamagedStubTest,
    ::testing::Values(DamagedStub{"empty", "", "is empty"},
                      DamagedStub{"garbage", "\x01\x02 not a stub at all\n",
                                  "does not name a build"},
                      DamagedStub{"outside", "auto ../../etc\n",
                                  "names ../../etc, outside the database folder"},
                      DamagedStub{"unfinished", "auto build-20260101T000000Z.tmp\n",
                                  "does not name a build"},
                      DamagedStub{"folder", nullptr, "is not a regular file"}),
    [](const ::testing::TestParamInfo<DamagedStub>& p) { return std::string(p.param.name); });

TEST_F(FaultTest, StatusReportsAMissingLiveBuild)
{
    two_builds();
    const std::string live = live_build(db_);
    fs::remove_all(db_ / live);
    Outcome r = admin("status");
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_NE(r.out.find("live build:      " + live + "\n  error:         cannot be opened: "),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.err.rfind("infonote-index: error: " + (db_ / live).string() +
                              ": live build cannot be opened: ",
                          0),
              0u)
        << r.err;
    Outcome json = admin("status", {"--format", "json"});
    EXPECT_EQ(json.status, kFailure) << describe(json);
    EXPECT_TRUE(nlohmann::json::parse(json.out)["live"].contains("error")) << json.out;

    // An update then builds anew, and keeps the build that is left.
    const std::string previous = folders_in(db_).at(0);
    Outcome update = index("update");
    EXPECT_EQ(update.status, kOk) << describe(update);
    EXPECT_EQ(folders_in(db_), (std::vector<std::string>{previous, live_build(db_)}));
}

TEST_F(FaultTest, StatusReportsAMissingPreviousBuild)
{
    two_builds();
    const std::string previous = folders_in(db_).at(0);
    for (const auto& entry : fs::directory_iterator(db_ / previous)) fs::remove(entry.path());
    Outcome r = admin("status");
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_NE(r.out.find("previous build:  " + previous + " (cannot be opened: "),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.err.rfind("infonote-index: error: " + (db_ / previous).string() +
                              ": previous build cannot be opened: ",
                          0),
              0u)
        << r.err;
}

TEST_F(FaultTest, RollbackRefusesAPreviousBuildThatFailsItsCheck)
{
    two_builds();
    const std::string live = live_build(db_);
    const std::string previous = folders_in(db_).at(0);
    fs::path table = db_ / previous / "termlist.glass";
    ASSERT_TRUE(fs::exists(table));
    fs::resize_file(table, fs::file_size(table) / 2);

    Outcome r = admin("rollback");
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_EQ(r.err.rfind("infonote-index: error: " + (db_ / previous).string() +
                              ": previous build ",
                          0),
              0u)
        << r.err;
    EXPECT_NE(r.err.find("; not rolled back\n"), std::string::npos) << r.err;
    EXPECT_EQ(live_build(db_), live);
}

// --- killed runs and limits ---------------------------------------------------

TEST_F(FaultTest, FileSizeLimitIsAFullDiskNotAKill)
{
    build_ok();
    const std::string before = live_build(db_);
    // SIGXFSZ left at its default, as a shell's ulimit -f leaves it.
    Outcome r = index("build", {}, [] {
        signal(SIGXFSZ, SIG_DFL);
        rlimit limit{32 * 1024, 32 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
    });
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_EQ(r.err.rfind("infonote-index: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("(File too large)"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(live_build(db_), before);
    EXPECT_EQ(folders_in(db_), std::vector<std::string>{before});
}

// Wherever a file size limit strikes, a build fails with one line or
// succeeds. Copies of the notes (a line apart) fall into the same events,
// so the events phase rewrites most documents and its commit writes many
// value streams: Xapian writes the last chunk of each from a destructor,
// and a write that failed there used to end the run with std::terminate,
// its unfinished build left behind. The limits are fractions of the
// largest file of a complete build, so that they cross the index, events
// and compact phases' writes whatever the sizes of the day.
TEST_F(FaultTest, FileSizeLimitInAnyPhaseOfABuildIsOneErrorLine)
{
    std::vector<fs::path> samples;
    for (const auto& entry : fs::directory_iterator(kCorpus))
        if (entry.path().extension() == ".txt" || entry.path().extension() == ".md")
            if (entry.path().filename() != "README.md") samples.push_back(entry.path());
    std::sort(samples.begin(), samples.end());
    fs::create_directories(corpus_ / "copies");
    for (std::size_t i = 0; i < 300; ++i) {
        const fs::path& sample = samples[i % samples.size()];
        write_file(corpus_ / "copies" / ("copy-" + std::to_string(i) + sample.extension().string()),
                   read_file(sample) + "\nReference copy " + std::to_string(i) + ".\n");
    }
    const fs::path report = tmp_.path() / "report.json";
    const std::vector<std::string> jobs{"--jobs", "2", "--report", report.string()};
    Outcome first = index("build", jobs);
    ASSERT_EQ(first.status, kOk) << describe(first);
    const std::string before = live_build(db_);
    std::uintmax_t largest = 0;
    for (const auto& entry : fs::recursive_directory_iterator(db_ / before))
        if (entry.is_regular_file()) largest = std::max(largest, entry.file_size());
    ASSERT_GT(largest, 64u * 1024) << "too small a build to cut into phases";

    for (int percent : {30, 45, 60, 75, 90}) {
        const rlim_t bytes = largest * percent / 100 / 8192 * 8192;
        SCOPED_TRACE(std::to_string(bytes) + " bytes, " + std::to_string(percent) +
                     "% of the largest file");
        // Build names are by the second.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        fs::remove(report);
        Outcome r = index("build", jobs, [bytes] {
            signal(SIGXFSZ, SIG_DFL);
            rlimit limit{bytes, bytes};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
        ASSERT_TRUE(r.status == kFailure || r.status == kOk) << describe(r);
        if (r.status == kOk) break;  // Past every write: larger limits pass too.
        EXPECT_EQ(r.err.rfind("infonote-index: error: ", 0), 0u) << r.err;
        EXPECT_NE(r.err.find("(File too large)"), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(live_build(db_), before);
        EXPECT_EQ(folders_in(db_), std::vector<std::string>{before});
        // The run report says so too (it is small enough to fit).
        nlohmann::json j = nlohmann::json::parse(read_file(report), nullptr, false);
        EXPECT_EQ(j.is_object() ? j.value("outcome", "") : "", "failed") << read_file(report);
    }
}

TEST(XapianErrorText, FullDiskSaysDiskFull)
{
    EXPECT_EQ(infonote::xapian_error_text(Xapian::DatabaseError("Error writing block 50", ENOSPC)),
              "disk full: Error writing block 50 (No space left on device)");
    EXPECT_EQ(infonote::xapian_error_text(Xapian::DatabaseError("Error writing block 7", EFBIG)),
              "Error writing block 7 (File too large)");
    EXPECT_EQ(infonote::xapian_error_text(Xapian::DatabaseError("No such table")), "No such table");
}

TEST_F(FaultTest, LeftoversOfKilledRunsGoWithTheNextRunOfAnyKind)
{
    build_ok();
    const std::string live = live_build(db_);
    auto plant = [&] {
        fs::create_directories(db_ / "build-20200101T000000Z.tmp" / "part-0");
        write_file(db_ / "build-20200101T000000Z.tmp" / "part-0" / "junk", "x");
        fs::create_directories(db_ / "build-20200101T000000Z.compact.tmp");
    };
    for (const char* command : {"update", "status", "rollback"}) {
        SCOPED_TRACE(command);
        plant();
        if (std::string(command) == "update")
            index(command);
        else
            admin(command);
        EXPECT_EQ(folders_in(db_), std::vector<std::string>{live});
    }

    // Not while another writer holds the lock: the folders may be its own.
    plant();
    int fd = open((db_ / "infonote.lock").c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
    admin("status");
    close(fd);
    EXPECT_EQ(folders_in(db_).size(), 3u);
}

TEST_F(FaultTest, HugeWaitWaitsAndAStopSignalEndsTheWait)
{
    build_ok();
    int fd = open((db_ / "infonote.lock").c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
    pid_t pid = infonote::test::spawn(
        {kIndexBin, "update", corpus_.string(), "--db", db_.string(), "--wait", "1e10"},
        tmp_.path() / "out", tmp_.path() / "err");
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), 0) << "gave up at once: "
                                                 << read_file(tmp_.path() / "err");
    auto start = std::chrono::steady_clock::now();
    kill(pid, SIGTERM);
    int status = infonote::test::wait_for(pid);
    auto took = std::chrono::steady_clock::now() - start;
    close(fd);
    EXPECT_EQ(status, kInterrupted) << read_file(tmp_.path() / "err");
    EXPECT_LT(took, std::chrono::seconds(2));
    EXPECT_EQ(read_file(tmp_.path() / "err"), "infonote-index: interrupted; " + db_.string() +
                                                  " serves what it served before this run\n");
}

// --- links, report and log files ----------------------------------------------

TEST_F(FaultTest, LinkOutOfTheCorpusIsLeftOutUnlessAsked)
{
    fs::path outside = tmp_.path() / "outside-note.txt";
    write_file(outside, read_file(kCorpus / kHanoi));
    fs::create_symlink(outside, corpus_ / "outside.txt");
    fs::create_symlink(corpus_ / kHanoi, corpus_ / "inside.txt");
    Outcome r = index("build");
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    EXPECT_EQ(r.err, (corpus_ / "outside.txt").string() + ": error: symbolic link to " +
                         fs::canonical(outside).string() +
                         ", outside the corpus; not followed (--follow-outside reads it)\n");
    EXPECT_EQ(notes_in(db_), 10u) << "the link inside the corpus is read";

    Outcome followed = index("build", {"--follow-outside"});
    EXPECT_EQ(followed.status, kOk) << describe(followed);
    EXPECT_EQ(notes_in(db_), 11u);

    // Left out on purpose, not for want of reading: not carried over.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    Outcome again = index("build");
    EXPECT_EQ(again.status, kSomeRejected) << describe(again);
    EXPECT_EQ(again.err, r.err);
    EXPECT_EQ(notes_in(db_), 10u);
}

TEST_F(FaultTest, ReportIsNotWrittenThroughAPlantedLink)
{
    fs::path report = tmp_.path() / "report.json";
    fs::path victim = tmp_.path() / "victim";
    write_file(victim, "precious\n");
    fs::create_symlink(victim, tmp_.path() / "report.json.tmp");
    Outcome r = index("build", {"--report", report.string()});
    EXPECT_EQ(r.status, kOk) << describe(r);
    EXPECT_EQ(read_file(victim), "precious\n");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(report)));
    EXPECT_EQ(nlohmann::json::parse(read_file(report))["outcome"], "ok");
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(tmp_.path()))
        left.push_back(entry.path().filename().string());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"corpus", "db", "report.json", "report.json.tmp",
                                              "victim"}))
        << "no temporary file left";
}

TEST_F(FaultTest, ReportToAFifoIsWrittenInPlace)
{
    fs::path fifo = tmp_.path() / "report.fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
    int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    Outcome r = index("build", {"--report", fifo.string()});
    EXPECT_EQ(r.status, kOk) << describe(r);
    EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo)));
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(reader, buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    close(reader);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(nlohmann::json::parse(text)["outcome"], "ok");
}

TEST_F(FaultTest, UnwritableLogFileIsOneErrorLine)
{
    write_file(tmp_.path() / "plain-file", "x");
    fs::path log = tmp_.path() / "plain-file" / "index.log";
    Outcome r = run({kIndexBin, "--log-file", log.string(), "build", corpus_.string(), "--db",
                     db_.string()});
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_EQ(r.err, "infonote-index: error: " + log.string() +
                         ": cannot open log file: Not a directory\n");
    EXPECT_FALSE(fs::exists(db_));
}

}  // namespace
