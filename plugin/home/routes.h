// The pages that belong to no section: home, health check, language switch, and the error
// pages nginx asks for (e.g. its own 413 for bodies over client_max_body_size).
#pragma once

#include "plugin/core/context.h"

namespace placette::home {

void Register(core::RouteTable& routes);

}  // namespace placette::home
