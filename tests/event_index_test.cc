// Events at index time: build and update group the documents of one event,
// whatever the file order, and an update groups as a fresh build does.
#include <algorithm>
#include <cctype>
#include <functional>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "event_grouping.h"
#include "process_helpers.h"
#include "schema.h"

namespace {

namespace fs = std::filesystem;
using infonote::test::describe;
using infonote::test::Outcome;
using infonote::test::run;
using infonote::test::TempDir;
using infonote::test::write_file;

const std::string kIndexBin = INFONOTE_INDEX_BIN;
const std::string kQueryBin = INFONOTE_QUERY_BIN;

nlohmann::json query_json(const fs::path& db, std::vector<std::string> args)
{
    std::vector<std::string> argv{kQueryBin};
    argv.insert(argv.end(), args.begin(), args.end());
    for (const char* a : {"--db", "", "--format", "json"}) argv.push_back(a);
    argv[argv.size() - 3] = db.string();
    Outcome r = run(argv);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << describe(r);
    return nlohmann::json::parse(r.out, nullptr, false);
}

// Event id -> the codes its documents list as participant or host.
std::map<std::string, std::set<std::string>> states_by_event(const fs::path& db)
{
    std::map<std::string, std::set<std::string>> out;
    Xapian::Database database(db.string());
    for (auto p = database.postlist_begin(""); p != database.postlist_end(""); ++p) {
        Xapian::Document doc = database.get_document(*p);
        std::string codes = doc.get_value(infonote::kCountriesSlot);
        std::set<std::string>& states = out[doc.get_value(infonote::kEventSlot)];
        for (std::size_t i = 0; i + 2 <= codes.size(); i += 2) states.insert(codes.substr(i, 2));
    }
    return out;
}

using Partition = std::set<std::set<std::string>>;

struct IndexedEvents {
    /// Path -> event id.
    std::map<std::string, std::string> event_of;
    /// Path -> the key grouping read.
    std::map<std::string, infonote::GroupingKey> key_of;
};

IndexedEvents read_events(const fs::path& db)
{
    IndexedEvents out;
    Xapian::Database database(db.string());
    for (auto p = database.postlist_begin(""); p != database.postlist_end(""); ++p) {
        Xapian::Document doc = database.get_document(*p);
        std::string listing = doc.get_value(infonote::kListingSlot).substr(8);
        std::size_t a = listing.find(infonote::kListSeparator);
        std::string id = listing.substr(0, a);
        std::string path = listing.substr(a + 1, listing.find(infonote::kListSeparator, a + 1) - a - 1);
        std::string event = doc.get_value(infonote::kEventSlot);
        out.event_of[path] = event;
        out.key_of[path] = infonote::unserialise_key(id, doc.get_value(infonote::kEventKeySlot));
        // The boolean term agrees with the slot.
        std::string term = infonote::filter_term(infonote::FieldId::Event, event);
        EXPECT_NE(database.postlist_begin(term), database.postlist_end(term)) << path;
    }
    return out;
}

// The events as sets of paths, with `rename` applied to each path.
Partition partition_of(const std::map<std::string, std::string>& event_of,
                       const std::function<std::string(const std::string&)>& rename = {})
{
    std::map<std::string, std::set<std::string>> by_event;
    for (const auto& [path, event] : event_of) by_event[event].insert(rename ? rename(path) : path);
    Partition out;
    for (auto& [event, paths] : by_event) out.insert(paths);
    return out;
}

using Ordered = nlohmann::ordered_json;

// The fields of one CSV record (RFC 4180, quoted fields undone).
std::vector<std::string> csv_fields(const std::string& line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string string_or_empty(const Ordered& value)
{
    return value.is_string() ? value.get<std::string>() : "";
}

// What a CSV listing row holds of a summary, read from the JSON by hand.
std::vector<std::string> expected_cells(const Ordered& s)
{
    std::string codes, organizations;
    for (const Ordered& c : s["countries"])
        codes += (codes.empty() ? "" : ";") + string_or_empty(c["code"]);
    for (const Ordered& o : s["organizations"])
        organizations +=
            (organizations.empty() ? "" : ";") + (o.contains("acronym") && o["acronym"].is_string()
                                                      ? o["acronym"].get<std::string>()
                                                      : string_or_empty(o["name"]));
    return {string_or_empty(s["id"]),
            string_or_empty(s["path"]),
            string_or_empty(s["title"]),
            string_or_empty(s["start_date"]),
            string_or_empty(s["end_date"]),
            string_or_empty(s["venue"]["city"]),
            string_or_empty(s["venue"]["country"]),
            s["venue"]["online"] == true ? "true" : "false",
            codes,
            organizations};
}

// The listings read from the records the indexer wrote give what the
// documents themselves give: each event `attended` lists (as JSON Lines,
// JSON and CSV) is `show EVENT`, merged from its documents' summaries,
// with the State's role from it; States are taken until every event with
// one is listed. And `search` lists each document as its stored summary
// with its event id.
void expect_listings_match_documents(const fs::path& db)
{
    std::map<std::string, Ordered> shown;
    auto show = [&](const std::string& id) -> const Ordered& {
        auto found = shown.find(id);
        if (found != shown.end()) return found->second;
        Outcome r = run({kQueryBin, "show", id, "--db", db.string(), "--format", "json"});
        EXPECT_EQ(r.status, 0) << describe(r);
        return shown.emplace(id, Ordered::parse(r.out, nullptr, false)).first->second;
    };
    auto listing = [&](const std::string& code, const char* format) {
        std::vector<std::string> argv{kQueryBin,   "attended", code,  "--db",
                                      db.string(), "--format", format};
        if (std::string(format) == "csv") argv.push_back("--csv-raw");
        Outcome r = run(argv);
        EXPECT_EQ(r.status, 0) << describe(r);
        return r.out;
    };
    std::map<std::string, std::set<std::string>> states = states_by_event(db);
    std::map<std::string, std::set<std::string>> events_of;
    for (const auto& [event, codes] : states)
        for (const std::string& code : codes) events_of[code].insert(event);
    std::set<std::string> unlisted;
    for (const auto& [event, codes] : states)
        if (!codes.empty()) unlisted.insert(event);
    std::size_t rows = 0;
    while (!unlisted.empty()) {
        std::string best;
        std::size_t most = 0;
        for (const auto& [code, events] : events_of) {
            std::size_t n = 0;
            for (const std::string& e : events) n += unlisted.count(e);
            if (n > most) {
                most = n;
                best = code;
            }
        }
        ASSERT_GT(most, 0u);
        SCOPED_TRACE(best);
        std::vector<std::string> jsonl = lines_of(listing(best, "jsonl"));
        std::vector<std::string> csv = lines_of(listing(best, "csv"));
        Ordered document = Ordered::parse(listing(best, "json"));
        ASSERT_EQ(jsonl.size(), events_of[best].size());
        ASSERT_EQ(csv.size(), jsonl.size() + 1);
        ASSERT_EQ(document["hits"].size(), jsonl.size());
        for (std::size_t i = 0; i < jsonl.size(); ++i) {
            Ordered hit = Ordered::parse(jsonl[i]);
            EXPECT_EQ(hit, document["hits"][i]);
            std::string event = hit["event_id"];
            unlisted.erase(event);
            const Ordered& expected = show(event);
            std::string role;
            for (const Ordered& c : expected["countries"])
                if (c["code"] == best)
                    for (const Ordered& r : c["roles"])
                        role += (role.empty() ? "" : ", ") + r.get<std::string>();
            EXPECT_EQ(hit["role"], role) << event;
            EXPECT_TRUE(hit["score"].is_null());
            EXPECT_TRUE(hit["snippet"].is_null());
            for (const char* added : {"role", "score", "snippet"}) hit.erase(added);
            // The same keys in the same order, the same values.
            EXPECT_EQ(hit.dump(), expected.dump()) << event;
            std::vector<std::string> cells = csv_fields(csv[i + 1]);
            ASSERT_EQ(cells.size(), 13u) << csv[i + 1];
            EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.begin() + 10),
                      expected_cells(expected));
            EXPECT_EQ(cells[12], role);
            ++rows;
        }
    }
    EXPECT_GT(rows, 0u);

