#include "process_helpers.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace infonote::test {

namespace fs = std::filesystem;

namespace {

// The arguments as execv takes them, made before fork: after fork, in a
// test with other threads running (a server's workers, clients), the child
// may not allocate, since another thread may have held the allocator's lock
// at the moment of the fork and nothing in the child would ever release it.
class Arguments {
  public:
    explicit Arguments(const std::vector<std::string>& argv) : strings_(argv)
    {
        for (std::string& a : strings_) pointers_.push_back(a.data());
        pointers_.push_back(nullptr);
    }
    // Runs the program from the root folder; only async-signal-safe calls.
    [[noreturn]] void exec_in_root() const
    {
        if (chdir("/") != 0) _exit(127);
        execv(pointers_[0], pointers_.data());
        _exit(127);
    }

  private:
    std::vector<std::string> strings_;
    std::vector<char*> pointers_;
};

}  // namespace

Outcome run(const std::vector<std::string>& argv, const std::function<void()>& in_child)
{
    const Arguments args(argv);
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
        dup2(devnull, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        close(out_pipe[0]);
        close(out_pipe[1]);
        close(err_pipe[0]);
        close(err_pipe[1]);
        if (in_child) in_child();
        args.exec_in_root();
    }
    close(out_pipe[1]);
    close(err_pipe[1]);

    Outcome result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[4096];
            ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    result.status = wait_for(pid);
    return result;
}

pid_t spawn(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err)
{
    const Arguments args(argv);
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
        int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(devnull, 0);
        dup2(out_fd, 1);
        dup2(err_fd, 2);
        args.exec_in_root();
    }
    return pid;
}

int wait_for(pid_t pid)
{
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
}

std::string describe(const Outcome& r)
{
    return "exit " + std::to_string(r.status) + "\n--- stdout:\n" + r.out + "\n--- stderr:\n" +
           r.err;
}

TempDir::TempDir()
{
    std::string pattern = (fs::temp_directory_path() / "infonote-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace infonote::test
