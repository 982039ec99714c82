// Tests for plugin/host/phpbb against a real MariaDB (PLACETTE_TEST_DB) with phpBB 3.3's
// sessions/users/sessions_keys/config/user_group/groups tables (prefix pbt_).
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/db.h"
#include "plugin/host/phpbb.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::StaffRole;
using core::db::Value;

const std::string kUa = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const std::string kIp = "192.168.1.20";

// phpBB 3.3's install/schemas (generated for MySQL ≥ 4.1 with utf8mb4_bin), trimmed of nothing
// that the adapter or these tests touch.
const std::string kTail = " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
const std::vector<std::string> kCreate = {
    R"(CREATE TABLE pbt_sessions (
	session_id char(32) DEFAULT '' NOT NULL,
	session_user_id int(10) UNSIGNED DEFAULT '0' NOT NULL,
	session_last_visit int(11) UNSIGNED DEFAULT '0' NOT NULL,
	session_start int(11) UNSIGNED DEFAULT '0' NOT NULL,
	session_time int(11) UNSIGNED DEFAULT '0' NOT NULL,
	session_ip varchar(40) DEFAULT '' NOT NULL,
	session_browser varchar(150) DEFAULT '' NOT NULL,
	session_forwarded_for varchar(255) DEFAULT '' NOT NULL,
	session_page varchar(255) DEFAULT '' NOT NULL,
	session_viewonline tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	session_autologin tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	session_admin tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	session_forum_id mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	PRIMARY KEY (session_id),
	KEY session_time (session_time),
	KEY session_user_id (session_user_id),
	KEY session_fid (session_forum_id)))" +
        kTail,
    R"(CREATE TABLE pbt_sessions_keys (
	key_id char(32) DEFAULT '' NOT NULL,
	user_id int(10) UNSIGNED DEFAULT '0' NOT NULL,
	last_ip varchar(40) DEFAULT '' NOT NULL,
	last_login int(11) UNSIGNED DEFAULT '0' NOT NULL,
	PRIMARY KEY (key_id, user_id),
	KEY last_login (last_login)))" +
        kTail,
    R"(CREATE TABLE pbt_config (
	config_name varchar(255) DEFAULT '' NOT NULL,
	config_value varchar(255) DEFAULT '' NOT NULL,
	is_dynamic tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	PRIMARY KEY (config_name),
	KEY is_dynamic (is_dynamic)))" +
        kTail,
    R"(CREATE TABLE pbt_user_group (
	group_id mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	user_id int(10) UNSIGNED DEFAULT '0' NOT NULL,
	group_leader tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	user_pending tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	KEY group_id (group_id),
	KEY user_id (user_id),
	KEY group_leader (group_leader)))" +
        kTail,
    R"(CREATE TABLE pbt_groups (
	group_id mediumint(8) UNSIGNED NOT NULL auto_increment,
	group_type tinyint(4) DEFAULT '1' NOT NULL,
	group_founder_manage tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	group_skip_auth tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	group_name varchar(255) DEFAULT '' NOT NULL,
	group_desc text NOT NULL,
	group_desc_bitfield varchar(255) DEFAULT '' NOT NULL,
	group_desc_options int(11) UNSIGNED DEFAULT '7' NOT NULL,
	group_desc_uid varchar(8) DEFAULT '' NOT NULL,
	group_display tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	group_avatar varchar(255) DEFAULT '' NOT NULL,
	group_avatar_type varchar(255) DEFAULT '' NOT NULL,
	group_avatar_width smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	group_avatar_height smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	group_rank mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	group_colour varchar(6) DEFAULT '' NOT NULL,
	group_sig_chars mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	group_receive_pm tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	group_message_limit mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	group_legend mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	group_max_recipients mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	PRIMARY KEY (group_id),
	KEY group_legend_name (group_legend, group_name)))" +
        kTail,
    R"(CREATE TABLE pbt_users (
	user_id int(10) UNSIGNED NOT NULL auto_increment,
	user_type tinyint(2) DEFAULT '0' NOT NULL,
	group_id mediumint(8) UNSIGNED DEFAULT '3' NOT NULL,
	user_permissions mediumtext NOT NULL,
	user_perm_from mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	user_ip varchar(40) DEFAULT '' NOT NULL,
	user_regdate int(11) UNSIGNED DEFAULT '0' NOT NULL,
	username varchar(255) DEFAULT '' NOT NULL,
	username_clean varchar(255) DEFAULT '' NOT NULL,
	user_password varchar(255) DEFAULT '' NOT NULL,
	user_passchg int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_email varchar(100) DEFAULT '' NOT NULL,
	user_birthday varchar(10) DEFAULT '' NOT NULL,
	user_lastvisit int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_last_active int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_lastmark int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_lastpost_time int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_lastpage varchar(200) DEFAULT '' NOT NULL,
	user_last_confirm_key varchar(10) DEFAULT '' NOT NULL,
	user_last_search int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_warnings tinyint(4) DEFAULT '0' NOT NULL,
	user_last_warning int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_login_attempts tinyint(4) DEFAULT '0' NOT NULL,
	user_inactive_reason tinyint(2) DEFAULT '0' NOT NULL,
	user_inactive_time int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_posts mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	user_lang varchar(30) DEFAULT '' NOT NULL,
	user_timezone varchar(100) DEFAULT '' NOT NULL,
	user_dateformat varchar(64) DEFAULT 'd M Y H:i' NOT NULL,
	user_style mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	user_rank mediumint(8) UNSIGNED DEFAULT '0' NOT NULL,
	user_colour varchar(6) DEFAULT '' NOT NULL,
	user_new_privmsg int(4) DEFAULT '0' NOT NULL,
	user_unread_privmsg int(4) DEFAULT '0' NOT NULL,
	user_last_privmsg int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_message_rules tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	user_full_folder int(11) DEFAULT '-3' NOT NULL,
	user_emailtime int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_topic_show_days smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	user_topic_sortby_type varchar(1) DEFAULT 't' NOT NULL,
	user_topic_sortby_dir varchar(1) DEFAULT 'd' NOT NULL,
	user_post_show_days smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	user_post_sortby_type varchar(1) DEFAULT 't' NOT NULL,
	user_post_sortby_dir varchar(1) DEFAULT 'a' NOT NULL,
	user_notify tinyint(1) UNSIGNED DEFAULT '0' NOT NULL,
	user_notify_pm tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_notify_type tinyint(4) DEFAULT '0' NOT NULL,
	user_allow_pm tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_allow_viewonline tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_allow_viewemail tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_allow_massemail tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_options int(11) UNSIGNED DEFAULT '230271' NOT NULL,
	user_avatar varchar(255) DEFAULT '' NOT NULL,
	user_avatar_type varchar(255) DEFAULT '' NOT NULL,
	user_avatar_width smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	user_avatar_height smallint(4) UNSIGNED DEFAULT '0' NOT NULL,
	user_sig mediumtext NOT NULL,
	user_sig_bbcode_uid varchar(8) DEFAULT '' NOT NULL,
	user_sig_bbcode_bitfield varchar(255) DEFAULT '' NOT NULL,
	user_jabber varchar(255) DEFAULT '' NOT NULL,
	user_actkey varchar(32) DEFAULT '' NOT NULL,
	user_actkey_expiration int(11) UNSIGNED DEFAULT '0' NOT NULL,
	reset_token varchar(64) DEFAULT '' NOT NULL,
	reset_token_expiration int(11) UNSIGNED DEFAULT '0' NOT NULL,
	user_newpasswd varchar(255) DEFAULT '' NOT NULL,
	user_form_salt varchar(32) DEFAULT '' NOT NULL,
	user_new tinyint(1) UNSIGNED DEFAULT '1' NOT NULL,
	user_reminded tinyint(4) DEFAULT '0' NOT NULL,
	user_reminded_time int(11) UNSIGNED DEFAULT '0' NOT NULL,
	PRIMARY KEY (user_id),
	KEY user_birthday (user_birthday),
	KEY user_type (user_type),
	KEY user_email (user_email),
	UNIQUE KEY username_clean (username_clean)))" +
        kTail,
};

