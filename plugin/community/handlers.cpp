// GET /me: the viewer's name, login, roles and staff status, as read from the host session.
#include "fcgi/response.h"
#include "plugin/community/routes.h"
#include "plugin/core/render.h"

namespace placette::community {

namespace {
http::Response Me(const core::Env& env, core::Ctx& ctx) {
    if (ctx.viewer.anonymous()) return http::Response::Redirect(ctx.login_url, 302);
    core::Page page = core::NewPage(env, ctx, "community/me.tpl", ctx.T(env, "me.title"));
    auto& body = page.body();
    body.SetValue("NAME", ctx.viewer.display_name);
    body.SetValue("LOGIN", ctx.viewer.login);
    for (const std::string& role : ctx.viewer.roles) {
        body.AddSectionDictionary("ROLE")->SetValue("ROLE_NAME", role);
    }
    if (ctx.viewer.is_admin()) {
        body.ShowSection("IS_ADMIN");
    } else if (ctx.viewer.is_staff()) {
        body.ShowSection("IS_MODERATOR");
    } else {
        body.ShowSection("NOT_STAFF");
    }
    core::RenderBlocks(env, ctx, core::Slot::kMe, body);
    return core::RenderPage(env, ctx, page);
}
}  // namespace

void Register(core::RouteTable& routes) { routes.Add("GET", "/me", "me", Me); }

}  // namespace placette::community
