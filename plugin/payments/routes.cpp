// Handlers of the payments URLs: the webhook endpoint answers plain text with the status the
// provider must see (2xx only once recorded); the retry page re-sends the same checkout request.
#include "plugin/payments/routes.h"

#include "fcgi/http_error.h"
#include "plugin/core/money.h"
#include "plugin/core/render.h"
#include "plugin/payments/repository.h"

namespace placette::payments {

namespace {
using http::Response;

Response Webhook(const Gateway& gw, const ApplyFn& apply, const core::Env& env, core::Ctx& ctx) {
    if (ctx.req.RouteParam("provider") != gw.provider().name() || !gw.provider().redirects()) {
        return Response::Text(404, "unknown provider\n");
    }
    Headers headers;
    for (const char* name : {"Stripe-Signature", "Content-Type", "X-Mollie-Signature"}) {
        std::string_view v = ctx.req.Header(name);
        if (v.empty()) continue;
        std::string key(name);
        for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        headers[key] = std::string(v);
    }
    NotificationResult r = gw.HandleNotification(env.pool, headers, ctx.req.body, apply);
    Response res = Response::Text(r.http_status, r.outcome + "\n");
    res.SetHeader("Cache-Control", "no-store");
    return res;
}

std::optional<repo::Attempt> OwnCheckout(const core::Env& env, const core::Ctx& ctx,
                                         std::int64_t pledge_id) {
    if (ctx.viewer.anonymous()) return std::nullopt;
    auto a = core::db::Run(env.pool, [&](core::db::Connection& c) {
        return repo::FindAttempt(c, pledge_id, "checkout");
    });
    if (!a || a->backer_id != ctx.viewer.user_id) return std::nullopt;
    return a;
}

Response RenderUnavailable(const Gateway& gw, const core::Env& env, core::Ctx& ctx,
                           const repo::Attempt& a, int status) {
    core::Page page =
        core::NewPage(env, ctx, "payments/unavailable.tpl", ctx.T(env, "pay.unavailable.title"));
    auto& b = page.body();
    b.SetValue(core::Tk<"RETRY_URL">(),
               env.config.base_path + "/payments/" + std::to_string(a.pledge_id) + "/retry");
    b.SetValue(core::Tk<"PLEDGE_URL">(),
               env.config.base_path + "/pledges/" + std::to_string(a.pledge_id));
    b.SetValue(
        core::Tk<"KEPT_TEXT">(),
        env.i18n.Format(ctx.lang, "pay.unavailable.kept",
                        {{"amount", core::FormatMoney(core::Money{a.amount, a.currency}, ctx.lang)},
                         {"minutes", std::to_string(gw.settings().pending_timeout_minutes)}}));
    return core::RenderPage(env, ctx, page, status);
}

Response Unavailable(const Gateway& gw, const core::Env& env, core::Ctx& ctx) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    auto a = OwnCheckout(env, ctx, ctx.req.RouteInt("pledge"));
    if (!a) throw http::NotFound("no checkout of this backer");
    return RenderUnavailable(gw, env, ctx, *a, 503);
}

Response Retry(const Gateway& gw, const core::Env& env, core::Ctx& ctx) {
    const std::int64_t pledge = ctx.req.RouteInt("pledge");
    auto a = OwnCheckout(env, ctx, pledge);
    if (!a) throw http::NotFound("no checkout of this backer");
    StartResult r = gw.RetryCheckout(env.pool, pledge, ctx.viewer.user_id);
    if (r.ok) return Response::Redirect(r.redirect_url, 303);
    return RenderUnavailable(gw, env, ctx, *a, 503);
}

void StaffBlock(const Gateway& gw, const core::Env& env, core::Ctx& ctx,
                ctemplate::TemplateDictionary& body) {
    auto* d = core::AddBlockTemplate(ctx, body, "payments/staff_block.tpl");
    const bool test = gw.provider().test_mode();
    d->SetValue(core::Tk<"MODE">(), test ? "test" : "live");
    if (test) d->ShowSection(core::Tk<"TEST_MODE">());
    d->SetValue(core::Tk<"MODE_TEXT">(), ModeText(env, ctx, gw));
    d->SetValue(core::Tk<"WEBHOOK_URL">(), gw.Absolute(gw.WebhookPath()));
}
}  // namespace

std::string UnavailablePath(const std::string& base_path, std::int64_t pledge_id) {
    return base_path + "/payments/" + std::to_string(pledge_id) + "/unavailable";
}

std::string ModeText(const core::Env& env, const core::Ctx& ctx, const Gateway& gateway) {
    const std::string key = gateway.provider().test_mode() ? "pay.test_mode" : "pay.live_mode";
    return env.i18n.Format(ctx.lang, key, {{"provider", std::string(gateway.provider().name())}});
}

void Register(core::RouteTable& routes, std::shared_ptr<const Gateway> gateway, ApplyFn apply) {
    auto gw = std::move(gateway);
    auto fn = std::make_shared<ApplyFn>(std::move(apply));
    routes.Add(
        "POST", "/webhooks/{provider}", "payments.webhook",
        [gw, fn](const core::Env& env, core::Ctx& ctx) { return Webhook(*gw, *fn, env, ctx); },
        {.identify = false, .csrf = false, .login_for_write = false});
    routes.Add("GET", "/payments/{pledge:int}/unavailable", "payments.unavailable",
               [gw](const core::Env& env, core::Ctx& ctx) { return Unavailable(*gw, env, ctx); });
    routes.Add("POST", "/payments/{pledge:int}/retry", "payments.retry",
               [gw](const core::Env& env, core::Ctx& ctx) { return Retry(*gw, env, ctx); });
    routes.AddBlock(core::Slot::kStaff,
                    [gw](const core::Env& env, core::Ctx& ctx, ctemplate::TemplateDictionary& b) {
                        StaffBlock(*gw, env, ctx, b);
                    });
}

}  // namespace placette::payments
