// All SQL of the skills section (listings, exchanges, hours ledger) as named constants behind
// small functions; every call takes the caller's connection, so services own the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/db.h"
#include "plugin/core/search.h"
#include "plugin/skills/model.h"

namespace placette::skills::repo {

using core::db::Connection;

// Public list filters; empty strings mean "any". `search`: the words typed (may be empty).
struct Filter {
    std::string kind, category, neighbourhood, mode;
    core::Search search;
};

std::int64_t InsertListing(Connection& c, std::int64_t owner, const ListingInput& in,
                           std::int64_t now, std::int64_t expires_at);
void UpdateListing(Connection& c, std::int64_t id, const ListingInput& in, std::int64_t now);
std::optional<Listing> FindListing(Connection& c, std::int64_t id, bool for_update = false);
// Active listings, newest first, with id < before (0 = from the newest), at most `limit`.
std::vector<Listing> ListActive(Connection& c, const Filter& f, std::int64_t before, int limit);
std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner,
                                          const std::string& title);
std::vector<Listing> ListByOwner(Connection& c, std::int64_t owner, bool only_active, int limit);
void SetStatus(Connection& c, std::int64_t id, Status s, std::int64_t now);
void Renew(Connection& c, std::int64_t id, std::int64_t now, std::int64_t expires_at);
// Listings still active or paused whose expiry passed, locked for the tick.
std::vector<Listing> LockDueForExpiry(Connection& c, std::int64_t now, int limit);

std::int64_t InsertExchange(Connection& c, const Exchange& e, std::int64_t now);
std::optional<Exchange> FindExchange(Connection& c, std::int64_t id, bool for_update = false);
std::vector<Exchange> ExchangesOfListing(Connection& c, std::int64_t listing_id);
std::vector<Exchange> ExchangesOfUser(Connection& c, std::int64_t user, int limit);
void ConfirmExchange(Connection& c, std::int64_t id, bool as_giver, std::int64_t now);
void SetExchangeStatus(Connection& c, std::int64_t id, ExchangeStatus s, std::int64_t now);

// Creates the account rows if missing, then locks both in ascending user id order.
void LockAccounts(Connection& c, std::int64_t a, std::int64_t b, std::int64_t now);
Minutes Balance(Connection& c, std::int64_t user);
void InsertEntry(Connection& c, std::int64_t exchange_id, std::int64_t user,
                 std::int64_t counterpart, Minutes minutes, std::int64_t now);

struct Entry {
    std::int64_t exchange_id = 0;
    std::int64_t counterpart_id = 0;
    std::string counterpart_name;
    std::string listing_title;
    Minutes minutes;
    std::int64_t created_at = 0;
};
std::vector<Entry> History(Connection& c, std::int64_t user, int limit);

// check-ledger: the sum of every entry, exchanges whose entries do not cancel out, and accounts
// below `floor`.
Minutes LedgerSum(Connection& c);
std::vector<std::int64_t> UnbalancedExchanges(Connection& c);
std::vector<std::pair<std::int64_t, Minutes>> AccountsBelow(Connection& c, Minutes floor);
// Done time-bank exchanges without their two entries.
std::vector<std::int64_t> DoneWithoutEntries(Connection& c);

}  // namespace placette::skills::repo
