// Skill listing pages: the filtered list, one listing, the create/edit form and status changes.
#include "plugin/skills/handlers.h"

#include <span>

#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/forms.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"
#include "plugin/skills/pages.h"

namespace placette::skills {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

constexpr int kPageSize = 20;
const std::vector<std::string> kFields = {
    "kind", "title", "description", "category", "neighbourhood", "availability", "mode"};

RawListing FromForm(const http::Form& f) {
    return RawListing{f.GetOr("kind"),     f.GetOr("title"),         f.GetOr("description"),
                      f.GetOr("category"), f.GetOr("neighbourhood"), f.GetOr("availability"),
                      f.GetOr("mode")};
}

// A filter value kept only when it is one of the allowed codes.
std::string Allowed(const http::Form& q, std::string_view name,
                    const std::vector<core::Choice>& ok) {
    std::string v = q.GetOr(name);
    return core::HasChoice(ok, v) ? v : "";
}

repo::Filter FilterFromQuery(const Settings& s, const http::Form& q) {
    repo::Filter f;
    static const std::vector<core::Choice> kKindsAllowed = {{"offer", ""}, {"request", ""}};
    static const std::vector<core::Choice> kModesAllowed = {{"free", ""}, {"time_bank", ""}};
    f.kind = Allowed(q, "kind", kKindsAllowed);
    f.mode = Allowed(q, "mode", kModesAllowed);
    f.category = Allowed(q, "category", s.categories);
    f.neighbourhood = Allowed(q, "neighbourhood", s.neighbourhoods);
    f.search = core::ParseSearch(q.GetOr("q"));
    return f;
}

void FillFilterForm(const Settings& s, const Env& env, const Ctx& ctx, const repo::Filter& f,
                    ctemplate::TemplateDictionary& body) {
    body.SetValue(core::Tk<"Q_VALUE">(), ctx.req.query.GetOr("q"));
    AddOptions(body, "KIND_OPTION", KindOptions(env, ctx), f.kind);
    AddOptions(body, "MODE_OPTION", ModeOptions(env, ctx), f.mode);
    AddOptions(body, "CATEGORY_OPTION", CategoryOptions(s, env, ctx), f.category);
    AddOptions(body, "NEIGHBOURHOOD_OPTION", NeighbourhoodOptions(s, env, ctx), f.neighbourhood);
}

Response RenderForm(const Settings& s, const Env& env, Ctx& ctx, const Listing* existing,
                    const core::FieldErrors& errors, int status) {
    const bool edit = existing != nullptr;
    core::Page page = core::NewPage(env, ctx, "skills/form.tpl",
                                    ctx.T(env, edit ? "skills.edit_title" : "skills.new_title"));
    auto& body = page.body();
    std::map<std::string, std::string> defaults = {{"kind", "offer"}, {"mode", "free"}};
    if (edit) {
        defaults = {{"kind", std::string(ToString(existing->kind))},
                    {"title", existing->title},
                    {"description", existing->description},
                    {"category", existing->category},
                    {"neighbourhood", existing->neighbourhood},
                    {"availability", existing->availability},
                    {"mode", std::string(ToString(existing->mode))}};
        body.SetValue(core::Tk<"ACTION">(),
                      env.config.base_path + "/skills/" + std::to_string(existing->id));
        body.ShowSection(core::Tk<"EDITING">());
    } else {
        body.SetValue(core::Tk<"ACTION">(), env.config.base_path + "/skills");
        body.ShowSection(core::Tk<"CREATING">());
    }
    core::FillForm(body, ctx.req.form, kFields, errors, defaults);
    auto value = [&](const std::string& f) {
        return ctx.req.form.size() > 0 ? ctx.req.form.GetOr(f) : defaults[f];
    };
    AddOptions(body, "KIND_OPTION", KindOptions(env, ctx), value("kind"));
    AddOptions(body, "MODE_OPTION", ModeOptions(env, ctx), value("mode"));
    AddOptions(body, "CATEGORY_OPTION", CategoryOptions(s, env, ctx), value("category"));
    AddOptions(body, "NEIGHBOURHOOD_OPTION", NeighbourhoodOptions(s, env, ctx),
               value("neighbourhood"));
    core::SetInt(body, core::Tk<"LISTING_DAYS">(), s.listing_days);
    return core::RenderPage(env, ctx, page, status);
}

core::FieldErrors Translate(const Env& env, const Ctx& ctx, const Problems& problems) {
    core::FieldErrors errors;
    for (const auto& [field, key] : problems) errors.Add(field, ctx.T(env, key));
    return errors;
}
}  // namespace