    Outcome all = run({kQueryBin, "search", "--db", db.string(), "--format", "jsonl"});
    ASSERT_EQ(all.status, 0) << describe(all);
    std::map<std::string, std::string> data_of, event_of;
    Xapian::Database database(db.string());
    for (auto p = database.postlist_begin(""); p != database.postlist_end(""); ++p) {
        Xapian::Document doc = database.get_document(*p);
        Ordered summary = Ordered::parse(doc.get_data());
        data_of[summary["id"]] = doc.get_data();
        event_of[summary["id"]] = doc.get_value(infonote::kEventSlot);
    }
    std::vector<std::string> hits = lines_of(all.out);
    EXPECT_EQ(hits.size(), data_of.size());
    for (const std::string& line : hits) {
        Ordered hit = Ordered::parse(line);
        std::string id = hit["id"];
        Ordered expected = Ordered::parse(data_of[id]);
        expected["event_id"] = event_of[id];
        expected["score"] = nullptr;
        expected["snippet"] = nullptr;
        EXPECT_EQ(line, expected.dump()) << id;
    }
}

void index(const std::string& command, const fs::path& corpus, const fs::path& db,
           std::vector<std::string> extra = {})
{
    std::vector<std::string> argv{kIndexBin, command, corpus.string(), "--db", db.string(),
                                  "--no-progress"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    Outcome r = run(argv);
    ASSERT_TRUE(r.status == 0 || r.status == 3) << describe(r);
}

std::string note(const std::string& title, const std::string& date_and_venue,
                 const std::string& participants)
{
    return "Information Note\n\nEvent: " + title + "\nOrganizers: UNODA\nDate and Venue: " +
           date_and_venue + "\nParticipants: " + participants +
           "\n\n1. Background\n\nThe event met as planned.\n";
}

// The same kind of note in another layout: markdown, labels the other way
// round, the venue before the date.
std::string markdown_note(const std::string& title, const std::string& venue_and_date,
                          const std::string& participants)
{
    return "# Information Note\n\n**Title:** " + title + "\n\n**Venue and Date:** " +
           venue_and_date + "\n\n**Participants:** " + participants +
           "\n\n## Background\n\nAnother note of the event.\n";
}

const std::string kExportTitle = "Workshop for Countries of Central Asia on Export Controls";

void write_hand_made(const fs::path& corpus)
{
    fs::create_directories(corpus);
    write_file(corpus / "a1.txt", note(kExportTitle, "11-12 March 2014, Astana, Kazakhstan",
                                       "Kazakhstan, Kyrgyzstan, Tajikistan"));
    write_file(corpus / "a2.md", markdown_note("Central Asia Export Controls Workshop",
                                               "Astana, Kazakhstan, 12 March 2014",
                                               "Turkmenistan, Uzbekistan"));
    // The same title a year later: another event, with a note of its own.
    write_file(corpus / "b.txt",
               note(kExportTitle, "10-11 March 2015, Astana, Kazakhstan", "Kazakhstan, Mongolia"));
    write_file(corpus / "e.md", markdown_note(kExportTitle, "Astana, Kazakhstan, 11 March 2015",
                                              "Kyrgyzstan"));
    // The same title and days elsewhere: another event.
    write_file(corpus / "c.txt",
               note(kExportTitle, "11-12 March 2014, Bishkek, Kyrgyzstan", "Kyrgyzstan, Tajikistan"));
    // Same days and city, another subject: another event.
    write_file(corpus / "d.txt", note("Seminar on Border Security and Customs",
                                      "11-12 March 2014, Astana, Kazakhstan", "Kazakhstan, Japan"));
}

TEST(EventIndex, BuildGroupsTheDocumentsOfOneEvent)
{
    TempDir dir;
    write_hand_made(dir.path() / "corpus");
    index("build", dir.path() / "corpus", dir.path() / "db");
    IndexedEvents events = read_events(dir.path() / "db");
    EXPECT_EQ(partition_of(events.event_of),
              (Partition{{"a1.txt", "a2.md"}, {"b.txt", "e.md"}, {"c.txt"}, {"d.txt"}}));
    // An event's id comes from its first Information Note's id.
    const std::string& a1 = events.key_of["a1.txt"].note_id;
    const std::string& a2 = events.key_of["a2.md"].note_id;
    EXPECT_EQ(events.event_of["a1.txt"], infonote::event_id_of(std::min(a1, a2)));
    EXPECT_EQ(events.event_of["c.txt"], infonote::event_id_of(events.key_of["c.txt"].note_id));
}

TEST(EventIndex, AttendedCountriesAndShowCountEvents)
{
    TempDir dir;
    write_hand_made(dir.path() / "corpus");
    fs::path db = dir.path() / "db";
    index("build", dir.path() / "corpus", db);
    IndexedEvents events = read_events(db);

    nlohmann::json kz = query_json(db, {"attended", "KZ"});
    ASSERT_TRUE(kz.is_object());
    EXPECT_EQ(kz["schema_version"], 3);
    // The Astana workshops of 2014 and 2015 and the border seminar.
    EXPECT_EQ(kz["total"], 3);
    ASSERT_EQ(kz["hits"].size(), 3u);
    nlohmann::json first;
    for (const auto& hit : kz["hits"])
        if (hit["event_id"] == events.event_of["a1.txt"]) first = hit;
    ASSERT_TRUE(first.is_object());
    ASSERT_EQ(first["sources"].size(), 2u);
    std::set<std::string> paths;
    for (const auto& src : first["sources"]) paths.insert(src["path"]);
    EXPECT_EQ(paths, (std::set<std::string>{"a1.txt", "a2.md"}));
    // The canonical title is the Information Note's (both are notes: the
    // first by id), and the States are the union of both documents'.
    std::set<std::string> codes;
    for (const auto& c : first["countries"]) codes.insert(c["code"]);
    EXPECT_EQ(codes, (std::set<std::string>{"KZ", "KG", "TJ", "TM", "UZ"}));
    EXPECT_EQ(query_json(db, {"attended", "KZ", "--documents"})["total"], 5);

    nlohmann::json countries = query_json(db, {"countries"});
    std::map<std::string, int> attended;
    for (const auto& c : countries["countries"]) attended[c["code"]] = c["attended"];
    EXPECT_EQ(attended["KZ"], 3);
    EXPECT_EQ(attended["KG"], 3);  // E1, E2 (e.md) and Bishkek.
    EXPECT_EQ(attended["TM"], 1);

    nlohmann::json shown = query_json(db, {"show", events.event_of["b.txt"]});
    EXPECT_EQ(shown["event_id"], events.event_of["b.txt"]);
    EXPECT_EQ(shown["sources"].size(), 2u);
    nlohmann::json doc = query_json(db, {"show", (dir.path() / "corpus" / "e.md").string()});
    EXPECT_EQ(doc["event_id"], events.event_of["e.md"]);
    EXPECT_EQ(doc["event"]["sources"].size(), 2u);

    nlohmann::json search = query_json(db, {"search", "export"});
    for (const auto& hit : search["hits"]) EXPECT_EQ(hit["event_id"], events.event_of[hit["path"]]);
    EXPECT_EQ(search["total"], 5);

    nlohmann::json timeline = query_json(db, {"timeline"});
    int in_periods = 0;
    for (const auto& p : timeline["periods"]) in_periods += p["notes"].get<int>();
    EXPECT_EQ(in_periods, 4);
}

TEST(EventIndex, UpdateGroupsAsAFreshBuild)
{
    TempDir dir;
    fs::path corpus = dir.path() / "corpus";
    write_hand_made(corpus);
    index("build", corpus, dir.path() / "db");
    const std::string c_event = read_events(dir.path() / "db").event_of["c.txt"];
    // d becomes a note of the Astana workshop; a2 goes; g, new, joins c.
    write_file(corpus / "d.txt", note("Export Controls in Central Asia",
                                      "11-12 March 2014, Astana, Kazakhstan", "Kazakhstan, Japan"));
    fs::remove(corpus / "a2.md");
    write_file(corpus / "g.txt",
               note(kExportTitle, "12 March 2014, Bishkek, Kyrgyzstan", "Uzbekistan"));
    index("update", corpus, dir.path() / "db");
    index("build", corpus, dir.path() / "fresh");
    IndexedEvents updated = read_events(dir.path() / "db");
    IndexedEvents fresh = read_events(dir.path() / "fresh");
    EXPECT_EQ(updated.event_of, fresh.event_of);
    EXPECT_EQ(partition_of(updated.event_of),
              (Partition{{"a1.txt", "d.txt"}, {"b.txt", "e.md"}, {"c.txt", "g.txt"}}));
    // A document joining an event whose first note stays leaves its id.
    if (updated.key_of["c.txt"].note_id < updated.key_of["g.txt"].note_id)
        EXPECT_EQ(updated.event_of["g.txt"], c_event);
    else
        EXPECT_EQ(updated.event_of["c.txt"], infonote::event_id_of(updated.key_of["g.txt"].note_id));
    // Splitting again: b's date moves, so e is left alone.
    write_file(corpus / "b.txt",
               note(kExportTitle, "10-11 June 2015, Astana, Kazakhstan", "Kazakhstan, Mongolia"));
    index("update", corpus, dir.path() / "db");
    index("build", corpus, dir.path() / "fresh2");
    EXPECT_EQ(read_events(dir.path() / "db").event_of, read_events(dir.path() / "fresh2").event_of);
    EXPECT_EQ(partition_of(read_events(dir.path() / "db").event_of),
              (Partition{{"a1.txt", "d.txt"}, {"b.txt"}, {"e.md"}, {"c.txt", "g.txt"}}));
}

// A generated collection where events have several documents: the stored
// grouping is the rule applied by brute force to the stored keys; the same
// files under shuffled names, and an update that adds, edits and removes
// some, give the same events.
class GeneratedEvents : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        Outcome r = run({INFONOTE_PYTHON, (fs::path(INFONOTE_SOURCE_DIR) / "scripts/generate_notes.py").string(),
                         "--count", "320", "--seed", "3", "--reports", "0.4", "--announcements",
                         "0.3", "--out", (dir_->path() / "corpus").string()});
        ASSERT_EQ(r.status, 0) << describe(r);
        fs::remove(dir_->path() / "corpus" / "ground_truth.jsonl");
        // Until prose documents give dates and venues, a second copy of
        // every 7th note (another file of the same event) makes events of
        // several documents.
        std::vector<fs::path> notes;
        for (const auto& e : fs::directory_iterator(dir_->path() / "corpus"))
            if (e.path().stem().string().find('-', 5) == std::string::npos)
                notes.push_back(e.path());
        std::sort(notes.begin(), notes.end());
        for (std::size_t i = 0; i < notes.size(); i += 7)
            fs::copy_file(notes[i], notes[i].parent_path() / ("dup-" + notes[i].filename().string()));
    }
    static void TearDownTestSuite() { delete dir_; }
    static TempDir* dir_;
};
TempDir* GeneratedEvents::dir_ = nullptr;

