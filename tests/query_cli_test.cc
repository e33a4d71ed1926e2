// End-to-end: every infonote-query command and format, on an index of the
// sample corpus and the golden notes (every layout, language and name form),
// checked against counts taken straight from `infonote-index parse`.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process_helpers.h"

namespace {

using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::run;
using infonote::test::TempDir;
using infonote::test::write_file;

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;
const fs::path kSource = INFONOTE_SOURCE_DIR;

constexpr int kOk = 0;
constexpr int kNoMatch = 1;
constexpr int kUsage = 2;

using Counts = std::map<std::string, unsigned>;

// A title with a comma, quotes and a line-breaking venue, for CSV.
const std::string kQuotedNote =
    "Event: Workshop on \"effective\" export controls, part 2\n"
    "Date and venue: 3-4 May 2016, Bishkek, Kyrgyzstan\n"
    "Participants:\nStates: Kazakhstan, Kyrgyzstan, Tajikistan\n\n"
    "Background\nThe workshop, the second of its kind, reviewed licensing.\n";

class QueryCliTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        corpus_ = dir_->path() / "notes";
        fs::create_directories(corpus_);
        for (const fs::path& from : {kSource / "corpus", kSource / "tests" / "golden"}) {
            for (const fs::directory_entry& e : fs::directory_iterator(from)) {
                std::string name = e.path().filename().string();
                if (name.find(".expected.") != std::string::npos || name == "README.md" ||
                    name == "expected.json")
                    continue;
                fs::copy_file(e.path(), corpus_ / name);
            }
        }
        write_file(corpus_ / "quoted-title.txt", kQuotedNote);
        write_file(corpus_ / "closed-form.txt",
                   "Event: Seminar on nonproliferation\nDate and venue: 9 June 2017, Lima, Peru\n"
                   "Participants:\nStates: Chile, Peru\n\nBackground\nNonproliferation law.\n");
        db_ = dir_->path() / "db";
        Outcome build = run({kIndexBin, "build", corpus_.string(), "--db", db_.string()});
        build_status_ = build.status;
        build_log_ = new std::string(describe(build));

        // What the parser reads from each file, by path, for the notes the
        // index holds.
        std::vector<std::string> argv{kIndexBin, "parse", "--format", "json"};
        for (const fs::directory_entry& e : fs::directory_iterator(corpus_))
            argv.push_back(e.path().string());
        Outcome parse = run(argv);
        notes_ = new std::map<std::string, json>;
        json all = json::parse(parse.out, nullptr, false);
        if (all.is_array())
            for (json& n : all) (*notes_)[fs::path(n.value("path", "")).filename().string()] = n;
    }

    static void TearDownTestSuite()
    {
        delete notes_;
        delete build_log_;
        delete dir_;
    }

    void SetUp() override
    {
        // 3: some golden inputs are bad files, skipped and counted.
        ASSERT_TRUE(build_status_ == 0 || build_status_ == 3) << *build_log_;
        ASSERT_GT(notes_->size(), 50u);
    }

    static Outcome query(const std::string& command, std::vector<std::string> args)
    {
        std::vector<std::string> argv{kQueryBin, command, "--db", db_.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    }

    static json query_json(const std::string& command, std::vector<std::string> args)
    {
        args.insert(args.end(), {"--format", "json"});
        Outcome r = query(command, args);
        EXPECT_TRUE(r.status == kOk || r.status == kNoMatch) << describe(r);
        json out = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(out.is_discarded()) << r.out;
        return out;
    }

    /// The parsed notes the index holds, keyed by path: the full listing.
    static const std::map<std::string, json>& indexed()
    {
        static const std::map<std::string, json> held = [] {
            std::map<std::string, json> out;
            json page = query_json("search", {"--all"});
            for (const json& hit : page["hits"]) {
                std::string path = hit["path"];
                json note = notes_->count(path) ? notes_->at(path) : hit;
                // parse names a file by the path it was given; the index
                // by its path in the corpus, from which the id comes.
                note["id"] = hit["id"];
                note["path"] = path;
                out[path] = note;
            }
            return out;
        }();
        return held;
    }

    // The countries that attended: hosts and participants; a State only
    // invited (an announcement) did not.
    static std::set<std::string> attended_by(const json& note)
    {
        std::set<std::string> codes;
        for (const json& c : note["countries"])
            for (const json& role : c["roles"])
                if (role == "host" || role == "participant") codes.insert(c["code"].get<std::string>());
        return codes;
    }

    static std::set<std::string> paths_of(const json& page)
    {
        std::set<std::string> paths;
        for (const json& hit : page["hits"]) paths.insert(hit["path"].get<std::string>());
        return paths;
    }

    static Counts facet(const json& page, const std::string& name)
    {
        Counts counts;
        for (const json& v : page["facets"][name]) counts[v["value"]] = v["count"];
        return counts;
    }

    static TempDir* dir_;
    static fs::path corpus_;
    static fs::path db_;
    static int build_status_;
    static std::string* build_log_;
    static std::map<std::string, json>* notes_;
};

TempDir* QueryCliTest::dir_ = nullptr;
fs::path QueryCliTest::corpus_;
fs::path QueryCliTest::db_;
int QueryCliTest::build_status_ = -1;
std::string* QueryCliTest::build_log_ = nullptr;
std::map<std::string, json>* QueryCliTest::notes_ = nullptr;

