// infonote-query serve, through HTTP: every route, the API's bodies against
// what the command line prints for the same options, every error status,
// requests too large, paths that try to leave the assets, a full server,
// and a new build picked up with no failed request. The server runs in
// this process on a free port; one test runs the program itself.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process_helpers.h"
#include "server.h"

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

// A note whose title and text hold markup, which every page must show as
// text.
const std::string kMarkupNote =
    "Event: Workshop <script>alert(1)</script> on export controls\n"
    "Date and venue: 5-6 March 2018, Almaty, Kazakhstan\n"
    "Participants:\nStates: Kazakhstan, Uzbekistan\n\n"
    "Background\nThe <b>workshop</b> reviewed licensing & enforcement.\n";

// Two notes that a test adds to its own corpus, one before a build and one
// before an update.
const std::string kReykjavik2019 =
    "Event: Seminar on border controls\nDate and venue: 2-3 April 2019, Reykjavik, Iceland\n"
    "Participants:\nStates: Iceland, Norway\n\nBackground\nReykjavik hosted a seminar.\n";
const std::string kReykjavik2020 =
    "Event: Workshop on licensing\nDate and venue: 4 May 2020, Reykjavik, Iceland\n"
    "Participants:\nStates: Iceland, Denmark\n\nBackground\nReykjavik again.\n";

// One HTTP exchange over a socket of its own, bytes exactly as given: the
// client library would refuse or tidy some of the requests tried here.
struct RawAnswer {
    int status = 0;
    std::string head;
    std::string body;
};

int connect_to(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

void send_all(int fd, const std::string& bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the server may close early, as for 413
        sent += static_cast<std::size_t>(n);
    }
}

// Reads one answer: its head, and a body as long as Content-Length says
// (or up to the end of the connection).
RawAnswer read_answer(int fd)
{
    std::string bytes;
    char buffer[65536];
    for (;;) {
        std::size_t end = bytes.find("\r\n\r\n");
        if (end != std::string::npos) {
            std::size_t at = bytes.find("Content-Length: ");
            if (at != std::string::npos && at < end &&
                bytes.size() >= end + 4 + std::stoul(bytes.substr(at + 16)))
                break;
        }
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    RawAnswer answer;
    std::size_t end = bytes.find("\r\n\r\n");
    answer.head = bytes.substr(0, end);
    if (end != std::string::npos) answer.body = bytes.substr(end + 4);
    if (bytes.rfind("HTTP/1.1 ", 0) == 0) answer.status = std::stoi(bytes.substr(9, 3));
    return answer;
}

RawAnswer raw(int port, const std::string& request)
{
    int fd = connect_to(port);
    if (fd < 0) return {};
    send_all(fd, request);
    RawAnswer answer = read_answer(fd);
    close(fd);
    return answer;
}

// The JSON error body of an answer, checked for its shape.
json error_of(const std::string& body, int status)
{
    json e = json::parse(body, nullptr, false);
    EXPECT_TRUE(e.is_object()) << body;
    if (!e.is_object()) return json::object();
    EXPECT_EQ(e.value("status", 0), status) << body;
    EXPECT_TRUE(e.contains("error") && e["error"].is_string()) << body;
    return e;
}

// A server in this process, on a free port, serving until destroyed.
class Running {
  public:
    explicit Running(infonote::server::ServerOptions options)
    {
        options.port = 0;
        server_ = std::make_unique<infonote::server::Server>(options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
        httplib::Client client("127.0.0.1", port_);
        for (int i = 0; i < 200 && !client.Get("/metrics"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~Running()
    {
        server_->stop();
        thread_.join();
    }
    int port() const { return port_; }

  private:
    std::unique_ptr<infonote::server::Server> server_;
    std::thread thread_;
    int port_ = -1;
};

class ServerTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        corpus_ = dir_->path() / "notes";
        fs::create_directories(corpus_);
        for (const fs::directory_entry& e : fs::directory_iterator(kSource / "corpus")) {
            std::string name = e.path().filename().string();
            if (name == "README.md" || name == "expected.json") continue;
            fs::copy_file(e.path(), corpus_ / name);
        }
        write_file(corpus_ / "markup-title.txt", kMarkupNote);
        db_ = dir_->path() / "db";
        Outcome build = run({kIndexBin, "build", corpus_.string(), "--db", db_.string()});
        ASSERT_EQ(build.status, 0) << describe(build);

        // The pages' templates, and assets, one of them a link to a file
        // outside the folder.
        web_ = dir_->path() / "web";
        fs::create_directories(web_ / "assets");
        fs::copy(kSource / "share" / "web" / "templates", web_ / "templates");
        write_file(web_ / "assets" / "style.css", "body { color: black; }\n");
        write_file(dir_->path() / "secret.txt", "not to be served\n");
        fs::create_symlink(dir_->path() / "secret.txt", web_ / "assets" / "leak.css");
        fs::create_directories(web_ / "assets" / "sub");
        write_file(web_ / "assets" / "sub" / "inner.css", "inner\n");

        infonote::server::ServerOptions options;
        options.db = db_;
        options.web = web_;
        options.threads = 3;
        options.queue = 8;
        options.read_timeout = std::chrono::milliseconds(2000);
        server_ = new Running(options);
    }

    static void TearDownTestSuite()
    {
        delete server_;
        delete dir_;
    }

    static int port() { return server_->port(); }

    // A copy of the corpus at `corpus` and its own database at `db`, for a
    // test that rebuilds or updates it.
    static void build_own(const fs::path& corpus, const fs::path& db)
    {
        fs::copy(corpus_, corpus);
        Outcome build = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
        ASSERT_EQ(build.status, 0) << describe(build);
    }

    static httplib::Result get(const std::string& target)
    {
        httplib::Client client("127.0.0.1", port());
        client.set_read_timeout(30, 0);
        return client.Get(target.c_str());
    }

    // What the command line prints for `args` (after the command's name).
    static Outcome cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), kQueryBin);
        args.insert(args.begin() + 2, {"--db", db_.string()});
        return run(args);
    }

    static inline TempDir* dir_ = nullptr;
    static inline fs::path corpus_;
    static inline fs::path db_;
    static inline fs::path web_;
    static inline Running* server_ = nullptr;
};

