#include "plugin/core/batch_lanes.h"

#include <vector>

#include "plugin/core/active_workers.h"

namespace placette::core {

void BatchLanes::Submit(const void* scope, std::int64_t key, Job& job, const Runner& run) {
    std::unique_lock lock(mu_);
    auto [it, fresh] = lanes_.try_emplace(Key{scope, key});
    Lane* lane = &it->second;  // std::map: stays valid while the lane exists
    if (!fresh) {
        lane->waiting.push_back(&job);
        lock.unlock();
        {
            BlockingSection waiting;
            lock.lock();
            job.cv_.wait(lock, [&] { return job.turn_ != Job::Turn::kWaiting; });
            lock.unlock();
        }
        if (job.turn_ == Job::Turn::kDone) return;  // ran in the batch another thread led
        lock.lock();
    }
    // This thread leads: the lane is still there, and nothing else takes jobs from it.
    std::vector<Job*> batch{&job};
    while (batch.size() < max_batch_ && !lane->waiting.empty()) {
        batch.push_back(lane->waiting.front());
        lane->waiting.pop_front();
    }
    lock.unlock();
    bool failed = false;
    try {
        run(batch);
    } catch (...) {
        failed = true;
    }
    lock.lock();
    ++stats_.batches;
    stats_.jobs += batch.size();
    if (batch.size() > stats_.largest) stats_.largest = batch.size();
    if (failed) ++stats_.failed;
    // Each waiting thread returns (and its job ends) once it sees kDone, which it cannot before
    // this lock is released: notify while holding it.
    for (Job* done : batch) {
        done->failed_ = failed;
        done->turn_ = Job::Turn::kDone;
        if (done != &job) done->cv_.notify_one();
    }
    if (lane->waiting.empty()) {
        lanes_.erase(Key{scope, key});
    } else {
        Job* next = lane->waiting.front();
        lane->waiting.pop_front();
        next->turn_ = Job::Turn::kLead;
        next->cv_.notify_one();
    }
}

std::size_t BatchLanes::Waiting(const void* scope, std::int64_t key) const {
    std::lock_guard lock(mu_);
    auto it = lanes_.find(Key{scope, key});
    return it == lanes_.end() ? 0 : it->second.waiting.size();
}

BatchLanes::Stats BatchLanes::stats() const {
    std::lock_guard lock(mu_);
    return stats_;
}

}  // namespace placette::core
