// The exchange section's URL table, blocks, and its links for other sections (conversation and
// feedback subjects, lendable items for crowdfunding needs, loan requests for a need's dates).
#pragma once

#include "plugin/core/config.h"
#include "plugin/core/context.h"

namespace placette::exchange {

// Reads [exchange] settings (throws core::ConfigError) and registers routes, blocks and links.
void Register(core::RouteTable& routes, const core::Config& config);
// Only the links (subjects "item", "item_done", "loan"; offerables "item"; the loan requester).
void RegisterLinks(const core::Ini& ini);

}  // namespace placette::exchange
