// Active workers (see active_workers.h): a count of the active workers under one mutex, the
// workers in a BlockingSection, and the spares waiting for a place. One spare, the watcher, looks
// every kWatchPeriod for a worker that has waited longer than kLongWait and takes its place;
// with no worker waiting for a while it sleeps until one does.
#include "plugin/core/active_workers.h"

#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace placette::core {

namespace {
using Clock = std::chrono::steady_clock;

// A worker's wait (BlockingSection) while it counts as active.
struct Wait {
    Clock::time_point since;
    bool replaced = false;  // a spare took its place: it no longer counts as active
};

std::mutex g_mu;
std::condition_variable g_place;  // for the spares: a place is free, or stopping (with g_mu)
std::condition_variable g_watch;  // for the watcher: a worker began to wait, or stopping
unsigned g_limit = 0;             // with g_mu, as everything below
bool g_stopping = false;
bool g_watcher = false;       // a spare watches the waits
bool g_watcher_idle = false;  // it sleeps until a worker begins to wait
std::vector<Wait*> g_waits;   // the active workers' waits, oldest first
ActiveWorkerStats g_stats;

thread_local bool t_active = false;
thread_local Wait t_wait;

// With g_mu held: one active worker fewer; a spare may take its place.
void LeaveLocked() {
    --g_stats.active;
    if (g_limit == 0 || g_stats.active >= g_limit) return;
    g_place.notify_one();
    if (g_watcher_idle) g_watch.notify_one();  // perhaps the only spare
}

// With g_mu held: the workers that have waited longer than kLongWait stop counting as active.
void ReplaceLongWaitsLocked(Clock::time_point now) {
    for (Wait* w : g_waits) {
        if (w->replaced || now - w->since < kLongWait) continue;
        w->replaced = true;
        ++g_stats.replaced;
        --g_stats.active;
    }
}

bool PlaceFreeLocked() { return g_limit == 0 || g_stats.active < g_limit; }
}  // namespace

void SetActiveWorkerLimit(unsigned limit) {
    std::lock_guard lock(g_mu);
    g_limit = limit;
    g_stopping = false;
    g_stats = ActiveWorkerStats{};
}

unsigned ActiveWorkerLimit() {
    std::lock_guard lock(g_mu);
    return g_limit;
}

unsigned ProcessorCount() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return static_cast<unsigned>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

bool BecomeActive() {
    if (t_active) return true;
    std::unique_lock lock(g_mu);
    bool waited = false;
    int quiet_looks = 0;  // the watcher's looks in a row that found no worker waiting
    for (;;) {
        if (g_stopping) return false;
        if (PlaceFreeLocked()) break;
        waited = true;
        if (g_watcher) {
            g_place.wait(lock);
            continue;
        }
        // This spare watches the waits until it takes a place.
        g_watcher = true;
        ReplaceLongWaitsLocked(Clock::now());
        if (PlaceFreeLocked()) {
            g_watcher = false;
            break;
        }
        if (!g_waits.empty()) quiet_looks = 0;
        if (g_waits.empty() && ++quiet_looks > kQuietLooks) {
            g_watcher_idle = true;
            g_watch.wait(lock);
            g_watcher_idle = false;
            quiet_looks = 0;
        } else {
            g_watch.wait_for(lock, kWatchPeriod);
        }
        g_watcher = false;
    }
    // Places freed beyond this one (several long waits at once) go to the other spares.
    if (g_limit != 0 && g_stats.active + 1 < g_limit) g_place.notify_one();
    // The next spare watches in turn.
    if (waited) g_place.notify_one();
    ++g_stats.active;
    ++g_stats.activations;
    if (waited) ++g_stats.waited;
    t_active = true;
    return true;
}

void BecomeSpare() {
    if (!t_active) return;
    std::lock_guard lock(g_mu);
    LeaveLocked();
    t_active = false;
}

bool TooManyActive() {
    std::lock_guard lock(g_mu);
    return g_limit != 0 && g_stats.active > g_limit;
}

void StopActiveWorkers() {
    std::lock_guard lock(g_mu);
    g_stopping = true;
    g_place.notify_all();
    g_watch.notify_all();
}

ActiveWorkerStats GetActiveWorkerStats() {
    std::lock_guard lock(g_mu);
    return g_stats;
}

BlockingSection::BlockingSection() {
    if (!t_active) return;
    std::lock_guard lock(g_mu);
    t_wait = Wait{Clock::now(), false};
    g_waits.push_back(&t_wait);
    if (g_watcher_idle) g_watch.notify_one();
    t_active = false;  // nested sections do nothing
    in_wait_ = true;
}

BlockingSection::~BlockingSection() {
    if (!in_wait_) return;
    std::lock_guard lock(g_mu);
    g_waits.erase(std::find(g_waits.begin(), g_waits.end(), &t_wait));
    if (t_wait.replaced) {
        ++g_stats.active;  // back at once, even beyond the limit: a started request never waits
        ++g_stats.resumed;
    }
    t_active = true;
}

}  // namespace placette::core
