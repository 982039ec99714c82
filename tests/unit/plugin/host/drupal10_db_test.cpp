// Tests for plugin/host/drupal (Drupal 10) against a real MariaDB (PLACETTE_TEST_DB) with Drupal
// 10's sessions/users_field_data/user__roles/config tables (prefix d10t_).
#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/db.h"
#include "plugin/host/drupal.h"
#include "plugin/host/drupal_auth.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::StaffRole;
using core::db::Value;

const std::string kCookie = "SESS9b263fbcb589853137b33ddcafa5bcc5";  // example.test over HTTP
const std::string kSecureCookie = "SSESS9b263fbcb589853137b33ddcafa5bcc5";

// SessionHandler::schemaDefinition, the user entity's field tables and the config table of
// Drupal 10 as its MySQL driver creates them (utf8mb4_general_ci; varchar_ascii is ascii).
const std::string kTail = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";
const std::string kAscii = " CHARACTER SET ascii COLLATE ascii_general_ci";
const std::vector<std::string> kCreate = {
    "CREATE TABLE d10t_sessions (\n"
    "  uid int(10) unsigned NOT NULL,\n"
    "  sid varchar(128)" +
        kAscii +
        " NOT NULL,\n"
        "  hostname varchar(128)" +
        kAscii +
        " NOT NULL DEFAULT '',\n"
        "  timestamp bigint(20) NOT NULL DEFAULT 0,\n"
        "  session longblob DEFAULT NULL,\n"
        "  PRIMARY KEY (sid), KEY timestamp (timestamp), KEY uid (uid))" +
        kTail,
    "CREATE TABLE d10t_users_field_data (\n"
    "  uid int(10) unsigned NOT NULL,\n"
    "  langcode varchar(12)" +
        kAscii +
        " NOT NULL,\n"
        "  preferred_langcode varchar(12)" +
        kAscii +
        " DEFAULT NULL,\n"
        "  preferred_admin_langcode varchar(12)" +
        kAscii +
        " DEFAULT NULL,\n"
        "  name varchar(60) NOT NULL,\n"
        "  pass varchar(255) DEFAULT NULL,\n"
        "  mail varchar(254) DEFAULT NULL,\n"
        "  timezone varchar(32) DEFAULT NULL,\n"
        "  status tinyint(4) DEFAULT NULL,\n"
        "  created int(11) NOT NULL,\n"
        "  changed int(11) DEFAULT NULL,\n"
        "  access int(11) NOT NULL,\n"
        "  login int(11) DEFAULT NULL,\n"
        "  init varchar(254) DEFAULT NULL,\n"
        "  default_langcode tinyint(4) NOT NULL,\n"
        "  PRIMARY KEY (uid, langcode),\n"
        "  UNIQUE KEY user__name (name, langcode),\n"
        "  KEY user_field__mail (mail(191)),\n"
        "  KEY user_field__created (created),\n"
        "  KEY user_field__access (access),\n"
        "  KEY user__id__default_langcode__langcode (uid, default_langcode, langcode))" +
        kTail,
    "CREATE TABLE d10t_user__roles (\n"
    "  bundle varchar(128)" +
        kAscii +
        " NOT NULL DEFAULT '',\n"
        "  deleted tinyint(4) NOT NULL DEFAULT 0,\n"
        "  entity_id int(10) unsigned NOT NULL,\n"
        "  revision_id int(10) unsigned NOT NULL,\n"
        "  langcode varchar(32)" +
        kAscii +
        " NOT NULL DEFAULT '',\n"
        "  delta int(10) unsigned NOT NULL,\n"
        "  roles_target_id varchar(255)" +
        kAscii +
        " NOT NULL,\n"
        "  PRIMARY KEY (entity_id, deleted, delta, langcode),\n"
        "  KEY bundle (bundle), KEY revision_id (revision_id),\n"
        "  KEY roles_target_id (roles_target_id))" +
        kTail,
    "CREATE TABLE d10t_config (\n"
    "  collection varchar(255)" +
        kAscii +
        " NOT NULL DEFAULT '',\n"
        "  name varchar(255) NOT NULL DEFAULT '',\n"
        "  data longblob DEFAULT NULL,\n"
        "  PRIMARY KEY (collection, name))" +
        kTail,
};

// A role config entity as Drupal serializes it.
std::string RoleData(const std::string& id, bool is_admin) {
    return "a:8:{s:4:\"uuid\";s:36:\"00000000-0000-4000-8000-000000000000\";s:8:\"langcode\";"
           "s:2:\"en\";s:6:\"status\";b:1;s:12:\"dependencies\";a:0:{}s:2:\"id\";s:" +
           std::to_string(id.size()) + ":\"" + id +
           "\";s:6:\"weight\";i:2;s:8:\"is_admin\";b:" + (is_admin ? "1" : "0") +
           ";s:11:\"permissions\";a:1:{i:0;s:14:\"access content\";}}";
}

