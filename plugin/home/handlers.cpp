// Handlers for home, /healthz, /lang/{code} and /errors/{status}.
#include "fcgi/http_error.h"
#include "plugin/core/render.h"
#include "plugin/home/routes.h"

namespace placette::home {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

Response Home(const Env& env, Ctx& ctx) {
    core::Page page = core::NewPage(env, ctx, "home.tpl", env.config.site_name);
    if (!ctx.viewer.anonymous()) {
        page.body().SetValueAndShowSection(core::Tk<"USER_NAME">(), ctx.viewer.display_name,
                                           core::Tk<"GREETING">());
    }
    core::RenderBlocks(env, ctx, core::Slot::kHome, page.body());
    return core::RenderPage(env, ctx, page);
}

Response Health(const Env& env, Ctx&) {
    try {
        core::db::Run(env.pool, [](core::db::Connection& c) {
            return c.Execute("health", "SELECT MAX(version) FROM {p}schema_migrations");
        });
        return Response::Text(200, "ok\n");
    } catch (const core::db::DbError&) {
        Response r = Response::Text(503, "database unavailable\n");
        r.SetHeader("Retry-After", "10");
        return r;
    }
}

// Sets the language cookie and returns to `back` (only a path below the base path).
Response SetLanguage(const Env& env, Ctx& ctx) {
    const std::string& code = ctx.req.RouteParam("code");
    if (code != "fr" && code != "en") throw http::NotFound("unknown language");
    std::string back = ctx.req.query.GetOr("back");
    const std::string& base = env.config.base_path;
    bool safe = back.rfind(base + "/", 0) == 0 && back.find("//") == std::string::npos &&
                back.find('\\') == std::string::npos;
    Response r = Response::Redirect(safe ? back : base + "/", 303);
    r.cookies.push_back(http::SetCookie{"placette_lang", code, base.empty() ? "/" : base,
                                        365L * 24 * 3600, true, ctx.req.IsSecure(), "Lax"});
    return r;
}

Response ErrorPage(const Env& env, Ctx& ctx) {
    std::int64_t status = ctx.req.RouteInt("status");
    return core::RenderError(env, ctx, static_cast<int>(status));
}
}  // namespace

void Register(core::RouteTable& routes) {
    routes.Add("GET", "/", "home", Home);
    routes.Add("GET", "/healthz", "healthz", Health, {.identify = false});
    routes.Add("GET", "/lang/{code}", "lang", SetLanguage, {.identify = false});
    routes.Add("GET", "/errors/{status:int}", "error", ErrorPage, {.identify = false});
}

}  // namespace placette::home
