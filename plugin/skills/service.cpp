// Rules of the skills section, each write in one re-runnable transaction.
#include "plugin/skills/service.h"

#include "plugin/core/clock.h"
#include "plugin/core/links.h"
#include "plugin/core/read_cache.h"
#include "plugin/core/text.h"

namespace placette::skills {

namespace {
using core::db::Connection;

Result Fail(Outcome o, std::string key = "") {
    Result r;
    r.outcome = o;
    r.message_key = std::move(key);
    return r;
}

Result Invalid(Problems p) {
    Result r;
    r.outcome = Outcome::kInvalid;
    r.problems = std::move(p);
    return r;
}

Result Ok(std::int64_t id) {
    Result r;
    r.id = id;
    return r;
}

std::string ListingPath(std::int64_t id) { return "/skills/" + std::to_string(id); }

void NotifyUser(Connection& c, std::int64_t user, std::string kind, const std::string& title,
                std::int64_t listing_id, std::string dedupe = "") {
    core::links::Notify(c, core::links::Notice{user, std::move(kind), title,
                                               ListingPath(listing_id), std::move(dedupe)});
}

// Checks the minutes and note of a proposed exchange.
Problems CheckExchangeForm(const ExchangeForm& form, Mode mode, Minutes& minutes,
                           std::string& note) {
    Problems p;
    if (mode == Mode::kTimeBank) {
        auto m = ParseDuration(form.minutes);
        if (!m || m->count() <= 0 || *m > kMaxExchange) {
            p.emplace_back("minutes", "skills.error.minutes");
        } else {
            minutes = *m;
        }
    }
    note = core::Trim(form.note);
    auto len = core::TextLength(note, false);
    if (!len) {
        p.emplace_back("note", "skills.error.text_invalid");
    } else if (*len > 250) {
        p.emplace_back("note", "skills.error.note_long");
    }
    return p;
}

// Moves the minutes from receiver to giver, or refuses when the floor would be crossed.
bool Transfer(Connection& c, const Exchange& x, Minutes floor, std::int64_t now) {
    repo::LockAccounts(c, x.giver_id, x.receiver_id, now);
    if (repo::Balance(c, x.receiver_id) - x.minutes < floor) return false;
    repo::InsertEntry(c, x.id, x.receiver_id, x.giver_id, -x.minutes, now);
    repo::InsertEntry(c, x.id, x.giver_id, x.receiver_id, x.minutes, now);
    return true;
}
}  // namespace

Result Service::Create(const core::Viewer& who, const RawListing& raw) {
    ListingInput in;
    Problems p = ValidateListing(raw, settings_, in);
    if (!p.empty()) return Invalid(std::move(p));
    const std::int64_t now = core::NowSeconds();
    const std::int64_t expires = now + settings_.listing_days * 86400;
    std::int64_t id = core::db::RunInTransaction(pool_, [&](Connection& c) {
        core::links::RememberPerson(c, who);
        return repo::InsertListing(c, who.user_id, in, now, expires);
    });
    return Ok(id);
}

Result Service::Update(const core::Viewer& who, std::int64_t id, const RawListing& raw) {
    ListingInput in;
    Problems p = ValidateListing(raw, settings_, in);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto l = repo::FindListing(c, id, true);
        if (!l) return Fail(Outcome::kNotFound);
        if (l->owner_id != who.user_id) return Fail(Outcome::kForbidden, "skills.error.not_owner");
        if (l->status == Status::kClosed) return Fail(Outcome::kConflict, "skills.error.closed");
        if (!p.empty()) return Invalid(p);
        core::links::RememberPerson(c, who);
        repo::UpdateListing(c, id, in, core::NowSeconds());
        return Ok(id);
    });
}

