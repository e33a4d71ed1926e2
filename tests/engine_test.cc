// The query engine as a second front end calls it: one Engine answering
// several questions in a row, its answers written by the same output
// modules as the command line's, byte for byte what infonote-query prints,
// and its errors carrying the message the command line shows.
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "csv_output.h"
#include "engine.h"
#include "json_output.h"
#include "jsonl_output.h"
#include "process_helpers.h"

namespace {

namespace fs = std::filesystem;
using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::run;
using infonote::test::TempDir;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kSource = INFONOTE_SOURCE_DIR;

class EngineTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        db_ = new fs::path(dir_->path() / "db");
        Outcome build =
            run({kIndexBin, "build", (kSource / "corpus").string(), "--db", db_->string()});
        build_ = new std::string(build.status == 0 ? "" : describe(build));
    }

    static void TearDownTestSuite()
    {
        delete build_;
        delete db_;
        delete dir_;
    }

    void SetUp() override { ASSERT_TRUE(build_->empty()) << *build_; }

    // What infonote-query prints on stdout for `args` (the subcommand
    // first), checked to exit with `status`.
    static std::string cli(std::vector<std::string> args, int status = 0)
    {
        args.insert(args.begin() + 1, {"--db", db_->string()});
        args.insert(args.begin(), kQueryBin);
        Outcome r = run(args);
        EXPECT_EQ(r.status, status) << describe(r);
        return r.out;
    }

    // What the command line prints on stderr for a usage error, without the
    // program's prefix.
    static std::string cli_error(std::vector<std::string> args)
    {
        args.insert(args.begin() + 1, {"--db", db_->string()});
        args.insert(args.begin(), kQueryBin);
        Outcome r = run(args);
        EXPECT_EQ(r.status, 2) << describe(r);
        std::string prefix = "infonote-query: error: ";
        EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << r.err;
        return r.err.substr(std::min(prefix.size(), r.err.size()));
    }

    template <typename Answer>
    static std::string json(const Answer& answer)
    {
        std::ostringstream out;
        infonote::write_json(out, answer);
        return out.str();
    }

    template <typename Answer>
    static std::string jsonl(const Answer& answer)
    {
        std::ostringstream out;
        infonote::write_jsonl(out, answer);
        return out.str();
    }

    template <typename Answer>
    static std::string csv(const Answer& answer)
    {
        std::ostringstream out;
        infonote::write_csv(out, answer, infonote::CsvCells::Defused);
        return out.str();
    }

    // The message of the QueryError `ask` throws, and a line break.
    static std::string query_error(const std::function<void()>& ask)
    {
        try {
            ask();
        } catch (const infonote::QueryError& e) {
            return std::string(e.what()) + "\n";
        }
        ADD_FAILURE() << "no QueryError";
        return "";
    }

    static TempDir* dir_;
    static fs::path* db_;
    static std::string* build_;
};

TempDir* EngineTest::dir_ = nullptr;
fs::path* EngineTest::db_ = nullptr;
std::string* EngineTest::build_ = nullptr;

TEST_F(EngineTest, OneEngineAnswersEveryQuestionAsTheCommandLinePrintsIt)
{
    infonote::Engine engine(*db_);

    infonote::SearchQuery search;
    search.words = "export control";
    search.facets = {"country,year"};
    infonote::SearchAnswer found = engine.search(search);
    EXPECT_GT(found.result.total, 0u);
    EXPECT_EQ(json(found),
              cli({"search", "export", "control", "--facets", "country,year", "--format", "json"}));
    EXPECT_EQ(jsonl(found), cli({"search", "export", "control", "--format", "jsonl"}));
    EXPECT_EQ(csv(found), cli({"search", "export", "control", "--format", "csv"}));

    infonote::SearchQuery listing;
    listing.filters.countries = {"Kazakhstan"};
    listing.paging.limit = 2;
    listing.paging.offset = 1;
    EXPECT_EQ(json(engine.search(listing)), cli({"search", "--country", "Kazakhstan", "--limit",
                                                 "2", "--offset", "1", "--format", "json"}));

    infonote::AttendedQuery attended;
    attended.country = "KZ";
    EXPECT_EQ(json(engine.attended(attended)), cli({"attended", "KZ", "--format", "json"}));

    infonote::ShowQuery show;
    show.target = "astana-2014-central-asia-workshop.txt";
    std::optional<infonote::ShowAnswer> shown = engine.show(show);
    ASSERT_TRUE(shown);
    EXPECT_EQ(json(*shown), cli({"show", show.target, "--format", "json"}));
    EXPECT_FALSE(engine.show({"no-such-note"}));

    infonote::CountriesQuery countries;
    countries.filters.years = {"2019"};
    EXPECT_EQ(json(engine.countries(countries)),
              cli({"countries", "--year", "2019", "--format", "json"}));

    infonote::TimelineQuery timeline;
    timeline.by = "month";
    EXPECT_EQ(json(engine.timeline(timeline)),
              cli({"timeline", "--by", "month", "--format", "json"}));

    infonote::ProfileQuery profile;
    profile.country = "Kazakhstan";
    infonote::ProfileAnswer kz = engine.profile(profile);
    EXPECT_GT(kz.events, 0u);
    EXPECT_EQ(json(kz), cli({"profile", "Kazakhstan", "--format", "json"}));
    EXPECT_EQ(csv(kz), cli({"profile", "Kazakhstan", "--format", "csv"}));

    infonote::CoattendQuery coattend;
    coattend.limit = 5;
    EXPECT_EQ(json(engine.coattend(coattend)),
              cli({"coattend", "--limit", "5", "--format", "json"}));

    infonote::CoverageQuery coverage;
    coverage.filters.regions = {"Central Asia"};
    EXPECT_EQ(json(engine.coverage(coverage)),
              cli({"coverage", "--region", "Central Asia", "--format", "json"}));

    // stats names the build's time, which the command line reads the same.
    EXPECT_EQ(json(engine.stats({})), cli({"stats", "--format", "json"}));
}

