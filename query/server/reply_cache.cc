#include "reply_cache.h"

namespace infonote::server {

namespace {

// The map's key of an answer: the state, then the request (a state holds
// no newline).
std::string key_of(const std::string& state, const std::string& request)
{
    return state + '\n' + request;
}

}  // namespace

std::size_t ReplyCache::size_of(const Entry& entry)
{
    // The key is held twice (the list and the map), and each entry costs
    // some bookkeeping besides its strings.
    const Reply& r = *entry.reply;
    return entry.state.size() + 2 * entry.key.size() + r.body.size() + r.content_type.size() +
           r.filename.size() + 128;
}

ReplyCache::Use::Use(ReplyCache& cache, std::string state) : cache_(cache), state_(std::move(state))
{
    cache_.enter(state_);
}

ReplyCache::Use::~Use()
{
    cache_.leave(state_);
}

std::shared_ptr<const Reply> ReplyCache::Use::find(const std::string& request)
{
    if (cache_.limit_ == 0) return nullptr;
    std::lock_guard lock(cache_.mutex_);
    auto found = cache_.where_.find(key_of(state_, request));
    if (found == cache_.where_.end()) {
        ++cache_.misses_;
        return nullptr;
    }
    ++cache_.hits_;
    cache_.order_.splice(cache_.order_.begin(), cache_.order_, found->second);
    return found->second->reply;
}

void ReplyCache::Use::keep(const std::string& request, std::shared_ptr<const Reply> reply)
{
    if (cache_.limit_ == 0) return;
    Entry entry{state_, key_of(state_, request), std::move(reply)};
    std::size_t size = size_of(entry);
    if (size > cache_.limit_ / 4) return;
    std::lock_guard lock(cache_.mutex_);
    if (cache_.where_.count(entry.key)) return;
    cache_.order_.push_front(std::move(entry));
    cache_.where_.emplace(cache_.order_.front().key, cache_.order_.begin());
    ++cache_.states_[state_].entries;
    cache_.bytes_ += size;
    while (cache_.bytes_ > cache_.limit_ && !cache_.order_.empty())
        cache_.erase(std::prev(cache_.order_.end()));
}

void ReplyCache::erase(std::list<Entry>::iterator entry)
{
    bytes_ -= size_of(*entry);
    auto state = states_.find(entry->state);
    if (state != states_.end()) --state->second.entries;
    where_.erase(entry->key);
    order_.erase(entry);
}

void ReplyCache::enter(const std::string& state)
{
    if (limit_ == 0) return;
    std::lock_guard lock(mutex_);
    ++states_[state].in_use;
    if (state == newest_) return;
    newest_ = state;
    drop_unused();
}

void ReplyCache::leave(const std::string& state)
{
    if (limit_ == 0) return;
    std::lock_guard lock(mutex_);
    auto found = states_.find(state);
    if (found == states_.end()) return;
    if (--found->second.in_use == 0 && state != newest_) drop_unused();
}

void ReplyCache::drop_unused()
{
    bool any = false;
    for (const auto& [name, s] : states_) any = any || (s.in_use == 0 && name != newest_);
    if (!any) return;
    for (auto it = order_.begin(); it != order_.end();) {
        auto next = std::next(it);
        auto state = states_.find(it->state);
        if (state != states_.end() && state->second.in_use == 0 && it->state != newest_) erase(it);
        it = next;
    }
    std::erase_if(states_,
                  [this](const auto& s) { return s.second.in_use == 0 && s.first != newest_; });
}

CacheFigures ReplyCache::figures() const
{
    std::lock_guard lock(mutex_);
    CacheFigures f;
    f.hits = hits_;
    f.misses = misses_;
    f.entries = order_.size();
    f.bytes = bytes_;
    for (const auto& [name, s] : states_) f.states += s.entries > 0 ? 1 : 0;
    return f;
}

}  // namespace infonote::server
