// Stripe API calls: form-encoded Checkout Session creation (with an Idempotency-Key), session
// retrieval with the payment intent expanded, refunds by payment_intent, and error mapping.
#include "plugin/payments/stripe.h"

#include <nlohmann/json.hpp>

#include "plugin/core/clock.h"

namespace placette::payments {

namespace stripe {
namespace {
using nlohmann::json;

void AddField(std::string& form, std::string_view key, std::string_view value) {
    if (!form.empty()) form += '&';
    form += FormEscape(key, true);
    form += '=';
    form += FormEscape(value);
}

std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

std::string Str(const json& obj, const char* key) {
    if (!obj.is_object()) return "";
    auto it = obj.find(key);
    if (it == obj.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) return Str(*it, "id");
    return "";
}

const json* Obj(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() && it->is_object() ? &*it : nullptr;
}

bool ChargeRefunded(const json& session) {
    const json* pi = Obj(session, "payment_intent");
    const json* charge = pi != nullptr ? Obj(*pi, "latest_charge") : nullptr;
    if (charge == nullptr) return false;
    auto it = charge->find("refunded");
    return it != charge->end() && it->is_boolean() && it->get<bool>();
}

// complete + unpaid: the payment intent says whether it is still processing or failed.
PaymentStatus UnpaidCompleteStatus(const json& session) {
    const json* pi = Obj(session, "payment_intent");
    std::string pis = pi != nullptr ? Str(*pi, "status") : "";
    if (pis == "requires_payment_method" || pis == "canceled") return PaymentStatus::kFailed;
    return PaymentStatus::kPending;
}

json ParseJson(const HttpResponse& res, std::string_view what) {
    json body = json::parse(res.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        throw ProviderError(ProviderError::Kind::kUnavailable, static_cast<int>(res.status),
                            "stripe " + std::string(what) + ": answer is not JSON");
    }
    return body;
}
}  // namespace

std::string CheckoutSessionForm(const CheckoutRequest& req) {
    const std::string pledge = std::to_string(req.pledge_id);
    std::string form;
    AddField(form, "mode", "payment");
    AddField(form, "line_items[0][price_data][currency]", Lower(req.amount.currency));
    AddField(form, "line_items[0][price_data][unit_amount]", std::to_string(req.amount.minor));
    AddField(form, "line_items[0][price_data][product_data][name]", req.description);
    AddField(form, "line_items[0][quantity]", "1");
    AddField(form, "success_url", req.success_url);
    AddField(form, "cancel_url", req.cancel_url);
    AddField(form, "client_reference_id", pledge);
    AddField(form, "metadata[pledge_id]", pledge);
    AddField(form, "payment_intent_data[metadata][pledge_id]", pledge);
    return form;
}

StatusReport SessionStatus(const json& session) {
    StatusReport r;
    r.reference = Str(session, "id");
    r.payment_reference = Str(session, "payment_intent");
    std::string status = Str(session, "status");
    std::string paid = Str(session, "payment_status");
    r.provider_status = status + "/" + paid;
    if (status == "expired") {
        r.status = PaymentStatus::kExpired;
    } else if (status == "complete" && (paid == "paid" || paid == "no_payment_required")) {
        r.status = ChargeRefunded(session) ? PaymentStatus::kRefunded : PaymentStatus::kPaid;
    } else if (status == "complete") {
        r.status = UnpaidCompleteStatus(session);
    } else {
        r.status = PaymentStatus::kPending;  // open
    }
    auto total = session.find("amount_total");
    std::string currency = Str(session, "currency");
    if (total != session.end() && total->is_number_integer() && !currency.empty()) {
        std::string upper = currency;
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        r.amount = core::Money{total->get<std::int64_t>(), upper};
    }
    return r;
}

RefundStatus MapRefundStatus(std::string_view status) {
    if (status == "succeeded") return RefundStatus::kSucceeded;
    if (status == "failed" || status == "canceled") return RefundStatus::kFailed;
    return RefundStatus::kPending;  // pending, requires_action
}

ProviderError ErrorFrom(const HttpResponse& res, std::string_view what) {
    json body = json::parse(res.body, nullptr, false);
    std::string type = "unknown", code;
    if (!body.is_discarded()) {
        if (const json* err = Obj(body, "error")) {
            type = Str(*err, "type");
            code = Str(*err, "code");
        }
    }
    int status = static_cast<int>(res.status);
    bool unavailable = status >= 500 || status == 429 || status == 409 || status == 0;
    std::string msg = "stripe " + std::string(what) + ": HTTP " + std::to_string(status) +
                      " type=" + type + (code.empty() ? "" : " code=" + code);
    return ProviderError(
        unavailable ? ProviderError::Kind::kUnavailable : ProviderError::Kind::kRejected, status,
        msg);
}

}  // namespace stripe

using nlohmann::json;

bool StripeProvider::test_mode() const {
    return s_.secret_key.rfind("sk_test_", 0) == 0 || s_.secret_key.rfind("rk_test_", 0) == 0;
}

HttpResponse StripeProvider::Call(std::string method, std::string path, std::string form,
                                  std::string idempotency_key) const {
    HttpRequest req;
    req.method = std::move(method);
    req.url = s_.api_base + path;
    req.headers.emplace_back("Authorization", "Bearer " + s_.secret_key);
    if (!s_.api_version.empty()) req.headers.emplace_back("Stripe-Version", s_.api_version);
    if (req.method == "POST") {
        req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        if (!idempotency_key.empty()) req.headers.emplace_back("Idempotency-Key", idempotency_key);
        req.body = std::move(form);
    }
    try {
        return http_.Send(req);
    } catch (const TransportError& e) {
        throw ProviderError(ProviderError::Kind::kUnavailable, 0,
                            std::string("stripe: ") + e.what());
    }
}

Checkout StripeProvider::CreateCheckout(const CheckoutRequest& req) {
    HttpResponse res = Call("POST", "/v1/checkout/sessions", stripe::CheckoutSessionForm(req),
                            req.idempotency_key);
    if (res.status != 200) throw stripe::ErrorFrom(res, "create checkout session");
    json session = stripe::ParseJson(res, "create checkout session");
    Checkout out{stripe::Str(session, "url"), stripe::Str(session, "id")};
    if (out.reference.empty() || out.redirect_url.empty() || !stripe::ValidId(out.reference)) {
        throw ProviderError(ProviderError::Kind::kUnavailable, 200,
                            "stripe create checkout session: no id or url in the answer");
    }
    return out;
}

StatusReport StripeProvider::FetchStatus(const std::string& reference) {
    if (reference.empty() || !stripe::ValidId(reference)) {
        throw ProviderError(ProviderError::Kind::kRejected, 0, "stripe: malformed session id");
    }
    HttpResponse res =
        Call("GET", "/v1/checkout/sessions/" + reference + "?expand[]=payment_intent.latest_charge",
             "", "");
    if (res.status != 200) throw stripe::ErrorFrom(res, "retrieve checkout session");
    return stripe::SessionStatus(stripe::ParseJson(res, "retrieve checkout session"));
}

StatusReport StripeProvider::Expire(const std::string& reference) {
    StatusReport now = FetchStatus(reference);
    if (now.status != PaymentStatus::kPending || now.provider_status.rfind("open/", 0) != 0)
        return now;
    HttpResponse res = Call("POST", "/v1/checkout/sessions/" + reference + "/expire", "", "");
    // 400: no longer open (paid meanwhile); the fresh status below says what happened.
    if (res.status != 200 && res.status != 400)
        throw stripe::ErrorFrom(res, "expire checkout session");
    return FetchStatus(reference);
}

RefundResult StripeProvider::Refund(const RefundRequest& req) {
    StatusReport paid = FetchStatus(req.reference);
    if (paid.payment_reference.empty()) {
        throw ProviderError(ProviderError::Kind::kRejected, 0,
                            "stripe refund: session has no payment");
    }
    std::string form = "payment_intent=" + FormEscape(paid.payment_reference) +
                       "&amount=" + std::to_string(req.amount.minor);
    HttpResponse res = Call("POST", "/v1/refunds", form, req.idempotency_key);
    if (res.status != 200) throw stripe::ErrorFrom(res, "create refund");
    json refund = stripe::ParseJson(res, "create refund");
    return RefundResult{stripe::Str(refund, "id"),
                        stripe::MapRefundStatus(stripe::Str(refund, "status"))};
}

ParsedNotification StripeProvider::ParseNotification(const Headers& headers,
                                                     std::string_view body) {
    auto sig = headers.find("stripe-signature");
    if (sig == headers.end()) return {std::nullopt, "missing Stripe-Signature header"};
    stripe::SignatureCheck check = stripe::VerifySignature(sig->second, body, s_.webhook_secret,
                                                           core::NowSeconds(), s_.tolerance_s);
    if (check != stripe::SignatureCheck::kValid)
        return {std::nullopt, std::string(stripe::ToString(check))};
    return stripe::ParseEvent(body);
}

}  // namespace placette::payments
