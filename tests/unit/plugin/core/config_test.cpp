// Config: INI syntax, typed values with their limits, required keys, secrets file permissions.
#include "plugin/core/config.h"

#include <cppunit/extensions/HelperMacros.h>
#include <sys/stat.h>

#include <fstream>

using placette::core::Config;
using placette::core::ConfigError;
using placette::core::Ini;

namespace {
const char* kMinimal =
    "[site]\nsecret = 0123456789abcdef0123456789abcdef\n"
    "[database]\nname = wp\nuser = placette\n";
}

class ConfigTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ConfigTest);
    CPPUNIT_TEST(ParsesSectionsCommentsAndQuotes);
    CPPUNIT_TEST(SyntaxErrorNamesTheLine);
    CPPUNIT_TEST(DefaultsApply);
    CPPUNIT_TEST(IntegerOutOfRangeNamesTheKey);
    CPPUNIT_TEST(ShortSecretRefused);
    CPPUNIT_TEST(BadPrefixRefused);
    CPPUNIT_TEST(BadBasePathRefused);
    CPPUNIT_TEST(MissingDatabaseNameRefused);
    CPPUNIT_TEST(WorldReadableSecretsRefused);
    CPPUNIT_TEST(SecretsFileMergedOverConfig);
    CPPUNIT_TEST_SUITE_END();

  public:
    void ParsesSectionsCommentsAndQuotes() {
        Ini ini = Ini::Parse("; comment\n[a]\nx = 1\n# other\ny = \" spaced \"\n[b]\nx=2\n", "t");
        CPPUNIT_ASSERT_EQUAL(std::string("1"), *ini.Get("a", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string(" spaced "), *ini.Get("a", "y"));
        CPPUNIT_ASSERT_EQUAL(std::string("2"), *ini.Get("b", "x"));
        CPPUNIT_ASSERT(!ini.Get("b", "y"));
    }

    void SyntaxErrorNamesTheLine() {
        try {
            Ini::Parse("[a]\nx = 1\nbroken line\n", "cfg.ini");
            CPPUNIT_FAIL("expected ConfigError");
        } catch (const ConfigError& e) {
            CPPUNIT_ASSERT(std::string(e.what()).find("cfg.ini:3") != std::string::npos);
        }
        CPPUNIT_ASSERT_THROW(Ini::Parse("x = 1\n", "t"), ConfigError);
        CPPUNIT_ASSERT_THROW(Ini::Parse("[open\n", "t"), ConfigError);
    }

    void DefaultsApply() {
        Config c = Config::FromIni(Ini::Parse(kMinimal, "t"));
        CPPUNIT_ASSERT_EQUAL(std::string("/participer"), c.base_path);
        CPPUNIT_ASSERT_EQUAL(std::string("fr"), c.language);
        CPPUNIT_ASSERT_EQUAL(std::string("plc_"), c.db.table_prefix);
        CPPUNIT_ASSERT_EQUAL(8u, c.workers);
        CPPUNIT_ASSERT_EQUAL(0u, c.active_workers);  // one per processor
        CPPUNIT_ASSERT_EQUAL(std::size_t{8 * 1024 * 1024}, c.max_body_bytes);
        c = Config::FromIni(
            Ini::Parse(std::string(kMinimal) + "[server]\nactive_workers = 3\n", "t"));
        CPPUNIT_ASSERT_EQUAL(3u, c.active_workers);
        CPPUNIT_ASSERT_THROW(Config::FromIni(Ini::Parse(
                                 std::string(kMinimal) + "[server]\nactive_workers = -1\n", "t")),
                             ConfigError);
    }

    void IntegerOutOfRangeNamesTheKey() {
        Ini ini = Ini::Parse(std::string(kMinimal) + "[server]\nworkers = 0\n", "t");
        try {
            Config::FromIni(ini);
            CPPUNIT_FAIL("expected ConfigError");
        } catch (const ConfigError& e) {
            CPPUNIT_ASSERT(std::string(e.what()).find("[server] workers") != std::string::npos);
        }
        CPPUNIT_ASSERT_THROW(
            Config::FromIni(Ini::Parse(std::string(kMinimal) + "[server]\nworkers = 4x\n", "t")),
            ConfigError);
    }

    void ShortSecretRefused() {
        CPPUNIT_ASSERT_THROW(Config::FromIni(Ini::Parse(
                                 "[site]\nsecret = short\n[database]\nname=a\nuser=b\n", "t")),
                             ConfigError);
    }

    void BadPrefixRefused() {
        CPPUNIT_ASSERT_THROW(
            Config::FromIni(Ini::Parse(std::string(kMinimal) + "table_prefix = plc; DROP\n", "t")),
            ConfigError);
    }

    void BadBasePathRefused() {
        Ini ini = Ini::Parse(kMinimal, "t");
        ini.Set("site", "base_path", "/participer/");
        CPPUNIT_ASSERT_THROW(Config::FromIni(ini), ConfigError);
        ini.Set("site", "base_path", "participer");
        CPPUNIT_ASSERT_THROW(Config::FromIni(ini), ConfigError);
    }

    void MissingDatabaseNameRefused() {
        CPPUNIT_ASSERT_THROW(
            Config::FromIni(Ini::Parse("[site]\nsecret = 0123456789abcdef0123456789abcdef\n", "t")),
            ConfigError);
    }

    void WorldReadableSecretsRefused() {
        const std::string secrets = "/tmp/placette_cfgtest_secrets.ini";
        const std::string main = "/tmp/placette_cfgtest.ini";
        Write(secrets, "[site]\nsecret = 0123456789abcdef0123456789abcdef\n");
        ::chmod(secrets.c_str(), 0644);
        Write(main, "[site]\nsecrets_file = " + secrets + "\n[database]\nname=a\nuser=b\n");
        CPPUNIT_ASSERT_THROW(Config::Load(main), ConfigError);
        ::chmod(secrets.c_str(), 0600);
        CPPUNIT_ASSERT_NO_THROW(Config::Load(main));
    }

    void SecretsFileMergedOverConfig() {
        const std::string secrets = "/tmp/placette_cfgtest_secrets2.ini";
        const std::string main = "/tmp/placette_cfgtest2.ini";
        Write(secrets,
              "[site]\nsecret = 0123456789abcdef0123456789abcdef\n[database]\npassword = s3cret\n");
        ::chmod(secrets.c_str(), 0600);
        Write(main,
              "[site]\nsecrets_file = " + secrets + "\n[database]\nname=a\nuser=b\npassword=old\n");
        Config c = Config::Load(main);
        CPPUNIT_ASSERT_EQUAL(std::string("s3cret"), c.db.password);
    }

  private:
    static void Write(const std::string& path, const std::string& text) {
        std::ofstream(path, std::ios::trunc) << text;
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigTest, "core");
