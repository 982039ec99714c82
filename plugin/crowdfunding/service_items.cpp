// Commands on what hangs off a campaign: rewards (limits never below what is claimed), in-kind
// needs, citizens' offers of help and the owner's decisions (an accepted item becomes a loan
// request for the need's dates, in the same transaction), and the owner's news.
#include "plugin/core/clock.h"
#include "plugin/crowdfunding/notices.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;

bool IsOwner(const Actor& a, const Campaign& k) { return a.id != 0 && a.id == k.owner_id; }

std::optional<core::links::Offerable> FindListing(Connection& c, std::int64_t user_id,
                                                  const std::string& type, std::int64_t id) {
    for (auto& l : core::links::ListOfferables(c, user_id)) {
        if (l.type == type && l.id == id) return l;
    }
    return std::nullopt;
}

bool OwnsListing(Connection& c, std::int64_t user_id, const std::string& type, std::int64_t id) {
    return FindListing(c, user_id, type, id).has_value();
}

Need ToNeed(std::int64_t campaign_id, const NeedInput& in) {
    Need n;
    n.campaign_id = campaign_id;
    n.kind = in.kind;
    n.title = in.title;
    n.description = in.description;
    n.quantity = in.quantity;
    n.needed_from = in.needed_from;
    n.needed_until = in.needed_until;
    return n;
}

// An item is lent for the need's dates: the need must have some, still to come.
std::optional<std::string> ItemRefusal(const Need& n, std::int64_t now, const Texts& tx) {
    if (!n.HasDates()) return tx.T("cf.error.item_needs_dates");
    if (n.needed_from < CivilDate(now)) return tx.T("cf.error.need_dates_passed");
    return std::nullopt;
}

// The loan of the offered item for the need's dates, borrowed by the campaign's owner (who acts),
// requested in the caller's transaction. A refusal (dates already booked, item no longer lent…)
// has written nothing and comes back as the offer's error, with the exchange section's reason.
Outcome RequestNeedLoan(Connection& c, const Actor& owner, const Campaign& k, const Offer& o,
                        std::int64_t now, const Texts& tx) {
    const std::string field = "offer-" + std::to_string(o.id);
    auto need = repo::FindNeed(c, o.need_id);
    if (!need) return Outcome::NotFound();
    if (!need->HasDates()) return Outcome::Invalid(field, tx.T("cf.error.accept_needs_dates"));
    if (auto refusal = ItemRefusal(*need, now, tx)) {
        return Outcome::Invalid(field, tx.F("cf.error.loan_refused", {{"reason", *refusal}}));
    }
    core::links::LoanRequest req;
    req.item_id = o.link_id;
    req.borrower_id = k.owner_id;
    req.start_date = need->needed_from;
    req.end_date = need->needed_until;
    req.message = tx.F("cf.loan.message", {{"campaign", k.title}, {"need", need->title}});
    req.source = "need";
    req.source_id = need->id;
    const core::links::LoanRequestResult r = core::links::RequestLoan(c, req);
    if (r.ok) {
        core::Viewer borrower;  // the loan pages name both parties (community's people)
        borrower.user_id = owner.id;
        borrower.display_name = owner.name;
        core::links::RememberPerson(c, borrower);
        return Outcome::Ok(r.loan_id);
    }
    return Outcome::Invalid(field, tx.F("cf.error.loan_refused", {{"reason", tx.T(r.error_key)}}));
}

Reward ToReward(std::int64_t campaign_id, const RewardInput& in) {
    Reward r;
    r.campaign_id = campaign_id;
    r.title = in.title;
    r.description = in.description;
    r.min_amount = in.min_amount;
    r.limit = in.limit;
    r.delivery = in.delivery;
    return r;
}
}  // namespace

Outcome Service::AddReward(const Actor& a, std::int64_t campaign_id, const RewardInput& in) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (!OwnerMayEdit(k.state)) return Outcome::Conflict("cf.conflict.rewards_closed");
        return Outcome::Ok(repo::InsertReward(c, ToReward(k.id, in), now));
    });
}

Outcome Service::EditReward(const Actor& a, std::int64_t reward_id, const RewardInput& in,
                            const Texts& tx) {
    auto found = GetReward(reward_id);
    if (!found) return Outcome::NotFound();
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(found->campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (!OwnerMayEdit(k.state)) return Outcome::Conflict("cf.conflict.rewards_closed");
        auto current = repo::FindReward(c, reward_id);  // claims only move under the campaign lock
        if (!current) return Outcome::NotFound();
        if (in.limit && *in.limit < current->claimed) {
            return Outcome::Invalid("limit", tx.F("cf.error.limit_below_claimed",
                                                  {{"claimed", std::to_string(current->claimed)}}));
        }
        if (in.min_amount != current->min_amount && current->claimed > 0) {
            return Outcome::Invalid(
                "min_amount",
                tx.F("cf.error.min_frozen", {{"min", tx.Money(current->min_amount, k.currency)}}));
        }
        Reward r = ToReward(k.id, in);
        r.id = reward_id;
        repo::UpdateReward(c, r, now);
        return Outcome::Ok(reward_id);
    });
}

