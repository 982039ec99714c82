// Tests for plugin/host/wordpress: against a real MariaDB (PLACETTE_TEST_DB) with WordPress 6.1's
// users/usermeta/options tables (prefix wpt_) and cookies minted as WordPress mints them; plus
// settings.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/db.h"
#include "plugin/host/wordpress.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::db::Value;

const std::string kSiteUrl = "http://example.test";
const std::string kCookieName = "wordpress_logged_in_ea5889fdb264b2a3524c2b184cf4e8ad";
const std::string kKey = "lik-test-key-0123456789";
const std::string kSalt = "lis-test-salt-9876543210";

// wp-admin/includes/schema.php of WordPress 6.1, with $charset_collate for utf8mb4 on MariaDB.
const std::string kCollate = " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci";
const std::string kCreateUsers = R"(CREATE TABLE wpt_users (
	ID bigint(20) unsigned NOT NULL auto_increment,
	user_login varchar(60) NOT NULL default '',
	user_pass varchar(255) NOT NULL default '',
	user_nicename varchar(50) NOT NULL default '',
	user_email varchar(100) NOT NULL default '',
	user_url varchar(100) NOT NULL default '',
	user_registered datetime NOT NULL default '0000-00-00 00:00:00',
	user_activation_key varchar(255) NOT NULL default '',
	user_status int(11) NOT NULL default '0',
	display_name varchar(250) NOT NULL default '',
	PRIMARY KEY  (ID),
	KEY user_login_key (user_login),
	KEY user_nicename (user_nicename),
	KEY user_email (user_email)
))" + kCollate;
const std::string kCreateUsermeta = R"(CREATE TABLE wpt_usermeta (
	umeta_id bigint(20) unsigned NOT NULL auto_increment,
	user_id bigint(20) unsigned NOT NULL default '0',
	meta_key varchar(255) default NULL,
	meta_value longtext,
	PRIMARY KEY  (umeta_id),
	KEY user_id (user_id),
	KEY meta_key (meta_key(191))
))" + kCollate;
const std::string kCreateOptions = R"(CREATE TABLE wpt_options (
	option_id bigint(20) unsigned NOT NULL auto_increment,
	option_name varchar(191) NOT NULL default '',
	option_value longtext NOT NULL,
	autoload varchar(20) NOT NULL default 'yes',
	PRIMARY KEY  (option_id),
	UNIQUE KEY option_name (option_name),
	KEY autoload (autoload)
))" + kCollate;

struct User {
    std::int64_t id;
    std::string login, pass, email, display_name, role;
};
const User kAlice{7,
                  "alice",
                  "$P$BiJ7Kj8WzJjpqvB1Xn2q3r4s5t6u7v.",
                  "alice@example.test",
                  "Alice Martin",
                  "administrator"};
const User kBob{
    8, "bob", "$P$B0bHashFragmentsAreHere12345678.", "bob@example.test", "Bob Durand", "editor"};
const User kCarol{9,
                  "carol",
                  "$wp$2y$10$CarolsNewStyleHashEndsWithLast4Zq9",
                  "carol@example.test",
                  "Carol Petit",
                  "subscriber"};

