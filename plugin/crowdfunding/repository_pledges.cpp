// Pledge and ledger SQL: pledges found by id or idempotency token, conditional state moves that
// stamp their time column, the queues staff and tick work through, and append-only ledger entries.
#include <stdexcept>

#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding::repo {

namespace {
using core::db::Null;
using core::db::Row;
using core::db::Value;

constexpr const char* kPledgeCols =
    "p.id, p.campaign_id, p.backer_id, p.reward_id, COALESCE(r.title, ''), c.title, "
    "p.amount_minor, "
    "p.currency, p.state, p.anonymous, p.display_name, p.public_message, p.idempotency_token, "
    "p.provider, "
    "COALESCE(p.provider_ref, ''), UNIX_TIMESTAMP(p.created_at), UNIX_TIMESTAMP(p.paid_at)";
constexpr const char* kPledgeFrom =
    " FROM {p}pledges p JOIN {p}campaigns c ON c.id = p.campaign_id LEFT JOIN {p}rewards r ON r.id "
    "= p.reward_id";
const std::string kSelectPledge = std::string("SELECT ") + kPledgeCols + kPledgeFrom;
const std::string kFindPledge = kSelectPledge + " WHERE p.id = ?";
// Locks the pledge row only (the campaign row is locked first, by the caller).
constexpr const char* kFindPledgeLocked =
    "SELECT p.id, p.campaign_id, p.backer_id, p.reward_id, '', '', p.amount_minor, p.currency, "
    "p.state, "
    "p.anonymous, p.display_name, p.public_message, p.idempotency_token, p.provider, "
    "COALESCE(p.provider_ref, ''), UNIX_TIMESTAMP(p.created_at), UNIX_TIMESTAMP(p.paid_at) "
    "FROM {p}pledges p WHERE p.id = ? FOR UPDATE";
const std::string kFindByToken =
    kSelectPledge + " WHERE p.backer_id = ? AND p.idempotency_token = ?";
const std::string kByBacker =
    kSelectPledge + " WHERE p.backer_id = ? ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
const std::string kInState =
    kSelectPledge + " WHERE p.state = ? ORDER BY p.created_at, p.id LIMIT ?";
const std::string kOfCampaign =
    kSelectPledge + " WHERE p.campaign_id = ? ORDER BY p.id DESC LIMIT ?";
const std::string kRecentPaid =
    kSelectPledge +
    " WHERE p.campaign_id = ? AND p.state = 'paid' ORDER BY p.paid_at DESC, p.id DESC LIMIT ?";

constexpr const char* kInsertPledge =
    "INSERT INTO {p}pledges (campaign_id, backer_id, reward_id, amount_minor, currency, state, "
    "anonymous, "
    "display_name, public_message, idempotency_token, provider, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
// With the index named, as in the pledge's lock statement (repository.cpp): it covers the sum.
constexpr const char* kPledgedBy =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM {p}pledges FORCE INDEX (idx_pledge_backer_total) "
    "WHERE campaign_id = ? AND backer_id = ? AND state IN ('pending', 'paid')";
constexpr const char* kIdsInState =
    "SELECT id FROM {p}pledges WHERE campaign_id = ? AND state = ? ORDER BY id";
constexpr const char* kCountInState = "SELECT COUNT(*) FROM {p}pledges WHERE state = ?";
constexpr const char* kDistinctBackers =
    "SELECT COUNT(DISTINCT backer_id) FROM {p}pledges WHERE campaign_id = ? "
    "AND state IN ('paid', 'refund_pending', 'refunded')";
constexpr const char* kStalePending =
    "SELECT id FROM {p}pledges WHERE state = 'pending' AND ((provider = 'manual' AND created_at < "
    "FROM_UNIXTIME(?)) "
    "OR (provider <> 'manual' AND created_at < FROM_UNIXTIME(?))) ORDER BY created_at LIMIT ?";

// One statement per target state, so each stamps its own time column.
constexpr const char* kMoveToPaid =
    "UPDATE {p}pledges SET state = 'paid', paid_at = FROM_UNIXTIME(?), updated_at = "
    "FROM_UNIXTIME(?) "
    "WHERE id = ? AND state = ?";
constexpr const char* kMoveToFailed =
    "UPDATE {p}pledges SET state = 'failed', failed_at = FROM_UNIXTIME(?), updated_at = "
    "FROM_UNIXTIME(?) "
    "WHERE id = ? AND state = ?";
constexpr const char* kMoveToExpired =
    "UPDATE {p}pledges SET state = 'expired', expired_at = FROM_UNIXTIME(?), updated_at = "
    "FROM_UNIXTIME(?) "
    "WHERE id = ? AND state = ?";
constexpr const char* kMoveToRefundPending =
    "UPDATE {p}pledges SET state = 'refund_pending', refund_requested_at = FROM_UNIXTIME(?), "
    "updated_at = FROM_UNIXTIME(?) WHERE id = ? AND state = ?";
constexpr const char* kMoveToRefunded =
    "UPDATE {p}pledges SET state = 'refunded', refunded_at = FROM_UNIXTIME(?), updated_at = "
    "FROM_UNIXTIME(?) "
    "WHERE id = ? AND state = ?";

constexpr const char* kInsertLedger =
    "INSERT INTO {p}ledger_entries (kind, campaign_id, pledge_id, amount_minor, currency, "
    "provider, "
    "provider_ref, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kLedgerCollected =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM {p}ledger_entries WHERE campaign_id = ? "
    "AND kind IN ('payment', 'refund')";

Pledge ToPledge(const Row& r) {
    Pledge p;
    p.id = r.Int(0);
    p.campaign_id = r.Int(1);
    p.backer_id = r.Int(2);
    p.reward_id = r.OptInt(3);
    p.reward_title = r.Str(4);
    p.campaign_title = r.Str(5);
    p.amount = r.Int(6);
    p.currency = r.Str(7);
    p.state = ParsePledgeState(r.Str(8)).value_or(PledgeState::kPending);
    p.anonymous = r.Int(9) != 0;
    p.display_name = r.Str(10);
    p.message = r.Str(11);
    p.token = r.Str(12);
    p.provider = r.Str(13);
    p.provider_ref = r.Str(14);
    p.created_at = r.Int(15);
    p.paid_at = r.Int(16);
    return p;
}

std::vector<Pledge> ToPledges(const core::db::Result& res) {
    std::vector<Pledge> out;
    out.reserve(res.rows.size());
    for (const Row& r : res.rows) out.push_back(ToPledge(r));
    return out;
}

const char* MoveSql(PledgeState to) {
    switch (to) {
        case PledgeState::kPaid:
            return kMoveToPaid;
        case PledgeState::kFailed:
            return kMoveToFailed;
        case PledgeState::kExpired:
            return kMoveToExpired;
        case PledgeState::kRefundPending:
            return kMoveToRefundPending;
        case PledgeState::kRefunded:
            return kMoveToRefunded;
        case PledgeState::kPending:
            break;
    }
    throw std::logic_error("no pledge moves back to pending");
}
}  // namespace

