// Unit tests for plugin/core/active_workers: no more workers than the limit become active, a
// spare takes the place of a worker as soon as it waits (BlockingSection) and that worker counts
// again at once afterwards, a wait with no spare around leaves the place to the worker, a spare
// takes a place freed, nested sections count once, threads that are not workers are untouched,
// a stop wakes the spares, a limit of 0 never makes anyone wait, and the default limit leaves
// a processor to nginx and the database.
#include "plugin/core/active_workers.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace placette::core {
namespace {

using namespace std::chrono_literals;

// Waits (up to 5 s) until `pred` holds.
template <typename Pred>
bool Eventually(Pred pred) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!pred()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

void NoteMax(std::atomic<int>& most, int now) {
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
}

// A worker that becomes active, says so, and becomes a spare once `release` is set.
std::thread Holder(std::atomic<bool>& active, std::atomic<bool>& release) {
    return std::thread([&active, &release] {
        BecomeActive();
        active = true;
        Eventually([&] { return release.load(); });
        BecomeSpare();
    });
}

// A spare that notes when it got a place, and gives it up at once.
std::thread Spare(std::atomic<bool>& ran) {
    return std::thread([&ran] {
        BecomeActive();
        ran = true;
        BecomeSpare();
    });
}

class ActiveWorkersTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ActiveWorkersTest);
    CPPUNIT_TEST(testNoLimitNeverWaits);
    CPPUNIT_TEST(testNoMoreThanTheLimitAreActive);
    CPPUNIT_TEST(testSpareTakesThePlaceOfAWait);
    CPPUNIT_TEST(testWaitWithNoSpareLeavesThePlaceToTheWorker);
    CPPUNIT_TEST(testSpareTakesAFreedPlace);
    CPPUNIT_TEST(testNestedSectionsCountOnce);
    CPPUNIT_TEST(testSectionOutsideAWorkerDoesNothing);
    CPPUNIT_TEST(testStopWakesTheSpares);
    CPPUNIT_TEST(testProcessorCountIsPositive);
    CPPUNIT_TEST(testDefaultLeavesAProcessor);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override { SetActiveWorkerLimit(0); }
    void tearDown() override { SetActiveWorkerLimit(0); }

    void testNoLimitNeverWaits() {
        std::atomic<int> inside{0}, most{0};
        std::atomic<bool> release{false};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&] {
                CPPUNIT_ASSERT(BecomeActive());
                NoteMax(most, ++inside);
                Eventually([&] { return release.load(); });
                --inside;
                BecomeSpare();
            });
        }
        CPPUNIT_ASSERT(Eventually([&] { return most.load() == 4; }));
        CPPUNIT_ASSERT(!TooManyActive());
        release = true;
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, GetActiveWorkerStats().waited);
        CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
    }

    void testNoMoreThanTheLimitAreActive() {
        SetActiveWorkerLimit(2);
        std::atomic<int> inside{0}, most{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                for (int k = 0; k < 30; ++k) {
                    CPPUNIT_ASSERT(BecomeActive());
                    NoteMax(most, ++inside);
                    std::this_thread::sleep_for(100us);
                    --inside;
                    BecomeSpare();
                }
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(2, most.load());
        const ActiveWorkerStats st = GetActiveWorkerStats();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{240}, st.activations);
        CPPUNIT_ASSERT(st.waited > 0);
        CPPUNIT_ASSERT_EQUAL(0u, st.active);
    }

    void testSpareTakesThePlaceOfAWait() {
        SetActiveWorkerLimit(1);
        std::atomic<bool> in_wait{false}, spare_active{false}, back{false}, release{false};
        std::thread first([&] {
            BecomeActive();
            {
                BlockingSection waiting;  // as during a query
                in_wait = true;
                Eventually([&] { return spare_active.load(); });
            }
            back = true;  // did not wait for the spare to finish
            Eventually([&] { return release.load(); });
            BecomeSpare();
        });
        CPPUNIT_ASSERT(Eventually([&] { return in_wait.load(); }));
        std::thread spare([&] {
            BecomeActive();
            spare_active = true;
            Eventually([&] { return release.load(); });
            BecomeSpare();
        });
        CPPUNIT_ASSERT(Eventually([&] { return back.load(); }));
        const ActiveWorkerStats st = GetActiveWorkerStats();
        CPPUNIT_ASSERT_EQUAL(2u, st.active);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, st.replaced);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, st.resumed);
        CPPUNIT_ASSERT(TooManyActive());  // the next to finish a request becomes a spare
        release = true;
        first.join();
        spare.join();
        CPPUNIT_ASSERT(!TooManyActive());
        CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
    }

    // A wait gives the place up, but no spare is there to take it: the worker counts again
    // afterwards, within the limit, and a spare that comes later waits for the place.
    void testWaitWithNoSpareLeavesThePlaceToTheWorker() {
        SetActiveWorkerLimit(1);
        std::atomic<bool> waited{false}, release{false}, spare_active{false};
        std::thread first([&] {
            BecomeActive();
            {
                BlockingSection waiting;  // a quick query
                CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
            }
            CPPUNIT_ASSERT_EQUAL(1u, GetActiveWorkerStats().active);
            CPPUNIT_ASSERT(!TooManyActive());
            waited = true;
            Eventually([&] { return release.load(); });
            BecomeSpare();
        });
        CPPUNIT_ASSERT(Eventually([&] { return waited.load(); }));
        std::thread spare = Spare(spare_active);
        std::this_thread::sleep_for(30ms);
        CPPUNIT_ASSERT(!spare_active.load());  // the worker holds its place again
        release = true;                        // it becomes a spare: the other takes the place
        first.join();
        spare.join();
        CPPUNIT_ASSERT(spare_active.load());
        const ActiveWorkerStats st = GetActiveWorkerStats();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, st.replaced);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, st.resumed);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, st.waited);
    }

    void testSpareTakesAFreedPlace() {
        SetActiveWorkerLimit(1);
        std::atomic<bool> active{false}, release{false}, spare_active{false};
        std::thread first = Holder(active, release);
        CPPUNIT_ASSERT(Eventually([&] { return active.load(); }));
        std::thread spare = Spare(spare_active);
        std::this_thread::sleep_for(30ms);
        CPPUNIT_ASSERT(!spare_active.load());
        release = true;
        CPPUNIT_ASSERT(Eventually([&] { return spare_active.load(); }));
        first.join();
        spare.join();
    }

    void testNestedSectionsCountOnce() {
        SetActiveWorkerLimit(1);
        std::thread t([&] {
            BecomeActive();
            CPPUNIT_ASSERT(BecomeActive());  // already active: no second place
            CPPUNIT_ASSERT_EQUAL(1u, GetActiveWorkerStats().active);
            {
                BlockingSection waiting;
                BlockingSection nested;  // does nothing more
                CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
            }
            CPPUNIT_ASSERT_EQUAL(1u, GetActiveWorkerStats().active);  // counted once again
            BecomeSpare();
            BecomeSpare();  // already a spare: nothing
        });
        t.join();
        CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, GetActiveWorkerStats().replaced);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, GetActiveWorkerStats().resumed);
    }

    void testSectionOutsideAWorkerDoesNothing() {
        SetActiveWorkerLimit(1);
        { BlockingSection waiting; }  // this thread is no worker (as in placette-admin)
        CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
        std::thread([] {
            CPPUNIT_ASSERT(BecomeActive());
            BecomeSpare();
        }).join();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, GetActiveWorkerStats().waited);
    }

    void testStopWakesTheSpares() {
        SetActiveWorkerLimit(1);
        std::atomic<bool> holding{false}, release{false};
        std::thread holder = Holder(holding, release);
        CPPUNIT_ASSERT(Eventually([&] { return holding.load(); }));
        std::atomic<int> answers{0}, refused{0};
        std::vector<std::thread> spares;
        for (int i = 0; i < 3; ++i) {
            spares.emplace_back([&] {
                if (!BecomeActive()) ++refused;
                ++answers;
            });
        }
        std::this_thread::sleep_for(20ms);
        CPPUNIT_ASSERT_EQUAL(0, answers.load());  // they wait as spares
        StopActiveWorkers();
        for (auto& t : spares) t.join();
        CPPUNIT_ASSERT_EQUAL(3, refused.load());
        release = true;
        holder.join();
        CPPUNIT_ASSERT_EQUAL(0u, GetActiveWorkerStats().active);
    }

    void testProcessorCountIsPositive() {
        const unsigned n = ProcessorCount();
        CPPUNIT_ASSERT(n >= 1);
        CPPUNIT_ASSERT(n <= std::max(1u, std::thread::hardware_concurrency()));
    }

    void testDefaultLeavesAProcessor() {
        const unsigned n = ProcessorCount();
        CPPUNIT_ASSERT_EQUAL(n > 1 ? n - 1 : 1u, DefaultActiveWorkers());
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ActiveWorkersTest, "core");

}  // namespace
}  // namespace placette::core
