// The listing page (details, owner controls, contact and exchange forms, exchanges) and the view
// helpers shared by the section's handlers.
#include "plugin/skills/pages.h"

#include "fcgi/form.h"
#include "fcgi/http_error.h"
#include "plugin/core/render.h"
#include "plugin/skills/handlers.h"
#include "plugin/skills/service.h"

namespace placette::skills {

namespace {
using core::Ctx;
using core::Env;

Options Translated(const Env& env, const Ctx& ctx, std::string_view prefix,
                   std::initializer_list<std::string_view> codes) {
    Options out;
    for (std::string_view c : codes) {
        out.emplace_back(std::string(c), ctx.T(env, std::string(prefix) + std::string(c)));
    }
    return out;
}

Options FromChoices(const std::vector<core::Choice>& choices, const Env& env, const Ctx& ctx,
                    std::string_view prefix) {
    Options out;
    for (const core::Choice& c : choices) {
        out.emplace_back(c.code, core::ChoiceLabel(env.i18n, ctx.lang, choices, prefix, c.code));
    }
    return out;
}

std::string PersonName(const Env& env, const Ctx& ctx, const std::string& name, std::int64_t id) {
    if (!name.empty()) return name;
    return env.i18n.Format(ctx.lang, "community.person_fallback", {{"id", std::to_string(id)}});
}

void FillExchange(const Env& env, const Ctx& ctx, const Exchange& x,
                  ctemplate::TemplateDictionary& d) {
    const std::int64_t me = ctx.viewer.user_id;
    core::SetInt(d, core::Tk<"ID">(), x.id);
    d.SetValue(core::Tk<"GIVER_NAME">(), PersonName(env, ctx, x.giver_name, x.giver_id));
    d.SetValue(core::Tk<"RECEIVER_NAME">(), PersonName(env, ctx, x.receiver_name, x.receiver_id));
    d.SetValue(core::Tk<"STATUS_LABEL">(),
               ctx.T(env, "skills.exchange_status." + std::string(ToString(x.status))));
    d.SetValue(core::Tk<"STATUS">(), std::string(ToString(x.status)));
    if (x.mode == Mode::kTimeBank)
        d.SetValueAndShowSection(core::Tk<"MINUTES">(), FormatMinutes(x.minutes),
                                 core::Tk<"HAS_MINUTES">());
    if (!x.note.empty())
        d.SetValueAndShowSection(core::Tk<"NOTE">(), x.note, core::Tk<"HAS_NOTE">());
    const bool party = me == x.giver_id || me == x.receiver_id;
    const bool mine_confirmed = me == x.giver_id ? x.giver_confirmed : x.receiver_confirmed;
    if (party && x.status == ExchangeStatus::kProposed) {
        d.ShowSection(mine_confirmed ? "WAITING_OTHER" : "CAN_CONFIRM");
        d.ShowSection(core::Tk<"CAN_CANCEL">());
    }
    if (party && x.status == ExchangeStatus::kDone) {
        d.SetValueAndShowSection(
            core::Tk<"FEEDBACK_URL">(),
            env.config.base_path +
                "/feedback/new?subject_type=skill_exchange&subject_id=" + std::to_string(x.id),
            core::Tk<"CAN_FEEDBACK">());
    }
}

void FillOwnerControls(const Env& env, const Ctx& ctx, const Listing& l,
                       ctemplate::TemplateDictionary& body) {
    auto* owner = body.AddSectionDictionary(core::Tk<"OWNER">());
    owner->SetValue(core::Tk<"EDIT_URL">(),
                    env.config.base_path + "/skills/" + std::to_string(l.id) + "/edit");
    for (Action a : OwnerActions(l.status)) {
        auto* d = owner->AddSectionDictionary(core::Tk<"ACTION">());
        d->SetValue(core::Tk<"ACTION">(), std::string(ToString(a)));
        d->SetValue(core::Tk<"ACTION_LABEL">(),
                    ctx.T(env, "skills.action." + std::string(ToString(a))));
    }
}

void FillAnswerForms(const Ctx& ctx, const Listing& l, const core::FieldErrors& errors,
                     ctemplate::TemplateDictionary& body) {
    auto* answer = body.AddSectionDictionary(core::Tk<"CAN_ANSWER">());
    core::SetInt(*answer, core::Tk<"SUBJECT_ID">(), l.id);
    core::FillForm(*answer, ctx.req.form, {"minutes", "note"}, errors);
    if (l.mode == Mode::kTimeBank) answer->ShowSection(core::Tk<"ASK_MINUTES">());
    answer->ShowSection(l.kind == Kind::kOffer ? "I_RECEIVED" : "I_GAVE");
}
}  // namespace

Options KindOptions(const Env& env, const Ctx& ctx) {
    return Translated(env, ctx, "skills.kind.", {"offer", "request"});
}
Options ModeOptions(const Env& env, const Ctx& ctx) {
    return Translated(env, ctx, "skills.mode.", {"free", "time_bank"});
}
Options CategoryOptions(const Settings& s, const Env& env, const Ctx& ctx) {
    return FromChoices(s.categories, env, ctx, "skills.category.");
}
Options NeighbourhoodOptions(const Settings& s, const Env& env, const Ctx& ctx) {
    return FromChoices(s.neighbourhoods, env, ctx, "neighbourhood.");
}

std::int64_t ParsePositive(std::string_view s) { return core::ParseId(s); }

std::string NextQuery(const http::Form& query, std::int64_t before) {
    std::string out;
    for (const char* key : {"q", "kind", "category", "neighbourhood", "mode"}) {
        std::string v = query.GetOr(key);
        if (v.empty()) continue;
        out += std::string(key) + "=" + http::UrlEncode(v) + "&";
    }
    return out + "before=" + std::to_string(before);
}

void FillListing(const Settings& s, const Env& env, const Ctx& ctx, const Listing& l,
                 ctemplate::TemplateDictionary& d) {
    core::SetInt(d, core::Tk<"ID">(), l.id);
    d.SetValue(core::Tk<"TITLE">(), l.title);
    d.SetValue(core::Tk<"URL">(), env.config.base_path + "/skills/" + std::to_string(l.id));
    d.SetValue(core::Tk<"KIND">(), std::string(ToString(l.kind)));
    d.SetValue(core::Tk<"KIND_LABEL">(),
               ctx.T(env, "skills.kind." + std::string(ToString(l.kind))));
    d.SetValue(core::Tk<"MODE_LABEL">(),
               ctx.T(env, "skills.mode." + std::string(ToString(l.mode))));
    if (l.mode == Mode::kTimeBank) d.ShowSection(core::Tk<"IS_TIME_BANK">());
    d.SetValue(core::Tk<"CATEGORY_LABEL">(),
               core::ChoiceLabel(env.i18n, ctx.lang, s.categories, "skills.category.", l.category));
    d.SetValue(
        core::Tk<"NEIGHBOURHOOD_LABEL">(),
        core::ChoiceLabel(env.i18n, ctx.lang, s.neighbourhoods, "neighbourhood.", l.neighbourhood));
    if (!l.availability.empty())
        d.SetValueAndShowSection(core::Tk<"AVAILABILITY">(), l.availability,
                                 core::Tk<"HAS_AVAILABILITY">());
    d.SetValue(core::Tk<"DESCRIPTION">(), l.description);
    d.SetValue(core::Tk<"OWNER_NAME">(), PersonName(env, ctx, l.owner_name, l.owner_id));
    d.SetValue(core::Tk<"OWNER_URL">(),
               env.config.base_path + "/people/" + std::to_string(l.owner_id));
    d.SetValue(core::Tk<"STATUS">(), std::string(ToString(l.status)));
    d.SetValue(core::Tk<"STATUS_LABEL">(),
               ctx.T(env, "skills.status." + std::string(ToString(l.status))));
    d.SetValue(core::Tk<"CREATED">(),
               core::FormatDay(env.i18n, ctx.lang, core::DayOf(l.created_at)));
    d.SetValue(core::Tk<"EXPIRES">(),
               core::FormatDay(env.i18n, ctx.lang, core::DayOf(l.expires_at)));
}

http::Response RenderShow(const Settings& s, const Env& env, Ctx& ctx, std::int64_t id,
                          const core::FieldErrors& errors, int status) {
    Service svc(env.pool, s);
    auto l = svc.Get(id);
    if (!l) throw http::NotFound("no such listing");
    const bool owner = !ctx.viewer.anonymous() && ctx.viewer.user_id == l->owner_id;
    std::vector<Exchange> exchanges;
    if (!ctx.viewer.anonymous()) {
        for (Exchange& x : svc.ExchangesOf(id)) {
            if (owner || x.giver_id == ctx.viewer.user_id || x.receiver_id == ctx.viewer.user_id) {
                exchanges.push_back(std::move(x));
            }
        }
    }
    core::Page page = core::NewPage(env, ctx, "skills/show.tpl", l->title);
    auto& body = page.body();
    FillListing(s, env, ctx, *l, body);
    if (l->status != Status::kActive) {
        body.SetValueAndShowSection(
            core::Tk<"STATUS_NOTICE">(),
            ctx.T(env, "skills.status_notice." + std::string(ToString(l->status))),
            core::Tk<"NOT_ACTIVE">());
    }
    if (owner) {
        FillOwnerControls(env, ctx, *l, body);
    } else if (ctx.viewer.anonymous()) {
        body.SetValueAndShowSection(core::Tk<"LOGIN_URL">(), ctx.login_url,
                                    core::Tk<"LOGIN_TO_ANSWER">());
    } else if (l->status == Status::kActive) {
        FillAnswerForms(ctx, *l, errors, body);
    }
    if (!exchanges.empty()) body.ShowSection(core::Tk<"HAS_EXCHANGES">());
    for (const Exchange& x : exchanges)
        FillExchange(env, ctx, x, *body.AddSectionDictionary(core::Tk<"EXCHANGE">()));
    return core::RenderPage(env, ctx, page, status);
}

}  // namespace placette::skills
