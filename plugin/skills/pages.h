// View helpers of the skills section: option lists in the viewer's language, the listing page
// (also re-displayed with the exchange form's errors) and the list's "older" link.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "fcgi/response.h"
#include "plugin/core/choices.h"
#include "plugin/core/context.h"
#include "plugin/core/forms.h"
#include "plugin/core/text.h"
#include "plugin/skills/model.h"

namespace placette::skills {

using Options = std::vector<std::pair<std::string, std::string>>;
Options KindOptions(const core::Env& env, const core::Ctx& ctx);
Options ModeOptions(const core::Env& env, const core::Ctx& ctx);
Options CategoryOptions(const Settings& s, const core::Env& env, const core::Ctx& ctx);
Options NeighbourhoodOptions(const Settings& s, const core::Env& env, const core::Ctx& ctx);
using core::AddOptions;

std::int64_t ParsePositive(std::string_view s);
// The current filters with before=<id>, for the "older listings" link.
std::string NextQuery(const http::Form& query, std::int64_t before);

// The listing page; `errors` are the exchange form's (re-displayed with the submitted values).
http::Response RenderShow(const Settings& s, const core::Env& env, core::Ctx& ctx, std::int64_t id,
                          const core::FieldErrors& errors, int status);

}  // namespace placette::skills
