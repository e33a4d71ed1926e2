#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

#include <httplib.h>

#include "api.h"
#include "engine.h"
#include "metrics.h"
#include "pages.h"
#include "terminal_text.h"
#include "worker_pool.h"

namespace infonote::server {

namespace {

using Clock = std::chrono::steady_clock;

// When the calling worker began its current request: set once its headers
// are read, cleared when the answer is logged. A request the library
// refuses before that (a request line too long) has none.
thread_local std::optional<Clock::time_point> tls_started;

// The most of a path an error message repeats.
constexpr std::size_t kQuotedPath = 200;

// The request line's limit, fixed when Debian built the library.
constexpr std::size_t kRequestLineLimit = 8192;

void send(httplib::Response& res, const Reply& reply)
{
    res.status = reply.status;
    res.set_content(reply.body, reply.content_type);
    if (!reply.filename.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
}

// A request the server will not read on: its connection is closed after
// the answer, so that an unread body is never taken for the next request.
void send_and_close(httplib::Response& res, const Reply& reply)
{
    send(res, reply);
    res.set_header("Connection", "close");
}

std::string quoted_path(const std::string& path)
{
    std::string shown = escape_controls(path.substr(0, kQuotedPath));
    return path.size() > kQuotedPath ? shown + "..." : shown;
}

// The assets under `folder`: its regular files by name, read once. A
// symbolic link or a folder is left out, so that nothing outside the folder
// can ever be served, whatever a request's path says.
std::map<std::string, std::string> read_assets(const std::filesystem::path& folder)
{
    std::map<std::string, std::string> assets;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file() || entry.is_symlink()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (in) assets[entry.path().filename().string()] = std::move(bytes).str();
    }
    return assets;
}

const char* content_type_of(const std::string& name)
{
    auto ends = [&name](std::string_view suffix) {
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    if (ends(".ico")) return "image/x-icon";
    return "application/octet-stream";
}

}  // namespace

bool loopback(const std::string& host)
{
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    in_addr address{};
    if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
    return (ntohl(address.s_addr) >> 24) == 127;
}

struct Server::Impl {
    explicit Impl(ServerOptions o)
        : options(std::move(o)), engines(options.threads + 2), pages(options.web)
    {
    }

    // The calling worker's engine: each worker has its own, and with it its
    // own Xapian database handles.
    template <typename Ask>
    Reply with_engine(const Ask& ask);

    void routes();

    ServerOptions options;
    httplib::Server http;
    std::atomic<WorkerPool*> pool{nullptr};
    std::vector<std::unique_ptr<Engine>> engines;
    // The last engine, for a thread that is no worker (none in practice).
    std::mutex foreign;
    Metrics metrics;
    std::map<std::string, std::string> assets;
    Pages pages;
};

template <typename Ask>
Reply Server::Impl::with_engine(const Ask& ask)
{
    WorkerPool* p = pool.load();
    std::size_t slot = p ? p->worker() : engines.size() - 1;
    if (slot >= engines.size()) slot = engines.size() - 1;
    std::unique_lock<std::mutex> lock(foreign, std::defer_lock);
    if (slot == engines.size() - 1) lock.lock();
    std::unique_ptr<Engine>& engine = engines[slot];
    // A database that cannot be read is tried once more on a fresh engine:
    // a build switched in between reading the stub and opening the build
    // it named fails the first.
    for (int attempt = 0;; ++attempt) {
        try {
            if (!engine) engine = std::make_unique<Engine>(options.db, options.open);
            engine->refresh();
            return ask(*engine);
        } catch (const DatabaseError& e) {
            engine.reset();
            if (attempt == 1) return error_reply(503, e.what());
        }
    }
}

void Server::Impl::routes()
{
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        tls_started = Clock::now();
        WorkerPool* p = pool.load();
        if (p && p->rejecting()) {
            send_and_close(res, error_reply(503, "the server is busy: try again shortly"));
            res.set_header("Retry-After", "1");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.method != "GET" && req.method != "HEAD") {
            send_and_close(res, error_reply(405, "method " + escape_controls(req.method) +
                                                     " not allowed: the server is read-only "
                                                     "(GET and HEAD only)"));
            res.set_header("Allow", "GET, HEAD");
            return httplib::Server::HandlerResponse::Handled;
        }
        // The library reads no body for a GET, and would take one for the
        // next request: a request with a body is answered and its
        // connection closed.
        if (req.has_header("Transfer-Encoding") ||
            (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
            std::uint64_t length = req.get_header_value<std::uint64_t>("Content-Length");
            if (length > options.max_body)
                send_and_close(res,
                               error_reply(413, "request body too large (at most " +
                                                    std::to_string(options.max_body) + " bytes)"));
            else
                send_and_close(res, error_reply(400, "a " + req.method + " request takes no body"));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    http.Get(R"(/api/([^/]*))", [this](const httplib::Request& req, httplib::Response& res) {
        std::string command = req.matches[1];
        if (!api_command(command)) {
            send(res, error_reply(404, "no such route: " + quoted_path(req.path)));
            return;
        }
        send(res,
             with_engine([&](Engine& engine) { return api_reply(command, req.params, engine); }));
    });

    http.Get(R"(/assets/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
        auto found = assets.find(req.matches[1]);
        if (found == assets.end()) {
            send(res, error_reply(404, "no such asset: " + quoted_path(req.path)));
            return;
        }
        res.set_content(found->second, content_type_of(found->first));
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Cache-Control", "max-age=3600");
    });

    auto search_page = [this](const httplib::Request& req, httplib::Response& res) {
        send(res, with_engine([&](Engine& engine) { return pages.search(req.params, engine); }));
    };
    http.Get("/", search_page);
    http.Get("/search", search_page);
    http.Get(R"(/country/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        std::string code = req.matches[1];
        send(res, with_engine([&](Engine& engine) { return pages.country(code, engine); }));
    });
    http.Get(R"(/(event|document)/([^/]+))", [this](const httplib::Request& req,
                                                    httplib::Response& res) {
        bool event = req.matches[1] == "event";
        std::string id = req.matches[2];
        send(res, with_engine([&](Engine& engine) { return pages.show(id, event, engine); }));
    });

    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
        send(res, with_engine([](Engine& engine) {
                 Json body = Json::object();
                 body["status"] = "ok";
                 body["revision"] = engine.revision();
                 Reply reply;
                 reply.body = body.dump() + "\n";
                 return reply;
             }));
    });

