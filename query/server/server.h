// infonote-query serve: the engine over HTTP, read-only. The JSON API
// (api.h), /metrics (metrics.h), /healthz, and the pages (pages.h) with
// their assets, served by cpp-httplib on a bounded pool of workers
// (worker_pool.h), each with its own engine on the database.
#ifndef INFONOTE_QUERY_SERVER_SERVER_H
#define INFONOTE_QUERY_SERVER_SERVER_H

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "searcher.h"

namespace infonote::server {

struct ServerOptions {
    std::filesystem::path db;
    OpenOptions open;
    /// An address to listen on, and a port (0: any free one).
    std::string host = "127.0.0.1";
    int port = 8080;
    /// Workers, each serving one connection at a time.
    std::size_t threads = 8;
    /// Connections waiting for a worker before further ones are refused.
    std::size_t queue = 64;
    /// A client that sends or reads nothing for this long is dropped.
    std::chrono::milliseconds read_timeout{5000};
    std::chrono::milliseconds write_timeout{5000};
    /// Largest request body taken (a GET has none): more is 413.
    std::size_t max_body = 16 * 1024;
    /// Bytes of answers kept for repeated requests (reply_cache.h); 0
    /// keeps none.
    std::size_t cache_bytes = 64 * 1024 * 1024;
    /// The pages' templates and assets (share/web); none served when empty.
    std::filesystem::path web;
};

/// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool loopback(const std::string& host);

class Server {
  public:
    explicit Server(ServerOptions options);
    ~Server();

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds to the address; returns the port, or -1 when it cannot.
    int bind();

    /// Serves until stop(); false when serving failed.
    bool serve();

    /// Stops serving, from any thread; serve() returns.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace infonote::server

#endif
