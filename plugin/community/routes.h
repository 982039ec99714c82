// Community pages shared by every section; for now "my space" (/me), which shows who Placette
// thinks the viewer is. Conversations, follows and reports join it later.
#pragma once

#include "plugin/core/context.h"

namespace placette::community {

void Register(core::RouteTable& routes);

}  // namespace placette::community
