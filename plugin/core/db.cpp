// MariaDB Connector/C behind RAII types: statements are prepared once per connection and
// every column is fetched as text through mysql_stmt_fetch_column, whatever its length.
#include "plugin/core/db.h"

#include <mysql.h>

#include <charconv>
#include <chrono>
#include <thread>

#include "plugin/core/active_workers.h"
#include "plugin/core/log.h"
#include "plugin/core/read_cache.h"

namespace placette::core::db {

namespace {
const std::string kEmpty;

bool IsClientError(unsigned code) { return code >= 2000 && code < 3000; }
}  // namespace

const std::string& Row::Str(std::size_t i) const {
    const auto& c = cells_.at(i);
    return c ? *c : kEmpty;
}

std::int64_t Row::Int(std::size_t i) const {
    const auto& c = cells_.at(i);
    if (!c) return 0;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
    if (ec != std::errc{} || p != c->data() + c->size())
        throw DbError(0, "column is not an integer");
    return v;
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
}

std::string WithPrefix(std::string_view sql, std::string_view prefix) {
    std::string out;
    out.reserve(sql.size() + 32);
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '{' && i + 2 < sql.size() && sql[i + 1] == 'p' && sql[i + 2] == '}') {
            out += prefix;
            i += 2;
        } else {
            out += sql[i];
        }
    }
    return out;
}

void SleepBackoff(int attempt) {
    BlockingSection waiting;
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * (1 << std::min(attempt, 6))));
}

void Connection::StmtDeleter::operator()(st_mysql_stmt* s) const noexcept {
    if (s != nullptr) mysql_stmt_close(s);
}

