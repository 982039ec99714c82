// placette-admin tick: closes ended campaigns from the ledger at that moment, moves the paid
// pledges of failed or cancelled campaigns to refund, expires stale pending pledges. Each step
// re-checks its condition under the campaign lock, so two ticks at once change nothing twice.
#include "plugin/core/money.h"
#include "plugin/crowdfunding/notices.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;
constexpr int kBatch = 500;

void RecordFee(Connection& c, const Campaign& k, int fee_percent, std::int64_t collected,
               std::int64_t now) {
    if (fee_percent <= 0 || collected <= 0) return;
    const std::int64_t fee = core::Percent(core::Money{collected, k.currency}, fee_percent).minor;
    if (fee <= 0) return;
    repo::InsertLedger(c, {LedgerKind::kFee, k.id, std::nullopt, -fee, k.currency, "", "", 0}, now);
}
}  // namespace

bool Service::CloseCampaign(std::int64_t id, std::int64_t now, TickReport& report) {
    Outcome o = WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (k.state != State::kLive || k.ends_at > now)
            return Outcome::Ok(id, false);  // another tick did it
        const std::int64_t collected = repo::LedgerCollected(c, k.id);
        const Event e = EndEvent(k.model, collected, k.goal);
        const State to = *Next(k.state, e);
        repo::StateChange change;
        change.from = k.state;
        change.to = to;
        change.closed_at = now;
        if (!repo::ChangeState(c, k.id, change, now)) return Outcome::Ok(id, false);
        const Actor system = Actor::System();
        repo::InsertLog(c, k.id, system.id, system.name, std::string(Name(e)), State::kLive, to, "",
                        now);
        k.state = to;
        Tell(c, k.owner_id, "cf_" + std::string(Name(to)), k.title,
             "/projects/" + std::to_string(k.id) + "/manage", "cf_closed:" + std::to_string(k.id));
        if (to == State::kSucceeded) {
            RecordFee(c, k, rules_.fee_percent, collected, now);
            ++report.succeeded;
        } else {
            report.refunds_requested += ReleasePledgesOfClosedCampaign(c, k, now);
            ++report.failed;
        }
        return Outcome::Ok(id);
    });
    return o.changed;
}

bool Service::ExpirePledge(std::int64_t id, std::int64_t now, const TickHooks& hooks,
                           TickReport& report) {
    // Asking the provider talks to the outside: before the transaction, never inside it.
    auto seen = GetPledge(id);
    if (!seen || seen->state != PledgeState::kPending) return false;
    if (seen->provider != "manual" &&
        (!hooks.provider_confirms_unpaid || !hooks.provider_confirms_unpaid(*seen))) {
        ++report.waiting_provider;
        return false;
    }
    Outcome o = WithPledge(id, [&](Connection& c, Campaign& k, Pledge& p) {
        if (p.state != PledgeState::kPending) return Outcome::Ok(id, false);
        const bool manual = p.provider == "manual";
        const int minutes =
            manual ? rules_.manual_pending_timeout_minutes : rules_.pending_timeout_minutes;
        if (p.created_at >= now - std::int64_t{minutes} * 60) return Outcome::Ok(id, false);
        if (!repo::MovePledge(c, p.id, PledgeState::kPending, PledgeState::kExpired, now)) {
            return Outcome::Ok(id, false);
        }
        if (p.reward_id) repo::ReleaseReward(c, *p.reward_id);
        repo::AddTotals(c, k.id, -p.amount, 0);
        return Outcome::Ok(id);
    });
    if (o.changed) ++report.expired;
    return o.changed;
}

TickReport Service::Tick(std::int64_t now, const TickHooks& hooks) {
    TickReport report;
    auto read = [&](auto fn) { return core::db::Run(pool_, fn); };
    for (std::int64_t id :
         read([&](Connection& c) { return repo::EndedLiveIds(c, now, kBatch); })) {
        CloseCampaign(id, now, report);
    }
    // A campaign cancelled or failed while a payment was being confirmed: catch up.
    for (std::int64_t id :
         read([&](Connection& c) { return repo::ClosedWithPaidPledges(c, kBatch); })) {
        WithCampaign(id, [&](Connection& c, Campaign& k) {
            if (k.state == State::kFailed || k.state == State::kCancelled) {
                report.refunds_requested += ReleasePledgesOfClosedCampaign(c, k, now);
            }
            return Outcome::Ok(id);
        });
    }
    const std::int64_t manual_cutoff =
        now - std::int64_t{rules_.manual_pending_timeout_minutes} * 60;
    const std::int64_t other_cutoff = now - std::int64_t{rules_.pending_timeout_minutes} * 60;
    for (std::int64_t id : read([&](Connection& c) {
             return repo::StalePendingIds(c, manual_cutoff, other_cutoff, 2 * kBatch);
         })) {
        ExpirePledge(id, now, hooks, report);
    }
    // Provider refunds (the manual provider's refunds are confirmed by staff in /staff/pledges).
    for (const Pledge& p : PledgesInState(PledgeState::kRefundPending, kBatch)) {
        if (p.provider == "manual") continue;
        if (hooks.provider_refund && hooks.provider_refund(p)) {
            if (ConfirmRefund(Actor::System(), p.id, p.provider_ref).changed) ++report.refunded;
        } else {
            ++report.waiting_provider;
        }
    }
    return report;
}

}  // namespace placette::crowdfunding
