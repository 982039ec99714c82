// The skills service against MariaDB: exchanges move minutes only once both parties confirmed,
// the ledger stays balanced, the floor holds under concurrent confirmations, strangers are
// refused, and expiry notifies once.
#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/skills/service.h"
#include "tests/unit/plugin/community/sx_schema.h"

namespace placette::skills {
namespace {

using testing::Citizen;
using testing::CountRows;

RawListing Offer(std::string title, std::string mode = "time_bank") {
    return RawListing{"offer", std::move(title), "Description", "diy", "centre",
                      "",      std::move(mode)};
}

class SkillsServiceDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SkillsServiceDbTest);
    CPPUNIT_TEST(testCreateAndOwnerOnlyChanges);
    CPPUNIT_TEST(testInvalidListingWritesNothing);
    CPPUNIT_TEST(testHoursMoveOnceBothConfirmed);
    CPPUNIT_TEST(testFreeExchangeMovesNothing);
    CPPUNIT_TEST(testStrangersAreRefused);
    CPPUNIT_TEST(testFloorRefusesAndWritesNothing);
    CPPUNIT_TEST(testFloorHoldsUnderConcurrentConfirmations);
    CPPUNIT_TEST(testExpiryNotifiesOnce);
    CPPUNIT_TEST_SUITE_END();

  public:
    // CppUnit keeps every test's fixture to the end: close its connections now.
    void tearDown() override { pool_.reset(); }
    void setUp() override {
        pool_ = testing::FreshSxSchema("sxs_");
        settings_ = Settings::FromIni(core::Ini::Parse("", "test"));
        svc_ = std::make_unique<Service>(*pool_, settings_);
    }

    std::int64_t NewOffer(const core::Viewer& who, std::string title,
                          std::string mode = "time_bank") {
        Result r = svc_->Create(who, Offer(std::move(title), std::move(mode)));
        CPPUNIT_ASSERT(r.outcome == Outcome::kOk);
        return r.id;
    }

    std::int64_t Propose(const core::Viewer& who, std::int64_t listing, std::string minutes) {
        Result r = svc_->Propose(who, listing, ExchangeForm{std::move(minutes), ""});
        CPPUNIT_ASSERT(r.outcome == Outcome::kOk);
        return r.id;
    }

