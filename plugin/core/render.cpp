// The layout's data for every page, and themed error pages.
#include "plugin/core/render.h"

#include <map>
#include <memory>

#include "fcgi/form.h"
#include "fcgi/http_error.h"

namespace placette::core {

namespace {
bool KnownErrorPage(int status) {
    switch (status) {
        case 400:
        case 403:
        case 404:
        case 405:
        case 409:
        case 413:
        case 429:
        case 500:
        case 503:
            return true;
        default:
            return false;
    }
}

std::map<std::string, LayoutHook>& LayoutHooks() {
    static std::map<std::string, LayoutHook> hooks;
    return hooks;
}

void RunLayoutHooks(const Env& env, const Ctx& ctx, ctemplate::TemplateDictionary& layout) {
    for (const auto& [name, hook] : LayoutHooks()) {
        try {
            hook(env, ctx, layout);
        } catch (const std::exception&) {
            // The page matters more than a header badge (e.g. a 503 page with the database down).
        }
    }
}

std::string CurrentUrl(const Ctx& ctx, const Env& env) {
    std::string url = env.config.base_path + ctx.req.path;
    if (!ctx.req.query_string.empty()) url += "?" + ctx.req.query_string;
    return url;
}
}  // namespace

Page NewPage(const Env& env, const Ctx& ctx, std::string body_template, std::string_view title) {
    Page page(std::move(body_template));
    const std::string& base = env.config.base_path;
    page.Global(core::Tk<"LANG">(), ctx.lang);
    page.Global(core::Tk<"BASE">(), base);
    page.Global(core::Tk<"STATIC">(), base + "/static");
    page.Global(core::Tk<"SITE_NAME">(), env.config.site_name);
    page.Global(core::Tk<"HOST_URL">(), env.config.host_url);
    page.Global(core::Tk<"CSRF">(), ctx.csrf_token);
    auto& layout = page.layout();
    layout.SetValue(core::Tk<"TITLE">(), std::string(title));
    if (ctx.viewer.anonymous()) {
        layout.ShowSection(core::Tk<"ANONYMOUS">());
        layout.SetValue(core::Tk<"LOGIN_URL">(), ctx.login_url);
    } else {
        auto* user = layout.AddSectionDictionary(core::Tk<"LOGGED_IN">());
        user->SetValue(core::Tk<"USER_NAME">(), ctx.viewer.display_name);
        user->SetValue(core::Tk<"LOGOUT_URL">(), ctx.logout_url);
        if (ctx.viewer.is_staff()) layout.ShowSection(core::Tk<"STAFF">());
        RunLayoutHooks(env, ctx, layout);
    }
    const bool fr = ctx.lang == "fr";
    std::string back = http::UrlEncode(CurrentUrl(ctx, env));
    layout.SetValue(core::Tk<"OTHER_LANG">(), fr ? "en" : "fr");
    layout.SetValue(core::Tk<"OTHER_LANG_NAME">(), fr ? "English" : "Français");
    layout.SetValue(core::Tk<"OTHER_LANG_URL">(),
                    base + "/lang/" + (fr ? "en" : "fr") + "?back=" + back);
    return page;
}

http::Response RenderPage(const Env& env, const Ctx& ctx, Page& page, int status) {
    return http::Response::Html(status, env.view.Render(ctx.lang, page));
}

http::Response RenderError(const Env& env, const Ctx& ctx, int status, std::string_view message,
                           std::string_view incident) {
    const int shown = KnownErrorPage(status) ? status : 500;
    const std::string key = "error." + std::to_string(shown);
    Page page = NewPage(env, ctx, "errors/error.tpl", env.i18n.T(ctx.lang, key + ".title"));
    auto& body = page.body();
    SetInt(body, core::Tk<"STATUS">(), shown);
    body.SetValue(core::Tk<"HEADING">(), env.i18n.T(ctx.lang, key + ".title"));
    body.SetValue(core::Tk<"EXPLANATION">(),
                  message.empty() ? env.i18n.T(ctx.lang, key + ".text") : std::string(message));
    if (!incident.empty()) {
        body.SetValueAndShowSection(core::Tk<"INCIDENT">(), std::string(incident),
                                    core::Tk<"HAS_INCIDENT">());
    }
    if (shown == 403 && ctx.viewer.anonymous()) {
        body.SetValueAndShowSection(core::Tk<"LOGIN_URL">(), ctx.login_url,
                                    core::Tk<"SUGGEST_LOGIN">());
    }
    http::Response r = RenderPage(env, ctx, page, shown);
    if (shown == 503) r.SetHeader("Retry-After", "30");
    return r;
}

ctemplate::TemplateDictionary* AddBlockTemplate(const Ctx& ctx,
                                                ctemplate::TemplateDictionary& parent,
                                                std::string_view tpl) {
    ctemplate::TemplateDictionary* d = parent.AddIncludeDictionary(core::Tk<"BLOCKS">());
    d->SetFilename(ctx.lang + "/" + std::string(tpl));
    return d;
}

namespace {
std::string MemoKey(const Ctx& ctx, std::string_view extra) {
    if (extra.empty()) return ctx.lang;
    std::string key = ctx.lang;
    key += '\n';
    key += extra;
    return key;
}

// Whether `html` may be shown to other viewers: it does not hold this viewer's CSRF token.
bool Shareable(const Ctx& ctx, const std::string& html) {
    return ctx.csrf_token.empty() || html.find(ctx.csrf_token) == std::string::npos;
}
}  // namespace

void UseKeptBody(const Env& env, const Ctx& ctx, Page& page, BodyMemo& memo, int variant,
                 std::int64_t second, const std::function<void()>& fill, std::string_view extra) {
    const std::string key = MemoKey(ctx, extra);
    if (auto html = memo.Find(key, variant, second)) {
        page.UseRenderedBody(std::move(html));
        return;
    }
    fill();
    auto html = std::make_shared<const std::string>(env.view.RenderBody(ctx.lang, page));
    if (Shareable(ctx, *html)) memo.Keep(key, variant, second, html);
    page.UseRenderedBody(std::move(html));
}

void AddKeptBlock(const Env& env, const Ctx& ctx, ctemplate::TemplateDictionary& parent,
                  std::string_view tpl, BodyMemo& memo, int variant, std::int64_t second,
                  const std::function<void(ctemplate::TemplateDictionary&)>& fill) {
    ctemplate::TemplateDictionary* d = AddBlockTemplate(ctx, parent, tpl);
    const std::string& key = ctx.lang;
    auto html = memo.Find(key, variant, second);
    if (!html) {
        fill(*d);
        html = std::make_shared<const std::string>(env.view.RenderAlone(ctx.lang, tpl, *d));
        if (Shareable(ctx, *html)) memo.Keep(key, variant, second, html);
    }
    // The block now shows the kept bytes (a copy: the memo may drop them before the page is
    // rendered); what fill() set is no longer used.
    d->SetFilename(ctx.lang + "/" + std::string(View::kRenderedBody));
    d->SetValue(core::Tk<"HTML">(), *html);
}

void RenderBlocks(const Env& env, Ctx& ctx, Slot slot, ctemplate::TemplateDictionary& body) {
    for (const BlockFn& block : env.blocks.In(slot)) block(env, ctx, body);
}

void SetLayoutHook(const std::string& name, LayoutHook hook) {
    LayoutHooks()[name] = std::move(hook);
}

}  // namespace placette::core
