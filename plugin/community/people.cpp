// Public profiles (/people/{id}: name, current listings, feedback received; never an e-mail)
// and leaving feedback after a completed exchange or a returned loan.
#include "fcgi/http_error.h"
#include "plugin/community/pages.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"

namespace placette::community {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

Response RenderFeedbackForm(const Env& env, Ctx& ctx, const std::string& type, std::int64_t id,
                            const core::FieldErrors& errors, int status) {
    Service svc(env.pool);
    FeedbackTarget t = svc.FeedbackFor(ctx.viewer, type, id);
    if (t.outcome != Outcome::kOk) return Refuse(env, ctx, t.outcome, t.message_key);
    core::Page page = core::NewPage(env, ctx, "community/feedback_new.tpl",
                                    ctx.T(env, "community.feedback.title"));
    auto& body = page.body();
    body.SetValue(core::Tk<"ABOUT_NAME">(), NameOr(env, ctx, t.about_name, t.about_id));
    body.SetValue(core::Tk<"SUBJECT_TITLE">(), t.subject.title);
    body.SetValue(core::Tk<"SUBJECT_URL">(), env.config.base_path + t.subject.path);
    body.SetValue(core::Tk<"SUBJECT_TYPE">(), type);
    core::SetInt(body, core::Tk<"SUBJECT_ID">(), id);
    core::FillForm(body, ctx.req.form, {"body"}, errors);
    return core::RenderPage(env, ctx, page, status);
}

std::string SubjectTypeOf(const http::Form& f) {
    std::string t = f.GetOr("subject_type");
    return t.size() <= 16 ? t : "";
}
}  // namespace

Response PersonPage(const Env& env, Ctx& ctx) {
    const std::int64_t id = ctx.req.RouteInt("id");
    Service svc(env.pool);
    auto name = svc.Name(id);
    if (!name) throw http::NotFound("unknown person");
    std::string shown = NameOr(env, ctx, *name, id);
    core::Page page = core::NewPage(env, ctx, "community/person.tpl", shown);
    auto& body = page.body();
    body.SetValue(core::Tk<"NAME">(), shown);
    auto entries = svc.PublicEntries(id);
    for (const auto& e : entries) {
        auto* d = body.AddSectionDictionary(core::Tk<"ENTRY">());
        d->SetValue(core::Tk<"KIND_LABEL">(), ctx.T(env, e.label_key));
        d->SetValue(core::Tk<"TITLE">(), e.title);
        d->SetValue(core::Tk<"URL">(), env.config.base_path + e.path);
    }
    if (entries.empty()) body.ShowSection(core::Tk<"NO_ENTRIES">());
    auto feedback = svc.FeedbackAbout(id, 50);
    for (const repo::Feedback& f : feedback) {
        auto* d = body.AddSectionDictionary(core::Tk<"FEEDBACK">());
        d->SetValue(core::Tk<"AUTHOR">(), NameOr(env, ctx, f.author_name, f.author_id));
        d->SetValue(core::Tk<"AUTHOR_URL">(),
                    env.config.base_path + "/people/" + std::to_string(f.author_id));
        d->SetValue(core::Tk<"BODY">(), f.body);
        d->SetValue(core::Tk<"DATE">(),
                    core::FormatDay(env.i18n, ctx.lang, core::DayOf(f.created_at)));
        if (auto s = svc.Subject(f.subject_type, f.subject_id)) {
            d->SetValue(core::Tk<"SUBJECT_TITLE">(), s->title);
            d->SetValueAndShowSection(core::Tk<"SUBJECT_URL">(), env.config.base_path + s->path,
                                      core::Tk<"HAS_SUBJECT">());
        }
    }
    if (feedback.empty()) body.ShowSection(core::Tk<"NO_FEEDBACK">());
    return core::RenderPage(env, ctx, page);
}

Response FeedbackNew(const Env& env, Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    const std::string type = SubjectTypeOf(ctx.req.query);
    const std::int64_t id = core::ParseId(ctx.req.query.GetOr("subject_id"));
    if (type.empty() || id == 0) throw http::NotFound("feedback without a subject");
    return RenderFeedbackForm(env, ctx, type, id, {}, 200);
}

Response FeedbackCreate(const Env& env, Ctx& ctx) {
    const std::string type = SubjectTypeOf(ctx.req.form);
    const std::int64_t id = core::ParseId(ctx.req.form.GetOr("subject_id"));
    if (type.empty() || id == 0) throw http::BadRequest("feedback without a subject");
    Service svc(env.pool);
    Result r = svc.LeaveFeedback(ctx.viewer, type, id, ctx.req.form.GetOr("body"));
    if (r.outcome == Outcome::kInvalid) {
        return RenderFeedbackForm(env, ctx, type, id, ToErrors(env, ctx, r.problems), 422);
    }
    if (r.outcome != Outcome::kOk) return Refuse(env, ctx, r.outcome, r.message_key);
    return Response::Redirect(env.config.base_path + "/people/" + std::to_string(r.id), 303);
}

}  // namespace placette::community
