#include "writer_lock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "stop_signal.h"

namespace infonote {

WriterLock::WriterLock(const std::filesystem::path& db, double wait_seconds)
{
    std::filesystem::path file = db / "infonote.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw LockError(file.string() + ": cannot open lock file: " + std::strerror(errno));
    // Measured in seconds as a double: a deadline in the clock's own
    // nanoseconds overflows past about 292 years (--wait 1e10).
    const auto start = std::chrono::steady_clock::now();
    auto waited = [start] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int error = errno;
        if (error == EINTR) continue;
        if (error != EWOULDBLOCK || !(waited() < wait_seconds)) {
            ::close(fd_);
            fd_ = -1;
            if (error != EWOULDBLOCK)
                throw LockError(file.string() + ": cannot lock: " + std::strerror(error));
            std::ostringstream message;
            message << db.string() << ": another infonote-index is writing this database";
            if (wait_seconds > 0)
                message << "; gave up after waiting " << wait_seconds << " s";
            else
                message << "; use --wait SECONDS to wait for it";
            throw LockError(message.str());
        }
        // SIGINT or SIGTERM ends the wait, not only the work after it.
        if (stop_requested()) {
            ::close(fd_);
            fd_ = -1;
            throw Interrupted();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

WriterLock::~WriterLock()
{
    if (fd_ >= 0) ::close(fd_);  // Closing releases the lock.
}

}  // namespace infonote
