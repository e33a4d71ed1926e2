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
#include "reply_cache.h"
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

// A request as a cache key: its path, then its parameters in order, each
// string preceded by its length, so that no two requests share a key.
std::string request_key(const httplib::Request& req)
{
    std::string key = req.path;
    for (const auto& [name, value] : req.params) {
        key += '\n';
        key += std::to_string(name.size()) + ':' + name;
        key += std::to_string(value.size()) + ':' + value;
    }
    return key;
}

// An output stream's buffer that sends what is written as chunks of an
// answer, some 16 KB at a time; failed() once the client is gone.
class SinkBuffer : public std::streambuf {
  public:
    explicit SinkBuffer(httplib::DataSink& sink) : sink_(sink) { setp(buffer_, buffer_ + kSize); }

    bool failed() const { return failed_; }

  protected:
    int overflow(int c) override
    {
        if (!send()) return traits_type::eof();
        if (c != traits_type::eof()) {
            *pptr() = static_cast<char>(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int sync() override { return send() ? 0 : -1; }

  private:
    bool send()
    {
        std::size_t n = static_cast<std::size_t>(pptr() - pbase());
        if (n > 0 && !failed_ && !sink_.write(pbase(), n)) failed_ = true;
        setp(buffer_, buffer_ + kSize);
        return !failed_;
    }

    static constexpr std::size_t kSize = 16 * 1024;
    httplib::DataSink& sink_;
    char buffer_[kSize];
    bool failed_ = false;
};

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
        : options(std::move(o)),
          engines(options.threads + 2),
          pages(options.web),
          cache(options.cache_bytes)
    {
    }

    // The calling worker's engine: each worker has its own, and with it its
    // own Xapian database handles.
    template <typename Ask>
    Reply with_engine(const Ask& ask);

    // The answer to `req` from `ask` on the calling worker's engine, or
    // the one already given to the same request on the same state of the
    // index. Answers other than 503 are kept: they depend on nothing else.
    template <typename Ask>
    std::shared_ptr<const Reply> cached(const httplib::Request& req, const Ask& ask);

    void routes();

    // Streams /api/COMMAND's export (api.h, streamed()) as its rows are
    // written.
    void stream(const std::string& command, const httplib::Request& req, httplib::Response& res);

    ServerOptions options;
    httplib::Server http;
    std::atomic<WorkerPool*> pool{nullptr};
    std::vector<std::unique_ptr<Engine>> engines;
    // The last engine, for a thread that is no worker (none in practice).
    std::mutex foreign;
    Metrics metrics;
    std::map<std::string, std::string> assets;
    Pages pages;
    ReplyCache cache;
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

template <typename Ask>
std::shared_ptr<const Reply> Server::Impl::cached(const httplib::Request& req, const Ask& ask)
{
    std::shared_ptr<const Reply> kept;
    Reply reply = with_engine([&](Engine& engine) {
        std::string identity;
        try {
            if (cache.enabled()) identity = engine.identity();
        } catch (const DatabaseError&) {
            // A bad query is still told before a missing database.
        }
        if (identity.empty()) return ask(engine);
        ReplyCache::Use use(cache, identity);
        std::string key = request_key(req);
        if ((kept = use.find(key))) return Reply{};
        Reply fresh = ask(engine);
        if (fresh.status >= 500) return fresh;
        kept = std::make_shared<const Reply>(std::move(fresh));
        use.keep(key, kept);
        return Reply{};
    });
    if (kept) return kept;
    return std::make_shared<const Reply>(std::move(reply));
}

void Server::Impl::stream(const std::string& command, const httplib::Request& req,
                          httplib::Response& res)
{
    auto job = std::make_shared<Export>();
    Reply checked = with_engine(
        [&](Engine& engine) { return prepare_export(command, req.params, engine, *job); });
    if (checked.status != 200) {
        send(res, checked);
        return;
    }
    if (!job->filename.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + job->filename + "\"");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    // The provider runs on this worker once the headers are out. An error
    // then (the index gone mid-export) can only cut the answer short: the
    // client sees no last chunk, never a complete-looking export.
    res.set_chunked_content_provider(
        job->content_type, [this, job](std::size_t, httplib::DataSink& sink) {
            SinkBuffer buffer(sink);
            std::ostream out(&buffer);
            bool started = false;
            Reply ran;
            try {
                ran = with_engine([&](Engine& engine) {
                    // A second try would repeat rows already sent.
                    if (started) return error_reply(503, "export cut short");
                    started = true;
                    run_export(*job, engine, out);
                    out.flush();
                    return Reply{};
                });
            } catch (const std::exception& e) {
                std::cerr << "infonote-query serve: error: export cut short: "
                          << escape_controls(e.what()) << '\n';
                return false;
            }
            if (ran.status != 200 || buffer.failed()) return false;
            sink.done();
            return true;
        });
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
        if (streamed(command, req.params)) {
            stream(command, req, res);
            return;
        }
        send(res,
             *cached(req, [&](Engine& engine) { return api_reply(command, req.params, engine); }));
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
        send(res, *cached(req, [&](Engine& engine) { return pages.search(req.params, engine); }));
    };
    http.Get("/", search_page);
    http.Get("/search", search_page);
    http.Get(R"(/country/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
        std::string code = req.matches[1];
        send(res, *cached(req, [&](Engine& engine) { return pages.country(code, engine); }));
    });
    http.Get(R"(/(event|document)/([^/]+))", [this](const httplib::Request& req,
                                                    httplib::Response& res) {
        bool event = req.matches[1] == "event";
        std::string id = req.matches[2];
        send(res, *cached(req, [&](Engine& engine) { return pages.show(id, event, engine); }));
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
            r.body = metrics.render(engine.revision(), p ? p->rejected() : 0, cache.figures());
            return r;
        });
        if (reply.status == 503) {
            // The counts are worth having while the index cannot be read.
            reply.status = 200;
            reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
            WorkerPool* p = pool.load();
            reply.body = metrics.render(0, p ? p->rejected() : 0, cache.figures());
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
