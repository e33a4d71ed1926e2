// Running the programs from tests, and temporary folders for them.
#ifndef INFONOTE_TESTS_PROCESS_HELPERS_H
#define INFONOTE_TESTS_PROCESS_HELPERS_H

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace infonote::test {

struct Outcome {
    /// Exit status; 128 + signal number when killed by a signal.
    int status = -1;
    std::string out;
    std::string err;
};

/// Runs argv[0] with the given arguments from the root folder (so nothing
/// depends on the test's working directory), stdin closed, and captures
/// stdout and stderr apart. `in_child` runs in the child before exec; in a
/// test with other threads it may make only async-signal-safe calls (no
/// allocation, no setenv), since the child is a fork of a threaded process.
Outcome run(const std::vector<std::string>& argv, const std::function<void()>& in_child = {});

/// Starts argv[0] in the background with stdout and stderr to the given
/// files; returns its pid.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& out,
            const std::filesystem::path& err);

/// Waits for a spawned process; its exit status, or 128 + signal.
int wait_for(pid_t pid);

/// "exit N", then stdout and stderr, for failure messages.
std::string describe(const Outcome& r);

/// A fresh folder under the system's temporary folder, removed with its
/// contents when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);

std::string read_file(const std::filesystem::path& path);

}  // namespace infonote::test

#endif
