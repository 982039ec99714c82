// GET /staff: staff only (403 for everybody else, decided by the route options in plugin/app).
#include "plugin/core/render.h"
#include "plugin/staff/routes.h"

namespace placette::staff {

namespace {
http::Response Home(const core::Env& env, core::Ctx& ctx) {
    core::Page page = core::NewPage(env, ctx, "staff/home.tpl", ctx.T(env, "staff.title"));
    page.body().SetValue(core::Tk<"NAME">(), ctx.viewer.display_name);
    core::RenderBlocks(env, ctx, core::Slot::kStaff, page.body());
    return core::RenderPage(env, ctx, page);
}
}  // namespace

void Register(core::RouteTable& routes) {
    routes.Add("GET", "/staff", "staff", Home, {.staff_only = true});
}

}  // namespace placette::staff
