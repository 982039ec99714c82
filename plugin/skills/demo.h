// Sample skill listings and one completed time-bank exchange for a demonstration
// (placette-admin demo-data); safe to run twice.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::skills {

struct DemoIds {
    std::int64_t listing = 0;   // an offer to start a conversation about
    std::int64_t exchange = 0;  // a completed time-bank exchange (for feedback)
};

// `people` holds at least three citizens. Listings already there (same owner and title) are
// kept; the exchange is made only the first time.
DemoIds LoadDemo(core::db::Pool& pool, const core::Config& config,
                 const std::vector<core::Viewer>& people, std::ostream& out);

}  // namespace placette::skills
