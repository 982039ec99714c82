// Exchange maintenance for cron and the webmaster.
#include "plugin/exchange/maintenance.h"

#include "plugin/core/clock.h"
#include "plugin/exchange/service.h"

namespace placette::exchange {

void Tick(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    TickReport r = svc.Tick(core::NowSeconds());
    out << "exchange items expired: " << r.expired << "\n"
        << "loans overdue: " << r.overdue << "\n"
        << "loan reminders: " << r.reminders << "\n"
        << "stale loan requests cancelled: " << r.stale << "\n";
}

int CheckLedger(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    int problems = svc.CheckCalendars(out);
    if (problems == 0) out << "loan calendars: ok\n";
    return problems;
}

}  // namespace placette::exchange
