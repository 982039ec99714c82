// Active workers (see active_workers.h): a count of the active workers under one mutex, and the
// spares waiting for a place on a condition variable.
#include "plugin/core/active_workers.h"

#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace placette::core {

namespace {
std::mutex g_mu;
std::condition_variable g_place;  // for the spares: a place is free, or stopping (with g_mu)
unsigned g_limit = 0;             // with g_mu, as everything below
bool g_stopping = false;
ActiveWorkerStats g_stats;

thread_local bool t_active = false;

bool PlaceFreeLocked() { return g_limit == 0 || g_stats.active < g_limit; }

// With g_mu held: one active worker fewer; a spare may take its place.
void LeaveLocked() {
    --g_stats.active;
    if (g_limit != 0 && g_stats.active < g_limit) g_place.notify_one();
}
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

unsigned DefaultActiveWorkers() { return std::max(1u, ProcessorCount() - 1); }

bool BecomeActive() {
    if (t_active) return true;
    std::unique_lock lock(g_mu);
    bool waited = false;
    while (!g_stopping && !PlaceFreeLocked()) {
        waited = true;
        g_place.wait(lock);
    }
    if (g_stopping) return false;
    // Places freed beyond this one (several waits begun at once) go to the other spares.
    if (g_limit != 0 && g_stats.active + 1 < g_limit) g_place.notify_one();
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
}

ActiveWorkerStats GetActiveWorkerStats() {
    std::lock_guard lock(g_mu);
    return g_stats;
}

BlockingSection::BlockingSection() {
    if (!t_active) return;
    std::lock_guard lock(g_mu);
    ++g_stats.replaced;
    LeaveLocked();
    t_active = false;  // nested sections do nothing
    in_wait_ = true;
}

BlockingSection::~BlockingSection() {
    if (!in_wait_) return;
    std::lock_guard lock(g_mu);
    ++g_stats.active;  // back at once, even beyond the limit: a started request never waits
    ++g_stats.resumed;
    t_active = true;
}

}  // namespace placette::core
