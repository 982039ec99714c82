// Tests for plugin/host/generic_sql against a real MariaDB (PLACETTE_TEST_DB): a made-up host's
// session and user tables (prefix gst_), table-driven over the id encodings (raw, sha256 hex,
// base64url sha256), both freshness meanings, IP / user-agent binding and staff conditions.
#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/db.h"
#include "plugin/host/generic_sql.h"
#include "plugin/host/generic_sql_rules.h"
#include "tests/unit/support/test_db.h"

namespace placette::host {
namespace {

using core::StaffRole;
using core::db::Value;

const std::vector<std::string> kCreate = {
    "CREATE TABLE gst_sessions (\n"
    "  token varchar(128) NOT NULL, member int unsigned NOT NULL DEFAULT 0,\n"
    "  last_seen int NOT NULL DEFAULT 0, expires datetime NULL,\n"
    "  ip varchar(45) NOT NULL DEFAULT '', agent varchar(255) NOT NULL DEFAULT '',\n"
    "  PRIMARY KEY (token)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
    "CREATE TABLE gst_members (\n"
    "  id int unsigned NOT NULL AUTO_INCREMENT, login varchar(60) NOT NULL,\n"
    "  shown varchar(100) NOT NULL DEFAULT '', mail varchar(100) NOT NULL DEFAULT '',\n"
    "  grp varchar(20) NOT NULL DEFAULT 'member', active tinyint NOT NULL DEFAULT 1,\n"
    "  PRIMARY KEY (id)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
};

const std::string kBase =
    "[host]\ntype = generic_sql\ncookie_name = town_sid\ncache_seconds = 0\n"
    "session_table = gst_sessions\nsession_id_column = token\nsession_user_column = member\n"
    "user_table = gst_members\nuser_id_column = id\nuser_login_column = login\n"
    "user_name_column = shown\nuser_email_column = mail\nuser_role_column = grp\n"
    "user_where = u.active = 1\nstaff_admin_roles = admin\nstaff_moderator_roles = mod\n";

std::string Cookie(const std::string& who) { return who + std::string(40 - who.size(), 'Z'); }

http::Request Req(const std::string& value, const std::string& ip = "10.1.2.3",
                  const std::string& ua = "Mozilla/5.0 Test") {
    http::Request r;
    r.method = "GET";
    r.cookies["town_sid"] = value;
    r.params["HTTP_COOKIE"] = "town_sid=" + value;
    r.params["REMOTE_ADDR"] = ip;
    r.params["HTTP_USER_AGENT"] = ua;
    return r;
}

class GenericSqlDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(GenericSqlDbTest);
    CPPUNIT_TEST(testEncodingsTable);
    CPPUNIT_TEST(testViewerFieldsAndRoles);
    CPPUNIT_TEST(testLastSeenFreshness);
    CPPUNIT_TEST(testExpiresAtFreshness);
    CPPUNIT_TEST(testIpAndAgentBinding);
    CPPUNIT_TEST(testConditionsAndWhere);
    CPPUNIT_TEST(testCookieNameRegexSplitAndRaw);
    CPPUNIT_TEST(testMalformedCookiesNeverQuery);
    CPPUNIT_TEST(testLinks);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        db_ = testing::TestDatabase("plc_gst_");
        admin_ = std::make_unique<core::db::Connection>(db_);
        DropTables();
        for (const std::string& sql : kCreate) Exec(sql);
        Exec(
            "INSERT INTO gst_members (id, login, shown, mail, grp, active) VALUES "
            "(1, 'guest', '', '', 'member', 1), (3, 'ana', 'Ana Admin', 'ana@example.test', "
            "'admin', 1), (4, 'max', 'Max Mod', 'max@example.test', 'mod', 1), "
            "(5, 'lea', '', 'lea@example.test', 'member', 1), (6, 'old', 'Old', '', 'admin', 0)");
        pool_ = std::make_unique<core::db::Pool>(db_, 2);
        now_ = core::NowSeconds();
    }

    void tearDown() override {
        core::SetClockOffset(0);
        pool_.reset();
        if (admin_) DropTables();
        admin_.reset();
    }