std::optional<Pledge> FindPledge(Connection& c, std::int64_t id, bool for_update) {
    auto res = for_update ? c.Execute("cf.pledge.lock", kFindPledgeLocked, {id})
                          : c.Execute("cf.pledge.find", kFindPledge, {id});
    if (res.empty()) return std::nullopt;
    return ToPledge(res.rows[0]);
}

std::optional<Pledge> FindPledgeByToken(Connection& c, std::int64_t backer_id,
                                        const std::string& token) {
    auto res = c.Execute("cf.pledge.by_token", kFindByToken, {backer_id, token});
    if (res.empty()) return std::nullopt;
    return ToPledge(res.rows[0]);
}

std::int64_t InsertPledge(Connection& c, const Pledge& p, std::int64_t now) {
    Value reward = p.reward_id ? Value{*p.reward_id} : Value{Null{}};
    auto res = c.Execute("cf.pledge.insert", kInsertPledge,
                         {p.campaign_id, p.backer_id, reward, p.amount, p.currency,
                          std::int64_t{p.anonymous ? 1 : 0}, p.display_name, p.message, p.token,
                          p.provider, now, now});
    return static_cast<std::int64_t>(res.insert_id);
}

std::int64_t PledgedBy(Connection& c, std::int64_t campaign_id, std::int64_t backer_id) {
    return c.Execute("cf.pledge.sum_backer", kPledgedBy, {campaign_id, backer_id}).rows[0].Int(0);
}

