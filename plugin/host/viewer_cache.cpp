// The bounded, time-limited cache of recognised viewers (see viewer_cache.h), shared by the host
// adapters; one mutex, entries evicted oldest first or when stale.
#include "plugin/host/viewer_cache.h"

namespace placette::host {

std::optional<core::Viewer> ViewerCache::Get(const std::string& key, std::int64_t now) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (now < it->second.stored_at || now >= it->second.valid_until) {
        EraseLocked(it);
        return std::nullopt;
    }
    return it->second.viewer;
}

void ViewerCache::Put(const std::string& key, const core::Viewer& viewer, std::int64_t now,
                      std::int64_t valid_until) {
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(key); it != entries_.end()) EraseLocked(it);
    while (!order_.empty()) {
        auto oldest = entries_.find(order_.front());
        const Entry& e = oldest->second;
        bool stale = now >= e.valid_until || now < e.stored_at;
        if (!stale && entries_.size() < capacity_) break;
        EraseLocked(oldest);
    }
    order_.push_back(key);
    entries_.emplace(key, Entry{viewer, now, valid_until, std::prev(order_.end())});
}

std::size_t ViewerCache::size() {
    std::lock_guard lock(mu_);
    return entries_.size();
}

void ViewerCache::EraseLocked(std::unordered_map<std::string, Entry>::iterator it) {
    order_.erase(it->second.order);
    entries_.erase(it);
}

}  // namespace placette::host
