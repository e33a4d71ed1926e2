// A one-line progress bar on a terminal, and nothing elsewhere.
#ifndef INFONOTE_INDEXER_PROGRESS_BAR_H
#define INFONOTE_INDEXER_PROGRESS_BAR_H

#include <chrono>
#include <cstddef>

namespace infonote {

class ProgressBar {
  public:
    /// Shown only when standard error is a terminal and `enabled`.
    ProgressBar(std::size_t total, bool enabled);
    /// Clears the line.
    ~ProgressBar();

    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// One more file done.
    void step();

  private:
    void draw();

    std::size_t total_;
    std::size_t done_ = 0;
    bool shown_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace infonote

#endif
