// Refunds through the provider, one idempotency key per pledge stored before the first call
// (so two ticks at once, or a tick re-run after failures, refund once), and reconciliation.
#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/payments/gateway.h"
#include "plugin/payments/repository.h"

namespace placette::payments {

namespace {
template <typename F>
auto Db(core::db::Pool& pool, F&& fn) {
    return core::db::Run(pool, std::forward<F>(fn));
}

void Mark(core::db::Pool& pool, std::int64_t id, const std::string& status,
          const std::string& error) {
    Db(pool, [&](core::db::Connection& c) {
        repo::MarkStatus(c, id, status, error, core::NowSeconds());
    });
}

// The refund answer, as stored: a provider refund id and a status.
RefundStep Record(core::db::Pool& pool, const repo::Attempt& r, const RefundResult& res) {
    Db(pool, [&](core::db::Connection& c) {
        const std::int64_t now = core::NowSeconds();
        repo::MarkCreated(c, r.id, res.refund_reference, "", now);
        repo::MarkStatus(c, r.id, std::string(ToString(res.status)), "", now);
    });
    if (res.status == RefundStatus::kSucceeded) return RefundStep::kConfirmed;
    return res.status == RefundStatus::kPending ? RefundStep::kWaiting : RefundStep::kFailed;
}
}  // namespace

RefundStep Gateway::Refund(core::db::Pool& pool, std::int64_t pledge_id,
                           const core::Money& amount) const {
    auto checkout = Db(
        pool, [&](core::db::Connection& c) { return repo::FindAttempt(c, pledge_id, "checkout"); });
    if (!checkout || checkout->reference.empty()) return RefundStep::kNoPayment;
    repo::Attempt want;
    want.pledge_id = pledge_id;
    want.backer_id = checkout->backer_id;
    want.action = "refund";
    want.key = "placette-pledge-" + std::to_string(pledge_id) + "-refund-" + core::RandomHex(6);
    want.provider = checkout->provider;
    want.amount = amount.minor;
    want.currency = amount.currency;
    repo::Attempt r = Db(pool, [&](core::db::Connection& c) {
        return repo::EnsureAttempt(c, want, core::NowSeconds());
    });
    if (r.status == "succeeded") return RefundStep::kConfirmed;
    try {
        if (r.status == "pending") {  // accepted earlier: has the money gone back since?
            StatusReport s = provider_->FetchStatus(checkout->reference);
            if (s.status != PaymentStatus::kRefunded) return RefundStep::kWaiting;
            Mark(pool, r.id, "succeeded", "");
            return RefundStep::kConfirmed;
        }
        RefundResult res = provider_->Refund(
            RefundRequest{checkout->reference, core::Money{r.amount, r.currency}, r.key, ""});
        return Record(pool, r, res);
    } catch (const ProviderError& e) {
        core::LogWarn("msg=\"refund not done\" pledge=" + std::to_string(pledge_id) + " what=\"" +
                      e.what() + "\"");
        Mark(pool, r.id, "started", e.what());  // the next tick retries with the same key
        return RefundStep::kFailed;
    }
}

std::vector<ReconcileLine> Gateway::Reconcile(core::db::Pool& pool,
                                              const std::vector<std::int64_t>& pledge_ids,
                                              const ApplyFn& apply) const {
    std::vector<ReconcileLine> lines;
    for (std::int64_t id : pledge_ids) {
        ReconcileLine line;
        line.pledge_id = id;
        std::optional<StatusReport> s = SettleStale(pool, id);
        if (!s) {
            line.action = "provider did not answer; will ask again";
            lines.push_back(line);
            continue;
        }
        line.reference = s->reference;
        line.provider_status = s->provider_status;
        if (s->status == PaymentStatus::kPending) {
            line.action = "still pending at the provider";
        } else {
            Applied a = apply(pool, id, s->status,
                              s->payment_reference.empty() ? s->reference : s->payment_reference);
            line.action = std::string(a == Applied::kChanged     ? "marked "
                                      : a == Applied::kUnchanged ? "already "
                                                                 : "refused (pledge moved on): ") +
                          std::string(ToString(s->status));
        }
        lines.push_back(line);
    }
    return lines;
}

}  // namespace placette::payments
