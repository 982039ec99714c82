// The skills section's rules: listings (create, edit, pause/renew/close, expiry) and exchanges
// recorded by both parties, with the time bank's transfer under row locks and the floor.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plugin/core/body_memo.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"
#include "plugin/skills/model.h"
#include "plugin/skills/repository.h"

namespace placette::skills {

enum class Outcome { kOk, kInvalid, kNotFound, kForbidden, kConflict };

struct Result {
    Outcome outcome = Outcome::kOk;
    std::int64_t id = 0;
    Problems problems;        // kInvalid: per-field catalog keys
    std::string message_key;  // kConflict / kForbidden: what to tell the citizen
};

struct ExchangeForm {
    std::string minutes;  // as typed ("1h30"); ignored in free mode
    std::string note;
};

// What the listing pages and the home page's block show: the listings found, and the bodies
// rendered from them, once per second for each language, query string as typed and kind of
// viewer (core/body_memo.h).
struct Found {
    std::vector<Listing> listings;
    std::shared_ptr<core::BodyMemo> bodies = std::make_shared<core::BodyMemo>();
};

class Service {
  public:
    Service(core::db::Pool& pool, const Settings& settings) : pool_(pool), settings_(settings) {}

    Result Create(const core::Viewer& who, const RawListing& raw);
    Result Update(const core::Viewer& who, std::int64_t id, const RawListing& raw);
    Result Act(const core::Viewer& who, std::int64_t id, Action action);
    std::optional<Listing> Get(std::int64_t id);
    std::vector<Listing> Search(const repo::Filter& f, std::int64_t before, int limit);
    // The same, shared for up to [server] read_cache_ms while this process writes nothing
    // (core/read_cache.h): the listing pages and the home page's block.
    std::shared_ptr<const Found> SearchShared(const repo::Filter& f, std::int64_t before,
                                              int limit);
    std::vector<Listing> OfOwner(std::int64_t owner, bool only_active, int limit);

    // A citizen who is not the owner records an exchange on a listing (their own confirmation
    // counts); the owner confirms, and only then hours move.
    Result Propose(const core::Viewer& who, std::int64_t listing_id, const ExchangeForm& form);
    // The other party confirms: the exchange is done; in time-bank mode the minutes move from
    // receiver to giver unless the receiver's balance would go below the floor (kConflict,
    // message "skills.error.floor"; nothing written).
    Result Confirm(const core::Viewer& who, std::int64_t exchange_id);
    Result Cancel(const core::Viewer& who, std::int64_t exchange_id);
    std::optional<Exchange> GetExchange(std::int64_t id);
    std::vector<Exchange> ExchangesOf(std::int64_t listing_id);
    std::vector<Exchange> ExchangesOfUser(std::int64_t user, int limit);

    Minutes Balance(std::int64_t user);
    std::vector<repo::Entry> History(std::int64_t user, int limit);

    // tick: expires listings past their date (and notifies their owners); returns how many.
    int ExpireListings(std::int64_t now);
    // check-ledger: writes findings to `out`; returns the number of problems.
    int CheckLedger(std::ostream& out);

    const Settings& settings() const { return settings_; }

  private:
    core::db::Pool& pool_;
    const Settings& settings_;
};

}  // namespace placette::skills
