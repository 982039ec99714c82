// Loan rules. Every change to an item's loans first locks the item row (SELECT … FOR UPDATE), then
// the loan; accepting re-checks the calendar under that lock, so two accepted, on-loan or overdue
// periods of one item can never overlap, however many owners' clicks arrive at once.
#include "plugin/core/clock.h"
#include "plugin/core/text.h"
#include "plugin/exchange/service.h"

namespace placette::exchange {

namespace {
using core::db::Connection;
using core::links::LoanRequestResult;

std::string LoanPath(std::int64_t id) { return "/loans/" + std::to_string(id); }

Result Fail(Outcome o, std::string key = "") {
    Result r;
    r.outcome = o;
    r.message_key = std::move(key);
    return r;
}

// Checks the item and the calendar, then inserts the request (the item row is locked here).
Result Insert(Connection& c, std::int64_t item_id, std::int64_t borrower, const Period& period,
              const std::string& message, const std::string& source, std::int64_t source_id) {
    auto item = repo::FindItem(c, item_id, true);
    if (!item) return Fail(Outcome::kNotFound, "exchange.error.no_item");
    if (item->kind != Kind::kLend) return Fail(Outcome::kConflict, "exchange.error.not_lendable");
    if (item->status != Status::kActive) return Fail(Outcome::kConflict, "exchange.error.inactive");
    if (item->owner_id == borrower) return Fail(Outcome::kForbidden, "exchange.error.own_item");
    if (repo::CountBlocking(c, item_id, 0, period.start, period.end, Today()) > 0) {
        return Result{Outcome::kInvalid, 0, {{"start", "exchange.error.dates_taken"}}, ""};
    }
    Loan l;
    l.item_id = item_id;
    l.owner_id = item->owner_id;
    l.borrower_id = borrower;
    l.period = period;
    l.message = message;
    l.source = source;
    l.source_id = source_id;
    std::int64_t id = repo::InsertLoan(c, l, core::NowSeconds());
    core::links::Notify(c, {item->owner_id, "loan_requested", item->title, LoanPath(id), ""});
    Result r;
    r.id = id;
    return r;
}

std::string NoticeFor(LoanAction a) {
    switch (a) {
        case LoanAction::kAccept:
            return "loan_accepted";
        case LoanAction::kDecline:
            return "loan_declined";
        case LoanAction::kHandover:
            return "loan_handed_over";
        case LoanAction::kReturn:
            return "loan_returned";
        default:
            return "loan_cancelled";
    }
}

// Applies an allowed action to a locked loan.
Result Apply(Connection& c, const Loan& loan, LoanAction action, LoanStatus next,
             const std::string& note, std::int64_t actor) {
    const std::int64_t now = core::NowSeconds();
    if (action == LoanAction::kAccept) {
        if (loan.period.end < Today()) return Fail(Outcome::kConflict, "exchange.error.loan_past");
        if (repo::CountBlocking(c, loan.item_id, loan.id, loan.period.start, loan.period.end,
                                Today()) > 0) {
            return Fail(Outcome::kConflict, "exchange.error.overlap");
        }
    }
    if (action == LoanAction::kHandover) {
        repo::SetHandover(c, loan.id, note, now);
    } else if (action == LoanAction::kReturn) {
        repo::SetReturned(c, loan.id, note, now);
    } else {
        repo::SetLoanStatus(c, loan.id, next, now);
    }
    const std::int64_t other = actor == loan.owner_id ? loan.borrower_id : loan.owner_id;
    core::links::Notify(c, {other, NoticeFor(action), loan.item_title, LoanPath(loan.id), ""});
    Result r;
    r.id = loan.id;
    return r;
}

Problems CheckNote(const std::string& note) {
    auto len = core::TextLength(note, true);
    if (!len) return {{"note", "exchange.error.text_invalid"}};
    if (*len > 500) return {{"note", "exchange.error.note_long"}};
    return {};
}

// On-loan loans past their end date become overdue (item locked first, as everywhere); both
// parties are told once.
int MarkOverdue(core::db::Pool& pool, Day today, std::int64_t now) {
    constexpr int kBatch = 200;
    int marked = 0;
    for (bool more = true; more;) {
        auto due = core::db::Run(
            pool, [&](Connection& c) { return repo::LoansPastEnd(c, today, kBatch); });
        more = static_cast<int>(due.size()) == kBatch;
        for (const Loan& l : due) {
            marked += core::db::RunInTransaction(pool, [&](Connection& c) {
                repo::FindItem(c, l.item_id, true);
                auto loan = repo::FindLoan(c, l.id, true);
                if (!loan || loan->status != LoanStatus::kOnLoan || !(loan->period.end < today))
                    return 0;
                repo::SetLoanStatus(c, l.id, LoanStatus::kOverdue, now);
                const std::string key = "loan-overdue:" + std::to_string(l.id);
                core::links::Notify(
                    c, {l.borrower_id, "loan_overdue", l.item_title, LoanPath(l.id), key + ":b"});
                core::links::Notify(
                    c, {l.owner_id, "loan_overdue", l.item_title, LoanPath(l.id), key + ":o"});
                return 1;
            });
        }
    }
    return marked;
}

// Borrowers of loans ending within `days` get one reminder per end date.
int SendReminders(core::db::Pool& pool, Day today, std::int64_t days) {
    return core::db::RunInTransaction(pool, [&](Connection& c) {
        auto soon = repo::LoansDueSoon(c, today, Day{today.n + days}, 1000);
        for (const Loan& l : soon) {
            core::links::Notify(
                c, {l.borrower_id, "loan_reminder", l.item_title, LoanPath(l.id),
                    "loan-reminder:" + std::to_string(l.id) + ":" + IsoDay(l.period.end)});
        }
        return static_cast<int>(soon.size());
    });
}

// Requests nobody answered before their start date are cancelled (locked rows, so a
// concurrent accept either wins or waits).
int CancelStale(core::db::Pool& pool, Day today, std::int64_t now) {
    return core::db::RunInTransaction(pool, [&](Connection& c) {
        auto stale = repo::StaleRequests(c, today, 1000);
        for (const Loan& l : stale) {
            repo::SetLoanStatus(c, l.id, LoanStatus::kCancelled, now);
            core::links::Notify(
                c, {l.borrower_id, "loan_cancelled", l.item_title, LoanPath(l.id), ""});
        }
        return static_cast<int>(stale.size());
    });
}

int ExpireItems(core::db::Pool& pool, std::int64_t now) {
    return core::db::RunInTransaction(pool, [&](Connection& c) {
        auto due = repo::LockDueForExpiry(c, now, 1000);
        for (const Item& i : due) {
            repo::SetStatus(c, i.id, Status::kExpired, now);
            core::links::Notify(
                c, {i.owner_id, "item_expired", i.title, "/exchange/" + std::to_string(i.id),
                    "item-expired:" + std::to_string(i.id) + ":" + std::to_string(i.expires_at)});
        }
        return static_cast<int>(due.size());
    });
}
}  // namespace

LoanRequestResult RequestLoanIn(Connection& c, const Settings& s,
                                const core::links::LoanRequest& req) {
    Period period;
    std::string message;
    Problems p = ValidateLoan(RawLoan{req.start_date, req.end_date, req.message}, s, Today(),
                              period, message);
    if (!p.empty()) return LoanRequestResult{false, 0, p.front().second};
    Result r = Insert(c, req.item_id, req.borrower_id, period, message, req.source, req.source_id);
    if (r.outcome == Outcome::kOk) return LoanRequestResult{true, r.id, ""};
    return LoanRequestResult{
        false, 0, r.outcome == Outcome::kInvalid ? r.problems.front().second : r.message_key};
}

Result Service::RequestLoan(const core::Viewer& who, std::int64_t item_id, const RawLoan& raw) {
    Period period;
    std::string message;
    Problems p = ValidateLoan(raw, settings_, Today(), period, message);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto item = repo::FindItem(c, item_id);
        if (!item) return Fail(Outcome::kNotFound);
        if (item->owner_id == who.user_id)
            return Fail(Outcome::kForbidden, "exchange.error.own_item");
        if (!p.empty()) return Result{Outcome::kInvalid, 0, p, ""};
        core::links::RememberPerson(c, who);
        return Insert(c, item_id, who.user_id, period, message, "citizen", 0);
    });
}

