// Demo people and community data for placette-admin demo-data: the host's demo citizens (alice,
// bruno, chloe…) as viewers, a conversation about a listing and feedback after an exchange.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::community {

// alice, bruno, chloe (and maire) from the WordPress users table named by [host] table_prefix
// (default wp_) when it exists, else fixed ids 3, 4, 5 (and 1).
std::vector<core::Viewer> DemoPeople(core::db::Pool& pool, const core::Config& config);

// A conversation between people[1] and people[0] about `talk` (type, id), and each party's
// feedback on `completed` subjects; only the first time.
void LoadDemo(core::db::Pool& pool, const std::vector<core::Viewer>& people,
              const std::pair<std::string, std::int64_t>& talk,
              const std::vector<std::pair<std::string, std::int64_t>>& completed,
              std::ostream& out);

}  // namespace placette::community
