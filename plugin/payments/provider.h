// The payment provider interface (Stripe, Mollie, manual): create a hosted checkout, ask for a
// payment's status, refund it, and verify and parse the provider's notifications.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "plugin/core/money.h"

namespace placette::payments {

// What Placette does with a payment, whatever the provider calls it.
enum class PaymentStatus { kPending, kPaid, kFailed, kCanceled, kExpired, kRefunded };
enum class RefundStatus { kPending, kSucceeded, kFailed };

std::string_view ToString(PaymentStatus s);
std::string_view ToString(RefundStatus s);
std::optional<PaymentStatus> PaymentStatusFromString(std::string_view s);

struct CheckoutRequest {
    std::int64_t pledge_id = 0;
    core::Money amount;
    std::string description;
    std::string success_url;
    std::string cancel_url;
    std::string webhook_url;
    std::string idempotency_key;
};

struct Checkout {
    std::string redirect_url;  // the provider's hosted page; empty for the manual provider
    std::string reference;     // cs_… (Stripe Checkout Session), tr_… (Mollie payment)
};

struct StatusReport {
    PaymentStatus status = PaymentStatus::kPending;
    std::string reference;          // the checkout reference asked about
    std::string payment_reference;  // pi_… for Stripe once known; empty otherwise
    std::optional<core::Money> amount;
    std::string provider_status;  // the provider's own word, for reports
};

struct RefundRequest {
    std::string reference;  // the checkout reference of the paid pledge
    core::Money amount;
    std::string idempotency_key;
    std::string description;
};

struct RefundResult {
    std::string refund_reference;  // re_…
    RefundStatus status = RefundStatus::kPending;
};

// A notification that passed verification.
struct Notification {
    std::string event_id;   // evt_… (Stripe); empty when it must be fetched (Mollie)
    std::string type;       // checkout.session.completed, charge.refunded, mollie.payment…
    std::string reference;  // checkout reference (cs_…, tr_…) when the event names it
    std::string payment_reference;        // pi_… (Stripe) when the event names it
    std::optional<PaymentStatus> status;  // what the event says; empty: ignore the event
    bool needs_fetch = false;             // true: ask FetchStatus(reference) for the truth (Mollie)
};

struct ParsedNotification {
    std::optional<Notification> event;
    std::string rejection;  // why it was refused when `event` is empty (never secret material)
};

// Lower-case header name → value, as received.
using Headers = std::map<std::string, std::string, std::less<>>;

// A provider call that did not succeed. kUnavailable: network error, timeout, 5xx or 429 after
// the retries (try again later with the same key); kRejected: a 4xx the provider will repeat.
class ProviderError : public std::runtime_error {
  public:
    enum class Kind { kUnavailable, kRejected };
    ProviderError(Kind kind, int http_status, const std::string& what)
        : std::runtime_error(what), kind_(kind), http_status_(http_status) {}
    Kind kind() const { return kind_; }
    int http_status() const { return http_status_; }
    bool unavailable() const { return kind_ == Kind::kUnavailable; }

  private:
    Kind kind_;
    int http_status_;
};

class Provider {
  public:
    virtual ~Provider() = default;
    virtual std::string_view name() const = 0;  // "stripe", "mollie", "manual"
    virtual bool test_mode() const = 0;         // test keys configured
    // True when the citizen is sent to a hosted page (false: manual, staff marks it received).
    virtual bool redirects() const = 0;

    // Throw ProviderError.
    virtual Checkout CreateCheckout(const CheckoutRequest& req) = 0;
    virtual StatusReport FetchStatus(const std::string& reference) = 0;
    virtual RefundResult Refund(const RefundRequest& req) = 0;
    // Never throws on bad input: a refusal comes back as `rejection`.
    virtual ParsedNotification ParseNotification(const Headers& headers, std::string_view body) = 0;
    // Stops an unpaid checkout from being paid later (pending timeout), then reports its status;
    // a provider that cannot cancel just reports it.
    virtual StatusReport Expire(const std::string& reference) { return FetchStatus(reference); }
};

}  // namespace placette::payments