Partition brute_force(const std::map<std::string, infonote::GroupingKey>& key_of)
{
    std::vector<std::string> paths;
    std::vector<infonote::GroupingKey> keys;
    for (const auto& [path, key] : key_of) {
        paths.push_back(path);
        keys.push_back(key);
    }
    std::size_t n = keys.size();
    auto anchored = [&](std::size_t i) { return keys[i].dated() && keys[i].placed(); };
    std::vector<std::size_t> parent(n);
    for (std::size_t i = 0; i < n; ++i) parent[i] = i;
    std::function<std::size_t(std::size_t)> find = [&](std::size_t i) {
        return parent[i] == i ? i : parent[i] = find(parent[i]);
    };
    auto specific = [&](std::size_t i) { return anchored(i) && !keys[i].generic(); };
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (specific(i) && specific(j) && infonote::same_event(keys[i], keys[j]))
                parent[find(i)] = find(j);
    // A generic title joins the one event of distinctive titles it meets;
    // those that meet none join one another.
    std::vector<std::size_t> claimed(n, n);
    std::vector<bool> unclaimed(n, false);
    for (std::size_t g = 0; g < n; ++g) {
        if (!anchored(g) || !keys[g].generic()) continue;
        std::set<std::size_t> met;
        for (std::size_t s = 0; s < n; ++s)
            if (specific(s) && infonote::documents_meet(keys[g], keys[s])) met.insert(find(s));
        if (met.size() == 1) claimed[g] = *met.begin();
        unclaimed[g] = met.empty();
    }
    for (std::size_t g = 0; g < n; ++g)
        if (claimed[g] < n) parent[find(g)] = claimed[g];
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (unclaimed[i] && unclaimed[j] && infonote::documents_meet(keys[i], keys[j]))
                parent[find(i)] = find(j);
    std::vector<std::size_t> root(n);
    for (std::size_t i = 0; i < n; ++i) root[i] = find(i);
    for (std::size_t u = 0; u < n; ++u) {
        if (anchored(u) || (!keys[u].dated() && !keys[u].placed())) continue;
        std::set<std::size_t> fits;
        for (std::size_t m = 0; m < n; ++m) {
            if (!anchored(m) || !infonote::titles_alike(keys[u], keys[m])) continue;
            bool ok = keys[u].dated()
                          ? keys[u].start <= keys[m].end && keys[m].start <= keys[u].end
                          : infonote::venues_agree(keys[u], keys[m]);
            if (ok) fits.insert(root[m]);
        }
        if (fits.size() == 1) root[u] = *fits.begin();
    }
    std::map<std::size_t, std::set<std::string>> by_root;
    for (std::size_t i = 0; i < n; ++i) by_root[root[i]].insert(paths[i]);
    Partition out;
    for (auto& [r, members] : by_root) out.insert(members);
    return out;
}

