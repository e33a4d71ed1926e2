#include "logging.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "diagnostic.h"
#include "terminal_text.h"
#include "warnings.h"

namespace infonote {

namespace {

constexpr std::size_t kLogFileBytes = 5u << 20;
constexpr std::size_t kLogFilesKept = 5;

std::shared_ptr<spdlog::logger>& diagnostics_logger()
{
    static std::shared_ptr<spdlog::logger> logger;
    return logger;
}

std::atomic<bool> g_progress_line_shown{false};

// %* in a pattern: the message with its control characters escaped
// (terminal_text.h), so that a path in a log line cannot drive the
// terminal. Escaped text has none left, so diagnostics escaped already
// pass unchanged.
class EscapedMessage : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& msg, const std::tm&,
                spdlog::memory_buf_t& dest) override
    {
        std::string escaped =
            escape_controls(std::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(escaped.data(), escaped.data() + escaped.size());
    }

    std::unique_ptr<custom_flag_formatter> clone() const override
    {
        return std::make_unique<EscapedMessage>();
    }
};

std::unique_ptr<spdlog::formatter> escaping(const std::string& pattern)
{
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<EscapedMessage>('*').set_pattern(pattern);
    return formatter;
}

}  // namespace

void set_progress_line_shown(bool shown)
{
    g_progress_line_shown = shown;
}

bool setup_logging(const std::string& program, const LogOptions& options)
{
    auto stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    stderr_sink->set_formatter(escaping("%n: %l: %*"));
    std::vector<spdlog::sink_ptr> sinks{stderr_sink};

    // Diagnostics are already formatted GNU-style; on the terminal they
    // appear exactly as built, in the log file with a time stamp.
    auto plain_stderr = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    plain_stderr->set_formatter(escaping("%*"));
    std::vector<spdlog::sink_ptr> diagnostic_sinks{plain_stderr};

    if (!options.file.empty()) {
        // spdlog throws on a file it cannot open; said here in one line, the
        // system's reason first found by opening the file the same way.
        std::shared_ptr<spdlog::sinks::rotating_file_sink_mt> file;
        try {
            file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                options.file, kLogFileBytes, kLogFilesKept);
        } catch (const spdlog::spdlog_ex& e) {
            int fd = ::open(options.file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
            std::string reason = fd < 0 ? std::strerror(errno) : e.what();
            if (fd >= 0) ::close(fd);
            std::cerr << program_error(program, options.file + ": cannot open log file: " + reason)
                      << '\n';
            return false;
        }
        file->set_formatter(escaping("%Y-%m-%dT%H:%M:%S%z %n: %l: %*"));
        sinks.push_back(file);
        diagnostic_sinks.push_back(file);
    }
    auto logger = std::make_shared<spdlog::logger>(program, sinks.begin(), sinks.end());
    logger->set_level(options.verbose ? spdlog::level::info : spdlog::level::warn);
    // Info lines reach the log file even when the terminal shows warnings only.
    stderr_sink->set_level(options.verbose ? spdlog::level::info : spdlog::level::warn);
    if (!options.file.empty()) logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
    set_warning_sink([](const std::string& message) { spdlog::warn("{}", message); });

    auto diagnostics =
        std::make_shared<spdlog::logger>(program, diagnostic_sinks.begin(), diagnostic_sinks.end());
    diagnostics->set_level(spdlog::level::info);
    diagnostics->flush_on(spdlog::level::info);
    diagnostics_logger() = diagnostics;
    return true;
}

namespace {

// Where this thread's diagnostics go instead of stderr, when held.
thread_local std::vector<std::string>* t_held_diagnostics = nullptr;

}  // namespace

HeldDiagnostics::HeldDiagnostics(std::vector<std::string>& lines)
    : previous_(t_held_diagnostics)
{
    t_held_diagnostics = &lines;
}

HeldDiagnostics::~HeldDiagnostics()
{
    t_held_diagnostics = previous_;
}

void emit_diagnostic(const std::string& line)
{
    if (t_held_diagnostics) {
        t_held_diagnostics->push_back(line);
        return;
    }
    // Indexing threads report their files' problems as they meet them; one
    // line at a time, and the progress line cleared once.
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    if (g_progress_line_shown.exchange(false)) std::cerr << "\r\033[K" << std::flush;
    if (auto& logger = diagnostics_logger()) {
        logger->info(line);
        return;
    }
    // Before setup_logging (in tests, say) diagnostics still reach stderr.
    std::cerr << line << '\n';
}

}  // namespace infonote
