// placette-admin check-ledger for crowdfunding: runs the invariant queries and prints what holds
// and, for what does not, which campaign, pledge or reward breaks it.
#include "plugin/crowdfunding/admin.h"

#include "plugin/crowdfunding/ledger_check.h"
#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding {

int RunCheckLedger(core::db::Pool& pool, const core::Config&, std::ostream& out) {
    const LedgerReport report =
        core::db::Run(pool, [](core::db::Connection& c) { return CheckLedger(c); });
    out << "crowdfunding ledger: " << report.checks.size() << " checks over " << report.campaigns
        << " campaign(s), " << report.pledges << " pledge(s), " << report.entries << " ledger entr"
        << (report.entries == 1 ? "y" : "ies") << "\n";
    int failed = 0;
    for (const LedgerCheck& c : report.checks) {
        out << (c.ok() ? "  ok      " : "  FAILED  ") << c.name << "\n";
        for (const std::string& p : c.problems) out << "            " << p << "\n";
        if (!c.ok()) ++failed;
    }
    return failed;
}

int RunReindexSearch(core::db::Pool& pool, bool all, std::ostream& out) {
    const std::vector<std::int64_t> ids = core::db::Run(
        pool, [all](core::db::Connection& c) { return repo::CampaignsToIndex(c, all); });
    for (std::int64_t id : ids) {
        core::db::RunInTransaction(
            pool, [id](core::db::Connection& c) { repo::IndexCampaignWords(c, id); });
    }
    out << "search index: " << ids.size() << " campaign(s) indexed"
        << (all           ? " (all)"
            : ids.empty() ? ", none out of date"
                          : " (out of date)")
        << "\n";
    return 0;
}

}  // namespace placette::crowdfunding
