// Unit tests for plugin/host/php_serialize: the WordPress values of spec A.1, byte-length strings,
// and every refusal (objects, wrong lengths, trailing bytes, depth and size limits).
#include "plugin/host/php_serialize.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cmath>
#include <string>
#include <vector>

namespace placette::host {
namespace {

std::string S(const std::string& bytes) {
    return "s:" + std::to_string(bytes.size()) + ":\"" + bytes + "\";";
}

std::string Nested(int depth) {
    std::string out;
    for (int d = 0; d < depth; ++d) out += "a:1:{i:0;";
    return out + "i:1;" + std::string(static_cast<std::size_t>(depth), '}');
}

std::string ListOf(int count) {
    std::string out = "a:" + std::to_string(count) + ":{";
    for (int i = 0; i < count; ++i) out += "i:" + std::to_string(i) + ";N;";
    return out + "}";
}

class PhpSerializeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PhpSerializeTest);
    CPPUNIT_TEST(testWordPressSessionTokens);
    CPPUNIT_TEST(testWordPressCapabilities);
    CPPUNIT_TEST(testScalarsTable);
    CPPUNIT_TEST(testDoublesTable);
    CPPUNIT_TEST(testStringWithQuotesAndSemicolonsReadByLength);
    CPPUNIT_TEST(testStringLengthCountsBytesNotCharacters);
    CPPUNIT_TEST(testIntegerKeysFoundByDecimalText);
    CPPUNIT_TEST(testArrayKeepsOrder);
    CPPUNIT_TEST(testRepeatedKeyLastWinsAsInPhp);
    CPPUNIT_TEST(testFindOnNonArrayIsNull);
    CPPUNIT_TEST(testAsStringTable);
    CPPUNIT_TEST(testObjectsAndReferencesRejected);
    CPPUNIT_TEST(testWrongStringLengthRejected);
    CPPUNIT_TEST(testTrailingBytesRejected);
    CPPUNIT_TEST(testMalformedTable);
    CPPUNIT_TEST(testDepthSixteenAccepted);
    CPPUNIT_TEST(testDepthSeventeenRejected);
    CPPUNIT_TEST(testTenThousandElementsAccepted);
    CPPUNIT_TEST(testMoreThanTenThousandElementsRejected);
    CPPUNIT_TEST(testDeclaredCountLargerThanInputRejected);
    CPPUNIT_TEST(testEveryTruncationRejected);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testWordPressSessionTokens() {
        const std::string verifier =
            "000e3188295c3c18088bdb4083d81ce510c7974930a1350150ba0ba7dd28103d";
        const std::string in =
            "a:1:{s:64:\"" + verifier + "\";a:2:{s:10:\"expiration\";i:123;s:5:\"login\";i:1;}}";
        const auto value = PhpUnserialize(in);
        CPPUNIT_ASSERT(value.has_value());
        const PhpValue* session = value->Find(verifier);
        CPPUNIT_ASSERT(session != nullptr);
        CPPUNIT_ASSERT(session->type == PhpValue::Type::kArray);
        const PhpValue* expiration = session->Find("expiration");
        CPPUNIT_ASSERT(expiration != nullptr);
        CPPUNIT_ASSERT(expiration->type == PhpValue::Type::kInt);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{123}, expiration->i);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, session->Find("login")->i);
        CPPUNIT_ASSERT(value->Find(verifier.substr(1)) == nullptr);
    }

    void testWordPressCapabilities() {
        const auto value = PhpUnserialize("a:1:{s:13:\"administrator\";b:1;}");
        CPPUNIT_ASSERT(value.has_value());
        const PhpValue* admin = value->Find("administrator");
        CPPUNIT_ASSERT(admin != nullptr);
        CPPUNIT_ASSERT(admin->type == PhpValue::Type::kBool);
        CPPUNIT_ASSERT(admin->b);
        CPPUNIT_ASSERT(value->Find("editor") == nullptr);
    }

    void testScalarsTable() {
        using T = PhpValue::Type;
        struct Case {
            std::string in;
            T type;
            std::string as_string;
        };
        const std::vector<Case> cases = {
            {"N;", T::kNull, ""},
            {"b:0;", T::kBool, ""},
            {"b:1;", T::kBool, "1"},
            {"i:0;", T::kInt, "0"},
            {"i:123;", T::kInt, "123"},
            {"i:-5;", T::kInt, "-5"},
            {"i:+7;", T::kInt, "7"},
            {"i:9223372036854775807;", T::kInt, "9223372036854775807"},
            {"i:-9223372036854775808;", T::kInt, "-9223372036854775808"},
            {"s:0:\"\";", T::kString, ""},
            {"s:3:\"abc\";", T::kString, "abc"},
            {"a:0:{}", T::kArray, ""},
        };
        for (const auto& c : cases) {
            const auto value = PhpUnserialize(c.in);
            CPPUNIT_ASSERT_MESSAGE(c.in, value.has_value());
            CPPUNIT_ASSERT_MESSAGE(c.in, value->type == c.type);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.in, c.as_string, value->AsString());
        }
    }

    void testDoublesTable() {
        const std::vector<std::pair<std::string, double>> cases = {
            {"d:1.5;", 1.5},    {"d:-0.25;", -0.25},  {"d:0;", 0.0},
            {"d:1e3;", 1000.0}, {"d:2.5E-1;", 0.25},  {"d:+3.;", 3.0},
            {"d:.5;", 0.5},     {"d:INF;", INFINITY}, {"d:-INF;", -INFINITY},
        };
        for (const auto& [in, want] : cases) {
            const auto value = PhpUnserialize(in);
            CPPUNIT_ASSERT_MESSAGE(in, value.has_value() && value->type == PhpValue::Type::kDouble);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(in, want, value->d);
        }
        const auto nan = PhpUnserialize("d:NAN;");
        CPPUNIT_ASSERT(nan.has_value() && std::isnan(nan->d));
    }

    void testStringWithQuotesAndSemicolonsReadByLength() {
        const std::string ua = "Mozilla/5.0 \"quoted\"; s:1:\"x\";} \";";
        const auto value =
            PhpUnserialize("a:2:{s:2:\"ua\";" + S(ua) + "s:2:\"ip\";" + S("127.0.0.1") + "}");
        CPPUNIT_ASSERT(value.has_value());
        CPPUNIT_ASSERT_EQUAL(ua, value->Find("ua")->s);
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), value->Find("ip")->s);
    }

    void testStringLengthCountsBytesNotCharacters() {
        CPPUNIT_ASSERT_EQUAL(std::string("é€"), PhpUnserialize("s:5:\"é€\";")->s);
        CPPUNIT_ASSERT(!PhpUnserialize("s:2:\"é€\";").has_value());
        const std::string with_nul("a\0b", 3);
        CPPUNIT_ASSERT(PhpUnserialize(S(with_nul))->s == with_nul);
    }

    void testIntegerKeysFoundByDecimalText() {
        const auto value = PhpUnserialize("a:3:{i:0;s:1:\"a\";i:-1;s:1:\"b\";i:42;s:1:\"c\";}");
        CPPUNIT_ASSERT(value.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("a"), value->Find("0")->s);
        CPPUNIT_ASSERT_EQUAL(std::string("b"), value->Find("-1")->s);
        CPPUNIT_ASSERT_EQUAL(std::string("c"), value->Find("42")->s);
        CPPUNIT_ASSERT(value->Find("042") == nullptr);
    }

    void testArrayKeepsOrder() {
        const auto value = PhpUnserialize("a:3:{s:1:\"z\";i:1;s:1:\"a\";i:2;i:5;i:3;}");
        CPPUNIT_ASSERT(value.has_value());
        const PhpArray& array = *value->a;
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, array.size());
        CPPUNIT_ASSERT_EQUAL(std::string("z"), array[0].first.AsString());
        CPPUNIT_ASSERT_EQUAL(std::string("a"), array[1].first.AsString());
        CPPUNIT_ASSERT_EQUAL(std::string("5"), array[2].first.AsString());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, array[2].second.i);
    }

    void testRepeatedKeyLastWinsAsInPhp() {
        const auto value = PhpUnserialize("a:2:{s:1:\"k\";i:1;s:1:\"k\";i:2;}");
        CPPUNIT_ASSERT(value.has_value());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, value->Find("k")->i);
    }

    void testFindOnNonArrayIsNull() {
        CPPUNIT_ASSERT(PhpUnserialize("s:1:\"k\";")->Find("k") == nullptr);
        CPPUNIT_ASSERT(PhpValue{}.Find("") == nullptr);
    }

    void testAsStringTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"d:1.5;", "1.5"}, {"d:2;", "2"},     {"d:-0.25;", "-0.25"},
            {"d:INF;", "INF"}, {"d:NAN;", "NAN"}, {"a:1:{i:0;i:1;}", ""},
        };
        for (const auto& [in, want] : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(in, want, PhpUnserialize(in)->AsString());
        }
    }

    void testObjectsAndReferencesRejected() {
        const std::vector<std::string> cases = {
            "O:8:\"stdClass\":0:{}",
            "O:8:\"stdClass\":1:{s:1:\"a\";i:1;}",
            "C:11:\"ArrayObject\":21:{x:i:0;a:0:{};m:a:0:{}}",
            "a:1:{i:0;O:8:\"stdClass\":0:{}}",
            "a:2:{i:0;i:1;i:1;r:2;}",
            "a:2:{i:0;i:1;i:1;R:2;}",
            "S:3:\"\\61bc\";",
            "E:7:\"Foo:Bar\";",
        };
        for (const auto& in : cases) CPPUNIT_ASSERT_MESSAGE(in, !PhpUnserialize(in).has_value());
    }

    void testWrongStringLengthRejected() {
        const std::vector<std::string> cases = {
            "s:4:\"abc\";", "s:2:\"abc\";",          "s:99:\"abc\";",
            "s:-1:\"\";",   "a:1:{s:3:\"ab\";i:1;}", "s:18446744073709551616:\"a\";",
        };
        for (const auto& in : cases) CPPUNIT_ASSERT_MESSAGE(in, !PhpUnserialize(in).has_value());
    }

    void testTrailingBytesRejected() {
        const std::vector<std::string> cases = {
            "i:1;x",   "N;N;",        "b:1; ",
            "a:0:{}}", "s:1:\"a\";;", "a:1:{s:13:\"administrator\";b:1;}\n",
        };
        for (const auto& in : cases) CPPUNIT_ASSERT_MESSAGE(in, !PhpUnserialize(in).has_value());
    }

    void testMalformedTable() {
        const std::vector<std::string> cases = {
            "",
            "x",
            "N",
            "b:2;",
            "b:;",
            "b:01;",
            "i:;",
            "i:1",
            "i:1.5;",
            "i:-;",
            "i:0x1;",
            "i: 1;",
            "i:99999999999999999999;",
            "d:;",
            "d:abc;",
            "d:1e;",
            "d:.;",
            "d:inf;",
            "d:1,5;",
            "s:3:\"abc\"",
            "s:3:abc;",
            "s:3:\"abc';",
            "s:a:\"\";",
            "a:1:{}",
            "a:0:{",
            "a:2:{i:0;i:1;}",
            "a:1:{i:0;}",
            "a:1:{b:1;i:1;}",
            "a:1:{N;i:1;}",
            "a:1:{d:1.5;i:1;}",
            "a:1:{a:0:{}i:1;}",
            "a:-1:{}",
            "a:1{i:0;i:1;}",
            " i:1;",
        };
        for (const auto& in : cases) CPPUNIT_ASSERT_MESSAGE(in, !PhpUnserialize(in).has_value());
    }

    void testDepthSixteenAccepted() { CPPUNIT_ASSERT(PhpUnserialize(Nested(16)).has_value()); }

    void testDepthSeventeenRejected() {
        CPPUNIT_ASSERT(!PhpUnserialize(Nested(17)).has_value());
        CPPUNIT_ASSERT(!PhpUnserialize(Nested(100000)).has_value());
    }

    void testTenThousandElementsAccepted() {
        const auto value = PhpUnserialize(ListOf(10000));
        CPPUNIT_ASSERT(value.has_value());
        CPPUNIT_ASSERT_EQUAL(std::size_t{10000}, value->a->size());
    }

    void testMoreThanTenThousandElementsRejected() {
        CPPUNIT_ASSERT(!PhpUnserialize(ListOf(10001)).has_value());
    }

    void testDeclaredCountLargerThanInputRejected() {
        CPPUNIT_ASSERT(!PhpUnserialize("a:9999:{}").has_value());
        CPPUNIT_ASSERT(!PhpUnserialize("a:99999999999999999999999:{}").has_value());
    }

    void testEveryTruncationRejected() {
        const std::string in =
            "a:3:{s:10:\"expiration\";i:1900000000;s:2:\"ua\";" + S("Mo\"z;}") + "i:7;d:0.5;}";
        CPPUNIT_ASSERT(PhpUnserialize(in).has_value());
        for (std::size_t n = 0; n < in.size(); ++n) {
            CPPUNIT_ASSERT_MESSAGE(in.substr(0, n), !PhpUnserialize(in.substr(0, n)).has_value());
        }
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PhpSerializeTest, "host");

}  // namespace
}  // namespace placette::host