// A file removed at the end of the scope.
class TempFile {
  public:
    explicit TempFile(const std::string& text) {
        char name[] = "/tmp/placette-wpconfig-XXXXXX";
        int fd = mkstemp(name);
        if (fd < 0) throw std::runtime_error("mkstemp failed");
        close(fd);
        path_ = name;
        std::ofstream(path_) << text;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// define( 'NAME', 'value' ); with PHP's single-quote escapes.
std::string Define(const std::string& name, const std::string& value) {
    std::string quoted;
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return "define( '" + name + "', '" + quoted + "' );\n";
}

// A wp-config.php with distinct salts, LOGGED_IN_* from spec A.1, and the wpt_ prefix.
std::string WpConfig() {
    return "<?php\n" + Define("AUTH_KEY", "ak") + Define("SECURE_AUTH_KEY", "sak") +
           Define("LOGGED_IN_KEY", kKey) + Define("NONCE_KEY", "nk") + Define("AUTH_SALT", "as") +
           Define("SECURE_AUTH_SALT", "sas") + Define("LOGGED_IN_SALT", kSalt) +
           Define("NONCE_SALT", "ns") + "$table_prefix = 'wpt_';\n";
}

// wp_generate_auth_cookie, computed here independently of the code under test.
std::string MintCookie(const std::string& login, const std::string& frag, std::int64_t exp,
                       const std::string& token, const std::string& salt) {
    const std::string e = std::to_string(exp);
    const std::string key = core::HmacMd5Hex(salt, login + "|" + frag + "|" + e + "|" + token);
    return login + "|" + e + "|" + token + "|" +
           core::HmacSha256Hex(key, login + "|" + e + "|" + token);
}

std::string Frag(const User& u) {
    return u.pass.starts_with("$wp$") ? u.pass.substr(u.pass.size() - 4) : u.pass.substr(8, 4);
}

std::string SessionTokens(const std::string& token, std::int64_t exp, std::int64_t now) {
    return "a:1:{s:64:\"" + core::Sha256Hex(token) +
           "\";a:4:{s:10:\"expiration\";i:" + std::to_string(exp) +
           ";s:2:\"ip\";s:9:\"127.0.0.1\";s:2:\"ua\";s:14:\"Mozilla \"x\"; y\";" +
           "s:5:\"login\";i:" + std::to_string(now) + ";}}";
}

http::Request Req(const std::string& name, const std::string& value,
                  const std::string& method = "GET") {
    http::Request r;
    r.method = method;
    r.cookies[name] = value;
    return r;
}

class WordPressDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WordPressDbTest);
    CPPUNIT_TEST(testValidCookieGivesViewer);
    CPPUNIT_TEST(testStaffMapping);
    CPPUNIT_TEST(testConfiguredStaffRoles);
    CPPUNIT_TEST(testOneByteChangedIsAnonymous);
    CPPUNIT_TEST(testLoginMustMatchByteForByte);
    CPPUNIT_TEST(testExpiredCookieIsAnonymousExceptPostGrace);
    CPPUNIT_TEST(testSessionRemovedWithoutCache);
    CPPUNIT_TEST(testSessionRemovedWithCacheAfterCacheSeconds);
    CPPUNIT_TEST(testCacheEndsWithTheSession);
    CPPUNIT_TEST(testExpiredSessionEntryIsAnonymous);
    CPPUNIT_TEST(testLegacyIntegerSession);
    CPPUNIT_TEST(testPasswordChangedIsAnonymous);
    CPPUNIT_TEST(testCapabilitiesOfOtherPrefixIgnored);
    CPPUNIT_TEST(testPrefixFromHostSection);
    CPPUNIT_TEST(testSaltsFromOptions);
    CPPUNIT_TEST(testSecretKeyOnlyDebianCase);
    CPPUNIT_TEST(testNoSaltAnywhereIsAnonymous);
    CPPUNIT_TEST(testCookieNameFromWordPressUrl);
    CPPUNIT_TEST(testCookieNameOverride);
    CPPUNIT_TEST(testMalformedCookiesNeverLookUpTheUser);
    CPPUNIT_TEST(testDatabaseFromWpConfig);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_wpt_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        // wpdb removes the modes that forbid WordPress's zero dates; so does the setup.
        Exec("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
        DropTables();
        Exec(kCreateUsers);
        Exec(kCreateUsermeta);
        Exec(kCreateOptions);
        Exec("INSERT INTO wpt_options (option_name, option_value, autoload) VALUES (?, ?, 'yes')",
             {std::string("siteurl"), kSiteUrl});
        for (const User* u : {&kAlice, &kBob, &kCarol}) AddUser(*u);
        config_file_ = std::make_unique<TempFile>(WpConfig());
        pool_ = std::make_unique<core::db::Pool>(db_, 2);
        now_ = core::NowSeconds();
    }

