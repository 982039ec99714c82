// The exchange service against MariaDB: concurrent accepts never double-book an item, the loan
// request link used by crowdfunding needs, the tick (overdue, reminders, stale requests), and an
// invalid photo writing nothing.
#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/exchange/service.h"
#include "tests/unit/plugin/community/sx_schema.h"

namespace placette::exchange {
namespace {

using testing::Citizen;
using testing::CountRows;

RawItem Lend(std::string title) {
    return RawItem{"lend", std::move(title), "Description", "tools", "good", "centre"};
}

std::string In(int days) { return IsoDay(Day{Today().n + days}); }

class ExchangeServiceDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExchangeServiceDbTest);
    CPPUNIT_TEST(testConcurrentAcceptsNeverOverlap);
    CPPUNIT_TEST(testLoanLifecycleAndWhoMayAct);
    CPPUNIT_TEST(testNeedLinkCreatesALoanRequest);
    CPPUNIT_TEST(testOfferablesForNeeds);
    CPPUNIT_TEST(testTickOverdueRemindersStale);
    CPPUNIT_TEST(testInvalidPhotoWritesNothing);
    CPPUNIT_TEST_SUITE_END();

  public:
    // CppUnit keeps every test's fixture to the end: close its connections now.
    void tearDown() override { pool_.reset(); }
    void setUp() override {
        pool_ = testing::FreshSxSchema("sxe_");
        settings_ = Settings::FromIni(core::Ini::Parse("", "test"));
        svc_ = std::make_unique<Service>(*pool_, settings_);
    }

    std::int64_t NewItem(const core::Viewer& who, RawItem raw) {
        Result r = svc_->Create(who, raw, {});
        CPPUNIT_ASSERT(r.outcome == Outcome::kOk);
        return r.id;
    }

    std::int64_t Ask(const core::Viewer& who, std::int64_t item, int from, int to) {
        Result r = svc_->RequestLoan(who, item, RawLoan{In(from), In(to), ""});
        CPPUNIT_ASSERT(r.outcome == Outcome::kOk);
        return r.id;
    }

