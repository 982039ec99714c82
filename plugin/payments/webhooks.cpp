// A provider notification: verified (signature, or fetched back for Mollie), deduplicated by
// event id, applied to its pledge through ApplyFn, recorded, and only then answered 2xx.
#include "plugin/core/clock.h"
#include "plugin/core/log.h"
#include "plugin/payments/gateway.h"
#include "plugin/payments/repository.h"

namespace placette::payments {

namespace {
std::string_view Outcome(Applied a) {
    switch (a) {
        case Applied::kChanged:
            return "changed";
        case Applied::kUnchanged:
            return "unchanged";
        case Applied::kRefused:
            return "refused";
    }
    return "unchanged";
}

// The checkout attempt the event is about, remembering a newly learnt payment reference.
std::optional<repo::Attempt> FindAttempt(core::db::Connection& c, const std::string& provider,
                                         const Notification& n) {
    std::optional<repo::Attempt> a;
    if (!n.reference.empty()) a = repo::FindByReference(c, provider, n.reference);
    if (!a && !n.payment_reference.empty())
        a = repo::FindByPaymentReference(c, provider, n.payment_reference);
    if (a && !n.payment_reference.empty() && a->payment_reference.empty()) {
        repo::SetPaymentReference(c, a->id, n.payment_reference, core::NowSeconds());
    }
    return a;
}
}  // namespace

NotificationResult Gateway::HandleNotification(core::db::Pool& pool, const Headers& headers,
                                               std::string_view body, const ApplyFn& apply) const {
    const std::string provider(provider_->name());
    ParsedNotification parsed = provider_->ParseNotification(headers, body);
    if (!parsed.event) {
        core::LogWarn("msg=\"webhook refused\" provider=" + provider + " why=\"" +
                      parsed.rejection + "\"");
        return {400, parsed.rejection};
    }
    Notification n = std::move(*parsed.event);
    if (n.needs_fetch) {
        try {
            StatusReport s = provider_->FetchStatus(n.reference);  // the body is never trusted
            n.status = s.status;
            n.event_id = n.reference + ":" + std::string(ToString(s.status));
            n.type = "payment." + s.provider_status;
        } catch (const ProviderError& e) {
            core::LogWarn("msg=\"webhook fetch-back failed\" provider=" + provider + " what=\"" +
                          e.what() + "\"");
            return {e.unavailable() ? 503 : 400, "fetch-back failed"};
        }
    }
    try {
        return Apply(pool, n, apply);
    } catch (const core::db::DbError& e) {
        core::LogWarn("msg=\"webhook not recorded\" provider=" + provider +
                      " code=" + std::to_string(e.code()));
        return {503, "database"};
    }
}

NotificationResult Gateway::Apply(core::db::Pool& pool, const Notification& n,
                                  const ApplyFn& apply) const {
    const std::string provider(provider_->name());
    auto seen = core::db::Run(
        pool, [&](core::db::Connection& c) { return repo::EventSeen(c, provider, n.event_id); });
    if (seen) return {200, "duplicate"};
    auto attempt =
        core::db::Run(pool, [&](core::db::Connection& c) { return FindAttempt(c, provider, n); });
    std::string outcome;
    if (!n.status || *n.status == PaymentStatus::kPending) {
        outcome = "ignored";
    } else if (!attempt) {
        outcome = "unknown_reference";
    } else {
        const std::string receipt = n.payment_reference.empty() ? n.reference : n.payment_reference;
        // Idempotent and monotonic on the pledge side: a redelivery racing this one changes
        // nothing.
        outcome = Outcome(apply(pool, attempt->pledge_id, *n.status, receipt));
    }
    const std::string reference = attempt ? attempt->reference : n.reference;
    core::db::Run(pool, [&](core::db::Connection& c) {
        repo::RecordEvent(c, provider, n.event_id, n.type, reference, outcome, core::NowSeconds());
    });
    core::LogInfo("msg=\"webhook\" provider=" + provider + " event=" + n.event_id +
                  " type=" + n.type + " outcome=" + outcome);
    return {200, outcome};
}

}  // namespace placette::payments
