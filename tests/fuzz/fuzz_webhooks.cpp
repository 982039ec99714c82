// libFuzzer entry point for the payment webhook parsers: Stripe-Signature headers and events,
// Mollie's id-only form body, and the status mapping of provider JSON objects.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "plugin/payments/mollie.h"
#include "plugin/payments/stripe.h"

namespace {

namespace pay = placette::payments;

// The input's first line is a Stripe-Signature header, the rest the body.
void CheckStripe(std::string_view in) {
    std::size_t nl = in.find('\n');
    std::string_view header = in.substr(0, nl);
    std::string_view body = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
    auto parsed = pay::stripe::ParseSignatureHeader(header);
    if (parsed && parsed->v1.empty()) __builtin_trap();
    auto check = pay::stripe::VerifySignature(header, body, "whsec_fuzz", 1700000000, 300);
    if (check == pay::stripe::SignatureCheck::kValid) {
        // Only a header carrying the right HMAC of this exact body may pass.
        if (!parsed) __builtin_trap();
        std::string want = pay::stripe::ComputeSignature("whsec_fuzz", parsed->timestamp, body);
        bool found = false;
        for (const auto& v : parsed->v1) found = found || v == want;
        if (!found) __builtin_trap();
    }
    auto event = pay::stripe::ParseEvent(body);
    if (event.event && event.event->event_id.empty()) __builtin_trap();
    if (event.event && event.event->status && event.event->reference.empty() &&
        event.event->payment_reference.empty()) {
        __builtin_trap();
    }
}

void CheckMollie(std::string_view in) {
    auto n = pay::mollie::ParseWebhook(in);
    if (n.event && (n.event->reference.rfind("tr_", 0) != 0 || !n.event->needs_fetch))
        __builtin_trap();
    if (n.event && !pay::mollie::ValidId(n.event->reference)) __builtin_trap();
}

void CheckObjects(std::string_view in) {
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return;
    (void)pay::stripe::SessionStatus(j);
    (void)pay::mollie::PaymentStatusOf(j);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    CheckStripe(in);
    CheckMollie(in);
    CheckObjects(in);
    return 0;
}
