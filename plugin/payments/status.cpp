// Names of the payment and refund statuses, as stored in the database and shown in reports.
// One word each, lower case.
#include "plugin/payments/provider.h"

namespace placette::payments {

std::string_view ToString(PaymentStatus s) {
    switch (s) {
        case PaymentStatus::kPending:
            return "pending";
        case PaymentStatus::kPaid:
            return "paid";
        case PaymentStatus::kFailed:
            return "failed";
        case PaymentStatus::kCanceled:
            return "canceled";
        case PaymentStatus::kExpired:
            return "expired";
        case PaymentStatus::kRefunded:
            return "refunded";
    }
    return "pending";
}

std::string_view ToString(RefundStatus s) {
    switch (s) {
        case RefundStatus::kPending:
            return "pending";
        case RefundStatus::kSucceeded:
            return "succeeded";
        case RefundStatus::kFailed:
            return "failed";
    }
    return "pending";
}

std::optional<PaymentStatus> PaymentStatusFromString(std::string_view s) {
    for (PaymentStatus p :
         {PaymentStatus::kPending, PaymentStatus::kPaid, PaymentStatus::kFailed,
          PaymentStatus::kCanceled, PaymentStatus::kExpired, PaymentStatus::kRefunded}) {
        if (ToString(p) == s) return p;
    }
    return std::nullopt;
}

}  // namespace placette::payments
