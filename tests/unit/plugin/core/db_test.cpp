// The MariaDB layer against the real server: binding, NULLs, long values, rollback unless
// committed, duplicate keys, deadlock retry, and the pool.
#include "plugin/core/db.h"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "plugin/core/read_cache.h"
#include "tests/unit/support/test_db.h"

using namespace placette::core;

class DbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DbTest);
    CPPUNIT_TEST(BindsAndFetchesTypes);
    CPPUNIT_TEST(FetchesLongValues);
    CPPUNIT_TEST(RollsBackUnlessCommitted);
    CPPUNIT_TEST(DuplicateKeyIsRecognised);
    CPPUNIT_TEST(RetriesAfterDeadlock);
    CPPUNIT_TEST(PoolReusesConnections);
    CPPUNIT_TEST(UnreachableServerIsUnavailable);
    CPPUNIT_TEST(StatementAbortedMidResultRunsAgain);
    CPPUNIT_TEST(WarningsAreCounted);
    CPPUNIT_TEST(CommittedWritesAreCounted);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        cfg_ = placette::testing::TestDatabase("dbt_");
        pool_ = std::make_unique<db::Pool>(cfg_, 4);
        auto l = pool_->Acquire();
        l->Execute("t", "DROP TABLE IF EXISTS {p}t");
        l->Execute("t",
                   "CREATE TABLE {p}t (id INT PRIMARY KEY, name MEDIUMTEXT NULL, n BIGINT NULL) "
                   "ENGINE=InnoDB");
    }
    void tearDown() override {
        if (!pool_) return;  // setUp failed (no test database): already reported
        pool_->Acquire()->Execute("t", "DROP TABLE IF EXISTS {p}t");
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    // A sort that LIMIT ROWS EXAMINED aborts fails with 1028; the same statement, executed again
    // on the same connection, must fail (or answer) again at once, not wait for the rest of the
    // first result (the client library did, until its 30-second read timeout).
    void StatementAbortedMidResultRunsAgain() {
        auto l = pool_->Acquire();
        l->Execute("ins", "INSERT INTO {p}t (id, n) SELECT seq, seq % 7 FROM seq_1_to_200");
        const char* sorted =
            "SELECT id FROM {p}t WHERE n >= ? ORDER BY n DESC, id LIMIT 3 ROWS EXAMINED 50";
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            try {
                l->Execute("sorted", sorted, {std::int64_t{0}});
                CPPUNIT_FAIL("the bound aborts the sort");
            } catch (const db::DbError& e) {
                CPPUNIT_ASSERT_EQUAL(1028u, e.code());
            }
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t{200},
                             l->Execute("count", "SELECT COUNT(*) FROM {p}t").rows[0].Int(0));
    }

    void WarningsAreCounted() {
        auto l = pool_->Acquire();
        l->Execute("ins", "INSERT INTO {p}t (id, n) SELECT seq, seq FROM seq_1_to_100");
        const char* bounded =
            "SELECT id FROM {p}t WHERE n > ? ORDER BY id LIMIT 20 ROWS EXAMINED 30";
        db::Result cut = l->Execute("bounded", bounded, {std::int64_t{90}});
        CPPUNIT_ASSERT(cut.rows.empty());  // 30 rows read, none of them over 90: cut short
        CPPUNIT_ASSERT(cut.warnings != 0);
        db::Result whole = l->Execute("bounded", bounded, {std::int64_t{0}});
        CPPUNIT_ASSERT_EQUAL(std::size_t{20}, whole.rows.size());
        CPPUNIT_ASSERT_EQUAL(0u, whole.warnings);
    }

    // The read caches dropped on any write (core/read_cache.h) rely on this count: a change made
    // outside a transaction counts at once, one inside a transaction when it commits (not
    // before, so that a cache loading meanwhile is not kept), a rolled-back one or a read never.
    void CommittedWritesAreCounted() {
        auto l = pool_->Acquire();
        const std::uint64_t start = CommittedWrites();
        l->Execute("ins", "INSERT INTO {p}t (id, n) VALUES (1, 1)");
        CPPUNIT_ASSERT_EQUAL(start + 1, CommittedWrites());
        l->Execute("sel", "SELECT id FROM {p}t WHERE id = 1");
        l->Execute("none", "UPDATE {p}t SET n = 2 WHERE id = 99");  // no row changed
        CPPUNIT_ASSERT_EQUAL(start + 1, CommittedWrites());
        {
            db::Transaction tx(*l);
            l->Execute("upd", "UPDATE {p}t SET n = 3 WHERE id = 1");
            l->Execute("ins", "INSERT INTO {p}t (id, n) VALUES (2, 2)");
            CPPUNIT_ASSERT_EQUAL(start + 1, CommittedWrites());  // not committed yet
            tx.Commit();
        }
        CPPUNIT_ASSERT_EQUAL(start + 2, CommittedWrites());
        {
            db::Transaction tx(*l);
            l->Execute("upd", "UPDATE {p}t SET n = 4 WHERE id = 1");
        }  // rolled back
        {
            db::Transaction tx(*l);
            l->Execute("sel", "SELECT n FROM {p}t WHERE id = 1 FOR UPDATE");
            tx.Commit();  // a transaction that only read
        }
        CPPUNIT_ASSERT_EQUAL(start + 2, CommittedWrites());
        l->Execute("ins", "INSERT INTO {p}t (id, n) VALUES (3, 3)");  // autocommit again
        CPPUNIT_ASSERT_EQUAL(start + 3, CommittedWrites());
    }

    void BindsAndFetchesTypes() {
        auto l = pool_->Acquire();
        db::Result ins =
            l->Execute("ins", "INSERT INTO {p}t VALUES (?, ?, ?)",
                       {std::int64_t{1}, std::string("Chlo\xC3\xA9 'quote'"), db::Null{}});
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, ins.affected);
        db::Result r = l->Execute("sel", "SELECT id, name, n FROM {p}t WHERE name = ?",
                                  {std::string("Chlo\xC3\xA9 'quote'")});
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.rows.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.rows[0].Int(0));
        CPPUNIT_ASSERT_EQUAL(std::string("Chlo\xC3\xA9 'quote'"), r.rows[0].Str(1));
        CPPUNIT_ASSERT(r.rows[0].IsNull(2));
        CPPUNIT_ASSERT(!r.rows[0].OptInt(2));
    }

    void FetchesLongValues() {
        auto l = pool_->Acquire();
        std::string big(100000, 'x');
        l->Execute("ins", "INSERT INTO {p}t VALUES (2, ?, 9007199254740993)", {big});
        db::Result r = l->Execute("sel", "SELECT name, n FROM {p}t WHERE id = 2");
        CPPUNIT_ASSERT_EQUAL(big, r.rows[0].Str(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{9007199254740993LL}, r.rows[0].Int(1));
    }

    void RollsBackUnlessCommitted() {
        {
            auto l = pool_->Acquire();
            db::Transaction tx(*l);
            l->Execute("ins", "INSERT INTO {p}t (id) VALUES (3)");
        }
        auto l = pool_->Acquire();
        CPPUNIT_ASSERT(l->Execute("sel", "SELECT id FROM {p}t WHERE id = 3").empty());
        db::RunInTransaction(*pool_, [](db::Connection& c) {
            c.Execute("ins", "INSERT INTO {p}t (id) VALUES (4)");
        });
        CPPUNIT_ASSERT(!l->Execute("sel", "SELECT id FROM {p}t WHERE id = 4").empty());
    }

    void DuplicateKeyIsRecognised() {
        auto l = pool_->Acquire();
        l->Execute("ins", "INSERT INTO {p}t (id) VALUES (5)");
        try {
            l->Execute("ins", "INSERT INTO {p}t (id) VALUES (5)");
            CPPUNIT_FAIL("expected a duplicate key");
        } catch (const db::DbError& e) {
            CPPUNIT_ASSERT(e.IsDuplicateKey());
        }
    }

    void RetriesAfterDeadlock() {
        {
            auto l = pool_->Acquire();
            l->Execute("ins", "INSERT INTO {p}t (id, n) VALUES (10, 0), (11, 0)");
        }
        // Two transactions lock the rows in opposite orders; the server kills one, which re-runs.
        std::atomic<int> runs{0};
        auto worker = [&](int first, int second) {
            db::RunInTransaction(*pool_, [&](db::Connection& c) {
                ++runs;
                c.Execute("a", "UPDATE {p}t SET n = n + 1 WHERE id = ?", {std::int64_t{first}});
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                c.Execute("b", "UPDATE {p}t SET n = n + 1 WHERE id = ?", {std::int64_t{second}});
            });
        };
        std::thread a(worker, 10, 11), b(worker, 11, 10);
        a.join();
        b.join();
        auto l = pool_->Acquire();
        db::Result r = l->Execute("sel", "SELECT SUM(n) FROM {p}t WHERE id IN (10, 11)");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, r.rows[0].Int(0));
        CPPUNIT_ASSERT(runs.load() >= 3);
    }

    void PoolReusesConnections() {
        std::string first_id, second_id;
        {
            auto l = pool_->Acquire();
            first_id = l->Execute("id", "SELECT CONNECTION_ID()").rows[0].Str(0);
        }
        {
            auto l = pool_->Acquire();
            second_id = l->Execute("id", "SELECT CONNECTION_ID()").rows[0].Str(0);
        }
        CPPUNIT_ASSERT_EQUAL(first_id, second_id);
    }

    void UnreachableServerIsUnavailable() {
        DatabaseConfig bad = cfg_;
        bad.socket = "/nonexistent/socket";
        bad.host = "localhost";
        CPPUNIT_ASSERT_THROW(db::Connection c(bad), db::DbUnavailable);
    }

  private:
    DatabaseConfig cfg_;
    std::unique_ptr<db::Pool> pool_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DbTest, "core");
