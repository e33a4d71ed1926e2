#include "run_report.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "note_json.h"

namespace infonote {

namespace {

[[noreturn]] void report_failure(const std::filesystem::path& file, int error)
{
    throw std::runtime_error(file.string() + ": cannot write run report: " + std::strerror(error));
}

// Writes all of `text`; the errno value when it cannot, else 0.
int write_all(int fd, const std::string& text)
{
    for (std::size_t done = 0; done < text.size();) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// A regular file (or none yet) is replaced atomically: a temporary file
// created exclusively beside it, so nothing planted under its name is
// followed, then renamed over it. Anything else (a FIFO, a device) is
// written in place, as a shell redirection would.
void write_report_file(const std::filesystem::path& file, const std::string& text)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) report_failure(file, errno);
        int error = write_all(fd, text);
        if (::close(fd) != 0 && error == 0) error = errno;
        if (error != 0) report_failure(file, error);
        return;
    }
    std::string temporary = file.string() + ".XXXXXX";
    int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) report_failure(file, errno);
    // mkostemp makes the file 0600; a report is as readable as any file.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    int error = write_all(fd, text);
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        report_failure(file, error);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        error = errno;
        ::unlink(temporary.c_str());
        report_failure(file, error);
    }
}

}  // namespace

void RunReport::write_json(const std::filesystem::path& file) const
{
    Json rejected_json = Json::array();
    for (const RejectedFile& r : rejected)
        rejected_json.push_back({{"path", r.path}, {"reason", r.reason}});
    Json durations = Json::object();
    double total = 0;
    for (const auto& [phase, s] : seconds) {
        durations[phase] = s;
        total += s;
    }
    durations["total"] = total;
    Json doc = {
        {"schema_version", kRunReportSchemaVersion},
        {"command", command},
        {"database", database},
        {"corpus", corpus},
        {"outcome", outcome},
        {"error", error.empty() ? Json(nullptr) : Json(error)},
        {"live_build", live_build.empty() ? Json(nullptr) : Json(live_build)},
        {"counts",
         {{"files", files},
          {"indexed", indexed},
          {"added", added},
          {"changed", changed},
          {"touched", touched},
          {"unchanged", unchanged},
          {"removed", removed},
          {"skipped", skipped},
          {"with_warnings", warned},
          {"kept", kept},
          {"notes", notes}}},
        {"rejected", rejected_json},
        {"seconds", durations},
    };
    write_report_file(file, doc.dump(2, ' ', false, Json::error_handler_t::replace) + '\n');
}

PhaseTimer::PhaseTimer(RunReport& report, std::string phase)
    : report_(report), phase_(std::move(phase)), start_(std::chrono::steady_clock::now())
{
}

PhaseTimer::~PhaseTimer()
{
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    report_.seconds.emplace_back(phase_, elapsed.count());
}

}  // namespace infonote
