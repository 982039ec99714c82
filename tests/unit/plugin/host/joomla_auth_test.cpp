// Unit tests for plugin/host/joomla_auth: the spec's site cookie vector (A.5), shared-session
// names, session id format and lifetime, configuration.php properties and $host forms.
#include "plugin/host/joomla_auth.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::host::joomla {
namespace {

// configuration.php as Joomla 4's Global Configuration writes it (Registry PHP format).
const std::string kConfiguration = R"(<?php
class JConfig {
	public $offline = false;
	public $sitename = 'Ville d\'Exemple';
	public $dbtype = 'mysqli';
	public $host = 'localhost:/run/mysqld/mysqld.sock';
	public $user = 'joomla';
	public $password = 'p\\w\'d';
	public $db = 'joomla_db';
	public $dbprefix = 'x1y2z_';
	// public $secret = 'commented-out';
	/* public $lifetime = '99'; */
	public $secret = 's3cr3t';
	public $lifetime = '30';
	public $session_handler = 'database';
	public $shared_session = false;
	public $session_metadata = true;
	public $list_limit = 20;
	public $live_site = "http://example.test/$x";
	public $MetaDesc = "Line\nTwo";
	public $cookie_domain = '';
})";

class JoomlaAuthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JoomlaAuthTest);
    CPPUNIT_TEST(testSiteCookieVector);
    CPPUNIT_TEST(testSharedSessionName);
    CPPUNIT_TEST(testSessionIdFormat);
    CPPUNIT_TEST(testSessionFreshBoundary);
    CPPUNIT_TEST(testConfigurationProperties);
    CPPUNIT_TEST(testConfigurationOddities);
    CPPUNIT_TEST(testDbHostTable);
    CPPUNIT_TEST(testReturnParam);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testSiteCookieVector() {
        CPPUNIT_ASSERT_EQUAL(std::string("415d7fd7e7981430667c8bd86739bf02"),
                             SiteCookieName("s3cr3t", ""));
    }

    void testSharedSessionName() {
        CPPUNIT_ASSERT_EQUAL(std::string("415d7fd7e7981430667c8bd86739bf02"),
                             SiteCookieName("s3cr3t", kSiteApplication));
        CPPUNIT_ASSERT(SiteCookieName("s3cr3t", "aBcDeFgH12345678") !=
                       SiteCookieName("s3cr3t", ""));
    }

    void testSessionIdFormat() {
        struct Case {
            std::string sid;
            bool valid;
        };
        const std::vector<Case> cases = {
            {"0123456789abcdefghijklmnopqrstuv", true},
            {"4f1ns8o6v9ad2mk3rl5c0dqe7b", true},
            {"Ab-,0123456789ABCDEF", true},
            {"0123456789abcde", false},
            {std::string(192, 'a'), true},
            {std::string(193, 'a'), false},
            {"0123456789abcdef_", false},
            {"0123456789abcdef'--", false},
            {"", false},
        };
        for (const Case& c : cases) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.sid, c.valid, ValidSessionId(c.sid));
        }
    }

    void testSessionFreshBoundary() {
        CPPUNIT_ASSERT(SessionFresh(1000 - 15 * 60, 1000, 15));
        CPPUNIT_ASSERT(!SessionFresh(999 - 15 * 60, 1000, 15));
    }

    void testConfigurationProperties() {
        auto p = ParseConfigurationPhp(kConfiguration);
        CPPUNIT_ASSERT_EQUAL(std::string("s3cr3t"), p.at("secret"));
        CPPUNIT_ASSERT_EQUAL(std::string("30"), p.at("lifetime"));
        CPPUNIT_ASSERT_EQUAL(std::string("x1y2z_"), p.at("dbprefix"));
        CPPUNIT_ASSERT_EQUAL(std::string("Ville d'Exemple"), p.at("sitename"));
        CPPUNIT_ASSERT_EQUAL(std::string("p\\w'd"), p.at("password"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), p.at("offline"));
        CPPUNIT_ASSERT_EQUAL(std::string("1"), p.at("session_metadata"));
        CPPUNIT_ASSERT_EQUAL(std::string("20"), p.at("list_limit"));
        CPPUNIT_ASSERT_EQUAL(std::string("Line\nTwo"), p.at("MetaDesc"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, p.count("live_site"));  // interpolated: unknown
        CPPUNIT_ASSERT_EQUAL(std::string(""), p.at("cookie_domain"));
    }

    void testConfigurationOddities() {
        CPPUNIT_ASSERT(ParseConfigurationPhp("").empty());
        CPPUNIT_ASSERT(ParseConfigurationPhp("<?php public $x = 'unterminated").empty());
        CPPUNIT_ASSERT(ParseConfigurationPhp("public $x = foo();").empty());
        auto p = ParseConfigurationPhp("var $a = '1'; public $b = -5; PUBLIC $c = \"q\";");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), p.at("a"));
        CPPUNIT_ASSERT_EQUAL(std::string("-5"), p.at("b"));
        CPPUNIT_ASSERT_EQUAL(std::string("q"), p.at("c"));
    }

    void testDbHostTable() {
        struct Case {
            std::string in;
            std::optional<std::string> host, socket;
            std::optional<unsigned> port;
        };
        const std::vector<Case> cases = {
            {"localhost", "localhost", std::nullopt, std::nullopt},
            {"db.example:3307", "db.example", std::nullopt, 3307u},
            {"localhost:/run/mysqld/mysqld.sock", "localhost", "/run/mysqld/mysqld.sock",
             std::nullopt},
            {"unix:/tmp/my.sock", std::nullopt, "/tmp/my.sock", std::nullopt},
            {"[::1]:3308", "[::1]", std::nullopt, 3308u},
            {":3309", std::nullopt, std::nullopt, 3309u},
        };
        for (const Case& c : cases) {
            HostDbCredentials d = ParseDbHost(c.in);
            CPPUNIT_ASSERT_MESSAGE(c.in, d.host == c.host);
            CPPUNIT_ASSERT_MESSAGE(c.in, d.socket == c.socket);
            CPPUNIT_ASSERT_MESSAGE(c.in, d.port == c.port);
        }
    }

    void testReturnParam() {
        CPPUNIT_ASSERT_EQUAL(std::string("aHR0cDovL2V4YW1wbGUudGVzdC9wYXJ0aWNpcGVyL21lP2E9MQ=="),
                             ReturnParam("http://example.test/participer/me?a=1"));
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JoomlaAuthTest, "host");
}  // namespace placette::host::joomla