Result Service::Act(const core::Viewer& who, std::int64_t id, Action action) {
    if (action == Action::kExpire) return Fail(Outcome::kForbidden);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto l = repo::FindListing(c, id, true);
        if (!l) return Fail(Outcome::kNotFound);
        bool staff_close = action == Action::kClose && who.is_staff();
        if (l->owner_id != who.user_id && !staff_close) {
            return Fail(Outcome::kForbidden, "skills.error.not_owner");
        }
        auto next = Transition(l->status, action);
        if (!next) return Fail(Outcome::kConflict, "skills.error.transition");
        const std::int64_t now = core::NowSeconds();
        if (action == Action::kRenew) {
            repo::Renew(c, id, now, now + settings_.listing_days * 86400);
        } else {
            repo::SetStatus(c, id, *next, now);
        }
        return Ok(id);
    });
}

std::optional<Listing> Service::Get(std::int64_t id) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FindListing(c, id); });
}

std::vector<Listing> Service::Search(const repo::Filter& f, std::int64_t before, int limit) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return repo::ListActive(c, f, before, limit); });
}

std::shared_ptr<const Found> Service::SearchShared(const repo::Filter& f, std::int64_t before,
                                                   int limit) {
    // Dropped on any write of this process (core/read_cache.h): a listing's page shows its
    // owner's name and state, which other sections' writes may change too.
    static core::ReadCache<std::string, Found> cache(64, core::Dropped::kOnAnyWrite);
    std::string key;
    for (std::string_view v : std::initializer_list<std::string_view>{
             f.kind, f.category, f.neighbourhood, f.mode, f.search.fulltext, f.search.pattern})
        core::AddKeyField(key, v);
    for (const std::string& w : f.search.folded) core::AddKeyField(key, w);
    core::AddKeyField(key, std::to_string(before));
    core::AddKeyField(key, std::to_string(limit));
    return cache.Get(key, [&] { return std::optional<Found>(Found{Search(f, before, limit)}); });
}

std::vector<Listing> Service::OfOwner(std::int64_t owner, bool only_active, int limit) {
    return core::db::Run(
        pool_, [&](Connection& c) { return repo::ListByOwner(c, owner, only_active, limit); });
}

Result Service::Propose(const core::Viewer& who, std::int64_t listing_id,
                        const ExchangeForm& form) {
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto l = repo::FindListing(c, listing_id, true);
        if (!l) return Fail(Outcome::kNotFound);
        if (l->owner_id == who.user_id)
            return Fail(Outcome::kForbidden, "skills.error.own_listing");
        if (l->status != Status::kActive) return Fail(Outcome::kConflict, "skills.error.inactive");
        Exchange x;
        Problems p = CheckExchangeForm(form, l->mode, x.minutes, x.note);
        if (!p.empty()) return Invalid(std::move(p));
        Parties parties = ExchangeParties(l->kind, l->owner_id, who.user_id);
        x.listing_id = listing_id;
        x.giver_id = parties.giver;
        x.receiver_id = parties.receiver;
        x.proposer_id = who.user_id;
        x.mode = l->mode;
        x.giver_confirmed = parties.giver == who.user_id;
        x.receiver_confirmed = !x.giver_confirmed;
        core::links::RememberPerson(c, who);
        std::int64_t id = repo::InsertExchange(c, x, core::NowSeconds());
        NotifyUser(c, l->owner_id, "skill_exchange_proposed", l->title, listing_id);
        return Ok(id);
    });
}