// UN M49 regions of each country, read from the data file directly.
std::map<std::string, std::vector<std::string>> m49()
{
    std::map<std::string, std::vector<std::string>> regions;
    std::ifstream in(kSource / "data" / "m49_regions.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::istringstream fields(line);
        for (std::string c; std::getline(fields, c, '\t');) cols.push_back(c);
        for (std::size_t i = 1; i < cols.size(); ++i)
            if (!cols[i].empty()) regions[cols[0]].push_back(cols[i]);
    }
    return regions;
}

int year_of(const json& date)
{
    return std::stoi(date.get<std::string>().substr(0, 4));
}

// --- facets ---------------------------------------------------------------

TEST_F(QueryCliTest, FacetCountsEqualCountsOverTheParsedNotes)
{
    std::map<std::string, Counts> expected;
    const auto regions = m49();
    for (const auto& [path, n] : indexed()) {
        for (const std::string& c : attended_by(n)) ++expected["country"][c];
        const json& venue = n["venue"]["country"];
        if (venue.is_string()) {
            ++expected["venue_country"][venue];
            if (regions.count(venue))
                for (const std::string& r : regions.at(venue)) ++expected["region"][r];
        }
        std::set<std::string> orgs;
        for (const json& o : n["organizations"])
            orgs.insert(o["acronym"].is_string() ? o["acronym"].get<std::string>()
                                                 : o["name"].get<std::string>());
        for (const std::string& o : orgs) ++expected["org"][o];
        if (n["start_date"].is_string())
            for (int y = year_of(n["start_date"]); y <= year_of(n["end_date"]); ++y)
                ++expected["year"][std::to_string(y)];
        if (n["type"].is_string()) ++expected["type"][n["type"]];
    }
    json page = query_json(
        "search", {"--facets", "country,org,year,venue_country,region,type", "--facet-limit", "0"});
    EXPECT_EQ(page["total"], indexed().size());
    for (const char* name : {"country", "org", "year", "venue_country", "region", "type"}) {
        SCOPED_TRACE(name);
        EXPECT_FALSE(expected[name].empty());
        EXPECT_EQ(facet(page, name), expected[name]);
    }
}

TEST_F(QueryCliTest, FacetsAreSortedByCountThenValueAndCut)
{
    json page = query_json("search", {"--facets", "country", "--facet-limit", "5"});
    const json& values = page["facets"]["country"];
    ASSERT_EQ(values.size(), 5u);
    for (std::size_t i = 1; i < values.size(); ++i) {
        bool ordered = values[i - 1]["count"] > values[i]["count"] ||
                       (values[i - 1]["count"] == values[i]["count"] &&
                        values[i - 1]["value"] < values[i]["value"]);
        EXPECT_TRUE(ordered) << values.dump();
    }
    EXPECT_TRUE(values[0].contains("name"));
}

TEST_F(QueryCliTest, AFacetFilteredOnItsOwnFieldStillCountsTheOtherValues)
{
    json all = query_json("search", {"--facets", "year,type", "--facet-limit", "0"});
    json one_year =
        query_json("search", {"--year", "2014", "--facets", "year,type", "--facet-limit", "0"});
    // The year facet ignores --year; the type facet counts within 2014.
    EXPECT_EQ(facet(one_year, "year"), facet(all, "year"));
    EXPECT_EQ(one_year["total"], facet(all, "year")["2014"]);
    unsigned typed = 0;
    for (const auto& [t, n] : facet(one_year, "type")) typed += n;
    EXPECT_LE(typed, one_year["total"].get<unsigned>());
    EXPECT_NE(facet(one_year, "type"), facet(all, "type"));
}

// --- attended and countries ------------------------------------------------

TEST_F(QueryCliTest, AttendedListsEveryEventWithItsRoleOldestFirst)
{
    std::map<std::string, std::set<std::string>> events;
    for (const auto& [path, n] : indexed())
        for (const std::string& c : attended_by(n)) events[c].insert(path);
    ASSERT_GT(events.size(), 20u);
    for (const auto& [code, paths] : events) {
        SCOPED_TRACE(code);
        // Per document: the notes here include several layouts of one
        // event, which event_tests counts as events.
        json page = query_json("attended", {code, "--documents"});
        EXPECT_EQ(page["total"], paths.size());
        EXPECT_EQ(paths_of(page), paths);
        std::string previous;
        for (const json& hit : page["hits"]) {
            const json& n = indexed().at(hit["path"]);
            const json& venue = n["venue"]["country"];
            bool host = venue.is_string() && venue.get<std::string>() == code;
            bool participant = false, invited = false;
            for (const json& s : n["states"]) {
                if (s.value("code", "") != code) continue;
                (s.value("role", "") == "invited" ? invited : participant) = true;
            }
            std::string role = host ? "host" : "";
            if (participant || invited) {
                if (!role.empty()) role += ", ";
                role += participant ? "participant" : "invited";
            }
            EXPECT_EQ(hit["role"], role) << hit["path"];
            std::string start =
                hit["start_date"].is_string() ? hit["start_date"].get<std::string>() : "";
            EXPECT_LE(previous, start);
            previous = start;
        }
    }
}

TEST_F(QueryCliTest, CountriesCountAttendedAndHostedEvents)
{
    Counts attended, hosted;
    for (const auto& [path, n] : indexed()) {
        for (const std::string& c : attended_by(n)) ++attended[c];
        if (n["venue"]["country"].is_string()) ++hosted[n["venue"]["country"]];
    }
    json out = query_json("countries", {"--documents"});
    Counts got_attended, got_hosted;
    for (const json& c : out["countries"]) {
        got_attended[c["code"]] = c["attended"];
        if (c["hosted"] > 0) got_hosted[c["code"]] = c["hosted"];
    }
    EXPECT_EQ(got_attended, attended);
    EXPECT_EQ(got_hosted, hosted);
}

