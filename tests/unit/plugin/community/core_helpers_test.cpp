// Unit tests for the small core helpers the community sections rely on (plugin/core/text,
// choices, links): UTF-8 text checks, ids, days, choice lists, the registry.
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

#include "plugin/core/choices.h"
#include "plugin/core/links.h"
#include "plugin/core/text.h"

namespace placette::core {
namespace {

class CoreHelpersTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CoreHelpersTest);
    CPPUNIT_TEST(testTextLengthTable);
    CPPUNIT_TEST(testTrim);
    CPPUNIT_TEST(testParseIdTable);
    CPPUNIT_TEST(testDays);
    CPPUNIT_TEST(testChoices);
    CPPUNIT_TEST(testLinksWithoutRegistrations);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testTextLengthTable() {
        struct Case {
            std::string text;
            bool multiline;
            std::optional<std::size_t> length;
        };
        const std::vector<Case> cases = {
            {"", false, 0},
            {"abc", false, 3},
            {"\xC3\xA9t\xC3\xA9", false, 3},
            {"\xF0\x9F\x9A\xB2 v\xC3\xA9lo", false, 6},
            {"a\nb", false, std::nullopt},
            {"a\nb\r\n\tc", true, 7},
            {std::string("a\0b", 3), true, std::nullopt},
            {"\x7F", true, std::nullopt},
            {"\xC3", false, std::nullopt},
            {"\xC0\xAF", false, std::nullopt},
            {"\xED\xA0\x80", false, std::nullopt},
            {"\xF4\x90\x80\x80", false, std::nullopt},
            {"\xFF", false, std::nullopt},
        };
        for (const Case& c : cases)
            CPPUNIT_ASSERT_MESSAGE(c.text, TextLength(c.text, c.multiline) == c.length);
    }

    void testTrim() {
        CPPUNIT_ASSERT_EQUAL(std::string("a b"), Trim(" \t\r\na b \n"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), Trim("   "));
    }

    void testParseIdTable() {
        CPPUNIT_ASSERT_EQUAL(std::int64_t{42}, ParseId("42"));
        for (std::string bad : {"", "-1", "4x", " 4", "1e3", "9999999999999999999", "0x10"}) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::int64_t{0}, ParseId(bad));
        }
    }

    void testDays() {
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, DayOf(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, DayOf(86399));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, DayOf(86400));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{-1}, DayOf(-1));
        I18n i18n = I18n::FromText("community.month.3 = mars\n", "community.month.3 = March\n");
        CPPUNIT_ASSERT_EQUAL(std::string("1 mars 2026"), FormatDay(i18n, "fr", 20513));
        CPPUNIT_ASSERT_EQUAL(std::string("1 March 2026"), FormatDay(i18n, "en", 20513));
    }

    void testChoices() {
        auto c = ParseChoices(" centre : Centre-ville ; gare,forges:Les Forges", "t");
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, c.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Centre-ville"), c[0].label);
        CPPUNIT_ASSERT_EQUAL(std::string("gare"), c[1].label);
        CPPUNIT_ASSERT(HasChoice(c, "forges"));
        CPPUNIT_ASSERT(!HasChoice(c, "Forges"));
        CPPUNIT_ASSERT_THROW(ParseChoices("a b", "t"), ConfigError);
        CPPUNIT_ASSERT_THROW(ParseChoices("a;a", "t"), ConfigError);
        CPPUNIT_ASSERT_THROW(ParseChoices(" ; ", "t"), ConfigError);
        I18n i18n = I18n::FromText("x.cat.gare = Gare !\n", "x.cat.gare = Station\n");
        CPPUNIT_ASSERT_EQUAL(std::string("Station"), ChoiceLabel(i18n, "en", c, "x.cat.", "gare"));
        CPPUNIT_ASSERT_EQUAL(std::string("Les Forges"),
                             ChoiceLabel(i18n, "en", c, "x.cat.", "forges"));
        CPPUNIT_ASSERT_EQUAL(std::string("inconnu"),
                             ChoiceLabel(i18n, "en", c, "x.cat.", "inconnu"));
    }

    void testLinksWithoutRegistrations() {
        CPPUNIT_ASSERT(!links::KnownSubjectType("no-such-type"));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CoreHelpersTest, "community");

}  // namespace
}  // namespace placette::core
