// End-to-end: infonote-index and infonote-query run as a user runs them, on
// a temporary index of the sample corpus. Standard output, standard error
// and the exit status are captured separately and checked.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process_helpers.h"

namespace {

using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::read_file;
using infonote::test::run;
using infonote::test::TempDir;
using infonote::test::write_file;

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kCorpus = fs::path(INFONOTE_SOURCE_DIR) / "corpus";
const std::string kAstana = "astana-2014-central-asia-workshop.txt";

// Exit statuses, as the programs' --help and README list them. Spelled out
// here rather than taken from exit_codes.h so that a change there is caught.
constexpr int kOk = 0;
constexpr int kNoMatch = 1;
constexpr int kUsage = 2;
constexpr int kSomeRejected = 3;
constexpr int kFailure = 4;
constexpr int kWriteError = 5;

// --- the corpus' ground truth ---------------------------------------------

const json& expected_notes()
{
    static const json notes = [] {
        std::ifstream in(kCorpus / "expected.json");
        return json::parse(in);
    }();
    return notes;
}

/// Files from expected.json for which `pred(entry)` holds, oldest first.
template <typename Pred>
std::vector<std::string> expected_files(Pred pred)
{
    std::vector<const json*> picked;
    for (const json& e : expected_notes())
        if (pred(e)) picked.push_back(&e);
    std::stable_sort(picked.begin(), picked.end(), [](const json* a, const json* b) {
        return (*a)["start_date"].get<std::string>() < (*b)["start_date"].get<std::string>();
    });
    std::vector<std::string> files;
    for (const json* e : picked) files.push_back((*e)["file"]);
    return files;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool contains(const json& array, const std::string& value)
{
    return std::find(array.begin(), array.end(), value) != array.end();
}

// --- the shared index -----------------------------------------------------

std::vector<std::string> hit_paths(const json& page)
{
    std::vector<std::string> paths;
    for (const json& hit : page["hits"]) paths.push_back(hit.value("path", ""));
    return paths;
}

class CliTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        db_ = dir_->path() / "db";
        build_ = new Outcome(run({kIndexBin, "build", kCorpus.string(), "--db", db_.string()}));
    }

    static void TearDownTestSuite()
    {
        delete build_;
        build_ = nullptr;
        delete dir_;
        dir_ = nullptr;
    }

    void SetUp() override { ASSERT_EQ(build_->status, kOk) << describe(*build_); }

    /// infonote-query search --db DB ARGS... --format json
    static Outcome search(const fs::path& db, std::vector<std::string> args)
    {
        std::vector<std::string> argv{kQueryBin, "search", "--db", db.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.insert(argv.end(), {"--format", "json"});
        return run(argv);
    }
    static Outcome search(std::vector<std::string> args) { return search(db_, std::move(args)); }

    /// Runs a JSON search that must succeed and returns its parsed output.
    static json search_json(std::vector<std::string> args, const fs::path& db = db_)
    {
        Outcome r = search(db, args);
        EXPECT_EQ(r.status, kOk) << describe(r);
        EXPECT_EQ(r.err, "");
        json page = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(page.is_discarded()) << r.out;
        return page;
    }

    /// The Astana hit in a page, or null.
    static json astana_hit(const json& page)
    {
        for (const json& hit : page["hits"])
            if (hit.value("path", "") == kAstana) return hit;
        return nullptr;
    }

    void expect_finds_astana(const std::vector<std::string>& args)
    {
        json page = search_json(args);
        EXPECT_GE(page.value("total", 0), 1);
        EXPECT_FALSE(astana_hit(page).is_null()) << page.dump(2);
    }

    static TempDir* dir_;
    static fs::path db_;
    static Outcome* build_;
};

TempDir* CliTest::dir_ = nullptr;
fs::path CliTest::db_;
Outcome* CliTest::build_ = nullptr;

// --- infonote-index build --------------------------------------------------

TEST_F(CliTest, BuildPrintsOneSummaryLine)
{
    std::smatch m;
    ASSERT_TRUE(std::regex_match(
        build_->out, m,
        std::regex(R"(indexed (\d+) notes \((\d+) with warnings\), skipped 0 files; )"
                   R"((.*) serves build-\d{8}T\d{6}Z\n)")))
        << build_->out;
    EXPECT_EQ(std::stoul(m[1]), expected_notes().size());
    EXPECT_EQ(m[3], db_.string());
    // The warning count is the number of files warned about on stderr.
    std::set<std::string> warned;
    std::istringstream err(build_->err);
    for (std::string line; std::getline(err, line);) {
        EXPECT_EQ(line.find(": error: "), std::string::npos) << line;
        auto at = line.find(": warning: ");
        if (at != std::string::npos) warned.insert(line.substr(0, line.find(':')));
    }
    EXPECT_EQ(std::stoul(m[2]), warned.size()) << build_->err;
}

TEST_F(CliTest, RebuildReplacesNotesInsteadOfAddingThem)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "corpus";
    fs::copy(kCorpus, corpus);
    fs::path db = tmp.path() / "db";
    const std::size_t n = expected_notes().size();