bool MovePledge(Connection& c, std::int64_t id, PledgeState from, PledgeState to,
                std::int64_t now) {
    auto res = c.Execute("cf.pledge.move", MoveSql(to), {now, now, id, std::string(Name(from))});
    return res.affected == 1;
}

std::vector<std::int64_t> PledgeIds(Connection& c, std::int64_t campaign_id, PledgeState s) {
    std::vector<std::int64_t> out;
    for (const Row& r :
         c.Execute("cf.pledge.ids", kIdsInState, {campaign_id, std::string(Name(s))}).rows) {
        out.push_back(r.Int(0));
    }
    return out;
}

std::vector<Pledge> ListPledgesOfBacker(Connection& c, std::int64_t backer_id, int limit) {
    return ToPledges(c.Execute("cf.pledge.by_backer", kByBacker, {backer_id, std::int64_t{limit}}));
}

std::vector<Pledge> ListPledgesInState(Connection& c, PledgeState s, int limit) {
    return ToPledges(
        c.Execute("cf.pledge.in_state", kInState, {std::string(Name(s)), std::int64_t{limit}}));
}

std::vector<Pledge> ListCampaignPledges(Connection& c, std::int64_t campaign_id, int limit) {
    return ToPledges(
        c.Execute("cf.pledge.of_campaign", kOfCampaign, {campaign_id, std::int64_t{limit}}));
}

std::vector<Pledge> RecentPaidPledges(Connection& c, std::int64_t campaign_id, int limit) {
    return ToPledges(
        c.Execute("cf.pledge.recent", kRecentPaid, {campaign_id, std::int64_t{limit}}));
}

std::int64_t CountPledgesInState(Connection& c, PledgeState s) {
    return c.Execute("cf.pledge.count", kCountInState, {std::string(Name(s))}).rows[0].Int(0);
}

std::int64_t DistinctBackers(Connection& c, std::int64_t campaign_id) {
    return c.Execute("cf.pledge.backers", kDistinctBackers, {campaign_id}).rows[0].Int(0);
}

std::vector<std::int64_t> StalePendingIds(Connection& c, std::int64_t manual_cutoff,
                                          std::int64_t other_cutoff, int limit) {
    std::vector<std::int64_t> out;
    auto res = c.Execute("cf.pledge.stale", kStalePending,
                         {manual_cutoff, other_cutoff, std::int64_t{limit}});
    for (const Row& r : res.rows) out.push_back(r.Int(0));
    return out;
}

void InsertLedger(Connection& c, const LedgerEntry& e, std::int64_t now) {
    Value pledge = e.pledge_id ? Value{*e.pledge_id} : Value{Null{}};
    Value ref = e.provider_ref.empty() ? Value{Null{}} : Value{e.provider_ref};
    Value actor = e.actor_id > 0 ? Value{e.actor_id} : Value{Null{}};
    c.Execute("cf.ledger.insert", kInsertLedger,
              {std::string(Name(e.kind)), e.campaign_id, pledge, e.amount, e.currency, e.provider,
               ref, actor, now});
}

std::int64_t LedgerCollected(Connection& c, std::int64_t campaign_id) {
    return c.Execute("cf.ledger.collected", kLedgerCollected, {campaign_id}).rows[0].Int(0);
}

}  // namespace placette::crowdfunding::repo
