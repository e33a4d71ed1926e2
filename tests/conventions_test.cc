// What a user of an installed tool expects of both programs: command-line
// errors in our words (exact text), --version, and the default database
// named by --db, $INFONOTE_DB or a configuration file, in that order.
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "config_file.h"
#include "terminal_text.h"
#include "process_helpers.h"

namespace {

using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::TempDir;

// A file and the folders above it.
void write_file(const std::filesystem::path& path, const std::string& bytes)
{
    std::filesystem::create_directories(path.parent_path());
    infonote::test::write_file(path, bytes);
}

namespace fs = std::filesystem;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kSource = INFONOTE_SOURCE_DIR;

// The environment a test runs a program in: no database named anywhere
// but where the test says, HOME and XDG_CONFIG_HOME under `home`.
struct Environment {
    fs::path home;
    std::string infonote_db;
    std::string xdg_config_home;
};

Outcome run_in(const Environment& env, const std::vector<std::string>& argv)
{
    return infonote::test::run(argv, [&env] {
        unsetenv("INFONOTE_DB");
        unsetenv("XDG_CONFIG_HOME");
        setenv("HOME", env.home.c_str(), 1);
        if (!env.infonote_db.empty()) setenv("INFONOTE_DB", env.infonote_db.c_str(), 1);
        if (!env.xdg_config_home.empty())
            setenv("XDG_CONFIG_HOME", env.xdg_config_home.c_str(), 1);
    });
}

class ConventionsTest : public ::testing::Test {
  protected:
    TempDir dir_;
    Environment env_{dir_.path() / "home", "", ""};

    Outcome query(const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{kQueryBin};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_in(env_, argv);
    }
    Outcome index(const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{kIndexBin};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_in(env_, argv);
    }
};

struct Case {
    std::vector<std::string> args;
    std::string message;
    std::string help;  // what "Try '... --help'" names
};

void expect_usage(const Outcome& r, const std::string& program, const Case& c)
{
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, program + ": error: " + c.message + "\nTry '" + c.help +
                         " --help' for more information.\n");
}

TEST_F(ConventionsTest, QueryCommandLineErrorsAreInOurWords)
{
    const std::string kCommands =
        "the commands are: search, attended, show, countries, stats, profile, coattend, coverage, "
        "timeline, serve";
    const std::vector<Case> cases{
        {{}, "no command given; " + kCommands, "infonote-query"},
        {{"serch", "export"}, "unknown command 'serch' (did you mean 'search'?); " + kCommands,
         "infonote-query"},
        {{"frobnicate"}, "unknown command 'frobnicate'; " + kCommands, "infonote-query"},
        {{"search", "--format", "3"}, "--format: must be text, json, jsonl, csv or xlsx, not '3'",
         "infonote-query search"},
        {{"search", "--format", "xml", "--db", "x"},
         "--format: must be text, json, jsonl, csv or xlsx, not 'xml'", "infonote-query search"},
        {{"show", "n", "--format", "csv"}, "--format: must be text, json or jsonl, not 'csv'",
         "infonote-query show"},
        {{"search", "--limit", "0"},
         "--limit: takes a whole number from 1 to 4294967295, not '0'", "infonote-query search"},
        {{"stats", "--top", "ten"}, "--top: takes a whole number from 0 to 4294967295, not 'ten'",
         "infonote-query stats"},
        {{"search", "--sort", "size"}, "--sort: must be relevance or date, not 'size'",
         "infonote-query search"},
        {{"timeline", "--by", "week"}, "--by: must be year or month, not 'week'",
         "infonote-query timeline"},
        {{"search", "--timeout", "0"},
         "--timeout: takes a number of seconds greater than 0 and at most 1000000, not '0'",
         "infonote-query search"},
        // Milliseconds of a longer timeout would not fit the remote backend's.
        {{"search", "--timeout", "5e6"},
         "--timeout: takes a number of seconds greater than 0 and at most 1000000, not '5e6'",
         "infonote-query search"},
        // An unknown option is told before a missing database.
        {{"search", "--bogus"}, "unknown option '--bogus'", "infonote-query search"},
        {{"countries", "--limt=3"}, "unknown option '--limt'", "infonote-query countries"},
        {{"search", "--db"}, "--db needs a value", "infonote-query search"},
        {{"attended"}, "missing COUNTRY", "infonote-query attended"},
        {{"show", "a", "b"}, "unexpected argument 'b'", "infonote-query show"},
        {{"search", "--all=maybe"}, "--all cannot be 'maybe'", "infonote-query search"},
        {{"search", "--limit", "\x1b[31m"}, "--limit: takes a whole number from 1 to 4294967295, not '\\x1b[31m'",
         "infonote-query search"},
    };
    for (const Case& c : cases) {
        std::string line;
        for (const std::string& a : c.args) line += a + " ";
        SCOPED_TRACE(line);
        expect_usage(query(c.args), "infonote-query", c);
    }
}