    Outcome first = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(first.status, kOk) << describe(first);
    json before = search_json({}, db);
    ASSERT_EQ(before.value("total", 0u), n);

    Outcome second = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(second.status, kOk) << describe(second);
    EXPECT_NE(second.out.find("indexed " + std::to_string(n) + " notes"), std::string::npos)
        << second.out;
    json after = search_json({}, db);
    EXPECT_EQ(after.value("total", 0u), n);
    EXPECT_EQ(after["hits"].size(), n);
    // Ids are stable across builds.
    EXPECT_EQ(astana_hit(after)["id"], astana_hit(before)["id"]);

    // A note gone from the corpus is gone from the index.
    fs::remove(corpus / kAstana);
    Outcome third = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(third.status, kOk) << describe(third);
    EXPECT_NE(third.out.find("indexed " + std::to_string(n - 1) + " notes"), std::string::npos)
        << third.out;
    json gone = search_json({}, db);
    EXPECT_EQ(gone.value("total", 0u), n - 1);
    EXPECT_TRUE(astana_hit(gone).is_null());
}

TEST_F(CliTest, BuildSkipsEmptyAndBinaryFilesButIndexesTheRest)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "corpus";
    fs::create_directory(corpus);
    fs::copy_file(kCorpus / kAstana, corpus / kAstana);
    write_file(corpus / "empty.txt", "");
    write_file(corpus / "binary.md", std::string("\x7f"
                                                 "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
                                                 18));
    fs::path db = tmp.path() / "db";

    Outcome r = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    EXPECT_EQ(r.status, kSomeRejected) << describe(r);
    // One GNU-style line per bad file, naming it; nothing about the good note.
    std::vector<std::string> lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 2u) << r.err;
    for (const char* bad : {"binary.md", "empty.txt"}) {
        SCOPED_TRACE(bad);
        std::string prefix = (corpus / bad).string() + ": error: ";
        EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                                [&](const std::string& l) {
                                    return l.rfind(prefix, 0) == 0 && l.size() > prefix.size();
                                }),
                  1)
            << r.err;
    }
    EXPECT_TRUE(std::regex_match(
        r.out,
        std::regex(R"(indexed 1 note \(0 with warnings\), skipped 2 files; .* serves build-.*\n)")))
        << r.out;

    json page = search_json({"Astana"}, db);
    EXPECT_EQ(page.value("total", 0), 1);
    EXPECT_FALSE(astana_hit(page).is_null());
}

