// The migrated schema for the skills, exchange and community DB tests: the core migration and
// this part's own (0003) applied under a test prefix (re-created from scratch when one changed),
// this part's tables emptied before each test, and the links registered as the service does.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "plugin/community/service.h"
#include "plugin/core/db.h"
#include "plugin/core/migrate.h"
#include "plugin/exchange/routes.h"
#include "plugin/skills/routes.h"
#include "tests/unit/support/test_db.h"

namespace placette::testing {

inline void DropPrefixed(core::db::Connection& c, const core::DatabaseConfig& cfg) {
    auto tables =
        c.Execute("test.tables",
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                  " AND table_name LIKE ?",
                  {cfg.name, cfg.table_prefix + "%"});
    c.Execute("test.fk_off", "SET FOREIGN_KEY_CHECKS = 0");
    for (const auto& row : tables.rows) {
        // Names come from information_schema, never from input: test-only DDL.
        c.Execute("test.drop", "DROP TABLE IF EXISTS `" + row.Str(0) + "`");
    }
    c.Execute("test.fk_on", "SET FOREIGN_KEY_CHECKS = 1");
}

// A pool on a database where every table of this part is empty.
inline std::unique_ptr<core::db::Pool> FreshSxSchema(const std::string& prefix) {
    core::DatabaseConfig cfg = TestDatabase(prefix);
    {
        core::db::Connection c(cfg);
        std::vector<core::MigrationFile> files;
        for (auto& f : core::ReadMigrations(PLACETTE_SOURCE_SQL_DIR)) {
            if (f.name == "0001_core.sql" || f.name.find("skills_exchange") != std::string::npos) {
                files.push_back(std::move(f));
            }
        }
        try {
            core::Migrate(c, files);
        } catch (const std::exception&) {
            DropPrefixed(c, cfg);
            core::Migrate(c, files);
        }
        for (const char* t : {"people", "skill_listings", "skill_exchanges", "hours_accounts",
                              "hours_ledger", "exchange_items", "exchange_photos", "loans",
                              "conversations", "messages", "feedback", "notifications"}) {
            c.Execute("test.empty", std::string("DELETE FROM {p}") + t);
        }
    }
    community::RegisterCommunityLinks();
    skills::RegisterLinks();
    exchange::RegisterLinks(core::Ini::Parse("", "test"));
    return std::make_unique<core::db::Pool>(cfg, 24);
}

inline core::Viewer Citizen(std::int64_t id, std::string name) {
    core::Viewer v;
    v.user_id = id;
    v.login = "user" + std::to_string(id);
    v.display_name = std::move(name);
    v.session_key = "s" + std::to_string(id);
    return v;
}

inline std::int64_t CountRows(core::db::Pool& pool, const std::string& sql) {
    auto lease = pool.Acquire();
    return lease->Execute("test.count", sql).rows.at(0).Int(0);
}

}  // namespace placette::testing