struct SameAsCli {
    std::string target;
    std::vector<std::string> args;
};

TEST_F(ServerTest, ApiBodiesAreWhatTheCommandLinePrints)
{
    const std::vector<SameAsCli> table{
        {"/api/search?q=export%20control", {"search", "export", "control", "--format", "json"}},
        {"/api/search?q=workshop&country=KZ&facets=country,year&facet_limit=3",
         {"search", "workshop", "--country", "KZ", "--facets", "country,year", "--facet-limit", "3",
          "--format", "json"}},
        {"/api/search?country=Kazakhstan&limit=2&offset=1&sort=date&reverse",
         {"search", "--country", "Kazakhstan", "--limit", "2", "--offset", "1", "--sort", "date",
          "--reverse", "--format", "json"}},
        {"/api/search?country=KZ&country=UZ&any_country&all&facets=region",
         {"search", "--country", "KZ", "--country", "UZ", "--any-country", "--all", "--facets",
          "region", "--format", "json"}},
        {"/api/search?region=Central%20Asia&from=2010&to=2020&type=workshop",
         {"search", "--region", "Central Asia", "--from", "2010", "--to", "2020", "--type",
          "workshop", "--format", "json"}},
        {"/api/search?q=nuclear&format=jsonl", {"search", "nuclear", "--format", "jsonl"}},
        {"/api/search?q=nuclear&format=csv&bom", {"search", "nuclear", "--format", "csv", "--bom"}},
        {"/api/search?venue_country=KZ&year=2014&year=2018&kind=information-note",
         {"search", "--venue-country", "KZ", "--year", "2014", "--year", "2018", "--kind",
          "information-note", "--format", "json"}},
        {"/api/attended?country=KZ", {"attended", "KZ", "--format", "json"}},
        {"/api/attended?country=Kazakhstan&country=UZ&documents&facets=year",
         {"attended", "Kazakhstan", "--country", "UZ", "--documents", "--facets", "year",
          "--format", "json"}},
        {"/api/countries", {"countries", "--format", "json"}},
        {"/api/countries?region=Asia&limit=5&documents",
         {"countries", "--region", "Asia", "--limit", "5", "--documents", "--format", "json"}},
        {"/api/countries?format=csv", {"countries", "--format", "csv"}},
        {"/api/stats?top=3", {"stats", "--top", "3", "--format", "json"}},
        {"/api/timeline?by=month", {"timeline", "--by", "month", "--format", "json"}},
        {"/api/timeline?country=KZ&documents",
         {"timeline", "--country", "KZ", "--documents", "--format", "json"}},
        {"/api/profile?country=KZ&top=3", {"profile", "KZ", "--top", "3", "--format", "json"}},
        {"/api/coattend?limit=5", {"coattend", "--limit", "5", "--format", "json"}},
        {"/api/coattend?country=KZ&format=graphml",
         {"coattend", "--country", "KZ", "--format", "graphml"}},
        {"/api/coverage?since=2015&limit=10",
         {"coverage", "--since", "2015", "--limit", "10", "--format", "json"}},
    };
    for (const SameAsCli& row : table) {
        SCOPED_TRACE(row.target);
        Outcome expected = cli(row.args);
        ASSERT_TRUE(expected.status == 0 || expected.status == 1) << describe(expected);
        ASSERT_FALSE(expected.out.empty());
        httplib::Result r = get(row.target);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200) << r->body;
        EXPECT_EQ(r->body, expected.out);
    }
}

