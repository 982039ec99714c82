// Forms for what hangs off a campaign: rewards, in-kind needs (with optional dates) and a
// citizen's offer of help on a need. Each re-displays its input with a message per bad field.
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/forms.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/validation.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
const std::vector<std::string> kRewardFields = {"title", "description", "min_amount", "limit",
                                                "delivery"};
const std::vector<std::string> kNeedFields = {"kind",     "title",       "description",
                                              "quantity", "needed_from", "needed_until"};
const std::vector<std::string> kOfferFields = {"message", "quantity", "link"};

// The owner's campaign, still open to rewards and needs (403 / 404 / 409 otherwise).
Campaign EditableCampaign(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = views::OwnedCampaign(s, env, ctx);
    if (!OwnerMayEdit(k.state)) throw http::Conflict("rewards and needs are closed");
    return k;
}

Response RenderReward(const Env& env, Ctx& ctx, const Campaign& k, const Reward* r,
                      const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page =
        core::NewPage(env, ctx, "crowdfunding/reward_form.tpl",
                      tx.T(r ? "cf.reward_form.edit_title" : "cf.reward_form.new_title"));
    auto& b = page.body();
    std::map<std::string, std::string> defaults;
    if (r != nullptr) {
        defaults = {{"title", r->title},
                    {"description", r->description},
                    {"min_amount", views::AmountInput(r->min_amount, ctx.lang)},
                    {"limit", r->limit ? std::to_string(*r->limit) : ""},
                    {"delivery", r->delivery}};
        if (r->claimed > 0) {
            b.SetValueAndShowSection(
                core::Tk<"CLAIMED_NOTE">(),
                tx.F("cf.reward_form.claimed_note", {{"claimed", std::to_string(r->claimed)}}),
                core::Tk<"HAS_CLAIMS">());
        }
    }
    core::FillForm(b, ctx.req.form, kRewardFields, errors, defaults);
    b.SetValue(core::Tk<"CAMPAIGN_TITLE">(), k.title);
    b.SetValue(core::Tk<"BACK_URL">(), views::ProjectPath(env, k.id) + "/manage");
    b.SetValue(core::Tk<"ACTION">(),
               views::ProjectPath(env, k.id) + "/rewards" + (r ? "/" + std::to_string(r->id) : ""));
    b.ShowSection(r ? "EDITING" : "CREATING");
    return core::RenderPage(env, ctx, page, status);
}

// The need form: empty to add one, or filled with need `n` to edit it.
Response RenderNeed(const Env& env, Ctx& ctx, const Campaign& k, const Need* n,
                    const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/need_form.tpl",
                                    tx.T(n ? "cf.need_form.edit_title" : "cf.need_form.title"));
    auto& b = page.body();
    std::map<std::string, std::string> defaults = {{"quantity", "1"}};
    std::string kind = ctx.req.form.GetOr("kind");
    if (n != nullptr) {
        defaults = {{"title", n->title},
                    {"description", n->description},
                    {"quantity", std::to_string(n->quantity)},
                    {"needed_from", n->needed_from},
                    {"needed_until", n->needed_until}};
        if (ctx.req.form.size() == 0) kind = std::string(Name(n->kind));
    }
    core::FillForm(b, ctx.req.form, kNeedFields, errors, defaults);
    views::AddOptions(b, "KIND_OPTION", views::NeedKindOptions(tx), kind);
    b.SetValue(core::Tk<"CAMPAIGN_TITLE">(), k.title);
    b.SetValue(core::Tk<"BACK_URL">(), views::ProjectPath(env, k.id) + "/manage");
    b.SetValue(core::Tk<"ACTION">(),
               views::ProjectPath(env, k.id) + "/needs" + (n ? "/" + std::to_string(n->id) : ""));
    b.SetValue(core::Tk<"MIN_DATE">(), CivilDate(core::NowSeconds()));
    b.ShowSection(n ? "EDITING" : "CREATING");
    return core::RenderPage(env, ctx, page, status);
}

