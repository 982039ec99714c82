// The crowdfunding state machines (every state × every event, table-driven), the end-of-campaign
// decision, enum names, and the site rules read from [crowdfunding] with their defaults and bounds.
#include "plugin/crowdfunding/model.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <utility>

using namespace placette::crowdfunding;
using placette::core::ConfigError;
using placette::core::Ini;

namespace {
const std::vector<State> kStates = {State::kDraft,     State::kSubmitted, State::kLive,
                                    State::kSucceeded, State::kFailed,    State::kCancelled,
                                    State::kRejected,  State::kRealised};
const std::vector<Event> kEvents = {Event::kSubmit, Event::kRequestChanges, Event::kApprove,
                                    Event::kReject, Event::kEndReached,     Event::kEndMissed,
                                    Event::kCancel, Event::kMarkRealised};
const std::vector<PledgeState> kPledgeStates = {
    PledgeState::kPending, PledgeState::kPaid,          PledgeState::kFailed,
    PledgeState::kExpired, PledgeState::kRefundPending, PledgeState::kRefunded};
const std::vector<PledgeEvent> kPledgeEvents = {PledgeEvent::kPaid, PledgeEvent::kFailed,
                                                PledgeEvent::kExpire, PledgeEvent::kRefundRequested,
                                                PledgeEvent::kRefunded};
}  // namespace

class CrowdfundingModelTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrowdfundingModelTest);
    CPPUNIT_TEST(CampaignTransitionsFollowTheSpec);
    CPPUNIT_TEST(PledgeTransitionsFollowTheSpec);
    CPPUNIT_TEST(PaidPledgeNeverGoesBack);
    CPPUNIT_TEST(EndDecision);
    CPPUNIT_TEST(NamesRoundTrip);
    CPPUNIT_TEST(PublicAndEditableStates);
    CPPUNIT_TEST(RulesDefaultsFromTheSpec);
    CPPUNIT_TEST(RulesFromConfig);
    CPPUNIT_TEST(RulesOutOfRangeNameTheKey);
    CPPUNIT_TEST(CapAmountRoundsDown);
    CPPUNIT_TEST_SUITE_END();

  public:
    void CampaignTransitionsFollowTheSpec() {
        const std::map<std::pair<State, Event>, State> allowed = {
            {{State::kDraft, Event::kSubmit}, State::kSubmitted},
            {{State::kSubmitted, Event::kRequestChanges}, State::kDraft},
            {{State::kSubmitted, Event::kApprove}, State::kLive},
            {{State::kSubmitted, Event::kReject}, State::kRejected},
            {{State::kLive, Event::kEndReached}, State::kSucceeded},
            {{State::kLive, Event::kEndMissed}, State::kFailed},
            {{State::kLive, Event::kCancel}, State::kCancelled},
            {{State::kSucceeded, Event::kMarkRealised}, State::kRealised},
        };
        for (State s : kStates) {
            for (Event e : kEvents) {
                auto it = allowed.find({s, e});
                auto next = Next(s, e);
                const std::string what = std::string(Name(s)) + " + " + std::string(Name(e));
                if (it == allowed.end()) {
                    CPPUNIT_ASSERT_MESSAGE(what + " must be refused", !next.has_value());
                } else {
                    CPPUNIT_ASSERT_MESSAGE(what, next.has_value() && *next == it->second);
                }
            }
        }
    }

    void PledgeTransitionsFollowTheSpec() {
        const std::map<std::pair<PledgeState, PledgeEvent>, PledgeState> allowed = {
            {{PledgeState::kPending, PledgeEvent::kPaid}, PledgeState::kPaid},
            {{PledgeState::kPending, PledgeEvent::kFailed}, PledgeState::kFailed},
            {{PledgeState::kPending, PledgeEvent::kExpire}, PledgeState::kExpired},
            {{PledgeState::kPaid, PledgeEvent::kRefundRequested}, PledgeState::kRefundPending},
            {{PledgeState::kRefundPending, PledgeEvent::kRefunded}, PledgeState::kRefunded},
        };
        for (PledgeState s : kPledgeStates) {
            for (PledgeEvent e : kPledgeEvents) {
                auto it = allowed.find({s, e});
                auto next = Next(s, e);
                if (it == allowed.end()) {
                    CPPUNIT_ASSERT_MESSAGE(std::string(Name(s)), !next.has_value());
                } else {
                    CPPUNIT_ASSERT(next.has_value() && *next == it->second);
                }
            }
        }
    }

    void PaidPledgeNeverGoesBack() {
        CPPUNIT_ASSERT(!Next(PledgeState::kPaid, PledgeEvent::kFailed));
        CPPUNIT_ASSERT(!Next(PledgeState::kPaid, PledgeEvent::kExpire));
        CPPUNIT_ASSERT(!Next(PledgeState::kPaid, PledgeEvent::kPaid));
        CPPUNIT_ASSERT(!Next(PledgeState::kExpired, PledgeEvent::kPaid));
    }

    void EndDecision() {
        CPPUNIT_ASSERT(EndEvent(FundingModel::kAllOrNothing, 10000, 10000) == Event::kEndReached);
        CPPUNIT_ASSERT(EndEvent(FundingModel::kAllOrNothing, 9999, 10000) == Event::kEndMissed);
        CPPUNIT_ASSERT(EndEvent(FundingModel::kKeepItAll, 0, 10000) == Event::kEndReached);
        CPPUNIT_ASSERT(EndEvent(FundingModel::kKeepItAll, 20000, 10000) == Event::kEndReached);
    }

    void NamesRoundTrip() {
        for (State s : kStates) CPPUNIT_ASSERT(ParseState(Name(s)) == s);
        for (PledgeState s : kPledgeStates) CPPUNIT_ASSERT(ParsePledgeState(Name(s)) == s);
        for (NeedKind k : AllNeedKinds()) CPPUNIT_ASSERT(ParseNeedKind(Name(k)) == k);
        CPPUNIT_ASSERT(ParseFundingModel("keep_it_all") == FundingModel::kKeepItAll);
        CPPUNIT_ASSERT(!ParseState("LIVE"));
        CPPUNIT_ASSERT(!ParseFundingModel(""));
        CPPUNIT_ASSERT_EQUAL(std::string("refund_pending"),
                             std::string(Name(PledgeState::kRefundPending)));
    }

    void PublicAndEditableStates() {
        CPPUNIT_ASSERT(!IsPublic(State::kDraft));
        CPPUNIT_ASSERT(!IsPublic(State::kSubmitted));
        CPPUNIT_ASSERT(!IsPublic(State::kRejected));
        CPPUNIT_ASSERT(IsPublic(State::kLive));
        CPPUNIT_ASSERT(IsPublic(State::kCancelled));
        CPPUNIT_ASSERT(OwnerMayEdit(State::kDraft));
        CPPUNIT_ASSERT(OwnerMayEdit(State::kLive));
        CPPUNIT_ASSERT(!OwnerMayEdit(State::kSubmitted));
        CPPUNIT_ASSERT(!OwnerMayEdit(State::kSucceeded));
    }

    void RulesDefaultsFromTheSpec() {
        Rules r = LoadRules(Ini::Parse("", "t"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{10000}, r.min_goal);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1000000}, r.max_goal);
        CPPUNIT_ASSERT_EQUAL(150, r.cap_percent);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{100}, r.min_pledge);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{100000}, r.max_per_citizen);
        CPPUNIT_ASSERT_EQUAL(7, r.min_days);
        CPPUNIT_ASSERT_EQUAL(90, r.max_days);
        CPPUNIT_ASSERT_EQUAL(60, r.default_days);
        CPPUNIT_ASSERT_EQUAL(30, r.pending_timeout_minutes);
        CPPUNIT_ASSERT_EQUAL(0, r.fee_percent);
        CPPUNIT_ASSERT(Contains(r.themes, "environment"));
        CPPUNIT_ASSERT(Contains(r.neighbourhoods, "centre"));
    }

    void RulesFromConfig() {
        Rules r = LoadRules(
            Ini::Parse("[crowdfunding]\nmin_goal_cents = 5000\noverfunding_cap_percent = 120\n"
                       "themes = jardins, Fête de quartier , jardins\nneighbourhoods = Bourg\n"
                       "platform_fee_percent = 3\n",
                       "t"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{5000}, r.min_goal);
        CPPUNIT_ASSERT_EQUAL(120, r.cap_percent);
        CPPUNIT_ASSERT_EQUAL(3, r.fee_percent);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, r.themes.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Fête de quartier"), r.themes[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("Bourg"), r.neighbourhoods.at(0));
    }

    void RulesOutOfRangeNameTheKey() {
        const char* bad[] = {"[crowdfunding]\noverfunding_cap_percent = 50\n",
                             "[crowdfunding]\nmin_days = 0\n",
                             "[crowdfunding]\nmin_goal_cents = 500\nmax_goal_cents = 100\n",
                             "[crowdfunding]\ndefault_days = 200\n",
                             "[crowdfunding]\nthemes = ,\n",
                             "[crowdfunding]\ncurrency = EURO\n"};
        for (const char* text : bad) {
            try {
                LoadRules(Ini::Parse(text, "t"));
                CPPUNIT_FAIL(std::string("accepted: ") + text);
            } catch (const ConfigError& e) {
                CPPUNIT_ASSERT_MESSAGE(
                    e.what(), std::string(e.what()).find("[crowdfunding]") != std::string::npos);
            }
        }
    }

    void CapAmountRoundsDown() {
        CPPUNIT_ASSERT_EQUAL(std::int64_t{150000}, CapAmount(100000, 150));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{15001}, CapAmount(10001, 150));  // 15001.5 → 15001
        CPPUNIT_ASSERT_EQUAL(std::int64_t{10001}, CapAmount(10001, 100));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CrowdfundingModelTest, "crowdfunding");