TEST_F(ServerTest, ShowAnswersANoteAndAnEventAsTheCommandLineDoes)
{
    Outcome listing = cli({"search", "--country", "KZ", "--format", "json"});
    json hits = json::parse(listing.out)["hits"];
    ASSERT_FALSE(hits.empty());
    for (const std::string key : {"id", "event_id"}) {
        std::string id = hits[0].value(key, "");
        ASSERT_FALSE(id.empty()) << key;
        httplib::Result r = get("/api/show?note=" + httplib::detail::encode_query_param(id));
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->body, cli({"show", id, "--format", "json"}).out);
    }
    httplib::Result by_id = get("/api/show?id=" + hits[0].value("id", ""));
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->status, 200);
}

TEST_F(ServerTest, ExportsComeAsFilesOfTheirType)
{
    httplib::Result csv = get("/api/search?country=KZ&format=csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv->get_header_value("Content-Disposition"),
              "attachment; filename=\"infonote-search.csv\"");
    httplib::Result jsonl = get("/api/attended?country=KZ&format=jsonl");
    ASSERT_TRUE(jsonl);
    EXPECT_EQ(jsonl->get_header_value("Content-Disposition"),
              "attachment; filename=\"infonote-attended.jsonl\"");
    httplib::Result plain = get("/api/search?country=KZ");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->get_header_value("Content-Type"), "application/json");
    EXPECT_FALSE(plain->has_header("Content-Disposition"));
}

TEST_F(ServerTest, ExportsAreStreamedInChunksAsTheCommandLinePrintsThem)
{
    const std::vector<SameAsCli> table{
        {"/api/search?country=KZ&format=csv", {"search", "--country", "KZ", "--format", "csv"}},
        {"/api/search?q=workshop&format=jsonl&all",
         {"search", "workshop", "--format", "jsonl", "--all"}},
        {"/api/search?all", {"search", "--all", "--format", "json"}},
        {"/api/attended?country=KZ&format=csv&bom", {"attended", "KZ", "--format", "csv", "--bom"}},
    };
    for (const SameAsCli& row : table) {
        SCOPED_TRACE(row.target);
        Outcome expected = cli(row.args);
        ASSERT_EQ(expected.status, 0) << describe(expected);
        httplib::Result r = get(row.target);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        // Sent as it is written: in chunks, with no length known first.
        EXPECT_EQ(r->get_header_value("Transfer-Encoding"), "chunked");
        EXPECT_FALSE(r->has_header("Content-Length"));
        EXPECT_EQ(r->body, expected.out);
    }
    // An answer that is no export has its length.
    httplib::Result plain = get("/api/search?country=KZ");
    ASSERT_TRUE(plain);
    EXPECT_TRUE(plain->has_header("Content-Length"));

    // A bad query is still its error, before any row: no 200 cut short.
    Outcome bad = cli({"search", "a AND", "--format", "csv"});
    ASSERT_EQ(bad.status, 2) << describe(bad);
    httplib::Result refused = get("/api/search?q=a%20AND&format=csv");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    EXPECT_FALSE(refused->has_header("Content-Disposition"));
    error_of(refused->body, 400);
    httplib::Result unknown = get("/api/search?org=UNDOA&all");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 400);
    EXPECT_NE(error_of(unknown->body, 400).value("error", "").find("unknown organization"),
              std::string::npos)
        << unknown->body;
}

TEST_F(ServerTest, BadQueriesAreTheCommandLinesErrorsAs400)
{
    // An unknown country: the command line's message, did-you-mean and all.
    Outcome expected = cli({"search", "--country", "Kazakstan", "--format", "json"});
    ASSERT_EQ(expected.status, 2) << describe(expected);
    const std::string prefix = "infonote-query: error: ";
    ASSERT_EQ(expected.err.rfind(prefix, 0), 0u) << expected.err;
    std::string message = expected.err.substr(prefix.size());
    message = message.substr(0, message.find('\n'));
    httplib::Result r = get("/api/search?country=Kazakstan");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error_of(r->body, 400)["error"], message);
    EXPECT_NE(message.find("Kazakhstan"), std::string::npos) << message;

    for (const std::string target :
         {"/api/search?q=a%20AND", "/api/search?q=date:foo..bar", "/api/search?limit=-1",
          "/api/search?limit=ten", "/api/search?sort=size", "/api/search?frobnicate=1",
          "/api/search?db=/etc", "/api/search?timeout=1", "/api/search?help",
          "/api/search?country%3D1=2", "/api/search?bom", "/api/search?format=yaml", "/api/profile",
          "/api/attended?country=Atlantis", "/api/search?org=NOSUCHORGANIZATION",
          "/api/timeline?by=week", "/api/search?%FFyy=1", "/api/search?country=%FF"}) {
        SCOPED_TRACE(target);
        httplib::Result bad = get(target);
        ASSERT_TRUE(bad);
        EXPECT_EQ(bad->status, 400) << bad->body;
        json e = error_of(bad->body, 400);
        // Messages name parameters, never options.
        EXPECT_EQ(e.value("error", "").find("--"), std::string::npos) << bad->body;
    }
}

