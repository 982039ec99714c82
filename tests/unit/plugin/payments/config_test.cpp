// Unit tests for plugin/payments/config: defaults, required secrets per provider, key prefixes
// (test or live mode), base URLs (https, or http on loopback only) and the provider factory.
#include "plugin/payments/config.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::payments {
namespace {

core::Ini IniOf(const std::string& text) { return core::Ini::Parse(text, "test.ini"); }

class PaymentsConfigTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PaymentsConfigTest);
    CPPUNIT_TEST(testDefaultsAreManual);
    CPPUNIT_TEST(testStripeNeedsKeys);
    CPPUNIT_TEST(testMollieNeedsKey);
    CPPUNIT_TEST(testTestModeDetection);
    CPPUNIT_TEST(testApiBaseTable);
    CPPUNIT_TEST(testBadValuesNameTheKey);
    CPPUNIT_TEST(testFactory);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testDefaultsAreManual() {
        PaymentsConfig c = PaymentsConfig::FromIni(IniOf("[site]\nname=x\n"));
        CPPUNIT_ASSERT_EQUAL(std::string("manual"), c.provider);
        CPPUNIT_ASSERT_EQUAL(std::string("https://api.stripe.com"), c.stripe_api_base);
        CPPUNIT_ASSERT_EQUAL(std::string("https://api.mollie.com"), c.mollie_api_base);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{300}, c.webhook_tolerance_s);
        CPPUNIT_ASSERT(!c.test_mode());
    }

    void testStripeNeedsKeys() {
        CPPUNIT_ASSERT_THROW(PaymentsConfig::FromIni(IniOf("[payments]\nprovider=stripe\n")),
                             core::ConfigError);
        CPPUNIT_ASSERT_THROW(PaymentsConfig::FromIni(IniOf(
                                 "[payments]\nprovider=stripe\nstripe_secret_key=sk_test_1\n")),
                             core::ConfigError);
        CPPUNIT_ASSERT_THROW(PaymentsConfig::FromIni(IniOf(
                                 "[payments]\nprovider=stripe\n"
                                 "stripe_secret_key=pk_test_1\nstripe_webhook_secret=whsec_1\n")),
                             core::ConfigError);
        PaymentsConfig c =
            PaymentsConfig::FromIni(IniOf("[payments]\nprovider=stripe\nstripe_secret_key=sk_test_"
                                          "1\nstripe_webhook_secret=whsec_1\n"
                                          "stripe_api_base=http://127.0.0.1:18491\n"));
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:18491"), c.stripe_api_base);
    }

    void testMollieNeedsKey() {
        CPPUNIT_ASSERT_THROW(PaymentsConfig::FromIni(IniOf("[payments]\nprovider=mollie\n")),
                             core::ConfigError);
        CPPUNIT_ASSERT_THROW(
            PaymentsConfig::FromIni(IniOf("[payments]\nprovider=mollie\nmollie_api_key=abc\n")),
            core::ConfigError);
        CPPUNIT_ASSERT(
            PaymentsConfig::FromIni(IniOf("[payments]\nprovider=mollie\nmollie_api_key=test_abc\n"))
                .test_mode());
    }

    void testTestModeDetection() {
        auto stripe = [](const std::string& key) {
            return PaymentsConfig::FromIni(IniOf("[payments]\nprovider=stripe\nstripe_secret_key=" +
                                                 key + "\nstripe_webhook_secret=whsec_1\n"))
                .test_mode();
        };
        CPPUNIT_ASSERT(stripe("sk_test_abc"));
        CPPUNIT_ASSERT(stripe("rk_test_abc"));
        CPPUNIT_ASSERT(!stripe("sk_live_abc"));
        CPPUNIT_ASSERT(!PaymentsConfig::FromIni(
                            IniOf("[payments]\nprovider=mollie\nmollie_api_key=live_abc\n"))
                            .test_mode());
    }

    void testApiBaseTable() {
        const std::vector<std::pair<std::string, bool>> cases = {
            {"https://api.stripe.com", true},
            {"https://127.0.0.1:8443", true},
            {"http://127.0.0.1:18491", true},
            {"http://localhost:1", true},
            {"http://[::1]:9", true},
            {"http://api.stripe.com", false},
            {"http://127.0.0.1.evil.example", false},
            {"https://api.stripe.com/", false},
            {"ftp://x", false},
            {"", false},
            {"https://", false},
            {"https://a b", false},
            {"https://api.example?x=1", false},
        };
        for (const auto& [url, ok] : cases)
            CPPUNIT_ASSERT_EQUAL_MESSAGE(url, ok, ValidApiBase(url));
    }

    void testBadValuesNameTheKey() {
        try {
            PaymentsConfig::FromIni(IniOf("[payments]\nprovider=paypal\n"));
            CPPUNIT_FAIL("expected ConfigError");
        } catch (const core::ConfigError& e) {
            CPPUNIT_ASSERT(std::string(e.what()).find("[payments] provider") != std::string::npos);
        }
        try {
            PaymentsConfig::FromIni(
                IniOf("[payments]\nprovider=mollie\nmollie_api_key=secretvalue\n"));
            CPPUNIT_FAIL("expected ConfigError");
        } catch (const core::ConfigError& e) {
            CPPUNIT_ASSERT(std::string(e.what()).find("secretvalue") == std::string::npos);
        }
        CPPUNIT_ASSERT_THROW(PaymentsConfig::FromIni(IniOf("[payments]\ntimeout_ms=abc\n")),
                             core::ConfigError);
    }

    void testFactory() {
        CPPUNIT_ASSERT_EQUAL(std::string_view("manual"), MakeProvider(PaymentsConfig{})->name());
        PaymentsConfig c = PaymentsConfig::FromIni(
            IniOf("[payments]\nprovider=mollie\nmollie_api_key=test_abc\n"));
        auto p = MakeProvider(c);
        CPPUNIT_ASSERT_EQUAL(std::string_view("mollie"), p->name());
        CPPUNIT_ASSERT(p->redirects());
        CPPUNIT_ASSERT(p->test_mode());
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PaymentsConfigTest, "payments");
}  // namespace placette::payments
