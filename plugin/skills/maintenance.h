// The skills section's part of placette-admin: `tick` (listing expiry) and `check-ledger`
// (hours ledger sums to zero, every exchange balanced, floors respected).
#pragma once

#include <ostream>

#include "plugin/core/config.h"
#include "plugin/core/db.h"

namespace placette::skills {

// Expires listings past their date (owners notified once); prints one line.
void Tick(core::db::Pool& pool, const core::Config& config, std::ostream& out);
// Prints findings (or "hours ledger: ok"); returns the number of problems.
int CheckLedger(core::db::Pool& pool, const core::Config& config, std::ostream& out);

}  // namespace placette::skills
