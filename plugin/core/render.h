// Page rendering shared by every section: fills the layout (site name, navigation, who is
// logged in, language links, CSRF token) and answers themed error pages.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "fcgi/response.h"
#include "plugin/core/body_memo.h"
#include "plugin/core/context.h"

namespace placette::core {

// A Page for `body_template` with the layout's globals filled for this request; `title` is the
// page title (already translated).
Page NewPage(const Env& env, const Ctx& ctx, std::string body_template, std::string_view title);

// Renders the page with the layout and answers HTML with `status`.
http::Response RenderPage(const Env& env, const Ctx& ctx, Page& page, int status = 200);

// The themed error page for `status` (400, 403, 404, 405, 409, 413, 429, 500, 503), with an
// optional specific message (translated) and incident id (500 only).
http::Response RenderError(const Env& env, const Ctx& ctx, int status,
                           std::string_view message = "", std::string_view incident = "");

// Adds an include of `tpl` (a theme template path, e.g. "crowdfunding/home_block.tpl") in
// `lang` under the marker {{>BLOCKS}} of `parent`, and returns its dictionary.
ctemplate::TemplateDictionary* AddBlockTemplate(const Ctx& ctx,
                                                ctemplate::TemplateDictionary& parent,
                                                std::string_view tpl);

// Kept bodies (core/body_memo.h): the page's body of this second from `memo`, kept under the
// viewer's language followed by `extra` and under `variant` (see BodyMemo). When one is kept,
// the page shows it and fill() is not called; otherwise fill() fills page.body(), which is then
// rendered, kept and shown. `second` is the time the body is filled for (e.g. days left). A
// body that shows the viewer's CSRF token (a theme may add a form) is never kept.
void UseKeptBody(const Env& env, const Ctx& ctx, Page& page, BodyMemo& memo, int variant,
                 std::int64_t second, const std::function<void()>& fill,
                 std::string_view extra = {});

// The same for a block: adds the include of `tpl` under {{>BLOCKS}} of `parent` (as
// AddBlockTemplate does), filled by fill(its dictionary) only when `memo` keeps no rendering of
// it for this language, variant and second.
void AddKeptBlock(const Env& env, const Ctx& ctx, ctemplate::TemplateDictionary& parent,
                  std::string_view tpl, BodyMemo& memo, int variant, std::int64_t second,
                  const std::function<void(ctemplate::TemplateDictionary&)>& fill);

// Runs every block registered for `slot` into `body`.
void RenderBlocks(const Env& env, Ctx& ctx, Slot slot, ctemplate::TemplateDictionary& body);

// Adds values to the layout of every page shown to a logged-in viewer (e.g. the unread-messages
// count in the header). Registered while the application is built; a hook that throws is
// skipped, so an error page still renders when the database is down. Setting a hook of the same
// `name` again replaces it (applications built twice, e.g. in tests).
using LayoutHook =
    std::function<void(const Env&, const Ctx&, ctemplate::TemplateDictionary& layout)>;
void SetLayoutHook(const std::string& name, LayoutHook hook);

}  // namespace placette::core
