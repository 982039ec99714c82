// Unit tests for plugin/host/generic_sql_rules and the generic adapter's settings: id
// transforms, field extraction, id format, freshness meanings, SQL fragment checks, raw cookies,
// the SELECT built from the keys and the keys refused.
#include "plugin/host/generic_sql.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

#include "plugin/core/crypto.h"
#include "plugin/host/adapter.h"
#include "plugin/host/generic_sql_rules.h"

namespace placette::host::generic {
namespace {

const std::string kMinimal =
    "[host]\ntype = generic_sql\ncookie_name = town_session\nsession_table = sessions\n"
    "session_id_column = id\nsession_user_column = user_id\nuser_table = users\n"
    "user_id_column = id\nuser_login_column = login\n";

core::Config Config(const std::string& extra) {
    core::Config config;
    config.ini = core::Ini::Parse(kMinimal + extra, "test");
    return config;
}

class GenericSqlRulesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(GenericSqlRulesTest);
    CPPUNIT_TEST(testTransformsTable);
    CPPUNIT_TEST(testDrupalVectorThroughB64Url);
    CPPUNIT_TEST(testExtractTable);
    CPPUNIT_TEST(testIdFormat);
    CPPUNIT_TEST(testFreshnessMeanings);
    CPPUNIT_TEST(testSqlFragments);
    CPPUNIT_TEST(testRawCookie);
    CPPUNIT_TEST(testSelectText);
    CPPUNIT_TEST(testRefusedSettings);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testTransformsTable() {
        struct Case {
            std::string name;
            std::string want;
        };
        const std::string id = "abcdefSESSIONID0123456789";
        const std::vector<Case> cases = {
            {"none", id},
            {"raw", id},
            {"md5-hex", core::Md5Hex(id)},
            {"sha1-hex", "(the abc vector below)"},
            {"sha256-hex", core::Sha256Hex(id)},
            {"sha256-b64url", "p-4bvCFSfLAN8hJmq1PnuFsRfzWaggLaTaaRTJs7jpE"},
        };
        for (const Case& c : cases) {
            std::optional<IdTransform> t = ParseIdTransform(c.name);
            CPPUNIT_ASSERT_MESSAGE(c.name, t.has_value());
            if (c.name == "sha1-hex") {
                CPPUNIT_ASSERT_EQUAL(std::size_t{40}, ApplyIdTransform(*t, id).size());
                continue;
            }
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.name, c.want, ApplyIdTransform(*t, id));
        }
        CPPUNIT_ASSERT_EQUAL(std::string("a9993e364706816aba3e25717850c26c9cd0d89d"),
                             ApplyIdTransform(IdTransform::kSha1Hex, "abc"));
        CPPUNIT_ASSERT(!ParseIdTransform("sha512"));
    }

