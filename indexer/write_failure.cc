#include "write_failure.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <system_error>
#include <vector>

#include <unistd.h>

#include <xapian.h>

#include "diagnostic.h"
#include "exit_codes.h"
#include "index_error.h"

namespace infonote {

namespace fs = std::filesystem;

namespace {

thread_local const WritingStep* t_current = nullptr;
thread_local bool t_ending = false;

struct Handler {
    std::mutex mutex;
    std::string program = "infonote";
    std::string what;
    std::function<void(const std::string&)> last_words;
    std::vector<fs::path> unfinished;
};

Handler& handler()
{
    static Handler* h = new Handler;  // Never destroyed: the handler may run at exit.
    return *h;
}

std::string reason_of_current_exception()
{
    std::exception_ptr e = std::current_exception();
    if (!e) return "ended unexpectedly";
    try {
        std::rethrow_exception(e);
    } catch (const Xapian::Error& x) {
        return xapian_error_text(x);
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
    }
    return "ended unexpectedly";
}

[[noreturn]] void on_terminate()
{
    // A failure within the handler ends at once; one thread says it, and a
    // second thread's failure meanwhile waits for the exit.
    if (t_ending) std::_Exit(kExitFailure);
    t_ending = true;
    static std::mutex once;
    once.lock();
    Handler& h = handler();
    const WritingStep* step = WritingStep::current();
    std::string message =
        (step ? step->describe() : h.what) + ": " + reason_of_current_exception();
    std::vector<fs::path> folders;
    std::function<void(const std::string&)> last_words;
    {
        // Only if free: the thread that failed may hold it.
        std::unique_lock<std::mutex> lock(h.mutex, std::try_to_lock);
        if (lock) {
            folders = h.unfinished;
            last_words = h.last_words;
        }
    }
    for (const fs::path& folder : folders) {
        std::error_code ec;
        // Another writer thread may still add a file: a second pass.
        if (fs::remove_all(folder, ec) == static_cast<std::uintmax_t>(-1)) fs::remove_all(folder, ec);
    }
    if (last_words) {
        try {
            last_words(message);
        } catch (...) {
        }
    }
    std::string line = program_error(h.program, message) + '\n';
    ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    (void)written;
    std::_Exit(kExitFailure);
}

}  // namespace

WritingStep::WritingStep(const fs::path& path, const char* what)
    : path_(path), what_(what), outer_(t_current)
{
    t_current = this;
}

WritingStep::~WritingStep()
{
    t_current = outer_;
}

const WritingStep* WritingStep::current()
{
    return t_current;
}

WritingStep::Inherited::Inherited(const WritingStep* step) : saved_(t_current)
{
    t_current = step;
}

WritingStep::Inherited::~Inherited()
{
    t_current = saved_;
}

std::string WritingStep::describe() const
{
    return path_.string() + ": " + what_;
}

void register_unfinished(const fs::path& folder)
{
    Handler& h = handler();
    std::lock_guard<std::mutex> lock(h.mutex);
    h.unfinished.push_back(folder);
}

void forget_unfinished(const fs::path& folder)
{
    Handler& h = handler();
    std::lock_guard<std::mutex> lock(h.mutex);
    auto found = std::find(h.unfinished.begin(), h.unfinished.end(), folder);
    if (found != h.unfinished.end()) h.unfinished.erase(found);
}

void install_write_failure_handler(std::string program, std::string what,
                                   std::function<void(const std::string&)> last_words)
{
    Handler& h = handler();
    {
        std::lock_guard<std::mutex> lock(h.mutex);
        h.program = std::move(program);
        h.what = std::move(what);
        h.last_words = std::move(last_words);
    }
    std::set_terminate(on_terminate);
}

}  // namespace infonote
