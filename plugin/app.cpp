// Wiring of services and sections, and the request pipeline: language, viewer, route, login
// and CSRF checks, handler, and the single place where exceptions become error pages.
#include "plugin/app.h"

#include "fcgi/http_error.h"
#include "plugin/community/routes.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/routes.h"
#include "plugin/exchange/routes.h"
#include "plugin/home/routes.h"
#include "plugin/skills/routes.h"
#include "plugin/staff/routes.h"

namespace placette {

namespace {
// The origin of a plain-http provider address (only allowed on loopback, for the fake providers):
// pledge forms are redirected there, so the CSP's form-action must name it.
std::string LoopbackOrigin(const std::string& url) {
    if (url.rfind("http://", 0) != 0) return "";
    std::size_t end = url.find('/', 7);
    return url.substr(0, end);
}
}  // namespace

App::App(core::Config config) : config_(std::move(config)), router_(config_.base_path) {
    host_ = host::MakeHostAdapter(config_);
    pool_ = std::make_unique<core::db::Pool>(config_.db, config_.workers + 2);
    i18n_ = std::make_unique<core::I18n>(core::I18n::Load(config_.theme_dir + "/lang"));
    view_ = std::make_unique<core::View>(config_.theme_dir, *i18n_);
    csrf_ = std::make_unique<core::Csrf>(config_.secret);
    env_ = std::make_unique<core::Env>(
        core::Env{config_, *pool_, *i18n_, *view_, router_, *csrf_, blocks_});
    for (const char* key : {"stripe_api_base", "mollie_api_base"}) {
        std::string origin = LoopbackOrigin(config_.ini.GetOr("payments", key, ""));
        if (!origin.empty() && form_action_extra_.find(origin) == std::string::npos) {
            form_action_extra_ += (form_action_extra_.empty() ? "" : " ") + origin;
        }
    }
    home::Register(*this);
    community::Register(*this);
    staff::Register(*this);
    crowdfunding::Register(*this, config_);
    skills::Register(*this, config_);
    exchange::Register(*this, config_);
}

App::~App() = default;

void App::Add(std::string_view method, std::string_view pattern, std::string name,
              core::SectionHandler handler, core::RouteOptions options) {
    std::size_t id = router_.Add(method, pattern, std::move(name));
    if (routes_.size() <= id) routes_.resize(id + 1);
    routes_[id] = Route{std::move(handler), options};
}

void App::AddBlock(core::Slot slot, core::BlockFn block) {
    auto& list = slot == core::Slot::kHome ? blocks_.home
                 : slot == core::Slot::kMe ? blocks_.me
                                           : blocks_.staff;
    list.push_back(std::move(block));
}

void App::Identify(core::Ctx& ctx) {
    ctx.viewer = host_->Identify(ctx.req, *pool_);
    if (!ctx.viewer.anonymous() && !ctx.viewer.session_key.empty()) {
        ctx.csrf_token = csrf_->Token(ctx.viewer.session_key);
    }
}

http::Response App::Dispatch(core::Ctx& ctx) {
    http::Request& req = ctx.req;
    if (req.body_error != 0) return core::RenderError(*env_, ctx, req.body_error);
    http::RouteMatch m = router_.Match(req);
    if (m.kind == http::RouteMatch::Kind::kNotFound) return core::RenderError(*env_, ctx, 404);
    if (m.kind == http::RouteMatch::Kind::kMethodNotAllowed) {
        http::Response r = core::RenderError(*env_, ctx, 405);
        r.SetHeader("Allow", m.allow);
        return r;
    }
    const Route& route = routes_[m.id];
    if (route.options.identify) Identify(ctx);
    if (req.IsWrite() && route.options.login_for_write && ctx.viewer.anonymous()) {
        return http::Response::Redirect(ctx.login_url, 303);
    }
    if (req.IsWrite() && route.options.csrf &&
        !csrf_->Verify(ctx.viewer.session_key, req.form.GetOr("csrf"))) {
        return core::RenderError(*env_, ctx, 403, i18n_->T(ctx.lang, "error.csrf"));
    }
    if (route.options.staff_only && !ctx.viewer.is_staff()) {
        return core::RenderError(*env_, ctx, 403);
    }
    return route.handler(*env_, ctx);
}

http::Response App::Fail(core::Ctx& ctx, const std::exception& e) {
    if (auto* h = dynamic_cast<const http::HttpError*>(&e)) {
        return core::RenderError(*env_, ctx, h->status());
    }
    if (auto* d = dynamic_cast<const core::db::DbError*>(&e); d && d->IsConnectionLost()) {
        core::LogWarn("msg=\"database unavailable\" id=" + ctx.req.request_id + " what=\"" +
                      d->what() + "\"");
        return core::RenderError(*env_, ctx, 503);
    }
    std::string incident = core::RandomHex(6);
    core::LogError("msg=\"unhandled error\" incident=" + incident + " id=" + ctx.req.request_id +
                   " path=" + ctx.req.path + " what=\"" + e.what() + "\"");
    return core::RenderError(*env_, ctx, 500, "", incident);
}

http::Response App::Handle(http::Request& req) {
    core::Ctx ctx{req,
                  {},
                  core::I18n::Pick(req.Cookie("placette_lang"), req.Header("Accept-Language"),
                                   config_.language),
                  "",
                  "",
                  ""};
    std::string here = config_.base_path + req.path;
    if (!req.IsWrite() && !req.query_string.empty()) here += "?" + req.query_string;
    ctx.login_url = host_->LoginUrl(here);
    ctx.logout_url = host_->LogoutUrl(config_.base_path + "/");
    http::Response res;
    try {
        res = Dispatch(ctx);
    } catch (const std::exception& e) {
        try {
            ctx.viewer = {};
            res = Fail(ctx, e);
        } catch (const std::exception& e2) {
            core::LogError(std::string("msg=\"error page failed\" what=\"") + e2.what() + "\"");
            res = http::Response::Text(500, "Internal Server Error");
        }
    }
    http::AddSecurityHeaders(res, form_action_extra_);
    res.SetHeader("X-Request-Id", req.request_id);
    return res;
}

}  // namespace placette