TEST_F(ConventionsTest, IndexCommandLineErrorsAreInOurWords)
{
    const std::string kCommands = "the commands are: build, update, status, rollback, parse";
    const std::vector<Case> cases{
        {{}, "no command given; " + kCommands, "infonote-index"},
        {{"biuld", "corpus"}, "unknown command 'biuld' (did you mean 'build'?); " + kCommands,
         "infonote-index"},
        {{"--log-file", "build", "statuss"},
         "unknown command 'statuss' (did you mean 'status'?); " + kCommands, "infonote-index"},
        {{"build"}, "missing CORPUS", "infonote-index build"},
        {{"build", "c", "--db", "d", "--jobs", "0"},
         "--jobs: takes a whole number from 1 to 256, not '0'", "infonote-index build"},
        {{"update", "c", "--wait", "-1"}, "--wait: takes a number of seconds from 0, not '-1'",
         "infonote-index update"},
        {{"status", "--format", "csv"}, "--format: must be text or json, not 'csv'",
         "infonote-index status"},
        {{"status", "--bogus"}, "unknown option '--bogus'", "infonote-index status"},
        {{"parse", "/nonexistent/note.txt"}, "FILES: no such file: '/nonexistent/note.txt'",
         "infonote-index parse"},
    };
    for (const Case& c : cases) {
        std::string line;
        for (const std::string& a : c.args) line += a + " ";
        SCOPED_TRACE(line);
        expect_usage(index(c.args), "infonote-index", c);
    }
}

TEST_F(ConventionsTest, VersionNamesTheProgramAndXapian)
{
    const std::string tail = std::string(" ") + INFONOTE_VERSION + " (Xapian " +
                             Xapian::version_string() + ")\n";
    Outcome q = query({"--version"});
    EXPECT_EQ(q.status, 0) << describe(q);
    EXPECT_EQ(q.out, "infonote-query" + tail);
    Outcome i = index({"--version"});
    EXPECT_EQ(i.status, 0) << describe(i);
    EXPECT_EQ(i.out, "infonote-index" + tail);
}

TEST_F(ConventionsTest, NoDatabaseNamedAnywhereIsOneUsageError)
{
    const std::string message = "no database named: give --db PATH, set INFONOTE_DB, or write "
                                "'db = PATH' in " +
                                (env_.home / ".config/infonote/config").string() +
                                " or /etc/infonote/config";
    if (fs::exists("/etc/infonote/config")) GTEST_SKIP() << "this machine has a system config";
    expect_usage(query({"stats"}), "infonote-query", {{}, message, "infonote-query stats"});
    expect_usage(index({"status"}), "infonote-index", {{}, message, "infonote-index status"});
}

