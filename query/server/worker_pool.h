// The server's workers: a fixed number of threads taking connections from
// a bounded queue. A connection that finds the queue full is handed to one
// more thread that only answers 503 (the server is busy) and closes it;
// when that one's queue is full too, accepting waits, and the kernel's
// listen backlog holds the rest. So the server never holds more than
// threads + 2 x queue connections, whatever the clients do.
#ifndef INFONOTE_QUERY_SERVER_WORKER_POOL_H
#define INFONOTE_QUERY_SERVER_WORKER_POOL_H

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace infonote::server {

class WorkerPool : public httplib::TaskQueue {
  public:
    WorkerPool(std::size_t threads, std::size_t queue);
    ~WorkerPool() override;

    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    /// The calling worker's number, 0 to threads() - 1, or threads() for the
    /// thread that answers "busy"; threads() + 1 on any other thread.
    std::size_t worker() const;
    std::size_t threads() const { return threads_; }

    /// Whether the calling thread only answers "busy".
    bool rejecting() const { return worker() == threads_; }

    /// Connections answered "busy" so far.
    std::size_t rejected() const { return rejected_.load(); }

  private:
    void work(std::size_t number, std::deque<std::function<void()>>& queue);

    std::size_t threads_;
    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<std::function<void()>> jobs_;
    std::deque<std::function<void()>> refused_;
    bool stopping_ = false;
    std::atomic<std::size_t> rejected_{0};
    std::vector<std::thread> workers_;
};

}  // namespace infonote::server

#endif
