// The owner's page for one campaign: its state and the staff's message, submit / cancel /
// realised, rewards, needs and the offers to answer, news, pledges and the decision log.
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/forms.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/validation.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
using ctemplate::TemplateDictionary;

void FillRewardsAndNeeds(const Section& s, const Env& env, const Texts& tx, const Campaign& k,
                         TemplateDictionary& b) {
    Service svc = s.Svc(env);
    const std::string base = views::ProjectPath(env, k.id);
    const bool editable = OwnerMayEdit(k.state);
    const auto rewards = svc.Rewards(k.id);
    const auto needs = svc.Needs(k.id);
    b.ShowSection(rewards.empty() ? "NO_REWARDS" : "HAS_REWARDS");
    b.ShowSection(needs.empty() ? "NO_NEEDS" : "HAS_NEEDS");
    for (const Reward& r : rewards) {
        auto* d = b.AddSectionDictionary(core::Tk<"REWARD">());
        d->SetValue(core::Tk<"TITLE">(), r.title);
        d->SetValue(core::Tk<"MIN">(), tx.Money(r.min_amount, k.currency));
        d->SetValue(core::Tk<"LIMIT">(),
                    r.limit ? std::to_string(*r.limit) : tx.T("cf.reward.no_limit"));
        core::SetInt(*d, core::Tk<"CLAIMED">(), static_cast<long>(r.claimed));
        if (editable)
            d->SetValueAndShowSection(core::Tk<"EDIT_URL">(),
                                      base + "/rewards/" + std::to_string(r.id) + "/edit",
                                      core::Tk<"CAN_EDIT">());
    }
    for (const Need& n : needs) {
        auto* d = b.AddSectionDictionary(core::Tk<"NEED">());
        d->SetValue(core::Tk<"TITLE">(), n.title);
        d->SetValue(core::Tk<"KIND">(), tx.T("cf.need_kind." + std::string(Name(n.kind))));
        d->SetValue(
            core::Tk<"PROGRESS_TEXT">(),
            tx.F("cf.need.progress",
                 {{"done", std::to_string(std::min(n.fulfilled, n.quantity))},
                  {"quantity", std::to_string(n.quantity)},
                  {"left", std::to_string(std::max<std::int64_t>(0, n.quantity - n.fulfilled))}}));
        d->SetValue(core::Tk<"DATES">(),
                    n.HasDates() ? views::NeedDates(tx, n) : tx.T("cf.need.no_dates"));
        if (editable)
            d->SetValueAndShowSection(core::Tk<"EDIT_URL">(),
                                      base + "/needs/" + std::to_string(n.id) + "/edit",
                                      core::Tk<"CAN_EDIT">());
    }
    if (editable) {
        b.SetValueAndShowSection(core::Tk<"ADD_REWARD_URL">(), base + "/rewards/new",
                                 core::Tk<"CAN_ADD">());
        b.SetValue(core::Tk<"ADD_NEED_URL">(), base + "/needs/new");
    }
}