    void testEncodingsTable() {
        struct Case {
            std::string transform;
            generic::IdTransform t;
        };
        const std::vector<Case> encodings = {
            {"none", generic::IdTransform::kNone},
            {"sha256-hex", generic::IdTransform::kSha256Hex},
            {"sha256-b64url", generic::IdTransform::kSha256B64Url},
            {"md5-hex", generic::IdTransform::kMd5Hex},
        };
        for (const Case& e : encodings) {
            Exec("DELETE FROM gst_sessions");
            struct Row {
                std::string who;
                std::int64_t member, want;
                StaffRole staff;
            };
            const std::vector<Row> rows = {
                {"ana", 3, 3, StaffRole::kAdmin}, {"max", 4, 4, StaffRole::kModerator},
                {"lea", 5, 5, StaffRole::kNone},  {"inactive", 6, 0, StaffRole::kNone},
                {"anon", 0, 0, StaffRole::kNone}, {"ghost", 77, 0, StaffRole::kNone}};
            for (const Row& r : rows) AddSession(Stored(e.t, Cookie(r.who)), r.member);
            auto host = Host("id_transform = " + e.transform + "\n");
            for (const Row& r : rows) {
                core::Viewer v = host->Identify(Req(Cookie(r.who)), *pool_);
                CPPUNIT_ASSERT_EQUAL_MESSAGE(e.transform + " " + r.who, r.want, v.user_id);
                CPPUNIT_ASSERT_MESSAGE(e.transform + " " + r.who, v.staff == r.staff);
            }
            // The stored form itself, sent as a cookie, is no session (unless stored raw).
            const std::string stored = Stored(e.t, Cookie("lea"));
            if (e.t != generic::IdTransform::kNone && generic::ValidId(stored, 16, 256)) {
                CPPUNIT_ASSERT(host->Identify(Req(stored), *pool_).anonymous());
            }
            CPPUNIT_ASSERT(host->Identify(Req(Cookie("nobody")), *pool_).anonymous());
        }
    }