// "R&D" and "<" in a note: the index cuts words at '&' as ICU does, the
// query is cut the same way, and the snippet shows the characters as
// written (Xapian's snippets escape them for HTML).
TEST_F(CliTest, AmpersandWordsAreFoundAndSnippetsKeepTheText)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "corpus";
    fs::create_directory(corpus);
    std::string note = read_file(kCorpus / kAstana);
    std::size_t body = note.find("\n\n");
    ASSERT_NE(body, std::string::npos);
    note.insert(body + 2, "The R&D unit met the Q&A panel <online> on licensing & export.\n\n");
    write_file(corpus / kAstana, note);
    fs::path db = tmp.path() / "db";
    Outcome built = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(built.status, kOk) << describe(built);

    for (const char* words : {"R&D", "r&d panel", "\"Q&A panel\"", "title:R&D OR q&a"}) {
        json page = search_json({words}, db);
        EXPECT_EQ(page.value("total", 0), 1) << words;
    }
    EXPECT_EQ(search(db, {"\"D&R\""}).status, kNoMatch);
    // A note that matched on its title alone shows its opening, not its
    // last lines (without the note's "*" after its heading).
    std::string opening = search_json({"title:anniversary"}, db)["hits"][0]["snippet"];
    EXPECT_EQ(opening.rfind("Information Note The R&D unit met", 0), 0u) << opening;
    EXPECT_LE(opening.size(), 200u + 3);
    json page = search_json({"panel"}, db);
    ASSERT_EQ(page["hits"].size(), 1u);
    std::string snippet = page["hits"][0]["snippet"];
    EXPECT_NE(snippet.find("Q&A panel <online> on licensing & export."), std::string::npos)
        << snippet;
}

// --- hostile text -----------------------------------------------------------

// The first control character of `text` that a terminal would obey, shown
// as a number, or "" when there is none. Line breaks are text; tabs too
// when `tabs`.
std::string raw_control(const std::string& text, bool tabs = false)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool c1 = c == 0xC2 && i + 1 < text.size() &&
                  static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                  static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (((c < 0x20 || c == 0x7F) && c != '\n' && !(tabs && c == '\t')) || c1)
            return "byte " + std::to_string(c) + " at " + std::to_string(i);
    }
    return "";
}

// A note whose title, venue, participants and text carry terminal escapes:
// a window title (OSC 0), a clear screen, a colour, an OSC-8 link and a C1
// CSI (U+009B); its file name holds a line break and an ESC.
const std::string kHostileTitle = "Workshop \x1b]0;owned\x07on export \x1b[2Jcontrols";
const std::string kHostileName = "hostile\n\x1b[1mnote.txt";
const std::string kHostileNote =
    "Event: " + kHostileTitle +
    "\n"
    "Date and venue: 3-4 May 2016, Bish\xc2\x9bkek, Kyrgyzstan\n"
    "Participants:\nStates: Kazakhstan, Kyrgyzstan, \x1b[31mAtlantis\n\n"
    "Background\nThe workshop reviewed licensing "
    "\x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\."
    "\x1b[2J\xc2\x85\n";

