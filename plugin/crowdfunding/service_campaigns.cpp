// Campaign commands: create and edit drafts, submit, staff review, cancel, mark realised,
// feature. Every state change goes through the state machine and the decision log.
#include "plugin/core/clock.h"
#include "plugin/crowdfunding/notices.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;

// Applies `e` to `k` if the state machine allows it, with the extra columns of `change`, and
// logs who did it; false when the event is not allowed in the campaign's state.
bool Apply(Connection& c, Campaign& k, Event e, const Actor& a, repo::StateChange change,
           const std::string& message, std::int64_t now) {
    auto to = Next(k.state, e);
    if (!to) return false;
    change.from = k.state;
    change.to = *to;
    if (!repo::ChangeState(c, k.id, change, now)) return false;
    repo::InsertLog(c, k.id, a.id, a.name, std::string(Name(e)), k.state, *to, message, now);
    k.state = *to;
    return true;
}

void CopyDraft(const Draft& d, bool text_only, Campaign& k) {
    k.title = d.title;
    k.slug = Slugify(d.title);
    k.summary = d.summary;
    k.description = d.description;
    k.neighbourhood = d.neighbourhood;
    k.theme = d.theme;
    k.place = d.place;
    k.latitude = d.latitude;
    k.longitude = d.longitude;
    if (text_only) return;
    k.goal = d.goal;
    k.model = d.model;
    k.duration_days = d.duration_days;
}

bool IsOwner(const Actor& a, const Campaign& k) { return a.id != 0 && a.id == k.owner_id; }
}  // namespace

Outcome Outcome::Ok(std::int64_t id, bool changed) {
    Outcome o;
    o.id = id;
    o.changed = changed;
    return o;
}

Outcome Outcome::Conflict(std::string reason_key) {
    Outcome o;
    o.status = Status::kConflict;
    o.reason = std::move(reason_key);
    o.changed = false;
    return o;
}

Outcome Outcome::Invalid(std::string field, std::string message) {
    Outcome o;
    o.status = Status::kInvalid;
    o.errors.Add(std::move(field), std::move(message));
    o.changed = false;
    return o;
}

Outcome Service::WithCampaign(std::int64_t id,
                              const std::function<Outcome(Connection&, Campaign&)>& fn) {
    // Every write to a campaign, its rewards, needs, news or pledges goes through here: once the
    // transaction is over (committed or not), the cached page rows are dropped.
    struct Drop {
        std::int64_t id;
        ~Drop() { ForgetPage(id); }
    } drop{id};
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Outcome {
        auto k = repo::FindCampaign(c, id, true);
        if (!k) return Outcome::NotFound();
        return fn(c, *k);
    });
}

Outcome Service::CreateDraft(const Actor& a, const Draft& d) {
    if (a.id == 0) return Outcome::Forbidden();
    Campaign k;
    k.owner_id = a.id;
    k.owner_name = a.name;
    k.currency = rules_.currency;
    k.cap_percent = rules_.cap_percent;
    CopyDraft(d, false, k);
    const std::int64_t now = core::NowSeconds();
    return core::db::RunInTransaction(pool_, [&](Connection& c) {
        std::int64_t id = repo::InsertCampaign(c, k, now);
        repo::InsertLog(c, id, a.id, a.name, "create", State::kDraft, State::kDraft, "", now);
        return Outcome::Ok(id);
    });
}

Outcome Service::Edit(const Actor& a, std::int64_t id, const Draft& d) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (k.state == State::kSubmitted) return Outcome::Conflict("cf.conflict.under_review");
        if (!OwnerMayEdit(k.state)) return Outcome::Conflict("cf.conflict.not_editable");
        const bool live = k.state == State::kLive;  // goal, currency and model are frozen
        CopyDraft(d, live, k);
        repo::UpdateCampaignFields(c, k, now);
        if (live) repo::InsertLog(c, k.id, a.id, a.name, "edit", k.state, k.state, "", now);
        return Outcome::Ok(k.id);
    });
}

