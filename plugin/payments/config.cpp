// Reading and validating [payments]; key prefixes tell test from live mode; the factory wires a
// provider to a libcurl transport with the configured timeouts and retries.
#include "plugin/payments/config.h"

#include "plugin/payments/manual.h"
#include "plugin/payments/mollie.h"
#include "plugin/payments/stripe.h"

namespace placette::payments {

namespace {
bool StartsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

[[noreturn]] void Bad(std::string_view key, std::string_view why) {
    throw core::ConfigError("[payments] " + std::string(key) + " " + std::string(why));
}

void CheckStripe(const PaymentsConfig& c) {
    const std::string& k = c.stripe_secret_key;
    if (k.empty())
        Bad("stripe_secret_key", "is required in the secrets file when provider = stripe");
    if (!StartsWith(k, "sk_test_") && !StartsWith(k, "sk_live_") && !StartsWith(k, "rk_test_") &&
        !StartsWith(k, "rk_live_")) {
        Bad("stripe_secret_key", "must start with sk_test_, sk_live_, rk_test_ or rk_live_");
    }
    if (!StartsWith(c.stripe_webhook_secret, "whsec_")) {
        Bad("stripe_webhook_secret",
            "(secrets file) must be the endpoint's signing secret, whsec_…");
    }
}

void CheckMollie(const PaymentsConfig& c) {
    const std::string& k = c.mollie_api_key;
    if (k.empty()) Bad("mollie_api_key", "is required in the secrets file when provider = mollie");
    if (!StartsWith(k, "test_") && !StartsWith(k, "live_"))
        Bad("mollie_api_key", "must start with test_ or live_");
}
}  // namespace

bool ValidApiBase(const std::string& url) {
    if (url.empty() || url.back() == '/') return false;
    for (char c : url) {
        if (c <= ' ' || c == '?' || c == '#' || c == '"' || c == '\\' || c > '~') return false;
    }
    if (StartsWith(url, "https://")) return url.size() > 8;
    if (!StartsWith(url, "http://")) return false;
    std::string rest = url.substr(7);
    std::string host = rest.substr(0, rest.find_first_of(":/"));
    if (StartsWith(rest, "[::1]")) host = "[::1]";
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

PaymentsConfig PaymentsConfig::FromIni(const core::Ini& ini) {
    PaymentsConfig c;
    c.provider = ini.GetOr("payments", "provider", c.provider);
    if (c.provider != "manual" && c.provider != "stripe" && c.provider != "mollie") {
        Bad("provider", "must be manual, stripe or mollie");
    }
    c.currency = ini.GetOr("payments", "currency", c.currency);
    if (c.currency.size() != 3) Bad("currency", "must be an ISO 4217 code such as EUR");
    c.stripe_api_base = ini.GetOr("payments", "stripe_api_base", c.stripe_api_base);
    c.mollie_api_base = ini.GetOr("payments", "mollie_api_base", c.mollie_api_base);
    if (!ValidApiBase(c.stripe_api_base))
        Bad("stripe_api_base",
            "must be an https:// URL (http:// only on 127.0.0.1) without a trailing /");
    if (!ValidApiBase(c.mollie_api_base))
        Bad("mollie_api_base",
            "must be an https:// URL (http:// only on 127.0.0.1) without a trailing /");
    c.stripe_api_version = ini.GetOr("payments", "stripe_api_version", c.stripe_api_version);
    c.webhook_tolerance_s = ini.GetInt("payments", "webhook_tolerance_seconds", 300, 0, 86400);
    // The crowdfunding rule, read here only to tell citizens how long a pledge stays reserved.
    c.pending_timeout_minutes =
        ini.GetInt("crowdfunding", "pending_timeout_minutes", 30, 1, 60 * 24 * 30);
    c.http.connect_timeout_ms = ini.GetInt("payments", "connect_timeout_ms", 5000, 100, 60000);
    c.http.total_timeout_ms = ini.GetInt("payments", "timeout_ms", 20000, 500, 120000);
    c.retry.max_attempts = static_cast<int>(ini.GetInt("payments", "max_attempts", 3, 1, 10));
    c.retry.base_backoff_ms =
        static_cast<int>(ini.GetInt("payments", "retry_backoff_ms", 250, 0, 10000));
    c.stripe_secret_key = ini.GetOr("payments", "stripe_secret_key", "");
    c.stripe_webhook_secret = ini.GetOr("payments", "stripe_webhook_secret", "");
    c.mollie_api_key = ini.GetOr("payments", "mollie_api_key", "");
    if (c.provider == "stripe") CheckStripe(c);
    if (c.provider == "mollie") CheckMollie(c);
    return c;
}

bool PaymentsConfig::test_mode() const {
    if (provider == "stripe")
        return StartsWith(stripe_secret_key, "sk_test_") ||
               StartsWith(stripe_secret_key, "rk_test_");
    if (provider == "mollie") return StartsWith(mollie_api_key, "test_");
    return false;
}

std::unique_ptr<Provider> MakeProvider(const PaymentsConfig& cfg,
                                       std::shared_ptr<Transport> transport) {
    if (cfg.provider == "manual") return std::make_unique<ManualProvider>();
    if (!transport) transport = std::make_shared<CurlTransport>(cfg.http);
    HttpClient http(std::move(transport), cfg.retry);
    if (cfg.provider == "stripe") {
        StripeSettings s{cfg.stripe_api_base, cfg.stripe_api_version, cfg.stripe_secret_key,
                         cfg.stripe_webhook_secret, cfg.webhook_tolerance_s};
        return std::make_unique<StripeProvider>(std::move(s), std::move(http));
    }
    return std::make_unique<MollieProvider>(MollieSettings{cfg.mollie_api_base, cfg.mollie_api_key},
                                            std::move(http));
}

}  // namespace placette::payments