TEST_F(ServerTest, UnknownRoutesAndNotesAre404)
{
    for (const std::string target :
         {"/nowhere", "/api/nothing", "/api/", "/api/search/more", "/api/show?note=no-such-note"}) {
        SCOPED_TRACE(target);
        httplib::Result r = get(target);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 404);
        error_of(r->body, 404);
    }
}

TEST_F(ServerTest, OnlyGetAndHeadAreAnswered)
{
    httplib::Client client("127.0.0.1", port());
    httplib::Result post = client.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    error_of(post->body, 405);
    httplib::Result del = client.Delete("/api/search");
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 405);
    for (const std::string method : {"PUT", "OPTIONS", "PATCH"}) {
        RawAnswer a = raw(port(), method + " /api/stats HTTP/1.1\r\nHost: x\r\n\r\n");
        EXPECT_EQ(a.status, 405) << method;
    }

    httplib::Result head = client.Head("/api/stats");
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_TRUE(head->body.empty());
    httplib::Result full = client.Get("/api/stats");
    ASSERT_TRUE(full);
    EXPECT_EQ(head->get_header_value("Content-Length"), std::to_string(full->body.size()));
}

TEST_F(ServerTest, OversizedRequestsAreRefused)
{
    RawAnswer long_line =
        raw(port(), "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(long_line.status, 414) << long_line.head;
    error_of(long_line.body, 414);

    RawAnswer long_header =
        raw(port(),
            "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'b') + "\r\n\r\n");
    EXPECT_EQ(long_header.status, 431) << long_header.head;
    error_of(long_header.body, 431);

    RawAnswer big_body = raw(
        port(), "GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(1 << 20) +
                    "\r\n\r\n" + std::string(1 << 20, 'c'));
    EXPECT_EQ(big_body.status, 413) << big_body.head;
    error_of(big_body.body, 413);

    RawAnswer garbage = raw(port(), "NONSENSE\r\n\r\n");
    EXPECT_EQ(garbage.status, 400) << garbage.head;
}

TEST_F(ServerTest, NoFileOutsideTheAssetsIsServed)
{
    httplib::Result css = get("/assets/style.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->status, 200);
    EXPECT_EQ(css->body, "body { color: black; }\n");
    EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");

    const std::string secret = "not to be served";
    for (const std::string target :
         {"/assets/leak.css", "/assets/../secret.txt", "/assets/%2e%2e/secret.txt",
          "/assets/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2f..%2fetc%2fpasswd",
          "/assets/../../../../etc/passwd", "/assets//etc/passwd", "/assets/sub/inner.css",
          "/assets/sub", "/assets/", "/etc/passwd", "/../../etc/passwd", "//etc/passwd",
          "/assets/style.css%00.txt", "/assets/./style.css/.."}) {
        SCOPED_TRACE(target);
        RawAnswer a =
            raw(port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        EXPECT_TRUE(a.status == 404 || a.status == 400) << a.head;
        EXPECT_EQ(a.body.find(secret), std::string::npos);
        EXPECT_EQ(a.body.find("root:"), std::string::npos);
    }
    RawAnswer absolute = raw(port(), "GET http://x/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(absolute.body.find("root:"), std::string::npos);
}

TEST_F(ServerTest, HealthAndMetrics)
{
    httplib::Result health = get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    json h = json::parse(health->body);
    EXPECT_EQ(h["status"], "ok");
    EXPECT_GT(h["revision"].get<unsigned long long>(), 0u);

    ASSERT_TRUE(get("/api/stats"));
    ASSERT_TRUE(get("/api/nothing"));
    // A request is counted once its answer is written, so the client may
    // ask for the metrics a moment before the worker has counted it.
    const std::string stats_line =
        "infonote_http_requests_total{route=\"/api/stats\",status=\"200\"} ";
    const std::string other_line = "infonote_http_requests_total{route=\"other\",status=\"404\"} ";
    std::string m;
    for (int i = 0; i < 100; ++i) {
        httplib::Result metrics = get("/metrics");
        ASSERT_TRUE(metrics);
        EXPECT_EQ(metrics->status, 200);
        m = metrics->body;
        if (m.find(stats_line) != std::string::npos && m.find(other_line) != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_NE(m.find("# TYPE infonote_http_requests_total counter"), std::string::npos) << m;
    EXPECT_NE(m.find(stats_line), std::string::npos) << m;
    // A client must not grow the table.
    EXPECT_EQ(m.find("route=\"/api/nothing\""), std::string::npos) << m;
    EXPECT_NE(m.find(other_line), std::string::npos) << m;
    EXPECT_NE(
        m.find("infonote_http_request_duration_seconds_bucket{route=\"/api/stats\",le=\"+Inf\"}"),
        std::string::npos)
        << m;
    EXPECT_NE(m.find("infonote_index_revision " +
                     std::to_string(h["revision"].get<unsigned long long>())),
              std::string::npos)
        << m;
}

TEST_F(ServerTest, AnAnswerAskedAgainIsKeptAndTheSame)
{
    auto found = [] {
        httplib::Result metrics = get("/metrics");
        EXPECT_TRUE(metrics);
        const std::string line = "infonote_cache_lookups_total{found=\"yes\"} ";
        std::size_t at = metrics ? metrics->body.find(line) : std::string::npos;
        EXPECT_NE(at, std::string::npos);
        return at == std::string::npos ? 0ul : std::stoul(metrics->body.substr(at + line.size()));
    };
    Outcome expected = cli({"search", "export", "--country", "UZ", "--format", "json"});
    ASSERT_EQ(expected.status, 0) << describe(expected);
    const std::string target = "/api/search?q=export&country=UZ";
    httplib::Result first = get(target);
    ASSERT_TRUE(first);
    std::size_t before = found();
    httplib::Result again = get(target);
    ASSERT_TRUE(again);
    EXPECT_EQ(first->body, expected.out);
    EXPECT_EQ(again->body, expected.out);
    EXPECT_EQ(found(), before + 1);
}

TEST_F(ServerTest, AFullServerAnswersBusy)
{
    infonote::server::ServerOptions options;
    options.db = db_;
    options.threads = 1;
    options.queue = 1;
    options.read_timeout = std::chrono::milliseconds(3000);
    Running small(options);
    // The one worker held by a keep-alive connection after one answer.
    int held = connect_to(small.port());
    ASSERT_GE(held, 0);
    send_all(held, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    char buffer[4096];
    ASSERT_GT(recv(held, buffer, sizeof buffer, 0), 0);
    // One connection waits in the queue; the next is answered busy.
    int waiting = connect_to(small.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    RawAnswer busy = raw(small.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(busy.status, 503) << busy.head;
    error_of(busy.body, 503);
    close(held);
    // The waiting one is served once the worker is free.
    send_all(waiting, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    RawAnswer served = read_answer(waiting);
    close(waiting);
    EXPECT_EQ(served.status, 200) << served.head;
}

TEST_F(ServerTest, AMissingDatabaseIs503UntilBuilt)
{
    TempDir other;
    infonote::server::ServerOptions options;
    options.db = other.path() / "db";
    options.threads = 2;
    Running later(options);
    httplib::Client client("127.0.0.1", later.port());
    httplib::Result health = client.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 503);
    error_of(health->body, 503);
    httplib::Result search = client.Get("/api/search?q=export");
    ASSERT_TRUE(search);
    EXPECT_EQ(search->status, 503);
    // A bad query is told before the database is needed, as on the
    // command line.
    EXPECT_EQ(client.Get("/api/search?country=Atlantis")->status, 400);
    Outcome build = run({kIndexBin, "build", corpus_.string(), "--db", options.db.string()});
    ASSERT_EQ(build.status, 0) << describe(build);
    httplib::Result after = client.Get("/api/search?q=export");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

TEST_F(ServerTest, ANewBuildIsPickedUpWithNoFailedRequest)
{
    // A database of its own, which this test rebuilds.
    TempDir own;
    fs::path corpus = own.path() / "notes";
    fs::path db = own.path() / "db";
    ASSERT_NO_FATAL_FAILURE(build_own(corpus, db));
    infonote::server::ServerOptions options;
    options.db = db;
    options.threads = 2;
    Running serving(options);

    auto total = [&serving](const std::string& target) {
        httplib::Client client("127.0.0.1", serving.port());
        httplib::Result r = client.Get(target.c_str());
        return r && r->status == 200 ? json::parse(r->body).value("total", -1) : -2;
    };
    const std::string asked = "/api/search?q=Reykjavik";
    EXPECT_EQ(total(asked), 0);

    // Requests keep coming on both workers while builds and an update land.
    std::atomic<bool> done{false};
    std::atomic<int> failed{0};
    std::atomic<int> answered{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 2; ++c)
        clients.emplace_back([&] {
            httplib::Client client("127.0.0.1", serving.port());
            while (!done) {
                httplib::Result r = client.Get("/api/search?country=KZ&limit=1");
                if (!r || r->status != 200) ++failed;
                ++answered;
            }
        });
    write_file(corpus / "reykjavik-2019.txt", kReykjavik2019);
    Outcome build = run({kIndexBin, "build", corpus.string(), "--db", db.string()});
    ASSERT_EQ(build.status, 0) << describe(build);
    EXPECT_EQ(total(asked), 1);
    write_file(corpus / "reykjavik-2020.txt", kReykjavik2020);
    Outcome update = run({kIndexBin, "update", corpus.string(), "--db", db.string()});
    ASSERT_EQ(update.status, 0) << describe(update);
    EXPECT_EQ(total(asked), 2);
    done = true;
    for (std::thread& t : clients) t.join();
    EXPECT_EQ(failed.load(), 0) << "of " << answered.load();
    EXPECT_GT(answered.load(), 0);
}

// A gauge's value in a /metrics body; -1 when it is missing.
long long gauge(const std::string& metrics, const std::string& name)
{
    std::size_t at = metrics.find('\n' + name + ' ');
    return at == std::string::npos ? -1 : std::stoll(metrics.substr(at + name.size() + 2));
}

TEST_F(ServerTest, AnswersOfAnOldBuildAreDroppedOnceANewOneIsServed)
{
    TempDir own;
    fs::path corpus = own.path() / "notes";
    fs::path db = own.path() / "db";
    ASSERT_NO_FATAL_FAILURE(build_own(corpus, db));
    infonote::server::ServerOptions options;
    options.db = db;
    options.threads = 2;
    options.web = web_;
    Running serving(options);
    httplib::Client client("127.0.0.1", serving.port());
    auto metrics = [&client] {
        httplib::Result r = client.Get("/metrics");
        return r && r->status == 200 ? r->body : std::string();
    };
    const std::vector<std::string> asked = {"/api/search?q=export", "/api/search?q=Reykjavik",
                                            "/api/stats", "/search?q=export"};
    for (const std::string& target : asked) {
        httplib::Result r = client.Get(target.c_str());
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200) << target;
    }
    std::string before = metrics();
    EXPECT_EQ(gauge(before, "infonote_cache_entries"), 4) << before;
    EXPECT_EQ(gauge(before, "infonote_cache_index_states"), 1) << before;
    const long long bytes_before = gauge(before, "infonote_cache_bytes");

    write_file(corpus / "reykjavik-2019.txt", kReykjavik2019);
    ASSERT_EQ(run({kIndexBin, "build", corpus.string(), "--db", db.string()}).status, 0);
    httplib::Result fresh = client.Get("/api/search?q=Reykjavik");
    ASSERT_TRUE(fresh);
    EXPECT_EQ(json::parse(fresh->body).value("total", -1), 1);
    // Only the answer on the new build is left: the old build's four are
    // gone, not waiting for the limit to push them out.
    std::string after = metrics();
    EXPECT_EQ(gauge(after, "infonote_cache_entries"), 1) << after;
    EXPECT_EQ(gauge(after, "infonote_cache_index_states"), 1) << after;
    EXPECT_GT(gauge(after, "infonote_cache_bytes"), 0) << after;
    EXPECT_LT(gauge(after, "infonote_cache_bytes"), bytes_before) << after;

    // An update is a new state too.
    write_file(corpus / "reykjavik-2020.txt", kReykjavik2020);
    ASSERT_EQ(run({kIndexBin, "update", corpus.string(), "--db", db.string()}).status, 0);
    ASSERT_TRUE(client.Get("/api/stats"));
    after = metrics();
    EXPECT_EQ(gauge(after, "infonote_cache_entries"), 1) << after;
    EXPECT_EQ(gauge(after, "infonote_cache_index_states"), 1) << after;
}

TEST_F(ServerTest, TheProgramServesAndStopsOnSigterm)
{
    TempDir logs;
    pid_t pid = infonote::test::spawn(
        {kQueryBin, "serve", "--db", db_.string(), "--listen", "0.0.0.0:0", "--threads", "2"},
        logs.path() / "out", logs.path() / "err");
    std::string err;
    int port = 0;
    for (int i = 0; i < 500 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        err = infonote::test::read_file(logs.path() / "err");
        std::size_t at = err.find(" on http://0.0.0.0:");
        if (at != std::string::npos) port = std::stoi(err.substr(at + 19));
    }
    ASSERT_NE(port, 0) << err;
    EXPECT_NE(err.find("warning: listening on 0.0.0.0, which other machines can reach: there is "
                       "no authentication"),
              std::string::npos)
        << err;
    httplib::Client client("127.0.0.1", port);
    httplib::Result r = client.Get("/api/stats");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, cli({"stats", "--format", "json"}).out);
    // The page and its assets, found where the program finds its data.
    httplib::Result home = client.Get("/");
    ASSERT_TRUE(home);
    EXPECT_EQ(home->status, 200);
    for (const char* asset : {"/assets/style.css", "/assets/app.js"}) {
        httplib::Result a = client.Get(asset);
        ASSERT_TRUE(a);
        EXPECT_EQ(a->status, 200) << asset;
        EXPECT_EQ(a->body, infonote::test::read_file(kSource / "share" / "web" / &asset[1]));
    }
    kill(pid, SIGTERM);
    EXPECT_EQ(infonote::test::wait_for(pid), 0) << infonote::test::read_file(logs.path() / "err");

    Outcome loopback = run({kQueryBin, "serve", "--db", db_.string(), "--listen", "nonsense"});
    EXPECT_EQ(loopback.status, 2) << describe(loopback);
}

TEST_F(ServerTest, TheSearchPageHoldsItsStateInTheUrl)
{
    httplib::Result home = get("/");
    ASSERT_TRUE(home);
    EXPECT_EQ(home->status, 200);
    EXPECT_EQ(home->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(home->body.find("<input id=\"q\" type=\"search\" name=\"q\""), std::string::npos);

    // Two countries ticked: either one (OR), each a chip whose link removes
    // it, and the country facet still counting the others.
    Outcome either =
        cli({"search", "--country", "KZ", "--country", "CI", "--any-country", "--format", "json"});
    int total = json::parse(either.out)["total"];
    ASSERT_GE(total, 2);
    ASSERT_LE(total, 20);
    httplib::Result r = get("/search?country=KZ&country=CI");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    const std::string& html = r->body;
    std::string n = std::to_string(total);
    EXPECT_NE(html.find("1–" + n + " of " + n), std::string::npos) << html;
    EXPECT_NE(html.find("href=\"/search?country=CI\" aria-label=\"Remove country: Kazakhstan\""),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("id=\"country-KZ\" name=\"country\" value=\"KZ\" checked"),
              std::string::npos);
    // Uzbekistan, not ticked, keeps its count over the notes without the
    // country filter.
    EXPECT_NE(html.find("<label for=\"country-UZ\">Uzbekistan</label> <span class=\"count\">"),
              std::string::npos)
        << html;
    // The year histogram, each bar a link that adds its year.
    EXPECT_NE(html.find("<svg viewBox=\"0 0 600 80\""), std::string::npos);
    EXPECT_NE(html.find("<a href=\"/search?country=KZ&amp;country=CI&amp;year=2014\"><rect"),
              std::string::npos)
        << html;
    // Exports of the same notes.
    EXPECT_NE(html.find("/api/search?country=KZ&amp;country=CI&amp;any_country&amp;all&amp;"
                        "format=csv&amp;bom"),
              std::string::npos)
        << html;
    httplib::Result csv = get("/api/search?country=KZ&country=CI&any_country&all&format=csv&bom");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBF", 0), 0u);

    // Paging: the second page links back to the first.
    httplib::Result second = get("/search?sort=date&offset=5");
    ASSERT_TRUE(second);
    EXPECT_NE(second->body.find("<a rel=\"prev\" href=\"/search?sort=date\">"), std::string::npos)
        << second->body;
    EXPECT_NE(second->body.find("<ol class=\"hits\" start=\"6\">"), std::string::npos);

    // Words are highlighted in snippets.
    httplib::Result words = get("/search?q=workshop");
    ASSERT_TRUE(words);
    EXPECT_NE(words->body.find("<mark>Workshop</mark>"), std::string::npos) << words->body;

    // A bad value is told on the page, as a 400.
    httplib::Result bad = get("/search?country=Kazakstan");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_NE(bad->body.find("did you mean Kazakhstan"), std::string::npos) << bad->body;
}

TEST_F(ServerTest, TheSearchPageFiltersAndCountsOrganizations)
{
    // Two organizations ticked: notes with either, as many as the two
    // command lines' lists have ids between them.
    std::set<std::string> either;
    for (const std::string org : {"OAS", "OSCE"}) {
        Outcome listed = cli({"search", "--org", org, "--all", "--format", "json"});
        ASSERT_EQ(listed.status, 0) << describe(listed);
        json answer = json::parse(listed.out);
        for (const json& hit : answer["hits"]) either.insert(hit.value("id", ""));
    }
    ASSERT_GE(either.size(), 3u);
    httplib::Result r = get("/search?org=OAS&org=OSCE");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    const std::string& html = r->body;
    std::string n = std::to_string(either.size());
    EXPECT_NE(html.find("1–" + n + " of " + n), std::string::npos) << html;
    EXPECT_NE(html.find("id=\"org-OAS\" name=\"org\" value=\"OAS\" checked"), std::string::npos);
    EXPECT_NE(html.find("id=\"org-OSCE\" name=\"org\" value=\"OSCE\" checked"), std::string::npos);

    // The values not ticked keep their counts over every note, as the
    // command line counts them without the organization filter; a name
    // with spaces has an id without.
    Outcome all = cli({"search", "--facets", "org", "--facet-limit", "0", "--format", "json"});
    ASSERT_EQ(all.status, 0) << describe(all);
    json counts = json::parse(all.out)["facets"]["org"];
    ASSERT_GE(counts.size(), 3u);
    bool spaced = false;
    // The page shows the 30 most frequent.
    counts.erase(counts.begin() + std::min<std::ptrdiff_t>(30, std::ssize(counts)), counts.end());
    for (const json& v : counts) {
        std::string value = v["value"];
        if (value == "OAS" || value == "OSCE") continue;
        std::string id = "org-";
        for (char c : value)
            id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
        spaced = spaced || value.find(' ') != std::string::npos;
        if (value.find_first_of("'&<>\"") != std::string::npos) continue;  // shown escaped
        EXPECT_NE(
            html.find("<label for=\"" + id + "\">" + value + "</label> <span class=\"count\">" +
                      std::to_string(v["count"].get<int>()) + "</span>"),
            std::string::npos)
            << value;
    }
    EXPECT_TRUE(spaced);
    EXPECT_EQ(html.find("id=\"org-Security Council"), std::string::npos);
    // A chip removes one of the two.
    EXPECT_NE(html.find("href=\"/search?org=OSCE\""), std::string::npos) << html;
}

TEST_F(ServerTest, MarkupInANoteShowsAsText)
{
    Outcome found = cli({"search", "alert", "--format", "json"});
    json hits = json::parse(found.out)["hits"];
    ASSERT_EQ(hits.size(), 1u) << found.out;
    std::string id = hits[0]["id"];
    std::string event = hits[0]["event_id"];
    const std::vector<std::string> targets{"/search?q=alert", "/document/" + id, "/event/" + event,
                                           "/country/UZ", "/search?q=%3Cscript%3E"};
    for (const std::string& target : targets) {
        SCOPED_TRACE(target);
        httplib::Result r = get(target);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->body.find("<script>alert"), std::string::npos);
        EXPECT_EQ(r->body.find("<b>workshop"), std::string::npos);
        EXPECT_EQ(r->body.find("<script>"), std::string::npos);
        if (target.rfind("/search?q=%3C", 0) != 0) {
            EXPECT_NE(r->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos)
                << r->body;
        }
    }
    httplib::Result doc = get("/document/" + id);
    EXPECT_NE(
        doc->body.find("The &lt;b&gt;workshop&lt;/b&gt; reviewed licensing &amp; enforcement."),
        std::string::npos)
        << doc->body;
}

TEST_F(ServerTest, CountryEventAndDocumentPages)
{
    httplib::Result country = get("/country/Kazakhstan");
    ASSERT_TRUE(country);
    EXPECT_EQ(country->status, 200);
    Outcome profile = cli({"profile", "KZ", "--format", "json"});
    json p = json::parse(profile.out);
    EXPECT_NE(country->body.find("<h1>Kazakhstan <span class=\"code\">(KZ)</span></h1>"),
              std::string::npos);
    std::string first = p["first"]["event_id"];
    EXPECT_NE(country->body.find("href=\"/event/" + first + "\""), std::string::npos);
    // Every event it attended is listed.
    json attended = json::parse(cli({"attended", "KZ", "--all", "--format", "json"}).out);
    ASSERT_FALSE(attended["hits"].empty());
    for (const json& hit : attended["hits"])
        EXPECT_NE(country->body.find("<h3><a href=\"/event/" + hit["event_id"].get<std::string>() +
                                     "\">"),
                  std::string::npos)
            << hit["event_id"];
    for (const json& s : p["states"])
        EXPECT_NE(country->body.find("<a href=\"/country/" + s["code"].get<std::string>() + "\">"),
                  std::string::npos)
            << s;

    httplib::Result unknown = get("/country/Kazakstan");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("did you mean Kazakhstan (KZ)?"), std::string::npos)
        << unknown->body;

    httplib::Result event = get("/event/" + first);
    ASSERT_TRUE(event);
    EXPECT_EQ(event->status, 200);
    json shown = json::parse(cli({"show", first, "--format", "json"}).out);
    for (const json& source : shown["sources"])
        EXPECT_NE(event->body.find("href=\"/document/" + source["id"].get<std::string>() + "\""),
                  std::string::npos);

    std::string id = shown["sources"][0]["id"];
    httplib::Result document = get("/document/" + id);
    ASSERT_TRUE(document);
    EXPECT_EQ(document->status, 200);
    EXPECT_NE(document->body.find("<pre class=\"text\">"), std::string::npos);
    EXPECT_NE(document->body.find("class=\"evidence\""), std::string::npos);

    EXPECT_EQ(get("/event/no-such-event")->status, 404);
    EXPECT_EQ(get("/document/no-such-note")->status, 404);
    EXPECT_EQ(get("/event/" + id)->status, 404) << "a note's id is not an event's";
}

}  // namespace
