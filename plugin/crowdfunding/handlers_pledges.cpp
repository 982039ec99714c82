// Backing a campaign: the pledge form (rewards with what remains, amount, anonymity, public
// message, an idempotency token made at display), the pledge command, and the backer's page.
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/forms.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/validation.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
using ctemplate::TemplateDictionary;
const std::vector<std::string> kFields = {"reward", "amount", "anonymous", "message", "token"};

void FillRewardChoices(const Texts& tx, const Campaign& k, const std::vector<Reward>& rewards,
                       const std::string& selected, TemplateDictionary& b) {
    auto* none = b.AddSectionDictionary(core::Tk<"REWARD_OPTION">());
    none->SetValue(core::Tk<"VALUE">(), "none");
    none->SetValue(core::Tk<"ID">(), "none");
    none->SetValue(core::Tk<"TITLE">(), tx.T("cf.back.no_reward"));
    none->SetValue(core::Tk<"DETAIL">(), tx.T("cf.back.no_reward_detail"));
    if (selected.empty() || selected == "none") none->ShowSection(core::Tk<"SELECTED">());
    for (const Reward& r : rewards) {
        auto* d = b.AddSectionDictionary(core::Tk<"REWARD_OPTION">());
        d->SetValue(core::Tk<"VALUE">(), std::to_string(r.id));
        d->SetValue(core::Tk<"ID">(), std::to_string(r.id));
        d->SetValue(core::Tk<"TITLE">(), r.title);
        std::string detail =
            tx.F("cf.reward.min", {{"amount", tx.Money(r.min_amount, k.currency)}});
        if (r.limit) {
            detail +=
                " · " + tx.F("cf.reward.remaining", {{"left", std::to_string(*r.limit - r.claimed)},
                                                     {"limit", std::to_string(*r.limit)}});
        }
        d->SetValue(core::Tk<"DETAIL">(), detail);
        if (!r.description.empty())
            d->SetValueAndShowSection(core::Tk<"DESCRIPTION">(), r.description,
                                      core::Tk<"HAS_DESCRIPTION">());
        if (r.SoldOut()) {
            d->ShowSection(core::Tk<"DISABLED">());
            d->SetValueAndShowSection(core::Tk<"SOLD_OUT_TEXT">(), tx.T("cf.reward.sold_out"),
                                      core::Tk<"SOLD_OUT">());
        } else if (selected == std::to_string(r.id)) {
            d->ShowSection(core::Tk<"SELECTED">());
        }
    }
}

Response RenderBack(const Section& s, const Env& env, Ctx& ctx, const Campaign& k,
                    const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/back.tpl",
                                    tx.F("cf.back.title", {{"title", k.title}}));
    auto& b = page.body();
    const bool submitted = ctx.req.form.size() > 0;
    std::map<std::string, std::string> defaults = {
        {"token", core::RandomHex(16)}, {"reward", ctx.req.query.GetOr("reward", "none")}};
    core::FillForm(b, ctx.req.form, kFields, errors, defaults);
    const std::string selected = submitted ? ctx.req.form.GetOr("reward") : defaults["reward"];
    FillRewardChoices(tx, k, s.Svc(env).Rewards(k.id), selected, b);
    if (submitted && ctx.req.form.GetOr("anonymous") == "1")
        b.ShowSection(core::Tk<"ANONYMOUS_CHECKED">());
    b.SetValue(core::Tk<"CAMPAIGN_TITLE">(), k.title);
    b.SetValue(core::Tk<"CAMPAIGN_URL">(), views::ProjectPath(env, k));
    b.SetValue(core::Tk<"ACTION">(), views::ProjectPath(env, k.id) + "/pledges");
    b.SetValue(core::Tk<"DISPLAY_NAME">(), ctx.viewer.display_name);
    b.SetValue(
        core::Tk<"AMOUNT_HINT">(),
        tx.F("cf.back.amount_hint", {{"min", tx.Money(s.rules.min_pledge, k.currency)},
                                     {"max", tx.Money(s.rules.max_per_citizen, k.currency)}}));
    const std::int64_t room = CapAmount(k.goal, k.cap_percent) - k.pledged;
    if (room < s.rules.max_per_citizen) {
        b.SetValueAndShowSection(
            core::Tk<"ROOM_TEXT">(),
            tx.F("cf.back.room", {{"left", tx.Money(std::max<std::int64_t>(room, 0), k.currency)}}),
            core::Tk<"HAS_ROOM_NOTE">());
    }
    views::FillFunding(tx, k, core::NowSeconds(), b);
    return core::RenderPage(env, ctx, page, status);
}

// The campaign to back: 404 unless public, 409 (themed) unless it takes pledges right now.
std::optional<Response> NotBackable(const Env& env, Ctx& ctx, const std::optional<Campaign>& k) {
    if (!k || !IsPublic(k->state)) throw http::NotFound("no such campaign");
    if (k->state != State::kLive || core::NowSeconds() >= k->ends_at) {
        return core::RenderError(env, ctx, 409, ctx.T(env, "cf.conflict.not_live"));
    }
    return std::nullopt;
}