TEST_F(QueryCliTest, CountriesInCsvAndJsonLinesMatchTheJson)
{
    json out = query_json("countries", {"--year", "2014"});
    ASSERT_FALSE(out["countries"].empty());
    Outcome csv = query("countries", {"--year", "2014", "--format", "csv"});
    Outcome lines = query("countries", {"--year", "2014", "--format", "jsonl"});
    ASSERT_EQ(csv.status, kOk) << describe(csv);
    std::istringstream csv_in(csv.out), jsonl_in(lines.out);
    std::string row;
    std::getline(csv_in, row);
    EXPECT_EQ(row, "code,country,attended,hosted\r");
    for (const json& c : out["countries"]) {
        ASSERT_TRUE(std::getline(csv_in, row));
        std::string name = c["name"];
        if (name.find(',') != std::string::npos) name = "\"" + name + "\"";
        EXPECT_EQ(row, c["code"].get<std::string>() + "," + name + "," + c["attended"].dump() +
                           "," + c["hosted"].dump() + "\r");
        ASSERT_TRUE(std::getline(jsonl_in, row));
        EXPECT_EQ(json::parse(row), c);
    }
    EXPECT_FALSE(std::getline(csv_in, row));
}

TEST_F(QueryCliTest, CountriesLimitKeepsTheFirstRowsInEveryFormat)
{
    json all = query_json("countries", {});
    ASSERT_GT(all["countries"].size(), 5u);
    json five = query_json("countries", {"--limit", "5"});
    ASSERT_EQ(five["countries"].size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(five["countries"][i], all["countries"][i]);
    Outcome csv = query("countries", {"--limit", "3", "--format", "csv"});
    EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 4) << csv.out;
    Outcome text = query("countries", {"--limit", "2"});
    ASSERT_EQ(text.status, kOk) << describe(text);
    std::string total = std::to_string(all["countries"].size()) + " countries, 2 shown\n";
    ASSERT_GE(text.out.size(), total.size());
    EXPECT_EQ(text.out.substr(text.out.size() - total.size()), total);
    EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\n'), 4) << text.out;
    Outcome zero = query("countries", {"--limit", "0"});
    EXPECT_EQ(zero.status, kUsage);
    EXPECT_EQ(zero.err,
              "infonote-query: error: --limit: takes a whole number from 1 to 4294967295, not '0'\n"
              "Try 'infonote-query countries --help' for more information.\n");
}