// Need {nid} of the owner's editable campaign {id} (404 when it belongs to another campaign).
std::pair<Campaign, Need> EditableNeed(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = EditableCampaign(s, env, ctx);
    auto n = s.Svc(env).GetNeed(views::IdParam(ctx, "nid"));
    if (!n || n->campaign_id != k.id) throw http::NotFound("no such need");
    return {k, *n};
}

// The need and its public, live campaign (404 / 409 otherwise).
std::pair<Need, Campaign> OpenNeed(const Section& s, const Env& env, Ctx& ctx) {
    Service svc = s.Svc(env);
    auto need = svc.GetNeed(views::IdParam(ctx, "nid"));
    if (!need) throw http::NotFound("no such need");
    auto k = svc.GetCampaign(need->campaign_id);
    if (!k || !IsPublic(k->state)) throw http::NotFound("no such need");
    return {*need, *k};
}

// The citizen's listings (skill offers, lendable items) they may link to their offer; the field
// also shows, to carry its message, when a link they sent was refused.
void FillLinks(const Section& s, const Env& env, const Ctx& ctx, const Texts& tx, bool refused,
               ctemplate::TemplateDictionary& b) {
    const auto listings = s.Svc(env).Offerables(ctx.viewer.user_id);
    if (listings.empty() && !refused) return;
    views::Options options = {{"", tx.T("cf.link.none")}};
    for (const auto& l : listings) {
        options.emplace_back(l.type + ":" + std::to_string(l.id),
                             tx.Label("cf.link_type.", l.type) + " — " + l.title);
    }
    b.ShowSection(core::Tk<"HAS_LINKS">());
    views::AddOptions(b, "LINK_OPTION", options, ctx.req.form.GetOr("link"));
}

Response RenderOffer(const Section& s, const Env& env, Ctx& ctx, const Need& n, const Campaign& k,
                     const core::FieldErrors& errors, int status) {
    const Texts tx = views::TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/offer_form.tpl",
                                    tx.F("cf.offer_form.title", {{"need", n.title}}));
    auto& b = page.body();
    core::FillForm(b, ctx.req.form, kOfferFields, errors, {{"quantity", "1"}});
    b.SetValue(core::Tk<"NEED_TITLE">(), n.title);
    b.SetValue(core::Tk<"NEED_KIND">(), tx.T("cf.need_kind." + std::string(Name(n.kind))));
    b.SetValue(core::Tk<"NEED_DESCRIPTION">(), n.description);
    if (n.HasDates()) {
        b.SetValueAndShowSection(core::Tk<"NEED_DATES">(), views::NeedDates(tx, n),
                                 core::Tk<"HAS_NEED_DATES">());
    } else {
        b.ShowSection(core::Tk<"NO_NEED_DATES">());
    }
    b.SetValue(
        core::Tk<"NEED_PROGRESS">(),
        tx.F("cf.need.progress",
             {{"done", std::to_string(std::min(n.fulfilled, n.quantity))},
              {"quantity", std::to_string(n.quantity)},
              {"left", std::to_string(std::max<std::int64_t>(0, n.quantity - n.fulfilled))}}));
    b.SetValue(core::Tk<"CAMPAIGN_TITLE">(), k.title);
    b.SetValue(core::Tk<"CAMPAIGN_URL">(), views::ProjectPath(env, k));
    b.SetValue(core::Tk<"ACTION">(),
               env.config.base_path + "/needs/" + std::to_string(n.id) + "/offers");
    FillLinks(s, env, ctx, tx, errors.Has("link"), b);
    return core::RenderPage(env, ctx, page, status);
}
}  // namespace

Response RewardNewForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderReward(env, ctx, EditableCampaign(s, env, ctx), nullptr, {}, 200);
}

