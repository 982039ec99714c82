// Crowdfunding's plain data (campaigns, rewards, needs, offers, updates, pledges, ledger kinds),
// the two state machines as pure functions, and the site rules of the [crowdfunding] section.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/core/config.h"

namespace placette::crowdfunding {

// --- Campaign life cycle (spec: draft → submitted → live → succeeded/failed/cancelled …) -------
enum class State {
    kDraft,
    kSubmitted,
    kLive,
    kSucceeded,
    kFailed,
    kCancelled,
    kRejected,
    kRealised
};
enum class Event {
    kSubmit,          // owner
    kRequestChanges,  // staff, with a message
    kApprove,         // staff
    kReject,          // staff, with a reason
    kEndReached,      // tick: end date passed and the funding model says success
    kEndMissed,       // tick: end date passed, all-or-nothing below the goal
    kCancel,          // owner or staff, while live
    kMarkRealised,    // owner or staff, after success
};
// The state after `event`, or nullopt when the event is not allowed in `from`.
std::optional<State> Next(State from, Event event);

enum class FundingModel { kAllOrNothing, kKeepItAll };
// Which end event a live campaign gets: keep-it-all always succeeds; all-or-nothing needs
// collected ≥ goal.
Event EndEvent(FundingModel model, std::int64_t collected, std::int64_t goal);

// --- Pledge life cycle ------------------------------------------------------------------------
enum class PledgeState { kPending, kPaid, kFailed, kExpired, kRefundPending, kRefunded };
enum class PledgeEvent { kPaid, kFailed, kExpire, kRefundRequested, kRefunded };
std::optional<PledgeState> Next(PledgeState from, PledgeEvent event);

enum class NeedKind { kSkill, kEquipment, kVolunteers, kSpace, kOther };
enum class OfferState { kOpen, kAccepted, kDeclined };
enum class LedgerKind { kPayment, kRefund, kMatch, kMatchWithdrawal, kFee, kPayout };

// Names as stored in the database (ENUM values) and used in URLs and catalog keys.
std::string_view Name(State s);
std::string_view Name(FundingModel m);
std::string_view Name(PledgeState s);
std::string_view Name(NeedKind k);
std::string_view Name(OfferState s);
std::string_view Name(LedgerKind k);
std::string_view Name(Event e);
std::optional<State> ParseState(std::string_view name);
std::optional<FundingModel> ParseFundingModel(std::string_view name);
std::optional<PledgeState> ParsePledgeState(std::string_view name);
std::optional<NeedKind> ParseNeedKind(std::string_view name);
std::optional<OfferState> ParseOfferState(std::string_view name);
const std::vector<NeedKind>& AllNeedKinds();

// Anyone may read a campaign in these states; the others only its owner and staff.
bool IsPublic(State s);
// The owner may edit text (draft: everything; live: text only, logged), rewards and needs.
bool OwnerMayEdit(State s);

// --- Records ----------------------------------------------------------------------------------
struct Campaign {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;
    std::string owner_name;
    State state = State::kDraft;
    std::string title, slug, summary, description, neighbourhood, theme, place;
    std::string latitude, longitude;  // decimal text or empty
    std::int64_t goal = 0;            // minor units
    std::string currency = "EUR";
    FundingModel model = FundingModel::kAllOrNothing;
    int duration_days = 0;
    int cap_percent = 150;
    std::string review_message;  // last "changes requested" message or rejection reason
    bool featured = false;
    std::int64_t pledged = 0;    // pending + paid pledges (cached, for the cap)
    std::int64_t collected = 0;  // Σ payments − Σ refunds (cached, equals the ledger)
    std::int64_t created_at = 0, published_at = 0, ends_at = 0, closed_at = 0;  // epoch s; 0 = none
};

struct Reward {
    std::int64_t id = 0, campaign_id = 0;
    std::string title, description;
    std::int64_t min_amount = 0;
    std::optional<std::int64_t> limit;  // nullopt = unlimited
    std::int64_t claimed = 0;
    std::string delivery;  // YYYY-MM-DD or empty
    bool SoldOut() const { return limit && claimed >= *limit; }
};

struct Need {
    std::int64_t id = 0, campaign_id = 0;
    NeedKind kind = NeedKind::kOther;
    std::string title, description;
    std::int64_t quantity = 1;
    std::int64_t fulfilled = 0;  // Σ quantity of accepted offers
    // When it is needed, YYYY-MM-DD inclusive; both empty when the need has no dates. An item
    // offered on a need is lent for these dates.
    std::string needed_from, needed_until;
    bool HasDates() const { return !needed_from.empty(); }
};

struct Offer {
    std::int64_t id = 0, need_id = 0, campaign_id = 0, user_id = 0;
    std::string user_name, message, need_title;
    std::int64_t quantity = 1;
    std::string link_type;  // "skill", "item" (another section's listing) or empty
    std::int64_t link_id = 0;
    OfferState state = OfferState::kOpen;
    std::int64_t created_at = 0;
};

struct Update {
    std::int64_t id = 0, campaign_id = 0;
    std::string title, body;
    std::int64_t created_at = 0;
};

struct LogEntry {
    std::int64_t actor_id = 0;
    std::string actor_name, action, from, to, message;
    std::int64_t at = 0;
};

struct Pledge {
    std::int64_t id = 0, campaign_id = 0, backer_id = 0;
    std::optional<std::int64_t> reward_id;
    std::string reward_title, campaign_title;
    std::int64_t amount = 0;
    std::string currency = "EUR";
    PledgeState state = PledgeState::kPending;
    bool anonymous = false;
    std::string display_name, message, token, provider, provider_ref;
    std::int64_t created_at = 0, paid_at = 0;
};

// --- Site rules -------------------------------------------------------------------------------
struct Rules {
    std::int64_t min_goal = 10000;          // [crowdfunding] min_goal_cents
    std::int64_t max_goal = 1000000;        // max_goal_cents
    int cap_percent = 150;                  // overfunding_cap_percent
    std::int64_t min_pledge = 100;          // min_pledge_cents
    std::int64_t max_per_citizen = 100000;  // max_pledge_per_citizen_cents
    int min_days = 7, max_days = 90, default_days = 60;
    int pending_timeout_minutes = 30;            // provider pledges
    int manual_pending_timeout_minutes = 10080;  // pledges paid at the town hall (7 days)
    int fee_percent = 0;                         // platform_fee_percent
    std::string currency = "EUR";
    std::vector<std::string> themes;
    std::vector<std::string> neighbourhoods;
    std::string manual_instructions;  // shown on a pending manual pledge; empty: catalog text
};

// Reads [crowdfunding]; throws core::ConfigError naming the key when a value is out of range.
Rules LoadRules(const core::Ini& ini);
// goal × cap% / 100, rounded down: the most that pending + paid pledges may reach.
std::int64_t CapAmount(std::int64_t goal, int cap_percent);
bool Contains(const std::vector<std::string>& list, std::string_view value);

}  // namespace placette::crowdfunding
