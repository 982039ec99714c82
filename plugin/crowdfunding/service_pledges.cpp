// Pledge commands: the pledge transaction (campaign locked, caps checked, reward claimed with a
// conditional update, idempotency token), payment received, pledge failed, refund confirmed.
#include <map>
#include <set>
#include <span>

#include "plugin/core/batch_lanes.h"
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

// What a batch of pledges learnt of its campaign's rewards: each one is read once, and one whose
// claim failed stays sold out for the rest of the batch (every claim and release happens under the
// campaign's lock, which the batch holds) unless the batch gives one back.
struct RewardMemo {
    std::map<std::int64_t, std::optional<Reward>> read;
    std::set<std::int64_t> sold_out;
};

// Checks one pledge against the campaign as the ones before it left it (`k.pledged`, the
// backer's `already`), claims its reward and inserts it; the caller adds it to the campaign's
// totals. Throws the unique key's DbError when the token was used already, after giving the
// reward back: a batch goes on with its other pledges.
Outcome PlacePledge(Connection& c, const Campaign& k, std::int64_t already, const Rules& rules,
                    const Actor& a, const PledgeInput& in, const std::string& provider,
                    const Texts& tx, std::int64_t now, RewardMemo& rewards, Pledge& p) {
    std::optional<Reward> reward;
    if (in.reward_id) {
        auto [known, fresh] = rewards.read.try_emplace(*in.reward_id);
        if (fresh) known->second = repo::FindReward(c, *in.reward_id);
        reward = known->second;
        if (!reward || reward->campaign_id != k.id)
            return Outcome::Invalid("reward", tx.T("cf.error.reward_unknown"));
    }
    if (!in.amount && !reward) return Outcome::Invalid("amount", tx.T("cf.error.amount_required"));
    const std::int64_t amount = in.amount ? *in.amount : reward->min_amount;
    if (auto refusal = CheckAmount(k, rules, already, reward, amount, tx)) return *refusal;
    // The claim is the last check: nothing has been written when it refuses.
    if (reward && (rewards.sold_out.contains(reward->id) || !repo::ClaimReward(c, reward->id))) {
        rewards.sold_out.insert(reward->id);
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
    try {
        p.id = repo::InsertPledge(c, p, now);
    } catch (const core::db::DbError& e) {
        // Only the insert was undone (MariaDB rolls back the statement, not the transaction).
        if (e.IsDuplicateKey() && reward) {
            repo::ReleaseReward(c, reward->id);
            rewards.sold_out.erase(reward->id);
        }
        throw;
    }
    p.state = PledgeState::kPending;
    p.created_at = now;
    return Outcome::Ok(p.id);
}

// One citizen's pledge, placed alone or in a batch with the pledges that queued behind it on the
// same campaign (core/batch_lanes.h).
struct PledgeJob : core::BatchLanes::Job {
    PledgeJob(const Actor& who, const PledgeInput& input, const std::string& via,
              const Texts& texts, std::int64_t at)
        : a(who), in(input), provider(via), tx(texts), now(at) {}
    const Actor& a;
    const PledgeInput& in;
    const std::string& provider;
    const Texts& tx;
    const std::int64_t now;
    Outcome out = Outcome::NotFound();  // ok: `placed` is the new pledge
    Pledge placed;
    bool duplicate = false;  // the token's unique key refused the insert: a pledge has it already
};

// Places a batch's pledges in one transaction, each as if it came alone after the ones before
// it: the campaign is locked once, with the first backer's total; every other backer's total is
// read under that lock (the transaction's snapshot was taken once the lock was granted, and
// every pledge on the campaign is written under it), and the running totals carry each pledge's
// amount to the next check; one update adds them all to the campaign. Re-runnable from the start.
void PlaceBatch(Connection& c, std::int64_t campaign_id,
                std::span<core::BatchLanes::Job* const> batch, const Rules& rules) {
    auto job = [&](std::size_t i) -> PledgeJob& { return *static_cast<PledgeJob*>(batch[i]); };
    for (std::size_t i = 0; i < batch.size(); ++i) {
        job(i).out = Outcome::NotFound();
        job(i).duplicate = false;
    }
    auto locked = repo::LockCampaignForPledge(c, campaign_id, job(0).a.id);
    if (!locked) return;
    auto& [k, first_backer_total] = *locked;
    std::map<std::int64_t, std::int64_t> backer_totals{{job(0).a.id, first_backer_total}};
    RewardMemo rewards;
    std::int64_t added = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        PledgeJob& j = job(i);
        if (!IsPublic(k.state)) continue;  // not found
        if (k.state != State::kLive || j.now >= k.ends_at) {
            j.out = Outcome::Conflict("cf.conflict.not_live");
            continue;
        }
        auto [total, fresh] = backer_totals.try_emplace(j.a.id, 0);
        if (fresh) total->second = repo::PledgedBy(c, k.id, j.a.id);
        try {
            j.out = PlacePledge(c, k, total->second, rules, j.a, j.in, j.provider, j.tx, j.now,
                                rewards, j.placed);
        } catch (const core::db::DbError& e) {
            if (!e.IsDuplicateKey()) throw;
            j.duplicate = true;
            j.out = Outcome::Conflict("cf.conflict.pledge_state");
            continue;
        }
        if (!j.out.ok()) continue;
        total->second += j.placed.amount;
        k.pledged += j.placed.amount;
        added += j.placed.amount;
    }
    if (added != 0) repo::AddTotals(c, k.id, added, 0);
}

bool Closed(State s) { return s == State::kFailed || s == State::kCancelled; }
}  // namespace

core::BatchLanes& PledgeLanes() {
    static core::BatchLanes lanes(kMaxPledgeBatch);
    return lanes;
}

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
    // A double submit (two tabs, a double click) finds the first pledge: the token is unique per
    // backer, so the second insert fails and the first is looked up; a second submit refused
    // before its insert (the only reward now taken by the first, the campaign just ended) looks
    // it up too. A pledge that goes through pays no lookup.
    auto first_with_token = [&]() {
        return core::db::Run(
            pool_, [&](Connection& c) { return repo::FindPledgeByToken(c, a.id, in.token); });
    };
    auto the_first = [&](const Pledge& first) {
        if (made) *made = first;
        return Outcome::Ok(first.id, false);
    };
    // Like WithCampaign (the cached page rows are dropped afterwards).
    struct Drop {
        std::int64_t id;
        ~Drop() { ForgetPage(id); }
    } drop{campaign_id};
    PledgeJob job(a, in, provider, tx, core::NowSeconds());
    auto run = [&](std::span<core::BatchLanes::Job* const> batch) {
        core::db::RunInTransaction(
            pool_, [&](Connection& c) { PlaceBatch(c, campaign_id, batch, rules_); });
    };
    PledgeLanes().Submit(&pool_, campaign_id, job, run);
    if (job.batch_failed()) {
        // The batch failed as a whole (the database unreachable, say): this pledge runs again
        // alone, and what stops it reaches the caller.
        core::BatchLanes::Job* alone[] = {&job};
        run(alone);
    }
    if (job.out.ok()) {
        if (made) *made = job.placed;
        return job.out;
    }
    if (auto first = first_with_token()) return the_first(*first);
    if (job.duplicate) {
        // Its first pledge is gone again (it cannot be, short of a hand-made change to the
        // database): say so rather than claim a pledge.
        return Outcome::Conflict("cf.conflict.pledge_state");
    }
    return job.out;
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
