// Each invariant is one query that returns the records breaking it (empty = holds); they run in
// one read-only transaction so the snapshot is consistent while pledges keep arriving.
#include "plugin/crowdfunding/ledger_check.h"

#include <functional>

namespace placette::crowdfunding {

namespace {
using core::db::Connection;
using core::db::Row;

constexpr const char* kCounts =
    "SELECT (SELECT COUNT(*) FROM {p}campaigns), (SELECT COUNT(*) FROM {p}pledges), "
    "(SELECT COUNT(*) FROM {p}ledger_entries)";
constexpr const char* kCollected =
    "SELECT c.id, c.collected_minor, COALESCE(l.total, 0) FROM {p}campaigns c LEFT JOIN "
    "(SELECT campaign_id, SUM(amount_minor) AS total FROM {p}ledger_entries WHERE kind IN "
    "('payment', 'refund') "
    "GROUP BY campaign_id) l ON l.campaign_id = c.id WHERE c.collected_minor <> COALESCE(l.total, "
    "0)";
constexpr const char* kPledged =
    "SELECT c.id, c.pledged_minor, COALESCE(p.total, 0) FROM {p}campaigns c LEFT JOIN "
    "(SELECT campaign_id, SUM(amount_minor) AS total FROM {p}pledges WHERE state IN ('pending', "
    "'paid') "
    "GROUP BY campaign_id) p ON p.campaign_id = c.id WHERE c.pledged_minor <> COALESCE(p.total, 0)";
constexpr const char* kOnePayment =
    "SELECT p.id, p.state, COUNT(l.id), COALESCE(SUM(l.amount_minor), 0), p.amount_minor FROM "
    "{p}pledges p "
    "LEFT JOIN {p}ledger_entries l ON l.pledge_id = p.id AND l.kind = 'payment' "
    "GROUP BY p.id, p.state, p.amount_minor "
    "HAVING (p.state IN ('paid', 'refund_pending', 'refunded') AND (COUNT(l.id) <> 1 OR "
    "SUM(l.amount_minor) <> p.amount_minor)) "
    "OR (p.state NOT IN ('paid', 'refund_pending', 'refunded') AND COUNT(l.id) > 0)";
constexpr const char* kOneRefund =
    "SELECT p.id, p.state, COUNT(l.id), COALESCE(SUM(l.amount_minor), 0), p.amount_minor FROM "
    "{p}pledges p "
    "LEFT JOIN {p}ledger_entries l ON l.pledge_id = p.id AND l.kind = 'refund' "
    "GROUP BY p.id, p.state, p.amount_minor "
    "HAVING (p.state = 'refunded' AND (COUNT(l.id) <> 1 OR SUM(l.amount_minor) <> "
    "-p.amount_minor)) "
    "OR (p.state <> 'refunded' AND COUNT(l.id) > 0)";
constexpr const char* kRewards =
    "SELECT r.id, r.campaign_id, COALESCE(r.quantity_limit, -1), r.claimed, COALESCE(p.n, 0) FROM "
    "{p}rewards r "
    "LEFT JOIN (SELECT reward_id, COUNT(*) AS n FROM {p}pledges WHERE reward_id IS NOT NULL "
    "AND state IN ('pending', 'paid', 'refund_pending') GROUP BY reward_id) p ON p.reward_id = "
    "r.id "
    "WHERE (r.quantity_limit IS NOT NULL AND r.claimed > r.quantity_limit) OR r.claimed <> "
    "COALESCE(p.n, 0)";
constexpr const char* kCaps =
    "SELECT id, pledged_minor, goal_minor * cap_percent DIV 100 FROM {p}campaigns "
    "WHERE pledged_minor > goal_minor * cap_percent DIV 100";
constexpr const char* kPaidInClosed =
    "SELECT p.id, c.id, c.state FROM {p}pledges p JOIN {p}campaigns c ON c.id = p.campaign_id "
    "WHERE p.state = 'paid' AND c.state IN ('failed', 'cancelled')";
constexpr const char* kFees =
    "SELECT l.id, c.id, c.state FROM {p}ledger_entries l JOIN {p}campaigns c ON c.id = "
    "l.campaign_id "
    "WHERE l.kind = 'fee' AND c.state NOT IN ('succeeded', 'realised')";
constexpr const char* kCurrencies =
    "SELECT l.id, l.currency, c.currency FROM {p}ledger_entries l JOIN {p}campaigns c ON c.id = "
    "l.campaign_id "
    "WHERE l.currency <> c.currency";

using Describe = std::function<std::string(const Row&)>;

LedgerCheck Run(Connection& c, const char* name, const char* sql, const Describe& describe) {
    LedgerCheck check{name, {}};
    for (const Row& r : c.Execute(std::string("cf.check.") + name, sql).rows)
        check.problems.push_back(describe(r));
    return check;
}

std::string Cents(std::int64_t v) {
    std::string sign = v < 0 ? "-" : "";
    if (v < 0) v = -v;
    std::string cents = std::to_string(v % 100);
    return sign + std::to_string(v / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}
}  // namespace

bool LedgerReport::ok() const {
    for (const LedgerCheck& c : checks) {
        if (!c.ok()) return false;
    }
    return true;
}

LedgerReport CheckLedger(Connection& c) {
    LedgerReport report;
    core::db::Transaction tx(c);  // one snapshot for every check; rolled back (read-only)
    const Row counts = c.Execute("cf.check.counts", kCounts).rows.at(0);
    report.campaigns = counts.Int(0);
    report.pledges = counts.Int(1);
    report.entries = counts.Int(2);
    auto& out = report.checks;
    out.push_back(
        Run(c, "collected = payments - refunds = displayed total", kCollected, [](const Row& r) {
            return "campaign " + r.Str(0) + ": displays " + Cents(r.Int(1)) + ", ledger says " +
                   Cents(r.Int(2));
        }));
    out.push_back(Run(c, "pledged total = pending + paid pledges", kPledged, [](const Row& r) {
        return "campaign " + r.Str(0) + ": cached " + Cents(r.Int(1)) + ", pledges sum to " +
               Cents(r.Int(2));
    }));
    out.push_back(Run(c, "every paid pledge has exactly one payment entry (and only those)",
                      kOnePayment, [](const Row& r) {
                          return "pledge " + r.Str(0) + " (" + r.Str(1) + ", " + Cents(r.Int(4)) +
                                 "): " + r.Str(2) + " payment entries totalling " + Cents(r.Int(3));
                      }));
    out.push_back(Run(c, "every refunded pledge has exactly one refund entry (and only those)",
                      kOneRefund, [](const Row& r) {
                          return "pledge " + r.Str(0) + " (" + r.Str(1) + ", " + Cents(r.Int(4)) +
                                 "): " + r.Str(2) + " refund entries totalling " + Cents(r.Int(3));
                      }));
    out.push_back(Run(c, "no reward over its limit; claims = live pledges choosing it", kRewards,
                      [](const Row& r) {
                          return "reward " + r.Str(0) + " of campaign " + r.Str(1) + ": limit " +
                                 (r.Int(2) < 0 ? std::string("none") : r.Str(2)) + ", claimed " +
                                 r.Str(3) + ", pledges " + r.Str(4);
                      }));
    out.push_back(Run(c, "pledged (pending + paid) within goal x cap", kCaps, [](const Row& r) {
        return "campaign " + r.Str(0) + ": pledged " + Cents(r.Int(1)) + " above its cap " +
               Cents(r.Int(2));
    }));
    out.push_back(Run(c, "no paid pledge left in a failed or cancelled campaign", kPaidInClosed,
                      [](const Row& r) {
                          return "pledge " + r.Str(0) + " still paid in campaign " + r.Str(1) +
                                 " (" + r.Str(2) + "): run tick";
                      }));
    out.push_back(Run(c, "fees only on succeeded campaigns", kFees, [](const Row& r) {
        return "fee entry " + r.Str(0) + " on campaign " + r.Str(1) + " (" + r.Str(2) + ")";
    }));
    out.push_back(
        Run(c, "ledger entries in their campaign's currency", kCurrencies, [](const Row& r) {
            return "entry " + r.Str(0) + " in " + r.Str(1) + ", campaign in " + r.Str(2);
        }));
    return report;
}

}  // namespace placette::crowdfunding