TEST_F(GeneratedEvents, StoredGroupingIsTheRuleOverStoredKeys)
{
    fs::path db = dir_->path() / "db";
    index("build", dir_->path() / "corpus", db);
    IndexedEvents events = read_events(db);
    Partition stored = partition_of(events.event_of);
    EXPECT_EQ(stored, brute_force(events.key_of));
    // Information Notes of different events never join (the generator
    // writes one note per event), and each copy joins its note.
    std::size_t copies = 0;
    for (const std::set<std::string>& event : stored) {
        std::set<std::string> notes;
        for (std::string path : event) {
            if (path.rfind("dup-", 0) == 0) {
                path = path.substr(4);
                ++copies;
                EXPECT_TRUE(event.count(path)) << path;
            }
            if (path.find('-', 5) == std::string::npos) notes.insert(path);
        }
        EXPECT_LE(notes.size(), 1u) << *event.begin();
    }
    EXPECT_GT(copies, 20u);

    // attended and countries count each State's distinct events.
    std::map<std::string, int> expected;
    for (const auto& [event, states] : states_by_event(db))
        for (const std::string& code : states) ++expected[code];
    nlohmann::json countries = query_json(db, {"countries"});
    std::map<std::string, int> counted;
    for (const auto& c : countries["countries"]) counted[c["code"]] = c["attended"];
    EXPECT_EQ(counted, expected);
    // coattend: every pair's shared events, by brute force; and one
    // State's partners.
    std::map<std::pair<std::string, std::string>, int> shared;
    for (const auto& [event, states] : states_by_event(db))
        for (auto a = states.begin(); a != states.end(); ++a)
            for (auto b = std::next(a); b != states.end(); ++b) ++shared[{*a, *b}];
    std::map<std::pair<std::string, std::string>, int> paired;
    nlohmann::json pairs = query_json(db, {"coattend"});
    int last = 1 << 30;
    for (const auto& p : pairs["pairs"]) {
        paired[{p["a"], p["b"]}] = p["events"];
        EXPECT_LE(p["events"].get<int>(), last);
        last = p["events"];
    }
    EXPECT_EQ(paired, shared);
    std::string busiest = countries["countries"][0]["code"];
    std::map<std::pair<std::string, std::string>, int> partners;
    nlohmann::json of_busiest = query_json(db, {"coattend", "--country", busiest});
    for (const auto& p : of_busiest["pairs"])
        partners[{p["a"], p["b"]}] = p["events"];
    std::map<std::pair<std::string, std::string>, int> expected_partners;
    for (const auto& [ab, n] : shared)
        if (ab.first == busiest || ab.second == busiest) expected_partners[ab] = n;
    EXPECT_EQ(partners, expected_partners);
    // A filter matching more events than an OR of their terms is made for
    // (every dated one): the documents are read by a pass over all of them.
    std::map<std::pair<std::string, std::string>, int> dated_pairs;
    EXPECT_GT(states_by_event(db).size(), 256u);
    nlohmann::json filtered = query_json(db, {"coattend", "--from", "1900"});
    for (const auto& p : filtered["pairs"]) dated_pairs[{p["a"], p["b"]}] = p["events"];
    EXPECT_EQ(dated_pairs, shared);

    // profile: the same State's events, partners and years.
    nlohmann::json profile = query_json(db, {"profile", busiest, "--top", "0"});
    EXPECT_EQ(profile["events"], expected[busiest]);
    std::map<std::pair<std::string, std::string>, int> met;
    for (const auto& st : profile["states"]) {
        std::string other = st["code"];
        met[std::minmax(busiest, other)] = st["events"];
    }
    EXPECT_EQ(met, expected_partners);
    int in_years = profile["undated"];
    for (const auto& y : profile["by_year"]) in_years += y["events"].get<int>();
    EXPECT_EQ(in_years, expected[busiest]);
    // The same figures as CSV rows: section, value, name, events.
    Outcome csv = run({kQueryBin, "profile", busiest, "--top", "0", "--db", db.string(),
                       "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << describe(csv);
    std::istringstream rows(csv.out);
    std::string line;
    // Records end in CRLF, as RFC 4180 has them.
    std::getline(rows, line);
    EXPECT_EQ(line, "section,value,name,events\r");
    int csv_years = 0, csv_states = 0;
    std::string total;
    while (std::getline(rows, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string section = line.substr(0, line.find(','));
        std::string count = line.substr(line.rfind(',') + 1);
        if (section == "events") total = count;
        if (section == "year" || section == "undated") csv_years += std::stoi(count);
        if (section == "state") ++csv_states;
    }
    EXPECT_EQ(total, std::to_string(expected[busiest]));
    EXPECT_EQ(csv_years, expected[busiest]);
    EXPECT_EQ(csv_states, static_cast<int>(profile["states"].size()));

    // coverage: every UN Member State and observer State, with its events
    // (as attended counts them) and the start of its latest one, by brute
    // force over the documents' own values; those with none first.
    std::map<std::string, std::string> event_start;  // earliest start, YYYYMMDD
    {
        Xapian::Database database(db.string());
        for (auto p = database.postlist_begin(""); p != database.postlist_end(""); ++p) {
            Xapian::Document doc = database.get_document(*p);
            std::string start = doc.get_value(infonote::kStartDateSlot);
            std::string& earliest = event_start[doc.get_value(infonote::kEventSlot)];
            if (!start.empty() && (earliest.empty() || start < earliest)) earliest = start;
        }
    }
    std::map<std::string, std::string> latest;
    for (const auto& [event, states] : states_by_event(db))
        for (const std::string& code : states)
            latest[code] = std::max(latest[code], event_start[event]);
    nlohmann::json coverage = query_json(db, {"coverage"});
    ASSERT_EQ(coverage["countries"].size(), 195u);
    int previous = 0;
    for (const auto& c : coverage["countries"]) {
        std::string code = c["code"];
        SCOPED_TRACE(code);
        EXPECT_EQ(c["events"], expected.count(code) ? expected[code] : 0);
        EXPECT_GE(c["events"].get<int>(), previous);
        previous = c["events"];
        EXPECT_EQ(c["status"], code == "VA" || code == "PS" ? "observer" : "member");
        std::string newest = latest.count(code) ? latest[code] : "";
        if (newest.size() == 8)
            EXPECT_EQ(c["last"],
                      newest.substr(0, 4) + "-" + newest.substr(4, 2) + "-" + newest.substr(6));
        else
            EXPECT_TRUE(c["last"].is_null()) << c;
    }
    nlohmann::json central = query_json(db, {"coverage", "--region", "Central Asia"});
    std::set<std::string> listed;
    for (const auto& c : central["countries"]) listed.insert(c["code"].get<std::string>());
    EXPECT_EQ(listed, (std::set<std::string>{"KG", "KZ", "TJ", "TM", "UZ"}));
    // A page's total counts events exactly, however short the page.
    nlohmann::json whole = query_json(db, {"attended", busiest, "--from", "2015"});
    for (const char* limit : {"1", "2"})
        EXPECT_EQ(query_json(db, {"attended", busiest, "--from", "2015", "--limit", limit})["total"],
                  whole["hits"].size())
            << limit;
    nlohmann::json since = query_json(db, {"coverage", "--since", "2015"});
    for (const auto& c : since["countries"]) {
        if (c["code"] != busiest) continue;
        EXPECT_EQ(c["events"],
                  query_json(db, {"attended", busiest, "--from", "2015", "--limit", "1"})["total"]);
    }

    int checked = 0;
    for (const auto& [code, n] : expected) {
        if (++checked > 40) break;
        EXPECT_EQ(query_json(db, {"attended", code, "--limit", "1"})["total"], n) << code;
    }
}

TEST_F(GeneratedEvents, ShuffledNamesGiveTheSameEvents)
{
    fs::path corpus = dir_->path() / "corpus";
    fs::path shuffled = dir_->path() / "shuffled";
    fs::create_directories(shuffled);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(corpus)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    std::vector<std::size_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), std::mt19937(11));
    std::map<std::string, std::string> original;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string name = std::to_string(1000 + order[i]) + "-" + names[i];
        fs::copy_file(corpus / names[i], shuffled / name);
        original[name] = names[i];
    }
    index("build", corpus, dir_->path() / "db-a");
    index("build", shuffled, dir_->path() / "db-b", {"--jobs", "2", "--shards", "2"});
    EXPECT_EQ(partition_of(read_events(dir_->path() / "db-b").event_of,
                           [&](const std::string& p) { return original[p]; }),
              partition_of(read_events(dir_->path() / "db-a").event_of));
}

