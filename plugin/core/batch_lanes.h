// Batch lanes: writes that queue on one database row lock, run as one transaction each time
// the lock comes free (a group commit).
//
// Pledges on one campaign are serialised by the campaign's row lock: each holds it for four round
// trips to MariaDB (the locking read, the insert, the totals, the commit) while the others wait
// in InnoDB's lock queue. A lane lets them wait here instead: the first thread to submit for a
// key leads and runs its job at once, alone; the threads that submit for the same key while it
// runs wait, and when it is done the first of them leads the next batch, which holds every job
// that waited (up to the lane's maximum), so that one locking read, one update of the totals and
// one commit serve them all. Nothing waits for a batch to fill: a job that finds its lane free
// runs at once, so a lone write costs what it did without the lane.
//
// Lanes order work within one process only; the database's locks still decide between processes
// (and between a batch and any other transaction), so a lane is never needed for correctness.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <utility>

namespace placette::core {

class BatchLanes {
  public:
    // One thread's job: what it needs and what it gets back are in the derived type.
    class Job {
      public:
        // The batch's runner threw: nothing of this job is known to be done, and the thread
        // that submitted it should run it again on its own.
        bool batch_failed() const { return failed_; }

      private:
        friend class BatchLanes;
        enum class Turn { kWaiting, kLead, kDone };
        Turn turn_ = Turn::kWaiting;
        bool failed_ = false;
        std::condition_variable cv_;
    };
    // Runs the jobs of one batch, the leader's first and the others in the order they came,
    // and records each one's result in it.
    using Runner = std::function<void(std::span<Job* const>)>;

    explicit BatchLanes(std::size_t max_batch) : max_batch_(max_batch < 1 ? 1 : max_batch) {}
    BatchLanes(const BatchLanes&) = delete;
    BatchLanes& operator=(const BatchLanes&) = delete;

    // Runs `job` through `run`, alone or in a batch with the jobs submitted meanwhile for the
    // same (scope, key), and returns once it ran. A thread that waits for its turn does so in a
    // BlockingSection (active_workers.h). Jobs in one batch may come from different threads'
    // `run`: callers with the same (scope, key) must submit equivalent runners.
    void Submit(const void* scope, std::int64_t key, Job& job, const Runner& run);

    struct Stats {
        std::uint64_t batches = 0;  // runs of a runner
        std::uint64_t jobs = 0;     // jobs they held
        std::size_t largest = 0;    // the most jobs in one batch
        std::uint64_t failed = 0;   // runs that threw
    };
    Stats stats() const;
    // How many jobs wait for (scope, key) now, behind the batch that runs.
    std::size_t Waiting(const void* scope, std::int64_t key) const;

  private:
    struct Lane {
        std::deque<Job*> waiting;  // the lane exists while a batch runs
    };
    using Key = std::pair<const void*, std::int64_t>;

    std::size_t max_batch_;
    mutable std::mutex mu_;
    std::map<Key, Lane> lanes_;
    Stats stats_;
};

}  // namespace placette::core
