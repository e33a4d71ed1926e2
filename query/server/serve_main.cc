// infonote-query-serve: what `infonote-query serve` runs (main.cc hands
// the command over, so that the command line's quick questions never load
// the HTTP library).
#include <signal.h>

#include <iostream>
#include <string>
#include <thread>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "cli_messages.h"
#include "config.h"
#include "config_file.h"
#include "country_gazetteer.h"
#include "exit_codes.h"
#include "server.h"
#include "terminal_text.h"
#include "warnings.h"

namespace {

constexpr const char* kProgram = "infonote-query serve";

// "HOST:PORT", "[IPV6]:PORT" or ":PORT" (loopback); false when it is none.
bool split_listen(const std::string& text, std::string& host, int& port)
{
    std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) return false;
    host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "127.0.0.1";
    std::string digits = text.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    port = std::stoi(digits);
    return port <= 65535;
}

// The pages' templates and assets, found as the data files are: the
// source tree's share/web for a program of the build tree, else the
// installed copy.
std::filesystem::path web_dir()
{
    if (infonote::data_dir() == infonote::kSourceDataDir)
        return std::filesystem::path(infonote::kSourceDataDir).parent_path() / "share" / "web";
    return std::filesystem::path(infonote::kInstallDataDir) / "web";
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{
        "infonote-query serve: the index over HTTP, read-only, for a browser and for scripts.\n"
        "\n"
        "Routes: / (the search page), /country/CODE, /event/ID, /document/ID; the JSON API\n"
        "/api/search, /api/attended, /api/show, /api/countries, /api/stats, /api/timeline,\n"
        "/api/profile, /api/coattend, /api/coverage, whose parameters are the commands'\n"
        "options (q for search's words; venue_country for --venue-country) and whose body is\n"
        "what `infonote-query COMMAND --format json` prints; /metrics (Prometheus); /healthz.\n"
        "GET and HEAD only. A new `infonote-index build` or `update` is picked up without a\n"
        "restart. There is no authentication: it listens on loopback unless --listen names\n"
        "another address; for shared use put a reverse proxy with authentication in front.\n"
        "Full reference: docs/server.md in the sources.\n"
        "\n"
        "Exit status: 0 stopped by SIGINT or SIGTERM; 2 bad command line; 4 the address\n"
        "cannot be listened on.",
        "infonote-query serve"};
    app.set_version_flag("--version",
                         infonote::cli::version_line("infonote-query", Xapian::version_string()),
                         "Print the program's version and Xapian's, and exit");
    infonote::server::ServerOptions options;
    std::string listen = "127.0.0.1:8080";
    app.add_option("--db", options.db,
                   "Database folder or stub file; default $INFONOTE_DB, else 'db = PATH' in "
                   "$XDG_CONFIG_HOME/infonote/config (~/.config), else in /etc/infonote/config");
    app.add_option("--listen", listen,
                   "Address and port to listen on: HOST:PORT, [IPV6]:PORT, or :PORT for "
                   "loopback; port 0 takes any free one")
        ->capture_default_str();
    app.add_option("--threads", options.threads,
                   "Workers, each serving one connection (keep-alive included) at a time")
        ->check(infonote::cli::whole_number(1, 1024))
        ->capture_default_str();
    app.add_option("--queue", options.queue,
                   "Connections that may wait for a worker; more are answered 503")
        ->check(infonote::cli::whole_number(1, 65536))
        ->capture_default_str();
    std::size_t cache_mb = options.cache_bytes / (1024 * 1024);
    app.add_option("--cache-mb", cache_mb,
                   "Megabytes of answers kept for requests asked again on the same index; 0 "
                   "keeps none")
        ->check(infonote::cli::whole_number(0, 65536))
        ->capture_default_str();
    app.add_option("--web", options.web,
                   "Folder of the page's templates and assets (default: those installed with "
                   "the program)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return infonote::cli::report(app, kProgram, "", e);
    }
    if (!split_listen(listen, options.host, options.port))
        return infonote::cli::usage_error(kProgram, "",
                                          "--listen: HOST:PORT expected, not '" + listen + "'");
    infonote::set_warning_sink([](const std::string& message) {
        std::cerr << kProgram << ": warning: " << infonote::escape_controls(message) << '\n';
    });
    if (options.db.empty()) {
        infonote::DatabaseSources sources = infonote::database_sources();
        try {
            std::optional<infonote::DefaultDatabase> db = infonote::default_database(sources);
            if (!db)
                return infonote::cli::usage_error(kProgram, "",
                                                  infonote::no_database_message(sources));
            options.db = db->path;
        } catch (const infonote::ConfigError& e) {
            std::cerr << kProgram << ": error: " << infonote::escape_controls(e.what()) << '\n';
            return infonote::kExitUsage;
        }
    }
    options.cache_bytes = cache_mb * 1024 * 1024;
    if (options.web.empty()) options.web = web_dir();

    // SIGINT and SIGTERM are waited for by one thread, which stops the
    // server; every other thread has them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    infonote::server::Server server(options);
    int port = server.bind();
    if (port < 0) {
        std::cerr << kProgram << ": error: cannot listen on " << infonote::escape_controls(listen)
                  << '\n';
        return infonote::kExitFailure;
    }
    std::string shown_host =
        options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    if (!infonote::server::loopback(options.host))
        std::cerr << kProgram << ": warning: listening on " << shown_host
                  << ", which other machines can reach: there is no authentication; put a "
                     "reverse proxy with authentication in front for shared use\n";
    std::cerr << kProgram << ": serving " << infonote::escape_controls(options.db.string())
              << " on http://" << shown_host << ":" << port << "/\n"
              << std::flush;
    std::thread waiter([&server, stop_signals] {
        int received = 0;
        sigwait(&stop_signals, &received);
        server.stop();
    });
    bool served = server.serve();
    if (waiter.joinable()) {
        // serve() returned without a signal (it failed): wake the waiter.
        if (!served) pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
    }
    return served ? infonote::kExitOk : infonote::kExitFailure;
}
