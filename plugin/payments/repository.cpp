// SQL of the payments tables, as named constants with bound parameters only. Times are stored
// as UTC DATETIME from core::NowSeconds (tests move the clock).
#include "plugin/payments/repository.h"

namespace placette::payments::repo {

namespace {
using core::db::Null;
using core::db::Row;
using core::db::Value;

constexpr const char* kAttemptColumns =
    "id, pledge_id, COALESCE(backer_id, 0), action, idempotency_key, provider, amount_minor, "
    "currency, "
    "COALESCE(provider_reference, ''), COALESCE(payment_reference, ''), COALESCE(redirect_url, "
    "''), "
    "COALESCE(request, ''), status, UNIX_TIMESTAMP(created_at)";

constexpr const char* kInsertAttempt =
    "INSERT IGNORE INTO {p}payment_attempts (pledge_id, backer_id, action, idempotency_key, "
    "provider, "
    "amount_minor, currency, request, status, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'started', FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
constexpr const char* kMarkCreated =
    "UPDATE {p}payment_attempts SET provider_reference = ?, redirect_url = ?, status = 'created', "
    "error = NULL, "
    "updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kMarkStatus =
    "UPDATE {p}payment_attempts SET status = ?, error = ?, updated_at = FROM_UNIXTIME(?) WHERE id "
    "= ?";
constexpr const char* kSetPaymentRef =
    "UPDATE {p}payment_attempts SET payment_reference = ?, updated_at = FROM_UNIXTIME(?) "
    "WHERE id = ? AND (payment_reference IS NULL OR payment_reference = ?)";
constexpr const char* kEventSeen =
    "SELECT 1 FROM {p}payment_events WHERE provider = ? AND event_id = ?";
constexpr const char* kRecordEvent =
    "INSERT IGNORE INTO {p}payment_events (provider, event_id, event_type, reference, received_at, "
    "outcome) "
    "VALUES (?, ?, ?, ?, FROM_UNIXTIME(?), ?)";
constexpr const char* kCountEvents =
    "SELECT COUNT(*) FROM {p}payment_events WHERE provider = ? AND reference = ?";

Attempt FromRow(const Row& r) {
    Attempt a;
    a.id = r.Int(0);
    a.pledge_id = r.Int(1);
    a.backer_id = r.Int(2);
    a.action = r.Str(3);
    a.key = r.Str(4);
    a.provider = r.Str(5);
    a.amount = r.Int(6);
    a.currency = r.Str(7);
    a.reference = r.Str(8);
    a.payment_reference = r.Str(9);
    a.redirect_url = r.Str(10);
    a.request = r.Str(11);
    a.status = r.Str(12);
    a.created_at = r.Int(13);
    return a;
}

std::optional<Attempt> FindOne(Connection& c, const char* name, const std::string& where,
                               const std::vector<Value>& params) {
    auto res = c.Execute(name,
                         (std::string("SELECT ") + kAttemptColumns +
                          " FROM {p}payment_attempts WHERE " + where + " LIMIT 1"),
                         params);
    if (res.empty()) return std::nullopt;
    return FromRow(res.rows[0]);
}
}  // namespace

Attempt EnsureAttempt(Connection& c, const Attempt& a, std::int64_t now) {
    Value backer = a.backer_id > 0 ? Value{a.backer_id} : Value{Null{}};
    c.Execute("payments.insert_attempt", kInsertAttempt,
              {a.pledge_id, backer, a.action, a.key, a.provider, a.amount, a.currency, a.request,
               now, now});
    auto stored = FindAttempt(c, a.pledge_id, a.action);
    if (!stored) throw core::db::DbError(0, "payment attempt vanished after insert");
    return *stored;
}

std::optional<Attempt> FindAttempt(Connection& c, std::int64_t pledge_id,
                                   const std::string& action) {
    return FindOne(c, "payments.find_attempt", "pledge_id = ? AND action = ? ORDER BY id",
                   {pledge_id, action});
}

std::optional<Attempt> FindByReference(Connection& c, const std::string& provider,
                                       const std::string& reference) {
    return FindOne(c, "payments.find_by_ref",
                   "provider = ? AND provider_reference = ? AND action = 'checkout'",
                   {provider, reference});
}

std::optional<Attempt> FindByPaymentReference(Connection& c, const std::string& provider,
                                              const std::string& payment_reference) {
    return FindOne(c, "payments.find_by_payref",
                   "provider = ? AND payment_reference = ? AND action = 'checkout'",
                   {provider, payment_reference});
}

void MarkCreated(Connection& c, std::int64_t id, const std::string& reference,
                 const std::string& redirect_url, std::int64_t now) {
    c.Execute("payments.mark_created", kMarkCreated, {reference, redirect_url, now, id});
}

void MarkStatus(Connection& c, std::int64_t id, const std::string& status, const std::string& error,
                std::int64_t now) {
    Value err = error.empty() ? Value{Null{}} : Value{error.substr(0, 250)};
    c.Execute("payments.mark_status", kMarkStatus, {status, err, now, id});
}

void SetPaymentReference(Connection& c, std::int64_t id, const std::string& payment_reference,
                         std::int64_t now) {
    c.Execute("payments.set_payref", kSetPaymentRef,
              {payment_reference, now, id, payment_reference});
}

std::vector<Attempt> CheckoutsCreatedBefore(Connection& c, std::int64_t before, int limit) {
    auto res = c.Execute("payments.checkouts_before",
                         (std::string("SELECT ") + kAttemptColumns +
                          " FROM {p}payment_attempts WHERE action = 'checkout' AND "
                          "created_at < FROM_UNIXTIME(?) ORDER BY created_at LIMIT ?"),
                         {before, std::int64_t{limit}});
    std::vector<Attempt> out;
    for (const Row& r : res.rows) out.push_back(FromRow(r));
    return out;
}

bool EventSeen(Connection& c, const std::string& provider, const std::string& event_id) {
    return !c.Execute("payments.event_seen", kEventSeen, {provider, event_id}).empty();
}

void RecordEvent(Connection& c, const std::string& provider, const std::string& event_id,
                 const std::string& type, const std::string& reference, const std::string& outcome,
                 std::int64_t now) {
    Value ref = reference.empty() ? Value{Null{}} : Value{reference};
    c.Execute("payments.record_event", kRecordEvent, {provider, event_id, type, ref, now, outcome});
}

std::int64_t CountEvents(Connection& c, const std::string& provider, const std::string& reference) {
    auto res = c.Execute("payments.count_events", kCountEvents, {provider, reference});
    return res.empty() ? 0 : res.rows[0].Int(0);
}

}  // namespace placette::payments::repo
