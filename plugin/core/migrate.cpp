// Migration runner: lock, bookkeeping table, checksum verification, in-order application.
#include "plugin/core/migrate.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "plugin/core/crypto.h"

namespace placette::core {

namespace fs = std::filesystem;

namespace {
constexpr const char* kCreateBookkeeping =
    "CREATE TABLE IF NOT EXISTS {p}schema_migrations ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(190) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
constexpr const char* kSelectApplied = "SELECT version, name, checksum FROM {p}schema_migrations";
constexpr const char* kInsertApplied =
    "INSERT INTO {p}schema_migrations (version, name, checksum) VALUES (?, ?, ?)";
constexpr const char* kGetLock = "SELECT GET_LOCK(?, 30)";
constexpr const char* kReleaseLock = "SELECT RELEASE_LOCK(?)";

// Holds the named lock for its lifetime.
class MigrationLock {
public:
    MigrationLock(db::Connection& c, std::string name) : c_(c), name_(std::move(name)) {
        db::Result r = c_.Execute("migrate.lock", kGetLock, {name_});
        if (r.empty() || r.rows[0].Str(0) != "1") {
            throw MigrationError("another migration is running (lock " + name_ + " busy for 30 s)");
        }
    }
    ~MigrationLock() {
        try {
            c_.Execute("migrate.unlock", kReleaseLock, {name_});
        } catch (...) {
            // The lock goes with the connection anyway.
        }
    }

private:
    db::Connection& c_;
    std::string name_;
};
}  // namespace

std::vector<MigrationFile> ReadMigrations(const std::string& dir) {
    std::vector<MigrationFile> out;
    if (!fs::is_directory(dir)) throw MigrationError("migrations folder not found: " + dir);
    for (const auto& e : fs::directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
        if (name.size() < 10 || name[4] != '_' ||
            !std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
            throw MigrationError("badly named migration " + name + " (expected NNNN_name.sql)");
        }
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        MigrationFile f{std::stoi(name.substr(0, 4)), name, "", ss.str()};
        f.checksum = Sha256Hex(f.text);
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].version == out[i - 1].version) {
            throw MigrationError("two migrations share number " + std::to_string(out[i].version));
        }
    }
    return out;
}

std::vector<std::string> SplitStatements(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::string_view t = line;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
        if (t.empty() || t.substr(0, 2) == "--") continue;
        if (!current.empty()) current += '\n';
        if (t.back() == ';') {
            current += t.substr(0, t.size() - 1);
            out.push_back(std::move(current));
            current.clear();
        } else {
            current += t;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

MigrationReport Migrate(db::Connection& conn, const std::vector<MigrationFile>& files) {
    MigrationLock lock(conn, "placette_migrate_" + conn.prefix());
    conn.Execute("migrate.bookkeeping", kCreateBookkeeping);
    std::map<int, std::pair<std::string, std::string>> applied;
    for (const db::Row& r : conn.Execute("migrate.applied", kSelectApplied).rows) {
        applied[static_cast<int>(r.Int(0))] = {r.Str(1), r.Str(2)};
    }
    MigrationReport report;
    std::set<int> done;
    for (const MigrationFile& f : files) {
        auto it = applied.find(f.version);
        if (it == applied.end()) continue;
        done.insert(f.version);
        if (it->second.second != f.checksum) {
            throw MigrationError("migration " + f.name + " was modified after it was applied; "
                                 "restore the original file and add a new migration instead");
        }
        ++report.already;
        applied.erase(it);
    }
    if (!applied.empty()) {
        throw MigrationError("the database has migration " + applied.begin()->second.first +
                             " that this version of Placette does not know (downgrade?)");
    }
    for (const MigrationFile& f : files) {
        if (done.count(f.version)) continue;
        for (const std::string& stmt : SplitStatements(f.text)) {
            conn.Execute(f.name, stmt);
        }
        conn.Execute("migrate.record", kInsertApplied, {std::int64_t{f.version}, f.name, f.checksum});
        report.applied.push_back(f.name);
    }
    return report;
}

std::string MigrationsDir(const Config& config) {
    if (auto d = config.ini.Get("database", "migrations_dir"); d && !d->empty()) return *d;
    if (const char* env = std::getenv("PLACETTE_SQL_DIR"); env != nullptr && *env) return env;
    if (fs::is_directory(PLACETTE_INSTALLED_SQL_DIR)) return PLACETTE_INSTALLED_SQL_DIR;
    return PLACETTE_SOURCE_SQL_DIR;
}

}  // namespace placette::core
