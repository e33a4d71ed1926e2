// Every infonote-query command in every format, byte for byte: stdout,
// stderr and the exit status of each command line below, on an index of
// the sample corpus, the labelled documents of tests/extraction and a few
// generated events, compared with tests/query-output/NAME.expected.
//
// The expected files are the program's output as reviewed; after a change
// meant to alter an output, regenerate them with
//   INFONOTE_UPDATE_QUERY_OUTPUT=1 ctest --preset debug -R QueryOutput
// and review the diff.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "process_helpers.h"

namespace {

using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::run;
using infonote::test::TempDir;

namespace fs = std::filesystem;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kSource = INFONOTE_SOURCE_DIR;
const fs::path kExpected = kSource / "tests" / "query-output";

struct Case {
    const char* name;
    std::vector<std::string> args;
};

// Note and event ids of the corpus below (they follow from paths): a note
// alone, a note of an event of two documents, and that event (named by the
// note).
const std::string kNote = "6894b0e59c0597ba";
const std::string kNoteOfEvent = "afb3ae03a2a57767";
const std::string kEvent = "ev9cdda3b908bd7b2c";

const std::vector<Case>& cases()
{
    static const std::vector<Case> all = {
        {"search-words-text", {"search", "export", "control"}},
        {"search-words-json", {"search", "export", "control", "--format", "json"}},
        {"search-words-jsonl", {"search", "export", "control", "--format", "jsonl"}},
        {"search-words-csv", {"search", "export", "control", "--format", "csv"}},
        {"search-words-csv-raw", {"search", "export", "--format", "csv", "--csv-raw"}},
        {"search-colour", {"search", "workshop", "--color", "always", "--limit", "3"}},
        {
            "search-narrow",
            {"search", "workshop", "--limit", "4"},
        },
        {"search-filters-text", {"search", "--country", "Kazakhstan", "--year", "2014"}},
        {"search-filters-json",
         {"search", "--region", "Asia", "--type", "workshop", "--format", "json"}},
        {"search-all-text", {"search", "--all"}},
        {"search-paging",
         {"search", "--sort", "date", "--reverse", "--limit", "3", "--offset", "2"}},
        {"search-relevance-reverse", {"search", "nuclear", "--reverse", "--limit", "5"}},
        {"search-facets-text",
         {"search", "workshop", "--facets", "country,org,year,venue_country,region,type,kind",
          "--facet-limit", "3"}},
        {"search-facets-json",
         {"search", "--facets", "country", "--facets", "year,type", "--country", "KZ", "--format",
          "json"}},
        {"search-did-you-mean-text", {"search", "exprot", "contrls"}},
        {"search-did-you-mean-json", {"search", "exprot", "contrls", "--format", "json"}},
        {"search-did-you-mean-jsonl", {"search", "exprot", "--format", "jsonl"}},
        {"search-verbose", {"-v", "search", "workshop", "--country", "KZ", "--limit", "2"}},
        {"search-verbose-no-match", {"-v", "search", "export", "--country", "KZ"}},
        {"search-missing-db", {"search", "--db", "/nonexistent/infonote-db", "export"}},
        {"search-bad-query-missing-db",
         {"search", "--db", "/nonexistent/infonote-db", "--country", "Kazakstan"}},
        {"search-csv-raw-without-csv", {"search", "export", "--csv-raw"}},
        {"search-no-match", {"search", "zzyzzyqq"}},
        {"search-bad-query", {"search", "date:2014..x"}},
        {"search-unknown-country", {"search", "--country", "Kazakstan"}},
        {"search-unknown-region", {"search", "--region", "Central Asai"}},
        {"search-unknown-facet", {"search", "--facets", "colour"}},
        {"search-kind", {"search", "--kind", "press-release", "--format", "csv"}},
        {"attended-text", {"attended", "Kazakhstan"}},
        {"attended-json", {"attended", "KZ", "--format", "json"}},
        {"attended-jsonl", {"attended", "KZ", "--format", "jsonl"}},
        {"attended-csv", {"attended", "KZ", "--format", "csv"}},
        {"attended-documents", {"attended", "KZ", "--documents"}},
        {"attended-documents-json", {"attended", "Peru", "--documents", "--format", "json"}},
        {"attended-invited", {"attended", "Ghana", "--include-invited"}},
        {"attended-facets", {"attended", "KZ", "--facets", "year,org", "--limit", "2"}},
        {"attended-verbose", {"--verbose", "attended", "Peru"}},
        {"attended-unknown", {"attended", "Kazakstan"}},
        {"attended-none", {"attended", "Iceland"}},
        {"show-text", {"show", kNote}},
        {"show-json", {"show", kNote, "--format", "json"}},
        {"show-jsonl", {"show", kNote, "--format", "jsonl"}},
        {"show-path", {"show", "astana-2014-central-asia-workshop.txt"}},
        {"show-online-path", {"show", "note-virtual.txt"}},
        {"show-note-of-event-text", {"show", kNoteOfEvent}},
        {"show-note-of-event-json", {"show", kNoteOfEvent, "--format", "json"}},
        {"show-event-text", {"show", kEvent}},
        {"show-event-json", {"show", kEvent, "--format", "json"}},
        {"show-event-jsonl", {"show", kEvent, "--format", "jsonl"}},
        {"show-missing", {"show", "no-such-note"}},
        {"countries-text", {"countries"}},
        {"countries-json", {"countries", "--year", "2019", "--format", "json"}},
        {"countries-jsonl", {"countries", "--region", "Africa", "--format", "jsonl"}},
        {"countries-csv", {"countries", "--format", "csv"}},
        {"countries-documents", {"countries", "--documents", "--type", "workshop"}},
        {"countries-none", {"countries", "--year", "1990"}},
        {"stats-text", {"stats"}},
        {"stats-json", {"stats", "--top", "3", "--format", "json"}},
        {"stats-jsonl", {"stats", "--top", "0", "--format", "jsonl"}},
        {"timeline-text", {"timeline"}},
        {"timeline-month", {"timeline", "--by", "month", "--from", "2018", "--to", "2019"}},
        {"timeline-documents", {"timeline", "--documents"}},
        {"timeline-json", {"timeline", "--format", "json"}},
        {"timeline-jsonl", {"timeline", "--by", "month", "--format", "jsonl", "--year", "2019"}},
        {"timeline-csv", {"timeline", "--format", "csv"}},
        {"timeline-none", {"timeline", "--year", "1990"}},
        {"profile-text", {"profile", "Kazakhstan"}},
        {"profile-json", {"profile", "KZ", "--format", "json"}},
        {"profile-jsonl", {"profile", "Peru", "--format", "jsonl", "--top", "2"}},
        {"profile-csv", {"profile", "KZ", "--format", "csv"}},
        {"profile-none", {"profile", "Iceland"}},
        {"profile-unknown", {"profile", "Kazakstan"}},
        {"coattend-text", {"coattend", "--limit", "15"}},
        {"coattend-json", {"coattend", "--limit", "10", "--format", "json"}},
        {"coattend-jsonl", {"coattend", "--country", "KZ", "--format", "jsonl"}},
        {"coattend-csv", {"coattend", "--country", "Peru", "--format", "csv"}},
        {"coattend-graphml", {"coattend", "--limit", "6", "--format", "graphml"}},
        {"coattend-none", {"coattend", "--year", "1990"}},
        {"coverage-text", {"coverage", "--limit", "20"}},
        {"coverage-json", {"coverage", "--region", "Central Asia", "--format", "json"}},
        {"coverage-jsonl", {"coverage", "--since", "2018", "--limit", "5", "--format", "jsonl"}},
        {"coverage-csv", {"coverage", "--region", "South America", "--format", "csv"}},
        {"coverage-since-text", {"coverage", "--since", "2019", "--region", "Africa"}},
        {"coverage-bad-since", {"coverage", "--since", "19"}},
        {"coverage-since-and-from", {"coverage", "--since", "2019", "--from", "2018"}},
        {"coverage-unknown-region", {"coverage", "--region", "Centrl Asia"}},
    };
    return all;
}

class QueryOutputTest : public ::testing::TestWithParam<Case> {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        fs::path corpus = dir_->path() / "notes";
        fs::create_directories(corpus);
        for (const fs::path& from : {kSource / "corpus", kSource / "tests" / "extraction"})
            for (const fs::directory_entry& e : fs::directory_iterator(from)) {
                std::string ext = e.path().extension().string();
                if (e.path().filename() != "README.md" && (ext == ".txt" || ext == ".md"))
                    fs::copy_file(e.path(), corpus / e.path().filename());
            }
        Outcome made =
            run({INFONOTE_PYTHON, (kSource / "scripts/generate_notes.py").string(), "--count", "40",
                 "--seed", "11", "--reports", "0.5", "--length", "short", "--quiet", "--jobs", "1",
                 "--out", (corpus / "generated").string()});
        status_ = new std::string(made.status == 0 ? "" : describe(made));
        fs::remove(corpus / "generated" / "ground_truth.jsonl");
        db_ = new fs::path(dir_->path() / "db");
        Outcome build = run({kIndexBin, "build", corpus.string(), "--db", db_->string()});
        if (build.status != 0) *status_ += describe(build);
    }