Response RewardCreate(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = EditableCampaign(s, env, ctx);
    core::FieldErrors errors;
    auto in = ParseReward(ctx.req.form, s.rules, views::TextsOf(env, ctx),
                          CivilDate(core::NowSeconds()), errors);
    if (!in) return RenderReward(env, ctx, k, nullptr, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).AddReward(Actor::Of(ctx.viewer), k.id, *in);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k.id) + "/manage");
}

Response RewardEditForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Campaign k = EditableCampaign(s, env, ctx);
    auto r = s.Svc(env).GetReward(views::IdParam(ctx, "rid"));
    if (!r || r->campaign_id != k.id) throw http::NotFound("no such reward");
    return RenderReward(env, ctx, k, &*r, {}, 200);
}

Response RewardUpdate(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = EditableCampaign(s, env, ctx);
    auto r = s.Svc(env).GetReward(views::IdParam(ctx, "rid"));
    if (!r || r->campaign_id != k.id) throw http::NotFound("no such reward");
    const Texts tx = views::TextsOf(env, ctx);
    core::FieldErrors errors;
    auto in = ParseReward(ctx.req.form, s.rules, tx, CivilDate(core::NowSeconds()), errors);
    if (!in) return RenderReward(env, ctx, k, &*r, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).EditReward(Actor::Of(ctx.viewer), r->id, *in, tx);
    if (o.status == Outcome::Status::kInvalid)
        return RenderReward(env, ctx, k, &*r, o.errors, views::kInvalidForm);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k.id) + "/manage");
}

Response NeedNewForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderNeed(env, ctx, EditableCampaign(s, env, ctx), nullptr, {}, 200);
}

Response NeedCreate(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = EditableCampaign(s, env, ctx);
    core::FieldErrors errors;
    auto in =
        ParseNeed(ctx.req.form, views::TextsOf(env, ctx), CivilDate(core::NowSeconds()), errors);
    if (!in) return RenderNeed(env, ctx, k, nullptr, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).AddNeed(Actor::Of(ctx.viewer), k.id, *in);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k.id) + "/manage");
}

Response NeedEditForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    auto [k, n] = EditableNeed(s, env, ctx);
    return RenderNeed(env, ctx, k, &n, {}, 200);
}

Response NeedUpdate(const Section& s, const Env& env, Ctx& ctx) {
    auto [k, n] = EditableNeed(s, env, ctx);
    const Texts tx = views::TextsOf(env, ctx);
    core::FieldErrors errors;
    auto in = ParseNeed(ctx.req.form, tx, CivilDate(core::NowSeconds()), errors);
    if (!in) return RenderNeed(env, ctx, k, &n, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).EditNeed(Actor::Of(ctx.viewer), n.id, *in, tx);
    if (o.status == Outcome::Status::kInvalid)
        return RenderNeed(env, ctx, k, &n, o.errors, views::kInvalidForm);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k.id) + "/manage");
}

Response OfferForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    auto [need, k] = OpenNeed(s, env, ctx);
    if (k.state != State::kLive)
        return core::RenderError(env, ctx, 409, ctx.T(env, "cf.conflict.offers_closed"));
    return RenderOffer(s, env, ctx, need, k, {}, 200);
}

Response OfferCreate(const Section& s, const Env& env, Ctx& ctx) {
    auto [need, k] = OpenNeed(s, env, ctx);
    core::FieldErrors errors;
    auto in = ParseOffer(ctx.req.form, views::TextsOf(env, ctx), errors);
    if (!in) return RenderOffer(s, env, ctx, need, k, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).OfferHelp(Actor::Of(ctx.viewer), need.id, *in, views::TextsOf(env, ctx));
    if (o.status == Outcome::Status::kInvalid) {
        return RenderOffer(s, env, ctx, need, k, o.errors, views::kInvalidForm);
    }
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, k) + "?thanks=offer#needs");
}

}  // namespace placette::crowdfunding::handlers
