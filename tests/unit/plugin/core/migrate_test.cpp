// Migrations against the real MariaDB: apply in order, second run is a no-op, a modified
// applied file is refused, statement splitting.
#include "plugin/core/migrate.h"

#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "plugin/core/db.h"
#include "tests/unit/support/test_db.h"

using namespace placette::core;
namespace fs = std::filesystem;

class MigrateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MigrateTest);
    CPPUNIT_TEST(SplitsStatementsAndDropsComments);
    CPPUNIT_TEST(BadFileNameRefused);
    CPPUNIT_TEST(AppliesThenSecondRunIsNoOp);
    CPPUNIT_TEST(ModifiedAppliedFileRefused);
    CPPUNIT_TEST(ProjectMigrationsApplyCleanly);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        dir_ = fs::temp_directory_path() / ("placette_mig_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        conn_ = std::make_unique<db::Connection>(placette::testing::TestDatabase("mgt_"));
        DropAll();
    }
    void tearDown() override {
        DropAll();
        fs::remove_all(dir_);
    }

    void SplitsStatementsAndDropsComments() {
        auto s =
            SplitStatements("-- c\nCREATE TABLE a (\n  x INT\n);\n\nINSERT INTO a VALUES (1);\n");
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, s.size());
        CPPUNIT_ASSERT_EQUAL(std::string("CREATE TABLE a (\nx INT\n)"), s[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("INSERT INTO a VALUES (1)"), s[1]);
    }

    void BadFileNameRefused() {
        Write("1_bad.sql", "SELECT 1;");
        CPPUNIT_ASSERT_THROW(ReadMigrations(dir_.string()), MigrationError);
    }

    void AppliesThenSecondRunIsNoOp() {
        Write("0001_one.sql", "CREATE TABLE {p}one (id INT PRIMARY KEY);\n");
        Write("0002_two.sql",
              "CREATE TABLE {p}two (id INT PRIMARY KEY);\nINSERT INTO {p}two VALUES (7);\n");
        MigrationReport first = Migrate(*conn_, ReadMigrations(dir_.string()));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, first.applied.size());
        CPPUNIT_ASSERT_EQUAL(std::string("0001_one.sql"), first.applied[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("7"),
                             conn_->Execute("t", "SELECT id FROM {p}two").rows.at(0).Str(0));
        MigrationReport second = Migrate(*conn_, ReadMigrations(dir_.string()));
        CPPUNIT_ASSERT(second.applied.empty());
        CPPUNIT_ASSERT_EQUAL(2, second.already);
        Write("0003_three.sql", "CREATE TABLE {p}three (id INT PRIMARY KEY);\n");
        MigrationReport third = Migrate(*conn_, ReadMigrations(dir_.string()));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, third.applied.size());
    }

    void ModifiedAppliedFileRefused() {
        Write("0001_one.sql", "CREATE TABLE {p}one (id INT PRIMARY KEY);\n");
        Migrate(*conn_, ReadMigrations(dir_.string()));
        Write("0001_one.sql", "CREATE TABLE {p}one (id BIGINT PRIMARY KEY);\n");
        CPPUNIT_ASSERT_THROW(Migrate(*conn_, ReadMigrations(dir_.string())), MigrationError);
    }

    void ProjectMigrationsApplyCleanly() {
        auto files = ReadMigrations(std::string(PLACETTE_SOURCE_DIR) + "/sql/migrations");
        CPPUNIT_ASSERT(!files.empty());
        MigrationReport r = Migrate(*conn_, files);
        CPPUNIT_ASSERT_EQUAL(files.size(), r.applied.size());
        CPPUNIT_ASSERT(Migrate(*conn_, files).applied.empty());
    }

  private:
    void Write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::trunc) << text;
    }
    void DropAll() {
        if (!conn_) return;  // no test database: setUp already failed
        // Table names come from information_schema, never from input.
        auto rows = conn_
                        ->Execute("t.list",
                                  "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() "
                                  "AND table_name LIKE 'mgt\\_%'")
                        .rows;
        conn_->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 0");
        for (const auto& r : rows)
            conn_->Execute("t.drop", "DROP TABLE IF EXISTS `" + r.Str(0) + "`");
        conn_->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 1");
    }

    fs::path dir_;
    std::unique_ptr<db::Connection> conn_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MigrateTest, "core");
