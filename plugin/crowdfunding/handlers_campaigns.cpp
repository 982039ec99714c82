// The campaign form (create, edit; re-displayed with a message per bad field) and the owner's
// submit and "realised" buttons. The public page is handlers_show.cpp, cancel handlers_manage.cpp.
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
using views::TextsOf;

const std::vector<std::string> kFields = {"title", "summary",  "description",   "neighbourhood",
                                          "theme", "goal",     "funding_model", "duration_days",
                                          "place", "latitude", "longitude"};

std::map<std::string, std::string> Defaults(const Rules& rules, const Campaign* k,
                                            const std::string& lang) {
    if (k == nullptr) {
        return {{"funding_model", "all_or_nothing"},
                {"duration_days", std::to_string(rules.default_days)}};
    }
    return {{"title", k->title},
            {"summary", k->summary},
            {"description", k->description},
            {"neighbourhood", k->neighbourhood},
            {"theme", k->theme},
            {"goal", views::AmountInput(k->goal, lang)},
            {"funding_model", std::string(Name(k->model))},
            {"duration_days", std::to_string(k->duration_days)},
            {"place", k->place},
            {"latitude", k->latitude},
            {"longitude", k->longitude}};
}

Response RenderForm(const Section& s, const Env& env, Ctx& ctx, const Campaign* k,
                    const core::FieldErrors& errors, int status) {
    const Texts tx = TextsOf(env, ctx);
    core::Page page = core::NewPage(env, ctx, "crowdfunding/form.tpl",
                                    tx.T(k ? "cf.form.edit_title" : "cf.form.new_title"));
    auto& b = page.body();
    auto defaults = Defaults(s.rules, k, ctx.lang);
    core::FillForm(b, ctx.req.form, kFields, errors, defaults);
    auto current = [&](const std::string& f) {
        return ctx.req.form.size() > 0 ? ctx.req.form.GetOr(f) : defaults[f];
    };
    views::AddOptions(b, "THEME_OPTION", views::ThemeOptions(s.rules, tx), current("theme"));
    views::AddOptions(b, "NEIGHBOURHOOD_OPTION", views::NeighbourhoodOptions(s.rules, tx),
                      current("neighbourhood"));
    views::AddOptions(b, "MODEL_OPTION",
                      {{"all_or_nothing", tx.T("cf.model.all_or_nothing")},
                       {"keep_it_all", tx.T("cf.model.keep_it_all")}},
                      current("funding_model"));
    b.SetValue(core::Tk<"GOAL_HINT">(),
               tx.F("cf.hint.goal", {{"min", tx.Money(s.rules.min_goal, s.rules.currency)},
                                     {"max", tx.Money(s.rules.max_goal, s.rules.currency)},
                                     {"cap", std::to_string(s.rules.cap_percent)}}));
    b.SetValue(core::Tk<"DURATION_HINT">(),
               tx.F("cf.hint.duration", {{"min", std::to_string(s.rules.min_days)},
                                         {"max", std::to_string(s.rules.max_days)}}));
    core::SetInt(b, core::Tk<"MIN_DAYS">(), s.rules.min_days);
    core::SetInt(b, core::Tk<"MAX_DAYS">(), s.rules.max_days);
    if (k != nullptr && k->state == State::kLive) {
        auto* frozen = b.AddSectionDictionary(core::Tk<"FROZEN">());
        views::FillFunding(tx, *k, core::NowSeconds(), *frozen);
        core::SetInt(*frozen, core::Tk<"DURATION">(), k->duration_days);
    } else {
        b.ShowSection(core::Tk<"OPEN_MONEY">());
    }
    b.SetValue(core::Tk<"ACTION">(),
               k ? views::ProjectPath(env, k->id) : env.config.base_path + "/projects");
    b.ShowSection(k ? "EDITING" : "CREATING");
    if (k) b.SetValue(core::Tk<"CANCEL_URL">(), views::ProjectPath(env, k->id) + "/manage");
    return core::RenderPage(env, ctx, page, status);
}

std::string ManagePath(const Env& env, std::int64_t id) {
    return views::ProjectPath(env, id) + "/manage";
}
}  // namespace

Response NewForm(const Section& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderForm(s, env, ctx, nullptr, {}, 200);
}

Response Create(const Section& s, const Env& env, Ctx& ctx) {
    core::FieldErrors errors;
    auto draft = ParseDraft(ctx.req.form, s.rules, TextsOf(env, ctx), false, errors);
    if (!draft) return RenderForm(s, env, ctx, nullptr, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).CreateDraft(Actor::Of(ctx.viewer), *draft);
    return views::AfterCommand(env, ctx, o, ManagePath(env, o.id));
}

Response EditForm(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = views::OwnedCampaign(s, env, ctx);
    if (k.state == State::kSubmitted)
        return core::RenderError(env, ctx, 409, ctx.T(env, "cf.conflict.under_review"));
    if (!OwnerMayEdit(k.state))
        return core::RenderError(env, ctx, 409, ctx.T(env, "cf.conflict.not_editable"));
    return RenderForm(s, env, ctx, &k, {}, 200);
}

Response Save(const Section& s, const Env& env, Ctx& ctx) {
    Campaign k = views::OwnedCampaign(s, env, ctx);
    core::FieldErrors errors;
    auto draft =
        ParseDraft(ctx.req.form, s.rules, TextsOf(env, ctx), k.state == State::kLive, errors);
    if (!draft) return RenderForm(s, env, ctx, &k, errors, views::kInvalidForm);
    Outcome o = s.Svc(env).Edit(Actor::Of(ctx.viewer), k.id, *draft);
    return views::AfterCommand(env, ctx, o, ManagePath(env, k.id));
}

Response Submit(const Section& s, const Env& env, Ctx& ctx) {
    const std::int64_t id = views::IdParam(ctx, "id");
    Outcome o = s.Svc(env).Submit(Actor::Of(ctx.viewer), id);
    return views::AfterCommand(env, ctx, o, ManagePath(env, id));
}

Response Realised(const Section& s, const Env& env, Ctx& ctx) {
    const std::int64_t id = views::IdParam(ctx, "id");
    Outcome o = s.Svc(env).MarkRealised(Actor::Of(ctx.viewer), id);
    return views::AfterCommand(env, ctx, o, views::ProjectPath(env, id));
}

}  // namespace placette::crowdfunding::handlers
