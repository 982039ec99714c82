// The payments tables: outgoing call attempts (idempotency keys stored before each call, with
// the provider's answer) and received notifications (deduplicated by provider event id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/db.h"

namespace placette::payments::repo {

using core::db::Connection;

struct Attempt {
    std::int64_t id = 0, pledge_id = 0, backer_id = 0;
    std::string action;  // "checkout" | "refund"
    std::string key, provider;
    std::int64_t amount = 0;
    std::string currency;
    std::string reference, payment_reference, redirect_url, request;
    std::string status;  // started | created | failed (checkout); started | pending | succeeded |
                         // failed (refund)
    std::int64_t created_at = 0;
};

// Inserts the attempt unless one exists for (pledge, action) (a unique key); returns the stored one
// (so two concurrent starters share one key). Runs in its own autocommit statement.
Attempt EnsureAttempt(Connection& c, const Attempt& a, std::int64_t now);
std::optional<Attempt> FindAttempt(Connection& c, std::int64_t pledge_id,
                                   const std::string& action);
std::optional<Attempt> FindByReference(Connection& c, const std::string& provider,
                                       const std::string& reference);
std::optional<Attempt> FindByPaymentReference(Connection& c, const std::string& provider,
                                              const std::string& payment_reference);
void MarkCreated(Connection& c, std::int64_t id, const std::string& reference,
                 const std::string& redirect_url, std::int64_t now);
void MarkStatus(Connection& c, std::int64_t id, const std::string& status, const std::string& error,
                std::int64_t now);
void SetPaymentReference(Connection& c, std::int64_t id, const std::string& payment_reference,
                         std::int64_t now);
// Checkout attempts older than `before` with a reference, for reconciliation.
std::vector<Attempt> CheckoutsCreatedBefore(Connection& c, std::int64_t before, int limit);

// True when (provider, event id) was already recorded.
bool EventSeen(Connection& c, const std::string& provider, const std::string& event_id);
// Records the event (INSERT IGNORE: a concurrent delivery of the same event is a no-op).
void RecordEvent(Connection& c, const std::string& provider, const std::string& event_id,
                 const std::string& type, const std::string& reference, const std::string& outcome,
                 std::int64_t now);
std::int64_t CountEvents(Connection& c, const std::string& provider, const std::string& reference);

}  // namespace placette::payments::repo
