// The [payments] configuration: which provider, its base URL, currency and timeouts from the
// main file; API keys and webhook secrets from the secrets file. Builds the configured provider.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "plugin/core/config.h"
#include "plugin/payments/http_client.h"
#include "plugin/payments/provider.h"

namespace placette::payments {

struct PaymentsConfig {
    std::string provider = "manual";  // manual | stripe | mollie
    std::string currency = "EUR";
    std::string stripe_api_base = "https://api.stripe.com";
    std::string stripe_api_version = "2026-06-24.dahlia";
    std::string mollie_api_base = "https://api.mollie.com";
    std::int64_t webhook_tolerance_s = 300;
    std::int64_t pending_timeout_minutes = 30;  // [crowdfunding] pending_timeout_minutes
    HttpOptions http;
    RetryPolicy retry;
    // Secrets ([payments] in the secrets file).
    std::string stripe_secret_key;
    std::string stripe_webhook_secret;
    std::string mollie_api_key;

    // Validates everything; throws core::ConfigError naming the key (never its value).
    static PaymentsConfig FromIni(const core::Ini& ini);
    // True when the configured provider uses test keys (sk_test_…, test_…): staff pages say so.
    bool test_mode() const;
};

// An http(s) base URL without a trailing slash; plain http only for loopback hosts (the fakes).
bool ValidApiBase(const std::string& url);

// The configured provider. `transport` defaults to libcurl with the configured timeouts.
std::unique_ptr<Provider> MakeProvider(const PaymentsConfig& cfg,
                                       std::shared_ptr<Transport> transport = nullptr);

}  // namespace placette::payments
