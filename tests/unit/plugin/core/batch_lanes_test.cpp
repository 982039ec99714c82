// Unit tests for plugin/core/batch_lanes: a job alone runs at once and alone; jobs that come
// while a batch runs are run together next, in the order they came, at most max_batch at a time,
// by one of their own threads; lanes of other keys or scopes do not wait for each other; a
// runner that throws marks its jobs failed and the lane goes on.
#include "plugin/core/batch_lanes.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace placette::core {
namespace {

struct Numbered : BatchLanes::Job {
    explicit Numbered(int n) : number(n) {}
    int number;
    int runs = 0;                  // how many runs held it
    std::thread::id ran_on;        // the thread that ran it
    std::thread::id submitted_on;  // the thread that submitted it
};

// The first job's run: says it started, then holds its lane until released.
struct Gate {
    std::atomic<bool> started{false}, released{false};
    void Hold() {
        started = true;
        while (!released) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    bool WaitStarted() const {
        for (int i = 0; i < 10000 && !started; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return started;
    }
};

// Waits (up to 10 s) until `lanes` has `n` jobs waiting for (scope, key).
bool WaitForQueue(const BatchLanes& lanes, const void* scope, std::int64_t key, std::size_t n) {
    for (int i = 0; i < 10000; ++i) {
        if (lanes.Waiting(scope, key) == n) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

class BatchLanesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BatchLanesTest);
    CPPUNIT_TEST(testAJobAloneRunsAtOnceOnItsThread);
    CPPUNIT_TEST(testJobsThatQueueRunTogetherInTheirOrder);
    CPPUNIT_TEST(testABatchHoldsAtMostMaxBatch);
    CPPUNIT_TEST(testOtherKeysAndScopesDoNotWait);
    CPPUNIT_TEST(testARunnerThatThrowsFailsItsJobsOnly);
    CPPUNIT_TEST(testEveryJobRunsOnceUnderThreads);
    CPPUNIT_TEST_SUITE_END();

    // Submits every job for key 1 of this fixture, each from a thread of its own: the first,
    // whose run holds its lane (gate.Hold()), then the others one after the other, each once the
    // one before it queues; then lets the first run go on and waits for all of them.
    void SubmitQueued(BatchLanes& lanes, Gate& gate, std::deque<Numbered>& jobs,
                      const BatchLanes::Runner& run) {
        std::vector<std::thread> threads;
        auto submit = [&](std::size_t i) {
            threads.emplace_back([&, i] {
                jobs[i].submitted_on = std::this_thread::get_id();
                lanes.Submit(this, 1, jobs[i], run);
            });
        };
        submit(0);
        CPPUNIT_ASSERT(gate.WaitStarted());
        for (std::size_t i = 1; i < jobs.size(); ++i) {
            submit(i);
            CPPUNIT_ASSERT(WaitForQueue(lanes, this, 1, i));
        }
        gate.released = true;
        for (auto& t : threads) t.join();
    }

  public:
    void testAJobAloneRunsAtOnceOnItsThread() {
        BatchLanes lanes(8);
        Numbered job(1);
        int runs = 0;
        lanes.Submit(this, 7, job, [&](std::span<BatchLanes::Job* const> batch) {
            ++runs;
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, batch.size());
            CPPUNIT_ASSERT(batch[0] == &job);
            static_cast<Numbered*>(batch[0])->ran_on = std::this_thread::get_id();
        });
        CPPUNIT_ASSERT_EQUAL(1, runs);
        CPPUNIT_ASSERT(job.ran_on == std::this_thread::get_id());
        CPPUNIT_ASSERT(!job.batch_failed());
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, lanes.Waiting(this, 7));
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, lanes.stats().batches);
    }