struct User {
    std::int64_t uid;
    std::string name;
    int status;
    std::vector<std::string> roles;
};
const std::vector<User> kUsers = {{0, "", 0, {}},
                                  {1, "admin", 1, {}},
                                  {5, "alice", 1, {"webmaster", "content_editor"}},
                                  {6, "bob", 1, {"content_editor"}},
                                  {7, "carol", 1, {}},
                                  {8, "dave", 0, {"webmaster"}},
                                  {9, "erin", 1, {"administrator"}}};

// Crypt::randomBytesBase64() session ids: 43 base64url characters.
std::string Sid(const std::string& who) { return who + std::string(43 - who.size(), 'Q'); }

http::Request Req(const std::string& name, const std::string& value, bool secure = false) {
    http::Request r;
    r.method = "GET";
    r.params["HTTP_HOST"] = "example.test:8443";  // Drupal 10 names the cookie without the port
    if (secure) r.params["HTTPS"] = "on";
    r.cookies[name] = value;
    return r;
}

class Drupal10DbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(Drupal10DbTest);
    CPPUNIT_TEST(testSessionsTable);
    CPPUNIT_TEST(testViewerFields);
    CPPUNIT_TEST(testExpiryFollowsTheClock);
    CPPUNIT_TEST(testSecureCookieSameSession);
    CPPUNIT_TEST(testConfiguredStaffRoles);
    CPPUNIT_TEST(testMalformedCookiesNeverQuery);
    CPPUNIT_TEST(testLinks);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_d10t_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        DropTables();
        for (const std::string& sql : kCreate) Exec(sql);
        for (const auto& [id, is_admin] :
             std::vector<std::pair<std::string, bool>>{{"anonymous", false},
                                                       {"authenticated", false},
                                                       {"content_editor", false},
                                                       {"administrator", true},
                                                       {"webmaster", true}}) {
            Exec("INSERT INTO d10t_config (collection, name, data) VALUES ('', ?, ?)",
                 {"user.role." + id, RoleData(id, is_admin)});
        }
        for (const User& u : kUsers) AddUser(u);
        // A translation of alice's account: the query must not double her.
        Exec(
            "INSERT INTO d10t_users_field_data (uid, langcode, name, mail, status, created, "
            "access, default_langcode) VALUES (5, 'fr', 'alice', 'alice@example.test', 1, 1, 0, "
            "0)");
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
            std::string what;
            std::int64_t uid, age;
            std::string stored, cookie;
            std::int64_t want;
            StaffRole staff;
        };
        const std::vector<Case> cases = {
            {"is_admin role", 5, 0, Hashed("alice"), Sid("alice"), 5, StaffRole::kAdmin},
            {"uid 1", 1, 0, Hashed("admin"), Sid("admin"), 1, StaffRole::kAdmin},
            {"content editor", 6, 0, Hashed("bob"), Sid("bob"), 6, StaffRole::kModerator},
            {"authenticated only", 7, 0, Hashed("carol"), Sid("carol"), 7, StaffRole::kNone},
            {"administrator", 9, 0, Hashed("erin"), Sid("erin"), 9, StaffRole::kAdmin},
            {"blocked", 8, 0, Hashed("dave"), Sid("dave"), 0, StaffRole::kNone},
            {"anonymous session", 0, 0, Hashed("anon"), Sid("anon"), 0, StaffRole::kNone},
            {"older than gc", 7, 200001, Hashed("old"), Sid("old"), 0, StaffRole::kNone},
            {"within gc", 7, 199990, Hashed("edge"), Sid("edge"), 7, StaffRole::kNone},
            {"stored unhashed", 7, 0, Sid("raw"), Sid("raw"), 0, StaffRole::kNone},
            {"unknown", 7, 0, Hashed("known"), Sid("unknown"), 0, StaffRole::kNone},
            {"hash sent as cookie", 7, 0, Hashed("hash"), Hashed("hash"), 0, StaffRole::kNone},
        };
        for (const Case& c : cases) AddSession(c.uid, c.stored, now_ - c.age);
        auto host = Host();
        for (const Case& c : cases) {
            core::Viewer v = host->Identify(Req(kCookie, c.cookie), *pool_);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.want, v.user_id);
            CPPUNIT_ASSERT_MESSAGE(c.what, v.staff == c.staff);
        }
    }

    void testViewerFields() {
        AddSession(5, Hashed("alice"), now_);
        core::Viewer v = Host()->Identify(Req(kCookie, Sid("alice")), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.login);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("alice@example.test"), v.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, v.roles.size());
        CPPUNIT_ASSERT_EQUAL(std::string("webmaster"), v.roles[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("content_editor"), v.roles[1]);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(Sid("alice")), v.session_key);
    }

    void testExpiryFollowsTheClock() {
        AddSession(7, Hashed("carol"), now_ - 3590);
        auto host = Host("gc_maxlifetime = 3600\n");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        core::SetClockOffset(11);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testSecureCookieSameSession() {
        AddSession(7, Hashed("carol"), now_);
        auto host = Host();
        CPPUNIT_ASSERT(!host->Identify(Req(kSecureCookie, Sid("carol"), true), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol"), true), *pool_).anonymous());
        auto named = Host("session_name = www.ville.example\n");
        const std::string name = "SESS" + core::Sha256Hex("www.ville.example").substr(0, 32);
        CPPUNIT_ASSERT(!named->Identify(Req(name, Sid("carol")), *pool_).anonymous());
        CPPUNIT_ASSERT(named->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testConfiguredStaffRoles() {
        AddSession(6, Hashed("bob"), now_);
        AddSession(9, Hashed("erin"), now_);
        auto host = Host("staff_admin_roles = content_editor\nstaff_moderator_roles =\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("bob")), *pool_).staff == StaffRole::kAdmin);
        // administrator stays admin by its is_admin flag, whatever the list says.
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("erin")), *pool_).staff ==
                       StaffRole::kAdmin);
        Exec("UPDATE d10t_config SET data = ? WHERE name = 'user.role.administrator'",
             {RoleData("administrator", false)});
        auto plain = Host("staff_admin_roles =\n");
        CPPUNIT_ASSERT(plain->Identify(Req(kCookie, Sid("erin")), *pool_).staff ==
                       StaffRole::kNone);
    }

    void testMalformedCookiesNeverQuery() {
        auto host = Host();
        Exec("DROP TABLE d10t_sessions");
        for (const std::string& v : {std::string(""), std::string("x"), Sid("a") + "=",
                                     std::string(129, 'a'), std::string("a b c d e f g h i j")}) {
            CPPUNIT_ASSERT(host->Identify(Req(kCookie, v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT_THROW(host->Identify(Req(kCookie, Sid("carol")), *pool_), core::db::DbError);
    }

    void testLinks() {
        core::Config config;
        config.ini = core::Ini::Parse("[host]\ntype = drupal10\n", "test");
        config.host_url = "https://www.ville.example/";
        auto host = MakeDrupal10Host(config);
        CPPUNIT_ASSERT_EQUAL(std::string("drupal10"), host->name());
        CPPUNIT_ASSERT_EQUAL(
            std::string("https://www.ville.example/user/login?destination=%2Fparticiper%2Fme"),
            host->LoginUrl("/participer/me"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("https://www.ville.example/user/logout?destination=%2Fparticiper%2F"),
            host->LogoutUrl("/participer/"));
    }

  private:
    static std::string Hashed(const std::string& who) { return drupal::HashBase64(Sid(who)); }

    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("drupal10_test", sql, params);
    }

    void DropTables() {
        for (const char* t :
             {"d10t_sessions", "d10t_users_field_data", "d10t_user__roles", "d10t_config"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    void AddUser(const User& u) {
        Exec(
            "INSERT INTO d10t_users_field_data (uid, langcode, preferred_langcode, name, mail, "
            "status, created, access, default_langcode) VALUES (?, 'en', 'en', ?, ?, ?, 1, 0, 1)",
            {u.uid, u.name, u.name + "@example.test", std::int64_t{u.status}});
        std::int64_t delta = 0;
        for (const std::string& role : u.roles) {
            Exec(
                "INSERT INTO d10t_user__roles (bundle, deleted, entity_id, revision_id, "
                "langcode, delta, roles_target_id) VALUES ('user', 0, ?, ?, 'en', ?, ?)",
                {u.uid, u.uid, delta++, role});
        }
    }

    void AddSession(std::int64_t uid, const std::string& sid, std::int64_t timestamp) {
        Exec(
            "INSERT INTO d10t_sessions (uid, sid, hostname, timestamp, session) "
            "VALUES (?, ?, '127.0.0.1', ?, ?)",
            {uid, sid, timestamp, std::string("_sf2_attributes|a:1:{s:3:\"uid\";i:1;}")});
    }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = drupal10\ntable_prefix = d10t_\ncache_seconds = 0\n" + extra, "test");
        config.db = db_;
        return MakeDrupal10Host(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::int64_t now_ = 0;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(Drupal10DbTest, "host");
}  // namespace placette::host
