// Staff pages (moderators and administrators of the host site): the entry page of moderation.
// The moderation queue, calls, sponsors, statistics and exports join it with their sections.
#pragma once

#include "plugin/core/context.h"

namespace placette::staff {

void Register(core::RouteTable& routes);

}  // namespace placette::staff