TEST_F(CliTest, TextViewsAndDiagnosticsShowControlCharactersEscaped)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "corpus";
    fs::create_directory(corpus);
    write_file(corpus / kHostileName, kHostileNote);
    fs::path db = tmp.path() / "db";
    Outcome built = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(built.status, kOk) << describe(built);
    EXPECT_EQ(raw_control(built.out), "") << built.out;
    const std::string shown_path = corpus.string() + "/hostile\\x0a\\x1b[1mnote.txt";
    // The parser drops the ESC and '[' of a name; the path keeps them.
    EXPECT_EQ(built.err,
              shown_path + ":4: warning: '31mAtlantis' under 'States' is not a known country\n");

    // Every text view, on stdout and stderr.
    const std::vector<std::vector<std::string>> views{
        {kQueryBin, "search", "--db", db.string(), "licensing"},
        {kQueryBin, "search", "--db", db.string(), "--facets", "country,org,type"},
        {kQueryBin, "attended", "--db", db.string(), "KZ"},
        {kQueryBin, "show", "--db", db.string(), "hostile\n\x1b[1mnote.txt"},
        {kQueryBin, "countries", "--db", db.string()},
        {kQueryBin, "stats", "--db", db.string()},
        {kQueryBin, "timeline", "--db", db.string()},
        {kQueryBin, "show", "--db", db.string(), "no\x1b[2Jsuch"},
        {kQueryBin, "search", "--db", db.string(), "--country", "\x1b[2JAtlantis"},
        {kIndexBin, "parse", (corpus / kHostileName).string()},
        {kIndexBin, "status", "--db", db.string()},
        {kQueryBin, "search", "--db", db.string(), "--bad\x1b[2J"},
        {kIndexBin, "parse", "/no/such\x1b[2J.txt"},
    };
    for (const std::vector<std::string>& argv : views) {
        SCOPED_TRACE(argv[1] + " " + argv.back());
        Outcome r = run(argv);
        EXPECT_LE(r.status, kUsage) << describe(r);
        EXPECT_EQ(raw_control(r.out), "") << r.out;
        EXPECT_EQ(raw_control(r.err), "") << r.err;
    }

    Outcome hit = run({kQueryBin, "search", "--db", db.string(), "licensing"});
    EXPECT_NE(hit.out.find("Workshop \\x1b]0;owned\\x07on export \\x1b[2Jcontrols"),
              std::string::npos)
        << hit.out;
    EXPECT_NE(hit.out.find("Bish\\x9bkek"), std::string::npos) << hit.out;
    EXPECT_NE(hit.out.find("hostile\\x0a\\x1b[1mnote.txt  id "), std::string::npos) << hit.out;
    EXPECT_NE(hit.out.find("\\x1b]8;;http://evil.example/\\x1b\\here\\x1b]8;;\\x1b\\."),
              std::string::npos)
        << hit.out;
    // show keeps the text's line breaks.
    Outcome shown = run({kQueryBin, "show", "--db", db.string(), kHostileName});
    EXPECT_NE(shown.out.find("\nBackground\nThe workshop reviewed licensing \\x1b]8;;"),
              std::string::npos)
        << shown.out;
    EXPECT_NE(shown.out.find("\\x1b[2J\\x85\n"), std::string::npos) << shown.out;
    Outcome unknown =
        run({kQueryBin, "search", "--db", db.string(), "--country", "\x1b[2JAtlantis"});
    EXPECT_EQ(unknown.err, "infonote-query: error: unknown country '\\x1b[2JAtlantis'\n");
    Outcome parsed = run({kIndexBin, "parse", (corpus / kHostileName).string()});
    EXPECT_EQ(parsed.out.rfind(shown_path + "\n  title:     " +
                                   "Workshop \\x1b]0;owned\\x07on export \\x1b[2Jcontrols\n",
                               0),
              0u)
        << parsed.out;

    // Log lines and the summary name a database whose path holds an ESC.
    Outcome logged = run({kIndexBin, "-v", "build", corpus.string(), "--db",
                          (tmp.path() / "db\x1b[2J").string(), "--no-progress"});
    EXPECT_EQ(logged.status, kOk) << describe(logged);
    EXPECT_EQ(raw_control(logged.out), "") << logged.out;
    EXPECT_EQ(raw_control(logged.err), "") << logged.err;
    EXPECT_NE(logged.err.find("infonote-index: info: build of " + tmp.path().string() +
                              "/db\\x1b[2J from "),
              std::string::npos)
        << logged.err;

    // JSON keeps the values as they are, escaped as JSON escapes them.
    json page = search_json({"licensing"}, db);
    ASSERT_EQ(page["hits"].size(), 1u);
    EXPECT_EQ(page["hits"][0]["title"], kHostileTitle);
    EXPECT_EQ(page["hits"][0]["path"], kHostileName);
}

// --- finding the Astana note ---------------------------------------------

TEST_F(CliTest, AstanaFoundByCountryFullName)
{
    expect_finds_astana({"--country", "Islamic Republic of Iran"});
}

TEST_F(CliTest, AstanaFoundByCountryAlpha2)
{
    expect_finds_astana({"--country", "IR"});
}

TEST_F(CliTest, AstanaFoundByCountryAlpha3)
{
    expect_finds_astana({"--country", "IRN"});
}

