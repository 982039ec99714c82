// Skills maintenance for cron and the webmaster.
#include "plugin/skills/maintenance.h"

#include "plugin/core/clock.h"
#include "plugin/skills/service.h"

namespace placette::skills {

void Tick(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    out << "skill listings expired: " << svc.ExpireListings(core::NowSeconds()) << "\n";
}

int CheckLedger(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    int problems = svc.CheckLedger(out);
    if (problems == 0) out << "hours ledger: ok\n";
    return problems;
}

}  // namespace placette::skills
