// Mollie Payments API v2: payments with string amounts, the id-only webhook (always fetched back,
// never trusted), refunds and cancellation. The pure parts are exposed for tests.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "plugin/payments/http_client.h"
#include "plugin/payments/provider.h"

namespace placette::payments {

namespace mollie {

// The JSON body of POST /v2/payments for a pledge.
std::string PaymentBody(const CheckoutRequest& req);
// A payment resource → status (paid and fully refunded → refunded).
StatusReport PaymentStatusOf(const nlohmann::json& payment);
RefundStatus MapRefundStatus(std::string_view status);
// The classic webhook body `id=tr_…` → a Notification that needs a fetch; anything else rejected.
ParsedNotification ParseWebhook(std::string_view body);
// A problem+json error body → ProviderError.
ProviderError ErrorFrom(const HttpResponse& res, std::string_view what);
// Mollie ids: a prefix, '_' and alphanumerics.
bool ValidId(std::string_view id);

}  // namespace mollie

struct MollieSettings {
    std::string api_base = "https://api.mollie.com";
    std::string api_key;  // test_… / live_…
};

class MollieProvider : public Provider {
  public:
    MollieProvider(MollieSettings settings, HttpClient http)
        : s_(std::move(settings)), http_(std::move(http)) {}
    std::string_view name() const override { return "mollie"; }
    bool test_mode() const override { return s_.api_key.rfind("test_", 0) == 0; }
    bool redirects() const override { return true; }
    Checkout CreateCheckout(const CheckoutRequest& req) override;
    StatusReport FetchStatus(const std::string& reference) override;
    RefundResult Refund(const RefundRequest& req) override;
    ParsedNotification ParseNotification(const Headers& headers, std::string_view body) override;
    StatusReport Expire(const std::string& reference) override;

  private:
    HttpResponse Call(std::string method, std::string path, std::string json_body,
                      std::string idempotency_key) const;

    MollieSettings s_;
    HttpClient http_;
};

}  // namespace placette::payments
