// Unit tests for plugin/host/wordpress_auth: the worked vector of spec A.1, cookie parsing and
// expiry, wp_salt's duplicate/placeholder rules, pass_frag branches, session tokens and roles.
#include "plugin/host/wordpress_auth.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <string>
#include <vector>

#include "plugin/core/crypto.h"

namespace placette::host::wp {
namespace {

const std::string kToken = "Tok3nABCdefTok3nABCdefTok3nABCdefTok3nABCde";
const std::string kPass = "$P$BiJ7Kj8WzJjpqvB1Xn2q3r4s5t6u7v.";
const std::string kSalt = "lik-test-key-0123456789lis-test-salt-9876543210";
const std::string kHmac = "294adcaf530630c0c2dbb1eff394dcf822df37be5748cdc895d1026a84d0d7e2";
const std::string kVerifier = "000e3188295c3c18088bdb4083d81ce510c7974930a1350150ba0ba7dd28103d";
const std::string kCookie = "alice|1900000000|" + kToken + "|" + kHmac;

// The ten salt constants with distinct values, LOGGED_IN_* from the worked vector.
std::map<std::string, std::string> DistinctConstants() {
    return {{"AUTH_KEY", "ak"},
            {"AUTH_SALT", "as"},
            {"SECURE_AUTH_KEY", "sak"},
            {"SECURE_AUTH_SALT", "sas"},
            {"LOGGED_IN_KEY", "lik-test-key-0123456789"},
            {"LOGGED_IN_SALT", "lis-test-salt-9876543210"},
            {"NONCE_KEY", "nk"},
            {"NONCE_SALT", "ns"}};
}

// A cookie for `login` minted as wp_generate_auth_cookie does, with an explicit pass_frag.
std::string Mint(const std::string& login, const std::string& frag, const std::string& salt) {
    const std::string exp = "1900000000";
    std::string key = core::HmacMd5Hex(salt, login + "|" + frag + "|" + exp + "|" + kToken);
    return login + "|" + exp + "|" + kToken + "|" +
           core::HmacSha256Hex(key, login + "|" + exp + "|" + kToken);
}

// Joins with ',' so that lists compare and print as one string.
std::string J(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::string Sessions(const std::string& entry) {
    return "a:1:{s:64:\"" + kVerifier + "\";" + entry + "}";
}

class WordPressAuthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WordPressAuthTest);
    CPPUNIT_TEST(testCookieNameOfExampleTest);
    CPPUNIT_TEST(testCookieNameWithoutSiteurlHasEmptyHash);
    CPPUNIT_TEST(testWorkedVectorFields);
    CPPUNIT_TEST(testWorkedVectorKey);
    CPPUNIT_TEST(testWorkedVectorHmac);
    CPPUNIT_TEST(testWorkedVectorVerifier);
    CPPUNIT_TEST(testWorkedVectorValidates);
    CPPUNIT_TEST(testFlippedHmacRejected);
    CPPUNIT_TEST(testOtherPasswordRejected);
    CPPUNIT_TEST(testExpiryForGet);
    CPPUNIT_TEST(testPostGraceOfOneHour);
    CPPUNIT_TEST(testFieldCountTable);
    CPPUNIT_TEST(testMalformedFieldsTable);
    CPPUNIT_TEST(testLongerPrintableTokenAccepted);
    CPPUNIT_TEST(testSaltFromConstants);
    CPPUNIT_TEST(testDuplicatedKeyIgnored);
    CPPUNIT_TEST(testValueSharedByKeyAndSaltIgnored);
    CPPUNIT_TEST(testPlaceholderIgnored);
    CPPUNIT_TEST(testAllPlaceholdersGiveBothOptions);
    CPPUNIT_TEST(testSecretKeyOnlyDebianCase);
    CPPUNIT_TEST(testLoggedInKeyWinsOverSecretKey);
    CPPUNIT_TEST(testFalsyConstantsIgnored);
    CPPUNIT_TEST(testMissingOrFalsyOptionGivesNoSalt);
    CPPUNIT_TEST(testOptionTextTable);
    CPPUNIT_TEST(testPassFragTable);
    CPPUNIT_TEST(testWpHashUsesLastFourBytes);
    CPPUNIT_TEST(testUnknownHashFormatAcceptsEitherFragment);
    CPPUNIT_TEST(testSessionExpirationTable);
    CPPUNIT_TEST(testRolesFromCapabilities);
    CPPUNIT_TEST(testParseDbHostTable);
    CPPUNIT_TEST(testTablePrefixTable);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testCookieNameOfExampleTest() {
        CPPUNIT_ASSERT_EQUAL(std::string("wordpress_logged_in_ea5889fdb264b2a3524c2b184cf4e8ad"),
                             LoggedInCookieName("http://example.test"));
    }

