// Commands on what hangs off a campaign: rewards (limits never below what is claimed), in-kind
// needs, citizens' offers of help and the owner's decisions, and the owner's news.
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
        Need n;
        n.kind = in.kind;
        n.title = in.title;
        n.description = in.description;
        n.quantity = in.quantity;
        return Outcome::Ok(repo::InsertNeed(c, k.id, n, now));
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

Outcome Service::DecideOffer(const Actor& a, std::int64_t offer_id, bool accept) {
    auto offer = core::db::Run(pool_, [&](Connection& c) { return repo::FindOffer(c, offer_id); });
    if (!offer) return Outcome::NotFound();
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(offer->campaign_id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        auto current = repo::FindOffer(c, offer_id, true);
        if (!current) return Outcome::NotFound();
        const OfferState wanted = accept ? OfferState::kAccepted : OfferState::kDeclined;
        if (current->state == wanted) return Outcome::Ok(offer_id, false);
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