Result Service::ActOnLoan(const core::Viewer& who, std::int64_t loan_id, LoanAction action,
                          const std::string& raw_note) {
    const std::string note = core::Trim(raw_note);
    auto first = GetLoan(loan_id);
    if (!first) return Fail(Outcome::kNotFound);
    Problems p = CheckNote(note);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto item = repo::FindItem(c, first->item_id, true);  // the calendar lock
        auto loan = repo::FindLoan(c, loan_id, true);
        if (!item || !loan) return Fail(Outcome::kNotFound);
        const bool owner = who.user_id == loan->owner_id,
                   borrower = who.user_id == loan->borrower_id;
        if (!owner && !borrower) return Fail(Outcome::kForbidden, "exchange.error.not_party");
        if (!MayAct(action, owner, borrower))
            return Fail(Outcome::kForbidden, "exchange.error.owner_only");
        auto next = Transition(loan->status, action);
        if (!next) return Fail(Outcome::kConflict, "exchange.error.loan_transition");
        if (!p.empty()) return Result{Outcome::kInvalid, loan_id, p, ""};
        const bool item_gone = item->status == Status::kClosed || item->status == Status::kDone;
        if (action == LoanAction::kAccept && item_gone) {
            return Fail(Outcome::kConflict, "exchange.error.inactive");
        }
        core::links::RememberPerson(c, who);
        return Apply(c, *loan, action, *next, note, who.user_id);
    });
}

std::optional<Loan> Service::GetLoan(std::int64_t id) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FindLoan(c, id); });
}

std::optional<core::links::SubjectInfo> Service::SourceOf(const Loan& l) {
    if (l.source_id == 0 || l.source == "citizen" || !core::links::KnownSubjectType(l.source))
        return std::nullopt;
    return core::db::Run(pool_, [&](Connection& c) {
        return core::links::ResolveSubject(c, l.source, l.source_id);
    });
}

std::vector<Loan> Service::LoansOf(std::int64_t item, int limit) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::LoansOfItem(c, item, limit); });
}

std::vector<Loan> Service::LoansOfUser(std::int64_t user, int limit) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::LoansOfUser(c, user, limit); });
}

TickReport Service::Tick(std::int64_t now) {
    const Day today{core::DayOf(now)};
    TickReport report;
    report.overdue = MarkOverdue(pool_, today, now);
    report.reminders = SendReminders(pool_, today, settings_.reminder_days);
    report.stale = CancelStale(pool_, today, now);
    report.expired = ExpireItems(pool_, now);
    return report;
}

}  // namespace placette::exchange