// Each offer with its linked listing, its buttons while open, and the reason its acceptance was
// just refused (errors under "offer-<id>", e.g. the item is already lent on the need's dates).
void FillOffers(const Section& s, const Env& env, const Texts& tx, const Campaign& k,
                const core::FieldErrors& errors, TemplateDictionary& b) {
    const auto offers = s.Svc(env).Offers(k.id);
    b.ShowSection(offers.empty() ? "NO_OFFERS" : "HAS_OFFERS");
    for (const Offer& o : offers) {
        auto* d = b.AddSectionDictionary(core::Tk<"OFFER">());
        const std::string field = "offer-" + std::to_string(o.id);
        d->SetValue(core::Tk<"FIELD_ID">(), "f-" + field);
        if (errors.Has(field))
            d->SetValueAndShowSection(core::Tk<"ERROR_TEXT">(), errors.Get(field),
                                      core::Tk<"ERROR">());
        if (o.link_type == "item" && o.state == OfferState::kOpen)
            d->ShowSection(core::Tk<"LENDS_ITEM">());
        d->SetValue(core::Tk<"NEED">(), o.need_title);
        d->SetValue(core::Tk<"NAME">(), o.user_name);
        d->SetValue(core::Tk<"MESSAGE">(), o.message);
        core::SetInt(*d, core::Tk<"QUANTITY">(), static_cast<long>(o.quantity));
        d->SetValue(core::Tk<"DATE">(), tx.Date(o.created_at));
        d->SetValue(core::Tk<"STATE_LABEL">(),
                    tx.T("cf.offer_state." + std::string(Name(o.state))));
        if (auto listing = s.Svc(env).LinkedListing(o)) {
            auto* link = d->AddSectionDictionary(core::Tk<"LINK">());
            link->SetValue(core::Tk<"LINK_KIND">(), tx.Label("cf.link_type.", listing->type));
            link->SetValue(core::Tk<"LINK_TITLE">(), listing->title);
            link->SetValue(core::Tk<"LINK_URL">(), env.config.base_path + listing->path);
        }
        if (o.state == OfferState::kOpen) {
            const std::string path = env.config.base_path + "/offers/" + std::to_string(o.id);
            auto* open = d->AddSectionDictionary(core::Tk<"IS_OPEN">());
            open->SetValue(core::Tk<"ACCEPT_URL">(), path + "/accept");
            open->SetValue(core::Tk<"DECLINE_URL">(), path + "/decline");
        }
    }
}

void FillPledgesAndLog(const Section& s, const Env& env, const Texts& tx, const Campaign& k,
                       TemplateDictionary& b) {
    Service svc = s.Svc(env);
    const auto pledges = svc.CampaignPledges(k.id);
    b.ShowSection(pledges.empty() ? "NO_PLEDGES" : "HAS_PLEDGES");
    for (const Pledge& p : pledges) {
        auto* d = b.AddSectionDictionary(core::Tk<"PLEDGE">());
        d->SetValue(core::Tk<"REF">(), views::PledgeReference(p.id));
        d->SetValue(core::Tk<"NAME">(), p.anonymous ? tx.T("cf.anonymous") : p.display_name);
        d->SetValue(core::Tk<"AMOUNT">(), tx.Money(p.amount, p.currency));
        d->SetValue(core::Tk<"REWARD">(),
                    p.reward_title.empty() ? tx.T("cf.reward.none") : p.reward_title);
        d->SetValue(core::Tk<"STATE_LABEL">(), views::PledgeStateLabel(tx, p.state));
        d->SetValue(core::Tk<"DATE">(), tx.Date(p.created_at));
    }
    for (const LogEntry& e : svc.Log(k.id)) {
        auto* d = b.AddSectionDictionary(core::Tk<"LOG">());
        d->SetValue(core::Tk<"DATE">(), tx.Date(e.at));
        d->SetValue(core::Tk<"ACTOR">(), e.actor_name);
        d->SetValue(core::Tk<"ACTION">(), tx.T("cf.log." + e.action));
        d->SetValue(core::Tk<"MESSAGE">(), e.message);
    }
}

void FillActions(const Env& env, const Texts& tx, const Campaign& k, TemplateDictionary& b) {
    const std::string base = views::ProjectPath(env, k.id);
    b.SetValue(core::Tk<"STATE_LABEL">(), views::StateLabel(tx, k.state));
    b.SetValue(core::Tk<"STATE_HELP">(), tx.T("cf.manage.state." + std::string(Name(k.state))));
    if (!k.review_message.empty() && (k.state == State::kDraft || k.state == State::kRejected)) {
        b.SetValueAndShowSection(core::Tk<"REVIEW_MESSAGE">(), k.review_message,
                                 core::Tk<"HAS_REVIEW_MESSAGE">());
    }
    if (OwnerMayEdit(k.state))
        b.SetValueAndShowSection(core::Tk<"EDIT_URL">(), base + "/edit", core::Tk<"CAN_EDIT">());
    if (k.state == State::kDraft)
        b.SetValueAndShowSection(core::Tk<"SUBMIT_URL">(), base + "/submit",
                                 core::Tk<"CAN_SUBMIT">());
    if (k.state == State::kLive)
        b.SetValueAndShowSection(core::Tk<"CANCEL_URL">(), base + "/cancel",
                                 core::Tk<"CAN_CANCEL">());
    if (k.state == State::kSucceeded)
        b.SetValueAndShowSection(core::Tk<"REALISED_URL">(), base + "/realised",
                                 core::Tk<"CAN_REALISE">());
    if (IsPublic(k.state))
        b.SetValueAndShowSection(core::Tk<"UPDATE_URL">(), base + "/updates",
                                 core::Tk<"CAN_UPDATE">());
    b.SetValue(core::Tk<"PAGE_URL">(), views::ProjectPath(env, k));
}

