// The short cache of recognised viewers every host adapter shares: positive answers only, for a
// few seconds at most and never past the host session's own end, so logging out bites quickly.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "plugin/core/viewer.h"

namespace placette::host {

// Recently recognised viewers by a hash of what identifies the session; bounded, oldest evicted
// first.
class ViewerCache {
  public:
    explicit ViewerCache(std::size_t capacity) : capacity_(capacity) {}
    // The viewer stored under `key` while now < valid_until and now >= the time it was stored.
    std::optional<core::Viewer> Get(const std::string& key, std::int64_t now);
    void Put(const std::string& key, const core::Viewer& viewer, std::int64_t now,
             std::int64_t valid_until);
    std::size_t size();

  private:
    struct Entry {
        core::Viewer viewer;
        std::int64_t stored_at;
        std::int64_t valid_until;
        std::list<std::string>::iterator order;
    };
    void EraseLocked(std::unordered_map<std::string, Entry>::iterator it);

    std::size_t capacity_;
    std::mutex mu_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> order_;  // keys, oldest first
};

// What a lookup found: the viewer and the last second its host session is certainly valid.
struct FoundViewer {
    core::Viewer viewer;
    std::int64_t session_valid_until = 0;
};

// The cached viewer under `key`, else `lookup()` (an std::optional<FoundViewer>); a positive
// answer is kept for `cache_seconds` (0: never) and no longer than the session; a negative one
// is never kept. Anonymous when the lookup finds nothing.
template <typename Lookup>
core::Viewer CachedViewer(ViewerCache& cache, int cache_seconds, const std::string& key,
                          std::int64_t now, Lookup&& lookup) {
    if (cache_seconds > 0) {
        if (std::optional<core::Viewer> hit = cache.Get(key, now)) return *hit;
    }
    std::optional<FoundViewer> found = lookup();
    if (!found) return {};
    if (cache_seconds > 0) {
        std::int64_t until = now + cache_seconds;
        if (found->session_valid_until < until) until = found->session_valid_until + 1;
        cache.Put(key, found->viewer, now, until);
    }
    return found->viewer;
}

}  // namespace placette::host
