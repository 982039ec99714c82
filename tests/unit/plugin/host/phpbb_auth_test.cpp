// Unit tests for plugin/host/phpbb_auth: the spec's autologin key vector (A.4), sid format,
// phpBB's IP, user-agent, forwarded-for and referer rules, session age and user types.
#include "plugin/host/phpbb_auth.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::host::phpbb {
namespace {

class PhpbbAuthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PhpbbAuthTest);
    CPPUNIT_TEST(testAutologinKeyVector);
    CPPUNIT_TEST(testSessionIdFormat);
    CPPUNIT_TEST(testRulesFromConfig);
    CPPUNIT_TEST(testRequestString);
    CPPUNIT_TEST(testClientIp);
    CPPUNIT_TEST(testShortIpv6);
    CPPUNIT_TEST(testSameIpTable);
    CPPUNIT_TEST(testSameBrowser);
    CPPUNIT_TEST(testForwardedFor);
    CPPUNIT_TEST(testCurrentHostname);
    CPPUNIT_TEST(testRefererValidTable);
    CPPUNIT_TEST(testSessionValidUntil);
    CPPUNIT_TEST(testRegisteredUser);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testAutologinKeyVector() {
        CPPUNIT_ASSERT_EQUAL(std::string("868aa3c4f20823c048c24a795213a2da"),
                             AutologinKeyId("autologinkey"));
    }

    void testSessionIdFormat() {
        CPPUNIT_ASSERT(ValidSessionId("868aa3c4f20823c048c24a795213a2da"));
        for (const char* bad :
             {"868AA3C4F20823C048C24A795213A2DA", "868aa3c4f20823c048c24a795213a2d",
              "868aa3c4f20823c048c24a795213a2da0", "868aa3c4f20823c048c24a795213a2dg", ""}) {
            CPPUNIT_ASSERT_MESSAGE(bad, !ValidSessionId(bad));
        }
    }

    void testRulesFromConfig() {
        SessionRules def = RulesFromConfig({});
        CPPUNIT_ASSERT_EQUAL(3, def.ip_check);
        CPPUNIT_ASSERT(def.browser_check && !def.forwarded_for_check && def.allow_autologin);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3600}, def.session_length);
        SessionRules r = RulesFromConfig({{"ip_check", "4"},
                                          {"browser_check", "0"},
                                          {"forwarded_for_check", "1"},
                                          {"session_length", "900"},
                                          {"allow_autologin", "0"},
                                          {"max_autologin_time", "30"},
                                          {"referer_validation", "9"},
                                          {"server_name", "x.test"}});
        CPPUNIT_ASSERT_EQUAL(4, r.ip_check);
        CPPUNIT_ASSERT(!r.browser_check && r.forwarded_for_check && !r.allow_autologin);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{900}, r.session_length);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{30}, r.max_autologin_time);
        CPPUNIT_ASSERT_EQUAL(1, r.referer_validation);  // out of range: default kept
        CPPUNIT_ASSERT_EQUAL(std::string("x.test"), r.server_name);
    }

    void testRequestString() {
        CPPUNIT_ASSERT_EQUAL(std::string("Mozilla &quot;x&quot; &lt;y&gt; &amp; 'z'"),
                             RequestString("  Mozilla \"x\" <y> & 'z'\t"));
        CPPUNIT_ASSERT_EQUAL(std::string("a\nb\nc"), RequestString(std::string("a\r\nb\rc\0", 7)));
        CPPUNIT_ASSERT_EQUAL(std::string(""), RequestString("bad \xC3\x28 utf8"));
        CPPUNIT_ASSERT_EQUAL(std::string("caf\xC3\xA9"), RequestString("caf\xC3\xA9"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), RequestString("\xED\xA0\x80"));  // a surrogate
    }

    void testClientIp() {
        struct Case {
            std::string remote, want;
        };
        const std::vector<Case> cases = {
            {"192.168.1.20", "192.168.1.20"},
            {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
            {"::ffff:10.1.2.3", "10.1.2.3"},
            {"", "127.0.0.1"},
            {"not-an-ip", "127.0.0.1"},
            {"10.0.0.1, 10.0.0.2", "10.0.0.2"},
            {"10.0.0.1 junk 10.0.0.2", "10.0.0.1"},
            {"010.0.0.1", "127.0.0.1"},
        };
        for (const Case& c : cases)
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.remote, c.want, ClientIp(c.remote));
    }

    void testShortIpv6() {
        CPPUNIT_ASSERT_EQUAL(std::string("2001:db8:0000:0000"), ShortIpv6("2001:db8::1", 3));
        CPPUNIT_ASSERT_EQUAL(std::string("0000:0000:0000:0000:0000:0000:0000:1"),
                             ShortIpv6("::1", 4));
        CPPUNIT_ASSERT_EQUAL(std::string("2001:db8:1"), ShortIpv6("2001:db8:1:2:3:4:5:6", 2));
        CPPUNIT_ASSERT_EQUAL(std::string(""), ShortIpv6("2001:db8::1", 0));
    }

    void testSameIpTable() {
        struct Case {
            std::string session, user;
            int check;
            bool same;
        };
        const std::vector<Case> cases = {
            {"192.168.1.20", "192.168.1.77", 3, true},
            {"192.168.1.20", "192.168.2.20", 3, false},
            {"192.168.1.20", "192.168.2.20", 2, true},
            {"192.168.1.20", "192.168.1.21", 4, false},
            {"192.168.1.20", "10.0.0.1", 0, true},
            {"2001:db8:1:2::10", "2001:db8:1:2::99", 3, true},
            {"2001:db8:1:2::10", "2001:db8:1:3::10", 3, false},
            {"2001:db8::10", "2001:db8::11", 4, false},
            {"2001:db8::10", "192.168.1.20", 3, false},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.session + " " + c.user, c.same,
                                         SameIp(c.session, c.user, c.check));
        }
    }

    void testSameBrowser() {
        const std::string ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
        CPPUNIT_ASSERT(SameBrowser(ua, "MOZILLA/5.0 (x11; linux x86_64) firefox/128.0  ", true));
        CPPUNIT_ASSERT(!SameBrowser(ua, "curl/8.0", true));
        CPPUNIT_ASSERT(SameBrowser(ua, "curl/8.0", false));
        const std::string long_ua(149, 'a');
        CPPUNIT_ASSERT(SameBrowser(long_ua, long_ua + "tail beyond 149", true));
    }

    void testForwardedFor() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), ForwardedFor("10.0.0.1", false));
        CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.1 10.0.0.2"),
                             ForwardedFor("10.0.0.1,  10.0.0.2", true));
        CPPUNIT_ASSERT_EQUAL(std::string(""), ForwardedFor("10.0.0.1, evil", true));
        CPPUNIT_ASSERT(SameForwardedFor("a", "b", false));
        CPPUNIT_ASSERT(!SameForwardedFor("10.0.0.1", "10.0.0.2", true));
        CPPUNIT_ASSERT(SameForwardedFor(std::string(254, '1') + "x", std::string(254, '1'), true));
    }

    void testCurrentHostname() {
        SessionRules r;
        r.server_name = "forum.example:8080";
        CPPUNIT_ASSERT_EQUAL(std::string("example.test"), CurrentHostname("Example.TEST:8080", r));
        CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.1"), CurrentHostname("10.0.0.1", r));
        CPPUNIT_ASSERT_EQUAL(std::string("[::1]"), CurrentHostname("[::1]:80", r));
        // Equal to server_name: kept whole, port included, as phpBB does.
        CPPUNIT_ASSERT_EQUAL(std::string("forum.example:8080"), CurrentHostname("", r));
        CPPUNIT_ASSERT_EQUAL(std::string("forum.example"), CurrentHostname(":8080", r));
    }

    void testRefererValidTable() {
        SessionRules r;
        struct Case {
            std::string method, referer;
            bool valid;
        };
        const std::vector<Case> cases = {
            {"GET", "http://evil.test/", true},
            {"POST", "", true},
            {"POST", "http://example.test/participer/", true},
            {"POST", "https://EXAMPLE.test:8443/x", true},
            {"POST", "http://evil.test/example.test", false},
            {"POST", "http://example.test.evil/", true},  // phpBB compares a prefix only
            {"HEAD", "http://evil.test/", false},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.method + " " + c.referer, c.valid,
                                         RefererValid(c.method, c.referer, "example.test", r));
        }
        r.referer_validation = 0;
        CPPUNIT_ASSERT(RefererValid("POST", "http://evil.test/", "example.test", r));
        r.referer_validation = 1;
        r.force_server_vars = true;
        r.server_name = "evil.test";
        CPPUNIT_ASSERT(RefererValid("POST", "http://evil.test/", "example.test", r));
    }

    void testSessionValidUntil() {
        SessionRules r;
        const std::int64_t now = 1000000;
        CPPUNIT_ASSERT(SessionValidUntil(now - 3660, false, r, now) == now);
        CPPUNIT_ASSERT(!SessionValidUntil(now - 3661, false, r, now));
        CPPUNIT_ASSERT(SessionValidUntil(now - 400 * 86400, true, r, now) == now + 86400);
        r.max_autologin_time = 30;
        CPPUNIT_ASSERT(SessionValidUntil(now - 30 * 86400 + 60, true, r, now) == now);
        CPPUNIT_ASSERT(!SessionValidUntil(now - 30 * 86400 + 59, true, r, now));
        r.allow_autologin = false;
        CPPUNIT_ASSERT(!SessionValidUntil(now, true, r, now));
    }

    void testRegisteredUser() {
        CPPUNIT_ASSERT(RegisteredUser(2, kUserNormal));
        CPPUNIT_ASSERT(RegisteredUser(2, kUserFounder));
        CPPUNIT_ASSERT(!RegisteredUser(2, 1));  // USER_INACTIVE
        CPPUNIT_ASSERT(!RegisteredUser(2, 2));  // USER_IGNORE (bots)
        CPPUNIT_ASSERT(!RegisteredUser(kAnonymousUserId, kUserNormal));
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PhpbbAuthTest, "host");
}  // namespace placette::host::phpbb
