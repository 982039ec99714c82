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
//
// A cache made with Dropped::kOnAnyWrite needs no invalidation calls: its entries stop being
// served as soon as this process commits a write to any table (core::db counts them), for the
// pages whose rows come from many places, such as the home page's blocks.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "plugin/core/active_workers.h"

namespace placette::core {

// The lifetime of every read cache entry; 0 (the default until start-up sets it) disables them.
void SetReadCacheTtl(std::chrono::milliseconds ttl);
std::chrono::milliseconds ReadCacheTtl();

// The writes this process has committed so far, any table: core::db counts each statement that
// changed data once it is committed (after COMMIT, or at once outside a transaction).
void NoteCommittedWrite();
std::uint64_t CommittedWrites();

// Appends one field to a key made of several (filters, typed words, a cursor): its length, then
// the field, so that two different lists of fields never give the same key.
inline void AddKeyField(std::string& key, std::string_view field) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
}

// What makes a cache's entries stale before their time: Invalidate()/Clear() calls only, or also
// any write this process commits.
enum class Dropped { kByKey, kOnAnyWrite };

// One load at a time per key: while a thread loads an entry that is missing or expired, the other
// readers of that key wait for its result (once; up to one TTL) instead of all asking the
// database the same questions at once. And refresh ahead: once an entry is past three quarters
// of its life, the first reader reloads it while the others are still served the entry (within
// its lifetime), so a busy page is not left without its entry every TTL.
template <typename Key, typename Value, typename Hash = std::hash<Key>>
class ReadCache {
  public:
    explicit ReadCache(std::size_t capacity, Dropped dropped = Dropped::kByKey)
        : capacity_(capacity), dropped_(dropped) {}
    ReadCache(const ReadCache&) = delete;
    ReadCache& operator=(const ReadCache&) = delete;

    // The value for `key`: a fresh cached one, else load() (which returns std::optional<Value>;
    // an absent value is not cached). load() runs without the cache's lock held.
    template <typename Load>
    std::shared_ptr<const Value> Get(const Key& key, Load&& load) {
        const auto ttl = ReadCacheTtl();
        if (ttl.count() <= 0) return Wrap(load());
        std::unique_lock<std::mutex> lock(mu_);
        for (bool waited = false;;) {
            const auto now = std::chrono::steady_clock::now();
            auto it = entries_.find(key);
            if (it != entries_.end() && it->second.expires > now && Unwritten(it->second)) {
                if (now < it->second.refresh_at || loading_.count(key) != 0)
                    return it->second.value;
                return LoadLocked(lock, key, load, ttl);  // refresh ahead
            }
            if (waited || loading_.count(key) == 0) return LoadLocked(lock, key, load, ttl);
            // Another reader is loading this key: wait for its result, once (not counted as an
            // active worker meanwhile: see active_workers.h).
            {
                BlockingSection waiting;
                loaded_.wait_for(lock, ttl, [&] { return loading_.count(key) == 0; });
            }
            waited = true;
        }
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
        std::chrono::steady_clock::time_point refresh_at;
        std::uint64_t writes;  // CommittedWrites() before its load began
    };

    bool Unwritten(const Entry& e) const {
        return dropped_ == Dropped::kByKey || e.writes == CommittedWrites();
    }

    // Loads `key` with `lock` held on entry and on return (released during load()), marking the
    // key as loading meanwhile; keeps the value unless a write happened during the load.
    template <typename Load>
    std::shared_ptr<const Value> LoadLocked(std::unique_lock<std::mutex>& lock, const Key& key,
                                            Load& load, std::chrono::milliseconds ttl) {
        const auto started = std::chrono::steady_clock::now();
        const std::uint64_t generation = generation_;
        const std::uint64_t writes = CommittedWrites();  // before any of the load's reads
        const bool marked = loading_.insert(key).second;
        auto unmark = [&] {  // with the lock held again, also when load() throws
            if (marked) loading_.erase(key);
            loaded_.notify_all();
        };
        std::shared_ptr<const Value> value;
        lock.unlock();
        try {
            value = Wrap(load());
        } catch (...) {
            lock.lock();
            unmark();
            throw;
        }
        lock.lock();
        unmark();
        if (!value || generation_ != generation) return value;  // a write happened: do not keep
        if (entries_.size() >= capacity_ && entries_.find(key) == entries_.end()) Prune(started);
        entries_[key] = Entry{value, started + ttl, started + ttl * 3 / 4, writes};
        return value;
    }

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
    const Dropped dropped_;
    mutable std::mutex mu_;
    std::condition_variable loaded_;  // a load finished (with mu_)
    std::uint64_t generation_ = 0;
    std::unordered_map<Key, Entry, Hash> entries_;
    std::unordered_set<Key, Hash> loading_;  // keys being loaded by some reader
};

}  // namespace placette::core
