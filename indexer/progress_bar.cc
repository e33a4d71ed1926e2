#include "progress_bar.h"

#include <cstdio>
#include <string>

#include <unistd.h>

#include "logging.h"

namespace infonote {

namespace {

constexpr int kBarWidth = 30;

std::string minutes_seconds(double seconds)
{
    long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::size_t total, bool enabled)
    : total_(total),
      shown_(enabled && total > 0 && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_)
{
}

ProgressBar::~ProgressBar()
{
    if (!shown_) return;
    std::fprintf(stderr, "\r\033[K");
    set_progress_line_shown(false);
}

void ProgressBar::step()
{
    ++done_;
    if (!shown_) return;
    auto now = std::chrono::steady_clock::now();
    // Ten redraws a second are plenty and cost nothing measurable.
    if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    draw();
}

void ProgressBar::draw()
{
    double elapsed = std::chrono::duration<double>(last_draw_ - start_).count();
    double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0;
    int filled = static_cast<int>(kBarWidth * done_ / total_);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kBarWidth, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu files  %.0f/s  %s left\033[K", bar.c_str(), done_, total_,
                 rate, minutes_seconds(left).c_str());
    std::fflush(stderr);
    set_progress_line_shown(true);
}

}  // namespace infonote
