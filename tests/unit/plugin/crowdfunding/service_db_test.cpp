// The crowdfunding service against the real MariaDB: pledge rules and their messages, nothing
// half-written on refusal, one pledge per token, rewards and caps never exceeded under threads,
// payments and refunds idempotent, tick closing campaigns once (also when two run at once).
#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/migrate.h"
#include "plugin/crowdfunding/ledger_check.h"
#include "plugin/crowdfunding/service.h"
#include "tests/unit/plugin/crowdfunding/cf_migrations.h"
#include "tests/unit/support/test_db.h"

using namespace placette::crowdfunding;
using namespace placette::core;

namespace {
const I18n& Catalogs() {
    static const I18n i = I18n::Load(std::string(PLACETTE_SOURCE_DIR) + "/themes/default/lang");
    return i;
}
const Actor kAlice{3, "Alice", false}, kBruno{4, "Bruno", false}, kChloe{5, "Chloé", false};
const Actor kStaff{1, "Maire", true};

std::string Plain(std::string s) {
    for (const char* nb : {"\u202F", "\u00A0"}) {
        for (auto p = s.find(nb); p != std::string::npos; p = s.find(nb))
            s.replace(p, std::string(nb).size(), " ");
    }
    return s;
}
}  // namespace

class CrowdfundingServiceTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrowdfundingServiceTest);
    CPPUNIT_TEST(StateMachineIsEnforcedByTheService);
    CPPUNIT_TEST(PledgeRulesRefuseWithMessagesAndWriteNothing);
    CPPUNIT_TEST(DoubleSubmitYieldsOnePledge);
    CPPUNIT_TEST(RewardNeverOversoldUnderThreads);
    CPPUNIT_TEST(CapNeverExceededUnderThreads);
    CPPUNIT_TEST(OneBackerNeverPassesTheirCapUnderThreads);
    CPPUNIT_TEST(PledgesThatQueueArePlacedAsOneBatch);
    CPPUNIT_TEST(ABatchStopsAtTheCampaignsCap);
    CPPUNIT_TEST(ManyBackersAtOnceStayWithinTheirCaps);
    CPPUNIT_TEST(PledgeOnEndedCampaignIsAConflict);
    CPPUNIT_TEST(PaymentIsIdempotentAndNeverGoesBack);
    CPPUNIT_TEST(TickClosesFromTheLedgerOnce);
    CPPUNIT_TEST(TwoTicksAtOnceCloseOnce);
    CPPUNIT_TEST(StalePendingPledgesExpire);
    CPPUNIT_TEST(CancelThenRefund);
    CPPUNIT_TEST(FeeRecordedAtSuccess);
    CPPUNIT_TEST(RewardLimitNeverBelowClaims);
    CPPUNIT_TEST(LedgerCheckSeesATamperedTotal);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        cfg_ = placette::testing::TestDatabase("cft_");
        pool_ = std::make_unique<db::Pool>(cfg_, 24);
        DropAll();
        std::vector<MigrationFile> mine;
        for (auto& f : ReadMigrations(PLACETTE_SOURCE_DIR "/sql/migrations")) {
            if (placette::testing::CrowdfundingMigration(f.name)) mine.push_back(f);
        }
        auto lease = pool_->Acquire();
        Migrate(*lease, mine);
        rules_ =
            LoadRules(Ini::Parse("[crowdfunding]\nmax_pledge_per_citizen_cents = 8000\n", "t"));
        SetClockOffset(0);
    }
    void tearDown() override {
        SetClockOffset(0);
        DropAll();
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    void StateMachineIsEnforcedByTheService() {
        Service svc(*pool_, rules_);
        const std::int64_t id = MakeDraft(svc, kAlice, 10000, FundingModel::kAllOrNothing);
        CPPUNIT_ASSERT(svc.Submit(kBruno, id).status == Outcome::Status::kForbidden);
        CPPUNIT_ASSERT(svc.Review(kStaff, id, Event::kApprove, "").status ==
                       Outcome::Status::kConflict);
        CPPUNIT_ASSERT(svc.Review(kAlice, id, Event::kApprove, "").status ==
                       Outcome::Status::kForbidden);
        CPPUNIT_ASSERT(svc.Submit(kAlice, id).ok());
        CPPUNIT_ASSERT(!svc.Submit(kAlice, id).changed);  // a double click
        CPPUNIT_ASSERT(svc.Edit(kAlice, id, DraftInput(10000)).status ==
                       Outcome::Status::kConflict);
        CPPUNIT_ASSERT(svc.Review(kStaff, id, Event::kRequestChanges, "Précisez le lieu").ok());
        auto k = svc.GetCampaign(id);
        CPPUNIT_ASSERT(k->state == State::kDraft && k->review_message == "Précisez le lieu");
        CPPUNIT_ASSERT(svc.Submit(kAlice, id).ok());
        CPPUNIT_ASSERT(svc.Review(kStaff, id, Event::kApprove, "").ok());
        CPPUNIT_ASSERT(svc.Cancel(kBruno, id, "non").status == Outcome::Status::kForbidden);
        auto log = svc.Log(id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{5},
                             log.size());  // create, submit, changes, submit, approve
        CPPUNIT_ASSERT_EQUAL(std::string("request_changes"), log[2].action);
        CPPUNIT_ASSERT_EQUAL(std::string("Maire"), log[2].actor_name);
        CPPUNIT_ASSERT_EQUAL(std::string("live"), log[4].to);
    }

    void PledgeRulesRefuseWithMessagesAndWriteNothing() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);  // 100 €, cap 150 €
        const std::int64_t reward = Reward(svc, id, 2000, 2);
        ExpectRefused(svc, kBruno, id, {}, 50, "amount", "minimum d'un soutien est de 1 €");
        ExpectRefused(svc, kBruno, id, reward, 1000, "amount", "demande au moins 20 €");
        ExpectRefused(svc, kBruno, id, {}, 9000, "amount", "ne peut pas dépasser 80 €");
        CPPUNIT_ASSERT(Pledge(svc, kBruno, id, {}, 6000).ok());
        ExpectRefused(svc, kBruno, id, {}, 3000, "amount",
                      "vous pouvez encore donner au plus 20 €");
        CPPUNIT_ASSERT(Pledge(svc, kChloe, id, {}, 5000).ok());
        ExpectRefused(svc, kAlice, id, {}, 5000, "amount", "encore promettre au plus 40 €");
        ExpectRefused(svc, kAlice, id, reward + 1000, 5000, "reward", "n'existe pas");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, Count("SELECT COUNT(*) FROM {p}pledges"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{11000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc.GetReward(reward)->claimed);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void DoubleSubmitYieldsOnePledge() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        const std::string token = RandomHex(16);
        Outcome first = Pledge(svc, kBruno, id, {}, 1000, token);
        Outcome second = Pledge(svc, kBruno, id, {}, 1000, token);
        CPPUNIT_ASSERT(first.ok() && second.ok());
        CPPUNIT_ASSERT_EQUAL(first.id, second.id);
        CPPUNIT_ASSERT(!second.changed);
        const std::string token2 = RandomHex(16);
        std::vector<std::thread> threads;
        std::atomic<int> ok{0};
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                if (Pledge(svc, kChloe, id, {}, 1000, token2).ok()) ++ok;
            });
        }
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_EQUAL(8, ok.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, Count("SELECT COUNT(*) FROM {p}pledges"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2000}, svc.GetCampaign(id)->pledged);
    }

    void RewardNeverOversoldUnderThreads() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 1000000, FundingModel::kAllOrNothing);
        const std::int64_t reward = Reward(svc, id, 1000, 10);
        std::atomic<int> ok{0}, sold_out{0};
        RunThreads(40, [&](int i) {
            Outcome o = Pledge(svc, Actor{1000 + i, "B", false}, id, reward, 1000);
            if (o.ok()) ++ok;
            if (o.status == Outcome::Status::kInvalid &&
                o.errors.Get("reward").find("épuisée") != std::string::npos) {
                ++sold_out;
            }
        });
        CPPUNIT_ASSERT_EQUAL(10, ok.load());
        CPPUNIT_ASSERT_EQUAL(30, sold_out.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{10}, svc.GetReward(reward)->claimed);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void CapNeverExceededUnderThreads() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);  // cap 150 €
        std::atomic<int> ok{0}, capped{0};
        RunThreads(30, [&](int i) {
            Outcome o = Pledge(svc, Actor{2000 + i, "B", false}, id, {}, 1000);
            if (o.ok()) ++ok;
            if (o.status == Outcome::Status::kInvalid &&
                o.errors.Get("amount").find("plafond") != std::string::npos) {
                ++capped;
            }
        });
        CPPUNIT_ASSERT_EQUAL(15, ok.load());
        CPPUNIT_ASSERT_EQUAL(15, capped.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{15000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT(LedgerClean());
    }

    // The same citizen in many tabs at once: their total stays within the per-citizen maximum
    // (80 €): the sum of their pledges is read under the campaign's lock.
    void OneBackerNeverPassesTheirCapUnderThreads() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 100000, FundingModel::kAllOrNothing);
        std::atomic<int> ok{0}, refused{0};
        RunThreads(20, [&](int) {
            Outcome o = Pledge(svc, kBruno, id, {}, 1000);
            if (o.ok()) ++ok;
            if (o.status == Outcome::Status::kInvalid &&
                Plain(o.errors.Get("amount")).find("vous pouvez encore donner au plus") !=
                    std::string::npos) {
                ++refused;
            }
        });
        CPPUNIT_ASSERT_EQUAL(8, ok.load());
        CPPUNIT_ASSERT_EQUAL(12, refused.load());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{8000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT(LedgerClean());
    }

    // Pledges that come while the campaign is locked queue in its lane and are placed together
    // in one transaction (core/batch_lanes.h), each checked as if it came alone: three citizens
    // who gave 60 € already can add 20 € each and no more (at least one of them is not the
    // batch's first, so their total is read by the batch), a reward limited to 2 goes to 2 of
    // 4, a double submit with a reward yields one pledge and one claim, a pledge over the
    // maximum is refused.
    void PledgesThatQueueArePlacedAsOneBatch() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 100000, FundingModel::kAllOrNothing);
        const std::int64_t reward = Reward(svc, id, 1000, 2);
        const std::int64_t reward2 = Reward(svc, id, 1000, 2);
        const Actor kDenis{6, "Denis", false}, kEmma{7, "Emma", false}, kFanny{8, "Fanny", false},
            kGaston{9, "Gaston", false}, kHugo{10, "Hugo", false}, kIris{11, "Iris", false};
        for (const Actor* who : {&kAlice, &kBruno, &kChloe})
            CPPUNIT_ASSERT(Pledge(svc, *who, id, {}, 6000).ok());
        const std::string token = RandomHex(16);
        struct Try {
            const Actor* who;
            std::optional<std::int64_t> reward;
            std::int64_t amount;
            std::string token;
        };
        std::vector<Try> tries;
        for (int i = 0; i < 3; ++i) {
            for (const Actor* who : {&kAlice, &kBruno, &kChloe})
                tries.push_back({who, std::nullopt, 1000, ""});
        }
        for (const Actor* who : {&kDenis, &kEmma, &kFanny, &kIris})
            tries.push_back({who, reward, 1000, ""});
        tries.push_back({&kGaston, reward2, 2000, token});
        tries.push_back({&kGaston, reward2, 2000, token});
        tries.push_back({&kHugo, std::nullopt, 9000, ""});
        std::vector<Outcome> outcomes = Queued(id, tries.size(), [&](std::size_t i) {
            const Try& t = tries[i];
            return Pledge(svc, *t.who, id, t.reward, t.amount, t.token);
        });
        CPPUNIT_ASSERT(PledgeLanes().stats().largest >= tries.size() - 1);

        std::map<std::int64_t, int> ok_by_backer;
        int sold_out = 0, capped = 0, over_max = 0;
        for (std::size_t i = 0; i < tries.size(); ++i) {
            const Outcome& o = outcomes[i];
            if (o.ok()) ++ok_by_backer[tries[i].who->id];
            if (o.status != Outcome::Status::kInvalid) continue;
            const std::string amount = Plain(o.errors.Get("amount"));
            if (o.errors.Get("reward").find("épuisée") != std::string::npos) ++sold_out;
            if (amount.find("vous pouvez encore donner au plus 0 €") != std::string::npos) ++capped;
            if (amount.find("ne peut pas dépasser 80 €") != std::string::npos) ++over_max;
        }
        for (const Actor* who : {&kAlice, &kBruno, &kChloe}) {
            CPPUNIT_ASSERT_EQUAL(2, ok_by_backer[who->id]);
            CPPUNIT_ASSERT_EQUAL(
                std::int64_t{8000},
                Count("SELECT SUM(amount_minor) FROM {p}pledges WHERE backer_id = ?", {who->id}));
        }
        CPPUNIT_ASSERT_EQUAL(3, capped);
        CPPUNIT_ASSERT_EQUAL(2, ok_by_backer[kDenis.id] + ok_by_backer[kEmma.id] +
                                    ok_by_backer[kFanny.id] + ok_by_backer[kIris.id]);
        CPPUNIT_ASSERT_EQUAL(2, sold_out);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, svc.GetReward(reward)->claimed);
        // The double submit's second claim was given back with its refused insert.
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, svc.GetReward(reward2)->claimed);
        const std::size_t g = tries.size() - 3;  // Gaston's double submit
        CPPUNIT_ASSERT(outcomes[g].ok() && outcomes[g + 1].ok());
        CPPUNIT_ASSERT_EQUAL(outcomes[g].id, outcomes[g + 1].id);
        CPPUNIT_ASSERT(outcomes[g].changed != outcomes[g + 1].changed);
        CPPUNIT_ASSERT_EQUAL(1, over_max);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             Count("SELECT COUNT(*) FROM {p}pledges WHERE backer_id = 10"));
        // 3 × 60 € before, then 3 × 20 €, 2 rewards of 10 € and Gaston's 20 €.
        CPPUNIT_ASSERT_EQUAL(std::int64_t{18000 + 6000 + 2000 + 2000},
                             svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3 + 6 + 2 + 1}, Count("SELECT COUNT(*) FROM {p}pledges"));
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{1},
            Count("SELECT COUNT(*) FROM {p}pledges WHERE reward_id = ?", {reward2}));
        CPPUNIT_ASSERT(LedgerClean());
    }

    // A batch checks each pledge against the campaign's cap as the ones before it left it.
    void ABatchStopsAtTheCampaignsCap() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);  // cap 150 €
        std::vector<Outcome> outcomes = Queued(id, 30, [&](std::size_t i) {
            return Pledge(svc, Actor{4000 + static_cast<std::int64_t>(i), "B", false}, id, {},
                          1000);
        });
        int ok = 0, capped = 0;
        for (const Outcome& o : outcomes) {
            if (o.ok()) ++ok;
            if (o.errors.Get("amount").find("plafond") != std::string::npos) ++capped;
        }
        CPPUNIT_ASSERT_EQUAL(15, ok);
        CPPUNIT_ASSERT_EQUAL(15, capped);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{15000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT(LedgerClean());
    }

    // Ten citizens, each with 60 € given already, each in four tabs at once: exactly two 10 €
    // pledges of each go through, however the lane batches them.
    void ManyBackersAtOnceStayWithinTheirCaps() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 1000000, FundingModel::kAllOrNothing);
        for (int b = 0; b < 10; ++b)
            CPPUNIT_ASSERT(Pledge(svc, Actor{3000 + b, "B", false}, id, {}, 6000).ok());
        std::atomic<int> ok{0};
        RunThreads(40, [&](int i) {
            if (Pledge(svc, Actor{3000 + i % 10, "B", false}, id, {}, 1000).ok()) ++ok;
        });
        CPPUNIT_ASSERT_EQUAL(20, ok.load());
        for (int b = 0; b < 10; ++b) {
            CPPUNIT_ASSERT_EQUAL(
                std::int64_t{8000},
                Count("SELECT SUM(amount_minor) FROM {p}pledges WHERE backer_id = ?",
                      {std::int64_t{3000 + b}}));
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t{80000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void PledgeOnEndedCampaignIsAConflict() {
        Service svc(*pool_, rules_);
        const std::int64_t draft = MakeDraft(svc, kAlice, 10000, FundingModel::kAllOrNothing);
        CPPUNIT_ASSERT(Pledge(svc, kBruno, draft, {}, 1000).status == Outcome::Status::kNotFound);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        SetClockOffset(31 * 86400);
        Outcome o = Pledge(svc, kBruno, id, {}, 1000);
        CPPUNIT_ASSERT(o.status == Outcome::Status::kConflict);
        CPPUNIT_ASSERT_EQUAL(std::string("cf.conflict.not_live"), o.reason);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, Count("SELECT COUNT(*) FROM {p}pledges"));
    }

    void PaymentIsIdempotentAndNeverGoesBack() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        const std::int64_t p = Pledge(svc, kBruno, id, {}, 2500).id;
        CPPUNIT_ASSERT(svc.ConfirmPaid(kBruno, p, "").status == Outcome::Status::kForbidden);
        CPPUNIT_ASSERT(svc.ConfirmPaid(kStaff, p, "R-1").changed);
        CPPUNIT_ASSERT(!svc.ConfirmPaid(kStaff, p, "R-1").changed);
        CPPUNIT_ASSERT(svc.FailPledge(kStaff, p).status == Outcome::Status::kConflict);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}ledger_entries"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2500}, svc.GetCampaign(id)->collected);
        CPPUNIT_ASSERT(svc.GetPledge(p)->state == PledgeState::kPaid);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void TickClosesFromTheLedgerOnce() {
        Service svc(*pool_, rules_);
        const std::int64_t reached = Live(svc, 10000, FundingModel::kAllOrNothing);
        const std::int64_t missed = Live(svc, 10000, FundingModel::kAllOrNothing);
        const std::int64_t keep = Live(svc, 10000, FundingModel::kKeepItAll);
        const std::int64_t reward = Reward(svc, missed, 1000, 5);
        Paid(svc, kBruno, reached, 6000);
        Paid(svc, kChloe, reached, 4000);
        Paid(svc, kBruno, missed, 3000);
        const std::int64_t pending = Pledge(svc, kChloe, missed, reward, 1000).id;
        Paid(svc, kAlice, keep, 500);
        Pledge(svc, kBruno, reached, {}, 1000);  // pending pledges do not count
        TickReport early = svc.Tick(NowSeconds());
        CPPUNIT_ASSERT_EQUAL(0, early.succeeded + early.failed);
        TickReport r = svc.Tick(NowSeconds() + 31 * 86400);
        CPPUNIT_ASSERT_EQUAL(2, r.succeeded);
        CPPUNIT_ASSERT_EQUAL(1, r.failed);
        CPPUNIT_ASSERT_EQUAL(1, r.refunds_requested);
        CPPUNIT_ASSERT(svc.GetCampaign(reached)->state == State::kSucceeded);
        CPPUNIT_ASSERT(svc.GetCampaign(missed)->state == State::kFailed);
        CPPUNIT_ASSERT(svc.GetCampaign(keep)->state == State::kSucceeded);
        CPPUNIT_ASSERT(svc.GetPledge(pending)->state == PledgeState::kFailed);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc.GetReward(reward)->claimed);
        TickReport again = svc.Tick(NowSeconds() + 31 * 86400);
        CPPUNIT_ASSERT_EQUAL(
            0, again.succeeded + again.failed + again.refunds_requested + again.expired);
        CPPUNIT_ASSERT_EQUAL(std::string("end_missed"), svc.Log(missed).back().action);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void TwoTicksAtOnceCloseOnce() {
        Service svc(*pool_, rules_);
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 6; ++i) {
            ids.push_back(Live(svc, 10000, FundingModel::kAllOrNothing));
            Paid(svc, Actor{3000 + i, "B", false}, ids.back(), i % 2 == 0 ? 5000 : 1000);
        }
        std::atomic<int> closed{0}, refunds{0};
        RunThreads(2, [&](int) {
            TickReport r = Service(*pool_, rules_).Tick(NowSeconds() + 40 * 86400);
            closed += r.succeeded + r.failed;
            refunds += r.refunds_requested;
        });
        CPPUNIT_ASSERT_EQUAL(6, closed.load());
        CPPUNIT_ASSERT_EQUAL(6, refunds.load());
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{6},
            Count("SELECT COUNT(*) FROM {p}campaign_log WHERE action LIKE 'end_%'"));
        CPPUNIT_ASSERT(LedgerClean());
    }

    void StalePendingPledgesExpire() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 100000, FundingModel::kAllOrNothing);
        const std::int64_t reward = Reward(svc, id, 1000, 3);
        const std::int64_t stale = Pledge(svc, kBruno, id, reward, 1000).id;
        const std::int64_t paid = Paid(svc, kChloe, id, 1000);
        const std::int64_t later =
            NowSeconds() + std::int64_t{rules_.manual_pending_timeout_minutes} * 60 + 60;
        CPPUNIT_ASSERT_EQUAL(0, svc.Tick(NowSeconds() + 600).expired);
        CPPUNIT_ASSERT_EQUAL(1, svc.Tick(later).expired);
        CPPUNIT_ASSERT_EQUAL(0, svc.Tick(later).expired);
        CPPUNIT_ASSERT(svc.GetPledge(stale)->state == PledgeState::kExpired);
        CPPUNIT_ASSERT(svc.GetPledge(paid)->state == PledgeState::kPaid);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc.GetReward(reward)->claimed);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, svc.GetCampaign(id)->pledged);
        CPPUNIT_ASSERT(svc.ConfirmPaid(kStaff, stale, "").status == Outcome::Status::kConflict);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void CancelThenRefund() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        const std::int64_t p = Paid(svc, kBruno, id, 4000);
        CPPUNIT_ASSERT(svc.Cancel(kAlice, id, "Plus de local").ok());
        CPPUNIT_ASSERT(svc.GetPledge(p)->state == PledgeState::kRefundPending);
        CPPUNIT_ASSERT(svc.ConfirmRefund(kStaff, p, "chèque 12").changed);
        CPPUNIT_ASSERT(!svc.ConfirmRefund(kStaff, p, "chèque 12").changed);
        CPPUNIT_ASSERT(svc.GetPledge(p)->state == PledgeState::kRefunded);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc.GetCampaign(id)->collected);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1},
                             Count("SELECT COUNT(*) FROM {p}ledger_entries WHERE kind = 'refund'"));
        CPPUNIT_ASSERT(LedgerClean());
    }

    void FeeRecordedAtSuccess() {
        Rules with_fee = LoadRules(Ini::Parse("[crowdfunding]\nplatform_fee_percent = 5\n", "t"));
        Service svc(*pool_, with_fee);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        Paid(svc, kBruno, id, 10050);
        svc.Tick(NowSeconds() + 31 * 86400);
        svc.Tick(NowSeconds() + 32 * 86400);
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t{-503},
            Count(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM {p}ledger_entries WHERE kind = 'fee'"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{10050}, svc.GetCampaign(id)->collected);
        CPPUNIT_ASSERT(LedgerClean());
    }

    void RewardLimitNeverBelowClaims() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 100000, FundingModel::kAllOrNothing);
        const std::int64_t reward = Reward(svc, id, 1000, 5);
        Pledge(svc, kBruno, id, reward, 1000);
        Pledge(svc, kChloe, id, reward, 1000);
        Texts tx{Catalogs(), "fr"};
        Outcome o = svc.EditReward(kAlice, reward, RewardInput{"Atelier", "", "", 1000, 1}, tx);
        CPPUNIT_ASSERT(o.status == Outcome::Status::kInvalid);
        CPPUNIT_ASSERT(o.errors.Get("limit").find("Déjà 2") != std::string::npos);
        Outcome min = svc.EditReward(kAlice, reward, RewardInput{"Atelier", "", "", 500, 5}, tx);
        CPPUNIT_ASSERT(min.errors.Has("min_amount"));
        CPPUNIT_ASSERT(
            svc.EditReward(kBruno, reward, RewardInput{"x", "", "", 1000, 5}, tx).status ==
            Outcome::Status::kForbidden);
        CPPUNIT_ASSERT(
            svc.EditReward(kAlice, reward, RewardInput{"Atelier", "", "", 1000, 2}, tx).ok());
    }

    void LedgerCheckSeesATamperedTotal() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Live(svc, 10000, FundingModel::kAllOrNothing);
        Paid(svc, kBruno, id, 2000);
        CPPUNIT_ASSERT(LedgerClean());
        auto lease = pool_->Acquire();
        lease->Execute("t",
                       "UPDATE {p}campaigns SET collected_minor = collected_minor + 1 WHERE id = ?",
                       {id});
        LedgerReport report = CheckLedger(*lease);
        CPPUNIT_ASSERT(!report.ok());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, report.checks.at(0).problems.size());
        CPPUNIT_ASSERT(report.checks.at(0).problems[0].find("displays 20.01") != std::string::npos);
    }

  private:
    placette::crowdfunding::Draft DraftInput(std::int64_t goal,
                                             FundingModel m = FundingModel::kAllOrNothing) {
        placette::crowdfunding::Draft d;
        d.title = "Projet";
        d.summary = "Résumé";
        d.description = "Texte";
        d.neighbourhood = "centre";
        d.theme = "culture";
        d.goal = goal;
        d.model = m;
        d.duration_days = 30;
        return d;
    }
    std::int64_t MakeDraft(Service& svc, const Actor& owner, std::int64_t goal, FundingModel m) {
        return svc.CreateDraft(owner, DraftInput(goal, m)).id;
    }
    std::int64_t Live(Service& svc, std::int64_t goal, FundingModel m) {
        const std::int64_t id = MakeDraft(svc, kAlice, goal, m);
        CPPUNIT_ASSERT(svc.Submit(kAlice, id).ok());
        CPPUNIT_ASSERT(svc.Review(kStaff, id, Event::kApprove, "").ok());
        return id;
    }
    std::int64_t Reward(Service& svc, std::int64_t id, std::int64_t min, std::int64_t limit) {
        return svc.AddReward(kAlice, id, RewardInput{"Contrepartie", "", "", min, limit}).id;
    }
    Outcome Pledge(Service& svc, const Actor& who, std::int64_t id,
                   std::optional<std::int64_t> reward, std::int64_t amount,
                   std::string token = "") {
        PledgeInput in;
        in.reward_id = reward;
        in.amount = amount;
        in.token = token.empty() ? RandomHex(16) : token;
        return svc.CreatePledge(who, id, in, "manual", Texts{Catalogs(), "fr"});
    }
    std::int64_t Paid(Service& svc, const Actor& who, std::int64_t id, std::int64_t amount) {
        Outcome o = Pledge(svc, who, id, {}, amount);
        CPPUNIT_ASSERT_MESSAGE(o.errors.empty() ? o.reason : o.errors.Get(o.errors.fields()[0]),
                               o.ok());
        CPPUNIT_ASSERT(svc.ConfirmPaid(kStaff, o.id, "").ok());
        return o.id;
    }
    void ExpectRefused(Service& svc, const Actor& who, std::int64_t id,
                       std::optional<std::int64_t> reward, std::int64_t amount,
                       const std::string& field, const std::string& words) {
        Outcome o = Pledge(svc, who, id, reward, amount);
        CPPUNIT_ASSERT_MESSAGE(words, o.status == Outcome::Status::kInvalid);
        const std::string msg = Plain(o.errors.Get(field));
        CPPUNIT_ASSERT_MESSAGE(msg + " / expected: " + words, msg.find(words) != std::string::npos);
    }
    // Runs pledge(i) for i < n from n threads while the campaign is locked by another
    // transaction: the first pledge waits in MariaDB, the others queue in the campaign's lane
    // (core/batch_lanes.h); once they all wait, the lock is let go. The outcomes, in order.
    std::vector<Outcome> Queued(std::int64_t id, std::size_t n,
                                const std::function<Outcome(std::size_t)>& pledge) {
        std::vector<Outcome> outcomes(n);
        const auto before = PledgeLanes().stats();
        auto holder = pool_->Acquire();
        db::Transaction hold(*holder);
        holder->Execute("t.hold", "SELECT id FROM {p}campaigns WHERE id = ? FOR UPDATE", {id});
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < n; ++i)
            threads.emplace_back([&, i] { outcomes[i] = pledge(i); });
        bool queued = false;
        for (int i = 0; i < 10000 && !queued; ++i) {
            queued = PledgeLanes().Waiting(pool_.get(), id) == n - 1;
            if (!queued) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        hold.Commit();
        for (auto& t : threads) t.join();
        CPPUNIT_ASSERT_MESSAGE("the pledges did not all queue", queued);
        // Placed in two batches (the first pledge alone, then all the others), neither of which
        // failed and had its pledges placed again one by one.
        const auto after = PledgeLanes().stats();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, after.batches - before.batches);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{n}, after.jobs - before.jobs);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, after.failed - before.failed);
        return outcomes;
    }
    template <typename F>
    void RunThreads(int n, F fn) {
        std::vector<std::thread> threads;
        for (int i = 0; i < n; ++i) threads.emplace_back([&fn, i] { fn(i); });
        for (auto& t : threads) t.join();
    }
    std::int64_t Count(const std::string& sql, const std::vector<db::Value>& params = {}) {
        auto lease = pool_->Acquire();
        return lease->Execute("t.count", sql, params).rows.at(0).Int(0);
    }
    bool LedgerClean() {
        auto lease = pool_->Acquire();
        LedgerReport r = CheckLedger(*lease);
        for (const auto& c : r.checks) {
            for (const auto& p : c.problems) std::cerr << c.name << ": " << p << "\n";
        }
        return r.ok();
    }
    void DropAll() {
        if (!pool_) return;  // setUp failed (no test database): already reported
        auto lease = pool_->Acquire();
        // Table names come from information_schema, never from input.
        auto rows = lease
                        ->Execute("t.list",
                                  "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() "
                                  "AND table_name LIKE 'cft\\_%'")
                        .rows;
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 0");
        for (const auto& r : rows)
            lease->Execute("t.drop", "DROP TABLE IF EXISTS `" + r.Str(0) + "`");
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 1");
    }

    DatabaseConfig cfg_;
    std::unique_ptr<db::Pool> pool_;
    Rules rules_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CrowdfundingServiceTest, "crowdfunding");
