// State machines as transition tables, enum names as stored in the database, and the site rules
// read (and range-checked) from the [crowdfunding] configuration section.
#include "plugin/crowdfunding/model.h"

#include <array>
#include <utility>

namespace placette::crowdfunding {

namespace {
template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<State, 8> kStates{{{State::kDraft, "draft"},
                                   {State::kSubmitted, "submitted"},
                                   {State::kLive, "live"},
                                   {State::kSucceeded, "succeeded"},
                                   {State::kFailed, "failed"},
                                   {State::kCancelled, "cancelled"},
                                   {State::kRejected, "rejected"},
                                   {State::kRealised, "realised"}}};
constexpr Names<FundingModel, 2> kModels{
    {{FundingModel::kAllOrNothing, "all_or_nothing"}, {FundingModel::kKeepItAll, "keep_it_all"}}};
constexpr Names<PledgeState, 6> kPledgeStates{{{PledgeState::kPending, "pending"},
                                               {PledgeState::kPaid, "paid"},
                                               {PledgeState::kFailed, "failed"},
                                               {PledgeState::kExpired, "expired"},
                                               {PledgeState::kRefundPending, "refund_pending"},
                                               {PledgeState::kRefunded, "refunded"}}};
constexpr Names<NeedKind, 5> kNeedKinds{{{NeedKind::kSkill, "skill"},
                                         {NeedKind::kEquipment, "equipment"},
                                         {NeedKind::kVolunteers, "volunteers"},
                                         {NeedKind::kSpace, "space"},
                                         {NeedKind::kOther, "other"}}};
constexpr Names<OfferState, 3> kOfferStates{{{OfferState::kOpen, "open"},
                                             {OfferState::kAccepted, "accepted"},
                                             {OfferState::kDeclined, "declined"}}};
constexpr Names<LedgerKind, 6> kLedgerKinds{{{LedgerKind::kPayment, "payment"},
                                             {LedgerKind::kRefund, "refund"},
                                             {LedgerKind::kMatch, "match"},
                                             {LedgerKind::kMatchWithdrawal, "match_withdrawal"},
                                             {LedgerKind::kFee, "fee"},
                                             {LedgerKind::kPayout, "payout"}}};
constexpr Names<Event, 8> kEvents{{{Event::kSubmit, "submit"},
                                   {Event::kRequestChanges, "request_changes"},
                                   {Event::kApprove, "approve"},
                                   {Event::kReject, "reject"},
                                   {Event::kEndReached, "end_reached"},
                                   {Event::kEndMissed, "end_missed"},
                                   {Event::kCancel, "cancel"},
                                   {Event::kMarkRealised, "mark_realised"}}};

template <typename E, std::size_t N>
std::string_view NameIn(const Names<E, N>& names, E value) {
    for (const auto& [e, name] : names) {
        if (e == value) return name;
    }
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> ParseIn(const Names<E, N>& names, std::string_view text) {
    for (const auto& [e, name] : names) {
        if (name == text) return e;
    }
    return std::nullopt;
}

struct Transition {
    State from;
    Event event;
    State to;
};
constexpr std::array<Transition, 8> kTransitions{{
    {State::kDraft, Event::kSubmit, State::kSubmitted},
    {State::kSubmitted, Event::kRequestChanges, State::kDraft},
    {State::kSubmitted, Event::kApprove, State::kLive},
    {State::kSubmitted, Event::kReject, State::kRejected},
    {State::kLive, Event::kEndReached, State::kSucceeded},
    {State::kLive, Event::kEndMissed, State::kFailed},
    {State::kLive, Event::kCancel, State::kCancelled},
    {State::kSucceeded, Event::kMarkRealised, State::kRealised},
}};

struct PledgeTransition {
    PledgeState from;
    PledgeEvent event;
    PledgeState to;
};
constexpr std::array<PledgeTransition, 5> kPledgeTransitions{{
    {PledgeState::kPending, PledgeEvent::kPaid, PledgeState::kPaid},
    {PledgeState::kPending, PledgeEvent::kFailed, PledgeState::kFailed},
    {PledgeState::kPending, PledgeEvent::kExpire, PledgeState::kExpired},
    {PledgeState::kPaid, PledgeEvent::kRefundRequested, PledgeState::kRefundPending},
    {PledgeState::kRefundPending, PledgeEvent::kRefunded, PledgeState::kRefunded},
}};

std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty() && !Contains(out, item)) out.emplace_back(item);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

std::vector<std::string> ListOr(const core::Ini& ini, std::string_view key, std::string_view def) {
    std::vector<std::string> list = SplitList(ini.GetOr("crowdfunding", key, def));
    for (const std::string& item : list) {
        if (item.size() > 64) {
            throw core::ConfigError("[crowdfunding] " + std::string(key) +
                                    ": each item must be at most 64 characters");
        }
    }
    if (list.empty())
        throw core::ConfigError("[crowdfunding] " + std::string(key) + " must not be empty");
    return list;
}
}  // namespace

std::optional<State> Next(State from, Event event) {
    for (const Transition& t : kTransitions) {
        if (t.from == from && t.event == event) return t.to;
    }
    return std::nullopt;
}

std::optional<PledgeState> Next(PledgeState from, PledgeEvent event) {
    for (const PledgeTransition& t : kPledgeTransitions) {
        if (t.from == from && t.event == event) return t.to;
    }
    return std::nullopt;
}

Event EndEvent(FundingModel model, std::int64_t collected, std::int64_t goal) {
    if (model == FundingModel::kKeepItAll) return Event::kEndReached;
    return collected >= goal ? Event::kEndReached : Event::kEndMissed;
}

std::string_view Name(State s) { return NameIn(kStates, s); }
std::string_view Name(FundingModel m) { return NameIn(kModels, m); }
std::string_view Name(PledgeState s) { return NameIn(kPledgeStates, s); }
std::string_view Name(NeedKind k) { return NameIn(kNeedKinds, k); }
std::string_view Name(OfferState s) { return NameIn(kOfferStates, s); }
std::string_view Name(LedgerKind k) { return NameIn(kLedgerKinds, k); }
std::string_view Name(Event e) { return NameIn(kEvents, e); }
std::optional<State> ParseState(std::string_view n) { return ParseIn(kStates, n); }
std::optional<FundingModel> ParseFundingModel(std::string_view n) { return ParseIn(kModels, n); }
std::optional<PledgeState> ParsePledgeState(std::string_view n) {
    return ParseIn(kPledgeStates, n);
}
std::optional<NeedKind> ParseNeedKind(std::string_view n) { return ParseIn(kNeedKinds, n); }
std::optional<OfferState> ParseOfferState(std::string_view n) { return ParseIn(kOfferStates, n); }

const std::vector<NeedKind>& AllNeedKinds() {
    static const std::vector<NeedKind> kAll{NeedKind::kSkill, NeedKind::kEquipment,
                                            NeedKind::kVolunteers, NeedKind::kSpace,
                                            NeedKind::kOther};
    return kAll;
}

bool IsPublic(State s) {
    return s == State::kLive || s == State::kSucceeded || s == State::kFailed ||
           s == State::kCancelled || s == State::kRealised;
}

bool OwnerMayEdit(State s) { return s == State::kDraft || s == State::kLive; }

bool Contains(const std::vector<std::string>& list, std::string_view value) {
    for (const std::string& item : list) {
        if (item == value) return true;
    }
    return false;
}

std::int64_t CapAmount(std::int64_t goal, int cap_percent) {
    // goal ≤ 10^12 cents by the config bounds below, cap ≤ 1000: no overflow.
    return goal * cap_percent / 100;
}

Rules LoadRules(const core::Ini& ini) {
    constexpr std::string_view kS = "crowdfunding";
    constexpr std::int64_t kMaxCents = 100'000'000'000;  // one billion euros
    Rules r;
    r.min_goal = ini.GetInt(kS, "min_goal_cents", r.min_goal, 1, kMaxCents);
    r.max_goal = ini.GetInt(kS, "max_goal_cents", r.max_goal, r.min_goal, kMaxCents);
    r.cap_percent =
        static_cast<int>(ini.GetInt(kS, "overfunding_cap_percent", r.cap_percent, 100, 1000));
    r.min_pledge = ini.GetInt(kS, "min_pledge_cents", r.min_pledge, 1, kMaxCents);
    r.max_per_citizen =
        ini.GetInt(kS, "max_pledge_per_citizen_cents", r.max_per_citizen, r.min_pledge, kMaxCents);
    r.min_days = static_cast<int>(ini.GetInt(kS, "min_days", r.min_days, 1, 365));
    r.max_days = static_cast<int>(ini.GetInt(kS, "max_days", r.max_days, r.min_days, 365));
    r.default_days =
        static_cast<int>(ini.GetInt(kS, "default_days", r.default_days, r.min_days, r.max_days));
    r.pending_timeout_minutes = static_cast<int>(
        ini.GetInt(kS, "pending_timeout_minutes", r.pending_timeout_minutes, 1, 60 * 24 * 30));
    r.manual_pending_timeout_minutes = static_cast<int>(ini.GetInt(
        kS, "manual_pending_timeout_minutes", r.manual_pending_timeout_minutes, 1, 60 * 24 * 90));
    r.fee_percent = static_cast<int>(ini.GetInt(kS, "platform_fee_percent", r.fee_percent, 0, 50));
    r.currency = ini.GetOr(kS, "currency", r.currency);
    if (r.currency.size() != 3)
        throw core::ConfigError("[crowdfunding] currency must be an ISO 4217 code (EUR)");
    r.themes = ListOr(ini, "themes",
                      "environment, culture, solidarity, sport, education, mobility, heritage");
    r.neighbourhoods = ListOr(ini, "neighbourhoods", "centre, north, south, east, west");
    r.manual_instructions = ini.GetOr(kS, "manual_payment_instructions", "");
    return r;
}

}  // namespace placette::crowdfunding
