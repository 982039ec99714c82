// Item pages: the filtered list, the create/edit form (multipart, optional photo), status changes,
// marking a give/swap done, and the re-encoded photo itself.
#include "plugin/exchange/handlers.h"

#include <span>

#include "fcgi/http_error.h"
#include "plugin/core/choices.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"
#include "plugin/core/search.h"
#include "plugin/core/text.h"

namespace placette::exchange {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

constexpr int kPageSize = 20;
const std::vector<std::string> kFields = {"kind",      "title",         "description", "category",
                                          "condition", "neighbourhood", "photo"};

RawItem FromForm(const http::Form& f) {
    return RawItem{f.GetOr("kind"),     f.GetOr("title"),     f.GetOr("description"),
                   f.GetOr("category"), f.GetOr("condition"), f.GetOr("neighbourhood")};
}

Upload UploadOf(const http::Form& f) {
    Upload up;
    if (const http::UploadedFile* file = f.File("photo")) up.data = file->data;
    up.remove = f.GetOr("remove_photo") == "1";
    return up;
}

std::string Allowed(const http::Form& q, std::string_view name,
                    const std::vector<core::Choice>& ok) {
    std::string v = q.GetOr(name);
    return core::HasChoice(ok, v) ? v : "";
}

std::string ItemUrl(const Env& env, std::int64_t id) {
    return env.config.base_path + "/exchange/" + std::to_string(id);
}

std::string NextQuery(const http::Form& query, std::int64_t before) {
    std::string out;
    for (const char* key : {"q", "kind", "category", "neighbourhood"}) {
        std::string v = query.GetOr(key);
        if (!v.empty()) out += std::string(key) + "=" + http::UrlEncode(v) + "&";
    }
    return out + "before=" + std::to_string(before);
}

Response RenderForm(const Settings& s, const Env& env, Ctx& ctx, const Item* existing,
                    const core::FieldErrors& errors, int status) {
    const bool edit = existing != nullptr;
    core::Page page =
        core::NewPage(env, ctx, "exchange/form.tpl",
                      ctx.T(env, edit ? "exchange.edit_title" : "exchange.new_title"));
    auto& body = page.body();
    std::map<std::string, std::string> defaults = {{"kind", "give"}, {"condition", "good"}};
    if (edit) {
        defaults = {{"kind", std::string(ToString(existing->kind))},
                    {"title", existing->title},
                    {"description", existing->description},
                    {"category", existing->category},
                    {"condition", std::string(ToString(existing->condition))},
                    {"neighbourhood", existing->neighbourhood}};
        body.SetValue(core::Tk<"ACTION">(), ItemUrl(env, existing->id));
        body.ShowSection(core::Tk<"EDITING">());
        if (existing->has_photo)
            body.SetValueAndShowSection(core::Tk<"PHOTO_URL">(),
                                        ItemUrl(env, existing->id) + "/photo",
                                        core::Tk<"HAS_PHOTO">());
    } else {
        body.SetValue(core::Tk<"ACTION">(), env.config.base_path + "/exchange");
        body.ShowSection(core::Tk<"CREATING">());
    }
    core::FillForm(body, ctx.req.form, kFields, errors, defaults);
    auto value = [&](const std::string& f) {
        return ctx.req.form.size() > 0 ? ctx.req.form.GetOr(f) : defaults[f];
    };
    core::AddOptions(body, "KIND_OPTION", KindOptions(env, ctx), value("kind"));
    core::AddOptions(body, "CONDITION_OPTION", ConditionOptions(env, ctx), value("condition"));
    core::AddOptions(body, "CATEGORY_OPTION", CategoryOptions(s, env, ctx), value("category"));
    core::AddOptions(body, "NEIGHBOURHOOD_OPTION", NeighbourhoodOptions(s, env, ctx),
                     value("neighbourhood"));
    body.SetValue(core::Tk<"MAX_PHOTO_MB">(),
                  std::to_string((s.max_photo_bytes + 512 * 1024) / (1024 * 1024)));
    if (ctx.req.form.File("photo") != nullptr && !errors.empty())
        body.ShowSection(core::Tk<"PHOTO_AGAIN">());
    return core::RenderPage(env, ctx, page, status);
}
}  // namespace

