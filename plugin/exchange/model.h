// Barter & lending: items (give, lend, swap, request), loans of lendable items, their states and
// allowed transitions, calendar days and overlap, settings, and pure validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plugin/core/choices.h"
#include "plugin/core/config.h"

namespace placette::exchange {

enum class Kind { kGive, kLend, kSwap, kRequest };
enum class Condition { kNew, kGood, kFair, kWorn, kNone };
enum class Status { kActive, kPaused, kExpired, kClosed, kDone };
enum class Action { kPause, kResume, kRenew, kClose, kExpire, kDone };
enum class LoanStatus {
    kRequested,
    kAccepted,
    kDeclined,
    kCancelled,
    kOnLoan,
    kOverdue,
    kReturned
};
enum class LoanAction { kAccept, kDecline, kCancel, kHandover, kReturn, kOverdue };

std::string_view ToString(Kind k);
std::string_view ToString(Condition c);
std::string_view ToString(Status s);
std::string_view ToString(Action a);
std::string_view ToString(LoanStatus s);
std::string_view ToString(LoanAction a);
std::optional<Kind> ParseKind(std::string_view s);
std::optional<Condition> ParseCondition(std::string_view s);
std::optional<Status> ParseStatus(std::string_view s);
std::optional<Action> ParseAction(std::string_view s);
std::optional<LoanStatus> ParseLoanStatus(std::string_view s);
std::optional<LoanAction> ParseLoanAction(std::string_view s);

// Item states: like skill listings (pause/resume/renew/close/expire) plus `done` (given, swapped
// or received, with a partner) from active or paused, for every kind but `lend`.
std::optional<Status> Transition(Kind kind, Status from, Action a);
std::vector<Action> OwnerActions(Kind kind, Status s);  // without expire and done

// Loan states (spec "Loan"):
//   requested ─accept→ accepted ─handover→ on_loan ─return→ returned
//   requested ─decline→ declined; requested|accepted ─cancel→ cancelled
//   on_loan ─overdue (tick, after the end date)→ overdue ─return→ returned
std::optional<LoanStatus> Transition(LoanStatus from, LoanAction a);
// Who may take `a`: the owner accepts, declines, hands over and records the return; either party
// cancels (the borrower withdraws a request; either calls off an accepted loan); only the tick
// marks overdue.
bool MayAct(LoanAction a, bool is_owner, bool is_borrower);
// Accepted, on_loan and overdue periods block the calendar.
bool Blocks(LoanStatus s);

// A calendar day: days since 1970-01-01.
struct Day {
    std::int64_t n = 0;
    friend auto operator<=>(Day, Day) = default;
};
std::optional<Day> ParseIsoDay(std::string_view s);  // strictly YYYY-MM-DD, a real date
std::string IsoDay(Day d);
Day Today();  // from core::NowSeconds (UTC)

// Inclusive periods [start, end].
struct Period {
    Day start, end;
};
bool Overlaps(const Period& a, const Period& b);

struct Settings {
    std::int64_t listing_days = 60;
    std::size_t max_photo_bytes = 4 * 1024 * 1024;
    int photo_max_side = 1600;
    std::int64_t max_loan_days = 90;
    std::int64_t reminder_days = 1;
    std::vector<core::Choice> categories;
    std::vector<core::Choice> neighbourhoods;
    // [exchange] listing_days, max_photo_bytes, photo_max_side, max_loan_days, reminder_days,
    // categories, neighbourhoods (falls back to [site] neighbourhoods). Throws ConfigError.
    static Settings FromIni(const core::Ini& ini);
};

struct Item {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;
    std::string owner_name;
    Kind kind = Kind::kGive;
    std::string title;
    std::string description;
    std::string category;
    Condition condition = Condition::kGood;
    std::string neighbourhood;
    Status status = Status::kActive;
    bool has_photo = false;
    std::int64_t partner_id = 0;
    std::string partner_name;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

struct ItemInput {
    Kind kind = Kind::kGive;
    std::string title, description, category, neighbourhood;
    Condition condition = Condition::kGood;
};
struct RawItem {
    std::string kind, title, description, category, condition, neighbourhood;
};
using Problems = std::vector<std::pair<std::string, std::string>>;  // (field, catalog key)
Problems ValidateItem(const RawItem& raw, const Settings& s, ItemInput& out);

struct Loan {
    std::int64_t id = 0;
    std::int64_t item_id = 0;
    std::string item_title;
    std::int64_t owner_id = 0;
    std::int64_t borrower_id = 0;
    std::string owner_name, borrower_name;
    Period period;
    LoanStatus status = LoanStatus::kRequested;
    std::string message, handover_note, return_note;
    std::string source;
    std::int64_t source_id = 0;
    std::int64_t created_at = 0;
};

struct RawLoan {
    std::string start, end, message;
};
// Checks dates (format, end ≥ start, not before `today`, at most max_loan_days long) and message.
Problems ValidateLoan(const RawLoan& raw, const Settings& s, Day today, Period& period,
                      std::string& message);

}  // namespace placette::exchange
