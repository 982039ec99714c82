// Community pages shared by every section: my space (/me), conversations, public profiles,
// feedback and notifications; also the people recorder and notifier behind core/links.
#pragma once

#include "plugin/core/context.h"

namespace placette::community {

void Register(core::RouteTable& routes);

}  // namespace placette::community
