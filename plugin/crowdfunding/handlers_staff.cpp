// Staff pages (routes are staff-only): the review queue, one campaign's review with approve /
// request changes / reject, featuring, and the desk's list of manual pledges and refunds.
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/forms.h"
#include "plugin/core/markdown.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/validation.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
using ctemplate::TemplateDictionary;

void FillReviewDetails(const Section& s, const Env& env, const Texts& tx, const Campaign& k,
                       TemplateDictionary& b) {
    Service svc = s.Svc(env);
    b.SetValue(core::Tk<"DESCRIPTION_HTML">(), core::MarkdownToSafeHtml(k.description));
    core::SetInt(b, core::Tk<"DURATION">(), k.duration_days);
    for (const Reward& r : svc.Rewards(k.id)) {
        auto* d = b.AddSectionDictionary(core::Tk<"REWARD">());
        d->SetValue(core::Tk<"TITLE">(), r.title);
        d->SetValue(core::Tk<"MIN">(), tx.Money(r.min_amount, k.currency));
        d->SetValue(core::Tk<"LIMIT">(),
                    r.limit ? std::to_string(*r.limit) : tx.T("cf.reward.no_limit"));
        d->SetValue(core::Tk<"DESCRIPTION">(), r.description);
    }
    for (const Need& n : svc.Needs(k.id)) {
        auto* d = b.AddSectionDictionary(core::Tk<"NEED">());
        d->SetValue(core::Tk<"TITLE">(), n.title);
        d->SetValue(core::Tk<"KIND">(), tx.T("cf.need_kind." + std::string(Name(n.kind))));
        core::SetInt(*d, core::Tk<"QUANTITY">(), static_cast<long>(n.quantity));
        if (n.HasDates())
            d->SetValueAndShowSection(core::Tk<"DATES">(), views::NeedDates(tx, n),
                                      core::Tk<"HAS_DATES">());
    }
    for (const LogEntry& e : svc.Log(k.id)) {
        auto* d = b.AddSectionDictionary(core::Tk<"LOG">());
        d->SetValue(core::Tk<"DATE">(), tx.Date(e.at));
        d->SetValue(core::Tk<"ACTOR">(), e.actor_name);
        d->SetValue(core::Tk<"ACTION">(), tx.T("cf.log." + e.action));
        d->SetValue(core::Tk<"MESSAGE">(), e.message);
    }
}

Response RenderReview(const Section& s, const Env& env, Ctx& ctx, const Campaign& k,
                      const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/review.tpl",
                                    tx.F("cf.review.title", {{"title", k.title}}));
    auto& b = page.body();
    views::FillCard(env, tx, k, core::NowSeconds(), b);
    core::FillForm(b, ctx.req.form, {"changes", "reason"}, errors);
    FillReviewDetails(s, env, tx, k, b);
    const std::string base = env.config.base_path + "/staff/campaigns/" + std::to_string(k.id);
    if (k.state == State::kSubmitted) {
        auto* d = b.AddSectionDictionary(core::Tk<"CAN_DECIDE">());
        d->SetValue(core::Tk<"APPROVE_URL">(), base + "/approve");
        d->SetValue(core::Tk<"CHANGES_URL">(), base + "/changes");
        d->SetValue(core::Tk<"REJECT_URL">(), base + "/reject");
    }
    if (k.state == State::kLive)
        b.SetValueAndShowSection(core::Tk<"CANCEL_URL">(),
                                 views::ProjectPath(env, k.id) + "/cancel",
                                 core::Tk<"CAN_CANCEL">());
    if (IsPublic(k.state)) {
        auto* f = b.AddSectionDictionary(core::Tk<"CAN_FEATURE">());
        f->SetValue(core::Tk<"FEATURE_URL">(), base + "/feature");
        f->SetValue(core::Tk<"FEATURE_VALUE">(), k.featured ? "0" : "1");
        f->SetValue(core::Tk<"FEATURE_LABEL">(),
                    tx.T(k.featured ? "cf.review.unfeature" : "cf.review.feature"));
    }
    return core::RenderPage(env, ctx, page, status);
}

Campaign Load(const Section& s, const Env& env, Ctx& ctx) {
    auto k = s.Svc(env).GetCampaign(views::IdParam(ctx, "id"));
    if (!k) throw http::NotFound("no such campaign");
    return *k;
}

Response Decide(const Section& s, const Env& env, Ctx& ctx, Event e, const std::string& field) {
    Campaign k = Load(s, env, ctx);
    std::string message;
    if (!field.empty()) {
        core::FieldErrors errors;
        auto reason = ParseReason(ctx.req.form, field, views::TextsOf(env, ctx), errors);
        if (!reason) return RenderReview(s, env, ctx, k, errors, views::kInvalidForm);
        message = *reason;
    }
    Outcome o = s.Svc(env).Review(Actor::Of(ctx.viewer), k.id, e, message);
    const std::string to = e == Event::kApprove ? views::ProjectPath(env, k)
                                                : env.config.base_path + "/staff/campaigns";
    return views::AfterCommand(env, ctx, o, to);
}

