// The MariaDB that scripts/test starts, for unit tests that need a real database. A test that
// needs it fails (never skips) when PLACETTE_TEST_DB is not set.
#pragma once

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "plugin/core/config.h"

namespace placette::testing {

// Reads the [database] section of the INI file named by PLACETTE_TEST_DB, with `prefix` as the
// table prefix so each suite has its own tables.
inline core::DatabaseConfig TestDatabase(const std::string& prefix) {
    const char* path = std::getenv("PLACETTE_TEST_DB");
    if (path == nullptr || *path == '\0') {
        throw std::runtime_error("PLACETTE_TEST_DB is not set: run the tests through scripts/test");
    }
    core::Ini ini = core::Ini::Load(path);
    core::DatabaseConfig db;
    db.socket = ini.GetOr("database", "socket", "");
    db.host = ini.GetOr("database", "host", "localhost");
    db.port = static_cast<unsigned>(ini.GetInt("database", "port", 3306, 1, 65535));
    db.name = ini.GetOr("database", "name", "");
    db.user = ini.GetOr("database", "user", "");
    db.password = ini.GetOr("database", "password", "");
    db.table_prefix = prefix;
    return db;
}

}  // namespace placette::testing
