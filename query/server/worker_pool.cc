#include "worker_pool.h"

namespace infonote::server {

namespace {

// Which pool the calling thread works for, and its number there.
thread_local const WorkerPool* tls_pool = nullptr;
thread_local std::size_t tls_number = 0;

}  // namespace

WorkerPool::WorkerPool(std::size_t threads, std::size_t queue)
    : threads_(threads == 0 ? 1 : threads), limit_(queue == 0 ? 1 : queue)
{
    for (std::size_t i = 0; i < threads_; ++i) workers_.emplace_back([this, i] { work(i, jobs_); });
    workers_.emplace_back([this] { work(threads_, refused_); });
}

WorkerPool::~WorkerPool()
{
    shutdown();
}

void WorkerPool::enqueue(std::function<void()> fn)
{
    std::unique_lock lock(mutex_);
    room_.wait(lock,
               [this] { return stopping_ || jobs_.size() < limit_ || refused_.size() < limit_; });
    if (stopping_) return;
    if (jobs_.size() < limit_) {
        jobs_.push_back(std::move(fn));
    } else {
        refused_.push_back(std::move(fn));
        ++rejected_;
    }
    ready_.notify_all();
}

void WorkerPool::shutdown()
{
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && workers_.empty()) return;
        stopping_ = true;
    }
    ready_.notify_all();
    room_.notify_all();
    for (std::thread& t : workers_)
        if (t.joinable()) t.join();
    workers_.clear();
}

std::size_t WorkerPool::worker() const
{
    return tls_pool == this ? tls_number : threads_ + 1;
}

void WorkerPool::work(std::size_t number, std::deque<std::function<void()>>& queue)
{
    tls_pool = this;
    tls_number = number;
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this, &queue] { return stopping_ || !queue.empty(); });
            // Connections already accepted are served before stopping.
            if (queue.empty()) return;
            job = std::move(queue.front());
            queue.pop_front();
        }
        room_.notify_one();
        job();
    }
}

}  // namespace infonote::server