TEST_F(CliTest, AstanaFoundByCountryInQueryText)
{
    expect_finds_astana({"country:iran"});
}

TEST_F(CliTest, DatabaseNamedBeforeTheCommandServesTheSame)
{
    Outcome before = run({kQueryBin, "--db", db_.string(), "search", "Astana", "--format", "json"});
    Outcome after = run({kQueryBin, "search", "Astana", "--db", db_.string(), "--format", "json"});
    EXPECT_EQ(before.status, 0) << before.err;
    EXPECT_EQ(hit_paths(json::parse(before.out)), std::vector<std::string>{kAstana});
    EXPECT_EQ(before.out, after.out);
}

TEST_F(CliTest, AstanaFoundByCityWord)
{
    json page = search_json({"Astana"});
    // The body of no other note names Astana.
    EXPECT_EQ(hit_paths(page), std::vector<std::string>{kAstana});
}

TEST_F(CliTest, AstanaFoundByHyphenatedAndClosedWord)
{
    expect_finds_astana({"non-proliferation"});
    expect_finds_astana({"nonproliferation"});
}

TEST_F(CliTest, CountryFilterFindsExactlyTheNotesItAttended)
{
    // Iran attended the Astana and Hanoi events (as "Iran (Islamic Republic
    // of)" in Hanoi); expected.json says which.
    for (const char* code : {"IR", "KZ", "GY", "AM"}) {
        SCOPED_TRACE(code);
        std::vector<std::string> expected = expected_files([&](const json& e) {
            return contains(e["participants"], code) || e["venue"]["country"] == code;
        });
        ASSERT_FALSE(expected.empty());
        json page = search_json({"--country", code});
        EXPECT_EQ(hit_paths(page), expected);
        EXPECT_EQ(page.value("total", 0u), expected.size());
    }
}

TEST_F(CliTest, BodyOnlyCountryIsNotAFilterMatch)
{
    // Japan funded the Hanoi workshop (named in its body) but did not take
    // part there; it took part in Astana only.
    json page = search_json({"--country", "Japan"});
    EXPECT_EQ(hit_paths(page), std::vector<std::string>{kAstana});
}

TEST_F(CliTest, CountryThatAttendedNothingExitsOneWithEmptyResult)
{
    Outcome r = search({"--country", "Brazil"});
    EXPECT_EQ(r.status, kNoMatch) << describe(r);
    EXPECT_EQ(r.err, "");
    json page = json::parse(r.out);
    EXPECT_EQ(page["total"], 0);
    EXPECT_TRUE(page["hits"].is_array());
    EXPECT_TRUE(page["hits"].empty());
}

// --- errors ---------------------------------------------------------------

