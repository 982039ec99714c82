// Checkout creation with the idempotency key stored before the call (and reused by every retry,
// with the same parameters), settling stale pledges, and refunds at most once per pledge.
// Provider calls never run inside a database transaction.
#include "plugin/payments/gateway.h"

#include <nlohmann/json.hpp>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/payments/repository.h"

namespace placette::payments {

namespace {
using nlohmann::json;

std::string NewKey(std::int64_t pledge_id, std::string_view action) {
    // Derived from the pledge and the action; the random tail keeps two installations (or a
    // re-created test database) sharing one provider account from ever reusing a key.
    return "placette-pledge-" + std::to_string(pledge_id) + "-" + std::string(action) + "-" +
           core::RandomHex(6);
}

CheckoutRequest RequestOf(const repo::Attempt& a) {
    json j = json::parse(a.request, nullptr, false);
    auto str = [&](const char* k) {
        return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>()
                                                                  : std::string();
    };
    return CheckoutRequest{a.pledge_id,
                           core::Money{a.amount, a.currency},
                           str("description"),
                           str("success_url"),
                           str("cancel_url"),
                           str("webhook_url"),
                           a.key};
}

template <typename F>
auto Db(core::db::Pool& pool, F&& fn) {
    return core::db::Run(pool, std::forward<F>(fn));
}
}  // namespace

Gateway::Gateway(const core::Config& config, std::unique_ptr<Provider> provider)
    : cfg_(PaymentsConfig::FromIni(config.ini)), provider_(std::move(provider)) {
    public_base_ = config.host_url;
    base_path_ = config.base_path;
    while (!public_base_.empty() && public_base_.back() == '/') public_base_.pop_back();
}

Gateway::Gateway(const core::Config& config) : Gateway(config, nullptr) {
    provider_ = MakeProvider(cfg_);
}

std::string Gateway::Absolute(const std::string& path) const { return public_base_ + path; }

std::string Gateway::WebhookPath() const {
    return base_path_ + "/webhooks/" + std::string(provider_->name());
}

StartResult Gateway::Create(core::db::Pool& pool, const repo::Attempt& a) const {
    if (a.status == "created" && !a.redirect_url.empty())
        return StartResult{true, a.redirect_url, ""};
    try {
        Checkout c = provider_->CreateCheckout(RequestOf(a));
        Db(pool, [&](core::db::Connection& conn) {
            repo::MarkCreated(conn, a.id, c.reference, c.redirect_url, core::NowSeconds());
        });
        return StartResult{true, c.redirect_url, ""};
    } catch (const ProviderError& e) {
        core::LogWarn("msg=\"checkout not created\" pledge=" + std::to_string(a.pledge_id) +
                      " what=\"" + e.what() + "\"");
        Db(pool, [&](core::db::Connection& conn) {
            repo::MarkStatus(conn, a.id, "failed", e.what(), core::NowSeconds());
        });
        return StartResult{false, "", e.what()};
    }
}

StartResult Gateway::StartCheckout(core::db::Pool& pool, const StartRequest& req) const {
    repo::Attempt a;
    a.pledge_id = req.pledge_id;
    a.backer_id = req.backer_id;
    a.action = "checkout";
    a.key = NewKey(req.pledge_id, "checkout");
    a.provider = std::string(provider_->name());
    a.amount = req.amount.minor;
    a.currency = req.amount.currency;
    json r = {{"description", req.description},
              {"success_url", Absolute(req.success_path)},
              {"cancel_url", Absolute(req.cancel_path)},
              {"webhook_url", Absolute(WebhookPath())}};
    a.request = r.dump();
    // Stored (or found, for a double submit) before any call leaves.
    repo::Attempt stored = Db(pool, [&](core::db::Connection& c) {
        return repo::EnsureAttempt(c, a, core::NowSeconds());
    });
    return Create(pool, stored);
}

StartResult Gateway::RetryCheckout(core::db::Pool& pool, std::int64_t pledge_id,
                                   std::int64_t backer_id) const {
    auto a = Db(
        pool, [&](core::db::Connection& c) { return repo::FindAttempt(c, pledge_id, "checkout"); });
    if (!a || a->backer_id != backer_id)
        return StartResult{false, "", "no checkout for this pledge and backer"};
    return Create(pool, *a);
}

std::optional<StatusReport> Gateway::SettleStale(core::db::Pool& pool,
                                                 std::int64_t pledge_id) const {
    auto a = Db(
        pool, [&](core::db::Connection& c) { return repo::FindAttempt(c, pledge_id, "checkout"); });
    if (!a) {  // nothing ever left for the provider: nobody can pay it
        StatusReport r;
        r.status = PaymentStatus::kExpired;
        r.provider_status = "never created";
        return r;
    }
    try {
        std::string reference = a->reference;
        if (reference.empty()) {
            // A creation whose answer was lost may exist at the provider: the same key and
            // parameters return it (or create it), so that it can be expired below.
            Checkout c = provider_->CreateCheckout(RequestOf(*a));
            Db(pool, [&](core::db::Connection& conn) {
                repo::MarkCreated(conn, a->id, c.reference, c.redirect_url, core::NowSeconds());
            });
            reference = c.reference;
        }
        StatusReport r = provider_->Expire(reference);
        if (!r.payment_reference.empty()) {
            Db(pool, [&](core::db::Connection& c) {
                repo::SetPaymentReference(c, a->id, r.payment_reference, core::NowSeconds());
            });
        }
        return r;
    } catch (const ProviderError& e) {
        core::LogWarn("msg=\"provider did not answer for a stale pledge\" pledge=" +
                      std::to_string(pledge_id) + " what=\"" + e.what() + "\"");
        return std::nullopt;
    }
}

}  // namespace placette::payments
