// Private conversations: the viewer's list, starting one about a subject, a thread and replies.
// Only the two parties ever see a thread (403 for anybody else).
#include "fcgi/http_error.h"
#include "plugin/community/pages.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"

namespace placette::community {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

constexpr std::size_t kMaxSubjectType = 16;

std::string SubjectType(const http::Form& f) {
    std::string t = f.GetOr("subject_type");
    return t.size() <= kMaxSubjectType ? t : "";
}

Response RenderNew(const Env& env, Ctx& ctx, const std::string& type, std::int64_t id,
                   const core::FieldErrors& errors, int status) {
    Service svc(env.pool);
    Counterpart cp = svc.CounterpartFor(ctx.viewer, type, id);
    if (cp.outcome != Outcome::kOk) return Refuse(env, ctx, cp.outcome, cp.message_key);
    std::string other = NameOr(env, ctx, svc.Name(cp.other_id).value_or(""), cp.other_id);
    core::Page page = core::NewPage(env, ctx, "community/conversation_new.tpl",
                                    ctx.T(env, "community.conv.new_title"));
    auto& body = page.body();
    body.SetValue(core::Tk<"OTHER_NAME">(), other);
    body.SetValue(core::Tk<"SUBJECT_TITLE">(), cp.subject.title);
    body.SetValue(core::Tk<"SUBJECT_URL">(), env.config.base_path + cp.subject.path);
    body.SetValue(core::Tk<"SUBJECT_TYPE">(), type);
    core::SetInt(body, core::Tk<"SUBJECT_ID">(), id);
    core::FillForm(body, ctx.req.form, {"body"}, errors);
    return core::RenderPage(env, ctx, page, status);
}

Response RenderThread(const Env& env, Ctx& ctx, std::int64_t id, const core::FieldErrors& errors,
                      int status) {
    Service svc(env.pool);
    Outcome o = Outcome::kOk;
    auto t = svc.Open(ctx.viewer, id, o);
    if (!t)
        return Refuse(env, ctx, o,
                      o == Outcome::kForbidden ? "community.error.not_your_conversation" : "");
    const auto& c = t->conversation;
    const std::int64_t other = c.Other(ctx.viewer.user_id);
    std::string other_name =
        NameOr(env, ctx, other == c.starter_id ? c.starter_name : c.other_name, other);
    core::Page page =
        core::NewPage(env, ctx, "community/conversation.tpl",
                      env.i18n.Format(ctx.lang, "community.conv.with", {{"name", other_name}}));
    auto& body = page.body();
    core::SetInt(body, core::Tk<"ID">(), id);
    body.SetValue(core::Tk<"OTHER_NAME">(), other_name);
    body.SetValue(core::Tk<"OTHER_URL">(),
                  env.config.base_path + "/people/" + std::to_string(other));
    if (!t->subject.path.empty()) {
        body.SetValue(core::Tk<"SUBJECT_TITLE">(), t->subject.title);
        body.SetValueAndShowSection(core::Tk<"SUBJECT_URL">(),
                                    env.config.base_path + t->subject.path,
                                    core::Tk<"HAS_SUBJECT">());
    }
    for (const repo::Message& m : t->messages) {
        auto* d = body.AddSectionDictionary(core::Tk<"MESSAGE">());
        d->SetValue(core::Tk<"AUTHOR">(), NameOr(env, ctx, m.author_name, m.author_id));
        d->SetValue(core::Tk<"DATE">(),
                    core::FormatDay(env.i18n, ctx.lang, core::DayOf(m.created_at)));
        d->SetValue(core::Tk<"BODY">(), m.body);
        d->SetValue(core::Tk<"WHO">(), m.author_id == ctx.viewer.user_id ? "mine" : "theirs");
    }
    core::FillForm(body, ctx.req.form, {"body"}, errors);
    return core::RenderPage(env, ctx, page, status);
}
}  // namespace

Response ConversationList(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Service svc(env.pool);
    auto list = svc.List(ctx.viewer.user_id, 100);
    core::Page page = core::NewPage(env, ctx, "community/conversations.tpl",
                                    ctx.T(env, "community.conv.list_title"));
    auto& body = page.body();
    for (const repo::Conversation& c : list) {
        auto* d = body.AddSectionDictionary(core::Tk<"CONVERSATION">());
        const std::int64_t other = c.Other(ctx.viewer.user_id);
        d->SetValue(core::Tk<"OTHER_NAME">(),
                    NameOr(env, ctx, other == c.starter_id ? c.starter_name : c.other_name, other));
        d->SetValue(core::Tk<"URL">(),
                    env.config.base_path + "/conversations/" + std::to_string(c.id));
        auto subject = svc.Subject(c.subject_type, c.subject_id);
        d->SetValue(core::Tk<"SUBJECT_TITLE">(), subject ? subject->title : "");
        d->SetValue(core::Tk<"DATE">(),
                    core::FormatDay(env.i18n, ctx.lang, core::DayOf(c.last_message_at)));
        if (c.unread > 0) {
            d->SetValueAndShowSection(core::Tk<"UNREAD">(),
                                      env.i18n.Format(ctx.lang, "community.conv.unread_count",
                                                      {{"count", std::to_string(c.unread)}}),
                                      core::Tk<"HAS_UNREAD">());
        }
    }
    if (list.empty()) body.ShowSection(core::Tk<"EMPTY">());
    return core::RenderPage(env, ctx, page);
}

Response ConversationNew(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    const std::string type = SubjectType(ctx.req.query);
    const std::int64_t id = core::ParseId(ctx.req.query.GetOr("subject_id"));
    if (type.empty() || id == 0) throw http::NotFound("conversation without a subject");
    return RenderNew(env, ctx, type, id, {}, 200);
}

Response ConversationStart(const Env& env, Ctx& ctx) {
    const std::string type = SubjectType(ctx.req.form);
    const std::int64_t id = core::ParseId(ctx.req.form.GetOr("subject_id"));
    if (type.empty() || id == 0) throw http::BadRequest("conversation without a subject");
    Service svc(env.pool);
    Result r = svc.Start(ctx.viewer, type, id, ctx.req.form.GetOr("body"));
    if (r.outcome == Outcome::kInvalid)
        return RenderNew(env, ctx, type, id, ToErrors(env, ctx, r.problems), 422);
    if (r.outcome != Outcome::kOk) return Refuse(env, ctx, r.outcome, r.message_key);
    return Response::Redirect(env.config.base_path + "/conversations/" + std::to_string(r.id), 303);
}

Response ConversationShow(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    return RenderThread(env, ctx, ctx.req.RouteInt("id"), {}, 200);
}

Response ConversationPost(const Env& env, Ctx& ctx) {
    const std::int64_t id = ctx.req.RouteInt("id");
    Service svc(env.pool);
    Result r = svc.Post(ctx.viewer, id, ctx.req.form.GetOr("body"));
    if (r.outcome == Outcome::kInvalid)
        return RenderThread(env, ctx, id, ToErrors(env, ctx, r.problems), 422);
    if (r.outcome != Outcome::kOk) return Refuse(env, ctx, r.outcome, r.message_key);
    return Response::Redirect(
        env.config.base_path + "/conversations/" + std::to_string(id) + "#reply", 303);
}

}  // namespace placette::community