Outcome Service::AddNeed(const Actor& a, std::int64_t campaign_id, const NeedInput& in) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (!OwnerMayEdit(k.state)) return Outcome::Conflict("cf.conflict.rewards_closed");
        return Outcome::Ok(repo::InsertNeed(c, k.id, ToNeed(k.id, in), now));
    });
}

Outcome Service::EditNeed(const Actor& a, std::int64_t need_id, const NeedInput& in,
                          const Texts& tx) {
    auto found = GetNeed(need_id);
    if (!found) return Outcome::NotFound();
    return WithCampaign(found->campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (!OwnerMayEdit(k.state)) return Outcome::Conflict("cf.conflict.rewards_closed");
        auto current = repo::FindNeed(c, need_id);  // offers are decided under the campaign lock
        if (!current || current->campaign_id != k.id) return Outcome::NotFound();
        if (in.quantity < current->fulfilled) {
            return Outcome::Invalid("quantity",
                                    tx.F("cf.error.need_below_accepted",
                                         {{"accepted", std::to_string(current->fulfilled)}}));
        }
        const bool moved =
            in.needed_from != current->needed_from || in.needed_until != current->needed_until;
        if (moved && repo::CountItemLoans(c, need_id) > 0) {
            return Outcome::Invalid("needed_from", tx.T("cf.error.need_dates_frozen"));
        }
        Need n = ToNeed(k.id, in);
        n.id = need_id;
        repo::UpdateNeed(c, n);
        return Outcome::Ok(need_id);
    });
}

Outcome Service::OfferHelp(const Actor& a, std::int64_t need_id, const OfferInput& in,
                           const Texts& tx) {
    if (a.id == 0) return Outcome::Forbidden();
    auto need = GetNeed(need_id);
    if (!need) return Outcome::NotFound();
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(need->campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsPublic(k.state)) return Outcome::NotFound();
        if (k.state != State::kLive) return Outcome::Conflict("cf.conflict.offers_closed");
        if (!in.link_type.empty() && !OwnsListing(c, a.id, in.link_type, in.link_id)) {
            return Outcome::Invalid("link", tx.T("cf.error.link_unknown"));
        }
        if (in.link_type == "item") {
            auto current = repo::FindNeed(c, need_id);  // its dates, as the owner last saved them
            if (!current || current->campaign_id != k.id) return Outcome::NotFound();
            if (auto refusal = ItemRefusal(*current, now, tx)) {
                return Outcome::Invalid("link", *refusal);
            }
        }
        Offer o;
        o.need_id = need_id;
        o.campaign_id = k.id;
        o.user_id = a.id;
        o.user_name = a.name;
        o.message = in.message;
        o.quantity = in.quantity;
        o.link_type = in.link_type;
        o.link_id = in.link_id;
        const std::int64_t made = repo::InsertOffer(c, o, now);
        Tell(c, k.owner_id, "cf_offer", k.title, "/projects/" + std::to_string(k.id) + "/manage");
        return Outcome::Ok(made);
    });
}

Outcome Service::DecideOffer(const Actor& a, std::int64_t offer_id, bool accept, const Texts& tx) {
    auto offer = core::db::Run(pool_, [&](Connection& c) { return repo::FindOffer(c, offer_id); });
    if (!offer) return Outcome::NotFound();
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(offer->campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        auto current = repo::FindOffer(c, offer_id, true);
        if (!current) return Outcome::NotFound();
        const OfferState wanted = accept ? OfferState::kAccepted : OfferState::kDeclined;
        if (current->state == wanted) return Outcome::Ok(offer_id, false);
        // Checked before the loan request: every write below must belong to a decision made now.
        if (current->state != OfferState::kOpen)
            return Outcome::Conflict("cf.conflict.offer_decided");
        if (accept && current->link_type == "item") {
            Outcome loan = RequestNeedLoan(c, a, k, *current, now, tx);
            if (!loan.ok()) return loan;
        }
        if (!repo::DecideOffer(c, offer_id, wanted, now))
            return Outcome::Conflict("cf.conflict.offer_decided");
        Tell(c, current->user_id, accept ? "cf_offer_accepted" : "cf_offer_declined", k.title,
             "/projects/" + std::to_string(k.id));
        return Outcome::Ok(offer_id);
    });
}

Outcome Service::PostUpdate(const Actor& a, std::int64_t campaign_id, const UpdateInput& in) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (!IsPublic(k.state)) return Outcome::Conflict("cf.conflict.updates_closed");
        Update u;
        u.title = in.title;
        u.body = in.body;
        return Outcome::Ok(repo::InsertUpdate(c, k.id, a.id, u, now));
    });
}

std::vector<core::links::Offerable> Service::Offerables(std::int64_t user_id) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return core::links::ListOfferables(c, user_id); });
}

std::optional<core::links::Offerable> Service::LinkedListing(const Offer& o) {
    if (o.link_type.empty()) return std::nullopt;
    return core::db::Run(
        pool_, [&](Connection& c) { return FindListing(c, o.user_id, o.link_type, o.link_id); });
}

}  // namespace placette::crowdfunding
