// The manual provider (cash, cheque, transfer at the town hall): no hosted page, no notification;
// staff mark a pledge received, and hand money back themselves for a refund.
#pragma once

#include "plugin/payments/provider.h"

namespace placette::payments {

class ManualProvider : public Provider {
  public:
    std::string_view name() const override { return "manual"; }
    bool test_mode() const override { return false; }
    bool redirects() const override { return false; }
    // Reference "manual-<pledge id>"; no redirect URL.
    Checkout CreateCheckout(const CheckoutRequest& req) override;
    // Always pending: only staff know whether the money arrived.
    StatusReport FetchStatus(const std::string& reference) override;
    // Pending until staff confirm they handed the money back.
    RefundResult Refund(const RefundRequest& req) override;
    ParsedNotification ParseNotification(const Headers& headers, std::string_view body) override;
};

}  // namespace placette::payments
