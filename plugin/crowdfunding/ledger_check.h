// The ledger invariants of the spec, checked straight on the tables: totals shown equal the
// ledger, one payment / one refund entry per pledge, rewards within limits, pledged within caps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plugin/core/db.h"

namespace placette::crowdfunding {

struct LedgerCheck {
    std::string name;                   // what must hold, in words
    std::vector<std::string> problems;  // one line per record that breaks it
    bool ok() const { return problems.empty(); }
};

struct LedgerReport {
    std::vector<LedgerCheck> checks;
    std::int64_t campaigns = 0, pledges = 0, entries = 0;
    bool ok() const;
};

// Runs every check (read-only, one consistent snapshot).
LedgerReport CheckLedger(core::db::Connection& c);

}  // namespace placette::crowdfunding
