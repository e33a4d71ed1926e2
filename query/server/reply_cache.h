// Answers already given, kept for the same question on the same index. An
// answer is kept under the index's state when it was worked out (its
// databases' UUIDs and revision, Engine::identity()) and the request, so an
// update or a build switched in makes every older answer unreachable at
// once. Those older answers are then dropped, not left to age out: once no
// request is being answered on a state and a newer one has been seen, that
// state's answers go. Within the newest state, the least recently used
// answers are dropped when the cache holds more than its limit in bytes.
#ifndef INFONOTE_QUERY_SERVER_REPLY_CACHE_H
#define INFONOTE_QUERY_SERVER_REPLY_CACHE_H

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "api.h"

namespace infonote::server {

/// What the cache holds and has done, for /metrics.
struct CacheFigures {
    std::size_t hits = 0;
    std::size_t misses = 0;
    /// Answers kept, and their bytes as counted against the limit.
    std::size_t entries = 0;
    std::size_t bytes = 0;
    /// States of the index that answers are kept for.
    std::size_t states = 0;
};

class ReplyCache {
  public:
    /// Keeps at most `limit` bytes of keys and bodies; 0 keeps nothing.
    explicit ReplyCache(std::size_t limit) : limit_(limit) {}

    /// A request being answered on one state of the index, from its
    /// start to its end: that state's answers stay while it lasts.
    class Use {
      public:
        Use(ReplyCache& cache, std::string state);
        ~Use();
        Use(const Use&) = delete;
        Use& operator=(const Use&) = delete;

        /// The answer kept for `request` on this state, or null.
        std::shared_ptr<const Reply> find(const std::string& request);

        /// Keeps `reply` for `request` on this state, unless it alone is
        /// over a quarter of the limit.
        void keep(const std::string& request, std::shared_ptr<const Reply> reply);

      private:
        ReplyCache& cache_;
        std::string state_;
    };

    bool enabled() const { return limit_ > 0; }

    CacheFigures figures() const;

  private:
    struct Entry {
        std::string state;
        std::string key;
        std::shared_ptr<const Reply> reply;
    };
    struct State {
        /// Requests being answered on it.
        std::size_t in_use = 0;
        std::size_t entries = 0;
    };

    static std::size_t size_of(const Entry& entry);

    void enter(const std::string& state);
    void leave(const std::string& state);
    /// Drops the answers of every state but the newest that no request is
    /// being answered on; under the lock.
    void drop_unused();
    void erase(std::list<Entry>::iterator entry);

    std::size_t limit_;
    mutable std::mutex mutex_;
    /// Most recently used first.
    std::list<Entry> order_;
    /// By state, then request.
    std::unordered_map<std::string, std::list<Entry>::iterator> where_;
    std::unordered_map<std::string, State> states_;
    /// The state the latest request began on.
    std::string newest_;
    std::size_t bytes_ = 0;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

}  // namespace infonote::server

#endif
