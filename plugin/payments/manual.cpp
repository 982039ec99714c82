// Manual provider: references derived from the pledge, statuses that only staff can change.
// Nothing here talks to the outside world.
#include "plugin/payments/manual.h"

namespace placette::payments {

Checkout ManualProvider::CreateCheckout(const CheckoutRequest& req) {
    return Checkout{"", "manual-" + std::to_string(req.pledge_id)};
}

StatusReport ManualProvider::FetchStatus(const std::string& reference) {
    StatusReport r;
    r.reference = reference;
    r.status = PaymentStatus::kPending;
    r.provider_status = "awaiting staff";
    return r;
}

RefundResult ManualProvider::Refund(const RefundRequest& req) {
    return RefundResult{"manual-refund-" + req.reference, RefundStatus::kPending};
}

ParsedNotification ManualProvider::ParseNotification(const Headers&, std::string_view) {
    return {std::nullopt, "the manual provider receives no notifications"};
}

}  // namespace placette::payments