Connection::Connection(const DatabaseConfig& cfg) : prefix_(cfg.table_prefix) {
    mysql_ = mysql_init(nullptr);
    if (mysql_ == nullptr) throw DbUnavailable(2008, "mysql_init: out of memory");
    unsigned ct = cfg.connect_timeout_s, rt = cfg.read_timeout_s;
    mysql_optionsv(mysql_, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
    mysql_optionsv(mysql_, MYSQL_OPT_READ_TIMEOUT, &rt);
    mysql_optionsv(mysql_, MYSQL_OPT_WRITE_TIMEOUT, &rt);
    mysql_optionsv(mysql_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_optionsv(mysql_, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
    const char* socket = cfg.socket.empty() ? nullptr : cfg.socket.c_str();
    // Every wait for the server is a BlockingSection (active_workers.h).
    if (WhileWaiting([&] {
            return mysql_real_connect(mysql_, cfg.host.c_str(), cfg.user.c_str(),
                                      cfg.password.c_str(), cfg.name.c_str(), cfg.port, socket, 0);
        }) == nullptr) {
        unsigned code = mysql_errno(mysql_);
        std::string msg = mysql_error(mysql_);
        mysql_close(mysql_);
        mysql_ = nullptr;
        throw DbUnavailable(code, "connect: " + msg);
    }
}

Connection::~Connection() {
    statements_.clear();
    if (mysql_ != nullptr) mysql_close(mysql_);
}

void Connection::Fail(std::string_view name, unsigned code, const char* message) {
    if (IsClientError(code)) broken_ = true;
    throw DbError(code, std::string(name) + ": " + message);
}

st_mysql_stmt* Connection::Prepare(std::string_view name, const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second.get();
    StmtPtr stmt(mysql_stmt_init(mysql_));
    if (!stmt) Fail(name, mysql_errno(mysql_), "mysql_stmt_init failed");
    if (WhileWaiting([&] { return mysql_stmt_prepare(stmt.get(), sql.data(), sql.size()); }) != 0) {
        Fail(name, mysql_stmt_errno(stmt.get()), mysql_stmt_error(stmt.get()));
    }
    st_mysql_stmt* raw = stmt.get();
    statements_.emplace(sql, std::move(stmt));
    return raw;
}

namespace {
// Binds the parameters; `ints` and `lens` keep the bound storage alive during execute.
void BindParams(MYSQL_STMT* stmt, const std::vector<Value>& params, std::vector<MYSQL_BIND>& binds,
                std::vector<long long>& ints, std::vector<unsigned long>& lens) {
    binds.assign(params.size(), MYSQL_BIND{});
    ints.assign(params.size(), 0);
    lens.assign(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
        MYSQL_BIND& b = binds[i];
        if (std::holds_alternative<Null>(params[i])) {
            b.buffer_type = MYSQL_TYPE_NULL;
        } else if (auto* n = std::get_if<std::int64_t>(&params[i])) {
            ints[i] = *n;
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.buffer = &ints[i];
        } else {
            const std::string& s = std::get<std::string>(params[i]);
            lens[i] = s.size();
            b.buffer_type = MYSQL_TYPE_STRING;
            b.buffer = const_cast<char*>(s.data());
            b.buffer_length = s.size();
            b.length = &lens[i];
        }
    }
    if (!params.empty()) mysql_stmt_bind_param(stmt, binds.data());
}
}  // namespace

Result Connection::Execute(std::string_view name, std::string_view sql_template,
                           const std::vector<Value>& params) {
    const std::string sql = WithPrefix(sql_template, prefix_);
    MYSQL_STMT* stmt = Prepare(name, sql);
    if (mysql_stmt_param_count(stmt) != params.size()) {
        throw DbError(0, std::string(name) + ": wrong number of parameters");
    }
    std::vector<MYSQL_BIND> binds;
    std::vector<long long> ints;
    std::vector<unsigned long> lens;
    BindParams(stmt, params, binds, ints, lens);
    // A statement that failed is closed, not kept: after an error in the middle of its result
    // (say LIMIT ROWS EXAMINED aborting a sort) the client library would, at its next execution,
    // wait for the rest of a result the server never sends.
    auto fail = [&](bool free_result) {
        const unsigned code = mysql_stmt_errno(stmt);
        const std::string msg = mysql_stmt_error(stmt);
        if (free_result) mysql_stmt_free_result(stmt);
        statements_.erase(sql);
        Fail(name, code, msg.c_str());
    };
    if (WhileWaiting([&] { return mysql_stmt_execute(stmt); }) != 0) fail(false);

    Result result;
    MYSQL_RES* meta = mysql_stmt_result_metadata(stmt);
    if (meta == nullptr) {
        result.affected = mysql_stmt_affected_rows(stmt);
        result.insert_id = mysql_stmt_insert_id(stmt);
        if (result.affected != 0) {  // a change: the caches of core/read_cache.h count it
            if (in_transaction_)
                wrote_ = true;  // once committed
            else
                NoteCommittedWrite();
        }
        return result;
    }
    const unsigned ncols = mysql_num_fields(meta);
    mysql_free_result(meta);
    std::vector<MYSQL_BIND> out(ncols, MYSQL_BIND{});
    std::vector<std::string> bufs(ncols, std::string(256, '\0'));
    std::vector<unsigned long> out_lens(ncols, 0);
    std::vector<my_bool> nulls(ncols, 0), errs(ncols, 0);
    for (unsigned i = 0; i < ncols; ++i) {
        out[i].buffer_type = MYSQL_TYPE_STRING;
        out[i].buffer = bufs[i].data();
        out[i].buffer_length = bufs[i].size();
        out[i].length = &out_lens[i];
        out[i].is_null = &nulls[i];
        out[i].error = &errs[i];
    }
    if (mysql_stmt_bind_result(stmt, out.data()) != 0 ||
        WhileWaiting([&] { return mysql_stmt_store_result(stmt); }) != 0)
        fail(true);
    for (;;) {
        int rc = mysql_stmt_fetch(stmt);
        if (rc == MYSQL_NO_DATA) break;
        if (rc == 1) fail(true);
        Row row;
        row.cells_.resize(ncols);
        for (unsigned i = 0; i < ncols; ++i) {
            if (nulls[i]) continue;
            if (out_lens[i] <= bufs[i].size()) {
                row.cells_[i].emplace(bufs[i].data(), out_lens[i]);
                continue;
            }
            std::string big(out_lens[i], '\0');
            MYSQL_BIND col{};
            unsigned long got = 0;
            col.buffer_type = MYSQL_TYPE_STRING;
            col.buffer = big.data();
            col.buffer_length = big.size();
            col.length = &got;
            mysql_stmt_fetch_column(stmt, &col, i, 0);
            row.cells_[i] = std::move(big);
        }
        result.rows.push_back(std::move(row));
    }
    result.affected = result.rows.size();
    result.warnings = mysql_warning_count(mysql_);
    mysql_stmt_free_result(stmt);
    return result;
}

// Connections stay in autocommit mode; a transaction is an explicit START TRANSACTION … COMMIT,
// two round trips (switching autocommit off and on again around it took three).
void Connection::Begin() {
    static constexpr std::string_view kStart = "START TRANSACTION";
    BlockingSection waiting;
    if (mysql_real_query(mysql_, kStart.data(), kStart.size()) != 0)
        Fail("begin", mysql_errno(mysql_), mysql_error(mysql_));
    in_transaction_ = true;
    wrote_ = false;
}

void Connection::Commit() {
    BlockingSection waiting;
    const bool failed = mysql_commit(mysql_) != 0;
    // Counted after the commit, so that a read cache loading from then on sees the change; also
    // when the commit failed, since a lost connection leaves its outcome unknown.
    if (wrote_) NoteCommittedWrite();
    in_transaction_ = wrote_ = false;
    if (failed) Fail("commit", mysql_errno(mysql_), mysql_error(mysql_));
}

void Connection::Rollback() noexcept {
    in_transaction_ = wrote_ = false;
    BlockingSection waiting;
    if (mysql_rollback(mysql_) != 0) {
        if (IsClientError(mysql_errno(mysql_))) broken_ = true;
        LogWarn("msg=\"rollback failed\" code=" + std::to_string(mysql_errno(mysql_)));
        broken_ = true;
    }
}

bool Connection::Ping() noexcept {
    BlockingSection waiting;
    if (mysql_ping(mysql_) != 0) {
        broken_ = true;
        return false;
    }
    return true;
}

Lease::~Lease() {
    if (pool_ != nullptr && conn_) pool_->Release(std::move(conn_));
}

Pool::Pool(DatabaseConfig cfg, std::size_t size) : cfg_(std::move(cfg)), size_(size) {}

Lease Pool::Acquire(int wait_ms) {
    auto available = [this] { return !idle_.empty() || out_ < size_; };
    std::unique_lock lock(mu_);
    if (!available()) {
        BlockingSection waiting;
        if (!cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), available))
            throw DbUnavailable(2013, "connection pool exhausted");
    }
    ++out_;
    if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(conn));
    }
    lock.unlock();
    try {
        return Lease(this, std::make_unique<Connection>(cfg_));
    } catch (...) {
        lock.lock();
        --out_;
        cv_.notify_one();
        throw;
    }
}

void Pool::Release(std::unique_ptr<Connection> conn) {
    std::lock_guard lock(mu_);
    --out_;
    if (conn->broken()) {
        // A lost connection usually means the server restarted: drop the idle ones too.
        idle_.clear();
    } else {
        idle_.push_back(std::move(conn));
    }
    cv_.notify_one();
}

}  // namespace placette::core::db
