// Nightly rebuilds: `update` must leave exactly what a fresh `build` would,
// builds switch atomically and can be rolled back, one writer at a time,
// and a stopped or failing run leaves the live index as it was.
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>

#include <fcntl.h>
#include <unistd.h>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "process_helpers.h"
#include "schema.h"
#include "text_normalizer.h"

namespace {

namespace fs = std::filesystem;
using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::read_file;
using infonote::test::run;
using infonote::test::TempDir;
using infonote::test::write_file;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kCorpus = fs::path(INFONOTE_SOURCE_DIR) / "corpus";

constexpr int kOk = 0;
constexpr int kFailure = 4;
constexpr int kInterrupted = 130;

/// Everything a document holds, for comparing two databases.
struct DocumentImage {
    std::string data;
    std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> terms;
    std::map<Xapian::valueno, std::string> values;

    bool operator==(const DocumentImage&) const = default;
};

/// The documents of a database (stub or folder), by unique term.
std::map<std::string, DocumentImage> image_of(const fs::path& db)
{
    Xapian::Database database(db.string());
    std::map<std::string, DocumentImage> out;
    std::string prefix = infonote::filter_term(infonote::FieldId::Id, "");
    for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix); ++t) {
        Xapian::Document doc = database.get_document(*database.postlist_begin(*t));
        DocumentImage& image = out[*t];
        image.data = doc.get_data();
        for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
            std::vector<Xapian::termpos> positions(term.positionlist_begin(),
                                                   term.positionlist_end());
            image.terms[*term] = {term.get_wdf(), positions};
        }
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
            image.values[v.get_valueno()] = *v;
    }
    return out;
}

std::string live_build(const fs::path& db)
{
    std::string stub = read_file(db / "XAPIANDB");
    return stub.rfind("auto ", 0) == 0 ? stub.substr(5, stub.find('\n') - 5) : "";
}

std::vector<std::string> unfinished_folders(const fs::path& db)
{
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(db))
        if (entry.path().extension() == ".tmp") out.push_back(entry.path().filename().string());
    return out;
}

Xapian::doccount notes_in(const fs::path& db)
{
    return Xapian::Database(db.string()).get_doccount();
}

// Docids in corpus order, spelling data and the versions: what image_of
// leaves out, and what ranking ties and "did you mean" depend on.
std::string layout_of(const fs::path& db)
{
    Xapian::Database database(db.string());
    std::string out;
    std::string prefix = infonote::filter_term(infonote::FieldId::Id, "");
    for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix); ++t)
        out += *t + " " + std::to_string(*database.postlist_begin(*t)) + "\n";
    for (auto w = database.spellings_begin(); w != database.spellings_end(); ++w)
        out += "spelling " + *w + " " + std::to_string(w.get_termfreq()) + "\n";
    for (auto key : {infonote::kSchemaVersionKey, infonote::kTextPipelineKey})
        out += std::string(key) + " " + database.get_metadata(std::string(key)) + "\n";
    return out;
}

class RebuildTest : public ::testing::Test {
  protected:
    void SetUp() override
    {
        fs::copy(kCorpus, corpus_);
        fs::remove(corpus_ / "README.md");
        fs::remove(corpus_ / "expected.json");
    }

