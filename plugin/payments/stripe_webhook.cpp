// Stripe webhooks: the Stripe-Signature header checked exactly as stripe-php does (HMAC-SHA256
// over "t.payload", any v1, constant time, tolerance window) and events mapped to pledge statuses.
#include <charconv>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "plugin/core/crypto.h"
#include "plugin/payments/stripe.h"

namespace placette::payments::stripe {

namespace {
using nlohmann::json;

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string StringAt(const json& obj, const char* key) {
    if (!obj.is_object()) return "";
    auto it = obj.find(key);
    if (it == obj.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    // An expanded object (e.g. payment_intent) carries its id.
    if (it->is_object()) return StringAt(*it, "id");
    return "";
}

// What a checkout.session.* or charge.* event says about the pledge.
std::optional<PaymentStatus> EventStatus(std::string_view type, const json& obj) {
    if (type == "checkout.session.completed") {
        std::string ps = StringAt(obj, "payment_status");
        if (ps == "paid" || ps == "no_payment_required") return PaymentStatus::kPaid;
        return PaymentStatus::kPending;  // async methods: the outcome comes later
    }
    if (type == "checkout.session.async_payment_succeeded") return PaymentStatus::kPaid;
    if (type == "checkout.session.async_payment_failed") return PaymentStatus::kFailed;
    if (type == "checkout.session.expired") return PaymentStatus::kExpired;
    if (type == "charge.refunded") {
        auto it = obj.find("refunded");
        // Only a full refund refunds the pledge; a partial one is left to staff.
        if (it != obj.end() && it->is_boolean() && it->get<bool>()) return PaymentStatus::kRefunded;
        return std::nullopt;
    }
    return std::nullopt;
}
}  // namespace

std::optional<SignatureHeader> ParseSignatureHeader(std::string_view header) {
    SignatureHeader out;
    bool have_t = false;
    while (!header.empty()) {
        std::size_t comma = header.find(',');
        std::string_view item = Trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view key = item.substr(0, eq);
        std::string_view value = item.substr(eq + 1);
        if (key == "t") {
            std::int64_t t = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
            if (ec != std::errc{} || p != value.data() + value.size() || value.empty()) {
                return std::nullopt;
            }
            out.timestamp = t;
            have_t = true;
        } else if (key == "v1") {
            out.v1.emplace_back(value);
        }
    }
    if (!have_t || out.v1.empty()) return std::nullopt;
    return out;
}

std::string ComputeSignature(std::string_view secret, std::int64_t timestamp,
                             std::string_view payload) {
    std::string signed_payload = std::to_string(timestamp);
    signed_payload += '.';
    signed_payload.append(payload);
    return core::HmacSha256Hex(secret, signed_payload);
}

SignatureCheck VerifySignature(std::string_view header, std::string_view payload,
                               std::string_view secret, std::int64_t now, std::int64_t tolerance) {
    auto parsed = ParseSignatureHeader(header);
    if (!parsed || secret.empty()) return SignatureCheck::kMalformed;
    const std::string expected = ComputeSignature(secret, parsed->timestamp, payload);
    bool match = false;
    for (const auto& v : parsed->v1) match = core::ConstantTimeEquals(expected, v) || match;
    if (!match) return SignatureCheck::kNoMatch;
    if (tolerance > 0) {
        // Compared as bounds on t so that a hostile t near INT64_MIN/MAX cannot overflow (now and
        // tolerance are small: seconds since 1970 and at most a year).
        if (parsed->timestamp < now - tolerance || parsed->timestamp > now + tolerance) {
            return SignatureCheck::kStale;
        }
    }
    return SignatureCheck::kValid;
}

std::string_view ToString(SignatureCheck c) {
    switch (c) {
        case SignatureCheck::kValid:
            return "valid";
        case SignatureCheck::kMalformed:
            return "malformed signature header";
        case SignatureCheck::kNoMatch:
            return "no matching v1 signature";
        case SignatureCheck::kStale:
            return "timestamp outside the tolerance window";
    }
    return "invalid";
}

ParsedNotification ParseEvent(std::string_view body) {
    json event = json::parse(body, nullptr, false);
    if (event.is_discarded() || !event.is_object())
        return {std::nullopt, "body is not a JSON object"};
    if (StringAt(event, "object") != "event") return {std::nullopt, "not an event object"};
    Notification n;
    n.event_id = StringAt(event, "id");
    n.type = StringAt(event, "type");
    if (n.event_id.empty() || n.event_id.size() > 255 || !ValidId(n.event_id)) {
        return {std::nullopt, "event without a valid id"};
    }
    if (n.type.empty() || n.type.size() > 64) return {std::nullopt, "event without a type"};
    auto data = event.find("data");
    if (data == event.end() || !data->is_object()) return {std::nullopt, "event without data"};
    auto obj = data->find("object");
    if (obj == data->end() || !obj->is_object()) return {std::nullopt, "event without data.object"};
    if (n.type.rfind("checkout.session.", 0) == 0) {
        n.reference = StringAt(*obj, "id");
        n.payment_reference = StringAt(*obj, "payment_intent");
    } else if (n.type.rfind("charge.", 0) == 0) {
        n.payment_reference = StringAt(*obj, "payment_intent");
    }
    if (!ValidId(n.reference) || !ValidId(n.payment_reference)) {
        return {std::nullopt, "event with a malformed object id"};
    }
    n.status = EventStatus(n.type, *obj);
    if (n.status && n.reference.empty() && n.payment_reference.empty()) {
        return {std::nullopt, "event names no session or payment"};
    }
    return {std::move(n), ""};
}

bool ValidId(std::string_view id) {
    if (id.size() > 255) return false;
    for (char c : id) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace placette::payments::stripe