    void tearDown() override {
        core::SetClockOffset(0);
        pool_.reset();
        config_file_.reset();
        if (admin_) DropTables();
        admin_.reset();
    }

    void testValidCookieGivesViewer() {
        auto host = Host();
        const std::string token = NewToken();
        core::Viewer v = host->Identify(Req(kCookieName, LogIn(kAlice, token)), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, v.user_id);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), v.login);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice Martin"), v.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("alice@example.test"), v.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, v.roles.size());
        CPPUNIT_ASSERT_EQUAL(std::string("administrator"), v.roles[0]);
        CPPUNIT_ASSERT(v.staff == core::StaffRole::kAdmin);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(token), v.session_key);
    }

    void testStaffMapping() {
        auto host = Host();
        core::Viewer bob = host->Identify(Req(kCookieName, LogIn(kBob, NewToken())), *pool_);
        core::Viewer carol = host->Identify(Req(kCookieName, LogIn(kCarol, NewToken())), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{8}, bob.user_id);
        CPPUNIT_ASSERT(bob.staff == core::StaffRole::kModerator);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, carol.user_id);  // a $wp$ hash: last 4 bytes
        CPPUNIT_ASSERT(carol.staff == core::StaffRole::kNone);
    }

    void testConfiguredStaffRoles() {
        auto host =
            Host("staff_admin_roles = editor\nstaff_moderator_roles = author, subscriber\n");
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, LogIn(kBob, NewToken())), *pool_).staff ==
                       core::StaffRole::kAdmin);
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, LogIn(kCarol, NewToken())), *pool_).staff ==
                       core::StaffRole::kModerator);
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, LogIn(kAlice, NewToken())), *pool_).staff ==
                       core::StaffRole::kNone);
    }

    void testOneByteChangedIsAnonymous() {
        auto host = Host();
        const std::string good = LogIn(kAlice, NewToken());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, good), *pool_).anonymous());
        // The login, a digit of the expiration, a byte of the token, a digit of the hmac.
        for (std::size_t at : {std::size_t{0}, std::size_t{8}, std::size_t{20}, good.size() - 1}) {
            std::string bad = good;
            bad[at] = bad[at] == '1' ? '2' : (bad[at] == 'a' ? 'b' : '1');
            CPPUNIT_ASSERT_MESSAGE(bad, host->Identify(Req(kCookieName, bad), *pool_).anonymous());
        }
    }

    void testLoginMustMatchByteForByte() {
        // The collation finds "alice" for "Alice"; WordPress would not have minted this cookie.
        const std::string token = NewToken();
        LogIn(kAlice, token);
        std::string upper = MintCookie("Alice", Frag(kAlice), now_ + 3600, token, kKey + kSalt);
        CPPUNIT_ASSERT(Host()->Identify(Req(kCookieName, upper), *pool_).anonymous());
        std::string unknown = MintCookie("zoe", Frag(kAlice), now_ + 3600, token, kKey + kSalt);
        CPPUNIT_ASSERT(Host()->Identify(Req(kCookieName, unknown), *pool_).anonymous());
    }

    void testExpiredCookieIsAnonymousExceptPostGrace() {
        auto host = Host();
        const std::string cookie = LogIn(kAlice, NewToken(), now_ - 10);
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie, "GET"), *pool_).anonymous());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie, "POST"), *pool_).anonymous());
        const std::string old = LogIn(kAlice, NewToken(), now_ - 3601);
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, old, "POST"), *pool_).anonymous());
    }

    void testSessionRemovedWithoutCache() {
        auto host = Host();
        const std::string cookie = LogIn(kAlice, NewToken());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        Exec("DELETE FROM wpt_usermeta WHERE user_id = 7 AND meta_key = 'session_tokens'");
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testSessionRemovedWithCacheAfterCacheSeconds() {
        auto host = Host("cache_seconds = 5\n");
        const std::string cookie = LogIn(kAlice, NewToken());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        Exec("DELETE FROM wpt_usermeta WHERE user_id = 7 AND meta_key = 'session_tokens'");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        core::SetClockOffset(2);  // still within the 5 seconds (a margin for a slow machine)
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        core::SetClockOffset(5);
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testCacheEndsWithTheSession() {
        auto host = Host("cache_seconds = 30\n");
        const std::string token = NewToken();
        const std::string cookie = LogIn(kAlice, token);
        SetSessions(kAlice, SessionTokens(token, now_ + 10, now_));
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        core::SetClockOffset(5);
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        core::SetClockOffset(11);  // the session ended before the cache entry would have
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testExpiredSessionEntryIsAnonymous() {
        const std::string token = NewToken();
        const std::string cookie = LogIn(kAlice, token);
        SetSessions(kAlice, SessionTokens(token, now_ - 1, now_));
        CPPUNIT_ASSERT(Host()->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testLegacyIntegerSession() {
        const std::string token = NewToken();
        const std::string cookie = LogIn(kAlice, token);
        SetSessions(kAlice, "a:1:{s:64:\"" + core::Sha256Hex(token) +
                                "\";i:" + std::to_string(now_ + 3600) + ";}");
        CPPUNIT_ASSERT(!Host()->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testPasswordChangedIsAnonymous() {
        auto host = Host();
        const std::string cookie = LogIn(kAlice, NewToken());
        Exec("UPDATE wpt_users SET user_pass = ? WHERE ID = 7",
             {std::string("$P$BnewHashAfterPasswordChange0000.")});
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testCapabilitiesOfOtherPrefixIgnored() {
        Exec("INSERT INTO wpt_usermeta (user_id, meta_key, meta_value) VALUES (9, ?, ?)",
             {std::string("wp_capabilities"), std::string("a:1:{s:13:\"administrator\";b:1;}")});
        core::Viewer carol = Host()->Identify(Req(kCookieName, LogIn(kCarol, NewToken())), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("subscriber"), carol.roles.at(0));
        CPPUNIT_ASSERT(carol.staff == core::StaffRole::kNone);
    }

    void testPrefixFromHostSection() {
        // [host] table_prefix wins over wp-config's $table_prefix.
        TempFile other("<?php\n" + Define("LOGGED_IN_KEY", kKey) + Define("LOGGED_IN_SALT", kSalt) +
                       "$table_prefix = 'wp_';\n");
        auto host = Host("wordpress_config = " + other.path() + "\ntable_prefix = wpt_\n");
        CPPUNIT_ASSERT(
            !host->Identify(Req(kCookieName, LogIn(kAlice, NewToken())), *pool_).anonymous());
    }

    void testSaltsFromOptions() {
        TempFile sample(
            std::string("<?php\n") + Define("LOGGED_IN_KEY", "put your unique phrase here") +
            Define("LOGGED_IN_SALT", "put your unique phrase here") + "$table_prefix = 'wpt_';\n");
        AddOption("logged_in_key", "opt-key-!@#$%^&*()");
        AddOption("logged_in_salt", "s:10:\"opt-salt-;\";");  // stored serialized by update_option
        auto host = Host("wordpress_config = " + sample.path() + "\n");
        const std::string token = NewToken();
        LogIn(kAlice, token);
        const std::string salt = "opt-key-!@#$%^&*()opt-salt-;";
        const std::string good = MintCookie("alice", Frag(kAlice), now_ + 3600, token, salt);
        const std::string bad = MintCookie("alice", Frag(kAlice), now_ + 3600, token, kKey + kSalt);
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, good), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, bad), *pool_).anonymous());
    }

    void testSecretKeyOnlyDebianCase() {
        TempFile debian("<?php\n" + Define("DB_NAME", "wordpress") +
                        Define("SECRET_KEY", "deb-secret") + "$table_prefix = 'wpt_';\n");
        AddOption("logged_in_key", "ignored-because-SECRET_KEY-is-set");
        AddOption("logged_in_salt", "opt-salt");
        auto host = Host("wordpress_config = " + debian.path() + "\n");
        const std::string token = NewToken();
        LogIn(kAlice, token);
        const std::string cookie =
            MintCookie("alice", Frag(kAlice), now_ + 3600, token, "deb-secretopt-salt");
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
    }

    void testNoSaltAnywhereIsAnonymous() {
        TempFile empty("<?php\n$table_prefix = 'wpt_';\n");
        auto host = Host("wordpress_config = " + empty.path() + "\n");
        const std::string token = NewToken();
        LogIn(kAlice, token);
        for (const std::string& salt : {std::string(""), kKey + kSalt}) {
            std::string cookie = MintCookie("alice", Frag(kAlice), now_ + 3600, token, salt);
            CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        }
    }

    void testCookieNameFromWordPressUrl() {
        auto host = Host("wordpress_url = https://www.ville.example\n");
        const std::string cookie = LogIn(kAlice, NewToken());
        const std::string name = "wordpress_logged_in_" + core::Md5Hex("https://www.ville.example");
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        CPPUNIT_ASSERT(!host->Identify(Req(name, cookie), *pool_).anonymous());
    }

    void testCookieNameOverride() {
        auto host = Host("cookie_name = town.session\n");
        const std::string cookie = LogIn(kAlice, NewToken());
        CPPUNIT_ASSERT(host->Identify(Req(kCookieName, cookie), *pool_).anonymous());
        CPPUNIT_ASSERT(!host->Identify(Req("town_session", cookie), *pool_).anonymous());
    }

    void testMalformedCookiesNeverLookUpTheUser() {
        auto host = Host();
        const std::string good = LogIn(kAlice, NewToken());
        CPPUNIT_ASSERT(!host->Identify(Req(kCookieName, good), *pool_).anonymous());
        Exec("DROP TABLE wpt_users");  // any query for a user now fails
        const std::vector<std::string> malformed = {
            good + "|x",
            good.substr(0, good.size() - 1),
            good + std::string(5000, 'a'),
            "alice%7C1%7Ct%7Cz",
            "",
            good.substr(0, good.rfind('|')) + "|" + std::string(64, 'G')};
        for (const std::string& v : malformed) {
            CPPUNIT_ASSERT(host->Identify(Req(kCookieName, v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT(host->Identify(http::Request{}, *pool_).anonymous());
        CPPUNIT_ASSERT_THROW(host->Identify(Req(kCookieName, good), *pool_), core::db::DbError);
    }

    void testDatabaseFromWpConfig() {
        std::string db_host = db_.socket.empty() ? db_.host + ":" + std::to_string(db_.port)
                                                 : "localhost:" + db_.socket;
        TempFile full(WpConfig() + Define("DB_NAME", db_.name) + Define("DB_USER", db_.user) +
                      Define("DB_PASSWORD", db_.password) + Define("DB_HOST", db_host));
        core::Config config;
        config.ini = core::Ini::Parse(
            "[host]\ntype = wordpress\nwordpress_config = " + full.path() + "\ncache_seconds = 0\n",
            "test");
        config.db.name.clear();
        config.db.user.clear();
        auto host = MakeWordPressHost(config);
        CPPUNIT_ASSERT_EQUAL(db_.name, config.db.name);
        CPPUNIT_ASSERT_EQUAL(db_.user, config.db.user);
        CPPUNIT_ASSERT_EQUAL(db_.socket, config.db.socket);
        core::db::Pool pool(config.db, 1);
        CPPUNIT_ASSERT(
            !host->Identify(Req(kCookieName, LogIn(kAlice, NewToken())), pool).anonymous());
    }

  private:
    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("wordpress_test", sql, params);
    }

    void DropTables() {
        for (const char* t : {"wpt_users", "wpt_usermeta", "wpt_options"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    void AddUser(const User& u) {
        Exec(
            "INSERT INTO wpt_users (ID, user_login, user_pass, user_nicename, user_email, "
            "user_registered, display_name) VALUES (?, ?, ?, ?, ?, '2024-01-01 00:00:00', ?)",
            {u.id, u.login, u.pass, u.login, u.email, u.display_name});
        Exec("INSERT INTO wpt_usermeta (user_id, meta_key, meta_value) VALUES (?, ?, ?)",
             {u.id, std::string("wpt_capabilities"),
              "a:1:{s:" + std::to_string(u.role.size()) + ":\"" + u.role + "\";b:1;}"});
    }

    void AddOption(const std::string& name, const std::string& value) {
        Exec("INSERT INTO wpt_options (option_name, option_value, autoload) VALUES (?, ?, 'yes')",
             {name, value});
    }

    void SetSessions(const User& u, const std::string& value) {
        Exec("DELETE FROM wpt_usermeta WHERE user_id = ? AND meta_key = 'session_tokens'", {u.id});
        Exec("INSERT INTO wpt_usermeta (user_id, meta_key, meta_value) VALUES (?, ?, ?)",
             {u.id, std::string("session_tokens"), value});
    }

    // Stores a session as WP_Session_Tokens::create does and returns the cookie value.
    std::string LogIn(const User& u, const std::string& token,
                      std::optional<std::int64_t> exp = {}) {
        const std::int64_t e = exp.value_or(now_ + 2 * 86400);
        SetSessions(u, SessionTokens(token, std::max(e, now_ + 86400), now_));
        return MintCookie(u.login, Frag(u), e, token, kKey + kSalt);
    }

    static std::string NewToken() { return core::RandomHex(22).substr(0, 43); }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse("[host]\ntype = wordpress\nwordpress_config = " +
                                          config_file_->path() + "\ncache_seconds = 0\n" + extra,
                                      "test");
        config.db = db_;
        return MakeWordPressHost(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::unique_ptr<TempFile> config_file_;
    std::int64_t now_ = 0;
};

// The [host] keys and wp-config values, the URLs and the cache: no database needed.
class WordPressSettingsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WordPressSettingsTest);
    CPPUNIT_TEST(testCookieNamePrecedence);
    CPPUNIT_TEST(testTablePrefixPrecedence);
    CPPUNIT_TEST(testInvalidTablePrefixRefused);
    CPPUNIT_TEST(testCacheSecondsRange);
    CPPUNIT_TEST(testDbHostFormsFillDatabase);
    CPPUNIT_TEST(testOwnDatabaseSettingsKept);
    CPPUNIT_TEST(testUnreadableWpConfigRefused);
    CPPUNIT_TEST(testLoginAndLogoutUrls);
    CPPUNIT_TEST(testLoginUrlDefaults);
    CPPUNIT_TEST(testCacheExpiresAndEvictsOldest);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testCookieNamePrecedence() {
        const std::string by_url = "wordpress_logged_in_" + core::Md5Hex("https://a.example");
        const std::string by_const = "wordpress_logged_in_" + core::Md5Hex("https://c.example");
        struct Case {
            std::string ini, php;
            std::optional<std::string> want;
        };
        const std::vector<Case> cases = {
            {"", "", std::nullopt},
            {"", Define("WP_SITEURL", "https://c.example/"), by_const},
            {"wordpress_url = https://a.example\n", Define("WP_SITEURL", "https://c.example"),
             by_url},
            {"wordpress_url = https://a.example\n", Define("COOKIEHASH", "abc"),
             "wordpress_logged_in_abc"},
            {"", Define("COOKIEHASH", "abc") + Define("LOGGED_IN_COOKIE", "wp.li"), "wp_li"},
            {"cookie_name = mine\n", Define("LOGGED_IN_COOKIE", "wp_li"), "mine"},
        };
        for (const Case& c : cases) {
            TempFile php("<?php\n" + c.php);
            core::Config config = Base("wordpress_config = " + php.path() + "\n" + c.ini);
            CPPUNIT_ASSERT_MESSAGE(c.ini + c.php,
                                   LoadWordPressSettings(config).cookie_name == c.want);
        }
    }

    void testTablePrefixPrecedence() {
        TempFile php("<?php\n$table_prefix = 'town_';\n");
        core::Config none = Base("");
        core::Config from_php = Base("wordpress_config = " + php.path() + "\n");
        core::Config both = Base("wordpress_config = " + php.path() + "\ntable_prefix = x2_\n");
        CPPUNIT_ASSERT_EQUAL(std::string("wp_"), LoadWordPressSettings(none).table_prefix);
        CPPUNIT_ASSERT_EQUAL(std::string("town_"), LoadWordPressSettings(from_php).table_prefix);
        CPPUNIT_ASSERT_EQUAL(std::string("x2_"), LoadWordPressSettings(both).table_prefix);
    }

    void testInvalidTablePrefixRefused() {
        TempFile php("<?php\n$table_prefix = 'wp-';\n");
        core::Config from_php = Base("wordpress_config = " + php.path() + "\n");
        core::Config bad = Base("table_prefix = wp_`x\n");
        CPPUNIT_ASSERT_THROW(LoadWordPressSettings(from_php), core::ConfigError);
        CPPUNIT_ASSERT_THROW(LoadWordPressSettings(bad), core::ConfigError);
        WordPressSettings s;
        s.table_prefix = "wp_;DROP";
        CPPUNIT_ASSERT_THROW(WordPressHost{s}, core::ConfigError);
    }

    void testCacheSecondsRange() {
        core::Config def = Base("");
        core::Config off = Base("cache_seconds = 0\n");
        core::Config high = Base("cache_seconds = 31\n");
        CPPUNIT_ASSERT_EQUAL(5, LoadWordPressSettings(def).cache_seconds);
        CPPUNIT_ASSERT_EQUAL(0, LoadWordPressSettings(off).cache_seconds);
        CPPUNIT_ASSERT_THROW(LoadWordPressSettings(high), core::ConfigError);
    }

    void testDbHostFormsFillDatabase() {
        struct Case {
            std::string db_host, host, socket;
            unsigned port;
        };
        const std::vector<Case> cases = {
            {"localhost", "localhost", "", 3306},
            {"db.example:3307", "db.example", "", 3307},
            {"localhost:/run/mysqld/mysqld.sock", "localhost", "/run/mysqld/mysqld.sock", 3306},
            {":/tmp/wp.sock", "localhost", "/tmp/wp.sock", 3306},
        };
        for (const Case& c : cases) {
            TempFile php("<?php\n" + Define("DB_NAME", "wpdb") + Define("DB_USER", "wpuser") +
                         Define("DB_PASSWORD", "p'w") + Define("DB_HOST", c.db_host));
            core::Config config = Base("wordpress_config = " + php.path() + "\n");
            config.db.name.clear();
            config.db.user.clear();
            LoadWordPressSettings(config);
            CPPUNIT_ASSERT_EQUAL(std::string("wpdb"), config.db.name);
            CPPUNIT_ASSERT_EQUAL(std::string("wpuser"), config.db.user);
            CPPUNIT_ASSERT_EQUAL(std::string("p'w"), config.db.password);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.db_host, c.host, config.db.host);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.db_host, c.socket, config.db.socket);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.db_host, c.port, config.db.port);
        }
    }

    void testOwnDatabaseSettingsKept() {
        TempFile php("<?php\n" + Define("DB_NAME", "wpdb") + Define("DB_USER", "wpuser") +
                     Define("DB_PASSWORD", "pw") + Define("DB_HOST", "other:1234"));
        core::Config config = Base("wordpress_config = " + php.path() + "\n");
        config.ini.Set("database", "socket", "/run/own.sock");
        config.db.name = "town";
        config.db.user = "placette";
        config.db.socket = "/run/own.sock";
        LoadWordPressSettings(config);
        CPPUNIT_ASSERT_EQUAL(std::string("town"), config.db.name);
        CPPUNIT_ASSERT_EQUAL(std::string("placette"), config.db.user);
        CPPUNIT_ASSERT_EQUAL(std::string(""), config.db.password);
        CPPUNIT_ASSERT_EQUAL(std::string("/run/own.sock"), config.db.socket);
        TempFile no_name("<?php\n" + Define("DB_USER", "wpuser"));
        core::Config missing = Base("wordpress_config = " + no_name.path() + "\n");
        missing.db.name.clear();
        CPPUNIT_ASSERT_THROW(LoadWordPressSettings(missing), core::ConfigError);
    }

    void testUnreadableWpConfigRefused() {
        core::Config config = Base("wordpress_config = /nonexistent/wp-config.php\n");
        CPPUNIT_ASSERT_THROW(LoadWordPressSettings(config), core::ConfigError);
    }

    void testLoginAndLogoutUrls() {
        core::Config config = Base("wordpress_url = http://example.test/\n");
        auto host = MakeWordPressHost(config);
        CPPUNIT_ASSERT_EQUAL(
            std::string("http://example.test/wp-login.php?redirect_to=%2Fparticiper%2Fp%3Fa%3D1"),
            host->LoginUrl("/participer/p?a=1"));
        CPPUNIT_ASSERT_EQUAL(
            std::string(
                "http://example.test/wp-login.php?action=logout&redirect_to=%2Fparticiper%2F"),
            host->LogoutUrl("/participer/"));
        CPPUNIT_ASSERT_EQUAL(std::string("http://example.test/wp-login.php?action=logout"),
                             host->LogoutUrl(""));
        CPPUNIT_ASSERT_EQUAL(std::string("wordpress"), host->name());
        core::Config own = Base("login_url = https://www.ville.example/connexion?lang=fr\n");
        CPPUNIT_ASSERT_EQUAL(
            std::string("https://www.ville.example/connexion?lang=fr&redirect_to=%2F"),
            MakeWordPressHost(own)->LoginUrl("/"));
    }

    void testLoginUrlDefaults() {
        core::Config home = Base("");
        home.host_url = "https://www.ville.example/";
        CPPUNIT_ASSERT_EQUAL(std::string("https://www.ville.example/wp-login.php"),
                             LoadWordPressSettings(home).login_url);
        TempFile php("<?php\n" + Define("WP_SITEURL", "https://www.ville.example/wp/"));
        core::Config site = Base("wordpress_config = " + php.path() + "\n");
        CPPUNIT_ASSERT_EQUAL(std::string("https://www.ville.example/wp/wp-login.php"),
                             LoadWordPressSettings(site).login_url);
    }

    void testCacheExpiresAndEvictsOldest() {
        ViewerCache cache(2);
        core::Viewer v;
        v.user_id = 1;
        cache.Put("a", v, 100, 105);
        cache.Put("b", v, 101, 106);
        CPPUNIT_ASSERT(cache.Get("a", 104).has_value());
        CPPUNIT_ASSERT(!cache.Get("a", 99).has_value());  // the clock went back: stale
        cache.Put("a", v, 102, 107);
        cache.Put("c", v, 102, 107);  // full: "b", now the oldest, goes
        CPPUNIT_ASSERT(!cache.Get("b", 102).has_value());
        CPPUNIT_ASSERT(cache.Get("a", 106).has_value());
        CPPUNIT_ASSERT(!cache.Get("c", 107).has_value());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, cache.size());
        cache.Put("d", v, 200, 205);  // the expired "a" is dropped on the way
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, cache.size());
    }

  private:
    static core::Config Base(const std::string& host_keys) {
        core::Config config;
        config.ini = core::Ini::Parse("[host]\ntype = wordpress\n" + host_keys, "test");
        config.db.name = "placette";
        config.db.user = "placette";
        return config;
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WordPressDbTest, "host");
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WordPressSettingsTest, "host");
}  // namespace placette::host