    void testDrupalVectorThroughB64Url() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("p-4bvCFSfLAN8hJmq1PnuFsRfzWaggLaTaaRTJs7jpE"),
            ApplyIdTransform(IdTransform::kSha256B64Url, "abcdefSESSIONID0123456789"));
    }

    void testExtractTable() {
        struct Case {
            std::string spec, value;
            std::optional<std::string> want;
        };
        const std::vector<Case> cases = {
            {"whole", "a|b|c", "a|b|c"},
            {"split:|:0", "a|b|c", "a"},
            {"split:|:2", "a|b|c", "c"},
            {"split:|:3", "a|b|c", std::nullopt},
            {"split:_:1", "12_secretkey_x", "secretkey"},
            {"split:|:0", "", ""},
        };
        for (const Case& c : cases) {
            std::optional<Extract> e = ParseExtract(c.spec);
            CPPUNIT_ASSERT_MESSAGE(c.spec, e.has_value());
            std::optional<std::string_view> got = ExtractId(*e, c.value);
            CPPUNIT_ASSERT_MESSAGE(
                c.spec + " " + c.value,
                got.has_value() == c.want.has_value() && (!got || std::string(*got) == *c.want));
        }
        for (const char* bad : {"", "split", "split:|", "split:|:", "split:|:x", "split:||:1",
                                "json:0", "split:|:1234"}) {
            CPPUNIT_ASSERT_MESSAGE(bad, !ParseExtract(bad));
        }
    }

    void testIdFormat() {
        CPPUNIT_ASSERT(ValidId("0123456789abcdef", 16, 256));
        CPPUNIT_ASSERT(ValidId("Ab+/=-_.~!0123456", 16, 256));
        CPPUNIT_ASSERT(!ValidId("0123456789abcde", 16, 256));
        CPPUNIT_ASSERT(!ValidId(std::string(257, 'a'), 16, 256));
        for (const char* bad : {"0123456789abcdef ", "0123456789abcdef'", "0123456789abcdef\"",
                                "0123456789abcdef;", "0123456789abcdef\\", "0123456789abcdef,",
                                "0123456789abcdef\x7f", "0123456789abcdef\xc3\xa9"}) {
            CPPUNIT_ASSERT_MESSAGE(bad, !ValidId(bad, 16, 256));
        }
    }

    void testFreshnessMeanings() {
        const std::int64_t now = 1000000;
        CPPUNIT_ASSERT(ValidUntil(Freshness::kNone, 0, 0, now) == now + 86400);
        CPPUNIT_ASSERT(ValidUntil(Freshness::kLastSeen, now - 600, 600, now) == now);
        CPPUNIT_ASSERT(!ValidUntil(Freshness::kLastSeen, now - 601, 600, now));
        CPPUNIT_ASSERT(ValidUntil(Freshness::kExpiresAt, now + 1, 0, now) == now);
        CPPUNIT_ASSERT(!ValidUntil(Freshness::kExpiresAt, now, 0, now));
        CPPUNIT_ASSERT(ParseFreshness("last_seen") == Freshness::kLastSeen);
        CPPUNIT_ASSERT(!ParseFreshness("expires"));
    }

    void testSqlFragments() {
        for (const char* good :
             {"u.status = 1", "s.guest = 0 AND (s.client_id = 0 OR s.client_id IS NULL)",
              "u.role IN ('admin', 'webmaster')",
              "EXISTS (SELECT 1 FROM group_user g WHERE g.user_id = u.id)"}) {
            CPPUNIT_ASSERT_MESSAGE(good, SafeSqlFragment(good));
        }
        for (const char* bad :
             {"", "1; DROP TABLE users", "u.name = ?", "1 -- x", "1 /* x */", "u.name = 'x",
              "u.name = \"x\"", "1 # x", "u.a = '\\''", "u.a = 1\n"}) {
            CPPUNIT_ASSERT_MESSAGE(bad, !SafeSqlFragment(bad));
        }
        CPPUNIT_ASSERT(!SafeSqlFragment(std::string(501, '1')));
    }

    void testRawCookie() {
        const std::string header = "a=1; town_session=ab%7Ccd+ef; town_session=second;x=";
        CPPUNIT_ASSERT(RawCookie(header, "town_session") == std::string_view("ab%7Ccd+ef"));
        CPPUNIT_ASSERT(RawCookie(header, "x") == std::string_view(""));
        CPPUNIT_ASSERT(!RawCookie(header, "town"));
        CPPUNIT_ASSERT(!RawCookie("", "a"));
    }

    void testSelectText() {
        GenericSqlSettings s = LoadGenericSqlSettings(
            Config("freshness = expires_at\nfreshness_column = expires\nfreshness_type = datetime\n"
                   "user_where = u.active = 1\nadmin_condition = u.grp = 4\n"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("SELECT s.`id`, s.`user_id`, UNIX_TIMESTAMP(s.`expires`), NULL, NULL, "
                        "u.`login`, u.`login`, NULL, NULL, (u.grp = 4), 0 FROM `sessions` s "
                        "JOIN `users` u ON u.`id` = s.`user_id` WHERE s.`id` = ? AND "
                        "(u.active = 1) LIMIT 4"),
            GenericSessionSql(s));
    }

    void testRefusedSettings() {
        const std::vector<std::string> bad = {
            "cookie_name_regex = ^x$\n",        // both name and regex
            "session_table = sessions;drop\n",  // a later key overrides: not a name
            "id_transform = sha512\n",
            "cookie_extract = json:0\n",
            "cookie_decode = base64\n",
            "freshness = last_seen\nfreshness_column = seen\n",  // max_idle_seconds missing
            "freshness = expires_at\n",                          // freshness_column missing
            "freshness_type = iso\n",
            "session_where = 1; DELETE FROM users\n",
            "admin_condition = u.name = ?\n",
            "bind_ip_parts = 5\n",
            "user_table =\n",
            "cache_seconds = 60\n",
            "login_return_param = a b\n",
        };
        for (const std::string& extra : bad) {
            CPPUNIT_ASSERT_THROW_MESSAGE(extra, LoadGenericSqlSettings(Config(extra)),
                                         core::ConfigError);
        }
        core::Config regex = Config("cookie_name =\ncookie_name_regex = ([\n");
        CPPUNIT_ASSERT_THROW(MakeGenericSqlHost(regex), core::ConfigError);
    }
};

// MakeHostAdapter's dispatch on [host] type to the adapters of this family.
class HostDispatchTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostDispatchTest);
    CPPUNIT_TEST(testEachTypeBuildsItsAdapter);
    CPPUNIT_TEST(testUnknownTypeNamesTheChoices);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testEachTypeBuildsItsAdapter() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"drupal7", ""}, {"drupal10", ""}, {"phpbb", ""}, {"joomla", "secret = s3cr3t\n"}};
        for (const auto& [type, extra] : cases) {
            core::Config config;
            config.ini = core::Ini::Parse("[host]\ntype = " + type + "\n" + extra, "test");
            CPPUNIT_ASSERT_EQUAL(type, MakeHostAdapter(config)->name());
        }
        core::Config generic = Config("");
        CPPUNIT_ASSERT_EQUAL(std::string("generic_sql"), MakeHostAdapter(generic)->name());
    }

    void testUnknownTypeNamesTheChoices() {
        core::Config config;
        config.ini = core::Ini::Parse("[host]\ntype = drupal\n", "test");
        try {
            MakeHostAdapter(config);
            CPPUNIT_FAIL("no error for an unknown type");
        } catch (const core::ConfigError& e) {
            const std::string what = e.what();
            for (const char* type : {"drupal7", "drupal10", "phpbb", "joomla", "generic_sql"}) {
                CPPUNIT_ASSERT_MESSAGE(what, what.find(type) != std::string::npos);
            }
        }
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GenericSqlRulesTest, "host");
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HostDispatchTest, "host");
}  // namespace placette::host::generic
