// Names of the exchange section's states, its two state machines, days and validation.
#include "plugin/exchange/model.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "plugin/core/clock.h"
#include "plugin/core/text.h"

namespace placette::exchange {

namespace {
template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::optional<E> FromName(const Names<E, N>& table, std::string_view s) {
    for (const auto& [value, name] : table) {
        if (name == s) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view ToName(const Names<E, N>& table, E e) {
    for (const auto& [value, name] : table) {
        if (value == e) return name;
    }
    return "";
}

constexpr Names<Kind, 4> kKinds{{{Kind::kGive, "give"},
                                 {Kind::kLend, "lend"},
                                 {Kind::kSwap, "swap"},
                                 {Kind::kRequest, "request"}}};
constexpr Names<Condition, 5> kConditions{{{Condition::kNew, "new"},
                                           {Condition::kGood, "good"},
                                           {Condition::kFair, "fair"},
                                           {Condition::kWorn, "worn"},
                                           {Condition::kNone, "none"}}};
constexpr Names<Status, 5> kStatuses{{{Status::kActive, "active"},
                                      {Status::kPaused, "paused"},
                                      {Status::kExpired, "expired"},
                                      {Status::kClosed, "closed"},
                                      {Status::kDone, "done"}}};
constexpr Names<Action, 6> kActions{{{Action::kPause, "pause"},
                                     {Action::kResume, "resume"},
                                     {Action::kRenew, "renew"},
                                     {Action::kClose, "close"},
                                     {Action::kExpire, "expire"},
                                     {Action::kDone, "done"}}};
constexpr Names<LoanStatus, 7> kLoanStatuses{{{LoanStatus::kRequested, "requested"},
                                              {LoanStatus::kAccepted, "accepted"},
                                              {LoanStatus::kDeclined, "declined"},
                                              {LoanStatus::kCancelled, "cancelled"},
                                              {LoanStatus::kOnLoan, "on_loan"},
                                              {LoanStatus::kOverdue, "overdue"},
                                              {LoanStatus::kReturned, "returned"}}};
constexpr Names<LoanAction, 6> kLoanActions{{{LoanAction::kAccept, "accept"},
                                             {LoanAction::kDecline, "decline"},
                                             {LoanAction::kCancel, "cancel"},
                                             {LoanAction::kHandover, "handover"},
                                             {LoanAction::kReturn, "return"},
                                             {LoanAction::kOverdue, "overdue"}}};

constexpr const char* kDefaultCategories =
    "tools; garden; kitchen; books; clothes; children; sports; electronics; furniture; "
    "vehicles; services; other";
constexpr const char* kDefaultNeighbourhoods =
    "centre:Centre-ville; gare:Quartier de la gare; forges:Les Forges; coteaux:Les Coteaux; "
    "hameaux:Les hameaux";

bool Open(Status s) { return s == Status::kActive || s == Status::kPaused; }

void CheckText(Problems& p, const std::string& field, const std::string& value, std::size_t max,
               bool required, bool multiline) {
    auto len = core::TextLength(value, multiline);
    if (!len) {
        p.emplace_back(field, "exchange.error.text_invalid");
    } else if (required && *len == 0) {
        p.emplace_back(field, "exchange.error." + field + "_empty");
    } else if (*len > max) {
        p.emplace_back(field, "exchange.error." + field + "_long");
    }
}
}  // namespace

std::string_view ToString(Kind k) { return ToName(kKinds, k); }
std::string_view ToString(Condition c) { return ToName(kConditions, c); }
std::string_view ToString(Status s) { return ToName(kStatuses, s); }
std::string_view ToString(Action a) { return ToName(kActions, a); }
std::string_view ToString(LoanStatus s) { return ToName(kLoanStatuses, s); }
std::string_view ToString(LoanAction a) { return ToName(kLoanActions, a); }
std::optional<Kind> ParseKind(std::string_view s) { return FromName(kKinds, s); }
std::optional<Condition> ParseCondition(std::string_view s) { return FromName(kConditions, s); }
std::optional<Status> ParseStatus(std::string_view s) { return FromName(kStatuses, s); }
std::optional<Action> ParseAction(std::string_view s) { return FromName(kActions, s); }
std::optional<LoanStatus> ParseLoanStatus(std::string_view s) { return FromName(kLoanStatuses, s); }
std::optional<LoanAction> ParseLoanAction(std::string_view s) { return FromName(kLoanActions, s); }

std::optional<Status> Transition(Kind kind, Status from, Action a) {
    const bool terminal = from == Status::kClosed || from == Status::kDone;
    switch (a) {
        case Action::kPause:
            return from == Status::kActive ? std::optional(Status::kPaused) : std::nullopt;
        case Action::kResume:
            return from == Status::kPaused ? std::optional(Status::kActive) : std::nullopt;
        case Action::kRenew:
            return !terminal ? std::optional(Status::kActive) : std::nullopt;
        case Action::kExpire:
            return Open(from) ? std::optional(Status::kExpired) : std::nullopt;
        case Action::kClose:
            return !terminal ? std::optional(Status::kClosed) : std::nullopt;
        case Action::kDone:
            return Open(from) && kind != Kind::kLend ? std::optional(Status::kDone) : std::nullopt;
    }
    return std::nullopt;
}

std::vector<Action> OwnerActions(Kind kind, Status s) {
    std::vector<Action> out;
    for (Action a : {Action::kPause, Action::kResume, Action::kRenew, Action::kClose}) {
        if (Transition(kind, s, a)) out.push_back(a);
    }
    return out;
}

std::optional<LoanStatus> Transition(LoanStatus from, LoanAction a) {
    using S = LoanStatus;
    switch (a) {
        case LoanAction::kAccept:
            return from == S::kRequested ? std::optional(S::kAccepted) : std::nullopt;
        case LoanAction::kDecline:
            return from == S::kRequested ? std::optional(S::kDeclined) : std::nullopt;
        case LoanAction::kCancel:
            return from == S::kRequested || from == S::kAccepted ? std::optional(S::kCancelled)
                                                                 : std::nullopt;
        case LoanAction::kHandover:
            return from == S::kAccepted ? std::optional(S::kOnLoan) : std::nullopt;
        case LoanAction::kReturn:
            return from == S::kOnLoan || from == S::kOverdue ? std::optional(S::kReturned)
                                                             : std::nullopt;
        case LoanAction::kOverdue:
            return from == S::kOnLoan ? std::optional(S::kOverdue) : std::nullopt;
    }
    return std::nullopt;
}

bool MayAct(LoanAction a, bool is_owner, bool is_borrower) {
    switch (a) {
        case LoanAction::kCancel:
            return is_owner || is_borrower;
        case LoanAction::kOverdue:
            return false;
        default:
            return is_owner;
    }
}

bool Blocks(LoanStatus s) {
    return s == LoanStatus::kAccepted || s == LoanStatus::kOnLoan || s == LoanStatus::kOverdue;
}

std::optional<Day> ParseIsoDay(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || *y < 1970) return std::nullopt;
    using namespace std::chrono;
    year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{sys_days{ymd}.time_since_epoch().count()};
}

std::string IsoDay(Day d) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{d.n}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

Day Today() { return Day{core::DayOf(core::NowSeconds())}; }

bool Overlaps(const Period& a, const Period& b) { return a.start <= b.end && b.start <= a.end; }

Settings Settings::FromIni(const core::Ini& ini) {
    Settings s;
    s.listing_days = ini.GetInt("exchange", "listing_days", 60, 1, 3650);
    s.max_photo_bytes = static_cast<std::size_t>(
        ini.GetInt("exchange", "max_photo_bytes", 4 * 1024 * 1024, 10 * 1024, 32 * 1024 * 1024));
    s.photo_max_side = static_cast<int>(ini.GetInt("exchange", "photo_max_side", 1600, 64, 8000));
    s.max_loan_days = ini.GetInt("exchange", "max_loan_days", 90, 1, 3650);
    s.reminder_days = ini.GetInt("exchange", "reminder_days", 1, 0, 30);
    s.categories = core::ChoicesFromConfig(ini, "exchange", "categories", "", kDefaultCategories);
    s.neighbourhoods =
        core::ChoicesFromConfig(ini, "exchange", "neighbourhoods", "site", kDefaultNeighbourhoods);
    return s;
}

Problems ValidateItem(const RawItem& raw, const Settings& s, ItemInput& out) {
    Problems p;
    auto kind = ParseKind(raw.kind);
    if (!kind) p.emplace_back("kind", "exchange.error.kind");
    ItemInput in;
    in.title = core::Trim(raw.title);
    in.description = core::Trim(raw.description);
    CheckText(p, "title", in.title, 150, true, false);
    CheckText(p, "description", in.description, 5000, true, true);
    if (!core::HasChoice(s.categories, raw.category))
        p.emplace_back("category", "exchange.error.category");
    auto condition = ParseCondition(raw.condition);
    if (!condition || (*condition == Condition::kNone && kind && *kind != Kind::kRequest)) {
        p.emplace_back("condition", "exchange.error.condition");
    }
    if (!core::HasChoice(s.neighbourhoods, raw.neighbourhood)) {
        p.emplace_back("neighbourhood", "exchange.error.neighbourhood");
    }
    if (!p.empty()) return p;
    in.kind = *kind;
    in.condition = *condition;
    in.category = raw.category;
    in.neighbourhood = raw.neighbourhood;
    out = std::move(in);
    return p;
}

Problems ValidateLoan(const RawLoan& raw, const Settings& s, Day today, Period& period,
                      std::string& message) {
    Problems p;
    auto start = ParseIsoDay(core::Trim(raw.start));
    auto end = ParseIsoDay(core::Trim(raw.end));
    if (!start) p.emplace_back("start", "exchange.error.start_date");
    if (!end) p.emplace_back("end", "exchange.error.end_date");
    if (start && *start < today) p.emplace_back("start", "exchange.error.past");
    if (start && end && *end < *start) p.emplace_back("end", "exchange.error.end_before_start");
    if (start && end && *end >= *start && end->n - start->n + 1 > s.max_loan_days) {
        p.emplace_back("end", "exchange.error.too_long");
    }
    message = core::Trim(raw.message);
    auto len = core::TextLength(message, true);
    if (!len) {
        p.emplace_back("message", "exchange.error.text_invalid");
    } else if (*len > 500) {
        p.emplace_back("message", "exchange.error.message_long");
    }
    if (p.empty()) period = Period{*start, *end};
    return p;
}

}  // namespace placette::exchange