    void testCreateAndOwnerOnlyChanges() {
        auto alice = Citizen(1, "Alice"), bruno = Citizen(2, "Bruno");
        std::int64_t id = NewOffer(alice, "Couture");
        auto l = svc_->Get(id);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), l->owner_name);
        CPPUNIT_ASSERT(l->expires_at - l->created_at == 60 * 86400);
        CPPUNIT_ASSERT(svc_->Act(bruno, id, Action::kPause).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Update(bruno, id, Offer("X")).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Act(alice, id, Action::kPause).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Act(alice, id, Action::kPause).outcome == Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->Act(alice, id, Action::kExpire).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Propose(bruno, id, {"1", ""}).outcome == Outcome::kConflict);
        auto staff = Citizen(3, "Modératrice");
        staff.staff = core::StaffRole::kModerator;
        CPPUNIT_ASSERT(svc_->Act(staff, id, Action::kClose).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Update(alice, id, Offer("Y")).outcome == Outcome::kConflict);
    }

    void testInvalidListingWritesNothing() {
        Result r = svc_->Create(Citizen(1, "A"), Offer(""));
        CPPUNIT_ASSERT(r.outcome == Outcome::kInvalid);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxs_skill_listings"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, CountRows(*pool_, "SELECT COUNT(*) FROM sxs_people"));
    }

    void testHoursMoveOnceBothConfirmed() {
        auto alice = Citizen(1, "Alice"), bruno = Citizen(2, "Bruno");
        std::int64_t offer = NewOffer(alice, "Tableur");
        CPPUNIT_ASSERT(svc_->Propose(alice, offer, {"1", ""}).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Propose(bruno, offer, {"0", ""}).outcome == Outcome::kInvalid);
        CPPUNIT_ASSERT(svc_->Propose(bruno, offer, {"101h", ""}).outcome == Outcome::kInvalid);
        std::int64_t x = Propose(bruno, offer, "1h30");
        CPPUNIT_ASSERT(svc_->Balance(1) == Minutes(0));
        CPPUNIT_ASSERT(svc_->Confirm(bruno, x).outcome == Outcome::kConflict);  // already his
        CPPUNIT_ASSERT(svc_->Confirm(alice, x).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Balance(1) == Minutes(90));
        CPPUNIT_ASSERT(svc_->Balance(2) == Minutes(-90));
        CPPUNIT_ASSERT(svc_->Confirm(alice, x).outcome == Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->Cancel(bruno, x).outcome == Outcome::kConflict);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxs_hours_ledger"));
        auto history = svc_->History(2, 10);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, history.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), history[0].counterpart_name);
        CPPUNIT_ASSERT_EQUAL(std::string("Tableur"), history[0].listing_title);
        std::ostringstream out;
        CPPUNIT_ASSERT_EQUAL(0, svc_->CheckLedger(out));
    }

    void testFreeExchangeMovesNothing() {
        auto alice = Citizen(1, "Alice"), bruno = Citizen(2, "Bruno");
        std::int64_t offer = NewOffer(alice, "Guitare", "free");
        std::int64_t x = Propose(bruno, offer, "n'importe quoi");
        CPPUNIT_ASSERT(svc_->Confirm(alice, x).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->GetExchange(x)->status == ExchangeStatus::kDone);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxs_hours_ledger"));
    }

    void testStrangersAreRefused() {
        auto alice = Citizen(1, "Alice"), bruno = Citizen(2, "Bruno"), chloe = Citizen(3, "Chloé");
        std::int64_t x = Propose(bruno, NewOffer(alice, "Tricot"), "2");
        CPPUNIT_ASSERT(svc_->Confirm(chloe, x).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Cancel(chloe, x).outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Confirm(chloe, 999999).outcome == Outcome::kNotFound);
        CPPUNIT_ASSERT(svc_->Cancel(alice, x).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Confirm(alice, x).outcome == Outcome::kConflict);
    }

    void testFloorRefusesAndWritesNothing() {
        auto alice = Citizen(1, "Alice"), bruno = Citizen(2, "Bruno");
        std::int64_t offer = NewOffer(alice, "Déménagement");
        std::int64_t big = Propose(bruno, offer, "9h");
        CPPUNIT_ASSERT(svc_->Confirm(alice, big).outcome == Outcome::kOk);
        std::int64_t more = Propose(bruno, offer, "1h01");
        Result r = svc_->Confirm(alice, more);
        CPPUNIT_ASSERT(r.outcome == Outcome::kConflict);
        CPPUNIT_ASSERT_EQUAL(std::string("skills.error.floor"), r.message_key);
        CPPUNIT_ASSERT(svc_->Balance(2) == Minutes(-540));
        CPPUNIT_ASSERT(svc_->GetExchange(more)->status == ExchangeStatus::kProposed);
        CPPUNIT_ASSERT(!svc_->GetExchange(more)->giver_confirmed);
        std::int64_t exact = Propose(bruno, offer, "1h");
        CPPUNIT_ASSERT(svc_->Confirm(alice, exact).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Balance(2) == Minutes(-600));
    }

    void testFloorHoldsUnderConcurrentConfirmations() {
        const auto receiver = Citizen(500, "Rémi");
        std::vector<std::int64_t> exchanges;
        for (int i = 0; i < 20; ++i) {
            std::int64_t offer = NewOffer(Citizen(100 + i, "Giver"), "Offre " + std::to_string(i));
            exchanges.push_back(Propose(receiver, offer, "1h"));
        }
        std::atomic<int> ok{0}, refused{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 20; ++i) {
            threads.emplace_back([&, i] {
                Result r = svc_->Confirm(Citizen(100 + i, "Giver"),
                                         exchanges[static_cast<std::size_t>(i)]);
                (r.outcome == Outcome::kOk ? ok : refused)++;
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(10, ok.load());
        CPPUNIT_ASSERT_EQUAL(10, refused.load());
        CPPUNIT_ASSERT(svc_->Balance(500) == Minutes(-600));
        std::ostringstream out;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(out.str(), 0, svc_->CheckLedger(out));
    }

    void testExpiryNotifiesOnce() {
        auto alice = Citizen(1, "Alice");
        std::int64_t id = NewOffer(alice, "Cours de piano");
        NewOffer(alice, "Encore valable");
        const std::int64_t later = core::NowSeconds() + 61 * 86400;
        CPPUNIT_ASSERT_EQUAL(2, svc_->ExpireListings(later));
        CPPUNIT_ASSERT(svc_->Get(id)->status == Status::kExpired);
        CPPUNIT_ASSERT_EQUAL(0, svc_->ExpireListings(later));
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{2},
            CountRows(*pool_,
                      "SELECT COUNT(*) FROM sxs_notifications WHERE kind = 'skill_expired'"));
        CPPUNIT_ASSERT(svc_->Act(alice, id, Action::kRenew).outcome == Outcome::kOk);
        CPPUNIT_ASSERT(svc_->Get(id)->status == Status::kActive);
    }

  private:
    std::unique_ptr<core::db::Pool> pool_;
    Settings settings_;
    std::unique_ptr<Service> svc_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SkillsServiceDbTest, "skills");

}  // namespace
}  // namespace placette::skills
