// Tests for plugin/host/drupal (Drupal 7) against a real MariaDB (PLACETTE_TEST_DB) with Drupal
// 7's sessions/users/users_roles/role/variable tables (prefix d7t_); plus settings and links.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/db.h"
#include "plugin/host/drupal.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::StaffRole;
using core::db::Value;

const std::string kCookie = "SESS9b263fbcb589853137b33ddcafa5bcc5";  // example.test over HTTP
const std::string kSecureCookie = "SSESS9b263fbcb589853137b33ddcafa5bcc5";

// modules/system/system.install and modules/user/user.install of Drupal 7.x, as created by
// Drupal's MySQL schema driver (utf8, InnoDB).
const std::string kTail = " ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci";
const std::vector<std::string> kCreate = {
    R"(CREATE TABLE d7t_sessions (
  uid int(10) unsigned NOT NULL,
  sid varchar(128) NOT NULL,
  ssid varchar(128) NOT NULL DEFAULT '',
  hostname varchar(128) NOT NULL DEFAULT '',
  timestamp int(11) NOT NULL DEFAULT 0,
  cache int(11) NOT NULL DEFAULT 0,
  session longblob DEFAULT NULL,
  PRIMARY KEY (sid, ssid),
  KEY timestamp (timestamp),
  KEY uid (uid),
  KEY ssid (ssid)))" +
        kTail,
    R"(CREATE TABLE d7t_users (
  uid int(10) unsigned NOT NULL DEFAULT 0,
  name varchar(60) NOT NULL DEFAULT '',
  pass varchar(128) NOT NULL DEFAULT '',
  mail varchar(254) DEFAULT '',
  theme varchar(255) NOT NULL DEFAULT '',
  signature varchar(255) NOT NULL DEFAULT '',
  signature_format varchar(255) DEFAULT NULL,
  created int(11) NOT NULL DEFAULT 0,
  access int(11) NOT NULL DEFAULT 0,
  login int(11) NOT NULL DEFAULT 0,
  status tinyint(4) NOT NULL DEFAULT 0,
  timezone varchar(32) DEFAULT NULL,
  language varchar(12) NOT NULL DEFAULT '',
  picture int(11) NOT NULL DEFAULT 0,
  init varchar(254) DEFAULT '',
  data longblob DEFAULT NULL,
  PRIMARY KEY (uid),
  UNIQUE KEY name (name),
  KEY access (access),
  KEY created (created),
  KEY mail (mail),
  KEY picture (picture)))" +
        kTail,
    R"(CREATE TABLE d7t_users_roles (
  uid int(10) unsigned NOT NULL DEFAULT 0,
  rid int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (uid, rid),
  KEY rid (rid)))" +
        kTail,
    R"(CREATE TABLE d7t_role (
  rid int(10) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(64) NOT NULL DEFAULT '',
  weight int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (rid),
  UNIQUE KEY name (name),
  KEY name_weight (name, weight)))" +
        kTail,
    R"(CREATE TABLE d7t_variable (
  name varchar(128) NOT NULL DEFAULT '',
  value longblob NOT NULL,
  PRIMARY KEY (name)))" +
        kTail,
};

struct User {
    std::int64_t uid;
    std::string name;
    int status;
    std::vector<std::int64_t> rids;
};
const std::vector<User> kUsers = {{0, "", 0, {}},     {1, "root", 1, {}},  {5, "alice", 1, {3}},
                                  {6, "bob", 1, {4}}, {7, "carol", 1, {}}, {8, "dave", 0, {3}}};

// Session ids: 43 base64url characters, as drupal_random_key() makes them.
std::string Sid(const std::string& who) { return who + std::string(43 - who.size(), 'x'); }

http::Request Req(const std::string& name, const std::string& value, bool secure = false,
                  const std::string& host = "example.test") {
    http::Request r;
    r.method = "GET";
    r.params["HTTP_HOST"] = host;
    if (secure) r.params["HTTPS"] = "on";
    r.cookies[name] = value;
    return r;
}

