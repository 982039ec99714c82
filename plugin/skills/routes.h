// The skills section's URL table, blocks, and its links for other sections (conversation and
// feedback subjects, offers for crowdfunding needs).
#pragma once

#include "plugin/core/config.h"
#include "plugin/core/context.h"

namespace placette::skills {

// Reads [skills] settings (throws core::ConfigError) and registers routes, blocks and links.
void Register(core::RouteTable& routes, const core::Config& config);
// Only the links (subjects "skill" and "skill_exchange", offerables "skill"); used by Register and
// tests.
void RegisterLinks();

}  // namespace placette::skills
