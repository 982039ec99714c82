// Short-lived, in-process caches of read models (e.g. a campaign page's rows), so that a page
// viewed many times a second does not ask the database the same questions each time. The HTML is
// still rendered for every request (with the visitor's session, language and CSRF token); only
// the database rows are shared.
//
// Freshness: an entry is served for at most [server] read_cache_ms after its read began (default
// 1000 ms; 0 turns every cache off). A write made by this process invalidates the entries it
// touches as soon as its transaction is over, so a citizen always sees their own change; a write
// made elsewhere (placette-admin tick, another placette-fcgi) shows within read_cache_ms.
// A read that raced with an invalidation is returned but not kept.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

namespace placette::core {

// The lifetime of every read cache entry; 0 (the default until start-up sets it) disables them.
void SetReadCacheTtl(std::chrono::milliseconds ttl);
std::chrono::milliseconds ReadCacheTtl();

template <typename Key, typename Value, typename Hash = std::hash<Key>>
class ReadCache {
  public:
    explicit ReadCache(std::size_t capacity) : capacity_(capacity) {}
    ReadCache(const ReadCache&) = delete;
    ReadCache& operator=(const ReadCache&) = delete;

    // The value for `key`: a fresh cached one, else load() (which returns std::optional<Value>;
    // an absent value is not cached). load() runs without the cache's lock held.
    template <typename Load>
    std::shared_ptr<const Value> Get(const Key& key, Load&& load) {
        const auto ttl = ReadCacheTtl();
        if (ttl.count() <= 0) return Wrap(load());
        const auto started = std::chrono::steady_clock::now();
        std::uint64_t generation = 0;
        {
            std::lock_guard<std::mutex> lock(mu_);
            auto it = entries_.find(key);
            if (it != entries_.end() && it->second.expires > started) return it->second.value;
            generation = generation_;
        }
        std::shared_ptr<const Value> value = Wrap(load());
        if (!value) return value;
        std::lock_guard<std::mutex> lock(mu_);
        if (generation_ != generation) return value;  // a write happened meanwhile: do not keep
        if (entries_.size() >= capacity_ && entries_.find(key) == entries_.end()) Prune(started);
        entries_[key] = Entry{value, started + ttl};
        return value;
    }

    void Invalidate(const Key& key) {
        std::lock_guard<std::mutex> lock(mu_);
        ++generation_;
        entries_.erase(key);
    }

    void Clear() {
        std::lock_guard<std::mutex> lock(mu_);
        ++generation_;
        entries_.clear();
    }

    std::size_t size() const {
        std::lock_guard<std::mutex> lock(mu_);
        return entries_.size();
    }

  private:
    struct Entry {
        std::shared_ptr<const Value> value;
        std::chrono::steady_clock::time_point expires;
    };

    static std::shared_ptr<const Value> Wrap(std::optional<Value>&& v) {
        if (!v) return nullptr;
        return std::make_shared<const Value>(std::move(*v));
    }

    // Drops the expired entries; when all are fresh (a burst over many keys), drops them all:
    // the capacity bounds memory, and a full cache refills within one TTL.
    void Prune(std::chrono::steady_clock::time_point now) {
        for (auto it = entries_.begin(); it != entries_.end();) {
            it = it->second.expires <= now ? entries_.erase(it) : std::next(it);
        }
        if (entries_.size() >= capacity_) entries_.clear();
    }

    const std::size_t capacity_;
    mutable std::mutex mu_;
    std::uint64_t generation_ = 0;
    std::unordered_map<Key, Entry, Hash> entries_;
};

}  // namespace placette::core