void FillPledgeRows(const Env& env, const Texts& tx, const std::vector<Pledge>& pledges,
                    const std::string& section, TemplateDictionary& b) {
    for (const Pledge& p : pledges) {
        if (p.provider != "manual") continue;
        auto* d = b.AddSectionDictionary(section);
        core::SetInt(*d, core::Tk<"ID">(), static_cast<long>(p.id));
        d->SetValue(core::Tk<"REF">(), views::PledgeReference(p.id));
        d->SetValue(core::Tk<"DATE">(), tx.Date(p.created_at));
        d->SetValue(core::Tk<"CAMPAIGN">(), p.campaign_title);
        d->SetValue(core::Tk<"CAMPAIGN_URL">(), views::ProjectPath(env, p.campaign_id));
        d->SetValue(core::Tk<"NAME">(), p.display_name);
        if (p.anonymous) d->ShowSection(core::Tk<"ANONYMOUS">());
        d->SetValue(core::Tk<"AMOUNT">(), tx.Money(p.amount, p.currency));
        d->SetValue(core::Tk<"REWARD">(),
                    p.reward_title.empty() ? tx.T("cf.reward.none") : p.reward_title);
        d->SetValue(core::Tk<"URL">(),
                    env.config.base_path + "/staff/pledges/" + std::to_string(p.id));
    }
}

std::string Receipt(const Ctx& ctx) {
    std::string r = ctx.req.form.GetOr("receipt");
    if (!IsCleanUtf8(r) || Utf8Length(r) > 100) throw http::BadRequest("receipt reference");
    return r;
}
}  // namespace

Response StaffQueue(const Section& s, const Env& env, Ctx& ctx) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page =
        core::NewPage(env, ctx, "crowdfunding/staff_queue.tpl", tx.T("cf.staff.queue_title"));
    auto& b = page.body();
    Service svc = s.Svc(env);
    auto add = [&](const std::vector<Campaign>& list, const std::string& section) {
        for (const Campaign& k : list) {
            auto* d = b.AddSectionDictionary(section);
            d->SetValue(core::Tk<"TITLE">(), k.title);
            d->SetValue(core::Tk<"OWNER">(), k.owner_name);
            d->SetValue(core::Tk<"REVIEW_URL">(),
                        env.config.base_path + "/staff/campaigns/" + std::to_string(k.id));
            d->SetValue(core::Tk<"GOAL">(), tx.Money(k.goal, k.currency));
            d->SetValue(core::Tk<"RAISED">(), tx.Money(k.collected, k.currency));
            d->SetValue(core::Tk<"DATE">(),
                        tx.Date(k.published_at > 0 ? k.published_at : k.created_at));
            if (k.featured) d->ShowSection(core::Tk<"FEATURED">());
        }
    };
    add(svc.InState(State::kSubmitted, 200), "SUBMITTED");
    add(svc.Live(200), "LIVE");
    b.SetValue(core::Tk<"PLEDGES_URL">(), env.config.base_path + "/staff/pledges");
    return core::RenderPage(env, ctx, page);
}

Response StaffReview(const Section& s, const Env& env, Ctx& ctx) {
    return RenderReview(s, env, ctx, Load(s, env, ctx), {}, 200);
}
Response StaffApprove(const Section& s, const Env& env, Ctx& ctx) {
    return Decide(s, env, ctx, Event::kApprove, "");
}
Response StaffRequestChanges(const Section& s, const Env& env, Ctx& ctx) {
    return Decide(s, env, ctx, Event::kRequestChanges, "changes");
}
Response StaffReject(const Section& s, const Env& env, Ctx& ctx) {
    return Decide(s, env, ctx, Event::kReject, "reason");
}

Response StaffFeature(const Section& s, const Env& env, Ctx& ctx) {
    const std::int64_t id = views::IdParam(ctx, "id");
    Outcome o =
        s.Svc(env).SetFeatured(Actor::Of(ctx.viewer), id, ctx.req.form.GetOr("featured") == "1");
    return views::AfterCommand(env, ctx, o,
                               env.config.base_path + "/staff/campaigns/" + std::to_string(id));
}

Response StaffPledges(const Section& s, const Env& env, Ctx& ctx) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page =
        core::NewPage(env, ctx, "crowdfunding/staff_pledges.tpl", tx.T("cf.staff.pledges_title"));
    auto& b = page.body();
    Service svc = s.Svc(env);
    FillPledgeRows(env, tx, svc.PledgesInState(PledgeState::kPending, 500), "PENDING", b);
    FillPledgeRows(env, tx, svc.PledgesInState(PledgeState::kRefundPending, 500), "REFUND", b);
    return core::RenderPage(env, ctx, page);
}

Response StaffReceived(const Section& s, const Env& env, Ctx& ctx) {
    Outcome o =
        s.Svc(env).ConfirmPaid(Actor::Of(ctx.viewer), views::IdParam(ctx, "id"), Receipt(ctx));
    return views::AfterCommand(env, ctx, o, env.config.base_path + "/staff/pledges");
}

Response StaffCancelPledge(const Section& s, const Env& env, Ctx& ctx) {
    Outcome o = s.Svc(env).FailPledge(Actor::Of(ctx.viewer), views::IdParam(ctx, "id"));
    return views::AfterCommand(env, ctx, o, env.config.base_path + "/staff/pledges");
}

Response StaffRefunded(const Section& s, const Env& env, Ctx& ctx) {
    Outcome o =
        s.Svc(env).ConfirmRefund(Actor::Of(ctx.viewer), views::IdParam(ctx, "id"), Receipt(ctx));
    return views::AfterCommand(env, ctx, o, env.config.base_path + "/staff/pledges");
}

}  // namespace placette::crowdfunding::handlers
