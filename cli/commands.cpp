// Command dispatch for placette-admin: each command loads the configuration, does its work and
// prints a short report a webmaster can read in a cron mail.
#include "cli/commands.h"

#include <algorithm>
#include <functional>
#include <map>

#include "plugin/community/demo.h"
#include "plugin/community/service.h"
#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/core/migrate.h"
#include "plugin/crowdfunding/admin.h"
#include "plugin/crowdfunding/payment_hooks.h"
#include "plugin/crowdfunding/routes.h"
#include "plugin/exchange/demo.h"
#include "plugin/exchange/maintenance.h"
#include "plugin/exchange/routes.h"
#include "plugin/host/adapter.h"
#include "plugin/skills/demo.h"
#include "plugin/skills/maintenance.h"
#include "plugin/skills/routes.h"

namespace placette::cli {

namespace {
using Command = std::function<int(core::Config&, const std::vector<std::string>&, std::ostream&)>;

struct CommandInfo {
    const char* summary;
    Command run;
};

constexpr unsigned kCheckReadTimeoutS = 3600;  // check-ledger's wait for one statement

int CmdMigrate(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    const std::string dir = core::MigrationsDir(config);
    auto files = core::ReadMigrations(dir);
    core::db::Connection conn(config.db);
    core::MigrationReport r = core::Migrate(conn, files);
    if (r.applied.empty()) {
        out << "Database is up to date (" << r.already << " migrations applied); nothing to do.\n";
        return 0;
    }
    for (const auto& name : r.applied) out << "applied " << name << "\n";
    out << "Applied " << r.applied.size() << " migration(s); " << (r.already + r.applied.size())
        << " in total.\n";
    // The campaigns' word index (0010) holds what Placette wrote; fill it for campaigns that
    // were there before it, or written since by other means.
    core::db::Pool pool(config.db, 1);
    return crowdfunding::RunReindexSearch(pool, false, out);
}

int CmdReindexSearch(core::Config& config, const std::vector<std::string>& args,
                     std::ostream& out) {
    const bool all = args.size() > 1 && args[1] == "--all";
    if (args.size() > 2 || (args.size() == 2 && !all)) {
        out << "Usage: placette-admin reindex-search [--all]\n";
        return 2;
    }
    core::db::Pool pool(config.db, 1);
    return crowdfunding::RunReindexSearch(pool, all, out);
}

int CmdCheckConfig(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    auto host = host::MakeHostAdapter(config);
    core::db::Connection conn(config.db);
    conn.Execute("check.ping", "SELECT 1");
    out << "Configuration is valid; host adapter: " << host->name() << "; database reachable.\n";
    return 0;
}

// What the sections register with core/links when the service starts (notifications, names,
// subjects), so that maintenance commands behave like the web pages.
void RegisterSectionLinks(const core::Config& config) {
    community::RegisterCommunityLinks();
    skills::RegisterLinks();
    exchange::RegisterLinks(config.ini);
    crowdfunding::RegisterLinks();
}

int CmdTick(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    RegisterSectionLinks(config);
    core::db::Pool pool(config.db, 2);
    skills::Tick(pool, config, out);
    exchange::Tick(pool, config, out);
    crowdfunding::RunTick(pool, config, out);  // closes campaigns, expiries, provider refunds
    crowdfunding::RunReindexSearch(pool, false, out);  // campaigns written by other means
    return 0;
}

int CmdReconcile(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    core::db::Pool pool(config.db, 2);
    return crowdfunding::RunReconcile(pool, config, out);
}

int CmdCheckLedger(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    // Each check reads a whole table (two million pledges: over 30 s on a slow day), so this
    // command waits longer for an answer than a page may: an hour, unless read_timeout says more.
    core::DatabaseConfig db = config.db;
    db.read_timeout_s = std::max(db.read_timeout_s, kCheckReadTimeoutS);
    core::db::Pool pool(db, 2);
    int problems = skills::CheckLedger(pool, config, out);
    problems += exchange::CheckLedger(pool, config, out);
    problems += crowdfunding::RunCheckLedger(pool, config, out);
    out << (problems == 0 ? "All ledgers are consistent.\n" : "Problems found: ");
    if (problems != 0) out << problems << "\n";
    return problems == 0 ? 0 : 1;
}

// Skill listings, items, loans, a conversation and feedback for the demo citizens.
int LoadSkillsExchangeDemo(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    RegisterSectionLinks(config);
    auto people = community::DemoPeople(pool, config);
    skills::DemoIds skill = skills::LoadDemo(pool, config, people, out);
    exchange::DemoIds items = exchange::LoadDemo(pool, config, people, out);
    community::LoadDemo(pool, people, {"skill", skill.listing},
                        {{"skill_exchange", skill.exchange}, {"loan", items.returned_loan}}, out);
    return 0;
}

int CmdDemoData(core::Config& config, const std::vector<std::string>&, std::ostream& out) {
    core::db::Pool pool(config.db, 2);
    int rc = crowdfunding::RunDemoData(pool, config, out);
    rc = LoadSkillsExchangeDemo(pool, config, out) == 0 ? rc : 1;
    return rc;
}

const std::map<std::string, CommandInfo>& Commands() {
    static const std::map<std::string, CommandInfo> kCommands = {
        {"migrate", {"apply pending database migrations (safe to run twice)", CmdMigrate}},
        {"check-config", {"validate the configuration and reach the database", CmdCheckConfig}},
        {"tick", {"periodic work for cron: expiries, overdue loans, reminders", CmdTick}},
        {"reconcile",
         {"ask the payment provider about pledges pending too long and apply its answer",
          CmdReconcile}},
        {"check-ledger",
         {"verify the ledgers (hours, loan calendars, crowdfunding money); exit 1 on a problem",
          CmdCheckLedger}},
        {"reindex-search",
         {"index the words of campaigns written or changed other than through Placette "
          "(--all: every campaign)",
          CmdReindexSearch}},
        {"demo-data",
         {"load sample campaigns, skills, items and loans for a demonstration (safe to run twice)",
          CmdDemoData}},
    };
    return kCommands;
}
}  // namespace

void PrintHelp(std::ostream& out) {
    out << "Usage: placette-admin [--config FILE] COMMAND [ARGS]\n"
           "The configuration defaults to /etc/placette/placette.ini.\n\nCommands:\n";
    for (const auto& [name, info] : Commands()) {
        out << "  " << name << std::string(name.size() < 16 ? 16 - name.size() : 1, ' ')
            << info.summary << "\n";
    }
}

int Run(const std::string& config_path, const std::vector<std::string>& args, std::ostream& out,
        std::ostream& err) {
    auto it = Commands().find(args[0]);
    if (it == Commands().end()) {
        err << "placette-admin: unknown command '" << args[0] << "' (see --help)\n";
        return 2;
    }
    try {
        core::Config config = core::Config::Load(config_path);
        return it->second.run(config, args, out);
    } catch (const std::exception& e) {
        err << "placette-admin " << args[0] << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace placette::cli