Result Service::Confirm(const core::Viewer& who, std::int64_t exchange_id) {
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto x = repo::FindExchange(c, exchange_id, true);
        if (!x) return Fail(Outcome::kNotFound);
        const bool giver = who.user_id == x->giver_id;
        if (!giver && who.user_id != x->receiver_id) {
            return Fail(Outcome::kForbidden, "skills.error.not_party");
        }
        if (x->status != ExchangeStatus::kProposed) {
            return Fail(Outcome::kConflict, "skills.error.exchange_closed");
        }
        if (giver ? x->giver_confirmed : x->receiver_confirmed) {
            return Fail(Outcome::kConflict, "skills.error.already_confirmed");
        }
        const std::int64_t now = core::NowSeconds();
        if (x->mode == Mode::kTimeBank && x->minutes.count() > 0 &&
            !Transfer(c, *x, settings_.floor, now)) {
            return Fail(Outcome::kConflict, "skills.error.floor");
        }
        repo::ConfirmExchange(c, exchange_id, giver, now);
        repo::SetExchangeStatus(c, exchange_id, ExchangeStatus::kDone, now);
        core::links::RememberPerson(c, who);
        std::int64_t other = giver ? x->receiver_id : x->giver_id;
        NotifyUser(c, other, "skill_exchange_done", x->listing_title, x->listing_id);
        return Ok(exchange_id);
    });
}

Result Service::Cancel(const core::Viewer& who, std::int64_t exchange_id) {
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto x = repo::FindExchange(c, exchange_id, true);
        if (!x) return Fail(Outcome::kNotFound);
        if (who.user_id != x->giver_id && who.user_id != x->receiver_id) {
            return Fail(Outcome::kForbidden, "skills.error.not_party");
        }
        if (x->status != ExchangeStatus::kProposed) {
            return Fail(Outcome::kConflict, "skills.error.exchange_closed");
        }
        repo::SetExchangeStatus(c, exchange_id, ExchangeStatus::kCancelled, core::NowSeconds());
        std::int64_t other = who.user_id == x->giver_id ? x->receiver_id : x->giver_id;
        NotifyUser(c, other, "skill_exchange_cancelled", x->listing_title, x->listing_id);
        return Ok(exchange_id);
    });
}

std::optional<Exchange> Service::GetExchange(std::int64_t id) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FindExchange(c, id); });
}

std::vector<Exchange> Service::ExchangesOf(std::int64_t listing_id) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return repo::ExchangesOfListing(c, listing_id); });
}

std::vector<Exchange> Service::ExchangesOfUser(std::int64_t user, int limit) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return repo::ExchangesOfUser(c, user, limit); });
}

Minutes Service::Balance(std::int64_t user) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::Balance(c, user); });
}

std::vector<repo::Entry> Service::History(std::int64_t user, int limit) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::History(c, user, limit); });
}

int Service::ExpireListings(std::int64_t now) {
    constexpr int kBatch = 200;
    int total = 0;
    for (;;) {
        int n = core::db::RunInTransaction(pool_, [&](Connection& c) {
            auto due = repo::LockDueForExpiry(c, now, kBatch);
            for (const Listing& l : due) {
                repo::SetStatus(c, l.id, Status::kExpired, now);
                NotifyUser(
                    c, l.owner_id, "skill_expired", l.title, l.id,
                    "skill-expired:" + std::to_string(l.id) + ":" + std::to_string(l.expires_at));
            }
            return static_cast<int>(due.size());
        });
        total += n;
        if (n < kBatch) return total;
    }
}

int Service::CheckLedger(std::ostream& out) {
    return core::db::Run(pool_, [&](Connection& c) {
        int problems = 0;
        Minutes sum = repo::LedgerSum(c);
        if (sum.count() != 0) {
            out << "hours ledger: entries sum to " << sum.count() << " minutes, not 0\n";
            ++problems;
        }
        for (std::int64_t id : repo::UnbalancedExchanges(c)) {
            out << "hours ledger: exchange " << id << " does not have two opposite entries\n";
            ++problems;
        }
        for (const auto& [user, balance] : repo::AccountsBelow(c, settings_.floor)) {
            out << "hours ledger: user " << user << " is at " << balance.count()
                << " minutes, below the floor of " << settings_.floor.count() << "\n";
            ++problems;
        }
        for (std::int64_t id : repo::DoneWithoutEntries(c)) {
            out << "hours ledger: done exchange " << id << " has no transfer\n";
            ++problems;
        }
        return problems;
    });
}

}  // namespace placette::skills
