// The crowdfunding parts of placette-admin: check-ledger (every invariant of the spec, readable
// report), demo-data (idempotent sample campaigns) and reindex-search (the campaigns' words). tick
// lives in payment_hooks.h.
#pragma once

#include <ostream>

#include "plugin/core/config.h"
#include "plugin/core/db.h"

namespace placette::crowdfunding {

// Prints one line per check (and per record breaking it); returns the number of failed checks.
int RunCheckLedger(core::db::Pool& pool, const core::Config& config, std::ostream& out);
// Loads the demo campaigns that are not there yet; prints how many. Returns 0.
int RunDemoData(core::db::Pool& pool, const core::Config& config, std::ostream& out);
// Indexes again the words of every campaign whose index entries are missing or stale (written or
// changed other than through Placette), or of every published campaign (`all`). Returns 0.
int RunReindexSearch(core::db::Pool& pool, bool all, std::ostream& out);

}  // namespace placette::crowdfunding