struct User {
    std::int64_t id;
    int type;
    std::string name;
    std::vector<std::pair<std::int64_t, int>> groups;  // group_id, user_pending
};
const std::vector<User> kUsers = {
    {1, 2, "Anonymous", {{1, 0}}},     {2, 3, "Founder", {{2, 0}, {5, 0}}},
    {5, 0, "Alice", {{2, 0}, {5, 0}}}, {6, 0, "Bob", {{2, 0}, {4, 0}}},
    {7, 0, "Carol", {{2, 0}}},         {8, 1, "Dave", {{2, 0}}},  // USER_INACTIVE
    {9, 2, "Googlebot", {{6, 0}}},                                // USER_IGNORE
    {10, 0, "Erin", {{2, 0}, {5, 1}}},                            // pending in ADMINISTRATORS
};

std::string Sid(const std::string& who) { return core::Md5Hex(who); }

http::Request Req(const std::string& sid, const std::string& ip = "192.168.1.77",
                  const std::string& ua = kUa, const std::string& method = "GET") {
    http::Request r;
    r.method = method;
    r.params["REMOTE_ADDR"] = ip;
    r.params["HTTP_USER_AGENT"] = ua;
    r.params["HTTP_HOST"] = "example.test";
    r.cookies["phpbb3_abcde_sid"] = sid;
    r.cookies["phpbb3_abcde_u"] = "5";
    return r;
}

class PhpbbDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PhpbbDbTest);
    CPPUNIT_TEST(testSessionsTable);
    CPPUNIT_TEST(testViewerFields);
    CPPUNIT_TEST(testIpBinding);
    CPPUNIT_TEST(testBrowserBinding);
    CPPUNIT_TEST(testForwardedForBinding);
    CPPUNIT_TEST(testRefererOfWrites);
    CPPUNIT_TEST(testAutologinLimits);
    CPPUNIT_TEST(testExpiryFollowsTheClock);
    CPPUNIT_TEST(testBoardConfigReadEveryMinute);
    CPPUNIT_TEST(testCookieName);
    CPPUNIT_TEST(testMalformedCookiesNeverQuery);
    CPPUNIT_TEST(testConfigPhpAndLinks);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_pbt_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        DropTables();
        for (const std::string& sql : kCreate) Exec(sql);
        const char* groups[] = {
            "GUESTS",         "REGISTERED", "REGISTERED_COPPA", "GLOBAL_MODERATORS",
            "ADMINISTRATORS", "BOTS",       "NEWLY_REGISTERED"};
        for (std::int64_t id = 1; id <= 7; ++id) {
            Exec(
                "INSERT INTO pbt_groups (group_id, group_type, group_name, group_desc) "
                "VALUES (?, 3, ?, '')",
                {id, std::string(groups[id - 1])});
        }
        for (const User& u : kUsers) AddUser(u);
        for (const auto& [name, value] :
             std::vector<std::pair<std::string, std::string>>{{"cookie_name", "phpbb3_abcde"},
                                                              {"ip_check", "3"},
                                                              {"browser_check", "1"},
                                                              {"forwarded_for_check", "0"},
                                                              {"referer_validation", "1"},
                                                              {"session_length", "3600"},
                                                              {"allow_autologin", "1"},
                                                              {"max_autologin_time", "0"},
                                                              {"server_name", "example.test"},
                                                              {"cookie_domain", "example.test"},
                                                              {"force_server_vars", "0"}}) {
            SetConfig(name, value);
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
            std::int64_t user, age;
            int autologin;
            std::int64_t want;
            StaffRole staff;
        };
        const std::vector<Case> cases = {
            {"founder", "f", 2, 0, 0, 2, StaffRole::kAdmin},
            {"administrators", "a", 5, 0, 0, 5, StaffRole::kAdmin},
            {"global moderators", "b", 6, 0, 0, 6, StaffRole::kModerator},
            {"registered", "c", 7, 0, 0, 7, StaffRole::kNone},
            {"pending admin", "e", 10, 0, 0, 10, StaffRole::kNone},
            {"inactive", "d", 8, 0, 0, 0, StaffRole::kNone},
            {"bot", "g", 9, 0, 0, 0, StaffRole::kNone},
            {"guest session", "anon", 1, 0, 0, 0, StaffRole::kNone},
            {"idle too long", "old", 7, 3661, 0, 0, StaffRole::kNone},
            {"idle just enough", "edge", 7, 3650, 0, 7, StaffRole::kNone},
            {"remembered", "auto", 7, 400 * 86400, 1, 7, StaffRole::kNone},
            {"no such user", "ghost", 99, 0, 0, 0, StaffRole::kNone},
        };
        for (const Case& c : cases) AddSession(Sid(c.who), c.user, now_ - c.age, c.autologin);
        auto host = Host();
        for (const Case& c : cases) {
            core::Viewer v = host->Identify(Req(Sid(c.who)), *pool_);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.want, v.user_id);
            CPPUNIT_ASSERT_MESSAGE(c.what, v.staff == c.staff);
        }
        CPPUNIT_ASSERT(host->Identify(Req(Sid("unknown")), *pool_).anonymous());
    }

    void testViewerFields() {
        AddSession(Sid("a"), 5, now_, 0);
        core::Viewer v = Host()->Identify(Req(Sid("a")), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), v.login);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), v.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("alice@example.test"), v.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, v.roles.size());
        CPPUNIT_ASSERT_EQUAL(std::string("REGISTERED"), v.roles[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("ADMINISTRATORS"), v.roles[1]);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(Sid("a")), v.session_key);
    }

    void testIpBinding() {
        AddSession(Sid("c"), 7, now_, 0);
        AddSession(Sid("v6"), 7, now_, 0, "2001:db8:1:2::10");
        auto host = Host();
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("c"), "192.168.1.99"), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c"), "192.168.2.20"), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c"), ""), *pool_).anonymous());  // 127.0.0.1
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("v6"), "2001:db8:1:2::99"), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Sid("v6"), "2001:db8:1:3::10"), *pool_).anonymous());
        SetConfig("ip_check", "4");
        auto strict = Host();
        CPPUNIT_ASSERT(strict->Identify(Req(Sid("c"), "192.168.1.99"), *pool_).anonymous());
        CPPUNIT_ASSERT(!strict->Identify(Req(Sid("c"), kIp), *pool_).anonymous());
    }

    void testBrowserBinding() {
        AddSession(Sid("c"), 7, now_, 0);
        auto host = Host();
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c"), kIp, "curl/8.5.0"), *pool_).anonymous());
        std::string shouting = kUa;
        for (char& ch : shouting) ch = static_cast<char>(std::toupper(ch));
        CPPUNIT_ASSERT(
            !host->Identify(Req(Sid("c"), kIp, " " + shouting + " "), *pool_).anonymous());
        SetConfig("browser_check", "0");
        CPPUNIT_ASSERT(!Host()->Identify(Req(Sid("c"), kIp, "curl/8.5.0"), *pool_).anonymous());
    }

    void testForwardedForBinding() {
        AddSession(Sid("c"), 7, now_, 0, kIp, "10.0.0.1");
        SetConfig("forwarded_for_check", "1");
        auto host = Host();
        http::Request same = Req(Sid("c"));
        same.params["HTTP_X_FORWARDED_FOR"] = "10.0.0.1";
        http::Request other = Req(Sid("c"));
        other.params["HTTP_X_FORWARDED_FOR"] = "10.0.0.2";
        CPPUNIT_ASSERT(!host->Identify(same, *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(other, *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c")), *pool_).anonymous());
    }

    void testRefererOfWrites() {
        AddSession(Sid("c"), 7, now_, 0);
        auto host = Host();
        http::Request post = Req(Sid("c"), kIp, kUa, "POST");
        CPPUNIT_ASSERT(!host->Identify(post, *pool_).anonymous());  // no referer
        post.params["HTTP_REFERER"] = "http://example.test/participer/projets";
        CPPUNIT_ASSERT(!host->Identify(post, *pool_).anonymous());
        post.params["HTTP_REFERER"] = "http://evil.test/form";
        CPPUNIT_ASSERT(host->Identify(post, *pool_).anonymous());
        http::Request get = Req(Sid("c"));
        get.params["HTTP_REFERER"] = "http://evil.test/form";
        CPPUNIT_ASSERT(!host->Identify(get, *pool_).anonymous());
    }

    void testAutologinLimits() {
        AddSession(Sid("auto"), 7, now_ - 31 * 86400, 1);
        AddSession(Sid("recent"), 7, now_ - 86400, 1);
        SetConfig("max_autologin_time", "30");
        auto host = Host();
        CPPUNIT_ASSERT(host->Identify(Req(Sid("auto")), *pool_).anonymous());
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("recent")), *pool_).anonymous());
        SetConfig("allow_autologin", "0");
        CPPUNIT_ASSERT(Host()->Identify(Req(Sid("recent")), *pool_).anonymous());
    }

    void testExpiryFollowsTheClock() {
        AddSession(Sid("c"), 7, now_ - 3650, 0);
        auto host = Host("cache_seconds = 30\n");
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("c")), *pool_).anonymous());
        core::SetClockOffset(11);  // the cache entry ends with the session
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c")), *pool_).anonymous());
    }

    void testBoardConfigReadEveryMinute() {
        AddSession(Sid("c"), 7, now_, 0);
        auto host = Host();
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("c"), "192.168.1.99"), *pool_).anonymous());
        SetConfig("ip_check", "4");
        CPPUNIT_ASSERT(!host->Identify(Req(Sid("c"), "192.168.1.99"), *pool_).anonymous());
        core::SetClockOffset(PhpbbHost::kConfigRefreshSeconds);
        CPPUNIT_ASSERT(host->Identify(Req(Sid("c"), "192.168.1.99"), *pool_).anonymous());
    }

    void testCookieName() {
        AddSession(Sid("c"), 7, now_, 0);
        http::Request other = Req("");
        other.cookies.clear();
        other.cookies["phpbb3_zzzzz_sid"] = Sid("c");
        CPPUNIT_ASSERT(Host()->Identify(other, *pool_).anonymous());
        CPPUNIT_ASSERT(!Host("cookie_name = phpbb3_zzzzz\n")->Identify(other, *pool_).anonymous());
    }

    void testMalformedCookiesNeverQuery() {
        auto host = Host();
        Exec("DROP TABLE pbt_sessions");
        Exec("DROP TABLE pbt_config");
        for (const std::string& v :
             {std::string(""), Sid("c").substr(1), Sid("c") + "0", std::string(32, 'G'),
              std::string(5000, 'a'), std::string("868aa3c4f20823c0%0048c24a795213a2")}) {
            CPPUNIT_ASSERT(host->Identify(Req(v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT(host->Identify(http::Request{}, *pool_).anonymous());
        CPPUNIT_ASSERT_THROW(host->Identify(Req(Sid("c")), *pool_), core::db::DbError);
    }

    void testConfigPhpAndLinks() {
        char name[] = "/tmp/placette-phpbbconfig-XXXXXX";
        int fd = mkstemp(name);
        CPPUNIT_ASSERT(fd >= 0);
        close(fd);
        std::ofstream(name)
            << "<?php\n$dbms = 'phpbb\\\\db\\\\driver\\\\mysqli';\n$dbhost = 'db.example';\n"
               "$dbport = '/run/mysqld/mysqld.sock';\n$dbname = 'forum';\n"
               "$dbuser = 'forum';\n$dbpasswd = 'p\\'w';\n$table_prefix = 'pbt_';\n"
               "@define('PHPBB_INSTALLED', true);\n";
        core::Config config;
        config.ini = core::Ini::Parse(std::string("[host]\ntype = phpbb\nphpbb_config = ") + name +
                                          "\nphpbb_url = https://www.ville.example/forum/\n",
                                      "test");
        PhpbbSettings s = LoadPhpbbSettings(config);
        std::remove(name);
        CPPUNIT_ASSERT_EQUAL(std::string("pbt_"), s.table_prefix);
        CPPUNIT_ASSERT_EQUAL(std::string("forum"), config.db.name);
        CPPUNIT_ASSERT_EQUAL(std::string("p'w"), config.db.password);
        CPPUNIT_ASSERT_EQUAL(std::string("db.example"), config.db.host);
        CPPUNIT_ASSERT_EQUAL(std::string("/run/mysqld/mysqld.sock"), config.db.socket);
        PhpbbHost host(s);
        CPPUNIT_ASSERT_EQUAL(std::string("phpbb"), host.name());
        CPPUNIT_ASSERT_EQUAL(std::string("https://www.ville.example/forum/ucp.php?mode=login&"
                                         "redirect=%2Fparticiper%2Fme"),
                             host.LoginUrl("/participer/me"));
        CPPUNIT_ASSERT_EQUAL(std::string("https://www.ville.example/forum/ucp.php?mode=logout"),
                             host.LogoutUrl(""));
        CPPUNIT_ASSERT_THROW(Host("table_prefix = pb-\n"), core::ConfigError);
    }

  private:
    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("phpbb_test", sql, params);
    }

    void DropTables() {
        for (const char* t : {"pbt_sessions", "pbt_sessions_keys", "pbt_config", "pbt_user_group",
                              "pbt_groups", "pbt_users"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    void SetConfig(const std::string& name, const std::string& value) {
        Exec("REPLACE INTO pbt_config (config_name, config_value, is_dynamic) VALUES (?, ?, 0)",
             {name, value});
    }

    void AddUser(const User& u) {
        std::string clean = u.name;
        for (char& ch : clean) ch = static_cast<char>(std::tolower(ch));
        Exec(
            "INSERT INTO pbt_users (user_id, user_type, user_permissions, username, "
            "username_clean, user_email, user_sig) VALUES (?, ?, '', ?, ?, ?, '')",
            {u.id, std::int64_t{u.type}, u.name, clean, clean + "@example.test"});
        for (const auto& [group, pending] : u.groups) {
            Exec(
                "INSERT INTO pbt_user_group (group_id, user_id, group_leader, user_pending) "
                "VALUES (?, ?, 0, ?)",
                {group, u.id, std::int64_t{pending}});
        }
    }

    // As session_create stores a session: phpBB trims the browser to 149 bytes.
    void AddSession(const std::string& sid, std::int64_t user, std::int64_t time, int autologin,
                    const std::string& ip = kIp, const std::string& forwarded_for = "") {
        Exec(
            "INSERT INTO pbt_sessions (session_id, session_user_id, session_last_visit, "
            "session_start, session_time, session_ip, session_browser, session_forwarded_for, "
            "session_page, session_autologin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'index.php', ?)",
            {sid, user, time, time, time, ip, kUa.substr(0, 149), forwarded_for,
             std::int64_t{autologin}});
    }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = phpbb\ntable_prefix = pbt_\ncache_seconds = 0\n" + extra, "test");
        config.db = db_;
        return MakePhpbbHost(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::int64_t now_ = 0;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PhpbbDbTest, "host");
}  // namespace placette::host
