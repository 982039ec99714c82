// Unit tests for fcgi/cookies: the Cookie header read exactly as PHP 8's $_COOKIE (spec A.0)
// and the Set-Cookie values Placette sends.
#include "fcgi/cookies.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::http {
namespace {

class CookiesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CookiesTest);
    CPPUNIT_TEST(testDecodesPercentButKeepsPlus);
    CPPUNIT_TEST(testWordPressLoggedInCookie);
    CPPUNIT_TEST(testFirstValueWinsOnRepeatedName);
    CPPUNIT_TEST(testDotsAndSpacesInNamesBecomeUnderscores);
    CPPUNIT_TEST(testNamesAreNotPercentDecoded);
    CPPUNIT_TEST(testInvalidEscapesKeptLiterally);
    CPPUNIT_TEST(testSkipsWhiteSpaceBeforeNamesOnly);
    CPPUNIT_TEST(testBracketsInNamesFollowPhp);
    CPPUNIT_TEST(testValueSplitsOnFirstEquals);
    CPPUNIT_TEST(testPairWithoutEqualsHasEmptyValue);
    CPPUNIT_TEST(testEmptyNamesSkipped);
    CPPUNIT_TEST(testHugeValueDropped);
    CPPUNIT_TEST(testAtMostHundredCookies);
    CPPUNIT_TEST(testOddInputNeverThrows);
    CPPUNIT_TEST(testSetCookieSessionDefaults);
    CPPUNIT_TEST(testSetCookieWithMaxAgeAndSecure);
    CPPUNIT_TEST(testSetCookieDeletion);
    CPPUNIT_TEST(testSetCookieValueRoundTripsThroughParser);
    CPPUNIT_TEST(testSetCookieCannotBeSplitByNameOrAttributes);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testDecodesPercentButKeepsPlus() {
        const auto cookies = ParseCookieHeader("x=x+y%7Cz");
        CPPUNIT_ASSERT_EQUAL(std::string("x+y|z"), cookies.at("x"));
    }

    void testWordPressLoggedInCookie() {
        const std::string name = "wordpress_logged_in_ea5889fdb264b2a3524c2b184cf4e8ad";
        const std::string header =
            "wp-settings-1=mfold%3Do; " + name +
            "=alice%7C1900000000%7CTok3nABCdefTok3nABCdefTok3nABCdefTok3nABCde%7C294adcaf";
        const auto cookies = ParseCookieHeader(header);
        CPPUNIT_ASSERT_EQUAL(
            std::string("alice|1900000000|Tok3nABCdefTok3nABCdefTok3nABCdefTok3nABCde|294adcaf"),
            cookies.at(name));
        CPPUNIT_ASSERT_EQUAL(std::string("mfold=o"), cookies.at("wp-settings-1"));
    }

    void testFirstValueWinsOnRepeatedName() {
        const auto cookies = ParseCookieHeader("a=1; b=2; a=3");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("a"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, cookies.size());
    }

    void testDotsAndSpacesInNamesBecomeUnderscores() {
        const auto cookies = ParseCookieHeader("a.b=1; c d=2; a_b=3");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("a_b"));
        CPPUNIT_ASSERT_EQUAL(std::string("2"), cookies.at("c_d"));
        CPPUNIT_ASSERT(cookies.find("a.b") == cookies.end());
    }

    void testNamesAreNotPercentDecoded() {
        const auto cookies = ParseCookieHeader("a%2Eb=1");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("a%2Eb"));
    }

    void testInvalidEscapesKeptLiterally() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"v=%zz", "%zz"}, {"v=100%", "100%"},   {"v=%4", "%4"},
            {"v=%%41", "%A"}, {"v=%G1%41", "%G1A"}, {"v=%e2%82%ac", "€"},
        };
        for (const auto& [header, want] : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(header, want, ParseCookieHeader(header).at("v"));
        }
    }

    void testSkipsWhiteSpaceBeforeNamesOnly() {
        // Checked against PHP 8.2's built-in server: white space before ';' stays in the value.
        const auto cookies = ParseCookieHeader(" \ta=1 ;\tb=2\t;\vc= 3");
        CPPUNIT_ASSERT_EQUAL(std::string("1 "), cookies.at("a"));
        CPPUNIT_ASSERT_EQUAL(std::string("2\t"), cookies.at("b"));
        CPPUNIT_ASSERT_EQUAL(std::string(" 3"), cookies.at("c"));
        CPPUNIT_ASSERT_EQUAL(std::string("1"), ParseCookieHeader("d =1").at("d_"));
    }

    void testBracketsInNamesFollowPhp() {
        const auto cookies = ParseCookieHeader("c[=1; x[.y=2; a b[c]=3; d]=4");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("c_"));
        CPPUNIT_ASSERT_EQUAL(std::string("2"), cookies.at("x__y"));
        CPPUNIT_ASSERT_EQUAL(std::string("3"), cookies.at("a_b[c]"));
        CPPUNIT_ASSERT_EQUAL(std::string("4"), cookies.at("d]"));
    }

    void testValueSplitsOnFirstEquals() {
        CPPUNIT_ASSERT_EQUAL(std::string("b=c=="), ParseCookieHeader("a=b=c==").at("a"));
    }

    void testPairWithoutEqualsHasEmptyValue() {
        const auto cookies = ParseCookieHeader("flag; a=1");
        CPPUNIT_ASSERT_EQUAL(std::string(""), cookies.at("flag"));
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("a"));
    }

    void testEmptyNamesSkipped() {
        const auto cookies = ParseCookieHeader("=x; ; =; a=1;;");
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, cookies.size());
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("a"));
    }

    void testHugeValueDropped() {
        const std::string at_cap(16 * 1024, 'k');
        const std::string over_cap(16 * 1024 + 1, 'h');
        const auto cookies = ParseCookieHeader("big=" + over_cap + "; ok=" + at_cap + "; b=1");
        CPPUNIT_ASSERT(cookies.find("big") == cookies.end());
        CPPUNIT_ASSERT_EQUAL(at_cap, cookies.at("ok"));
        CPPUNIT_ASSERT_EQUAL(std::string("1"), cookies.at("b"));
    }

    void testAtMostHundredCookies() {
        std::string header;
        for (int i = 0; i < 150; ++i) header += "c" + std::to_string(i) + "=" + "v; ";
        const auto cookies = ParseCookieHeader(header);
        CPPUNIT_ASSERT_EQUAL(std::size_t{100}, cookies.size());
        CPPUNIT_ASSERT(cookies.count("c99") == 1);
        CPPUNIT_ASSERT(cookies.count("c100") == 0);
    }

    void testOddInputNeverThrows() {
        const std::vector<std::string> cases = {
            "",
            ";",
            ";;;;",
            "=",
            "==",
            "a",
            "%",
            "a=%",
            "a=%%%",
            " ",
            "\t;\t",
            std::string("a\0=b", 4),
            "a=\xff",
            "\xff=\xfe",
            "a=\"q",
            "a=1;b",
            std::string(100000, ';'),
            std::string(40000, '%'),
            "a=" + std::string(70000, '%'),
        };
        for (const auto& header : cases) {
            CPPUNIT_ASSERT_NO_THROW(ParseCookieHeader(header));
        }
    }

    void testSetCookieSessionDefaults() {
        SetCookie c;
        c.name = "plc_sid";
        c.value = "abc";
        CPPUNIT_ASSERT_EQUAL(std::string("plc_sid=abc; Path=/; HttpOnly; SameSite=Lax"),
                             FormatSetCookie(c));
    }

    void testSetCookieWithMaxAgeAndSecure() {
        SetCookie c;
        c.name = "plc_lang";
        c.value = "fr";
        c.path = "/participer/";
        c.max_age = 3600;
        c.secure = true;
        c.http_only = false;
        c.same_site = "Strict";
        CPPUNIT_ASSERT_EQUAL(
            std::string("plc_lang=fr; Path=/participer/; Max-Age=3600; Secure; SameSite=Strict"),
            FormatSetCookie(c));
    }

    void testSetCookieDeletion() {
        SetCookie c;
        c.name = "plc_sid";
        c.max_age = 0;
        c.same_site = "";
        CPPUNIT_ASSERT_EQUAL(
            std::string("plc_sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; "
                        "HttpOnly"),
            FormatSetCookie(c));
    }

    void testSetCookieValueRoundTripsThroughParser() {
        SetCookie c;
        c.name = "flash";
        c.value = "Merci ! 100% réglé; a=b, \"ok\"+x|y";
        const std::string header = FormatSetCookie(c);
        const std::string pair = header.substr(0, header.find(';'));
        CPPUNIT_ASSERT_EQUAL(c.value, ParseCookieHeader(pair).at("flash"));
    }

    void testSetCookieCannotBeSplitByNameOrAttributes() {
        SetCookie c;
        c.name = "a;b =c\r\n";
        c.value = "v";
        c.path = "/x;Domain=evil\r\n";
        c.same_site = "Lax;\nX";
        const std::string out = FormatSetCookie(c);
        CPPUNIT_ASSERT_EQUAL(std::string("abc=v; Path=/xDomain=evil; HttpOnly; SameSite=LaxX"),
                             out);
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CookiesTest, "fcgi");

}  // namespace
}  // namespace placette::http