Response RenderManage(const Section& s, const Env& env, Ctx& ctx, const Campaign& k,
                      const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/manage.tpl",
                                    tx.F("cf.manage.title", {{"title", k.title}}));
    auto& b = page.body();
    b.SetValue(core::Tk<"TITLE">(), k.title);
    views::FillFunding(tx, k, core::NowSeconds(), b);
    core::FillForm(b, ctx.req.form, {"update_title", "update_body", "reason"}, errors);
    FillActions(env, tx, k, b);
    FillRewardsAndNeeds(s, env, tx, k, b);
    FillOffers(s, env, tx, k, errors, b);
    FillPledgesAndLog(s, env, tx, k, b);
    return core::RenderPage(env, ctx, page, status);
}

Response Decide(const Section& s, const Env& env, Ctx& ctx, bool accept) {
    const std::int64_t id = views::IdParam(ctx, "oid");
    auto offer = s.Svc(env).GetOffer(id);
    if (!offer) throw http::NotFound("no such offer");
    Outcome o = s.Svc(env).DecideOffer(Actor::Of(ctx.viewer), id, accept, views::TextsOf(env, ctx));
    if (o.status == Outcome::Status::kInvalid) {  // the loan of the offered item was refused
        auto k = s.Svc(env).GetCampaign(offer->campaign_id);
        if (!k) throw http::NotFound("no such campaign");
        return RenderManage(s, env, ctx, *k, o.errors, 409);
    }
    return views::AfterCommand(env, ctx, o,
                               views::ProjectPath(env, offer->campaign_id) + "/manage");
}
}  // namespace

Response Manage(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderManage(s, env, ctx, views::OwnedCampaign(s, env, ctx), {}, 200);
}

Response PostUpdate(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = views::OwnedCampaign(s, env, ctx);
    core::FieldErrors errors;
    auto in = ParseUpdate(ctx.req.form, views::TextsOf(env, ctx), errors);
    if (!in) return RenderManage(s, env, ctx, k, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).PostUpdate(Actor::Of(ctx.viewer), k.id, *in);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k));
}

Response Cancel(const Section& s, const Env& env, Ctx& ctx) {
    auto k = s.Svc(env).GetCampaign(views::IdParam(ctx, "id"));
    if (!k) throw http::NotFound("no such campaign");
    const bool owner = k->owner_id == ctx.viewer.user_id;
    if (!owner && !ctx.viewer.is_staff()) throw http::Forbidden("not the owner");
    core::FieldErrors errors;
    auto reason = ParseReason(ctx.req.form, "reason", views::TextsOf(env, ctx), errors);
    if (!reason && owner) return RenderManage(s, env, ctx, *k, errors, views::kInvalidForm);
    if (!reason) return core::RenderError(env, ctx, 400, errors.Get("reason"));
    Outcome o = s.Svc(env).Cancel(Actor::Of(ctx.viewer), k->id, *reason);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, *k));
}

Response OfferAccept(const Section& s, const Env& env, Ctx& ctx) {
    return Decide(s, env, ctx, true);
}
Response OfferDecline(const Section& s, const Env& env, Ctx& ctx) {
    return Decide(s, env, ctx, false);
}

}  // namespace placette::crowdfunding::handlers