Response ListPage(const Settings& s, const Env& env, Ctx& ctx) {
    const http::Form& q = ctx.req.query;
    static const std::vector<core::Choice> kKinds = {
        {"give", ""}, {"lend", ""}, {"swap", ""}, {"request", ""}};
    repo::Filter f{Allowed(q, "kind", kKinds), Allowed(q, "category", s.categories),
                   Allowed(q, "neighbourhood", s.neighbourhoods), core::ParseSearch(q.GetOr("q"))};
    Service svc(env.pool, s);
    const auto found = svc.SearchShared(f, core::ParseId(q.GetOr("before")), kPageSize + 1);
    core::Page page =
        core::NewPage(env, ctx, "exchange/list.tpl", ctx.T(env, "exchange.list_title"));
    // The body shows the cached items, the query string as typed (the search form, the next
    // page's link) in the viewer's language, and whether the viewer may add one: rendered once
    // per second for each.
    const int variant = ctx.viewer.anonymous() ? 0 : 1;
    core::UseKeptBody(
        env, ctx, page, *found->bodies, variant, core::NowSeconds(),
        [&] {
            auto& body = page.body();
            body.SetValue(core::Tk<"Q_VALUE">(), q.GetOr("q"));
            core::AddOptions(body, "KIND_OPTION", KindOptions(env, ctx), f.kind);
            core::AddOptions(body, "CATEGORY_OPTION", CategoryOptions(s, env, ctx), f.category);
            core::AddOptions(body, "NEIGHBOURHOOD_OPTION", NeighbourhoodOptions(s, env, ctx),
                             f.neighbourhood);
            const std::vector<Item>& all = found->items;
            const bool more = all.size() > static_cast<std::size_t>(kPageSize);
            const std::span<const Item> items(
                all.data(), more ? static_cast<std::size_t>(kPageSize) : all.size());
            for (const Item& i : items)
                FillItem(s, env, ctx, i, *body.AddSectionDictionary(core::Tk<"ITEM">()));
            body.ShowSection(items.empty() ? "EMPTY" : "HAS_ITEMS");
            if (more)
                body.SetValueAndShowSection(
                    core::Tk<"NEXT_URL">(),
                    env.config.base_path + "/exchange?" + NextQuery(q, items.back().id),
                    core::Tk<"HAS_NEXT">());
            if (variant == 1) body.ShowSection(core::Tk<"CAN_CREATE">());
        },
        ctx.req.query_string);
    return core::RenderPage(env, ctx, page);
}

Response ShowPage(const Settings& s, const Env& env, Ctx& ctx) {
    return RenderItem(s, env, ctx, ctx.req.RouteInt("id"), {}, 200);
}

Response NewForm(const Settings& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderForm(s, env, ctx, nullptr, {}, 200);
}

Response CreateItem(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    Result r = svc.Create(ctx.viewer, FromForm(ctx.req.form), UploadOf(ctx.req.form));
    if (r.outcome == Outcome::kInvalid)
        return RenderForm(s, env, ctx, nullptr, ToErrors(env, ctx, r.problems), 422);
    return Response::Redirect(ItemUrl(env, r.id), 303);
}

Response EditForm(const Settings& s, const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Service svc(env.pool, s);
    auto item = svc.Get(ctx.req.RouteInt("id"));
    if (!item) throw http::NotFound("no such item");
    if (item->owner_id != ctx.viewer.user_id) {
        return core::RenderError(env, ctx, 403, ctx.T(env, "exchange.error.not_owner"));
    }
    return RenderForm(s, env, ctx, &*item, {}, 200);
}

Response UpdateItem(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.Update(ctx.viewer, id, FromForm(ctx.req.form), UploadOf(ctx.req.form));
    if (r.outcome == Outcome::kInvalid) {
        auto item = svc.Get(id);
        return RenderForm(s, env, ctx, &*item, ToErrors(env, ctx, r.problems), 422);
    }
    if (r.outcome != Outcome::kOk) return Refusal(env, ctx, r);
    return Response::Redirect(ItemUrl(env, id), 303);
}

Response ChangeStatus(const Settings& s, const Env& env, Ctx& ctx) {
    auto action = ParseAction(ctx.req.form.GetOr("action"));
    if (!action) throw http::BadRequest("unknown item action");
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.Act(ctx.viewer, id, *action);
    if (r.outcome != Outcome::kOk) return Refusal(env, ctx, r);
    return Response::Redirect(ItemUrl(env, id), 303);
}

Response MarkDone(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.Done(ctx.viewer, id, core::ParseId(ctx.req.form.GetOr("partner")));
    if (r.outcome == Outcome::kInvalid)
        return RenderItem(s, env, ctx, id, ToErrors(env, ctx, r.problems), 422);
    if (r.outcome != Outcome::kOk) return Refusal(env, ctx, r);
    return Response::Redirect(ItemUrl(env, id), 303);
}

Response PhotoFile(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    auto photo = svc.PhotoOf(ctx.req.RouteInt("id"));
    if (!photo) throw http::NotFound("no photo");
    Response r;
    r.status = 200;
    r.SetHeader("Content-Type", photo->content_type);
    r.SetHeader("Cache-Control", "public, max-age=3600");
    r.body = std::move(photo->bytes);
    return r;
}

}  // namespace placette::exchange