Outcome Service::Submit(const Actor& a, std::int64_t id) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k)) return Outcome::Forbidden();
        if (k.state == State::kSubmitted) return Outcome::Ok(k.id, false);  // double click
        repo::StateChange change;
        change.submitted_at = now;
        if (!Apply(c, k, Event::kSubmit, a, change, "", now))
            return Outcome::Conflict("cf.conflict.submit");
        return Outcome::Ok(k.id);
    });
}

Outcome Service::Review(const Actor& a, std::int64_t id, Event e, const std::string& message) {
    if (!a.staff) return Outcome::Forbidden();
    if (e != Event::kApprove && e != Event::kRequestChanges && e != Event::kReject) {
        throw std::logic_error("Review takes approve, request_changes or reject");
    }
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        repo::StateChange change;
        change.review_message = message;
        if (e == Event::kApprove) {
            change.published_at = now;
            change.ends_at = now + std::int64_t{k.duration_days} * 86400;
            change.cap_percent = rules_.cap_percent;
        }
        if (!Apply(c, k, e, a, change, message, now))
            return Outcome::Conflict("cf.conflict.review");
        Tell(c, k.owner_id, "cf_" + std::string(Name(e)), k.title,
             "/projects/" + std::to_string(k.id) + "/manage");
        return Outcome::Ok(k.id);
    });
}

Outcome Service::Cancel(const Actor& a, std::int64_t id, const std::string& reason) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k) && !a.staff) return Outcome::Forbidden();
        if (k.state == State::kCancelled) return Outcome::Ok(k.id, false);
        repo::StateChange change;
        change.closed_at = now;
        if (!Apply(c, k, Event::kCancel, a, change, reason, now))
            return Outcome::Conflict("cf.conflict.cancel");
        ReleasePledgesOfClosedCampaign(c, k, now);
        if (!IsOwner(a, k)) {
            Tell(c, k.owner_id, "cf_cancel", k.title,
                 "/projects/" + std::to_string(k.id) + "/manage");
        }
        return Outcome::Ok(k.id);
    });
}

Outcome Service::MarkRealised(const Actor& a, std::int64_t id) {
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (!IsOwner(a, k) && !a.staff) return Outcome::Forbidden();
        if (k.state == State::kRealised) return Outcome::Ok(k.id, false);
        if (!Apply(c, k, Event::kMarkRealised, a, {}, "", now))
            return Outcome::Conflict("cf.conflict.realised");
        return Outcome::Ok(k.id);
    });
}

Outcome Service::SetFeatured(const Actor& a, std::int64_t id, bool featured) {
    if (!a.staff) return Outcome::Forbidden();
    const std::int64_t now = core::NowSeconds();
    return WithCampaign(id, [&](Connection& c, Campaign& k) {
        if (!IsPublic(k.state)) return Outcome::Conflict("cf.conflict.feature");
        repo::SetFeatured(c, k.id, featured);
        repo::InsertLog(c, k.id, a.id, a.name, featured ? "feature" : "unfeature", k.state, k.state,
                        "", now);
        return Outcome::Ok(k.id);
    });
}

int ReleasePledgesOfClosedCampaign(Connection& c, const Campaign& k, std::int64_t now) {
    std::int64_t released = 0;
    for (std::int64_t id : repo::PledgeIds(c, k.id, PledgeState::kPending)) {
        auto p = repo::FindPledge(c, id, true);
        if (!p || !repo::MovePledge(c, id, PledgeState::kPending, PledgeState::kFailed, now))
            continue;
        if (p->reward_id) repo::ReleaseReward(c, *p->reward_id);
        released += p->amount;
    }
    int refunds = 0;
    for (std::int64_t id : repo::PledgeIds(c, k.id, PledgeState::kPaid)) {
        auto p = repo::FindPledge(c, id, true);
        if (!p || !repo::MovePledge(c, id, PledgeState::kPaid, PledgeState::kRefundPending, now))
            continue;
        released += p->amount;
        ++refunds;
        Tell(c, p->backer_id, "cf_refund", k.title, "/pledges/" + std::to_string(id),
             "cf_refund:" + std::to_string(id));
    }
    if (released != 0) repo::AddTotals(c, k.id, -released, 0);
    return refunds;
}

}  // namespace placette::crowdfunding
