// Unit tests for plugin/core/body_memo: a body is found for its key, variant and second only,
// a newer second replaces it and an older one does not, and threads finding and keeping at once
// always get a whole body of the asked second; at most kCapacity bodies are kept a second.
#include "plugin/core/body_memo.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace placette::core {
namespace {

std::shared_ptr<const std::string> Html(std::string s) {
    return std::make_shared<const std::string>(std::move(s));
}

class BodyMemoTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BodyMemoTest);
    CPPUNIT_TEST(testEmptyFindsNothing);
    CPPUNIT_TEST(testFoundForItsLanguageAndSecondOnly);
    CPPUNIT_TEST(testVariantsAreKeptApart);
    CPPUNIT_TEST(testNewerSecondReplacesOlderDoesNot);
    CPPUNIT_TEST(testANewerSecondDropsEveryOlderBody);
    CPPUNIT_TEST(testKeysBeyondTheLanguageAreKeptApart);
    CPPUNIT_TEST(testAtMostCapacityBodiesASecond);
    CPPUNIT_TEST(testThreadsGetTheirSecondsBody);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testEmptyFindsNothing() {
        BodyMemo memo;
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 100));
    }

    void testFoundForItsLanguageAndSecondOnly() {
        BodyMemo memo;
        memo.Keep("fr", 0, 100, Html("<p>bonjour</p>"));
        memo.Keep("en", 0, 100, Html("<p>hello</p>"));
        CPPUNIT_ASSERT_EQUAL(std::string("<p>bonjour</p>"), *memo.Find("fr", 0, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("<p>hello</p>"), *memo.Find("en", 0, 100));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 101));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 99));
        CPPUNIT_ASSERT(!memo.Find("de", 0, 100));
    }

    void testVariantsAreKeptApart() {
        BodyMemo memo;
        memo.Keep("fr", 0, 100, Html("citizen"));
        CPPUNIT_ASSERT(!memo.Find("fr", 1, 100));
        memo.Keep("fr", 1, 100, Html("owner"));
        memo.Keep("fr", 5, 100, Html("owner, thanked"));
        CPPUNIT_ASSERT_EQUAL(std::string("citizen"), *memo.Find("fr", 0, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("owner"), *memo.Find("fr", 1, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("owner, thanked"), *memo.Find("fr", 5, 100));
        CPPUNIT_ASSERT(!memo.Find("en", 1, 100));
    }

    void testNewerSecondReplacesOlderDoesNot() {
        BodyMemo memo;
        memo.Keep("fr", 0, 100, Html("a"));
        memo.Keep("fr", 0, 101, Html("b"));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("b"), *memo.Find("fr", 0, 101));
        memo.Keep("fr", 0, 100, Html("late"));  // a slow request of the second before
        CPPUNIT_ASSERT_EQUAL(std::string("b"), *memo.Find("fr", 0, 101));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 100));
    }

    // A page's entry never piles up bodies: once one of a newer second is kept, those of earlier
    // seconds are gone, whatever their language or variant.
    void testANewerSecondDropsEveryOlderBody() {
        BodyMemo memo;
        memo.Keep("fr", 0, 100, Html("fr citizen"));
        memo.Keep("en", 3, 100, Html("en owner staff"));
        CPPUNIT_ASSERT(memo.Find("en", 3, 100));
        memo.Keep("fr", 1, 101, Html("fr owner"));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 100));
        CPPUNIT_ASSERT(!memo.Find("en", 3, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("fr owner"), *memo.Find("fr", 1, 101));
    }

    // A listing's key is the language and the query string as typed: two spellings of one search
    // share the cached rows, never the body.
    void testKeysBeyondTheLanguageAreKeptApart() {
        BodyMemo memo;
        memo.Keep("fr\nq=Jardin", 0, 100, Html("value=Jardin"));
        CPPUNIT_ASSERT(!memo.Find("fr\nq=jardin", 0, 100));
        CPPUNIT_ASSERT(!memo.Find("fr", 0, 100));
        memo.Keep("fr\nq=jardin", 0, 100, Html("value=jardin"));
        CPPUNIT_ASSERT_EQUAL(std::string("value=Jardin"), *memo.Find("fr\nq=Jardin", 0, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("value=jardin"), *memo.Find("fr\nq=jardin", 0, 100));
    }

    // Many query strings landing on one cached entry within a second: the first kCapacity bodies
    // are kept, the others rendered for each request; the next second starts afresh.
    void testAtMostCapacityBodiesASecond() {
        BodyMemo memo;
        const int n = static_cast<int>(BodyMemo::kCapacity);
        for (int i = 0; i < n + 5; ++i)
            memo.Keep("fr\nq=" + std::to_string(i), 0, 100, Html(std::to_string(i)));
        for (int i = 0; i < n; ++i)
            CPPUNIT_ASSERT_EQUAL(std::to_string(i),
                                 *memo.Find("fr\nq=" + std::to_string(i), 0, 100));
        for (int i = n; i < n + 5; ++i)
            CPPUNIT_ASSERT(!memo.Find("fr\nq=" + std::to_string(i), 0, 100));
        memo.Keep("fr\nq=" + std::to_string(n + 1), 0, 101, Html("next"));
        CPPUNIT_ASSERT_EQUAL(std::string("next"),
                             *memo.Find("fr\nq=" + std::to_string(n + 1), 0, 101));
        CPPUNIT_ASSERT(!memo.Find("fr\nq=0", 0, 100));
    }

    void testThreadsGetTheirSecondsBody() {
        BodyMemo memo;
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int second = 0; second < 2000; ++second) {
                    const std::string lang = (t % 2) ? "fr" : "en";
                    const std::string want =
                        lang + std::to_string(t) + ":" + std::to_string(second);
                    if (auto found = memo.Find(lang, t, second)) {
                        if (*found != want) ++wrong;
                    } else {
                        memo.Keep(lang, t, second, Html(want));
                    }
                }
            });
        }
        for (auto& th : threads) th.join();
        CPPUNIT_ASSERT_EQUAL(0, wrong.load());
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BodyMemoTest, "core");

}  // namespace
}  // namespace placette::core