// Two indexes told apart by their number of notes; each source in turn.
TEST_F(ConventionsTest, DefaultDatabaseComesFromFlagThenEnvironmentThenConfigFile)
{
    fs::path one = dir_.path() / "one", two = dir_.path() / "two";
    for (const auto& [corpus, files] :
         std::vector<std::pair<fs::path, std::vector<std::string>>>{
             {one, {"astana-2014-central-asia-workshop.txt"}},
             {two,
              {"astana-2014-central-asia-workshop.txt", "samoa-2009-pacific-islands-workshop.txt"}}}) {
        fs::create_directories(corpus);
        for (const std::string& f : files) fs::copy_file(kSource / "corpus" / f, corpus / f);
        Outcome b = index({"build", corpus.string(), "--db", (corpus / "db").string(),
                           "--no-progress"});
        ASSERT_EQ(b.status, 0) << describe(b);
    }
    auto notes = [this](std::vector<std::string> args) {
        args.insert(args.begin(), "stats");
        args.push_back("--format");
        args.push_back("json");
        Outcome r = query(args);
        EXPECT_EQ(r.status, 0) << describe(r);
        nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
        return j.is_object() ? j.value("notes", -1) : -1;
    };
    // The user's file, under ~/.config, with a path relative to it.
    write_file(env_.home / ".config/infonote/config",
               "# infonote\n\ndb = ../../../one/db\n");
    EXPECT_EQ(notes({}), 1);
    // $XDG_CONFIG_HOME replaces ~/.config.
    fs::path xdg = dir_.path() / "xdg";
    write_file(xdg / "infonote/config", "  db=" + (two / "db").string() + "  \n");
    env_.xdg_config_home = xdg.string();
    EXPECT_EQ(notes({}), 2);
    // $INFONOTE_DB before any file.
    env_.infonote_db = (one / "db").string();
    EXPECT_EQ(notes({}), 1);
    // --db before everything.
    EXPECT_EQ(notes({"--db", (two / "db").string()}), 2);
    // infonote-index reads the same.
    Outcome status = index({"status", "--format", "json"});
    EXPECT_EQ(status.status, 0) << describe(status);
    EXPECT_NE(status.out.find("\"" + (one / "db").string() + "\""), std::string::npos) << status.out;
    // A malformed file is an error naming its line.
    env_.infonote_db.clear();
    write_file(xdg / "infonote/config", "db = x\ndatabase = y\n");
    Outcome bad = query({"stats"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err, "infonote-query: error: " + (xdg / "infonote/config").string() +
                           ":2: unknown key 'database' (the only key is db)\n");
}

TEST_F(ConventionsTest, ColorFlagSaysWhenMatchedWordsAreColoured)
{
    fs::path corpus = dir_.path() / "corpus", db = dir_.path() / "db";
    fs::create_directories(corpus);
    fs::copy_file(kSource / "corpus/astana-2014-central-asia-workshop.txt",
                  corpus / "astana.txt");
    ASSERT_EQ(index({"build", corpus.string(), "--db", db.string(), "--no-progress"}).status, 0);
    const std::string mark = "\x1b[1;31m";
    Outcome always = query({"search", "workshop", "--db", db.string(), "--color", "always"});
    EXPECT_EQ(always.status, 0) << describe(always);
    EXPECT_NE(always.out.find(mark), std::string::npos) << always.out;
    for (const char* when : {"never", "auto"}) {
        Outcome r = query({"search", "workshop", "--db", db.string(), "--color", when});
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_EQ(r.out.find(mark), std::string::npos) << when;
    }
    expect_usage(query({"search", "--color", "sometimes"}), "infonote-query",
                 {{}, "--color: must be auto, always or never, not 'sometimes'",
                  "infonote-query search"});
}

// `show` as a page: at 50 columns every line fits (a single word wider than
// that excepted), and the note's text keeps every word in order.
TEST_F(ConventionsTest, ShowWrapsFieldsAndTextToTheTerminalWidth)
{
    fs::path corpus = dir_.path() / "corpus", db = dir_.path() / "db";
    fs::create_directories(corpus);
    const fs::path note = kSource / "corpus/astana-2014-central-asia-workshop.txt";
    fs::copy_file(note, corpus / "astana.txt");
    ASSERT_EQ(index({"build", corpus.string(), "--db", db.string(), "--no-progress"}).status, 0);
    Outcome r = infonote::test::run({kQueryBin, "show", "astana.txt", "--db", db.string()},
                                    [] { setenv("COLUMNS", "50", 1); });
    ASSERT_EQ(r.status, 0) << describe(r);
    std::istringstream lines(r.out);
    std::string line, text_words;
    bool in_text = false;
    while (std::getline(lines, line)) {
        std::string_view rest(line);
        rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(' ')));
        if (rest.find(' ') != std::string_view::npos) {
            EXPECT_LE(infonote::display_width(line), 50u) << line;
        }
        if (in_text) text_words += line + " ";
        if (line.empty()) in_text = true;
    }
    auto words = [](const std::string& text) {
        std::istringstream in(text);
        std::vector<std::string> out;
        for (std::string w; in >> w;) out.push_back(w);
        return out;
    };
    EXPECT_EQ(words(text_words), words(infonote::test::read_file(note)));
}

