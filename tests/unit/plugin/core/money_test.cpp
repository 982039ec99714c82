// Unit tests for plugin/core/money: what citizens may type, how amounts are shown in French and
// English, and arithmetic that refuses to overflow or mix currencies.
#include "plugin/core/money.h"

#include <cppunit/extensions/HelperMacros.h>

#include <limits>
#include <string>
#include <vector>

namespace placette::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money Eur(std::int64_t minor) { return Money{minor, "EUR"}; }

class MoneyTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MoneyTest);
    CPPUNIT_TEST(testCurrencyExponentTable);
    CPPUNIT_TEST(testParseAcceptsTable);
    CPPUNIT_TEST(testParseRejectsTable);
    CPPUNIT_TEST(testParseCapIsTenToTheTwelveUnits);
    CPPUNIT_TEST(testParseZeroDecimalCurrency);
    CPPUNIT_TEST(testParseNormalizesCurrencyCode);
    CPPUNIT_TEST(testParseRejectsInvalidCurrencyCode);
    CPPUNIT_TEST(testFormatFrench);
    CPPUNIT_TEST(testFormatEnglish);
    CPPUNIT_TEST(testFormatZeroDecimalCurrency);
    CPPUNIT_TEST(testFormatCurrencyWithoutSymbolUsesCode);
    CPPUNIT_TEST(testFormatExtremeValuesDoNotOverflow);
    CPPUNIT_TEST(testToDecimalString);
    CPPUNIT_TEST(testFormattedFrenchParsesBack);
    CPPUNIT_TEST(testAddAndSubtract);
    CPPUNIT_TEST(testCurrencyMismatchThrows);
    CPPUNIT_TEST(testAddOverflowThrows);
    CPPUNIT_TEST(testSubtractOverflowThrows);
    CPPUNIT_TEST(testPercentRoundsHalfUpTable);
    CPPUNIT_TEST(testPercentOfLargeAmountIsExact);
    CPPUNIT_TEST(testPercentOverflowThrows);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testCurrencyExponentTable() {
        const std::vector<std::pair<std::string, int>> cases = {
            {"EUR", 2}, {"USD", 2}, {"GBP", 2}, {"CHF", 2}, {"JPY", 0},
            {"KRW", 0}, {"KWD", 3}, {"XYZ", 2}, {"", 2},    {"jpy", 0},
        };
        for (const auto& [code, want] : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(code, want, CurrencyExponent(code));
        }
    }

    void testParseAcceptsTable() {
        const std::vector<std::pair<std::string, std::int64_t>> cases = {
            {"12", 1200},
            {"12,5", 1250},
            {"12,50", 1250},
            {"12.50", 1250},
            {"12.05", 1205},
            {"0", 0},
            {"0,01", 1},
            {"007", 700},
            {"1 234,50", 123450},
            {" 1 234,50 ", 123450},
            {"1234.5 €", 123450},
            {"1234.5€", 123450},
            {"€ 12", 1200},
            {"€12,50", 1250},
            {"12 EUR", 1200},
            {"eur 12", 1200},
            {"1\u00A0234", 123400},
            {"1\u202F234,50\u00A0€", 123450},
            {"1\u2009234", 123400},
            {"1 000 000", 100000000},
            {"\t12\t", 1200},
        };
        for (const auto& [text, want] : cases) {
            const auto parsed = ParseMoney(text);
            CPPUNIT_ASSERT_MESSAGE(text, parsed.has_value());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(text, want, parsed->minor);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(text, std::string("EUR"), parsed->currency);
        }
    }

    void testParseRejectsTable() {
        const std::vector<std::string> cases = {
            "12.505",
            "-3",
            "abc",
            "1.2.3",
            "",
            "   ",
            "€",
            "12,",
            ",5",
            ".5",
            "1,234.50",
            "1.234,50",
            "12 34",
            "1  234",
            "1234 567",
            "1 234 56",
            "12a",
            "+3",
            "1e3",
            "€12€",
            "12 € €",
            "12 $",
            "12 USD",
            "1 2",
            "0x10",
            "12,5,0",
            "１２",
            "12.5.",
            "- 3",
            "3-",
            "99999999999999999999999999",
        };
        for (const auto& text : cases) {
            CPPUNIT_ASSERT_MESSAGE("'" + text + "'", !ParseMoney(text).has_value());
        }
    }

    void testParseCapIsTenToTheTwelveUnits() {
        CPPUNIT_ASSERT_EQUAL(std::int64_t{100'000'000'000'000}, ParseMoney("1000000000000")->minor);
        CPPUNIT_ASSERT(!ParseMoney("1000000000000,01").has_value());
        CPPUNIT_ASSERT(!ParseMoney("1000000000001").has_value());
    }

    void testParseZeroDecimalCurrency() {
        const auto yen = ParseMoney("1 234", "JPY");
        CPPUNIT_ASSERT(yen.has_value());
        CPPUNIT_ASSERT(*yen == (Money{1234, "JPY"}));
        CPPUNIT_ASSERT(!ParseMoney("12.5", "JPY").has_value());
        CPPUNIT_ASSERT(!ParseMoney("12,0", "JPY").has_value());
    }

    void testParseNormalizesCurrencyCode() {
        const auto parsed = ParseMoney("12 $", "usd");
        CPPUNIT_ASSERT(parsed.has_value());
        CPPUNIT_ASSERT(*parsed == (Money{1200, "USD"}));
    }

    void testParseRejectsInvalidCurrencyCode() {
        CPPUNIT_ASSERT(!ParseMoney("12", "EURO").has_value());
        CPPUNIT_ASSERT(!ParseMoney("12", "E1R").has_value());
        CPPUNIT_ASSERT(!ParseMoney("12", "").has_value());
    }

    void testFormatFrench() {
        const std::vector<std::pair<std::int64_t, std::string>> cases = {
            {123450, "1\u202F234,50\u00A0€"},
            {1200, "12,00\u00A0€"},
            {5, "0,05\u00A0€"},
            {0, "0,00\u00A0€"},
            {99999, "999,99\u00A0€"},
            {100000000, "1\u202F000\u202F000,00\u00A0€"},
            {-1250, "-12,50\u00A0€"},
        };
        for (const auto& [minor, want] : cases) {
            CPPUNIT_ASSERT_EQUAL(want, FormatMoney(Eur(minor), "fr"));
        }
    }

    void testFormatEnglish() {
        const std::vector<std::pair<Money, std::string>> cases = {
            {Eur(123450), "€1,234.50"},  {Eur(1200), "€12.00"},
            {Eur(-1250), "-€12.50"},     {Money{100000000, "USD"}, "$1,000,000.00"},
            {Money{99, "GBP"}, "£0.99"},
        };
        for (const auto& [money, want] : cases) {
            CPPUNIT_ASSERT_EQUAL(want, FormatMoney(money, "en"));
        }
    }

    void testFormatZeroDecimalCurrency() {
        CPPUNIT_ASSERT_EQUAL(std::string("1\u202F234\u00A0¥"), FormatMoney({1234, "JPY"}, "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("¥1,234"), FormatMoney({1234, "JPY"}, "en"));
    }

    void testFormatCurrencyWithoutSymbolUsesCode() {
        CPPUNIT_ASSERT_EQUAL(std::string("12,00\u00A0CHF"), FormatMoney({1200, "CHF"}, "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("CHF\u00A012.00"), FormatMoney({1200, "CHF"}, "en"));
    }

    void testFormatExtremeValuesDoNotOverflow() {
        CPPUNIT_ASSERT_EQUAL(std::string("-92233720368547758.08"), ToDecimalString(Eur(kMin)));
        CPPUNIT_ASSERT_EQUAL(std::string("92233720368547758.07"), ToDecimalString(Eur(kMax)));
        CPPUNIT_ASSERT_EQUAL(std::string("-€92,233,720,368,547,758.08"),
                             FormatMoney(Eur(kMin), "en"));
    }

    void testToDecimalString() {
        const std::vector<std::pair<Money, std::string>> cases = {
            {Eur(1250), "12.50"},
            {Eur(5), "0.05"},
            {Eur(0), "0.00"},
            {Eur(-1250), "-12.50"},
            {Eur(-5), "-0.05"},
            {Money{1234, "JPY"}, "1234"},
            {Money{1234, "KWD"}, "1.234"},
            {Eur(123456789), "1234567.89"},
        };
        for (const auto& [money, want] : cases) CPPUNIT_ASSERT_EQUAL(want, ToDecimalString(money));
    }

    void testFormattedFrenchParsesBack() {
        for (const std::int64_t minor : {0, 1, 99, 1250, 123450, 100000000}) {
            const auto parsed = ParseMoney(FormatMoney(Eur(minor), "fr"));
            CPPUNIT_ASSERT(parsed.has_value());
            CPPUNIT_ASSERT_EQUAL(minor, parsed->minor);
        }
    }

    void testAddAndSubtract() {
        CPPUNIT_ASSERT(Add(Eur(1250), Eur(75)) == Eur(1325));
        CPPUNIT_ASSERT(Subtract(Eur(1250), Eur(2000)) == Eur(-750));
    }

    void testCurrencyMismatchThrows() {
        const Money usd{100, "USD"};
        CPPUNIT_ASSERT_THROW(Add(Eur(100), usd), CurrencyMismatch);
        CPPUNIT_ASSERT_THROW(Subtract(Eur(100), usd), CurrencyMismatch);
    }

    void testAddOverflowThrows() {
        CPPUNIT_ASSERT_THROW(Add(Eur(kMax), Eur(1)), MoneyOverflow);
        CPPUNIT_ASSERT_THROW(Add(Eur(kMin), Eur(-1)), MoneyOverflow);
        CPPUNIT_ASSERT(Add(Eur(kMax), Eur(0)) == Eur(kMax));
    }

    void testSubtractOverflowThrows() {
        CPPUNIT_ASSERT_THROW(Subtract(Eur(kMin), Eur(1)), MoneyOverflow);
        CPPUNIT_ASSERT_THROW(Subtract(Eur(0), Eur(kMin)), MoneyOverflow);
        CPPUNIT_ASSERT_THROW(Subtract(Eur(kMax), Eur(-1)), MoneyOverflow);
        CPPUNIT_ASSERT(Subtract(Eur(-1), Eur(kMin)) == Eur(kMax));
    }

    void testPercentRoundsHalfUpTable() {
        struct Case {
            std::int64_t minor;
            std::int64_t percent;
            std::int64_t want;
        };
        const std::vector<Case> cases = {
            {1000, 15, 150},   {1, 50, 1},          {1, 49, 0},      {3, 50, 2},
            {999, 33, 330},    {12345, 150, 18518}, {1000, 0, 0},    {0, 75, 0},
            {250, 100, 250},   {-1, 50, 0},         {-3, 50, -1},    {-999, 33, -330},
            {1000, -15, -150}, {10001, 5, 500},     {10010, 5, 501},
        };
        for (const auto& c : cases) {
            const std::string label =
                std::to_string(c.minor) + " x " + std::to_string(c.percent) + "%";
            CPPUNIT_ASSERT_EQUAL_MESSAGE(label, c.want, Percent(Eur(c.minor), c.percent).minor);
        }
    }

    void testPercentOfLargeAmountIsExact() {
        CPPUNIT_ASSERT(Percent(Eur(kMax), 100) == Eur(kMax));
        CPPUNIT_ASSERT(Percent(Eur(kMin), 100) == Eur(kMin));
        CPPUNIT_ASSERT(Percent(Eur(kMax), 50) == Eur(kMax / 2 + 1));
        CPPUNIT_ASSERT_EQUAL(std::string("USD"), Percent(Money{100, "USD"}, 10).currency);
    }

    void testPercentOverflowThrows() {
        CPPUNIT_ASSERT_THROW(Percent(Eur(kMax), 101), MoneyOverflow);
        CPPUNIT_ASSERT_THROW(Percent(Eur(kMin), -100), MoneyOverflow);
        CPPUNIT_ASSERT_THROW(Percent(Eur(99), kMax), MoneyOverflow);
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MoneyTest, "core");

}  // namespace
}  // namespace placette::core
