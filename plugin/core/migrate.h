// Forward-only schema migrations: numbered files `NNNN_name.sql` whose `{p}` stands for the
// table prefix, applied in order under a database lock and recorded with their checksum.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "plugin/core/db.h"

namespace placette::core {

struct MigrationError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MigrationFile {
    int version = 0;
    std::string name;      // file name, e.g. 0001_core.sql
    std::string checksum;  // sha256 hex of the file's bytes
    std::string text;
};

struct MigrationReport {
    std::vector<std::string> applied;  // names applied by this run
    int already = 0;                   // how many were applied before
};

// Reads `dir`'s migration files, sorted by version. Throws MigrationError for a badly named
// file or two files with the same number.
std::vector<MigrationFile> ReadMigrations(const std::string& dir);

// Splits a migration into statements: ends at a line ending with ';'; `--` comment lines
// are dropped.
std::vector<std::string> SplitStatements(const std::string& text);

// Applies what is pending. Throws MigrationError when an applied file was modified or removed,
// or when another migration holds the lock for more than 30 s.
MigrationReport Migrate(db::Connection& conn, const std::vector<MigrationFile>& files);

// Where the migrations are: [database] migrations_dir, else PLACETTE_SQL_DIR, else the
// installed share folder, else the source tree.
std::string MigrationsDir(const Config& config);

}  // namespace placette::core