TEST_F(CliTest, UnknownCountryExitsTwoWithOneLineSuggestion)
{
    Outcome r = search({"--country", "Kazahstan"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(
        r.err,
        "infonote-query: error: unknown country 'Kazahstan'; did you mean Kazakhstan (KZ)?\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, MalformedQueryExitsTwo)
{
    Outcome r = search({"astana AND"});
    EXPECT_EQ(r.status, kUsage) << describe(r);
    EXPECT_EQ(r.err.rfind("infonote-query: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, MissingDatabaseExitsFourNamingThePath)
{
    TempDir tmp;
    fs::path missing = tmp.path() / "no-such-db";
    Outcome r = search(missing, {"--country", "IR"});
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_EQ(r.err.rfind("infonote-query: error: " + missing.string() + ": ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(missing));  // searching creates nothing
}

// Runs argv with stdout on /dev/full, where every write fails with ENOSPC.
Outcome run_to_full_disk(const std::vector<std::string>& argv)
{
    return run(argv, [] {
        int full = open("/dev/full", O_WRONLY);
        if (full >= 0) dup2(full, 1);
    });
}

TEST_F(CliTest, LostOutputExitsFiveWithOneLineFromEitherProgram)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "corpus";
    fs::create_directory(corpus);
    fs::copy_file(kCorpus / kAstana, corpus / kAstana);
    fs::path db = tmp.path() / "db";
    Outcome built = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(built.status, kOk) << describe(built);

    const std::string query_error =
        "infonote-query: error: writing output: No space left on device\n";
    const std::string index_error =
        "infonote-index: error: writing output: No space left on device\n";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{kQueryBin, "search", "--db", db.string(), "Astana"}, query_error},
        {{kQueryBin, "search", "--db", db.string(), "--format", "csv"}, query_error},
        {{kQueryBin, "stats", "--db", db.string()}, query_error},
        {{kQueryBin, "--help"}, query_error},
        {{kIndexBin, "status", "--db", db.string()}, index_error},
        {{kIndexBin, "update", corpus.string(), "--db", db.string()}, index_error},
        {{kIndexBin, "parse", (corpus / kAstana).string()}, index_error},
        {{kIndexBin, "parse", "--format", "json", (corpus / kAstana).string()}, index_error},
    };
    for (const auto& [argv, error] : cases) {
        SCOPED_TRACE(argv[1] + " " + argv.back());
        Outcome r = run_to_full_disk(argv);
        EXPECT_EQ(r.status, kWriteError) << describe(r);
        EXPECT_EQ(r.err, error);
    }
    // The update itself was done: only its summary line was lost.
    Outcome again = run({kIndexBin, "update", corpus.string(), "--db", db.string()});
    EXPECT_EQ(again.status, kOk) << describe(again);
}

TEST_F(CliTest, FolderThatIsNotAnIndexExitsFour)
{
    Outcome r = search(kCorpus, {"--country", "IR"});
    EXPECT_EQ(r.status, kFailure) << describe(r);
    EXPECT_NE(r.err.find(kCorpus.string()), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

// --- the JSON contract ----------------------------------------------------

TEST_F(CliTest, JsonPageHasSchemaVersionTotalAndHits)
{
    json page = search_json({"--country", "IR"});
    EXPECT_EQ(page["schema_version"], 3);
    EXPECT_TRUE(page["total"].is_number_unsigned());
    EXPECT_TRUE(page["hits"].is_array());
}

TEST_F(CliTest, JsonHitForAstanaKeepsTheContract)
{
    json hit = astana_hit(search_json({"--country", "KZ"}));
    ASSERT_TRUE(hit.is_object());
    const json* truth = nullptr;
    for (const json& e : expected_notes())
        if (e["file"] == kAstana) truth = &e;
    ASSERT_NE(truth, nullptr);

    ASSERT_TRUE(hit["id"].is_string());
    EXPECT_TRUE(std::regex_match(hit["id"].get<std::string>(), std::regex("[0-9a-f]{16}")))
        << hit["id"];
    EXPECT_EQ(hit["path"], kAstana);
    EXPECT_EQ(hit["title"], (*truth)["title"]);
    EXPECT_EQ(hit["start_date"], "2014-03-11");
    EXPECT_EQ(hit["end_date"], "2014-03-12");
    ASSERT_TRUE(hit["venue"].is_object());
    EXPECT_EQ(hit["venue"]["city"], "Astana");
    EXPECT_EQ(hit["venue"]["country"], "KZ");
    EXPECT_EQ(hit["venue"]["online"], false);
    EXPECT_EQ(hit["committee"], "one member of the Committee and one expert");

    // Countries: the 28 listed, in order, Kazakhstan both host and participant.
    const json& countries = hit["countries"];
    ASSERT_TRUE(countries.is_array());
    EXPECT_EQ(countries.size(), 28u);
    std::vector<std::string> codes;
    for (const json& c : countries) {
        ASSERT_TRUE(c["code"].is_string()) << c;
        ASSERT_TRUE(c["name"].is_string()) << c;
        ASSERT_TRUE(c["roles"].is_array()) << c;
        codes.push_back(c["code"]);
        if (c["code"] == "KZ")
            EXPECT_EQ(c["roles"], json({"host", "participant"}));
        else
            EXPECT_EQ(c["roles"], json({"participant"})) << c;
    }
    EXPECT_EQ(codes, (*truth)["participants"].get<std::vector<std::string>>());
    for (const char* present : {"KZ", "IR", "CN", "KR", "RU", "PS", "US"})
        EXPECT_NE(std::find(codes.begin(), codes.end(), present), codes.end()) << present;
    EXPECT_EQ(std::find(codes.begin(), codes.end(), "KP"), codes.end());
    auto name_of = [&](const std::string& code) {
        for (const json& c : countries)
            if (c["code"] == code) return c["name"].get<std::string>();
        return std::string();
    };
    EXPECT_EQ(name_of("IR"), "Islamic Republic of Iran");
    EXPECT_EQ(name_of("KR"), "Republic of Korea");

    // Organizations: acronym (string or null) and name; the participating
    // international ones as expected.json lists them.
    const json& orgs = hit["organizations"];
    ASSERT_TRUE(orgs.is_array());
    std::map<std::string, std::string> by_acronym;
    for (const json& o : orgs) {
        ASSERT_TRUE(o.contains("acronym")) << o;
        ASSERT_TRUE(o["acronym"].is_string() || o["acronym"].is_null()) << o;
        ASSERT_TRUE(o["name"].is_string()) << o;
        if (o["acronym"].is_string()) by_acronym[o["acronym"]] = o["name"];
    }
    for (const json& acronym : (*truth)["organizations"])
        EXPECT_TRUE(by_acronym.count(acronym)) << acronym;
    EXPECT_EQ(by_acronym["OSCE"], "Organization for Security and Cooperation in Europe");
}

// --- listings ---------------------------------------------------------------

TEST_F(CliTest, FilterOnlySearchListsEveryMatchOldestFirst)
{
    // IAEA attended six events and organized none.
    std::vector<std::string> expected =
        expected_files([](const json& e) { return contains(e["organizations"], "IAEA"); });
    ASSERT_GT(expected.size(), 2u);
    // A listing is never cut unless --limit says so; the total stays exact.
    json page = search_json({"--org", "IAEA"});
    EXPECT_EQ(page.value("total", 0u), expected.size());
    EXPECT_EQ(hit_paths(page), expected);
    json first = search_json({"--org", "IAEA", "--limit", "1"});
    EXPECT_EQ(first.value("total", 0u), expected.size());
    EXPECT_EQ(hit_paths(first), std::vector<std::string>{expected.front()});
}

TEST_F(CliTest, ListingOfWholeCorpusIsSortedByStartDate)
{
    std::vector<std::string> expected = expected_files([](const json&) { return true; });
    json page = search_json({});
    EXPECT_EQ(page.value("total", 0u), expected.size());
    EXPECT_EQ(hit_paths(page), expected);
    std::vector<std::string> dates;
    for (const json& hit : page["hits"]) dates.push_back(hit.value("start_date", ""));
    EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
}

TEST_F(CliTest, OrganizerCountsForOrgFilter)
{
    // UNODA organized several events and is a participant in none.
    json page = search_json({"--org", "UNODA"});
    std::vector<std::string> paths = hit_paths(page);
    EXPECT_EQ(page.value("total", 0u), paths.size());
    EXPECT_GT(paths.size(), 1u);
    EXPECT_NE(std::find(paths.begin(), paths.end(), kAstana), paths.end());
    // Hanoi names UNODA only as the channel of Japan's funding.
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "hanoi-2017-asia-pacific-trade-controls.txt"),
              paths.end());
    std::vector<std::string> dates;
    for (const json& hit : page["hits"]) dates.push_back(hit.value("start_date", ""));
    EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
}

TEST_F(CliTest, RankedSearchRespectsLimitButCountsAll)
{
    json page = search_json({"resolution", "--limit", "2"});
    EXPECT_EQ(page["hits"].size(), 2u);
    EXPECT_GT(page.value("total", 0u), 2u);
}

}  // namespace
