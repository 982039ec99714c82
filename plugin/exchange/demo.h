// Sample items (some with a photo) and loans for a demonstration (placette-admin demo-data);
// safe to run twice.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::exchange {

struct DemoIds {
    std::int64_t item = 0;           // a lendable item to start a conversation about
    std::int64_t returned_loan = 0;  // a returned loan (for feedback)
};

// `people` holds at least three citizens. Items already there (same owner and title) are kept;
// the loans are made only the first time.
DemoIds LoadDemo(core::db::Pool& pool, const core::Config& config,
                 const std::vector<core::Viewer>& people, std::ostream& out);

}  // namespace placette::exchange
