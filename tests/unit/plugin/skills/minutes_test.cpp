// Unit tests for plugin/skills/minutes: what citizens may type as a duration, how minutes are
// shown, and the type's arithmetic.
#include "plugin/skills/minutes.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::skills {
namespace {

class MinutesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MinutesTest);
    CPPUNIT_TEST(testParseAcceptsTable);
    CPPUNIT_TEST(testParseRejectsTable);
    CPPUNIT_TEST(testFormatTable);
    CPPUNIT_TEST(testInputValueParsesBack);
    CPPUNIT_TEST(testArithmeticAndOrder);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testParseAcceptsTable() {
        const std::vector<std::pair<std::string, std::int64_t>> cases = {
            {"2", 120},      {"1,5", 90},    {"1.5", 90},  {"0,25", 15},       {"1.1", 66},
            {"1h30", 90},    {"1 h 30", 90}, {"2h", 120},  {"2 H", 120},       {"0h45", 45},
            {"45 min", 45},  {"45min", 45},  {"45mn", 45}, {"90 minutes", 90}, {"1:30", 90},
            {"1h05min", 65}, {"  3  ", 180}, {"0", 0},     {"10000", 600000},
        };
        for (const auto& [text, minutes] : cases) {
            auto m = ParseDuration(text);
            CPPUNIT_ASSERT_MESSAGE(text, m.has_value());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(text, minutes, m->count());
        }
    }

    void testParseRejectsTable() {
        for (std::string text :
             {"", "   ", "-1", "-1h", "1h60", "1:75", "1,333", "1.01", "abc", "1h30x", "2 heures",
              "1:", "h30", "1,", "10001", "1e3", "1..5", "99999999999999", "1:30min"}) {
            CPPUNIT_ASSERT_MESSAGE(text, !ParseDuration(text).has_value());
        }
    }

    void testFormatTable() {
        const std::vector<std::pair<std::int64_t, std::string>> cases = {
            {0, "0 h"},     {45, "45 min"},        {60, "1 h"},           {90, "1 h 30"},
            {65, "1 h 05"}, {-90, "\u22121 h 30"}, {-15, "\u221215 min"}, {600000, "10000 h"},
        };
        for (const auto& [minutes, text] : cases) {
            CPPUNIT_ASSERT_EQUAL(text, FormatMinutes(Minutes(minutes)));
        }
    }

    void testInputValueParsesBack() {
        for (std::int64_t m : {0, 5, 45, 60, 61, 90, 125, 6000}) {
            auto back = ParseDuration(DurationInputValue(Minutes(m)));
            CPPUNIT_ASSERT(back.has_value());
            CPPUNIT_ASSERT_EQUAL(m, back->count());
        }
    }

    void testArithmeticAndOrder() {
        Minutes a = Minutes::Hours(2), b(30);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{150}, (a + b).count());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{90}, (a - b).count());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{-120}, (-a).count());
        CPPUNIT_ASSERT(b < a);
        CPPUNIT_ASSERT(Minutes(-600) - Minutes(1) < Minutes(-600));
        CPPUNIT_ASSERT(kMaxExchange == Minutes(6000));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MinutesTest, "skills");

}  // namespace
}  // namespace placette::skills
