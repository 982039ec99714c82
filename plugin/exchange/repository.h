// All SQL of the exchange section (items, photos, loans) as named constants behind small
// functions taking the caller's connection; services own the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/db.h"
#include "plugin/core/search.h"
#include "plugin/exchange/model.h"

namespace placette::exchange::repo {

using core::db::Connection;

struct Filter {
    std::string kind, category, neighbourhood;  // "" = any
    core::Search search;                        // the words typed (may be empty)
};

std::int64_t InsertItem(Connection& c, std::int64_t owner, const ItemInput& in, std::int64_t now,
                        std::int64_t expires_at);
void UpdateItem(Connection& c, std::int64_t id, const ItemInput& in, std::int64_t now);
std::optional<Item> FindItem(Connection& c, std::int64_t id, bool for_update = false);
std::vector<Item> ListActive(Connection& c, const Filter& f, std::int64_t before, int limit);
std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner,
                                          const std::string& title);
std::vector<Item> ListByOwner(Connection& c, std::int64_t owner, bool only_active, int limit);
void SetStatus(Connection& c, std::int64_t id, Status s, std::int64_t now);
void Renew(Connection& c, std::int64_t id, std::int64_t now, std::int64_t expires_at);
void MarkDone(Connection& c, std::int64_t id, std::int64_t partner, std::int64_t now);
std::vector<Item> LockDueForExpiry(Connection& c, std::int64_t now, int limit);

void SavePhoto(Connection& c, std::int64_t item, const std::string& content_type, int width,
               int height, const std::string& bytes, std::int64_t now);
void DeletePhoto(Connection& c, std::int64_t item);
struct StoredPhoto {
    std::string content_type;
    std::string bytes;
};
std::optional<StoredPhoto> FindPhoto(Connection& c, std::int64_t item);

std::int64_t InsertLoan(Connection& c, const Loan& l, std::int64_t now);
std::optional<Loan> FindLoan(Connection& c, std::int64_t id, bool for_update = false);
std::vector<Loan> LoansOfItem(Connection& c, std::int64_t item, int limit);
std::vector<Loan> LoansOfUser(Connection& c, std::int64_t user, int limit);
// Accepted / on-loan / overdue loans of the item (other than `except`) whose period meets
// [start, end]; an on-loan or overdue loan counts until max(end, today).
std::int64_t CountBlocking(Connection& c, std::int64_t item, std::int64_t except, Day start,
                           Day end, Day today);
void SetLoanStatus(Connection& c, std::int64_t id, LoanStatus s, std::int64_t now);
void SetHandover(Connection& c, std::int64_t id, const std::string& note, std::int64_t now);
void SetReturned(Connection& c, std::int64_t id, const std::string& note, std::int64_t now);
// The tick: on-loan loans past their end date; on-loan loans due within `days`; requests whose
// start date passed.
std::vector<Loan> LoansPastEnd(Connection& c, Day today, int limit);
std::vector<Loan> LoansDueSoon(Connection& c, Day today, Day until, int limit);
std::vector<Loan> StaleRequests(Connection& c, Day today, int limit);
// check-ledger: pairs of blocking loans of one item whose periods overlap.
std::vector<std::pair<std::int64_t, std::int64_t>> OverlappingLoans(Connection& c);

}  // namespace placette::exchange::repo