Response ListPage(const Settings& s, const Env& env, Ctx& ctx) {
    repo::Filter f = FilterFromQuery(s, ctx.req.query);
    std::int64_t before = 0;
    if (auto b = ctx.req.query.Get("before")) before = ParsePositive(*b);
    Service svc(env.pool, s);
    const auto found = svc.SearchShared(f, before, kPageSize + 1);
    core::Page page = core::NewPage(env, ctx, "skills/list.tpl", ctx.T(env, "skills.list_title"));
    // The body shows the cached listings, the query string as typed (the search form, the next
    // page's link) in the viewer's language, and whether the viewer may add one: rendered once
    // per second for each.
    const int variant = ctx.viewer.anonymous() ? 0 : 1;
    core::UseKeptBody(
        env, ctx, page, *found->bodies, variant, core::NowSeconds(),
        [&] {
            auto& body = page.body();
            FillFilterForm(s, env, ctx, f, body);
            const std::vector<Listing>& all = found->listings;
            const bool more = all.size() > static_cast<std::size_t>(kPageSize);
            const std::span<const Listing> listings(
                all.data(), more ? static_cast<std::size_t>(kPageSize) : all.size());
            for (const Listing& l : listings)
                FillListing(s, env, ctx, l, *body.AddSectionDictionary(core::Tk<"LISTING">()));
            if (listings.empty()) body.ShowSection(core::Tk<"EMPTY">());
            core::SetInt(body, core::Tk<"COUNT">(), static_cast<long>(listings.size()));
            if (more) {
                body.SetValueAndShowSection(core::Tk<"NEXT_URL">(),
                                            env.config.base_path + "/skills?" +
                                                NextQuery(ctx.req.query, listings.back().id),
                                            core::Tk<"HAS_NEXT">());
            }
            if (variant == 1) body.ShowSection(core::Tk<"CAN_CREATE">());
        },
        ctx.req.query_string);
    return core::RenderPage(env, ctx, page);
}

Response NewForm(const Settings& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderForm(s, env, ctx, nullptr, {}, 200);
}

Response CreateListing(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    Result r = svc.Create(ctx.viewer, FromForm(ctx.req.form));
    if (r.outcome == Outcome::kInvalid) {
        return RenderForm(s, env, ctx, nullptr, Translate(env, ctx, r.problems), 422);
    }
    return Response::Redirect(env.config.base_path + "/skills/" + std::to_string(r.id), 303);
}

Response EditForm(const Settings& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Service svc(env.pool, s);
    auto l = svc.Get(ctx.req.RouteInt("id"));
    if (!l) throw http::NotFound("no such listing");
    if (l->owner_id != ctx.viewer.user_id) {
        return core::RenderError(env, ctx, 403, ctx.T(env, "skills.error.not_owner"));
    }
    return RenderForm(s, env, ctx, &*l, {}, 200);
}

Response UpdateListing(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.Update(ctx.viewer, id, FromForm(ctx.req.form));
    if (r.outcome == Outcome::kInvalid) {
        auto l = svc.Get(id);
        return RenderForm(s, env, ctx, &*l, Translate(env, ctx, r.problems), 422);
    }
    if (r.outcome != Outcome::kOk) return Refusal(s, env, ctx, r);
    return Response::Redirect(env.config.base_path + "/skills/" + std::to_string(id), 303);
}

Response ChangeStatus(const Settings& s, const Env& env, Ctx& ctx) {
    auto action = ParseAction(ctx.req.form.GetOr("action"));
    if (!action) throw http::BadRequest("unknown listing action");
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.Act(ctx.viewer, id, *action);
    if (r.outcome != Outcome::kOk) return Refusal(s, env, ctx, r);
    return Response::Redirect(env.config.base_path + "/skills/" + std::to_string(id), 303);
}

Response ShowPage(const Settings& s, const Env& env, Ctx& ctx) {
    return RenderShow(s, env, ctx, ctx.req.RouteInt("id"), {}, 200);
}

Response Refusal(const Settings& s, const Env& env, Ctx& ctx, const Result& r) {
    switch (r.outcome) {
        case Outcome::kNotFound:
            return core::RenderError(env, ctx, 404);
        case Outcome::kForbidden:
            return core::RenderError(env, ctx, 403,
                                     r.message_key.empty() ? "" : ctx.T(env, r.message_key));
        default: {
            std::string msg =
                env.i18n.Format(ctx.lang, r.message_key, {{"floor", FormatMinutes(s.floor)}});
            return core::RenderError(env, ctx, 409, msg);
        }
    }
}

}  // namespace placette::skills
