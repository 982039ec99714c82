// Shared helpers of the community handlers: names of people, refusals as themed pages.
#pragma once

#include <string>

#include "fcgi/response.h"
#include "plugin/community/service.h"
#include "plugin/core/context.h"
#include "plugin/core/forms.h"

namespace placette::community {

// The stored display name, or "Habitant·e n°ID" when Placette never saw one.
std::string NameOr(const core::Env& env, const core::Ctx& ctx, const std::string& name,
                   std::int64_t id);
// 404 / 403 / 409 for an outcome, with its message.
http::Response Refuse(const core::Env& env, core::Ctx& ctx, Outcome o, const std::string& key);
core::FieldErrors ToErrors(const core::Env& env, const core::Ctx& ctx,
                           const std::vector<std::pair<std::string, std::string>>& problems);

http::Response ConversationList(const core::Env& env, core::Ctx& ctx);
http::Response ConversationNew(const core::Env& env, core::Ctx& ctx);
http::Response ConversationStart(const core::Env& env, core::Ctx& ctx);
http::Response ConversationShow(const core::Env& env, core::Ctx& ctx);
http::Response ConversationPost(const core::Env& env, core::Ctx& ctx);
http::Response PersonPage(const core::Env& env, core::Ctx& ctx);
http::Response FeedbackNew(const core::Env& env, core::Ctx& ctx);
http::Response FeedbackCreate(const core::Env& env, core::Ctx& ctx);
http::Response NotificationsPage(const core::Env& env, core::Ctx& ctx);
void MeBlock(const core::Env& env, core::Ctx& ctx, ctemplate::TemplateDictionary& body);
// The header's messages link with the unread count (a core::LayoutHook).
void HeaderCounts(const core::Env& env, const core::Ctx& ctx,
                  ctemplate::TemplateDictionary& layout);

}  // namespace placette::community