    void testConcurrentAcceptsNeverOverlap() {
        auto owner = Citizen(1, "Alice");
        std::int64_t item = NewItem(owner, Lend("Perforateur"));
        std::vector<std::int64_t> loans;
        for (int i = 0; i < 60; ++i) {
            int start = 1 + (i * 7) % 15;
            loans.push_back(Ask(Citizen(2 + i % 4, "B"), item, start, start + 1 + i % 4));
        }
        std::atomic<int> accepted{0}, conflicts{0};
        std::vector<std::thread> threads;
        for (std::int64_t id : loans) {
            threads.emplace_back([&, id] {
                Result r = svc_->ActOnLoan(owner, id, LoanAction::kAccept, "");
                (r.outcome == Outcome::kOk ? accepted : conflicts)++;
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT(accepted.load() >= 1);
        CPPUNIT_ASSERT_EQUAL(60, accepted.load() + conflicts.load());
        std::vector<Period> periods;
        for (const Loan& l : svc_->LoansOf(item, 500)) {
            if (l.status == LoanStatus::kAccepted) periods.push_back(l.period);
        }
        CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(accepted.load()), periods.size());
        for (std::size_t a = 0; a < periods.size(); ++a) {
            for (std::size_t b = a + 1; b < periods.size(); ++b)
                CPPUNIT_ASSERT(!Overlaps(periods[a], periods[b]));
        }
        std::ostringstream out;
        CPPUNIT_ASSERT_EQUAL(0, svc_->CheckCalendars(out));
    }

    void testLoanLifecycleAndWhoMayAct() {
        auto owner = Citizen(1, "Alice"), borrower = Citizen(2, "Bruno"),
             other = Citizen(3, "Chloé");
        std::int64_t item = NewItem(owner, Lend("Tente"));
        CPPUNIT_ASSERT(svc_->RequestLoan(owner, item, {In(1), In(2), ""}).outcome ==
                       Outcome::kForbidden);
        std::int64_t loan = Ask(borrower, item, 1, 3);
        CPPUNIT_ASSERT(svc_->ActOnLoan(other, loan, LoanAction::kAccept, "").outcome ==
                       Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->ActOnLoan(borrower, loan, LoanAction::kAccept, "").outcome ==
                       Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, loan, LoanAction::kHandover, "").outcome ==
                       Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, loan, LoanAction::kAccept, "").outcome ==
                       Outcome::kOk);
        Result taken = svc_->RequestLoan(other, item, {In(3), In(4), ""});
        CPPUNIT_ASSERT(taken.outcome == Outcome::kInvalid);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.dates_taken"), taken.problems[0].second);
        CPPUNIT_ASSERT(
            svc_->ActOnLoan(owner, loan, LoanAction::kHandover, std::string(501, 'x')).outcome ==
            Outcome::kInvalid);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, loan, LoanAction::kHandover, "Bon état").outcome ==
                       Outcome::kOk);
        CPPUNIT_ASSERT(svc_->ActOnLoan(borrower, loan, LoanAction::kCancel, "").outcome ==
                       Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, loan, LoanAction::kReturn, "Rendue").outcome ==
                       Outcome::kOk);
        auto l = svc_->GetLoan(loan);
        CPPUNIT_ASSERT(l->status == LoanStatus::kReturned);
        CPPUNIT_ASSERT_EQUAL(std::string("Bon état"), l->handover_note);
        CPPUNIT_ASSERT_EQUAL(std::string("Rendue"), l->return_note);
        CPPUNIT_ASSERT(svc_->RequestLoan(other, item, {In(3), In(4), ""}).outcome == Outcome::kOk);
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{5},
            CountRows(*pool_, "SELECT COUNT(*) FROM sxe_notifications WHERE kind LIKE 'loan_%'"));
    }

    void testNeedLinkCreatesALoanRequest() {
        auto owner = Citizen(1, "Alice");
        std::int64_t item = NewItem(owner, Lend("Sono"));
        std::int64_t gift =
            NewItem(owner, RawItem{"give", "Chaises", "D", "furniture", "fair", "centre"});
        auto run = [&](core::links::LoanRequest req) {
            return core::db::RunInTransaction(
                *pool_, [&](core::db::Connection& c) { return core::links::RequestLoan(c, req); });
        };
        auto ok = run({item, 9, In(5), In(6), "Fête de quartier", "need", 42});
        CPPUNIT_ASSERT(ok.ok);
        auto loan = svc_->GetLoan(ok.loan_id);
        CPPUNIT_ASSERT_EQUAL(std::string("need"), loan->source);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{42}, loan->source_id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, loan->borrower_id);
        CPPUNIT_ASSERT(loan->status == LoanStatus::kRequested);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.not_lendable"),
                             run({gift, 9, In(5), In(6), "", "need", 1}).error_key);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.past"),
                             run({item, 9, In(-2), In(6), "", "need", 1}).error_key);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.own_item"),
                             run({item, 1, In(5), In(6), "", "need", 1}).error_key);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.no_item"),
                             run({999999, 9, In(5), In(6), "", "need", 1}).error_key);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, ok.loan_id, LoanAction::kAccept, "").outcome ==
                       Outcome::kOk);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.dates_taken"),
                             run({item, 8, In(6), In(7), "", "need", 2}).error_key);
    }

    void testOfferablesForNeeds() {
        auto owner = Citizen(1, "Alice");
        std::int64_t lend = NewItem(owner, Lend("Barnum"));
        NewItem(owner, RawItem{"give", "Livres", "D", "books", "good", "centre"});
        auto offers = core::db::Run(
            *pool_, [&](core::db::Connection& c) { return core::links::ListOfferables(c, 1); });
        bool found = false;
        for (const auto& o : offers) {
            CPPUNIT_ASSERT(o.type != "item" || o.id == lend);
            found = found || (o.type == "item" && o.id == lend &&
                              o.path == "/exchange/" + std::to_string(lend));
        }
        CPPUNIT_ASSERT(found);
    }

    void testTickOverdueRemindersStale() {
        auto owner = Citizen(1, "Alice"), borrower = Citizen(2, "Bruno");
        std::int64_t item = NewItem(owner, Lend("Karcher"));
        std::int64_t loan = Ask(borrower, item, 0, 1);
        std::int64_t stale = Ask(Citizen(3, "Chloé"), item, 4, 5);
        svc_->ActOnLoan(owner, loan, LoanAction::kAccept, "");
        svc_->ActOnLoan(owner, loan, LoanAction::kHandover, "");
        TickReport today = svc_->Tick(core::NowSeconds());
        CPPUNIT_ASSERT_EQUAL(1, today.reminders);
        CPPUNIT_ASSERT_EQUAL(0, today.overdue);
        svc_->Tick(core::NowSeconds());
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{1},
            CountRows(*pool_,
                      "SELECT COUNT(*) FROM sxe_notifications WHERE kind = 'loan_reminder'"));
        TickReport later = svc_->Tick(core::NowSeconds() + 6 * 86400);
        CPPUNIT_ASSERT_EQUAL(1, later.overdue);
        CPPUNIT_ASSERT_EQUAL(1, later.stale);
        CPPUNIT_ASSERT(svc_->GetLoan(loan)->status == LoanStatus::kOverdue);
        CPPUNIT_ASSERT(svc_->GetLoan(stale)->status == LoanStatus::kCancelled);
        CPPUNIT_ASSERT_EQUAL(0, svc_->Tick(core::NowSeconds() + 6 * 86400).overdue);
        CPPUNIT_ASSERT(svc_->ActOnLoan(owner, loan, LoanAction::kReturn, "").outcome ==
                       Outcome::kOk);
    }

    void testInvalidPhotoWritesNothing() {
        Upload pdf{"%PDF-1.4 not a photo", false};
        Result r = svc_->Create(Citizen(1, "Alice"), Lend("Scie"), pdf);
        CPPUNIT_ASSERT(r.outcome == Outcome::kInvalid);
        CPPUNIT_ASSERT_EQUAL(std::string("photo"), r.problems[0].first);
        CPPUNIT_ASSERT_EQUAL(std::string("exchange.error.photo_type"), r.problems[0].second);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxe_exchange_items"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxe_exchange_photos"));
    }

  private:
    std::unique_ptr<core::db::Pool> pool_;
    Settings settings_;
    std::unique_ptr<Service> svc_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ExchangeServiceDbTest, "exchange");

}  // namespace
}  // namespace placette::exchange