    Outcome index(const std::string& command, std::vector<std::string> extra = {},
                  const std::function<void()>& in_child = {})
    {
        std::vector<std::string> argv{kIndexBin, command, corpus_.string(), "--db", db_.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return run(argv, in_child);
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

    // The golden notes: files in every format, some of them refused.
    void add_golden_notes()
    {
        for (const auto& entry :
             fs::directory_iterator(fs::path(INFONOTE_SOURCE_DIR) / "tests/golden"))
            if (entry.path().string().find(".expected.") == std::string::npos &&
                entry.path().filename() != "README.md")
                fs::copy(entry.path(), corpus_ / ("golden-" + entry.path().filename().string()));
    }

    // `command` into `db` on `jobs` threads, its run report beside `db`.
    Outcome index_on_threads(const std::string& command, const fs::path& db, int jobs)
    {
        return run({kIndexBin, command, corpus_.string(), "--db", db.string(), "--jobs",
                    std::to_string(jobs), "--report", db.string() + ".json"});
    }

    // Two databases hold the same documents, docids and spelling data, and
    // their runs counted and refused the same files, listed in the same order.
    static void expect_same_runs(const fs::path& one, const fs::path& other)
    {
        EXPECT_GT(notes_in(one), 60u);
        EXPECT_EQ(image_of(one), image_of(other));
        EXPECT_EQ(layout_of(one), layout_of(other));
        auto report = [](const fs::path& db) {
            nlohmann::json j = nlohmann::json::parse(read_file(db.string() + ".json"));
            return std::make_tuple(j["counts"].dump(), j["rejected"].dump());
        };
        EXPECT_EQ(report(one), report(other));
    }

    // Rewrites one metadata value of the live build, as another version of
    // the programs would have written it ("" removes it).
    void set_live_metadata(std::string_view key, const std::string& value)
    {
        Xapian::WritableDatabase live((db_ / live_build(db_)).string(), Xapian::DB_OPEN);
        live.set_metadata(std::string(key), value);
        live.commit();
    }

    TempDir tmp_;
    fs::path corpus_ = tmp_.path() / "corpus";
    fs::path db_ = tmp_.path() / "db";
};

TEST_F(RebuildTest, UpdateAfterEveryKindOfChangeEqualsAFreshBuild)
{
    build_ok();
    const std::string before = live_build(db_);

    std::string astana = read_file(corpus_ / "astana-2014-central-asia-workshop.txt");
    write_file(corpus_ / "astana-copy.txt",
               std::regex_replace(astana, std::regex("Workshop for Countries"),
                                  "Second Workshop for Countries"));
    std::string hanoi = read_file(corpus_ / "hanoi-2017-asia-pacific-trade-controls.txt");
    write_file(corpus_ / "hanoi-2017-asia-pacific-trade-controls.txt",
               hanoi + "\nA follow-up meeting was proposed for 2018.\n");
    fs::path samoa = corpus_ / "samoa-2009-pacific-islands-workshop.txt";
    fs::last_write_time(samoa, fs::last_write_time(samoa) + std::chrono::seconds(10));
    fs::rename(corpus_ / "dar-es-salaam-2010-national-roundtable.txt",
               corpus_ / "dar-es-salaam-renamed.txt");
    fs::remove(corpus_ / "amman-2023-middle-east-nuclear-security.txt");

    Outcome update = index("update");
    ASSERT_EQ(update.status, kOk) << describe(update);
    EXPECT_EQ(update.out, "updated " + db_.string() +
                              ": 2 added, 1 changed, 1 touched, 5 unchanged, 2 removed, 0 skipped; "
                              "9 notes in " +
                              before + "\n");
    EXPECT_EQ(live_build(db_), before) << "an update works in place";

    fs::path fresh = tmp_.path() / "fresh";
    Outcome build = run({kIndexBin, "build", corpus_.string(), "--db", fresh.string()});
    ASSERT_EQ(build.status, kOk) << describe(build);
    auto updated_image = image_of(db_);
    auto fresh_image = image_of(fresh);
    ASSERT_EQ(updated_image.size(), 9u);
    for (const auto& [term, doc] : fresh_image) {
        SCOPED_TRACE(term);
        ASSERT_TRUE(updated_image.count(term));
        EXPECT_EQ(updated_image.at(term).data, doc.data);
        EXPECT_TRUE(updated_image.at(term).terms == doc.terms);
        EXPECT_EQ(updated_image.at(term).values, doc.values);
    }
    EXPECT_TRUE(updated_image == fresh_image);
}

TEST_F(RebuildTest, BuildOnSeveralThreadsEqualsOneThread)
{
    // The golden notes add files in every format and some that are refused.
    add_golden_notes();
    fs::path one = tmp_.path() / "one", four = tmp_.path() / "four";
    Outcome r1 = index_on_threads("build", one, 1);
    Outcome r4 = index_on_threads("build", four, 4);
    ASSERT_EQ(r1.status, 3) << describe(r1);
    ASSERT_EQ(r4.status, 3) << describe(r4);
    expect_same_runs(one, four);
    auto lines = [](std::string text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out.push_back(line);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(lines(r1.err), lines(r4.err));

    for (std::vector<std::string> query :
         {std::vector<std::string>{"search", "export controls", "--all", "--facets",
                                   "country,org,year,type"},
          std::vector<std::string>{"attended", "Kazakhstan"},
          std::vector<std::string>{"countries"}}) {
        auto ask = [&](const fs::path& db) {
            std::vector<std::string> argv{kQueryBin, "--db", db.string()};
            argv.insert(argv.end(), query.begin(), query.end());
            argv.insert(argv.end(), {"--format", "json"});
            Outcome r = run(argv);
            EXPECT_EQ(r.status, 0) << describe(r);
            return r.out;
        };
        std::string from_one = ask(one);
        EXPECT_NE(from_one.find("\"schema_version\""), std::string::npos) << query[0];
        EXPECT_EQ(from_one, ask(four)) << query[0];
    }
}

TEST_F(RebuildTest, UpdateOnSeveralThreadsEqualsOneThread)
{
    fs::path one = tmp_.path() / "one", four = tmp_.path() / "four";
    for (const fs::path& db : {one, four}) {
        Outcome r = run({kIndexBin, "build", corpus_.string(), "--db", db.string(), "--jobs", "1"});
        ASSERT_EQ(r.status, kOk) << describe(r);
    }
    // New notes in every format, some refused and some with warnings (more
    // than one batch of them on one thread), an edited note, a touched one, a
    // removed one.
    add_golden_notes();
    fs::path hanoi = corpus_ / "hanoi-2017-asia-pacific-trade-controls.txt";
    write_file(hanoi, read_file(hanoi) + "\nA follow-up meeting was proposed for 2018.\n");
    fs::path samoa = corpus_ / "samoa-2009-pacific-islands-workshop.txt";
    fs::last_write_time(samoa, fs::last_write_time(samoa) + std::chrono::seconds(10));
    fs::remove(corpus_ / "amman-2023-middle-east-nuclear-security.txt");

    Outcome r1 = index_on_threads("update", one, 1);
    Outcome r4 = index_on_threads("update", four, 4);
    ASSERT_EQ(r1.status, 3) << describe(r1);
    ASSERT_EQ(r4.status, 3) << describe(r4);
    expect_same_runs(one, four);
    // Each file's diagnostics printed in corpus order, whatever the threads.
    EXPECT_NE(r1.err, "");
    EXPECT_EQ(r1.err, r4.err);
}

TEST_F(RebuildTest, UpdateOfAnUnchangedCorpusCommitsNothing)
{
    build_ok();
    Xapian::rev revision = Xapian::Database(db_.string()).get_revision();
    fs::path touched = corpus_ / "hanoi-2017-asia-pacific-trade-controls.txt";
    fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::seconds(5));

    Outcome first = index("update");
    ASSERT_EQ(first.status, kOk) << describe(first);
    EXPECT_NE(first.out.find(" 1 touched, 8 unchanged,"), std::string::npos) << first.out;
    Xapian::rev after_touch = Xapian::Database(db_.string()).get_revision();
    EXPECT_GT(after_touch, revision);

    // The new time was recorded: the next run reads no file and writes nothing.
    Outcome second = index("update");
    ASSERT_EQ(second.status, kOk) << describe(second);
    EXPECT_NE(second.out.find(": 0 added, 0 changed, 0 touched, 9 unchanged, 0 removed"),
              std::string::npos)
        << second.out;
    EXPECT_EQ(Xapian::Database(db_.string()).get_revision(), after_touch);
}

TEST_F(RebuildTest, UpdateWithoutAnIndexBuildsOne)
{
    Outcome r = index("update");
    ASSERT_EQ(r.status, kOk) << describe(r);
    EXPECT_EQ(r.err, "infonote-index: warning: " + db_.string() +
                         ": no index yet; building a new index\n");
    EXPECT_EQ(notes_in(db_), 9u);
}

TEST_F(RebuildTest, UpdateRebuildsWhenTheTextPipelineChanged)
{
    build_ok();
    const std::string before = live_build(db_);
    set_live_metadata(infonote::kTextPipelineKey, "0");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    Outcome r = index("update");
    ASSERT_EQ(r.status, kOk) << describe(r);
    EXPECT_NE(r.err.find(": index text pipeline 0 differs from this program's"), std::string::npos)
        << r.err;
    EXPECT_NE(live_build(db_), before);
    EXPECT_EQ(Xapian::Database(db_.string()).get_metadata(std::string(infonote::kTextPipelineKey)),
              "1");
}

TEST_F(RebuildTest, QueriesRefuseAnIndexOfAnotherSchema)
{
    build_ok();
    set_live_metadata(infonote::kSchemaVersionKey, "999");
    Outcome r = run({kQueryBin, "search", "--db", db_.string(), "Astana"});
    EXPECT_EQ(r.status, kFailure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "infonote-query: error: " + db_.string() +
                         ": index has schema version 999, this infonote-query reads version " +
                         std::to_string(infonote::kSchemaVersion) +
                         "; rebuild it with infonote-index build\n");
}

TEST_F(RebuildTest, QueriesRefuseAnIndexOfAnotherTextPipeline)
{
    build_ok();
    set_live_metadata(infonote::kTextPipelineKey, "0");
    Outcome r = run({kQueryBin, "search", "--db", db_.string(), "Astana"});
    EXPECT_EQ(r.status, kFailure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "infonote-query: error: " + db_.string() +
                         ": index was built with text pipeline 0, this infonote-query searches "
                         "with " +
                         std::to_string(infonote::kTextPipelineVersion) +
                         "; rebuild it with infonote-index build\n");
}

TEST_F(RebuildTest, QueriesRefuseADatabaseWithoutASchemaVersion)
{
    build_ok();
    set_live_metadata(infonote::kSchemaVersionKey, "");
    Outcome r = run({kQueryBin, "search", "--db", db_.string(), "Astana"});
    EXPECT_EQ(r.status, kFailure);
    EXPECT_EQ(r.err, "infonote-query: error: " + db_.string() +
                         ": not an infonote index (no schema version)\n");
}

TEST_F(RebuildTest, UpdateRebuildsWhenTheSchemaChanged)
{
    build_ok();
    const std::string before = live_build(db_);
    set_live_metadata(infonote::kSchemaVersionKey, "999");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    Outcome r = index("update");
    ASSERT_EQ(r.status, kOk) << describe(r);
    EXPECT_NE(r.err.find(": index schema 999 differs from this program's " +
                         std::to_string(infonote::kSchemaVersion) + "; building a new index\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(live_build(db_), before);
}

TEST_F(RebuildTest, SecondWriterIsRefusedOrWaits)
{
    build_ok();
    // Close-on-exec, or the programs under test would inherit the lock.
    int fd = open((db_ / "infonote.lock").c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);

    Outcome refused = index("build");
    EXPECT_EQ(refused.status, kFailure);
    EXPECT_EQ(refused.err, "infonote-index: error: " + db_.string() +
                               ": another infonote-index is writing this database; use --wait "
                               "SECONDS to wait for it\n");
    EXPECT_EQ(refused.out, "");
    Outcome gave_up = index("update", {"--wait", "0.3"});
    EXPECT_EQ(gave_up.status, kFailure);
    EXPECT_NE(gave_up.err.find("; gave up after waiting 0.3 s"), std::string::npos) << gave_up.err;
    EXPECT_EQ(admin("rollback").status, kFailure);
    EXPECT_TRUE(fs::exists(db_ / "infonote.lock")) << "the lock file is never deleted";

    std::thread release([fd] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        close(fd);
    });
    Outcome waited = index("update", {"--wait", "30"});
    release.join();
    EXPECT_EQ(waited.status, kOk) << describe(waited);
}

TEST_F(RebuildTest, BuildKeepsThePreviousBuildForRollback)
{
    build_ok();
    const std::string first = live_build(db_);
    fs::remove(corpus_ / "amman-2023-middle-east-nuclear-security.txt");
    build_ok();
    const std::string second = live_build(db_);
    ASSERT_NE(second, first);
    EXPECT_EQ(notes_in(db_), 8u);

    Outcome status = admin("status", {"--format", "json"});
    ASSERT_EQ(status.status, kOk) << describe(status);
    nlohmann::json s = nlohmann::json::parse(status.out);
    EXPECT_EQ(s["live"]["name"], second);
    EXPECT_EQ(s["live"]["notes"], 8);
    EXPECT_EQ(s["live"]["schema"], std::to_string(infonote::kSchemaVersion));
    EXPECT_EQ(s["previous"]["name"], first);
    EXPECT_EQ(s["previous"]["notes"], 9);

    Outcome rollback = admin("rollback");
    ASSERT_EQ(rollback.status, kOk) << describe(rollback);
    EXPECT_EQ(rollback.out,
              "rolled back " + db_.string() + " to " + first + " (was " + second + ")\n");
    EXPECT_EQ(live_build(db_), first);
    EXPECT_EQ(notes_in(db_), 9u);
    Outcome again = admin("rollback");
    EXPECT_EQ(again.status, kFailure) << "nothing older than the first build";

    // The next build keeps the live build as previous and drops the rest.
    build_ok();
    std::vector<std::string> builds;
    for (const auto& entry : fs::directory_iterator(db_))
        if (entry.is_directory()) builds.push_back(entry.path().filename().string());
    std::sort(builds.begin(), builds.end());
    ASSERT_EQ(builds.size(), 2u);
    EXPECT_EQ(builds[0], first);
    EXPECT_EQ(builds[1], live_build(db_));
}

TEST_F(RebuildTest, StopSignalLeavesTheLiveIndexAndNoTemporaryFolder)
{
    build_ok();
    const std::string before = live_build(db_);
    // Enough notes for the build to be caught in the middle.
    std::string note = read_file(corpus_ / "hanoi-2017-asia-pacific-trade-controls.txt");
    fs::create_directory(corpus_ / "many");
    for (int i = 0; i < 3000; ++i)
        write_file(corpus_ / "many" / ("note-" + std::to_string(i) + ".txt"), note);

    pid_t pid = infonote::test::spawn({kIndexBin, "build", corpus_.string(), "--db", db_.string()},
                                      tmp_.path() / "out", tmp_.path() / "err");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (unfinished_folders(db_).empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    kill(pid, SIGTERM);
    int status = infonote::test::wait_for(pid);

    if (status == kOk) GTEST_SKIP() << "the build finished before the signal arrived";
    EXPECT_EQ(status, kInterrupted) << read_file(tmp_.path() / "err");
    EXPECT_EQ(read_file(tmp_.path() / "err"), "infonote-index: interrupted; " + db_.string() +
                                                  " serves what it served before this run\n");
    EXPECT_EQ(live_build(db_), before);
    EXPECT_TRUE(unfinished_folders(db_).empty());
    EXPECT_EQ(notes_in(db_), 9u);
}

TEST_F(RebuildTest, FullDiskFailsWithTheLiveIndexKept)
{
    build_ok();
    const std::string before = live_build(db_);
    // A file size limit stands in for a full disk: writes fail with EFBIG.
    Outcome r = index("build", {}, [] {
        signal(SIGXFSZ, SIG_IGN);
        rlimit limit{32 * 1024, 32 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
    });
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_EQ(r.err.rfind("infonote-index: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(live_build(db_), before);
    EXPECT_TRUE(unfinished_folders(db_).empty());
    EXPECT_EQ(notes_in(db_), 9u);
}

TEST_F(RebuildTest, UnusableDatabaseFolderIsOneClearError)
{
    write_file(tmp_.path() / "plain-file", "x");
    Outcome r = run({kIndexBin, "build", corpus_.string(), "--db",
                     (tmp_.path() / "plain-file" / "db").string()});
    EXPECT_EQ(r.status, kFailure);
    EXPECT_EQ(r.err.rfind("infonote-index: error: " + (tmp_.path() / "plain-file" / "db").string() +
                              ": cannot create database folder: ",
                          0),
              0u)
        << r.err;

    Outcome status = admin("status");
    EXPECT_EQ(status.status, kFailure);
    EXPECT_EQ(status.err, "infonote-index: error: " + db_.string() +
                              ": no index built yet (run infonote-index build)\n");
}

TEST_F(RebuildTest, RunReportCountsAndRejectedFiles)
{
    write_file(corpus_ / "empty.txt", "");
    fs::path report = tmp_.path() / "report.json";
    Outcome r = index("build", {"--report", report.string()});
    EXPECT_EQ(r.status, 3) << describe(r);
    nlohmann::json j = nlohmann::json::parse(read_file(report));
    EXPECT_EQ(j["command"], "build");
    EXPECT_EQ(j["outcome"], "some_rejected");
    EXPECT_EQ(j["counts"]["files"], 10);
    EXPECT_EQ(j["counts"]["indexed"], 9);
    EXPECT_EQ(j["counts"]["skipped"], 1);
    EXPECT_EQ(j["counts"]["notes"], 9);
    ASSERT_EQ(j["rejected"].size(), 1u);
    EXPECT_EQ(j["rejected"][0]["path"], "empty.txt");
    EXPECT_EQ(j["live_build"], live_build(db_));
    for (const char* phase : {"walk", "index", "validate", "compact", "switch", "total"})
        EXPECT_TRUE(j["seconds"].contains(phase)) << phase;
}

}  // namespace