TEST_F(EngineTest, ErrorsCarryTheMessageTheCommandLineShows)
{
    infonote::Engine engine(*db_);
    infonote::SearchQuery unknown_country;
    unknown_country.filters.countries = {"Kazakstan"};
    EXPECT_EQ(query_error([&] { engine.search(unknown_country); }),
              cli_error({"search", "--country", "Kazakstan"}));

    infonote::SearchQuery bad_syntax;
    bad_syntax.words = "date:2014..x";
    EXPECT_EQ(query_error([&] { engine.search(bad_syntax); }),
              cli_error({"search", "date:2014..x"}));

    infonote::AttendedQuery attended;
    attended.country = "Kazakstan";
    EXPECT_EQ(query_error([&] { engine.attended(attended); }),
              cli_error({"attended", "Kazakstan"}));

    infonote::CoverageQuery coverage;
    coverage.since = "19";
    EXPECT_EQ(query_error([&] { engine.coverage(coverage); }),
              cli_error({"coverage", "--since", "19"}));

    // The engine still answers after an error.
    EXPECT_GT(engine.search({}).result.total, 0u);
}

TEST_F(EngineTest, ABadQueryIsToldBeforeAMissingDatabase)
{
    infonote::Engine engine(dir_->path() / "nothing-here");
    infonote::SearchQuery query;
    query.filters.countries = {"Kazakstan"};
    EXPECT_THROW(engine.search(query), infonote::QueryError);
    EXPECT_THROW(engine.search({}), infonote::DatabaseError);
}

TEST_F(EngineTest, TheObserverSeesTheQueryThatRuns)
{
    infonote::Engine engine(*db_);
    std::vector<std::string> seen;
    engine.on_query([&seen](const std::string& description) { seen.push_back(description); });
    infonote::SearchQuery query;
    query.words = "workshop";
    query.filters.countries = {"KZ"};
    engine.search(query);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0], "Query((Zworkshop@1 FILTER XC:KZ))");
}

// A note written in Markdown: emphasis, headings, bullets, a table, links and
// a quote.
const std::string kMarkdownNote = R"(# Information Note

**Event:** National Workshop on Strategic Trade Controls

**Date and venue:** 12-13 October 2016, Tbilisi, Georgia

**Participants:**
- *States:* Georgia, Armenia
- *International organizations:* [OSCE](https://www.osce.org/), UNODA

## 1. Background

The workshop was organized by the **licensing authority** of Georgia with the support of [UNODA](https://www.un.org/disarmament/) and the `1540` Committee.

| Session | Speaker |
|---------|---------|
| Border guards and trafficking | State Revenue Service |
| Licensing of _dual-use_ goods | Ministry of Economy |

## 2. Outcomes

> Participants agreed to meet again in 2017.
)";

// A Markdown note's snippets are its words: no mark of emphasis, heading,
// table, link or quote, and the words asked for marked where they are.
TEST(EngineSnippets, AMarkdownNotesSnippetShowsNoMarkdown)
{
    TempDir dir;
    fs::path corpus = dir.path() / "notes";
    fs::create_directories(corpus);
    infonote::test::write_file(corpus / "tbilisi-2016-workshop.md", kMarkdownNote);
    fs::path db = dir.path() / "db";
    Outcome build = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(build.status, 0) << describe(build);
    infonote::Engine engine(db);

    struct Case {
        std::string words;
        std::string shown;
    };
    for (const Case& c : std::vector<Case>{
             {"licensing authority",
              "{{licensing}} {{authority}} of Georgia with the support of UNODA and the 1540 "
              "Committee."},
             {"\"border guards\"", "{{Border guards}} and trafficking State Revenue Service"},
             {"meet again", "Participants agreed to {{meet}} {{again}} in 2017."},
             {"osce", "International organizations: {{OSCE}}, UNODA"}}) {
        infonote::SearchQuery query;
        query.words = c.words;
        query.highlight_begin = "{{";
        query.highlight_end = "}}";
        infonote::SearchAnswer answer = engine.search(query);
        ASSERT_EQ(answer.result.hits.size(), 1u) << c.words;
        const std::string& snippet = answer.result.hits[0].snippet;
        EXPECT_NE(snippet.find(c.shown), std::string::npos) << c.words << ": " << snippet;
        for (const char* mark : {"*", "#", "|", "`", "_", "[", "]", "(http", ">", "---"})
            EXPECT_EQ(snippet.find(mark), std::string::npos)
                << c.words << ": '" << mark << "' in " << snippet;
    }
}

}  // namespace
