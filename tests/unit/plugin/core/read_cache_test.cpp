// Unit tests for plugin/core/read_cache: entries live at most the configured TTL, writes drop
// them, a read that raced with a write is not kept, the capacity bounds memory, TTL 0 is off;
// concurrent misses load once, an entry is refreshed ahead while still served.
#include "plugin/core/read_cache.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace placette::core {
namespace {

using std::chrono::milliseconds;

class ReadCacheTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReadCacheTest);
    CPPUNIT_TEST(testOffByDefaultLoadsEveryTime);
    CPPUNIT_TEST(testServesCachedValueWithinTtl);
    CPPUNIT_TEST(testReloadsAfterTtl);
    CPPUNIT_TEST(testInvalidateDropsOneKey);
    CPPUNIT_TEST(testClearDropsEverything);
    CPPUNIT_TEST(testAbsentValueIsNotCached);
    CPPUNIT_TEST(testReadRacingAWriteIsNotKept);
    CPPUNIT_TEST(testCapacityBoundsEntries);
    CPPUNIT_TEST(testConcurrentReadersSeeOneValue);
    CPPUNIT_TEST(testConcurrentMissesLoadOnce);
    CPPUNIT_TEST(testRefreshAheadKeepsServingTheEntry);
    CPPUNIT_TEST(testFailedLoadLetsTheNextReaderLoad);
    CPPUNIT_TEST(testAnyWriteDropsTheEntries);
    CPPUNIT_TEST(testReadRacingAnyWriteIsReloaded);
    CPPUNIT_TEST(testKeyFieldsNeverRunTogether);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override { SetReadCacheTtl(milliseconds(0)); }
    void tearDown() override { SetReadCacheTtl(milliseconds(0)); }

    void testOffByDefaultLoadsEveryTime() {
        ReadCache<int, std::string> cache(8);
        int loads = 0;
        auto load = [&] { return std::optional<std::string>("v" + std::to_string(++loads)); };
        CPPUNIT_ASSERT_EQUAL(std::string("v1"), *cache.Get(1, load));
        CPPUNIT_ASSERT_EQUAL(std::string("v2"), *cache.Get(1, load));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, cache.size());
    }

    void testServesCachedValueWithinTtl() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, std::string> cache(8);
        int loads = 0;
        auto load = [&] { return std::optional<std::string>("v" + std::to_string(++loads)); };
        auto first = cache.Get(7, load);
        auto second = cache.Get(7, load);
        CPPUNIT_ASSERT_EQUAL(1, loads);
        CPPUNIT_ASSERT(first.get() == second.get());                   // the same shared rows
        CPPUNIT_ASSERT_EQUAL(std::string("v2"), *cache.Get(8, load));  // another key loads
    }

    void testReloadsAfterTtl() {
        SetReadCacheTtl(milliseconds(30));
        ReadCache<int, int> cache(8);
        int loads = 0;
        auto load = [&] { return std::optional<int>(++loads); };
        CPPUNIT_ASSERT_EQUAL(1, *cache.Get(1, load));
        CPPUNIT_ASSERT_EQUAL(1, *cache.Get(1, load));
        std::this_thread::sleep_for(milliseconds(60));
        CPPUNIT_ASSERT_EQUAL(2, *cache.Get(1, load));
    }

    void testInvalidateDropsOneKey() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        int loads = 0;
        auto load = [&] { return std::optional<int>(++loads); };
        cache.Get(1, load);
        cache.Get(2, load);
        cache.Invalidate(1);
        CPPUNIT_ASSERT_EQUAL(3, *cache.Get(1, load));  // reloaded
        CPPUNIT_ASSERT_EQUAL(2, *cache.Get(2, load));  // untouched
    }

    void testClearDropsEverything() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        int loads = 0;
        auto load = [&] { return std::optional<int>(++loads); };
        cache.Get(1, load);
        cache.Get(2, load);
        cache.Clear();
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, cache.size());
        CPPUNIT_ASSERT_EQUAL(3, *cache.Get(1, load));
    }

    void testAbsentValueIsNotCached() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        int loads = 0;
        auto none = [&] {
            ++loads;
            return std::optional<int>();
        };
        CPPUNIT_ASSERT(cache.Get(1, none) == nullptr);
        CPPUNIT_ASSERT(cache.Get(1, none) == nullptr);
        CPPUNIT_ASSERT_EQUAL(2, loads);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, cache.size());
    }

    // A write commits and invalidates while a read of the old rows is under way: that read is
    // answered, but the next one must load again rather than serve the old rows.
    void testReadRacingAWriteIsNotKept() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, std::string> cache(8);
        auto stale = cache.Get(1, [&] {
            cache.Invalidate(1);  // the write lands while this load runs
            return std::optional<std::string>("old");
        });
        CPPUNIT_ASSERT_EQUAL(std::string("old"), *stale);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, cache.size());
        auto fresh = cache.Get(1, [] { return std::optional<std::string>("new"); });
        CPPUNIT_ASSERT_EQUAL(std::string("new"), *fresh);
    }

    // Dropped::kOnAnyWrite: any committed write of the process makes every entry stale, while a
    // cache of the default kind keeps its entries until its own keys are invalidated.
    void testAnyWriteDropsTheEntries() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> any(8, Dropped::kOnAnyWrite);
        ReadCache<int, int> by_key(8);
        int loads = 0;
        auto load = [&] { return std::optional<int>(++loads); };
        CPPUNIT_ASSERT_EQUAL(1, *any.Get(1, load));
        CPPUNIT_ASSERT_EQUAL(2, *by_key.Get(1, load));
        CPPUNIT_ASSERT_EQUAL(1, *any.Get(1, load));  // no write: served
        NoteCommittedWrite();
        CPPUNIT_ASSERT_EQUAL(3, *any.Get(1, load));     // reloaded
        CPPUNIT_ASSERT_EQUAL(3, *any.Get(1, load));     // and kept
        CPPUNIT_ASSERT_EQUAL(2, *by_key.Get(1, load));  // untouched by writes
        CPPUNIT_ASSERT_EQUAL(3, loads);
    }

    // A write committed while the entry loads: the rows may predate it, so the next reader
    // loads again.
    void testReadRacingAnyWriteIsReloaded() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, std::string> cache(8, Dropped::kOnAnyWrite);
        auto stale = cache.Get(1, [] {
            NoteCommittedWrite();
            return std::optional<std::string>("old");
        });
        CPPUNIT_ASSERT_EQUAL(std::string("old"), *stale);
        auto fresh = cache.Get(1, [] { return std::optional<std::string>("new"); });
        CPPUNIT_ASSERT_EQUAL(std::string("new"), *fresh);
        auto again = cache.Get(1, [] { return std::optional<std::string>("third"); });
        CPPUNIT_ASSERT_EQUAL(std::string("new"), *again);
    }

    // The listings' keys: a typed search holding what looks like a separator cannot give the key
    // of another search with other filters.
    void testKeyFieldsNeverRunTogether() {
        auto key = [](std::initializer_list<std::string_view> fields) {
            std::string k;
            for (std::string_view f : fields) AddKeyField(k, f);
            return k;
        };
        CPPUNIT_ASSERT(key({"a\x1f"
                            "culture",
                            ""}) != key({"a", "culture\x1f"}));
        CPPUNIT_ASSERT(key({"ab", "c"}) != key({"a", "bc"}));
        CPPUNIT_ASSERT(key({"", "x"}) != key({"x", ""}));
        CPPUNIT_ASSERT_EQUAL(key({"jardin", "north"}), key({"jardin", "north"}));
    }

    void testCapacityBoundsEntries() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(16);
        for (int i = 0; i < 1000; ++i) cache.Get(i, [i] { return std::optional<int>(i); });
        CPPUNIT_ASSERT(cache.size() <= 16);
        CPPUNIT_ASSERT_EQUAL(999, *cache.Get(999, [] { return std::optional<int>(-1); }));
    }

    void testConcurrentReadersSeeOneValue() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        std::atomic<int> loads{0}, wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 2000; ++i) {
                    auto v = cache.Get(1, [&] {
                        ++loads;
                        return std::optional<int>(42);
                    });
                    if (!v || *v != 42) ++wrong;
                    if (i % 500 == 0) cache.Invalidate(1);
                }
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(0, wrong.load());
        CPPUNIT_ASSERT(loads.load() < 8 * 2000 / 10);  // nearly every read was served cached
    }

    // Readers arriving while the key loads wait for that load instead of loading it too.
    void testConcurrentMissesLoadOnce() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        std::atomic<int> loads{0}, wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&] {
                auto v = cache.Get(3, [&] {
                    ++loads;
                    std::this_thread::sleep_for(milliseconds(100));
                    return std::optional<int>(7);
                });
                if (!v || *v != 7) ++wrong;
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(0, wrong.load());
        CPPUNIT_ASSERT_EQUAL(1, loads.load());
    }

    // Past three quarters of its life, one reader reloads the entry while the others are still
    // served it, without waiting; the reloaded value then replaces it.
    void testRefreshAheadKeepsServingTheEntry() {
        SetReadCacheTtl(milliseconds(400));
        ReadCache<int, int> cache(8);
        CPPUNIT_ASSERT_EQUAL(1, *cache.Get(5, [] { return std::optional<int>(1); }));
        std::this_thread::sleep_for(milliseconds(320));  // past 300 ms, before 400
        std::atomic<bool> refreshing{false};
        std::thread refresher([&] {
            cache.Get(5, [&] {
                refreshing = true;
                std::this_thread::sleep_for(milliseconds(60));
                return std::optional<int>(2);
            });
        });
        for (int i = 0; i < 2000 && !refreshing; ++i) std::this_thread::sleep_for(milliseconds(1));
        if (!refreshing) refresher.join();
        CPPUNIT_ASSERT(refreshing.load());  // the entry was reloaded before it expired
        int other_loads = 0;
        const auto asked = std::chrono::steady_clock::now();
        auto during = cache.Get(5, [&] {
            ++other_loads;
            return std::optional<int>(99);
        });
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - asked < milliseconds(40));  // no wait
        CPPUNIT_ASSERT_EQUAL(1, *during);
        CPPUNIT_ASSERT_EQUAL(0, other_loads);
        refresher.join();
        CPPUNIT_ASSERT_EQUAL(2, *cache.Get(5, [] { return std::optional<int>(3); }));
    }

    void testFailedLoadLetsTheNextReaderLoad() {
        SetReadCacheTtl(milliseconds(60000));
        ReadCache<int, int> cache(8);
        bool threw = false;
        try {
            cache.Get(4, []() -> std::optional<int> { throw std::runtime_error("db down"); });
        } catch (const std::runtime_error&) {
            threw = true;
        }
        CPPUNIT_ASSERT(threw);
        const auto asked = std::chrono::steady_clock::now();
        CPPUNIT_ASSERT_EQUAL(8, *cache.Get(4, [] { return std::optional<int>(8); }));
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - asked < milliseconds(1000));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReadCacheTest, "core");

}  // namespace
}  // namespace placette::core