TEST_F(GeneratedEvents, UpdateThatAddsEditsAndRemovesGroupsAsAFreshBuild)
{
    fs::path corpus = dir_->path() / "corpus-update";
    fs::copy(dir_->path() / "corpus", corpus);
    fs::path db = dir_->path() / "db-update";
    index("build", corpus, db);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    // Remove every 17th document, edit the dates of every 23rd (moving it
    // out of its event), add copies of every 29th under a new name
    // (joining its event) and a State to every 5th of the others.
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i % 17 == 0) {
            fs::remove(files[i]);
        } else if (i % 23 == 0) {
            std::string text = infonote::test::read_file(files[i]);
            for (std::size_t at = 0; (at = text.find("20", at)) != std::string::npos; at += 4)
                if (at + 4 <= text.size() && std::isdigit(static_cast<unsigned char>(text[at + 2])) &&
                    std::isdigit(static_cast<unsigned char>(text[at + 3])) && text[at + 2] < '9')
                    text[at + 2] = static_cast<char>(text[at + 2] + 1);
            write_file(files[i], text);
        } else if (i % 29 == 0) {
            fs::copy_file(files[i], corpus / ("copy-" + files[i].filename().string()));
        } else if (i % 5 == 0) {
            // One more State: the document stays in its event, whose
            // record must change with it.
            std::string text = infonote::test::read_file(files[i]);
            std::size_t at = text.find("*States:* ");
            if (at != std::string::npos) write_file(files[i], text.insert(at + 10, "Chile, "));
        }
    }
    index("update", corpus, db);
    index("build", corpus, dir_->path() / "db-update-fresh");
    IndexedEvents updated = read_events(db);
    EXPECT_EQ(updated.event_of, read_events(dir_->path() / "db-update-fresh").event_of);
    EXPECT_EQ(partition_of(updated.event_of), brute_force(updated.key_of));
    // The events whose documents changed have their records made again.
    expect_listings_match_documents(db);
}

TEST_F(GeneratedEvents, ListingsFromRecordsAreWhatTheDocumentsGive)
{
    fs::path db = dir_->path() / "db-records";
    index("build", dir_->path() / "corpus", db);
    expect_listings_match_documents(db);
}

}  // namespace
