// Stripe: Checkout Sessions in payment mode, session retrieval, refunds by payment_intent, and
// Stripe-Signature verification. The pure parts (encoding, signature, mapping) are exposed for
// tests.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/payments/http_client.h"
#include "plugin/payments/provider.h"

namespace placette::payments {

namespace stripe {

struct SignatureHeader {
    std::int64_t timestamp = 0;
    std::vector<std::string> v1;  // every v1 value, in order
};

enum class SignatureCheck { kValid, kMalformed, kNoMatch, kStale };

// `t=<unix>,v1=<hex>[,v1=…][,v0=…]`: items split on ',', each on its first '='; nullopt when t is
// missing or not numeric, or when there is no v1.
std::optional<SignatureHeader> ParseSignatureHeader(std::string_view header);
// hex(HMAC-SHA256(secret, t + "." + payload)).
std::string ComputeSignature(std::string_view secret, std::int64_t timestamp,
                             std::string_view payload);
// As stripe-php: any v1 equal (constant time), then |now − t| ≤ tolerance (0 disables).
SignatureCheck VerifySignature(std::string_view header, std::string_view payload,
                               std::string_view secret, std::int64_t now, std::int64_t tolerance);
std::string_view ToString(SignatureCheck c);

// Parses a verified event body into a Notification (or a rejection when it is not an event).
ParsedNotification ParseEvent(std::string_view body);

// The exact form body of POST /v1/checkout/sessions for a pledge.
std::string CheckoutSessionForm(const CheckoutRequest& req);

// A checkout.session object (payment_intent possibly expanded, with latest_charge) → status.
StatusReport SessionStatus(const nlohmann::json& session);
RefundStatus MapRefundStatus(std::string_view status);

// A Stripe error body → ProviderError (kind from the HTTP status; message never has secrets).
ProviderError ErrorFrom(const HttpResponse& res, std::string_view what);

// Stripe ids are [A-Za-z0-9_]; anything else must not reach a URL path.
bool ValidId(std::string_view id);

}  // namespace stripe

struct StripeSettings {
    std::string api_base = "https://api.stripe.com";
    std::string api_version = "2026-06-24.dahlia";
    std::string secret_key;      // sk_test_… / sk_live_…
    std::string webhook_secret;  // whsec_…
    std::int64_t tolerance_s = 300;
};

class StripeProvider : public Provider {
  public:
    StripeProvider(StripeSettings settings, HttpClient http)
        : s_(std::move(settings)), http_(std::move(http)) {}
    std::string_view name() const override { return "stripe"; }
    bool test_mode() const override;
    bool redirects() const override { return true; }
    Checkout CreateCheckout(const CheckoutRequest& req) override;
    StatusReport FetchStatus(const std::string& reference) override;
    RefundResult Refund(const RefundRequest& req) override;
    ParsedNotification ParseNotification(const Headers& headers, std::string_view body) override;
    StatusReport Expire(const std::string& reference) override;

  private:
    HttpResponse Call(std::string method, std::string path, std::string form,
                      std::string idempotency_key) const;

    StripeSettings s_;
    HttpClient http_;
};

}  // namespace placette::payments