TEST_F(QueryCliTest, AttendedAcceptsAliasesAndSuggestsForTypos)
{
    json by_code = query_json("attended", {"KZ"});
    json by_name = query_json("attended", {"Republic of Kazakhstan"});
    EXPECT_EQ(paths_of(by_code), paths_of(by_name));
    Outcome r = query("attended", {"Kazahstan"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(
        r.err,
        "infonote-query: error: unknown country 'Kazahstan'; did you mean Kazakhstan (KZ)?\n");
}

TEST_F(QueryCliTest, OrgRoleFiltersByOneRoleAsTheParsedNotesSay)
{
    // acronym -> role -> paths, from what parse read.
    std::map<std::string, std::map<std::string, std::set<std::string>>> by_role;
    for (const auto& [path, n] : indexed())
        for (const json& o : n["organizations"])
            if (o["acronym"].is_string()) by_role[o["acronym"]][o["role"]].insert(path);
    std::size_t both = 0;
    for (const auto& [acronym, roles] : by_role) {
        SCOPED_TRACE(acronym);
        std::set<std::string> any;
        for (const std::string role : {"organizer", "participant"}) {
            std::set<std::string> expected =
                roles.count(role) ? roles.at(role) : std::set<std::string>{};
            any.insert(expected.begin(), expected.end());
            EXPECT_EQ(paths_of(query_json("search", {"--org", acronym, "--org-role", role})),
                      expected)
                << role;
        }
        EXPECT_EQ(paths_of(query_json("search", {"--org", acronym})), any);
        if (roles.size() == 2) ++both;
    }
    // Organizations met in both roles, so that each filter leaves some out.
    EXPECT_GE(both, 2u);
}

TEST_F(QueryCliTest, UnknownOrganizationsGetADidYouMeanAndExitTwo)
{
    Outcome r = query("search", {"--org", "UNODAA"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "infonote-query: error: unknown organization 'UNODAA'; did you mean UNODA (United "
              "Nations Office for Disarmament Affairs)?\n");
    r = query("attended", {"KZ", "--org", "Interpool"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.err,
              "infonote-query: error: unknown organization 'Interpool'; did you mean INTERPOL "
              "(International Criminal Police Organization)?\n");
    r = query("countries", {"--org", "Xyzzy Foundation"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.err, "infonote-query: error: unknown organization 'Xyzzy Foundation'\n");
    // org: in the query text is checked as --org is.
    r = query("search", {"workshop org:UNODAA"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.err,
              "infonote-query: error: unknown organization 'UNODAA'; did you mean UNODA (United "
              "Nations Office for Disarmament Affairs)?\n");
    // Known to the index under any spelling: no error.
    EXPECT_EQ(query("search", {"--org", "unoda"}).status, kOk);
    EXPECT_EQ(query("search", {"org:unoda"}).status, kOk);
    r = query("search", {"--org-role", "organizer"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.err, "infonote-query: error: --org-role goes with --org\n");
    r = query("search", {"--org", "UNODA", "--org-role", "host"});
    EXPECT_EQ(r.status, kUsage);
    EXPECT_EQ(r.err,
              "infonote-query: error: --org-role: must be organizer or participant, not 'host'\n"
              "Try 'infonote-query search --help' for more information.\n");
}

TEST_F(QueryCliTest, ShowListsEachOrganizationWithItsRole)
{
    std::size_t seen = 0;
    for (const auto& [path, n] : indexed()) {
        if (n["organizations"].size() < 3) continue;
        Outcome shown = query("show", {n["id"].get<std::string>()});
        ASSERT_EQ(shown.status, kOk) << describe(shown);
        for (const json& o : n["organizations"]) {
            std::string line = "organization  " +
                               (o["acronym"].is_string() ? o["acronym"].get<std::string>() + "  "
                                                         : std::string()) +
                               o["name"].get<std::string>() + "  (" +
                               o["role"].get<std::string>() + ")\n";
            EXPECT_NE(shown.out.find(line), std::string::npos) << path << ": " << line;
        }
        if (++seen == 5) break;
    }
    EXPECT_EQ(seen, 5u);
}

// --- filters ----------------------------------------------------------------

TEST_F(QueryCliTest, DateRangesMatchOverlappingEvents)
{
    auto expect_range = [](const std::string& from, const std::string& to,
                           std::vector<std::string> args) {
        std::set<std::string> expected;
        for (const auto& [path, n] : indexed()) {
            if (!n["start_date"].is_string()) continue;
            if (n["start_date"].get<std::string>() <= to &&
                n["end_date"].get<std::string>() >= from)
                expected.insert(path);
        }
        EXPECT_EQ(paths_of(query_json("search", args)), expected) << args.back();
    };
    expect_range("2014-01-01", "2014-12-31", {"date:2014"});
    expect_range("2015-12-01", "2016-01-31", {"date:2015-12..2016-01"});
    expect_range("2019-01-01", "9999", {"--from", "2019"});
    expect_range("0000", "2012-06-30", {"--to", "2012-06"});
}

TEST_F(QueryCliTest, TypeRegionAndVenueFiltersMatchTheParsedNotes)
{
    const auto regions = m49();
    std::set<std::string> workshops, central_asia, in_kz_or_kg;
    for (const auto& [path, n] : indexed()) {
        if (n["type"] == "workshop") workshops.insert(path);
        const json& v = n["venue"]["country"];
        if (!v.is_string()) continue;
        if (regions.count(v)) {
            const auto& r = regions.at(v);
            if (std::find(r.begin(), r.end(), "Central Asia") != r.end()) central_asia.insert(path);
        }
        if (v == "KZ" || v == "KG") in_kz_or_kg.insert(path);
    }
    EXPECT_FALSE(workshops.empty());
    EXPECT_EQ(paths_of(query_json("search", {"--type", "Workshops"})), workshops);
    EXPECT_EQ(paths_of(query_json("search", {"type:atelier"})), workshops);
    EXPECT_EQ(paths_of(query_json("search", {"--region", "central asia"})), central_asia);
    EXPECT_EQ(
        paths_of(query_json("search", {"--venue-country", "Kazakhstan", "--venue-country", "KG"})),
        in_kz_or_kg);
}

TEST_F(QueryCliTest, SeveralCountriesAreAllRequiredUnlessAnyCountry)
{
    std::set<std::string> both, either;
    for (const auto& [path, n] : indexed()) {
        std::set<std::string> a = attended_by(n);
        if (a.count("KZ") && a.count("UZ")) both.insert(path);
        if (a.count("KZ") || a.count("UZ")) either.insert(path);
    }
    EXPECT_EQ(paths_of(query_json("search", {"--country", "KZ", "--country", "UZ"})), both);
    EXPECT_EQ(
        paths_of(query_json("search", {"--country", "KZ", "--country", "UZ", "--any-country"})),
        either);
}

// --- formats ------------------------------------------------------------------

// RFC 4180 records: fields split on commas outside quotes, "" for a quote.
std::vector<std::vector<std::string>> read_csv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

TEST_F(QueryCliTest, CsvRoundTripsThroughACsvReader)
{
    json page = query_json("search", {"--all"});
    Outcome r = query("search", {"--all", "--format", "csv"});
    ASSERT_EQ(r.status, kOk) << describe(r);
    auto rows = read_csv(r.out);
    ASSERT_EQ(rows.size(), page["hits"].size() + 1);
    const std::vector<std::string>& header = rows[0];
    ASSERT_EQ(header[0], "id");
    auto column = [&header](const std::string& name) {
        return std::find(header.begin(), header.end(), name) - header.begin();
    };
    bool saw_quoted_title = false;
    for (std::size_t i = 0; i < page["hits"].size(); ++i) {
        const json& hit = page["hits"][i];
        const std::vector<std::string>& row = rows[i + 1];
        ASSERT_EQ(row.size(), header.size()) << i;
        EXPECT_EQ(row[column("id")], hit["id"]);
        EXPECT_EQ(row[column("path")], hit["path"]);
        EXPECT_EQ(row[column("title")],
                  hit["title"].is_string() ? hit["title"].get<std::string>() : "");
        EXPECT_EQ(row[column("start_date")],
                  hit["start_date"].is_string() ? hit["start_date"].get<std::string>() : "");
        std::string codes;
        for (const json& c : hit["countries"])
            codes += (codes.empty() ? "" : ";") + c["code"].get<std::string>();
        EXPECT_EQ(row[column("countries")], codes);
        saw_quoted_title |=
            row[column("title")] == "Workshop on \"effective\" export controls, part 2";
    }
    EXPECT_TRUE(saw_quoted_title);
}

// Cells a spreadsheet would run as formulas: titles and cities beginning
// with =, +, -, @, a tab or a CR. They get a leading ' unless --csv-raw.
TEST_F(QueryCliTest, CsvDefusesFormulaCellsUnlessRaw)
{
    TempDir tmp;
    fs::path corpus = tmp.path() / "notes";
    fs::create_directories(corpus);
    const std::vector<std::pair<std::string, std::string>> notes{
        {"=HYPERLINK(\"http://evil.example/\",\"click\")", "=1+2 Bishkek"},
        {"+Workshop on licensing", "@Bishkek"},
        {"@SUM(A1:A9) seminar", "Bishkek"},
        {"\tTabbed workshop", "Bishkek"},
    };
    for (std::size_t i = 0; i < notes.size(); ++i)
        write_file(corpus / ("formula-" + std::to_string(i) + ".txt"),
                   "Event: " + notes[i].first + "\nDate and venue: " + std::to_string(3 + i) +
                       " May 2016, " + notes[i].second +
                       ", Kyrgyzstan\nParticipants:\nStates: Kazakhstan, Kyrgyzstan\n\n"
                       "Background\nThe event reviewed licensing.\n");
    fs::path db = tmp.path() / "db";
    Outcome built = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(built.status, kOk) << describe(built);

    json page = json::parse(run({kQueryBin, "search", "--db", db.string(), "--format", "json"}).out,
                            nullptr, false);
    ASSERT_EQ(page["hits"].size(), notes.size()) << page;
    // The parser keeps what the cells begin with.
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(page["hits"][i]["title"].get<std::string>()[0], notes[i].first[0]) << page;
    EXPECT_EQ(page["hits"][0]["venue"]["city"], "=1+2 Bishkek") << page;
    EXPECT_EQ(page["hits"][1]["venue"]["city"], "@Bishkek") << page;
    for (bool raw : {false, true}) {
        SCOPED_TRACE(raw ? "--csv-raw" : "defused");
        std::vector<std::string> argv{kQueryBin, "search", "--db", db.string(), "--format", "csv"};
        if (raw) argv.push_back("--csv-raw");
        Outcome r = run(argv);
        ASSERT_EQ(r.status, kOk) << describe(r);
        auto rows = read_csv(r.out);
        ASSERT_EQ(rows.size(), notes.size() + 1);
        const std::vector<std::string>& header = rows[0];
        auto column = [&header](const std::string& name) {
            return std::find(header.begin(), header.end(), name) - header.begin();
        };
        auto as_cell = [raw](const std::string& value) {
            bool formula =
                !value.empty() && std::string("=+-@\t\r").find(value[0]) != std::string::npos;
            return (formula && !raw ? "'" : "") + value;
        };
        for (std::size_t i = 0; i < notes.size(); ++i) {
            const std::vector<std::string>& row = rows[i + 1];
            const json& hit = page["hits"][i];
            ASSERT_EQ(row.size(), header.size());
            EXPECT_EQ(row[column("title")], as_cell(hit["title"]));
            EXPECT_EQ(row[column("venue_city")], as_cell(hit["venue"]["city"]));
            // Dates and codes never start so and are as stored.
            EXPECT_EQ(row[column("start_date")], hit["start_date"]);
            EXPECT_EQ(row[column("countries")], "KZ;KG");
        }
    }
    // The first title, quoted as RFC 4180 wants and defused.
    Outcome first =
        run({kQueryBin, "search", "--db", db.string(), "--format", "csv", "--limit", "1"});
    EXPECT_NE(first.out.find(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\","),
              std::string::npos)
        << first.out;
    Outcome misplaced = run({kQueryBin, "search", "--db", db.string(), "--csv-raw"});
    EXPECT_EQ(misplaced.status, kUsage);
    EXPECT_EQ(misplaced.err, "infonote-query: error: --csv-raw goes with --format csv\n");
}

TEST_F(QueryCliTest, JsonLinesHoldTheSameHitsOnePerLine)
{
    json page = query_json("attended", {"KZ"});
    Outcome r = query("attended", {"KZ", "--format", "jsonl"});
    ASSERT_EQ(r.status, kOk);
    std::istringstream lines(r.out);
    std::size_t i = 0;
    for (std::string line; std::getline(lines, line); ++i) {
        ASSERT_LT(i, page["hits"].size());
        EXPECT_EQ(json::parse(line), page["hits"][i]);
    }
    EXPECT_EQ(i, page["hits"].size());
}

TEST_F(QueryCliTest, TextTableFitsTheWidthAndEndsWithTheTotal)
{
    for (const char* width : {"60", "100"}) {
        Outcome r = run({"/usr/bin/env", std::string("COLUMNS=") + width, kQueryBin, "search",
                         "--db", db_.string(), "workshop", "--facets", "country"});
        ASSERT_EQ(r.status, kOk) << describe(r);
        std::istringstream lines(r.out);
        std::string last;
        for (std::string line; std::getline(lines, line); last = line) {
            std::size_t chars = 0;
            for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
            EXPECT_LE(chars, std::stoul(width)) << line;
            EXPECT_EQ(line.find('\x1b'), std::string::npos) << "colour when piped";
        }
        EXPECT_NE(last.find(" notes, "), std::string::npos) << last;
    }
}

// The text table reads a page's fields from the value streams, JSON from
// whole documents (query/searcher.cc): both show the same hits, in the same
// order, with the same titles and snippets.
TEST_F(QueryCliTest, TextHitsShowWhatTheJsonHolds)
{
    // "export*" has its snippets cut by Xapian (query/searcher.cc).
    for (const char* words : {"export control", "workshop", "nuclear OR customs", "export*"}) {
        json page = query_json("search", {words, "--limit", "6"});
        ASSERT_GT(page["hits"].size(), 1u) << words;
        Outcome r = run({"/usr/bin/env", "COLUMNS=1000", kQueryBin, "search", "--db", db_.string(),
                         words, "--limit", "6"});
        ASSERT_EQ(r.status, kOk) << describe(r);
        std::size_t at = 0;
        for (const json& hit : page["hits"]) {
            std::size_t id = r.out.find("  id " + hit["id"].get<std::string>() + "\n", at);
            ASSERT_NE(id, std::string::npos) << words << ": " << hit["id"] << " in\n" << r.out;
            std::size_t line = r.out.rfind('\n', r.out.rfind('\n', id) - 1);
            std::string heading = r.out.substr(line + 1, r.out.rfind('\n', id) - line);
            EXPECT_NE(heading.find(hit["title"].get<std::string>()), std::string::npos) << heading;
            ASSERT_TRUE(hit["snippet"].is_string());
            std::string snippet = hit["snippet"];
            EXPECT_FALSE(snippet.empty()) << hit["id"];
            std::size_t next_line = r.out.find('\n', id) + 1;
            EXPECT_EQ(r.out.compare(next_line, snippet.size() + 5, "    " + snippet + "\n"), 0)
                << r.out.substr(next_line, snippet.size() + 5) << "\nexpected: " << snippet;
            at = id + 1;
        }
    }
}

TEST_F(QueryCliTest, RankedSearchHasScoresSnippetsAndPages)
{
    json full = query_json("search", {"workshop", "--all"});
    ASSERT_GT(full["hits"].size(), 6u);
    EXPECT_EQ(full["total"], full["hits"].size());
    for (const json& hit : full["hits"]) {
        EXPECT_TRUE(hit["score"].is_number());
        ASSERT_TRUE(hit["snippet"].is_string());
    }
    json page = query_json("search", {"workshop", "--limit", "3", "--offset", "2"});
    ASSERT_EQ(page["hits"].size(), 3u);
    EXPECT_EQ(page["total"], full["total"]);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(page["hits"][i]["id"], full["hits"][i + 2]["id"]);
    json reversed = query_json("search", {"workshop", "--all", "--reverse"});
    ASSERT_EQ(reversed["hits"].size(), full["hits"].size());
    EXPECT_EQ(reversed["hits"][0]["id"], full["hits"].back()["id"]);
    // Newest first; undated notes, which sort as earliest, come last.
    json by_date = query_json("search", {"workshop", "--all", "--sort", "date", "--reverse"});
    std::string previous = "9999";
    for (const json& hit : by_date["hits"]) {
        std::string start =
            hit["start_date"].is_string() ? hit["start_date"].get<std::string>() : "";
        EXPECT_LE(start, previous);
        previous = start;
    }
}

// A page's total is counted apart from the page (query/match_count.h) or
// by Xapian: either way it is the length of the full list.
TEST_F(QueryCliTest, APageTotalIsTheFullListLength)
{
    int several = 0;
    for (const char* words : {"workshop", "export control", "nuclear OR customs",
                              "workshop NOT nuclear", "country:KZ workshop", "\"export control\"",
                              "workshop -security OR seminar", "export*"}) {
        json full = query_json("search", {words, "--all"});
        json page = query_json("search", {words, "--limit", "2"});
        EXPECT_EQ(page["total"], full["hits"].size()) << words;
        EXPECT_EQ(page["total"], full["total"]) << words;
        several += full["hits"].size() > 2;
    }
    EXPECT_GE(several, 6);
}

TEST_F(QueryCliTest, VerboseShowsTheXapianQueryOnStderr)
{
    Outcome plain = query("search", {"export", "controls", "--limit", "3"});
    Outcome told = run(
        {kQueryBin, "-v", "search", "--db", db_.string(), "export", "controls", "--limit", "3"});
    EXPECT_EQ(told.status, plain.status);
    EXPECT_EQ(told.out, plain.out);
    EXPECT_NE(told.err.find("infonote-query: query: Query((Zexport@1 AND Zcontrol@2))"),
              std::string::npos)
        << told.err;
}

TEST_F(QueryCliTest, HyphenatedClosedAndSpacedFormsFindEachOther)
{
    std::set<std::string> hyphenated =
        paths_of(query_json("search", {"\"non-proliferation\"", "--all"}));
    ASSERT_FALSE(hyphenated.empty());
    EXPECT_EQ(hyphenated.count("closed-form.txt"), 0u);
    for (const char* form : {"non-proliferation", "nonproliferation", "Non-Proliferation"}) {
        std::set<std::string> found = paths_of(query_json("search", {form, "--all"}));
        EXPECT_EQ(found.count("closed-form.txt"), 1u) << form;
        for (const std::string& p : hyphenated) EXPECT_EQ(found.count(p), 1u) << form << " " << p;
    }
    std::set<std::string> spaced =
        paths_of(query_json("search", {"non", "proliferation", "--all"}));
    for (const std::string& p : hyphenated) EXPECT_EQ(spaced.count(p), 1u) << p;
}

TEST_F(QueryCliTest, MisspeltWordGetsADidYouMean)
{
    Outcome r = query("search", {"worshop"});
    EXPECT_EQ(r.status, kNoMatch) << describe(r);
    EXPECT_EQ(r.err, "infonote-query: did you mean: workshop\n");
    json page = query_json("search", {"worshop"});
    EXPECT_EQ(page["did_you_mean"], "workshop");
    // A word the notes use is never corrected, however close a more
    // frequent one is ("controls" and "control").
    Outcome known = query("search", {"export", "controls"});
    EXPECT_EQ(known.status, kOk) << describe(known);
    EXPECT_EQ(known.err, "");
}

// --- show, stats, timeline -----------------------------------------------------

TEST_F(QueryCliTest, ShowFindsANoteByIdOrPath)
{
    const json& any = indexed().at("quoted-title.txt");
    for (const std::string& target : {any["id"].get<std::string>(), std::string("quoted-title.txt"),
                                      (corpus_ / "quoted-title.txt").string()}) {
        SCOPED_TRACE(target);
        json shown = query_json("show", {target});
        EXPECT_EQ(shown["id"], any["id"]);
        EXPECT_EQ(shown["text"], kQuotedNote);
        Outcome line = query("show", {target, "--format", "jsonl"});
        EXPECT_EQ(std::count(line.out.begin(), line.out.end(), '\n'), 1) << line.out;
        EXPECT_EQ(json::parse(line.out), shown);
        Outcome text = query("show", {target});
        EXPECT_EQ(text.status, kOk);
        EXPECT_NE(text.out.find("reviewed licensing."), std::string::npos);
    }
    Outcome missing = query("show", {"no-such-note.txt"});
    EXPECT_EQ(missing.status, kNoMatch);
    EXPECT_NE(missing.err.find("no-such-note.txt"), std::string::npos);
}

// show says where each fact was read, exactly as parse does.
TEST_F(QueryCliTest, ShowGivesTheEvidenceParseGives)
{
    for (const std::string name : {"quoted-title.txt", "astana-2014-central-asia-workshop.txt",
                                   "layout-flattened.txt"}) {
        SCOPED_TRACE(name);
        const json& parsed = notes_->at(name);
        json shown = query_json("show", {name});
        EXPECT_EQ(shown["countries"], parsed["countries"]);
        EXPECT_EQ(shown["organizations"], parsed["organizations"]);
        EXPECT_EQ(shown["venue"], parsed["venue"]);
        EXPECT_EQ(shown["dates"], parsed["dates"]);
        EXPECT_EQ(shown["kind"], "information-note");
        for (const json& c : shown["countries"]) EXPECT_TRUE(c["evidence"].is_object()) << c;
    }
    Outcome text = query("show", {"quoted-title.txt"});
    EXPECT_EQ(text.status, kOk) << describe(text);
    EXPECT_NE(text.out.find("\ncountry  KZ  Kazakhstan  (participant)\n"
                            "           header line 4: States: Kazakhstan, Kyrgyzstan, "
                            "Tajikistan\n"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("\nend      2016-05-04\n           header line 2: Date and venue: 3-4 May 2016, "
                            "Bishkek, Kyrgyzstan\n"),
              std::string::npos)
        << text.out;
}

// The kind facet and filter agree with what parse read of each file.
TEST_F(QueryCliTest, KindFacetAndFilterCountWhatParseRead)
{
    Counts kinds;
    for (const auto& [path, n] : indexed()) ++kinds[n["kind"].get<std::string>()];
    ASSERT_GE(kinds.size(), 2u) << "the corpus should hold notes and header-less documents";
    json page = query_json("search", {"--all", "--limit", "1", "--facets", "kind"});
    Counts faceted;
    for (const json& v : page["facets"]["kind"]) faceted[v["value"]] = v["count"];
    EXPECT_EQ(faceted, kinds);
    for (const auto& [kind, count] : kinds) {
        SCOPED_TRACE(kind);
        json only = query_json("search", {"--kind", kind, "--limit", "1"});
        EXPECT_EQ(only["total"], count);
        EXPECT_EQ(query_json("search", {"kind:" + kind, "--limit", "1"})["total"], count);
        // The facet keeps counting the other kinds under its own filter.
        json under = query_json("search", {"--kind", kind, "--facets", "kind", "--limit", "1"});
        EXPECT_EQ(under["facets"]["kind"].size(), kinds.size());
    }
    Outcome bad = query("search", {"--kind", "memo"});
    EXPECT_EQ(bad.status, kUsage);
    EXPECT_EQ(bad.err,
              "infonote-query: error: unknown document kind 'memo'; known kinds: information-note, "
              "press-release, web-update, announcement, other\n");
}

TEST_F(QueryCliTest, StatsSummariseTheIndex)
{
    json stats = query_json("stats", {});
    EXPECT_EQ(stats["notes"], indexed().size());
    std::string first = "9999", last = "0000";
    for (const auto& [path, n] : indexed()) {
        if (!n["start_date"].is_string()) continue;
        first = std::min(first, n["start_date"].get<std::string>());
        last = std::max(last, n["end_date"].get<std::string>());
    }
    EXPECT_EQ(stats["first_date"], first);
    EXPECT_EQ(stats["last_date"], last);
    EXPECT_TRUE(stats["built"].is_string());
    EXPECT_EQ(stats["top_countries"].size(), 10u);
}

TEST_F(QueryCliTest, TimelineCountsEveryNoteOnceByItsStart)
{
    Counts years, months;
    unsigned undated = 0;
    for (const auto& [path, n] : indexed()) {
        if (!n["start_date"].is_string()) {
            ++undated;
            continue;
        }
        ++years[n["start_date"].get<std::string>().substr(0, 4)];
        ++months[n["start_date"].get<std::string>().substr(0, 7)];
    }
    const std::map<std::string, const Counts*> by_period{{"year", &years}, {"month", &months}};
    for (const auto& [by, counts] : by_period) {
        const Counts& expected = *counts;
        json t = query_json("timeline", {"--by", by, "--documents"});
        Counts got;
        for (const json& p : t["periods"])
            if (p["notes"] > 0) got[p["period"]] = p["notes"];
        EXPECT_EQ(got, expected) << by;
        EXPECT_EQ(t["undated"], undated);
        // Empty periods between the first and the last are listed.
        EXPECT_EQ(t["periods"].front()["period"], expected.begin()->first);
        EXPECT_EQ(t["periods"].back()["period"], expected.rbegin()->first);
    }
    Outcome csv = query("timeline", {"--format", "csv"});
    EXPECT_EQ(csv.out.rfind("year,notes\r\n", 0), 0u);
    // Block characters under a UTF-8 locale, '#' under the C locale, the
    // bars as long either way.
    auto timeline_in = [](const char* locale) {
        std::vector<std::string> argv{kQueryBin, "timeline", "--db", db_.string()};
        return run(argv, [locale] {
            unsetenv("LC_CTYPE");
            unsetenv("LANG");
            setenv("LC_ALL", locale, 1);
        });
    };
    Outcome blocks = timeline_in("C.UTF-8");
    Outcome ascii = timeline_in("C");
    ASSERT_EQ(blocks.status, kOk) << describe(blocks);
    ASSERT_EQ(ascii.status, kOk) << describe(ascii);
    EXPECT_NE(blocks.out.find("\u2588"), std::string::npos);
    EXPECT_EQ(blocks.out.find('#'), std::string::npos);
    EXPECT_NE(ascii.out.find('#'), std::string::npos);
    EXPECT_TRUE(std::all_of(ascii.out.begin(), ascii.out.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        << ascii.out;
    std::string replaced = blocks.out;
    for (std::size_t at; (at = replaced.find("\u2588")) != std::string::npos;)
        replaced.replace(at, std::string("\u2588").size(), "#");
    EXPECT_EQ(replaced, ascii.out);
}

// --- errors ---------------------------------------------------------------------

TEST_F(QueryCliTest, BadValuesExitTwoWithOneLine)
{
    for (std::vector<std::string> args :
         std::vector<std::vector<std::string>>{{"search", "--facets", "colour"},
                                               {"search", "--region", "Atlantis"},
                                               {"search", "--type", "picnic"},
                                               {"search", "--from", "2016", "--to", "2015"},
                                               {"search", "date:yesterday"},
                                               {"search", "year:14"},
                                               {"search", "workshop AND"},
                                               {"countries", "--country", "Atlantis"}}) {
        std::string cmd = args[0];
        args.erase(args.begin());
        Outcome r = query(cmd, args);
        EXPECT_EQ(r.status, kUsage) << describe(r);
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.out, "");
    }
}

// --limit and --offset are counts of hits, which Xapian counts in 32 bits:
// past that, or below zero, they are refused rather than cut.
TEST_F(QueryCliTest, PagingFlagsOutOfRangeExitTwoNamingTheFlag)
{
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--limit", "4294967296"},
         "--limit: takes a whole number from 1 to 4294967295, not "
         "'4294967296'"},
        {{"--limit", "0"}, "--limit: takes a whole number from 1 to 4294967295, not '0'"},
        {{"--limit", "-5"}, "--limit: takes a whole number from 1 to 4294967295, not '-5'"},
        {{"--offset", "-1"}, "--offset: takes a whole number from 0 to 4294967295, not '-1'"},
        {{"--offset", "18446744073709551616"},
         "--offset: takes a whole number from 0 to 4294967295, not '18446744073709551616'"},
        {{"--offset", "2x"}, "--offset: takes a whole number from 0 to 4294967295, not '2x'"},
    };
    for (const auto& [args, message] : cases) {
        SCOPED_TRACE(args[0] + " " + args[1]);
        Outcome r = query("search", args);
        EXPECT_EQ(r.status, kUsage) << describe(r);
        EXPECT_EQ(r.err, "infonote-query: error: " + message +
                             "\nTry 'infonote-query search --help' for more information.\n");
        EXPECT_EQ(r.out, "");
    }
    // The largest counts are taken as they are.
    json all = query_json("search", {"--all"});
    json most = query_json("search", {"--limit", "4294967295"});
    EXPECT_EQ(most["hits"].size(), all["hits"].size());
    json past = query_json("search", {"--offset", "4294967295"});
    EXPECT_EQ(past["hits"].size(), 0u);
    EXPECT_EQ(past["total"], all["total"]);
}

// Every term costs a posting list and a spelling look-up: a query is
// bounded in bytes and terms (10,000 words ORed once took minutes).
TEST_F(QueryCliTest, OversizedQueriesExitTwoWithOneLine)
{
    auto ored = [](std::size_t n) {
        std::string q;
        for (std::size_t i = 0; i < n; ++i) q += (i ? " OR w" : "w") + std::to_string(i);
        return q;
    };
    Outcome many = query("search", {ored(300)});
    EXPECT_EQ(many.status, kUsage) << describe(many);
    EXPECT_EQ(many.err,
              "infonote-query: error: query has 300 terms; a query may have at most 256\n");
    Outcome huge = query("search", {ored(10000)});
    EXPECT_EQ(huge.status, kUsage) << describe(huge);
    EXPECT_EQ(huge.err, "infonote-query: error: query is " + std::to_string(ored(10000).size()) +
                            " bytes long; a query may have at most 8192\n");
    EXPECT_EQ(huge.out, "");
    // 256 terms are still a query.
    Outcome most = query("search", {ored(255) + " OR workshop", "--format", "json"});
    EXPECT_EQ(most.status, kOk) << describe(most);
}

}  // namespace