    http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        Reply reply = with_engine([this](Engine& engine) {
            WorkerPool* p = pool.load();
            Reply r;
            r.content_type = "text/plain; version=0.0.4; charset=utf-8";
            r.body = metrics.render(engine.revision(), p ? p->rejected() : 0);
            return r;
        });
        if (reply.status == 503) {
            // The counts are worth having while the index cannot be read.
            reply.status = 200;
            reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
            WorkerPool* p = pool.load();
            reply.body = metrics.render(0, p ? p->rejected() : 0);
        }
        send(res, reply);
    });

    // What the library answers by itself (no route, a request too large or
    // malformed) gets the same JSON as any other error.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            std::string message;
            int status = res.status;
            switch (status) {
                case 404: message = "no such route: " + quoted_path(req.path); break;
                case 413: message = "request body too large"; break;
                case 414:
                    message = "request line too long (at most " +
                              std::to_string(kRequestLineLimit) + " bytes)";
                    break;
                case 400:
                    // A request line read, then headers that could not be:
                    // one longer than the library takes.
                    if (!tls_started && (req.version == "HTTP/1.1" || req.version == "HTTP/1.0")) {
                        status = 431;
                        message = "request header fields too large (at most " +
                                  std::to_string(kRequestLineLimit) + " bytes a line)";
                    } else {
                        message = "bad request";
                    }
                    break;
                default: message = "request refused"; break;
            }
            send_and_close(res, error_reply(status, message));
            return httplib::Server::HandlerResponse::Handled;
        }));

    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            std::cerr << "infonote-query serve: error: " << escape_controls(what) << '\n';
            send(res, error_reply(500, "internal error"));
        });

    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        double seconds = 0;
        if (tls_started)
            seconds = std::chrono::duration<double>(Clock::now() - *tls_started).count();
        tls_started.reset();
        metrics.record(route_of(req.path), res.status, seconds);
    });
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options)))
{
    Impl& i = *impl_;
    i.http.new_task_queue = [&i] {
        auto* p = new WorkerPool(i.options.threads, i.options.queue);
        i.pool.store(p);
        return p;
    };
    auto ms = [](std::chrono::milliseconds d) {
        return std::make_pair(static_cast<time_t>(d.count() / 1000),
                              static_cast<time_t>(d.count() % 1000 * 1000));
    };
    auto [rs, rus] = ms(i.options.read_timeout);
    auto [ws, wus] = ms(i.options.write_timeout);
    i.http.set_read_timeout(rs, rus);
    i.http.set_write_timeout(ws, wus);
    i.http.set_keep_alive_timeout(std::max<time_t>(1, rs));
    i.http.set_keep_alive_max_count(100);
    i.http.set_payload_max_length(i.options.max_body);
    // Answers go out as headers and body in two writes: without TCP_NODELAY
    // (which accepted sockets take from the listening one) the second waits
    // for the client's delayed acknowledgement, some 40 ms.
    i.http.set_socket_options([](socket_t sock) {
        httplib::default_socket_options(sock);
        int on = 1;
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    });
    if (!i.options.web.empty()) i.assets = read_assets(i.options.web / "assets");
    i.routes();
}

Server::~Server()
{
    stop();
}

int Server::bind()
{
    Impl& i = *impl_;
    if (i.options.port == 0) return i.http.bind_to_any_port(i.options.host);
    return i.http.bind_to_port(i.options.host.c_str(), i.options.port) ? i.options.port : -1;
}

bool Server::serve()
{
    bool served = impl_->http.listen_after_bind();
    impl_->pool.store(nullptr);
    return served;
}

void Server::stop()
{
    impl_->http.stop();
}

}  // namespace infonote::server
