// Pledge commands: the pledge transaction (campaign locked, caps checked, reward claimed with a
// conditional update, idempotency token), payment received, pledge failed, refund confirmed.
#include "plugin/core/clock.h"
#include "plugin/crowdfunding/notices.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;

// The first rule an amount breaks, as a refusal on the amount field; nullopt when it is fine.
std::optional<Outcome> CheckAmount(Connection& c, const Campaign& k, const Rules& rules,
                                   const Actor& a, const std::optional<Reward>& reward,
                                   std::int64_t amount, const Texts& tx) {
    auto money = [&](std::int64_t v) { return tx.Money(v, k.currency); };
    if (amount < rules.min_pledge) {
        return Outcome::Invalid("amount",
                                tx.F("cf.error.pledge_min", {{"min", money(rules.min_pledge)}}));
    }
    if (reward && amount < reward->min_amount) {
        return Outcome::Invalid(
            "amount", tx.F("cf.error.pledge_below_reward",
                           {{"min", money(reward->min_amount)}, {"reward", reward->title}}));
    }
    const std::int64_t already = repo::PledgedBy(c, k.id, a.id);
    if (already + amount > rules.max_per_citizen) {
        const std::int64_t left = std::max<std::int64_t>(0, rules.max_per_citizen - already);
        if (already == 0) {
            return Outcome::Invalid(
                "amount", tx.F("cf.error.pledge_max", {{"max", money(rules.max_per_citizen)}}));
        }
        return Outcome::Invalid(
            "amount", tx.F("cf.error.pledge_citizen_cap", {{"max", money(rules.max_per_citizen)},
                                                           {"already", money(already)},
                                                           {"left", money(left)}}));
    }
    const std::int64_t cap = CapAmount(k.goal, k.cap_percent);
    const std::int64_t room = cap - k.pledged;
    if (amount > room) {
        if (room < rules.min_pledge) {
            return Outcome::Invalid("amount",
                                    tx.F("cf.error.pledge_cap_full", {{"cap", money(cap)}}));
        }
        return Outcome::Invalid(
            "amount", tx.F("cf.error.pledge_cap", {{"left", money(room)}, {"cap", money(cap)}}));
    }
    return std::nullopt;
}

Outcome PlacePledge(Connection& c, const Campaign& k, const Rules& rules, const Actor& a,
                    const PledgeInput& in, const std::string& provider, const Texts& tx,
                    std::int64_t now) {
    std::optional<Reward> reward;
    if (in.reward_id) {
        reward = repo::FindReward(c, *in.reward_id);
        if (!reward || reward->campaign_id != k.id)
            return Outcome::Invalid("reward", tx.T("cf.error.reward_unknown"));
    }
    if (!in.amount && !reward) return Outcome::Invalid("amount", tx.T("cf.error.amount_required"));
    const std::int64_t amount = in.amount ? *in.amount : reward->min_amount;
    if (auto refusal = CheckAmount(c, k, rules, a, reward, amount, tx)) return *refusal;
    // The claim is the last check: nothing has been written when it refuses.
    if (reward && !repo::ClaimReward(c, reward->id)) {
        return Outcome::Invalid("reward",
                                tx.F("cf.error.reward_sold_out", {{"reward", reward->title}}));
    }
    Pledge p;
    p.campaign_id = k.id;
    p.backer_id = a.id;
    p.reward_id = in.reward_id;
    p.amount = amount;
    p.currency = k.currency;
    p.anonymous = in.anonymous;
    p.display_name = a.name;
    p.message = in.message;
    p.token = in.token;
    p.provider = provider;
    const std::int64_t id = repo::InsertPledge(c, p, now);
    repo::AddTotals(c, k.id, amount, 0);
    return Outcome::Ok(id);
}

bool Closed(State s) { return s == State::kFailed || s == State::kCancelled; }
}  // namespace

Outcome Service::WithPledge(std::int64_t pledge_id,
                            const std::function<Outcome(Connection&, Campaign&, Pledge&)>& fn) {
    auto found = GetPledge(pledge_id);  // its campaign never changes: read it before locking
    if (!found) return Outcome::NotFound();
    return WithCampaign(found->campaign_id, [&](Connection& c, Campaign& k) {
        auto p = repo::FindPledge(c, pledge_id, true);
        if (!p) return Outcome::NotFound();
        return fn(c, k, *p);
    });
}