    // The first job's run holds its lane until 5 more have queued one after the other: they are
    // run next, as one batch, in their order, on the thread of the first of them.
    void testJobsThatQueueRunTogetherInTheirOrder() {
        BatchLanes lanes(8);
        Gate gate;
        std::mutex mu;
        std::vector<std::vector<int>> runs;
        auto run = [&](std::span<BatchLanes::Job* const> batch) {
            std::vector<int> numbers;
            for (auto* j : batch) numbers.push_back(static_cast<Numbered*>(j)->number);
            if (numbers.front() == 0) gate.Hold();
            std::lock_guard lock(mu);
            for (auto* j : batch) static_cast<Numbered*>(j)->ran_on = std::this_thread::get_id();
            runs.push_back(numbers);
        };
        std::deque<Numbered> jobs;  // a Job does not move
        for (int i = 0; i < 6; ++i) jobs.emplace_back(i);
        SubmitQueued(lanes, gate, jobs, run);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, runs.size());
        CPPUNIT_ASSERT(runs[0] == std::vector<int>{0});
        CPPUNIT_ASSERT((runs[1] == std::vector<int>{1, 2, 3, 4, 5}));
        CPPUNIT_ASSERT(jobs[0].ran_on == jobs[0].submitted_on);
        for (int i = 1; i < 6; ++i) CPPUNIT_ASSERT(jobs[i].ran_on == jobs[1].submitted_on);
        for (const auto& j : jobs) CPPUNIT_ASSERT(!j.batch_failed());
        CPPUNIT_ASSERT_EQUAL(std::size_t{5}, lanes.stats().largest);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{6}, lanes.stats().jobs);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, lanes.Waiting(this, 1));
    }

    void testABatchHoldsAtMostMaxBatch() {
        BatchLanes lanes(3);
        Gate gate;
        std::mutex mu;
        std::vector<std::size_t> sizes;
        auto run = [&](std::span<BatchLanes::Job* const> batch) {
            if (static_cast<Numbered*>(batch[0])->number == 0) gate.Hold();
            std::lock_guard lock(mu);
            sizes.push_back(batch.size());
        };
        std::deque<Numbered> jobs;  // a Job does not move
        for (int i = 0; i < 8; ++i) jobs.emplace_back(i);
        SubmitQueued(lanes, gate, jobs, run);
        CPPUNIT_ASSERT((sizes == std::vector<std::size_t>{1, 3, 3, 1}));
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, lanes.stats().largest);
    }

    void testOtherKeysAndScopesDoNotWait() {
        BatchLanes lanes(8);
        Gate gate;
        Numbered held(0);
        std::thread holder([&] {
            lanes.Submit(this, 1, held, [&](std::span<BatchLanes::Job* const>) { gate.Hold(); });
        });
        CPPUNIT_ASSERT(gate.WaitStarted());
        // While key 1 of this scope runs, key 2 and key 1 of another scope run at once.
        int ran = 0;
        auto count = [&](std::span<BatchLanes::Job* const> batch) {
            ran += static_cast<int>(batch.size());
        };
        Numbered a(1), b(2);
        int other_scope = 0;
        lanes.Submit(this, 2, a, count);
        lanes.Submit(&other_scope, 1, b, count);
        CPPUNIT_ASSERT_EQUAL(2, ran);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, lanes.stats().batches);  // the holder still runs
        gate.released = true;
        holder.join();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, lanes.stats().batches);
    }

    void testARunnerThatThrowsFailsItsJobsOnly() {
        BatchLanes lanes(8);
        Gate gate;
        std::deque<Numbered> jobs;  // a Job does not move
        for (int i = 0; i < 3; ++i) jobs.emplace_back(i);
        // Job 0 runs alone and throws; jobs 1 and 2 queue behind it, run together and succeed.
        auto run = [&](std::span<BatchLanes::Job* const> batch) {
            if (static_cast<Numbered*>(batch[0])->number == 0) {
                gate.Hold();
                throw std::runtime_error("the database went away");
            }
        };
        SubmitQueued(lanes, gate, jobs, run);
        CPPUNIT_ASSERT(jobs[0].batch_failed());
        CPPUNIT_ASSERT(!jobs[1].batch_failed() && !jobs[2].batch_failed());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, lanes.stats().batches);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, lanes.stats().failed);
        // The lane was freed: a new job runs at once.
        Numbered after(3);
        lanes.Submit(this, 1, after, [](std::span<BatchLanes::Job* const>) {});
        CPPUNIT_ASSERT(!after.batch_failed());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, lanes.stats().batches);
    }

    // Many threads on few keys: each job runs exactly once, never two batches of one key at once.
    void testEveryJobRunsOnceUnderThreads() {
        BatchLanes lanes(4);
        constexpr int kThreads = 24, kRounds = 50;
        std::atomic<int> in_key[3] = {0, 0, 0};
        std::atomic<int> overlaps{0}, ran{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int r = 0; r < kRounds; ++r) {
                    const int key = (t + r) % 3;
                    Numbered job(t);
                    lanes.Submit(this, key, job, [&](std::span<BatchLanes::Job* const> batch) {
                        if (in_key[key]++ != 0) ++overlaps;
                        for (auto* j : batch) {
                            ++ran;
                            static_cast<Numbered*>(j)->runs++;
                        }
                        std::this_thread::yield();
                        --in_key[key];
                    });
                    if (job.runs != 1) ++overlaps;
                }
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(0, overlaps.load());
        CPPUNIT_ASSERT_EQUAL(kThreads * kRounds, ran.load());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{kThreads * kRounds}, lanes.stats().jobs);
        CPPUNIT_ASSERT(lanes.stats().largest <= 4);
        for (int k = 0; k < 3; ++k) CPPUNIT_ASSERT_EQUAL(std::size_t{0}, lanes.Waiting(this, k));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BatchLanesTest, "core");

}  // namespace
}  // namespace placette::core
