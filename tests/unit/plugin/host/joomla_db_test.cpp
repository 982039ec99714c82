// Tests for plugin/host/joomla against a real MariaDB (PLACETTE_TEST_DB) with Joomla 4/5's
// #__session/#__users/#__user_usergroup_map/#__usergroups tables (prefix jmt_).
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
#include "plugin/host/joomla.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::StaffRole;
using core::db::Value;

const std::string kCookie = "415d7fd7e7981430667c8bd86739bf02";  // md5("s3cr3t" . SiteApplication)

// installation/sql/mysql/base.sql of Joomla 4/5.
const std::string kTail =
    " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 DEFAULT COLLATE=utf8mb4_unicode_ci";
const std::vector<std::string> kCreate = {
    R"(CREATE TABLE IF NOT EXISTS `jmt_session` (
  `session_id` varbinary(192) NOT NULL,
  `client_id` tinyint unsigned DEFAULT NULL,
  `guest` tinyint unsigned DEFAULT 1,
  `time` int NOT NULL DEFAULT 0,
  `data` mediumtext,
  `userid` int DEFAULT 0,
  `username` varchar(150) DEFAULT '',
  PRIMARY KEY (`session_id`),
  KEY `userid` (`userid`),
  KEY `time` (`time`),
  KEY `client_id_guest` (`client_id`, `guest`)))" +
        kTail,
    R"(CREATE TABLE IF NOT EXISTS `jmt_users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(400) NOT NULL DEFAULT '',
  `username` varchar(150) NOT NULL DEFAULT '',
  `email` varchar(100) NOT NULL DEFAULT '',
  `password` varchar(100) NOT NULL DEFAULT '',
  `block` tinyint NOT NULL DEFAULT 0,
  `sendEmail` tinyint DEFAULT 0,
  `registerDate` datetime NOT NULL,
  `lastvisitDate` datetime,
  `activation` varchar(100) NOT NULL DEFAULT '',
  `params` text NOT NULL,
  `lastResetTime` datetime COMMENT 'Date of last password reset',
  `resetCount` int NOT NULL DEFAULT 0 COMMENT 'Count of password resets since lastResetTime',
  `otpKey` varchar(1000) NOT NULL DEFAULT '' COMMENT 'Two factor authentication encrypted keys',
  `otep` varchar(1000) NOT NULL DEFAULT '' COMMENT 'One time emergency passwords',
  `requireReset` tinyint NOT NULL DEFAULT 0 COMMENT 'Require user to reset password on next login',
  `authProvider` varchar(100) NOT NULL DEFAULT '' COMMENT 'Name of used authentication plugin',
  PRIMARY KEY (`id`),
  KEY `idx_name` (`name`(100)),
  KEY `idx_block` (`block`),
  UNIQUE KEY `idx_username` (`username`),
  KEY `email` (`email`)))" +
        kTail,
    R"(CREATE TABLE IF NOT EXISTS `jmt_user_usergroup_map` (
  `user_id` int unsigned NOT NULL DEFAULT 0 COMMENT 'Foreign Key to #__users.id',
  `group_id` int unsigned NOT NULL DEFAULT 0 COMMENT 'Foreign Key to #__usergroups.id',
  PRIMARY KEY (`user_id`,`group_id`)))" +
        kTail,
    R"(CREATE TABLE IF NOT EXISTS `jmt_usergroups` (
  `id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Primary Key',
  `parent_id` int unsigned NOT NULL DEFAULT 0 COMMENT 'Adjacency List Reference Id',
  `lft` int NOT NULL DEFAULT 0 COMMENT 'Nested set lft.',
  `rgt` int NOT NULL DEFAULT 0 COMMENT 'Nested set rgt.',
  `title` varchar(100) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `idx_usergroup_parent_title_lookup` (`parent_id`,`title`),
  KEY `idx_usergroup_title_lookup` (`title`),
  KEY `idx_usergroup_adjacency_lookup` (`parent_id`),
  KEY `idx_usergroup_nested_set_lookup` (`lft`,`rgt`) USING BTREE))" +
        kTail,
    // The installer's default groups, plus a "Webmasters" group under Super Users.
    "INSERT INTO `jmt_usergroups` (`id`, `parent_id`, `lft`, `rgt`, `title`) VALUES "
    "(1, 0, 1, 20, 'Public'), (2, 1, 8, 15, 'Registered'), (3, 2, 9, 14, 'Author'), "
    "(4, 3, 10, 13, 'Editor'), (5, 4, 11, 12, 'Publisher'), (6, 1, 4, 7, 'Manager'), "
    "(7, 6, 5, 6, 'Administrator'), (8, 1, 16, 19, 'Super Users'), (9, 1, 2, 3, 'Guest'), "
    "(10, 8, 17, 18, 'Webmasters')",
};

struct User {
    std::int64_t id;
    std::string username, name;
    int block;
    std::vector<std::int64_t> groups;
};
const std::vector<User> kUsers = {
    {42, "super", "Super Admin", 0, {8}},   {43, "alice", "Alice Martin", 0, {2, 7}},
    {44, "bob", "Bob Durand", 0, {4}},      {45, "carol", "", 0, {2}},
    {46, "dave", "Dave Bloque", 1, {2, 8}}, {47, "paul", "Paul Publie", 0, {5}},
    {48, "mona", "Mona Manage", 0, {6}},    {49, "wendy", "Wendy Web", 0, {10}},
};

// PHP session ids (session.sid_length 32, 5 bits per character).
std::string Sid(const std::string& who) { return who + std::string(32 - who.size(), 'v'); }

http::Request Req(const std::string& name, const std::string& value) {
    http::Request r;
    r.method = "GET";
    r.cookies[name] = value;
    return r;
}

class JoomlaDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JoomlaDbTest);
    CPPUNIT_TEST(testSessionsTable);
    CPPUNIT_TEST(testViewerFields);
    CPPUNIT_TEST(testExpiryFollowsTheClock);
    CPPUNIT_TEST(testConfiguredStaffGroups);
    CPPUNIT_TEST(testPositiveAnswerCachedBriefly);
    CPPUNIT_TEST(testMalformedCookiesNeverQuery);
    CPPUNIT_TEST(testConfigurationPhp);
    CPPUNIT_TEST(testSettingsAndLinks);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_jmt_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        DropTables();
        for (const std::string& sql : kCreate) Exec(sql);
        for (const User& u : kUsers) {
            Exec(
                "INSERT INTO jmt_users (id, name, username, email, password, block, "
                "registerDate, params) VALUES (?, ?, ?, ?, '$2y$10$x', ?, NOW(), '{}')",
                {u.id, u.name, u.username, u.username + "@example.test", std::int64_t{u.block}});
            for (std::int64_t g : u.groups) {
                Exec("INSERT INTO jmt_user_usergroup_map (user_id, group_id) VALUES (?, ?)",
                     {u.id, g});
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
            std::string what, who;
            std::optional<std::int64_t> client;
            int guest;
            std::int64_t user, age, want;
            StaffRole staff;
        };
        const std::vector<Case> cases = {
            {"super user", "super", 0, 0, 42, 0, 42, StaffRole::kAdmin},
            {"administrator", "alice", 0, 0, 43, 0, 43, StaffRole::kAdmin},
            {"editor", "bob", 0, 0, 44, 0, 44, StaffRole::kModerator},
            {"registered", "carol", 0, 0, 45, 0, 45, StaffRole::kNone},
            {"blocked", "dave", 0, 0, 46, 0, 0, StaffRole::kNone},
            {"publisher under editor", "paul", 0, 0, 47, 0, 47, StaffRole::kModerator},
            {"manager", "mona", 0, 0, 48, 0, 48, StaffRole::kModerator},
            {"group under super users", "wendy", 0, 0, 49, 0, 49, StaffRole::kAdmin},
            {"shared session", "shared", std::nullopt, 0, 45, 0, 45, StaffRole::kNone},
            {"administrator app", "backend", 1, 0, 43, 0, 0, StaffRole::kNone},
            {"guest flag", "guest", 0, 1, 45, 0, 0, StaffRole::kNone},
            {"no user id", "nouser", 0, 0, 0, 0, 0, StaffRole::kNone},
            {"older than lifetime", "old", 0, 0, 45, 15 * 60 + 1, 0, StaffRole::kNone},
            {"within lifetime", "edge", 0, 0, 45, 15 * 60 - 5, 45, StaffRole::kNone},
            {"no such user", "ghost", 0, 0, 99, 0, 0, StaffRole::kNone},
        };
        for (const Case& c : cases) AddSession(Sid(c.who), c.client, c.guest, c.user, now_ - c.age);
        auto host = Host();
        for (const Case& c : cases) {
            core::Viewer v = host->Identify(Req(kCookie, Sid(c.who)), *pool_);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.want, v.user_id);
            CPPUNIT_ASSERT_MESSAGE(c.what, v.staff == c.staff);
        }
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("unknown")), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("SUPER")), *pool_).anonymous());
    }

    void testViewerFields() {
        AddSession(Sid("alice"), 0, 0, 43, now_);
        AddSession(Sid("carol"), 0, 0, 45, now_);
        auto host = Host();
        core::Viewer v = host->Identify(Req(kCookie, Sid("alice")), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.login);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice Martin"), v.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("alice@example.test"), v.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, v.roles.size());  // direct groups only
        CPPUNIT_ASSERT_EQUAL(std::string("Administrator"), v.roles[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("Registered"), v.roles[1]);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(Sid("alice")), v.session_key);
        CPPUNIT_ASSERT_EQUAL(std::string("carol"),
                             host->Identify(Req(kCookie, Sid("carol")), *pool_).display_name);
    }

    void testExpiryFollowsTheClock() {
        AddSession(Sid("carol"), 0, 0, 45, now_ - 15 * 60 + 10);
        auto host = Host("cache_seconds = 30\n");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        core::SetClockOffset(11);  // the cache entry ends with the session
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        CPPUNIT_ASSERT(
            !Host("lifetime = 60\n")->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testConfiguredStaffGroups() {
        AddSession(Sid("carol"), 0, 0, 45, now_);
        AddSession(Sid("bob"), 0, 0, 44, now_);
        auto host = Host("staff_admin_roles = Registered\nstaff_moderator_roles =\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).staff ==
                       StaffRole::kAdmin);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("bob")), *pool_).staff ==
                       StaffRole::kAdmin);  // Editor descends from Registered
    }

    void testPositiveAnswerCachedBriefly() {
        AddSession(Sid("carol"), 0, 0, 45, now_);
        auto host = Host("cache_seconds = 5\n");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        Exec("DELETE FROM jmt_session");  // logged out on Joomla
        CPPUNIT_ASSERT(!host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
        core::SetClockOffset(5);
        CPPUNIT_ASSERT(host->Identify(Req(kCookie, Sid("carol")), *pool_).anonymous());
    }

    void testMalformedCookiesNeverQuery() {
        auto host = Host();
        Exec("DROP TABLE jmt_session");
        for (const std::string& v : {std::string(""), std::string("short"), Sid("a") + "'",
                                     std::string(193, 'a'), Sid("a").replace(3, 1, "%")}) {
            CPPUNIT_ASSERT(host->Identify(Req(kCookie, v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT_THROW(host->Identify(Req(kCookie, Sid("carol")), *pool_), core::db::DbError);
    }

    void testConfigurationPhp() {
        AddSession(Sid("carol"), 0, 0, 45, now_ - 25 * 60);
        const std::string path = WriteFile(
            "<?php\nclass JConfig {\n\tpublic $secret = 's3cr3t';\n\tpublic $dbprefix = 'jmt_';\n"
            "\tpublic $lifetime = '30';\n\tpublic $host = 'db.example:3307';\n"
            "\tpublic $db = 'joomla';\n\tpublic $user = 'joomla';\n\tpublic $password = "
            "'pw';\n}\n");
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = joomla\ncache_seconds = 0\njoomla_config = " + path + "\n", "test");
        JoomlaSettings s = LoadJoomlaSettings(config);
        CPPUNIT_ASSERT_EQUAL(kCookie, s.cookie_name);
        CPPUNIT_ASSERT_EQUAL(std::string("jmt_"), s.table_prefix);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{30}, s.lifetime_minutes);
        CPPUNIT_ASSERT_EQUAL(std::string("joomla"), config.db.name);
        CPPUNIT_ASSERT_EQUAL(std::string("db.example"), config.db.host);
        CPPUNIT_ASSERT_EQUAL(3307u, config.db.port);
        JoomlaHost host(s);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{45},
                             host.Identify(Req(kCookie, Sid("carol")), *pool_).user_id);
        std::ofstream(path) << "<?php\nclass JConfig {\n\tpublic $secret = 's3cr3t';\n"
                               "\tpublic $session_name = 'aBcDeFgH12345678';\n}\n";
        core::Config shared;
        shared.ini = core::Ini::Parse("[host]\ntype = joomla\njoomla_config = " + path + "\n", "t");
        shared.db = db_;
        CPPUNIT_ASSERT_EQUAL(core::Md5Hex("s3cr3taBcDeFgH12345678"),
                             LoadJoomlaSettings(shared).cookie_name);
        std::remove(path.c_str());
    }

    void testSettingsAndLinks() {
        core::Config none;
        none.ini = core::Ini::Parse("[host]\ntype = joomla\n", "test");
        CPPUNIT_ASSERT_THROW(LoadJoomlaSettings(none), core::ConfigError);
        CPPUNIT_ASSERT_THROW(Host("table_prefix = a b\n"), core::ConfigError);
        auto host = Host("joomla_url = https://www.ville.example/\n");
        CPPUNIT_ASSERT_EQUAL(std::string("joomla"), host->name());
        // base64("https://www.ville.example/participer/me"), then URL-encoded.
        CPPUNIT_ASSERT_EQUAL(std::string("https://www.ville.example/index.php?option=com_users&"
                                         "view=login&return=aHR0cHM6Ly93d3cudmlsbGUuZXhhbXBsZS9w"
                                         "YXJ0aWNpcGVyL21l"),
                             host->LoginUrl("/participer/me"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("https://www.ville.example/index.php?option=com_users&view=login"),
            host->LogoutUrl(""));
    }

  private:
    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("joomla_test", sql, params);
    }

    void DropTables() {
        for (const char* t :
             {"jmt_session", "jmt_users", "jmt_user_usergroup_map", "jmt_usergroups"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    // As MetadataManager::createSessionRecord stores the row.
    void AddSession(const std::string& sid, std::optional<std::int64_t> client, int guest,
                    std::int64_t user, std::int64_t time) {
        Value c = client ? Value{*client} : Value{core::db::Null{}};
        Exec(
            "INSERT INTO jmt_session (session_id, client_id, guest, time, data, userid, "
            "username) VALUES (?, ?, ?, ?, '', ?, '')",
            {sid, c, std::int64_t{guest}, time, user});
    }

    static std::string WriteFile(const std::string& text) {
        char name[] = "/tmp/placette-joomla-XXXXXX";
        int fd = mkstemp(name);
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        close(fd);
        std::ofstream(name) << text;
        return name;
    }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = joomla\nsecret = s3cr3t\ntable_prefix = jmt_\ncache_seconds = 0\n" +
                extra,
            "test");
        config.db = db_;
        return MakeJoomlaHost(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::int64_t now_ = 0;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JoomlaDbTest, "host");
}  // namespace placette::host
