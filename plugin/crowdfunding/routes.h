// The crowdfunding section's entry point: its URLs (spec/routes.md) and its blocks on the home
// page, "my space" and the staff home. Throws core::ConfigError when [crowdfunding] is invalid.
#pragma once

#include "plugin/core/config.h"
#include "plugin/core/context.h"

namespace placette::crowdfunding {

void Register(core::RouteTable& routes, const core::Config& config);
// What the section offers other sections through core/links (the "need" subject); Register
// calls it.
void RegisterLinks();

}  // namespace placette::crowdfunding
