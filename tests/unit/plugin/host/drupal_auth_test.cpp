// Unit tests for plugin/host/drupal_auth: the spec's vectors (A.2/A.3 cookie name, A.3 stored
// sid), session names of both versions, session id format, age rule and admin role data.
#include "plugin/host/drupal_auth.h"

#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <vector>

namespace placette::host::drupal {
namespace {

class DrupalAuthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DrupalAuthTest);
    CPPUNIT_TEST(testCookieNameVector);
    CPPUNIT_TEST(testSecureCookieNameVector);
    CPPUNIT_TEST(testHashBase64Vector);
    CPPUNIT_TEST(testDrupal7SessionNameKeepsPort);
    CPPUNIT_TEST(testDrupal7SessionNameFromBaseUrl);
    CPPUNIT_TEST(testDrupal10SessionNameDropsPortAndCore);
    CPPUNIT_TEST(testSessionIdFormat);
    CPPUNIT_TEST(testSessionFreshBoundary);
    CPPUNIT_TEST(testAdminRoleId);
    CPPUNIT_TEST(testRoleConfigIsAdmin);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testCookieNameVector() {
        CPPUNIT_ASSERT_EQUAL(std::string("SESS9b263fbcb589853137b33ddcafa5bcc5"),
                             SessionCookieName("example.test", false));
    }

    void testSecureCookieNameVector() {
        CPPUNIT_ASSERT_EQUAL(std::string("SSESS9b263fbcb589853137b33ddcafa5bcc5"),
                             SessionCookieName("example.test", true));
    }

    void testHashBase64Vector() {
        CPPUNIT_ASSERT_EQUAL(std::string("p-4bvCFSfLAN8hJmq1PnuFsRfzWaggLaTaaRTJs7jpE"),
                             HashBase64("abcdefSESSIONID0123456789"));
    }

    void testDrupal7SessionNameKeepsPort() {
        struct Case {
            std::string host, base, want;
        };
        const std::vector<Case> cases = {
            {"example.test", "", "example.test"},
            {"Example.TEST:8080", "/drupal", "example.test:8080/drupal"},
            {"example.test", "/drupal/", "example.test/drupal"},
            {"", "", ""},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.host + c.base, c.want,
                                         Drupal7SessionName(c.host, c.base));
        }
        CPPUNIT_ASSERT_EQUAL(std::string("SESS9b263fbcb589853137b33ddcafa5bcc5"),
                             SessionCookieName(Drupal7SessionName("example.test", ""), false));
    }

    void testDrupal7SessionNameFromBaseUrl() {
        CPPUNIT_ASSERT_EQUAL(std::string("example.test"),
                             Drupal7SessionNameFromBaseUrl("http://example.test"));
        CPPUNIT_ASSERT_EQUAL(std::string("example.test:8443/d7"),
                             Drupal7SessionNameFromBaseUrl("https://example.test:8443/d7"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), Drupal7SessionNameFromBaseUrl("example.test"));
    }

    void testDrupal10SessionNameDropsPortAndCore() {
        struct Case {
            std::string host, base, want;
        };
        const std::vector<Case> cases = {
            {"example.test", "", "example.test"},
            {"Example.test:8080", "/drupal", "example.test/drupal"},
            {"example.test", "/core", "example.test"},
            {"example.test", "/d10/core", "example.test/d10"},
            {"[::1]:8080", "", "[::1]"},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.host + c.base, c.want,
                                         Drupal10SessionName(c.host, c.base));
        }
    }

    void testSessionIdFormat() {
        struct Case {
            std::string sid;
            bool valid;
        };
        const std::vector<Case> cases = {
            {"p-4bvCFSfLAN8hJmq1PnuFsRfzWaggLaTaaRTJs7jpE", true},
            {"abcdefSESSIONID0123456789", true},
            {"0123456789abcdef", true},
            {"0123456789abcde", false},  // too short
            {std::string(128, 'a'), true},
            {std::string(129, 'a'), false},
            {"abcdefSESSIONID01234567+9", false},
            {"abcdefSESSIONID01234567 9", false},
            {"abcdefSESSIONID0123456%7C", false},
            {std::string("abcdefSESSIONID0123\0"
                         "456789",
                         25),
             false},
            {"", false},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.sid, c.valid, ValidSessionId(c.sid));
        }
    }

    void testSessionFreshBoundary() {
        CPPUNIT_ASSERT(SessionFresh(1000 - kDefaultGcMaxlifetime, 1000, kDefaultGcMaxlifetime));
        CPPUNIT_ASSERT(!SessionFresh(999 - kDefaultGcMaxlifetime, 1000, kDefaultGcMaxlifetime));
        CPPUNIT_ASSERT(SessionFresh(2000, 1000, 60));  // written "in the future": still fresh
    }

    void testAdminRoleId() {
        struct Case {
            std::string value;
            std::optional<std::int64_t> want;
        };
        const std::vector<Case> cases = {
            {"i:3;", 3},
            {"s:1:\"3\";", 3},
            {"i:0;", std::nullopt},
            {"s:1:\"x\";", std::nullopt},
            {"b:1;", std::nullopt},
            {"3", std::nullopt},
            {"", std::nullopt},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_MESSAGE(c.value, AdminRoleId(c.value) == c.want);
        }
    }

    void testRoleConfigIsAdmin() {
        const std::string admin =
            "a:6:{s:8:\"langcode\";s:2:\"en\";s:6:\"status\";b:1;s:2:\"id\";s:13:\"administrator\";"
            "s:5:\"label\";s:13:\"Administrator\";s:8:\"is_admin\";b:1;s:11:\"permissions\";a:0:{}"
            "}";
        const std::string editor =
            "a:4:{s:2:\"id\";s:14:\"content_editor\";s:8:\"is_admin\";b:0;"
            "s:11:\"permissions\";a:1:{i:0;s:13:\"access content\";}s:6:\"weight\";i:2;}";
        CPPUNIT_ASSERT(RoleConfigIsAdmin(admin));
        CPPUNIT_ASSERT(!RoleConfigIsAdmin(editor));
        CPPUNIT_ASSERT(!RoleConfigIsAdmin("a:1:{s:2:\"id\";s:1:\"x\";}"));  // no is_admin key
        CPPUNIT_ASSERT(!RoleConfigIsAdmin("a:1:{s:8:\"is_admin\";b:1;"));   // truncated
        CPPUNIT_ASSERT(!RoleConfigIsAdmin(""));
        CPPUNIT_ASSERT(RoleConfigIsAdmin("a:1:{s:8:\"is_admin\";i:1;}"));
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DrupalAuthTest, "host");
}  // namespace placette::host::drupal