    static void TearDownTestSuite()
    {
        delete status_;
        delete db_;
        delete dir_;
    }

    static TempDir* dir_;
    static fs::path* db_;
    static std::string* status_;
};

TempDir* QueryOutputTest::dir_ = nullptr;
fs::path* QueryOutputTest::db_ = nullptr;
std::string* QueryOutputTest::status_ = nullptr;

// The outcome as one text: the exit status, stdout, stderr, with the
// database's path (which changes per run) and the build's time stamps
// (which change per build) replaced by fixed words.
std::string recorded(const Outcome& r, const fs::path& db)
{
    auto fixed = [&db](std::string text) {
        for (std::size_t at; (at = text.find(db.string())) != std::string::npos;)
            text.replace(at, db.string().size(), "DB");
        static const std::regex stamp(
            R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?)");
        return std::regex_replace(text, stamp, "TIME");
    };
    return "exit " + std::to_string(r.status) + "\n--- stdout\n" + fixed(r.out) + "--- stderr\n" +
           fixed(r.err);
}

TEST_P(QueryOutputTest, MatchesExpected)
{
    ASSERT_TRUE(status_->empty()) << *status_;
    const Case& c = GetParam();
    std::vector<std::string> argv{kQueryBin};
    // The command line with --db after the subcommand's name (and after
    // -v, which goes before it).
    bool placed = std::find(c.args.begin(), c.args.end(), "--db") != c.args.end();
    for (const std::string& a : c.args) {
        argv.push_back(a);
        if (!placed && a[0] != '-') {
            argv.insert(argv.end(), {"--db", db_->string()});
            placed = true;
        }
    }
    Outcome r = run(argv, [] {
        setenv("COLUMNS", "100", 1);
        unsetenv("NO_COLOR");
        setenv("TERM", "xterm", 1);
        unsetenv("INFONOTE_DB");
    });
    std::string got = recorded(r, *db_);
    fs::path expected = kExpected / (std::string(c.name) + ".expected");
    if (std::getenv("INFONOTE_UPDATE_QUERY_OUTPUT")) {
        fs::create_directories(kExpected);
        infonote::test::write_file(expected, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " is missing:\n" << got;
    EXPECT_EQ(infonote::test::read_file(expected), got) << "for " << c.name;
}

INSTANTIATE_TEST_SUITE_P(Commands, QueryOutputTest, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                             std::string name = param.param.name;
                             for (char& ch : name)
                                 if (ch == '-') ch = '_';
                             return name;
                         });

}  // namespace