// A program copied out of the build tree (as installed) no longer reads the
// source tree's data, unless $INFONOTE_DATA_DIR names it.
TEST_F(ConventionsTest, OnlyAProgramOfTheBuildTreeReadsTheSourceData)
{
    fs::path copy = dir_.path() / "infonote-query";
    fs::copy_file(kQueryBin, copy);
    fs::permissions(copy, fs::perms::owner_all);
    Outcome built = query({"__complete", "countries"});
    EXPECT_EQ(built.status, 0) << describe(built);
    EXPECT_NE(built.out.find("\nKazakhstan\n"), std::string::npos);
    Outcome installed = run_in(env_, {copy.string(), "__complete", "countries"});
    if (!fs::exists(INFONOTE_INSTALL_DATA_DIR)) {
        EXPECT_NE(installed.status, 0) << describe(installed);
        EXPECT_NE(installed.err.find(INFONOTE_INSTALL_DATA_DIR), std::string::npos)
            << installed.err;
    }
    Outcome told = infonote::test::run({copy.string(), "__complete", "countries"}, [] {
        setenv("INFONOTE_DATA_DIR", (kSource / "data").c_str(), 1);
    });
    EXPECT_EQ(told.status, 0) << describe(told);
    EXPECT_EQ(told.out, built.out);
}

TEST(ConfigFile, SourcesAreAskedInOrderAndMissingFilesPassedOver)
{
    TempDir dir;
    infonote::DatabaseSources s{"", dir.path() / "user", dir.path() / "system"};
    EXPECT_FALSE(infonote::default_database(s));
    write_file(s.system_config, "db = /srv/infonote/db\n");
    auto found = infonote::default_database(s);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path, "/srv/infonote/db");
    EXPECT_EQ(found->source, s.system_config.string());
    // A user file without db leaves the system's.
    write_file(s.user_config, "# nothing yet\n");
    EXPECT_EQ(infonote::default_database(s)->path, "/srv/infonote/db");
    write_file(s.user_config, "db = /home/u/db\n");
    EXPECT_EQ(infonote::default_database(s)->path, "/home/u/db");
    s.environment = "/tmp/env-db";
    EXPECT_EQ(infonote::default_database(s)->path, "/tmp/env-db");
    EXPECT_EQ(infonote::default_database(s)->source, "$INFONOTE_DB");
}

TEST(ConfigFile, LinesAreKeyEqualsValue)
{
    EXPECT_EQ(infonote::parse_config("db = rel/db\n", "/etc/infonote/config").db,
              fs::path("/etc/infonote/rel/db"));
    EXPECT_FALSE(infonote::parse_config("\n# db = x\n", "/c").db);
    try {
        infonote::parse_config("db /x\n", "/c");
        ADD_FAILURE() << "no error";
    } catch (const infonote::ConfigError& e) {
        EXPECT_STREQ(e.what(), "/c:1: expected 'key = value', not 'db /x'");
    }
    EXPECT_THROW(infonote::parse_config("db =\n", "/c"), infonote::ConfigError);
}

}  // namespace
