// Handlers of the skills section (thin: request → service → view), shared by its handler files.
#pragma once

#include <memory>

#include "fcgi/response.h"
#include "plugin/core/context.h"
#include "plugin/skills/service.h"

namespace placette::skills {

using SettingsPtr = std::shared_ptr<const Settings>;

http::Response ListPage(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response ShowPage(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response NewForm(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response EditForm(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response CreateListing(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response UpdateListing(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response ChangeStatus(const Settings& s, const core::Env& env, core::Ctx& ctx);

http::Response ProposeExchange(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response ConfirmExchange(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response CancelExchange(const Settings& s, const core::Env& env, core::Ctx& ctx);

// Blocks for the home page (newest offers and requests) and /me (listings, hours, exchanges).
void HomeBlock(const Settings& s, const core::Env& env, core::Ctx& ctx,
               ctemplate::TemplateDictionary& body);
void MeBlock(const Settings& s, const core::Env& env, core::Ctx& ctx,
             ctemplate::TemplateDictionary& body);

// Shared by the pages: one listing's values (TITLE, URL, KIND_LABEL, …) into `d`.
void FillListing(const Settings& s, const core::Env& env, const core::Ctx& ctx, const Listing& l,
                 ctemplate::TemplateDictionary& d);
// 404 / 403 / 409 pages for a refused command, with its message.
http::Response Refusal(const Settings& s, const core::Env& env, core::Ctx& ctx, const Result& r);

}  // namespace placette::skills
