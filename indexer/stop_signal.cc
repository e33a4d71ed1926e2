#include "stop_signal.h"

#include <csignal>

namespace infonote {

namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int)
{
    g_stop = 1;
}

}  // namespace

void install_stop_handlers()
{
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // Past a file size limit (ulimit -f) a write then fails with EFBIG and
    // the run takes the path of a full disk: error, live index kept,
    // temporary build removed. The default action kills the process.
    std::signal(SIGXFSZ, SIG_IGN);
}

bool stop_requested()
{
    return g_stop != 0;
}

void check_stop()
{
    if (stop_requested()) throw Interrupted();
}

}  // namespace infonote