void FillPledgeState(const Section& s, const Texts& tx, const Pledge& p, TemplateDictionary& b) {
    const std::string state(Name(p.state));
    b.SetValue(core::Tk<"STATE">(), state);
    b.SetValue(core::Tk<"STATE_LABEL">(), views::PledgeStateLabel(tx, p.state));
    b.SetValue(core::Tk<"STATE_TEXT">(), tx.T("cf.pledge.state_text." + state));
    if (p.state != PledgeState::kPending || p.provider != "manual") return;
    auto* manual = b.AddSectionDictionary(core::Tk<"MANUAL_PENDING">());
    manual->SetValue(core::Tk<"REF_TEXT">(),
                     tx.F("cf.pledge.manual_ref", {{"ref", views::PledgeReference(p.id)},
                                                   {"amount", tx.Money(p.amount, p.currency)}}));
    const std::int64_t deadline =
        p.created_at + std::int64_t{s.rules.manual_pending_timeout_minutes} * 60;
    manual->SetValue(core::Tk<"DEADLINE_TEXT">(),
                     tx.F("cf.pledge.manual_deadline", {{"date", tx.Date(deadline)}}));
    manual->SetValue(core::Tk<"INSTRUCTIONS">(), s.rules.manual_instructions.empty()
                                                     ? tx.T("cf.pledge.manual_instructions")
                                                     : s.rules.manual_instructions);
}
}  // namespace

Response BackForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    auto k = s.Svc(env).GetCampaign(views::IdParam(ctx, "id"));
    if (auto refusal = NotBackable(env, ctx, k)) return *refusal;
    return RenderBack(s, env, ctx, *k, {}, 200);
}

Response PledgeCreate(const Section& s, const Env& env, Ctx& ctx) {
    if (!IsPledgeToken(ctx.req.form.GetOr("token")))
        throw http::BadRequest("missing or malformed pledge token");
    Service svc = s.Svc(env);
    const std::int64_t id = views::IdParam(ctx, "id");
    const Texts tx = views::TextsOf(env, ctx);
    // The form again with the campaign's current figures (and 404/409 for a campaign that cannot
    // be backed). The pledge itself needs no read first: CreatePledge checks all of it under the
    // campaign's lock, so the hot path is that one transaction.
    auto form_again = [&](const core::FieldErrors& errors) {
        auto k = svc.GetCampaign(id);
        if (auto refusal = NotBackable(env, ctx, k)) return *refusal;
        return RenderBack(s, env, ctx, *k, errors, views::kInvalidForm);
    };
    core::FieldErrors errors;
    auto in = ParsePledge(ctx.req.form, s.rules, tx, errors);
    if (!in) return form_again(errors);
    Pledge pledge;
    Outcome o = svc.CreatePledge(Actor::Of(ctx.viewer), id, *in, s.payments->name(), tx, &pledge);
    if (o.status == Outcome::Status::kInvalid) return form_again(o.errors);
    if (auto refusal = views::Refusal(env, ctx, o)) return *refusal;
    return Response::Redirect(s.payments->Start(env, pledge, views::PledgePath(env, o.id)), 303);
}

Response PledgeShow(const Section& s, const Env& env, Ctx& ctx) {
    auto p = s.Svc(env).GetPledge(views::IdParam(ctx, "id"));
    if (!p) throw http::NotFound("no such pledge");
    if (ctx.viewer.anonymous() || (p->backer_id != ctx.viewer.user_id && !ctx.viewer.is_staff())) {
        throw http::Forbidden("not the backer");
    }
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/pledge.tpl",
                                    tx.F("cf.pledge.title", {{"title", p->campaign_title}}));
    auto& b = page.body();
    b.SetValue(core::Tk<"CAMPAIGN_TITLE">(), p->campaign_title);
    b.SetValue(core::Tk<"CAMPAIGN_URL">(), views::ProjectPath(env, p->campaign_id));
    b.SetValue(core::Tk<"REF">(), views::PledgeReference(p->id));
    b.SetValue(core::Tk<"AMOUNT">(), tx.Money(p->amount, p->currency));
    b.SetValue(core::Tk<"REWARD">(),
               p->reward_title.empty() ? tx.T("cf.reward.none") : p->reward_title);
    b.SetValue(core::Tk<"DATE">(), tx.Date(p->created_at));
    b.SetValue(core::Tk<"SHOWN_AS">(), p->anonymous ? tx.T("cf.anonymous") : p->display_name);
    b.SetValue(core::Tk<"MESSAGE">(),
               p->message.empty() ? tx.T("cf.pledge.no_message") : p->message);
    FillPledgeState(s, tx, *p, b);
    return core::RenderPage(env, ctx, page);
}

}  // namespace placette::crowdfunding::handlers
