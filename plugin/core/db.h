// MariaDB access: RAII connection and prepared statements, a pool sized to the workers, and
// transactions that roll back unless committed and are re-run on deadlock or lost connection.
// SQL text is always a constant with `?` placeholders; `{p}` in it stands for the table prefix.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "plugin/core/config.h"

struct st_mysql;
struct st_mysql_stmt;

namespace placette::core::db {

// A failed database call. `code` is the MariaDB error number (ER_* or CR_*).
class DbError : public std::runtime_error {
  public:
    DbError(unsigned code, const std::string& what) : std::runtime_error(what), code_(code) {}
    unsigned code() const { return code_; }
    bool IsDeadlock() const { return code_ == 1213 || code_ == 1205; }
    bool IsConnectionLost() const {
        return code_ == 2006 || code_ == 2013 || code_ == 2002 || code_ == 2003 || code_ == 2055;
    }
    bool IsDuplicateKey() const { return code_ == 1062; }

  private:
    unsigned code_;
};

// The database cannot be reached at all (connect failed); pages answer 503.
struct DbUnavailable : DbError {
    using DbError::DbError;
};

struct Null {};
using Value = std::variant<Null, std::int64_t, std::string>;

// One fetched row; every column is read as text (numbers in decimal) or NULL.
class Row {
  public:
    bool IsNull(std::size_t i) const { return !cells_.at(i).has_value(); }
    const std::string& Str(std::size_t i) const;  // "" for NULL
    std::int64_t Int(std::size_t i) const;        // 0 for NULL; throws on non-numeric text
    std::optional<std::int64_t> OptInt(std::size_t i) const;
    std::size_t size() const { return cells_.size(); }
    std::vector<std::optional<std::string>> cells_;
};

struct Result {
    std::vector<Row> rows;
    std::uint64_t affected = 0;
    std::uint64_t insert_id = 0;
    unsigned warnings = 0;  // of a SELECT: e.g. 1931, LIMIT ROWS EXAMINED reached (rows cut short)
    bool empty() const { return rows.empty(); }
};

class Connection {
  public:
    // Connects (utf8mb4, UTC session time zone, timeouts from cfg); throws DbUnavailable.
    explicit Connection(const DatabaseConfig& cfg);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Prepares (cached by SQL text) and runs `sql` with `params` bound in order. `name` is what
    // logs show for the query. Throws DbError.
    Result Execute(std::string_view name, std::string_view sql,
                   const std::vector<Value>& params = {});
    void Begin();
    void Commit();
    void Rollback() noexcept;
    bool Ping() noexcept;
    bool broken() const { return broken_; }
    const std::string& prefix() const { return prefix_; }

  private:
    struct StmtDeleter {
        void operator()(st_mysql_stmt* s) const noexcept;
    };
    using StmtPtr = std::unique_ptr<st_mysql_stmt, StmtDeleter>;
    st_mysql_stmt* Prepare(std::string_view name, const std::string& sql);
    [[noreturn]] void Fail(std::string_view name, unsigned code, const char* message);

    st_mysql* mysql_ = nullptr;
    std::string prefix_;
    bool broken_ = false;
    bool in_transaction_ = false;  // between Begin() and Commit()/Rollback()
    bool wrote_ = false;           // a statement in the transaction changed rows
    std::unordered_map<std::string, StmtPtr> statements_;
};

class Pool;

// A connection borrowed from the pool; returned (or discarded when broken) on destruction.
class Lease {
  public:
    Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection* operator->() { return conn_.get(); }
    Connection& operator*() { return *conn_; }

  private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
};

class Pool {
  public:
    Pool(DatabaseConfig cfg, std::size_t size);
    // Waits up to `wait_ms` for a free connection, connecting lazily; throws DbUnavailable when
    // the server cannot be reached or the pool stays exhausted.
    Lease Acquire(int wait_ms = 5000);
    void Release(std::unique_ptr<Connection> conn);
    const DatabaseConfig& config() const { return cfg_; }

  private:
    DatabaseConfig cfg_;
    std::size_t size_;
    std::size_t out_ = 0;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::mutex mu_;
    std::condition_variable cv_;
};

// Rolls back on destruction unless Commit() ran.
class Transaction {
  public:
    explicit Transaction(Connection& c) : c_(c) { c_.Begin(); }
    ~Transaction() {
        if (!done_) c_.Rollback();
    }
    void Commit() {
        c_.Commit();
        done_ = true;
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

  private:
    Connection& c_;
    bool done_ = false;
};

// Runs `fn` inside a transaction, committing at the end. On deadlock / lock-wait timeout the
// whole function runs again from BEGIN; on a lost connection it reconnects and runs again; at
// most `attempts` times. `fn` must therefore be re-runnable (no side effects outside the DB).
template <typename F>
auto RunInTransaction(Pool& pool, F&& fn, int attempts = 4)
    -> decltype(fn(std::declval<Connection&>()));

// Like RunInTransaction without the transaction (autocommit reads): re-run once the connection
// was lost, e.g. after a database restart.
template <typename F>
auto Run(Pool& pool, F&& fn, int attempts = 3) -> decltype(fn(std::declval<Connection&>()));

// Replaces each `{p}` in `sql` with the table prefix (validated at config load).
std::string WithPrefix(std::string_view sql, std::string_view prefix);

void SleepBackoff(int attempt);

template <typename F>
auto RunInTransaction(Pool& pool, F&& fn, int attempts)
    -> decltype(fn(std::declval<Connection&>())) {
    for (int attempt = 1;; ++attempt) {
        try {
            Lease lease = pool.Acquire();
            Transaction tx(*lease);
            if constexpr (std::is_void_v<decltype(fn(*lease))>) {
                fn(*lease);
                tx.Commit();
                return;
            } else {
                auto out = fn(*lease);
                tx.Commit();
                return out;
            }
        } catch (const DbError& e) {
            bool retry =
                e.IsDeadlock() || (e.IsConnectionLost() && !dynamic_cast<const DbUnavailable*>(&e));
            if (!retry || attempt >= attempts) throw;
            SleepBackoff(attempt);
        }
    }
}

template <typename F>
auto Run(Pool& pool, F&& fn, int attempts) -> decltype(fn(std::declval<Connection&>())) {
    for (int attempt = 1;; ++attempt) {
        try {
            Lease lease = pool.Acquire();
            return fn(*lease);
        } catch (const DbError& e) {
            bool retry = e.IsConnectionLost() && !dynamic_cast<const DbUnavailable*>(&e);
            if (!retry || attempt >= attempts) throw;
        }
    }
}

}  // namespace placette::core::db
