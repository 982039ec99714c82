// GET /me (who Placette thinks the viewer is, then every section's block), notifications, the
// header's unread-messages count, and the community routes.
#include "fcgi/http_error.h"
#include "fcgi/response.h"
#include "plugin/community/pages.h"
#include "plugin/community/routes.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"

namespace placette::community {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

Response Me(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    core::Page page = core::NewPage(env, ctx, "community/me.tpl", ctx.T(env, "me.title"));
    auto& body = page.body();
    body.SetValue(core::Tk<"NAME">(), ctx.viewer.display_name);
    body.SetValue(core::Tk<"LOGIN">(), ctx.viewer.login);
    body.SetValue(core::Tk<"PROFILE_URL">(),
                  env.config.base_path + "/people/" + std::to_string(ctx.viewer.user_id));
    for (const std::string& role : ctx.viewer.roles) {
        body.AddSectionDictionary(core::Tk<"ROLE">())->SetValue(core::Tk<"ROLE_NAME">(), role);
    }
    if (ctx.viewer.is_admin()) {
        body.ShowSection(core::Tk<"IS_ADMIN">());
    } else if (ctx.viewer.is_staff()) {
        body.ShowSection(core::Tk<"IS_MODERATOR">());
    } else {
        body.ShowSection(core::Tk<"NOT_STAFF">());
    }
    core::RenderBlocks(env, ctx, core::Slot::kMe, body);
    return core::RenderPage(env, ctx, page);
}

void FillNotifications(const Env& env, const Ctx& ctx, const std::vector<repo::Notification>& list,
                       ctemplate::TemplateDictionary& d) {
    for (const repo::Notification& n : list) {
        auto* row = d.AddSectionDictionary(core::Tk<"NOTIFICATION">());
        const std::string key = "community.notice." + n.kind;
        const bool known = env.i18n.Has(ctx.lang, key);
        row->SetValue(core::Tk<"TEXT">(),
                      env.i18n.Format(ctx.lang, known ? key : "community.notice_other",
                                      {{"title", n.title}}));
        row->SetValue(core::Tk<"URL">(), env.config.base_path + n.path);
        row->SetValue(core::Tk<"DATE">(),
                      core::FormatDay(env.i18n, ctx.lang, core::DayOf(n.created_at)));
        if (!n.read) row->ShowSection(core::Tk<"UNREAD">());
    }
    if (list.empty()) d.ShowSection(core::Tk<"NO_NOTIFICATIONS">());
}
}  // namespace

std::string NameOr(const Env& env, const Ctx& ctx, const std::string& name, std::int64_t id) {
    if (!name.empty()) return name;
    return env.i18n.Format(ctx.lang, "community.person_fallback", {{"id", std::to_string(id)}});
}

Response Refuse(const Env& env, Ctx& ctx, Outcome o, const std::string& key) {
    const int status = o == Outcome::kNotFound ? 404 : o == Outcome::kForbidden ? 403 : 409;
    return core::RenderError(env, ctx, status, key.empty() ? "" : ctx.T(env, key));
}

core::FieldErrors ToErrors(const Env& env, const Ctx& ctx,
                           const std::vector<std::pair<std::string, std::string>>& problems) {
    core::FieldErrors errors;
    for (const auto& [field, key] : problems) errors.Add(field, ctx.T(env, key));
    return errors;
}

Response NotificationsPage(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Service svc(env.pool);
    auto list = svc.Notifications(ctx.viewer.user_id, 100, true);
    core::Page page = core::NewPage(env, ctx, "community/notifications.tpl",
                                    ctx.T(env, "community.notifications.title"));
    FillNotifications(env, ctx, list, page.body());
    return core::RenderPage(env, ctx, page);
}

void MeBlock(const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body) {
    Service svc(env.pool);
    auto* d = core::AddBlockTemplate(ctx, body, "community/me_block.tpl");
    const std::int64_t unread = svc.Unread(ctx.viewer.user_id);
    d->SetValue(core::Tk<"UNREAD">(), env.i18n.Format(ctx.lang, "community.conv.unread_count",
                                                    {{"count", std::to_string(unread)}}));
    FillNotifications(env, ctx, svc.Notifications(ctx.viewer.user_id, 10, false), *d);
}

void HeaderCounts(const Env& env, const Ctx& ctx, ctemplate::TemplateDictionary& layout) {
    Service svc(env.pool);
    const std::int64_t unread = svc.Unread(ctx.viewer.user_id);
    auto* d = layout.AddSectionDictionary(core::Tk<"MESSAGES">());
    if (unread > 0)
        d->SetValueAndShowSection(core::Tk<"UNREAD_COUNT">(), std::to_string(unread),
                                  core::Tk<"UNREAD">());
}

void Register(core::RouteTable& routes) {
    RegisterCommunityLinks();
    core::SetLayoutHook("community.messages", HeaderCounts);
    routes.Add("GET", "/me", "me", Me);
    routes.Add("GET", "/notifications", "notifications", NotificationsPage);
    routes.Add("GET", "/conversations", "conversations", ConversationList);
    routes.Add("POST", "/conversations", "conversations", ConversationStart);
    routes.Add("GET", "/conversations/new", "conversation_new", ConversationNew);
    routes.Add("GET", "/conversations/{id:int}", "conversation", ConversationShow);
    routes.Add("POST", "/conversations/{id:int}/messages", "conversation_messages",
               ConversationPost);
    routes.Add("GET", "/people/{id:int}", "person", PersonPage);
    routes.Add("GET", "/feedback/new", "feedback_new", FeedbackNew);
    routes.Add("POST", "/feedback", "feedback", FeedbackCreate);
    routes.AddBlock(core::Slot::kMe, MeBlock);
}

}  // namespace placette::community
