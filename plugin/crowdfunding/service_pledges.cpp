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
// `already`: what the backer has pledged on the campaign so far (pending and paid).
std::optional<Outcome> CheckAmount(const Campaign& k, const Rules& rules, std::int64_t already,
                                   const std::optional<Reward>& reward, std::int64_t amount,
                                   const Texts& tx) {
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

Outcome PlacePledge(Connection& c, const Campaign& k, std::int64_t already, const Rules& rules,
                    const Actor& a, const PledgeInput& in, const std::string& provider,
                    const Texts& tx, std::int64_t now, Pledge& p) {
    std::optional<Reward> reward;
    if (in.reward_id) {
        reward = repo::FindReward(c, *in.reward_id);
        if (!reward || reward->campaign_id != k.id)
            return Outcome::Invalid("reward", tx.T("cf.error.reward_unknown"));
    }
    if (!in.amount && !reward) return Outcome::Invalid("amount", tx.T("cf.error.amount_required"));
    const std::int64_t amount = in.amount ? *in.amount : reward->min_amount;
    if (auto refusal = CheckAmount(k, rules, already, reward, amount, tx)) return *refusal;
    // The claim is the last check: nothing has been written when it refuses.
    if (reward && !repo::ClaimReward(c, reward->id)) {
        return Outcome::Invalid("reward",
                                tx.F("cf.error.reward_sold_out", {{"reward", reward->title}}));
    }
    p = Pledge{};
    p.campaign_id = k.id;
    p.campaign_title = k.title;
    p.reward_title = reward ? reward->title : "";
    p.backer_id = a.id;
    p.reward_id = in.reward_id;
    p.amount = amount;
    p.currency = k.currency;
    p.anonymous = in.anonymous;
    p.display_name = a.name;
    p.message = in.message;
    p.token = in.token;
    p.provider = provider;
    p.id = repo::InsertPledge(c, p, now);
    p.state = PledgeState::kPending;
    p.created_at = now;
    repo::AddTotals(c, k.id, amount, 0);
    return Outcome::Ok(p.id);
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
                              const std::string& provider, const Texts& tx, Pledge* made) {
    if (a.id == 0) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    // A double submit (two tabs, a double click) finds the first pledge: the token is unique per
    // backer, so the second insert fails (and its transaction with it) and the first is looked
    // up; a second submit refused before its insert (the only reward now taken by the first, the
    // campaign just ended) looks it up too. A pledge that goes through pays no lookup.
    auto first_with_token = [&]() {
        return core::db::Run(
            pool_, [&](Connection& c) { return repo::FindPledgeByToken(c, a.id, in.token); });
    };
    auto the_first = [&](const Pledge& first) {
        if (made) *made = first;
        return Outcome::Ok(first.id, false);
    };
    Pledge placed;
    // Like WithCampaign (the cached page rows are dropped afterwards), with the backer's total
    // read in the locking statement.
    struct Drop {
        std::int64_t id;
        ~Drop() { ForgetPage(id); }
    } drop{campaign_id};
    try {
        Outcome o = core::db::RunInTransaction(pool_, [&](Connection& c) -> Outcome {
            auto locked = repo::LockCampaignForPledge(c, campaign_id, a.id);
            if (!locked) return Outcome::NotFound();
            const auto& [k, already] = *locked;
            if (!IsPublic(k.state)) return Outcome::NotFound();
            if (k.state != State::kLive || now >= k.ends_at)
                return Outcome::Conflict("cf.conflict.not_live");
            return PlacePledge(c, k, already, rules_, a, in, provider, tx, now, placed);
        });
        if (o.ok()) {
            if (made) *made = placed;
            return o;
        }
        if (auto first = first_with_token()) return the_first(*first);
        return o;
    } catch (const core::db::DbError& e) {
        // The same token committed by a racing submit, or a commit of unknown outcome re-run
        // after a lost connection meeting its own first run.
        if (!e.IsDuplicateKey()) throw;
        auto first = first_with_token();
        if (!first) throw;
        return the_first(*first);
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
