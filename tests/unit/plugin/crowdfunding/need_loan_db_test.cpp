// A campaign's in-kind need answered with a lendable item, against MariaDB with the exchange
// section registered as the application does: accepting the offer requests the loan for the
// need's dates in the same transaction; refusals (no dates, item already booked) write nothing.
#include <cppunit/extensions/HelperMacros.h>

#include "plugin/community/service.h"
#include "plugin/core/clock.h"
#include "plugin/core/migrate.h"
#include "plugin/crowdfunding/routes.h"
#include "plugin/crowdfunding/service.h"
#include "plugin/exchange/routes.h"
#include "plugin/exchange/service.h"
#include "tests/unit/plugin/crowdfunding/cf_migrations.h"
#include "tests/unit/support/test_db.h"

using namespace placette;
using namespace placette::crowdfunding;

namespace {
const core::I18n& Catalogs() {
    static const core::I18n i =
        core::I18n::Load(std::string(PLACETTE_SOURCE_DIR) + "/themes/default/lang");
    return i;
}

const Actor kAlice{3, "Alice", false}, kStaff{1, "Maire", true};

core::Viewer Citizen(std::int64_t id, const std::string& name) {
    core::Viewer v;
    v.user_id = id;
    v.login = "user" + std::to_string(id);
    v.display_name = name;
    v.session_key = "s" + std::to_string(id);
    return v;
}

// YYYY-MM-DD `days` from today (UTC).
std::string In(int days) { return CivilDate(core::NowSeconds() + std::int64_t{days} * 86400); }
}  // namespace

class NeedLoanDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(NeedLoanDbTest);
    CPPUNIT_TEST(AcceptedItemBecomesALoanRequestOnBothSides);
    CPPUNIT_TEST(ItemOnANeedWithoutDatesIsRefused);
    CPPUNIT_TEST(AcceptRefusedWhenTheItemIsBooked);
    CPPUNIT_TEST(NeedDatesFrozenOnceALoanWasRequested);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        core::SetClockOffset(0);
        cfg_ = testing::TestDatabase("cfl_");
        pool_ = std::make_unique<core::db::Pool>(cfg_, 8);
        DropAll();
        // Core, skills & exchange (items, loans, notifications) and crowdfunding with its pledge
        // index; no payments.
        std::vector<core::MigrationFile> files;
        for (auto& f : core::ReadMigrations(PLACETTE_SOURCE_DIR "/sql/migrations")) {
            if (f.name == "0001_core.sql" || f.name.find("skills_exchange") != std::string::npos ||
                testing::CrowdfundingMigration(f.name)) {
                files.push_back(f);
            }
        }
        {
            auto lease = pool_->Acquire();
            core::Migrate(*lease, files);
        }
        community::RegisterCommunityLinks();
        exchange::RegisterLinks(core::Ini::Parse("", "test"));
        crowdfunding::RegisterLinks();
        rules_ = LoadRules(core::Ini::Parse("", "t"));
        settings_ = exchange::Settings::FromIni(core::Ini::Parse("", "test"));
        svc_ = std::make_unique<Service>(*pool_, rules_);
        items_ = std::make_unique<exchange::Service>(*pool_, settings_);
    }
    void tearDown() override {
        svc_.reset();
        items_.reset();
        DropAll();
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    void AcceptedItemBecomesALoanRequestOnBothSides() {
        const std::int64_t k = LiveCampaign();
        const std::int64_t need = Need(k, In(5), In(7));
        const std::int64_t item = Item(kBruno, "Perceuse");
        Outcome offer = Offer(kBrunoActor, need, item);
        CPPUNIT_ASSERT(offer.ok());
        Outcome accepted = svc_->DecideOffer(kAlice, offer.id, true, Fr());
        CPPUNIT_ASSERT(accepted.ok());
        CPPUNIT_ASSERT(svc_->GetOffer(offer.id)->state == OfferState::kAccepted);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, svc_->GetNeed(need)->fulfilled);

        const auto borrowed = items_->LoansOfUser(kAlice.id, 10);  // the owner's /me
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, borrowed.size());
        const exchange::Loan& l = borrowed[0];
        CPPUNIT_ASSERT_EQUAL(item, l.item_id);
        CPPUNIT_ASSERT_EQUAL(kAlice.id, l.borrower_id);
        CPPUNIT_ASSERT_EQUAL(kBruno.user_id, l.owner_id);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), l.borrower_name);  // named on the loan pages
        CPPUNIT_ASSERT_EQUAL(In(5), exchange::IsoDay(l.period.start));
        CPPUNIT_ASSERT_EQUAL(In(7), exchange::IsoDay(l.period.end));
        CPPUNIT_ASSERT(l.status == exchange::LoanStatus::kRequested);
        CPPUNIT_ASSERT_EQUAL(std::string("need"), l.source);
        CPPUNIT_ASSERT_EQUAL(need, l.source_id);
        CPPUNIT_ASSERT(l.message.find("Jardin des Tanneurs") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, items_->LoansOfUser(kBruno.user_id, 10).size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, items_->LoansOf(item, 10).size());  // item page
        auto source = items_->SourceOf(l);
        CPPUNIT_ASSERT(source.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("/projects/") + std::to_string(k) + "#needs",
                             source->path);
        // The lender is told twice: the offer is accepted, and a loan request awaits an answer.
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Notices(4, "cf_offer_accepted"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Notices(4, "loan_requested"));
        // A second click changes nothing; the lender then answers in the exchange section.
        CPPUNIT_ASSERT(!svc_->DecideOffer(kAlice, offer.id, true, Fr()).changed);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}loans"));
        CPPUNIT_ASSERT(
            items_->ActOnLoan(Citizen(3, "Alice"), l.id, exchange::LoanAction::kAccept, "")
                .outcome == exchange::Outcome::kForbidden);
        CPPUNIT_ASSERT(items_->ActOnLoan(kBruno, l.id, exchange::LoanAction::kAccept, "").outcome ==
                       exchange::Outcome::kOk);
        CPPUNIT_ASSERT(items_->GetLoan(l.id)->status == exchange::LoanStatus::kAccepted);
    }

    void ItemOnANeedWithoutDatesIsRefused() {
        const std::int64_t k = LiveCampaign();
        const std::int64_t undated = Need(k, "", "");
        const std::int64_t item = Item(kBruno, "Escabeau");
        Outcome o = Offer(kBrunoActor, undated, item);
        CPPUNIT_ASSERT(o.status == Outcome::Status::kInvalid);
        CPPUNIT_ASSERT(o.errors.Get("link").find("n'a pas encore de dates") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, Count("SELECT COUNT(*) FROM {p}need_offers"));
        // Without the item, the same help is welcome.
        CPPUNIT_ASSERT(
            svc_->OfferHelp(kBrunoActor, undated, OfferInput{"Un escabeau", 1, "", 0}, Fr()).ok());
        // Someone else's item is refused before the dates are looked at.
        const std::int64_t dated = Need(k, In(3), In(3));
        Outcome other = Offer(Actor{6, "Chloé", false}, dated, item);
        CPPUNIT_ASSERT(other.errors.Get("link").find("n'est pas l'une des vôtres") !=
                       std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}need_offers"));
    }

    void AcceptRefusedWhenTheItemIsBooked() {
        const std::int64_t k = LiveCampaign();
        const std::int64_t need = Need(k, In(4), In(6));
        const std::int64_t item = Item(kBruno, "Remorque");
        Outcome offer = Offer(kBrunoActor, need, item);
        CPPUNIT_ASSERT(offer.ok());
        // Meanwhile Chloé borrows the trailer on overlapping dates, and Bruno accepts.
        auto chloe = Citizen(6, "Chloé");
        exchange::Result asked = items_->RequestLoan(chloe, item, {In(6), In(8), ""});
        CPPUNIT_ASSERT(asked.outcome == exchange::Outcome::kOk);
        CPPUNIT_ASSERT(
            items_->ActOnLoan(kBruno, asked.id, exchange::LoanAction::kAccept, "").outcome ==
            exchange::Outcome::kOk);
        const std::int64_t notices = Count("SELECT COUNT(*) FROM {p}notifications");

        Outcome refused = svc_->DecideOffer(kAlice, offer.id, true, Fr());
        CPPUNIT_ASSERT(refused.status == Outcome::Status::kInvalid);
        const std::string msg = refused.errors.Get("offer-" + std::to_string(offer.id));
        CPPUNIT_ASSERT_MESSAGE(msg, msg.find("n'a pas pu être demandé") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(msg, msg.find("déjà réservé") != std::string::npos);
        CPPUNIT_ASSERT(svc_->GetOffer(offer.id)->state == OfferState::kOpen);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}loans"));
        CPPUNIT_ASSERT_EQUAL(notices, Count("SELECT COUNT(*) FROM {p}notifications"));
        CPPUNIT_ASSERT(svc_->DecideOffer(Actor{6, "Chloé", false}, offer.id, true, Fr()).status ==
                       Outcome::Status::kForbidden);
        // The owner can still decline it; declining requests no loan.
        CPPUNIT_ASSERT(svc_->DecideOffer(kAlice, offer.id, false, Fr()).ok());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}loans"));
    }

    void NeedDatesFrozenOnceALoanWasRequested() {
        const std::int64_t k = LiveCampaign();
        const std::int64_t need = Need(k, In(2), In(3));
        const std::int64_t item = Item(kBruno, "Sono");
        Outcome offer = Offer(kBrunoActor, need, item);
        CPPUNIT_ASSERT(svc_->DecideOffer(kAlice, offer.id, true, Fr()).ok());
        NeedInput moved = Input(In(9), In(10));
        Outcome o = svc_->EditNeed(kAlice, need, moved, Fr());
        CPPUNIT_ASSERT(o.status == Outcome::Status::kInvalid);
        CPPUNIT_ASSERT(o.errors.Get("needed_from").find("ne peuvent plus changer") !=
                       std::string::npos);
        NeedInput fewer = Input(In(2), In(3));
        fewer.quantity = 0;
        CPPUNIT_ASSERT(svc_->EditNeed(kAlice, need, fewer, Fr()).errors.Has("quantity"));
        NeedInput text = Input(In(2), In(3));
        text.title = "Sono et micro";
        CPPUNIT_ASSERT(svc_->EditNeed(kAlice, need, text, Fr()).ok());
        CPPUNIT_ASSERT_EQUAL(std::string("Sono et micro"), svc_->GetNeed(need)->title);
        CPPUNIT_ASSERT(svc_->EditNeed(Actor{4, "Bruno", false}, need, text, Fr()).status ==
                       Outcome::Status::kForbidden);
        // A need without an item loan takes new dates.
        const std::int64_t other = Need(k, "", "");
        CPPUNIT_ASSERT(svc_->EditNeed(kAlice, other, Input(In(9), In(10)), Fr()).ok());
        CPPUNIT_ASSERT_EQUAL(In(10), svc_->GetNeed(other)->needed_until);
    }

  private:
    Texts Fr() const { return Texts{Catalogs(), "fr"}; }

    std::int64_t LiveCampaign() {
        Draft d;
        d.title = "Jardin des Tanneurs";
        d.summary = "Résumé";
        d.description = "Texte";
        d.neighbourhood = "centre";
        d.theme = "culture";
        d.goal = 10000;
        d.duration_days = 30;
        const std::int64_t id = svc_->CreateDraft(kAlice, d).id;
        CPPUNIT_ASSERT(svc_->Submit(kAlice, id).ok());
        CPPUNIT_ASSERT(svc_->Review(kStaff, id, Event::kApprove, "").ok());
        return id;
    }
    NeedInput Input(std::string from, std::string until) {
        return NeedInput{NeedKind::kEquipment, "Matériel",      "", 1,
                         std::move(from),      std::move(until)};
    }
    std::int64_t Need(std::int64_t campaign, std::string from, std::string until) {
        Outcome o = svc_->AddNeed(kAlice, campaign, Input(std::move(from), std::move(until)));
        CPPUNIT_ASSERT(o.ok());
        return o.id;
    }
    std::int64_t Item(const core::Viewer& who, const std::string& title) {
        exchange::Result r = items_->Create(
            who, exchange::RawItem{"lend", title, "Description", "tools", "good", "centre"}, {});
        CPPUNIT_ASSERT(r.outcome == exchange::Outcome::kOk);
        return r.id;
    }
    Outcome Offer(const Actor& who, std::int64_t need, std::int64_t item) {
        return svc_->OfferHelp(who, need, OfferInput{"Je la prête", 1, "item", item}, Fr());
    }
    std::int64_t Notices(std::int64_t user, const std::string& kind) {
        auto lease = pool_->Acquire();
        return lease
            ->Execute("t.notices",
                      "SELECT COUNT(*) FROM {p}notifications WHERE user_id = ? AND kind = ?",
                      {user, kind})
            .rows.at(0)
            .Int(0);
    }
    std::int64_t Count(const std::string& sql) {
        auto lease = pool_->Acquire();
        return lease->Execute("t.count", sql).rows.at(0).Int(0);
    }
    void DropAll() {
        if (!pool_) return;  // setUp failed (no test database): already reported
        auto lease = pool_->Acquire();
        // Table names come from information_schema, never from input.
        auto rows = lease
                        ->Execute("t.list",
                                  "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() AND table_name LIKE 'cfl\\_%'")
                        .rows;
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 0");
        for (const auto& r : rows)
            lease->Execute("t.drop", "DROP TABLE IF EXISTS `" + r.Str(0) + "`");
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 1");
    }

    const core::Viewer kBruno = Citizen(4, "Bruno");
    const Actor kBrunoActor{4, "Bruno", false};
    core::DatabaseConfig cfg_;
    std::unique_ptr<core::db::Pool> pool_;
    Rules rules_;
    exchange::Settings settings_;
    std::unique_ptr<Service> svc_;
    std::unique_ptr<exchange::Service> items_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(NeedLoanDbTest, "crowdfunding");