class Drupal7DbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(Drupal7DbTest);
    CPPUNIT_TEST(testSessionsTable);
    CPPUNIT_TEST(testViewerFields);
    CPPUNIT_TEST(testExpiryFollowsTheClock);
    CPPUNIT_TEST(testHttpsSessionsUseSsid);
    CPPUNIT_TEST(testCookieNameFollowsHostAndBasePath);
    CPPUNIT_TEST(testCookieNameFromSettingsPhp);
    CPPUNIT_TEST(testConfiguredStaffRoles);
    CPPUNIT_TEST(testAdminRoleVariable);
    CPPUNIT_TEST(testPositiveAnswerCachedBriefly);
    CPPUNIT_TEST(testMalformedCookiesNeverQuery);
    CPPUNIT_TEST(testLinksAndSettings);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_d7t_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        DropTables();
        for (const std::string& sql : kCreate) Exec(sql);
        Exec(
            "INSERT INTO d7t_role (rid, name, weight) VALUES (1, 'anonymous user', 0), "
            "(2, 'authenticated user', 1), (3, 'administrator', 2), (4, 'editor', 3)");
        Exec("INSERT INTO d7t_variable (name, value) VALUES ('user_admin_role', 's:1:\"3\";')");
        for (const User& u : kUsers) {
            Exec("INSERT INTO d7t_users (uid, name, mail, status, created) VALUES (?, ?, ?, ?, 1)",
                 {u.uid, u.name, u.uid == 0 ? std::string() : u.name + "@example.test",
                  std::int64_t{u.status}});
            for (std::int64_t rid : u.rids) {
                Exec("INSERT INTO d7t_users_roles (uid, rid) VALUES (?, ?)", {u.uid, rid});
            }
        }
        pool_ = std::make_unique<core::db::Pool>(db_, 2);
        now_ = core::NowSeconds();
    }

    void tearDown() override {
        core::SetClockOffset(0);
        pool_.reset();
        if (admin_) DropTables();
        admin_.reset();
    }

    void testSessionsTable() {
        struct Case {
            std::string what, stored;
            std::int64_t uid, age;
            std::string cookie;
            std::int64_t want;
            StaffRole staff;
        };
        const std::vector<Case> cases = {
            {"admin role", Sid("alice"), 5, 0, Sid("alice"), 5, StaffRole::kAdmin},
            {"uid 1", Sid("root"), 1, 0, Sid("root"), 1, StaffRole::kAdmin},
            {"editor: no default", Sid("bob"), 6, 0, Sid("bob"), 6, StaffRole::kNone},
            {"no role", Sid("carol"), 7, 0, Sid("carol"), 7, StaffRole::kNone},
            {"blocked", Sid("dave"), 8, 0, Sid("dave"), 0, StaffRole::kNone},
            {"anonymous session", Sid("anon"), 0, 0, Sid("anon"), 0, StaffRole::kNone},
            {"older than gc", Sid("old"), 5, 200001, Sid("old"), 0, StaffRole::kNone},
            {"within gc", Sid("edge"), 5, 199990, Sid("edge"), 5, StaffRole::kAdmin},
            {"other case", Sid("upper"), 5, 0, Sid("UPPER"), 0, StaffRole::kNone},
            {"unknown", Sid("known"), 5, 0, Sid("unknown"), 0, StaffRole::kNone},
            {"no such user", Sid("ghost"), 99, 0, Sid("ghost"), 0, StaffRole::kNone},
        };
        for (const Case& c : cases) AddSession(c.uid, c.stored, "", now_ - c.age);
        auto host = Host();
        for (const Case& c : cases) {
            core::Viewer v = host->Identify(Req(kCookie, c.cookie), *pool_);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.want, v.user_id);
            CPPUNIT_ASSERT_MESSAGE(c.what, v.staff == c.staff);
        }
    }

    void testViewerFields() {
        AddSession(5, Sid("alice"), "", now_);
        core::Viewer v = Host()->Identify(Req(kCookie, Sid("alice")), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.login);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("alice@example.test"), v.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, v.roles.size());
        CPPUNIT_ASSERT_EQUAL(std::string("administrator"), v.roles[0]);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(Sid("alice")), v.session_key);
    }

    void testExpiryFollowsTheClock() {
        AddSession(7, Sid("carol"), "", now_ - 199990);
        auto host = Host();
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        core::SetClockOffset(11);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        auto longer = Host("gc_maxlifetime = 300000\n");
        CPPUNIT_ASSERT(!longer->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testHttpsSessionsUseSsid() {
        AddSession(7, Sid("carol"), Sid("carolsecure"), now_);
        auto host = Host();
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{7},
            host->Identify(Req(kSecureCookie, Sid("carolsecure"), true), *pool_).user_id);
        CPPUNIT_ASSERT(host->Identify(Req(kSecureCookie, Sid("carol"), true), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol"), true), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carolsecure")), *pool_).anonymous());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testCookieNameFollowsHostAndBasePath() {
        AddSession(7, Sid("carol"), "", now_);
        const std::string with_port =
            "SESS" + core::Sha256Hex("example.test:8080/drupal").substr(0, 32);
        auto host = Host("drupal_base_path = /drupal/\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        CPPUNIT_ASSERT(
            !host->Identify(Req(with_port, Sid("carol"), false, "Example.test:8080"), *pool_)
                 .anonymous());
        auto fixed = Host("cookie_name = SESSmine\n");
        CPPUNIT_ASSERT(
            !fixed->Identify(Req("SESSmine", Sid("carol"), false, "x"), *pool_).anonymous());
    }

    void testCookieNameFromSettingsPhp() {
        AddSession(7, Sid("carol"), "", now_);
        const std::string path = WriteSettings(
            "<?php\n$databases = array();\n$cookie_domain = '.ville.example';\n"
            "$base_url = 'http://example.test/d7';\n");
        auto host = Host("drupal_settings = " + path + "\n");
        const std::string name = "SESS" + core::Sha256Hex(".ville.example").substr(0, 32);
        CPPUNIT_ASSERT(
            !host->Identify(Req(name, Sid("carol"), false, "other"), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        const std::string base = WriteSettings("<?php\n$base_url = 'http://example.test';\n");
        auto by_base = Host("drupal_settings = " + base + "\n");
        CPPUNIT_ASSERT(
            !by_base->Identify(Req(kCookie, Sid("carol"), false, "x"), *pool_).anonymous());
        std::remove(path.c_str());
        std::remove(base.c_str());
    }

    void testConfiguredStaffRoles() {
        AddSession(6, Sid("bob"), "", now_);
        AddSession(7, Sid("carol"), "", now_);
        auto host = Host("staff_moderator_roles = editor, authenticated user\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("bob")), *pool_).staff ==
                       StaffRole::kModerator);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).staff ==
                       StaffRole::kNone);  // the implicit role is no row
        auto admins = Host("staff_admin_roles = editor\n");
        CPPUNIT_ASSERT(admins->Identify(Req(kCookie, Sid("bob")), *pool_).staff ==
                       StaffRole::kAdmin);
    }

    void testAdminRoleVariable() {
        AddSession(5, Sid("alice"), "", now_);
        AddSession(6, Sid("bob"), "", now_);
        Exec("UPDATE d7t_variable SET value = 'i:4;' WHERE name = 'user_admin_role'");
        auto host = Host("staff_admin_roles =\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("bob")), *pool_).staff == StaffRole::kAdmin);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("alice")), *pool_).staff ==
                       StaffRole::kNone);
        Exec("DELETE FROM d7t_variable");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("bob")), *pool_).staff == StaffRole::kNone);
    }

    void testPositiveAnswerCachedBriefly() {
        AddSession(7, Sid("carol"), "", now_);
        auto host = Host("cache_seconds = 5\n");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        Exec("DELETE FROM d7t_sessions");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        core::SetClockOffset(5);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        AddSession(7, Sid("carol"), "", now_ + 5);  // a negative answer was not kept
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testMalformedCookiesNeverQuery() {
        auto host = Host();
        Exec("DROP TABLE d7t_sessions");  // any lookup now fails
        const std::vector<std::string> malformed = {"",
                                                    "short",
                                                    Sid("carol") + "|x",
                                                    std::string(5000, 'a'),
                                                    "abc%7Cdef0123456789abc",
                                                    std::string("carol\0xxxxxxxxxxxxxxxxx", 22),
                                                    "caról-xxxxxxxxxxxxxxxxxxx"};
        for (const std::string& v : malformed) {
            CPPUNIT_ASSERT(host->Identify(Req(kCookie, v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT(host->Identify(http::Request{}, *pool_).anonymous());
        CPPUNIT_ASSERT_THROW(host->Identify(Req(kCookie, Sid("carol")), *pool_), core::db::DbError);
    }

    void testLinksAndSettings() {
        auto host = Host("drupal_url = http://example.test/\n");
        CPPUNIT_ASSERT_EQUAL(std::string("drupal7"), host->name());
        CPPUNIT_ASSERT_EQUAL(
            std::string("http://example.test/user/login?destination=participer%2Fp%3Fa%3D1"),
            host->LoginUrl("/participer/p?a=1"));
        CPPUNIT_ASSERT_EQUAL(std::string("http://example.test/user/logout"), host->LogoutUrl(""));
        auto sub = Host("drupal_url = http://example.test/drupal\ndrupal_base_path = /drupal\n");
        CPPUNIT_ASSERT_EQUAL(
            std::string("http://example.test/drupal/user/logout?destination=participer%2F"),
            sub->LogoutUrl("/drupal/participer/"));
        CPPUNIT_ASSERT_THROW(Host("table_prefix = d7t`\n"), core::ConfigError);
        CPPUNIT_ASSERT_THROW(Host("drupal_base_path = drupal\n"), core::ConfigError);
        CPPUNIT_ASSERT_THROW(Host("gc_maxlifetime = 10\n"), core::ConfigError);
        CPPUNIT_ASSERT_THROW(Host("drupal_settings = /nonexistent/settings.php\n"),
                             core::ConfigError);
    }

  private:
    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("drupal7_test", sql, params);
    }

    void DropTables() {
        for (const char* t :
             {"d7t_sessions", "d7t_users", "d7t_users_roles", "d7t_role", "d7t_variable"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    // As _drupal_session_write stores a session: the raw cookie value in sid (and ssid).
    void AddSession(std::int64_t uid, const std::string& sid, const std::string& ssid,
                    std::int64_t timestamp) {
        Exec(
            "INSERT INTO d7t_sessions (uid, sid, ssid, hostname, timestamp, cache, session) "
            "VALUES (?, ?, ?, '127.0.0.1', ?, 0, 'messages|a:0:{}')",
            {uid, sid, ssid, timestamp});
    }

    static std::string WriteSettings(const std::string& text) {
        char name[] = "/tmp/placette-d7settings-XXXXXX";
        int fd = mkstemp(name);
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        close(fd);
        std::ofstream(name) << text;
        return name;
    }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = drupal7\ntable_prefix = d7t_\ncache_seconds = 0\n" + extra, "test");
        config.db = db_;
        return MakeDrupal7Host(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::int64_t now_ = 0;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(Drupal7DbTest, "host");
}  // namespace placette::host
