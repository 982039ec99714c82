// Mollie calls: JSON bodies with decimal-string amounts, Bearer API key, Idempotency-Key on
// POST/DELETE; statuses mapped from the fetched payment, never from the webhook's body.
#include "plugin/payments/mollie.h"

#include <nlohmann/json.hpp>

#include "fcgi/form.h"

namespace placette::payments {

namespace mollie {
namespace {
using nlohmann::json;

std::string Str(const json& obj, const char* key) {
    if (!obj.is_object()) return "";
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<core::Money> AmountOf(const json& obj, const char* key) {
    if (!obj.is_object()) return std::nullopt;
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_object()) return std::nullopt;
    std::string currency = Str(*it, "currency");
    std::string value = Str(*it, "value");
    if (currency.size() != 3 || value.empty()) return std::nullopt;
    return core::ParseMoney(value, currency);
}

json ParseJson(const HttpResponse& res, std::string_view what) {
    json body = json::parse(res.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        throw ProviderError(ProviderError::Kind::kUnavailable, static_cast<int>(res.status),
                            "mollie " + std::string(what) + ": answer is not JSON");
    }
    return body;
}

json AmountJson(const core::Money& m) {
    return json{{"currency", m.currency}, {"value", core::ToDecimalString(m)}};
}
}  // namespace

std::string PaymentBody(const CheckoutRequest& req) {
    json body = json::object();
    body["amount"] = AmountJson(req.amount);
    body["description"] = req.description;
    body["redirectUrl"] = req.success_url;
    body["cancelUrl"] = req.cancel_url;
    body["webhookUrl"] = req.webhook_url;
    body["metadata"] = json{{"pledge_id", std::to_string(req.pledge_id)}};
    return body.dump();
}

StatusReport PaymentStatusOf(const json& payment) {
    StatusReport r;
    r.reference = Str(payment, "id");
    r.provider_status = Str(payment, "status");
    r.amount = AmountOf(payment, "amount");
    const std::string& s = r.provider_status;
    if (s == "paid") {
        auto refunded = AmountOf(payment, "amountRefunded");
        bool full =
            refunded && r.amount && refunded->minor >= r.amount->minor && r.amount->minor > 0;
        r.status = full ? PaymentStatus::kRefunded : PaymentStatus::kPaid;
    } else if (s == "failed") {
        r.status = PaymentStatus::kFailed;
    } else if (s == "canceled") {
        r.status = PaymentStatus::kCanceled;
    } else if (s == "expired") {
        r.status = PaymentStatus::kExpired;
    } else {
        r.status = PaymentStatus::kPending;  // open, pending, authorized
    }
    return r;
}

RefundStatus MapRefundStatus(std::string_view status) {
    if (status == "refunded") return RefundStatus::kSucceeded;
    if (status == "failed" || status == "canceled") return RefundStatus::kFailed;
    return RefundStatus::kPending;  // queued, pending, processing
}

ParsedNotification ParseWebhook(std::string_view body) {
    http::Form form;
    http::FormError err;
    http::FormLimits limits;
    limits.max_fields = 8;
    limits.max_field_bytes = 256;
    if (!http::ParseUrlEncoded(body, limits, form, err))
        return {std::nullopt, "malformed form body"};
    std::string id = form.GetOr("id");
    if (id.rfind("tr_", 0) != 0 || id.size() < 4 || !ValidId(id)) {
        return {std::nullopt, "no payment id (id=tr_…) in the body"};
    }
    Notification n;
    n.type = "payment";
    n.reference = id;
    n.needs_fetch = true;
    return {std::move(n), ""};
}

ProviderError ErrorFrom(const HttpResponse& res, std::string_view what) {
    json body = json::parse(res.body, nullptr, false);
    std::string title = body.is_discarded() ? "" : Str(body, "title");
    std::string field = body.is_discarded() ? "" : Str(body, "field");
    int status = static_cast<int>(res.status);
    bool unavailable = status >= 500 || status == 429 || status == 0;
    std::string msg = "mollie " + std::string(what) + ": HTTP " + std::to_string(status) +
                      (title.empty() ? "" : " " + title) + (field.empty() ? "" : " field=" + field);
    return ProviderError(
        unavailable ? ProviderError::Kind::kUnavailable : ProviderError::Kind::kRejected, status,
        msg);
}

bool ValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace mollie

using nlohmann::json;

HttpResponse MollieProvider::Call(std::string method, std::string path, std::string json_body,
                                  std::string idempotency_key) const {
    HttpRequest req;
    req.method = std::move(method);
    req.url = s_.api_base + path;
    req.headers.emplace_back("Authorization", "Bearer " + s_.api_key);
    req.headers.emplace_back("Accept", "application/hal+json");
    if (req.method != "GET") {
        if (!json_body.empty()) req.headers.emplace_back("Content-Type", "application/json");
        if (!idempotency_key.empty()) req.headers.emplace_back("Idempotency-Key", idempotency_key);
        req.body = std::move(json_body);
    }
    try {
        return http_.Send(req);
    } catch (const TransportError& e) {
        throw ProviderError(ProviderError::Kind::kUnavailable, 0,
                            std::string("mollie: ") + e.what());
    }
}

Checkout MollieProvider::CreateCheckout(const CheckoutRequest& req) {
    HttpResponse res = Call("POST", "/v2/payments", mollie::PaymentBody(req), req.idempotency_key);
    if (res.status != 201 && res.status != 200) throw mollie::ErrorFrom(res, "create payment");
    json payment = mollie::ParseJson(res, "create payment");
    Checkout out;
    out.reference = mollie::Str(payment, "id");
    auto links = payment.find("_links");
    if (links != payment.end() && links->is_object()) {
        auto checkout = links->find("checkout");
        if (checkout != links->end()) out.redirect_url = mollie::Str(*checkout, "href");
    }
    if (!mollie::ValidId(out.reference) || out.redirect_url.empty()) {
        throw ProviderError(ProviderError::Kind::kUnavailable, static_cast<int>(res.status),
                            "mollie create payment: no id or checkout link in the answer");
    }
    return out;
}

StatusReport MollieProvider::FetchStatus(const std::string& reference) {
    if (!mollie::ValidId(reference)) {
        throw ProviderError(ProviderError::Kind::kRejected, 0, "mollie: malformed payment id");
    }
    HttpResponse res = Call("GET", "/v2/payments/" + reference, "", "");
    if (res.status != 200) throw mollie::ErrorFrom(res, "get payment");
    return mollie::PaymentStatusOf(mollie::ParseJson(res, "get payment"));
}

StatusReport MollieProvider::Expire(const std::string& reference) {
    StatusReport now = FetchStatus(reference);
    if (now.status != PaymentStatus::kPending) return now;
    HttpResponse res = Call("DELETE", "/v2/payments/" + reference, "", "");
    // 422: not cancelable (e.g. a method that expires on its own); the status says what it is.
    if (res.status != 200 && res.status != 422) throw mollie::ErrorFrom(res, "cancel payment");
    return FetchStatus(reference);
}

RefundResult MollieProvider::Refund(const RefundRequest& req) {
    if (!mollie::ValidId(req.reference)) {
        throw ProviderError(ProviderError::Kind::kRejected, 0, "mollie: malformed payment id");
    }
    json body = json::object();
    body["amount"] = mollie::AmountJson(req.amount);
    if (!req.description.empty()) body["description"] = req.description;
    HttpResponse res = Call("POST", "/v2/payments/" + req.reference + "/refunds", body.dump(),
                            req.idempotency_key);
    if (res.status != 201 && res.status != 200) throw mollie::ErrorFrom(res, "create refund");
    json refund = mollie::ParseJson(res, "create refund");
    return RefundResult{mollie::Str(refund, "id"),
                        mollie::MapRefundStatus(mollie::Str(refund, "status"))};
}

ParsedNotification MollieProvider::ParseNotification(const Headers&, std::string_view body) {
    return mollie::ParseWebhook(body);
}

}  // namespace placette::payments