Outcome Service::CreatePledge(const Actor& a, std::int64_t campaign_id, const PledgeInput& in,
                              const std::string& provider, const Texts& tx) {
    if (a.id == 0) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    try {
        return WithCampaign(campaign_id, [&](Connection& c, Campaign& k) {
            if (!IsPublic(k.state)) return Outcome::NotFound();
            // A double submit (two tabs, a double click) finds the first pledge.
            if (auto first = repo::FindPledgeByToken(c, a.id, in.token))
                return Outcome::Ok(first->id, false);
            if (k.state != State::kLive || now >= k.ends_at)
                return Outcome::Conflict("cf.conflict.not_live");
            return PlacePledge(c, k, rules_, a, in, provider, tx, now);
        });
    } catch (const core::db::DbError& e) {
        // A commit of unknown outcome re-run after a lost connection meets its own token.
        if (!e.IsDuplicateKey()) throw;
        auto first = core::db::Run(
            pool_, [&](Connection& c) { return repo::FindPledgeByToken(c, a.id, in.token); });
        if (!first) throw;
        return Outcome::Ok(first->id, false);
    }
}

Outcome Service::ConfirmPaid(const Actor& a, std::int64_t pledge_id, const std::string& receipt) {
    if (!a.staff) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    return WithPledge(pledge_id, [&](Connection& c, Campaign& k, Pledge& p) {
        if (p.state == PledgeState::kPaid || p.state == PledgeState::kRefundPending ||
            p.state == PledgeState::kRefunded) {
            return Outcome::Ok(p.id, false);  // the same confirmation twice changes nothing
        }
        if (!Next(p.state, PledgeEvent::kPaid))
            return Outcome::Conflict("cf.conflict.pledge_state");
        if (!repo::MovePledge(c, p.id, p.state, PledgeState::kPaid, now))
            return Outcome::Ok(p.id, false);
        repo::InsertLedger(
            c, {LedgerKind::kPayment, k.id, p.id, p.amount, p.currency, p.provider, receipt, a.id},
            now);
        repo::AddTotals(c, k.id, 0, p.amount);
        Tell(c, p.backer_id, "cf_pledge_paid", k.title, "/pledges/" + std::to_string(p.id),
             "cf_paid:" + std::to_string(p.id));
        if (Closed(k.state)) {  // paid after the campaign failed: the money goes back
            repo::MovePledge(c, p.id, PledgeState::kPaid, PledgeState::kRefundPending, now);
            repo::AddTotals(c, k.id, -p.amount, 0);
        }
        return Outcome::Ok(p.id);
    });
}

Outcome Service::FailPledge(const Actor& a, std::int64_t pledge_id) {
    if (!a.staff) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    return WithPledge(pledge_id, [&](Connection& c, Campaign& k, Pledge& p) {
        if (p.state == PledgeState::kFailed) return Outcome::Ok(p.id, false);
        if (!Next(p.state, PledgeEvent::kFailed))
            return Outcome::Conflict("cf.conflict.pledge_state");
        if (!repo::MovePledge(c, p.id, p.state, PledgeState::kFailed, now))
            return Outcome::Ok(p.id, false);
        if (p.reward_id) repo::ReleaseReward(c, *p.reward_id);
        repo::AddTotals(c, k.id, -p.amount, 0);
        return Outcome::Ok(p.id);
    });
}

Outcome Service::ConfirmRefund(const Actor& a, std::int64_t pledge_id, const std::string& receipt) {
    if (!a.staff) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    return WithPledge(pledge_id, [&](Connection& c, Campaign& k, Pledge& p) {
        if (p.state == PledgeState::kRefunded) return Outcome::Ok(p.id, false);
        if (!Next(p.state, PledgeEvent::kRefunded))
            return Outcome::Conflict("cf.conflict.pledge_state");
        if (!repo::MovePledge(c, p.id, p.state, PledgeState::kRefunded, now))
            return Outcome::Ok(p.id, false);
        repo::InsertLedger(
            c, {LedgerKind::kRefund, k.id, p.id, -p.amount, p.currency, p.provider, receipt, a.id},
            now);
        repo::AddTotals(c, k.id, 0, -p.amount);
        Tell(c, p.backer_id, "cf_refunded", k.title, "/pledges/" + std::to_string(p.id),
             "cf_refunded:" + std::to_string(p.id));
        if (p.reward_id) repo::ReleaseReward(c, *p.reward_id);
        return Outcome::Ok(p.id);
    });
}

}  // namespace placette::crowdfunding