    void testViewerFieldsAndRoles() {
        AddSession(Cookie("ana"), 3);
        AddSession(Cookie("lea"), 5);
        auto host = Host();
        core::Viewer ana = host->Identify(Req(Cookie("ana")), *pool_);
        CPPUNIT_ASSERT_EQUAL(std::string("ana"), ana.login);
        CPPUNIT_ASSERT_EQUAL(std::string("Ana Admin"), ana.display_name);
        CPPUNIT_ASSERT_EQUAL(std::string("ana@example.test"), ana.email);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, ana.roles.size());
        CPPUNIT_ASSERT_EQUAL(std::string("admin"), ana.roles[0]);
        CPPUNIT_ASSERT_EQUAL(core::Sha256Hex(Cookie("ana")), ana.session_key);
        CPPUNIT_ASSERT_EQUAL(std::string("lea"),
                             host->Identify(Req(Cookie("lea")), *pool_).display_name);
        // The collation would match another case; only the exact id counts.
        std::string upper = Cookie("ana");
        upper[0] = 'A';
        CPPUNIT_ASSERT(host->Identify(Req(upper), *pool_).anonymous());
    }

    void testLastSeenFreshness() {
        AddSession(Cookie("lea"), 5, now_ - 590);
        AddSession(Cookie("max"), 4, now_ - 601);
        auto host = Host(
            "freshness = last_seen\nfreshness_column = last_seen\nmax_idle_seconds = 600\n"
            "cache_seconds = 30\n");
        CPPUNIT_ASSERT(!host->Identify(Req(Cookie("lea")), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("max")), *pool_).anonymous());
        core::SetClockOffset(11);  // the cached answer ends with the session
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("lea")), *pool_).anonymous());
    }

    void testExpiresAtFreshness() {
        AddSession(Cookie("lea"), 5, 0, now_ + 10);
        AddSession(Cookie("max"), 4, 0, now_);
        AddSession(Cookie("ana"), 3, 0, std::nullopt);  // NULL: no expiry known, refused
        auto host = Host(
            "freshness = expires_at\nfreshness_column = expires\n"
            "freshness_type = datetime\n");
        CPPUNIT_ASSERT(!host->Identify(Req(Cookie("lea")), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("max")), *pool_).anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("ana")), *pool_).anonymous());
        core::SetClockOffset(10);
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("lea")), *pool_).anonymous());
    }

    void testIpAndAgentBinding() {
        AddSession(Cookie("lea"), 5);
        auto host = Host("bind_ip_column = ip\nbind_ip_parts = 3\nbind_ua_column = agent\n");
        CPPUNIT_ASSERT(!host->Identify(Req(Cookie("lea"), "10.1.2.99", "mozilla/5.0 test "), *pool_)
                            .anonymous());
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("lea"), "10.1.3.3"), *pool_).anonymous());
        CPPUNIT_ASSERT(
            host->Identify(Req(Cookie("lea"), "10.1.2.3", "curl/8"), *pool_).anonymous());
        auto exact = Host("bind_ip_column = ip\n");
        CPPUNIT_ASSERT(exact->Identify(Req(Cookie("lea"), "10.1.2.4"), *pool_).anonymous());
        CPPUNIT_ASSERT(
            !exact->Identify(Req(Cookie("lea"), "10.1.2.3", "curl/8"), *pool_).anonymous());
    }

    void testConditionsAndWhere() {
        AddSession(Cookie("lea"), 5);
        AddSession(Cookie("max"), 4);
        auto host = Host(
            "admin_condition = u.mail LIKE 'lea@%'\n"
            "moderator_condition = u.id = 4\nstaff_moderator_roles =\n"
            "session_where = s.member <> 3\n");
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("lea")), *pool_).staff == StaffRole::kAdmin);
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("max")), *pool_).staff == StaffRole::kModerator);
        AddSession(Cookie("ana"), 3);
        CPPUNIT_ASSERT(host->Identify(Req(Cookie("ana")), *pool_).anonymous());
        auto guests = Host("anonymous_user_id = 5\n");
        CPPUNIT_ASSERT(guests->Identify(Req(Cookie("lea")), *pool_).anonymous());
    }

    void testCookieNameRegexSplitAndRaw() {
        AddSession(Cookie("lea"), 5);
        auto host = Host(
            "cookie_name =\ncookie_name_regex = ^sess_[0-9a-f]{8}$\n"
            "cookie_extract = split:|:1\n");
        http::Request r;
        r.cookies["sess_0badf00d"] = "5|" + Cookie("lea") + "|sig";
        CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, host->Identify(r, *pool_).user_id);
        r.cookies.clear();
        r.cookies["sess_0badf00dx"] = "5|" + Cookie("lea") + "|sig";
        CPPUNIT_ASSERT(host->Identify(r, *pool_).anonymous());
        Exec("UPDATE gst_sessions SET token = ?", {std::string("tok%7Cen") + std::string(20, 'x')});
        auto raw = Host("cookie_decode = none\nid_min_length = 16\n");
        http::Request encoded = Req("tok|en" + std::string(20, 'x'));
        encoded.params["HTTP_COOKIE"] = "other=1; town_sid=tok%7Cen" + std::string(20, 'x');
        CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, raw->Identify(encoded, *pool_).user_id);
        CPPUNIT_ASSERT(Host()->Identify(encoded, *pool_).anonymous());  // decoded: another id
    }

    void testMalformedCookiesNeverQuery() {
        auto host = Host();
        Exec("DROP TABLE gst_sessions");
        for (const std::string& v :
             {std::string(""), std::string("short"), Cookie("a") + " x", std::string(257, 'a'),
              Cookie("a") + "'--", Cookie("a") + ";"}) {
            CPPUNIT_ASSERT(host->Identify(Req(v), *pool_).anonymous());
        }
        CPPUNIT_ASSERT(host->Identify(http::Request{}, *pool_).anonymous());
        CPPUNIT_ASSERT_THROW(host->Identify(Req(Cookie("lea")), *pool_), core::db::DbError);
    }

    void testLinks() {
        auto host = Host(
            "login_url = https://forum.example/login\nlogin_return_param = next\n"
            "logout_url = https://forum.example/logout\n");
        CPPUNIT_ASSERT_EQUAL(std::string("generic_sql"), host->name());
        CPPUNIT_ASSERT_EQUAL(std::string("https://forum.example/login?next=%2Fparticiper%2F"),
                             host->LoginUrl("/participer/"));
        CPPUNIT_ASSERT_EQUAL(std::string("https://forum.example/logout"), host->LogoutUrl("/x"));
        CPPUNIT_ASSERT_EQUAL(std::string("https://forum.example/login"),
                             Host("login_url = https://forum.example/login\n")->LoginUrl("/p"));
    }

  private:
    static std::string Stored(generic::IdTransform t, const std::string& cookie) {
        return generic::ApplyIdTransform(t, cookie);
    }

    void Exec(const std::string& sql, const std::vector<Value>& params = {}) {
        admin_->Execute("generic_sql_test", sql, params);
    }

    void DropTables() {
        for (const char* t : {"gst_sessions", "gst_members"}) {
            Exec(std::string("DROP TABLE IF EXISTS ") + t);
        }
    }

    void AddSession(const std::string& token, std::int64_t member, std::int64_t last_seen = 0,
                    std::optional<std::int64_t> expires = std::nullopt) {
        Value exp = expires ? Value{*expires} : Value{core::db::Null{}};
        Exec(
            "INSERT INTO gst_sessions (token, member, last_seen, expires, ip, agent) "
            "VALUES (?, ?, ?, FROM_UNIXTIME(?), '10.1.2.3', 'Mozilla/5.0 Test')",
            {token, member, last_seen == 0 ? now_ : last_seen, exp});
    }

    std::unique_ptr<HostAdapter> Host(const std::string& extra = "") {
        core::Config config;
        config.ini = core::Ini::Parse(kBase + extra, "test");
        config.db = db_;
        return MakeGenericSqlHost(config);
    }

    core::DatabaseConfig db_;
    std::unique_ptr<core::db::Connection> admin_;
    std::unique_ptr<core::db::Pool> pool_;
    std::int64_t now_ = 0;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GenericSqlDbTest, "host");
}  // namespace placette::host