    void testCookieNameWithoutSiteurlHasEmptyHash() {
        CPPUNIT_ASSERT_EQUAL(std::string("wordpress_logged_in_"), LoggedInCookieName(""));
        CPPUNIT_ASSERT_EQUAL(std::string("wordpress_logged_in_"), LoggedInCookieName("0"));
        CPPUNIT_ASSERT_EQUAL(std::string("http://example.test"),
                             std::string(Untrailingslashit("http://example.test//")));
    }

    void testWorkedVectorFields() {
        auto c = ParseAuthCookie(kCookie);
        CPPUNIT_ASSERT(c.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), c->login);
        CPPUNIT_ASSERT_EQUAL(std::string("1900000000"), c->expiration);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1900000000}, c->expires);
        CPPUNIT_ASSERT_EQUAL(kToken, c->token);
        CPPUNIT_ASSERT_EQUAL(kHmac, c->hmac);
    }

    void testWorkedVectorKey() {
        auto c = ParseAuthCookie(kCookie);
        CPPUNIT_ASSERT_EQUAL(std::string("j8Wz"), J(PassFragCandidates(kPass)));
        CPPUNIT_ASSERT_EQUAL(std::string("d77a7af1316d9ee0e03add70b09dad73"),
                             CookieKey(*c, "j8Wz", kSalt));
    }

    void testWorkedVectorHmac() {
        auto c = ParseAuthCookie(kCookie);
        CPPUNIT_ASSERT_EQUAL(kHmac, CookieHmac(*c, "d77a7af1316d9ee0e03add70b09dad73"));
    }

    void testWorkedVectorVerifier() { CPPUNIT_ASSERT_EQUAL(kVerifier, TokenVerifier(kToken)); }

    void testWorkedVectorValidates() {
        CPPUNIT_ASSERT(CookieHmacValid(*ParseAuthCookie(kCookie), kPass, kSalt));
    }

    void testFlippedHmacRejected() {
        std::string flipped = kCookie;
        flipped.back() = flipped.back() == '2' ? '3' : '2';
        auto c = ParseAuthCookie(flipped);
        CPPUNIT_ASSERT(c.has_value());
        CPPUNIT_ASSERT(!CookieHmacValid(*c, kPass, kSalt));
        CPPUNIT_ASSERT(!CookieHmacValid(*ParseAuthCookie(kCookie), kPass, kSalt + "x"));
    }

    void testOtherPasswordRejected() {
        std::string changed = kPass;
        changed[9] = 'X';  // inside pass_frag: a password change logs every session out
        CPPUNIT_ASSERT(!CookieHmacValid(*ParseAuthCookie(kCookie), changed, kSalt));
    }

    void testExpiryForGet() {
        auto c = ParseAuthCookie(kCookie);
        CPPUNIT_ASSERT(!CookieExpired(*c, false, 1899999999));
        CPPUNIT_ASSERT(!CookieExpired(*c, false, 1900000000));
        CPPUNIT_ASSERT(CookieExpired(*c, false, 1900000001));
    }

    void testPostGraceOfOneHour() {
        auto c = ParseAuthCookie(kCookie);
        CPPUNIT_ASSERT(!CookieExpired(*c, true, 1900000001));
        CPPUNIT_ASSERT(!CookieExpired(*c, true, 1900003600));
        CPPUNIT_ASSERT(CookieExpired(*c, true, 1900003601));
    }

    void testFieldCountTable() {
        const std::vector<std::string> bad = {
            "",
            "alice|1900000000|" + kToken,
            "alice|1900000000|" + kToken + "|" + kHmac + "|extra",
            "alice|1900000000|" + kToken + "|" + kHmac + "|",
            "|alice|1900000000|" + kToken + "|" + kHmac,
            "alice|1900000000|" + kToken + kHmac,
        };
        for (const std::string& v : bad) CPPUNIT_ASSERT_MESSAGE(v, !ParseAuthCookie(v));
    }

    void testMalformedFieldsTable() {
        const std::string upper =
            "294ADCAF530630C0C2DBB1EFF394DCF822DF37BE5748CDC895D1026A84D0D7E2";
        const std::vector<std::string> bad = {
            "alice|1900000000|" + kToken + "|" + upper,                    // WP compares lowercase
            "alice|1900000000|" + kToken + "|" + kHmac.substr(1),          // 63 digits
            "alice|1900000000|" + kToken + "|" + kHmac + "0",              // 65 digits
            "alice|1900000000|" + kToken + "|" + "g" + kHmac.substr(1),    // not hex
            "alice|19000000x0|" + kToken + "|" + kHmac,                    // not digits
            "alice||" + kToken + "|" + kHmac,                              // empty expiration
            "alice|-1900000000|" + kToken + "|" + kHmac,                   // sign
            "alice|1234567890123456789|" + kToken + "|" + kHmac,           // 19 digits
            "|1900000000|" + kToken + "|" + kHmac,                         // empty login
            std::string("al\0ce|1900000000|", 17) + kToken + "|" + kHmac,  // NUL in login
            "al\nce|1900000000|" + kToken + "|" + kHmac,                   // control byte
            "alice|1900000000||" + kHmac,                                  // empty token
            "alice|1900000000|Tok en|" + kHmac,                            // space in token
            "alice|1900000000|" + std::string(257, 'T') + "|" + kHmac,     // token too long
            std::string(257, 'a') + "|1900000000|" + kToken + "|" + kHmac,
            "alice|1900000000|" + kToken + "|" + kHmac + std::string(4096, ' '),
        };
        for (const std::string& v : bad) CPPUNIT_ASSERT_MESSAGE(v, !ParseAuthCookie(v));
    }

    void testLongerPrintableTokenAccepted() {
        auto c = ParseAuthCookie("jé dupont|1900000000|" + std::string(256, 'T') + "|" + kHmac);
        CPPUNIT_ASSERT(c.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("jé dupont"), c->login);
    }

    void testSaltFromConstants() {
        SaltPlan plan = PlanLoggedInSalt(DistinctConstants());
        CPPUNIT_ASSERT(!plan.NeedsKeyOption() && !plan.NeedsSaltOption());
        CPPUNIT_ASSERT_EQUAL(kSalt, *ResolveLoggedInSalt(plan, std::nullopt, std::nullopt));
    }

    void testDuplicatedKeyIgnored() {
        auto constants = DistinctConstants();
        constants["NONCE_KEY"] = constants["LOGGED_IN_KEY"];
        SaltPlan plan = PlanLoggedInSalt(constants);
        CPPUNIT_ASSERT(plan.NeedsKeyOption());
        CPPUNIT_ASSERT_EQUAL(std::string("lis-test-salt-9876543210"), plan.salt);
        CPPUNIT_ASSERT_EQUAL(std::string("optkeylis-test-salt-9876543210"),
                             *ResolveLoggedInSalt(plan, std::string("optkey"), std::nullopt));
    }

    void testValueSharedByKeyAndSaltIgnored() {
        auto constants = DistinctConstants();
        constants["LOGGED_IN_SALT"] = "same";
        constants["AUTH_KEY"] = "same";
        SaltPlan plan = PlanLoggedInSalt(constants);
        CPPUNIT_ASSERT_EQUAL(std::string("lik-test-key-0123456789"), plan.key);
        CPPUNIT_ASSERT(plan.NeedsSaltOption());
    }

    void testPlaceholderIgnored() {
        auto constants = DistinctConstants();
        constants["LOGGED_IN_KEY"] = "put your unique phrase here";
        SaltPlan plan = PlanLoggedInSalt(constants);
        CPPUNIT_ASSERT(plan.NeedsKeyOption());
        CPPUNIT_ASSERT(!plan.NeedsSaltOption());
    }

    void testAllPlaceholdersGiveBothOptions() {
        std::map<std::string, std::string> constants;
        for (const auto& [name, value] : DistinctConstants()) {
            constants[name] = "put your unique phrase here";
        }
        SaltPlan plan = PlanLoggedInSalt(constants);
        CPPUNIT_ASSERT(plan.NeedsKeyOption() && plan.NeedsSaltOption());
        CPPUNIT_ASSERT_EQUAL(std::string("kk"
                                         "ss"),
                             *ResolveLoggedInSalt(plan, std::string("kk"), std::string("ss")));
    }

    void testSecretKeyOnlyDebianCase() {
        SaltPlan plan = PlanLoggedInSalt({{"SECRET_KEY", "debian-secret"}});
        CPPUNIT_ASSERT_EQUAL(std::string("debian-secret"), plan.key);
        CPPUNIT_ASSERT(plan.NeedsSaltOption());
        CPPUNIT_ASSERT(!ResolveLoggedInSalt(plan, std::string("unused"), std::nullopt));
        CPPUNIT_ASSERT_EQUAL(
            std::string("debian-secretoptsalt"),
            *ResolveLoggedInSalt(plan, std::string("unused"), std::string("optsalt")));
    }

    void testLoggedInKeyWinsOverSecretKey() {
        auto constants = DistinctConstants();
        constants["SECRET_KEY"] = "secret";
        CPPUNIT_ASSERT_EQUAL(std::string("lik-test-key-0123456789"),
                             PlanLoggedInSalt(constants).key);
        constants["SECRET_KEY"] = "ak";  // shared with AUTH_KEY: both are unset
        constants["LOGGED_IN_KEY"] = "put your unique phrase here";
        CPPUNIT_ASSERT(PlanLoggedInSalt(constants).NeedsKeyOption());
    }

    void testFalsyConstantsIgnored() {
        auto constants = DistinctConstants();
        constants["LOGGED_IN_KEY"] = "0";
        constants["LOGGED_IN_SALT"] = "";
        SaltPlan plan = PlanLoggedInSalt(constants);
        CPPUNIT_ASSERT(plan.NeedsKeyOption() && plan.NeedsSaltOption());
    }

    void testMissingOrFalsyOptionGivesNoSalt() {
        SaltPlan plan = PlanLoggedInSalt({});
        CPPUNIT_ASSERT(!ResolveLoggedInSalt(plan, std::nullopt, std::nullopt));
        CPPUNIT_ASSERT(!ResolveLoggedInSalt(plan, std::string("k"), std::nullopt));
        CPPUNIT_ASSERT(!ResolveLoggedInSalt(plan, std::string("k"), std::string("0")));
        CPPUNIT_ASSERT(!ResolveLoggedInSalt(plan, std::string(""), std::string("s")));
    }

    void testOptionTextTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"plain-key !@#$%^&*()", "plain-key !@#$%^&*()"},
            {"s:3:\"a;b\";", "a;b"},
            {"i:42;", "42"},
            {"b:0;", ""},
            {"N;", ""},
            {"http://example.test", "http://example.test"},
            {"a:1:{i:0;i:1;}", "a:1:{i:0;i:1;}"},
        };
        for (const auto& [in, want] : cases) CPPUNIT_ASSERT_EQUAL_MESSAGE(in, want, OptionText(in));
    }

    void testPassFragTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {kPass, "j8Wz"},
            {"$2y$10$WApUpq1d8nXGaH1LzvNmOeNiT0OL7uIq0vB0", "ApUp"},
            {"$wp$2y$10$abcdefghijklmnopxY9z", "xY9z"},
            {"$wp$", "$wp$"},
            {"$P$BiJ7Kj9", "j9"},  // PHP substr past the end: shorter, then empty
            {"$P$BiJ7K", ""},
            {"5f4dcc3b5aa765d61d8327deb882cf99", "5aa7,cf99"},  // ≤ 6.7 rule, ≥ 6.8 rule
            {"", ""},
        };
        for (const auto& [hash, want] : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(hash, want, J(PassFragCandidates(hash)));
        }
    }

    void testWpHashUsesLastFourBytes() {
        const std::string hash = "$wp$2y$10$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR";
        auto good = ParseAuthCookie(Mint("alice", "OPQR", kSalt));
        auto old_rule = ParseAuthCookie(Mint("alice", hash.substr(8, 4), kSalt));
        CPPUNIT_ASSERT(CookieHmacValid(*good, hash, kSalt));
        CPPUNIT_ASSERT(!CookieHmacValid(*old_rule, hash, kSalt));
    }

    void testUnknownHashFormatAcceptsEitherFragment() {
        const std::string md5 = "5f4dcc3b5aa765d61d8327deb882cf99";
        CPPUNIT_ASSERT(CookieHmacValid(*ParseAuthCookie(Mint("bob", "5aa7", kSalt)), md5, kSalt));
        CPPUNIT_ASSERT(CookieHmacValid(*ParseAuthCookie(Mint("bob", "cf99", kSalt)), md5, kSalt));
        CPPUNIT_ASSERT(!CookieHmacValid(*ParseAuthCookie(Mint("bob", "5f4d", kSalt)), md5, kSalt));
    }

    void testSessionExpirationTable() {
        const std::int64_t now = 1800000000;
        const std::string entry = "a:2:{s:10:\"expiration\";i:1900000000;s:5:\"login\";i:1;}";
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1900000000},
                             *SessionExpiration(Sessions(entry), kVerifier, now));
        CPPUNIT_ASSERT(SessionExpiration(Sessions(entry), kVerifier, 1900000000));
        CPPUNIT_ASSERT(!SessionExpiration(Sessions(entry), kVerifier, 1900000001));
        CPPUNIT_ASSERT(!SessionExpiration(Sessions(entry), TokenVerifier("other"), now));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1900000000},
                             *SessionExpiration(Sessions("i:1900000000;"), kVerifier, now));
        CPPUNIT_ASSERT(SessionExpiration(Sessions("a:1:{s:10:\"expiration\";s:10:\"1900000000\";}"),
                                         kVerifier, now));
        const std::vector<std::string> invalid = {
            "",
            "a:0:{}",
            "i:1900000000;",
            "garbage",
            Sessions("a:0:{}"),
            Sessions("s:10:\"1900000000\";"),
            Sessions("a:1:{s:5:\"login\";i:1;}"),
            Sessions("a:1:{s:10:\"expiration\";b:1;}"),
            Sessions("a:1:{s:10:\"expiration\";i:1900000000;}").substr(1)};
        for (const std::string& v : invalid) {
            CPPUNIT_ASSERT_MESSAGE(v, !SessionExpiration(v, kVerifier, now));
        }
    }

    void testRolesFromCapabilities() {
        CPPUNIT_ASSERT_EQUAL(std::string("administrator"),
                             J(RolesFromCapabilities("a:1:{s:13:\"administrator\";b:1;}")));
        CPPUNIT_ASSERT_EQUAL(
            std::string("editor,author"),
            J(RolesFromCapabilities(
                "a:3:{s:6:\"editor\";b:1;s:10:\"subscriber\";b:0;s:6:\"author\";i:1;}")));
        CPPUNIT_ASSERT_EQUAL(std::string(""), J(RolesFromCapabilities("a:1:{s:6:\"editor\";b:1;")));
        CPPUNIT_ASSERT_EQUAL(std::string(""), J(RolesFromCapabilities("")));
        CPPUNIT_ASSERT_EQUAL(std::string(""), J(RolesFromCapabilities("s:13:\"administrator\";")));
    }

    void testParseDbHostTable() {
        struct Case {
            std::string in, host;
            std::optional<unsigned> port;
            std::string socket;
        };
        const std::vector<Case> cases = {
            {"localhost", "localhost", std::nullopt, ""},
            {"db.example:3307", "db.example", 3307u, ""},
            {"localhost:/run/mysqld/mysqld.sock", "localhost", std::nullopt,
             "/run/mysqld/mysqld.sock"},
            {":/tmp/wpdb/sock", "localhost", std::nullopt, "/tmp/wpdb/sock"},
            {"127.0.0.1", "127.0.0.1", std::nullopt, ""},
            {"[::1]:3308", "::1", 3308u, ""},
            {"::1", "::1", std::nullopt, ""},
            {"db:99999", "db", std::nullopt, ""},
            {"", "localhost", std::nullopt, ""},
        };
        for (const Case& c : cases) {
            DbHost got = ParseDbHost(c.in);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.in, c.host, got.host);
            CPPUNIT_ASSERT_MESSAGE(c.in, c.port == got.port);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.in, c.socket, got.socket);
        }
    }

    void testTablePrefixTable() {
        CPPUNIT_ASSERT(ValidTablePrefix("wp_"));
        CPPUNIT_ASSERT(ValidTablePrefix("Site2_wp_"));
        CPPUNIT_ASSERT(!ValidTablePrefix(""));
        CPPUNIT_ASSERT(!ValidTablePrefix("wp-"));
        CPPUNIT_ASSERT(!ValidTablePrefix("wp_`;"));
        CPPUNIT_ASSERT(!ValidTablePrefix("{p}"));
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WordPressAuthTest, "host");
}  // namespace placette::host::wp
