// The exchange section's part of placette-admin: `tick` (item expiry, overdue loans, reminders,
// stale requests) and `check-ledger` (no two blocking loans of one item overlap).
#pragma once

#include <ostream>

#include "plugin/core/config.h"
#include "plugin/core/db.h"

namespace placette::exchange {

void Tick(core::db::Pool& pool, const core::Config& config, std::ostream& out);
// Prints findings (or "loan calendars: ok"); returns the number of problems.
int CheckLedger(core::db::Pool& pool, const core::Config& config, std::ostream& out);

}  // namespace placette::exchange
