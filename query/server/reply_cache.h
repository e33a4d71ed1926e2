// Answers already given, kept for the same question on the same index. A
// key names the index as it was when answered (its databases' UUIDs and
// revision, Engine::identity()), so an update or a build switched in makes
// every older answer unreachable at once, and the least recently used
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

class ReplyCache {
  public:
    /// Keeps at most `limit` bytes of keys and bodies; 0 keeps nothing.
    explicit ReplyCache(std::size_t limit) : limit_(limit) {}

    /// The answer kept under `key`, or null.
    std::shared_ptr<const Reply> find(const std::string& key);

    /// Keeps `reply` under `key`, unless it alone is over a quarter of the
    /// limit.
    void keep(const std::string& key, std::shared_ptr<const Reply> reply);

    bool enabled() const { return limit_ > 0; }

    /// Answers found and not found so far.
    std::size_t hits() const;
    std::size_t misses() const;

  private:
    struct Entry {
        std::string key;
        std::shared_ptr<const Reply> reply;
    };

    static std::size_t size_of(const Entry& entry);

    std::size_t limit_;
    mutable std::mutex mutex_;
    /// Most recently used first.
    std::list<Entry> order_;
    std::unordered_map<std::string, std::list<Entry>::iterator> where_;
    std::size_t bytes_ = 0;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

}  // namespace infonote::server

#endif
