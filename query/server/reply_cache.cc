#include "reply_cache.h"

namespace infonote::server {

std::size_t ReplyCache::size_of(const Entry& entry)
{
    // The key is held twice (the list and the map), and each entry costs
    // some bookkeeping besides its strings.
    const Reply& r = *entry.reply;
    return 2 * entry.key.size() + r.body.size() + r.content_type.size() + r.filename.size() + 128;
}

std::shared_ptr<const Reply> ReplyCache::find(const std::string& key)
{
    if (limit_ == 0) return nullptr;
    std::lock_guard lock(mutex_);
    auto found = where_.find(key);
    if (found == where_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->reply;
}

void ReplyCache::keep(const std::string& key, std::shared_ptr<const Reply> reply)
{
    if (limit_ == 0) return;
    Entry entry{key, std::move(reply)};
    std::size_t size = size_of(entry);
    if (size > limit_ / 4) return;
    std::lock_guard lock(mutex_);
    if (where_.count(key)) return;
    order_.push_front(std::move(entry));
    where_.emplace(key, order_.begin());
    bytes_ += size;
    while (bytes_ > limit_ && !order_.empty()) {
        bytes_ -= size_of(order_.back());
        where_.erase(order_.back().key);
        order_.pop_back();
    }
}

std::size_t ReplyCache::hits() const
{
    std::lock_guard lock(mutex_);
    return hits_;
}

std::size_t ReplyCache::misses() const
{
    std::lock_guard lock(mutex_);
    return misses_;
}

}  // namespace infonote::server
