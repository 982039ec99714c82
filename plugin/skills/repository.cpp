// The skills section's SQL. Statements are assembled from constant fragments only (a filter's
// fragment when the citizen chose it); values are always bound parameters.
#include "plugin/skills/repository.h"

#include <utility>

#include "plugin/core/listing_sql.h"

namespace placette::skills::repo {

namespace {
using core::db::Row;

#define PLC_LISTING_FROM                                                               \
    "l.id, l.owner_id, COALESCE(p.display_name, ''), l.kind, l.title, l.description, " \
    "l.category, l.neighbourhood, l.availability, l.mode, l.status, "                  \
    "UNIX_TIMESTAMP(l.created_at), UNIX_TIMESTAMP(l.expires_at) FROM {p}skill_listings l "
#define PLC_LISTING_JOIN "LEFT JOIN {p}people p ON p.user_id = l.owner_id "
#define PLC_LISTING_COLS PLC_LISTING_FROM PLC_LISTING_JOIN

constexpr const char* kInsertListing =
    "INSERT INTO {p}skill_listings (owner_id, kind, title, description, category, neighbourhood,"
    " availability, mode, status, created_at, updated_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', FROM_UNIXTIME(?), FROM_UNIXTIME(?), "
    "FROM_UNIXTIME(?))";
constexpr const char* kUpdateListing =
    "UPDATE {p}skill_listings SET kind = ?, title = ?, description = ?, category = ?,"
    " neighbourhood = ?, availability = ?, mode = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kFindListing = "SELECT " PLC_LISTING_COLS "WHERE l.id = ?";
constexpr const char* kFindListingForUpdate =
    "SELECT " PLC_LISTING_COLS "WHERE l.id = ? FOR UPDATE";
// Listing fragments: a listing's statement is assembled from these constants only, with a filter
// only when the citizen chose it, after core::FilteredListingStart, which names the index made
// for the combination of filters (core/listing_sql.h); the mode (two values) is checked on the rows
// that index gives.
constexpr const char* kListSelect = "SELECT " PLC_LISTING_FROM;
constexpr const char* kListActive = PLC_LISTING_JOIN "WHERE l.status = 'active'";
constexpr const char* kListFulltext =
    " AND MATCH(l.title, l.description) AGAINST (? IN BOOLEAN MODE)";
constexpr const char* kListPattern = " AND CONCAT_WS(' ', l.title, l.description) REGEXP ?";
constexpr const char* kListKind = " AND l.kind = ?";
constexpr const char* kListCategory = " AND l.category = ?";
constexpr const char* kListNeighbourhood = " AND l.neighbourhood = ?";
constexpr const char* kListMode = " AND l.mode = ?";
constexpr const char* kListBefore = " AND l.id < ?";
constexpr const char* kListOrder = " ORDER BY l.id DESC LIMIT ?";
constexpr const char* kListByOwner = "SELECT " PLC_LISTING_COLS
                                     "WHERE l.owner_id = ? AND (? = 0 OR l.status = 'active')"
                                     " ORDER BY l.id DESC LIMIT ?";
constexpr const char* kIdByTitle =
    "SELECT id FROM {p}skill_listings WHERE owner_id = ? AND title = ? ORDER BY id LIMIT 1";
constexpr const char* kSetStatus =
    "UPDATE {p}skill_listings SET status = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kRenew =
    "UPDATE {p}skill_listings SET status = 'active', updated_at = FROM_UNIXTIME(?),"
    " expires_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kDueForExpiry =
    "SELECT " PLC_LISTING_COLS
    "WHERE l.status IN ('active', 'paused')"
    " AND l.expires_at < FROM_UNIXTIME(?) ORDER BY l.id LIMIT ? FOR UPDATE";

#define PLC_EXCHANGE_COLS                                                                        \
    "x.id, x.listing_id, COALESCE(l.title, ''), x.giver_id, x.receiver_id, x.proposer_id,"       \
    " COALESCE(pg.display_name, ''), COALESCE(pr.display_name, ''), x.mode, x.minutes, x.note,"  \
    " x.status, x.giver_confirmed_at IS NOT NULL, x.receiver_confirmed_at IS NOT NULL,"          \
    " UNIX_TIMESTAMP(x.created_at) FROM {p}skill_exchanges x"                                    \
    " LEFT JOIN {p}skill_listings l ON l.id = x.listing_id"                                      \
    " LEFT JOIN {p}people pg ON pg.user_id = x.giver_id LEFT JOIN {p}people pr ON pr.user_id = " \
    "x.receiver_id "

constexpr const char* kInsertExchange =
    "INSERT INTO {p}skill_exchanges (listing_id, giver_id, receiver_id, proposer_id, mode, minutes,"
    " note, status, giver_confirmed_at, receiver_confirmed_at, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed', IF(?, FROM_UNIXTIME(?), NULL),"
    " IF(?, FROM_UNIXTIME(?), NULL), FROM_UNIXTIME(?))";
constexpr const char* kFindExchange = "SELECT " PLC_EXCHANGE_COLS "WHERE x.id = ?";
constexpr const char* kFindExchangeForUpdate =
    "SELECT " PLC_EXCHANGE_COLS "WHERE x.id = ? FOR UPDATE";
constexpr const char* kExchangesOfListing =
    "SELECT " PLC_EXCHANGE_COLS "WHERE x.listing_id = ? ORDER BY x.id DESC LIMIT 200";
constexpr const char* kExchangesOfUser = "SELECT " PLC_EXCHANGE_COLS
                                         "WHERE x.giver_id = ? OR x.receiver_id = ?"
                                         " ORDER BY x.id DESC LIMIT ?";
constexpr const char* kConfirmGiver =
    "UPDATE {p}skill_exchanges SET giver_confirmed_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kConfirmReceiver =
    "UPDATE {p}skill_exchanges SET receiver_confirmed_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kSetExchangeStatus =
    "UPDATE {p}skill_exchanges SET status = ?, done_at = IF(? = 'done', FROM_UNIXTIME(?), done_at)"
    " WHERE id = ?";

constexpr const char* kEnsureAccount =
    "INSERT IGNORE INTO {p}hours_accounts (user_id, created_at) VALUES (?, FROM_UNIXTIME(?))";
constexpr const char* kLockAccounts =
    "SELECT user_id FROM {p}hours_accounts WHERE user_id IN (?, ?) ORDER BY user_id FOR UPDATE";
constexpr const char* kBalance =
    "SELECT CAST(COALESCE(SUM(minutes), 0) AS SIGNED) FROM {p}hours_ledger WHERE user_id = ?";
constexpr const char* kInsertEntry =
    "INSERT INTO {p}hours_ledger (exchange_id, user_id, counterpart_id, minutes, created_at)"
    " VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kHistory =
    "SELECT h.exchange_id, h.counterpart_id, COALESCE(p.display_name, ''), COALESCE(l.title, ''),"
    " h.minutes, UNIX_TIMESTAMP(h.created_at) FROM {p}hours_ledger h"
    " LEFT JOIN {p}people p ON p.user_id = h.counterpart_id"
    " LEFT JOIN {p}skill_exchanges x ON x.id = h.exchange_id"
    " LEFT JOIN {p}skill_listings l ON l.id = x.listing_id"
    " WHERE h.user_id = ? ORDER BY h.id DESC LIMIT ?";
constexpr const char* kLedgerSum =
    "SELECT CAST(COALESCE(SUM(minutes), 0) AS SIGNED) FROM {p}hours_ledger";
constexpr const char* kUnbalanced =
    "SELECT exchange_id FROM {p}hours_ledger GROUP BY exchange_id"
    " HAVING SUM(minutes) <> 0 OR COUNT(*) <> 2 ORDER BY exchange_id LIMIT 100";
constexpr const char* kBelowFloor =
    "SELECT user_id, CAST(SUM(minutes) AS SIGNED) FROM {p}hours_ledger GROUP BY user_id"
    " HAVING SUM(minutes) < ? ORDER BY user_id LIMIT 100";
constexpr const char* kDoneWithoutEntries =
    "SELECT x.id FROM {p}skill_exchanges x LEFT JOIN {p}hours_ledger h ON h.exchange_id = x.id"
    " WHERE x.status = 'done' AND x.minutes > 0 GROUP BY x.id HAVING COUNT(h.id) <> 2"
    " ORDER BY x.id LIMIT 100";

Listing ToListing(const Row& r) {
    Listing l;
    l.id = r.Int(0);
    l.owner_id = r.Int(1);
    l.owner_name = r.Str(2);
    l.kind = ParseKind(r.Str(3)).value_or(Kind::kOffer);
    l.title = r.Str(4);
    l.description = r.Str(5);
    l.category = r.Str(6);
    l.neighbourhood = r.Str(7);
    l.availability = r.Str(8);
    l.mode = ParseMode(r.Str(9)).value_or(Mode::kFree);
    l.status = ParseStatus(r.Str(10)).value_or(Status::kClosed);
    l.created_at = r.Int(11);
    l.expires_at = r.Int(12);
    return l;
}

std::vector<Listing> ToListings(const core::db::Result& res) {
    std::vector<Listing> out;
    out.reserve(res.rows.size());
    for (const Row& r : res.rows) out.push_back(ToListing(r));
    return out;
}

Exchange ToExchange(const Row& r) {
    Exchange e;
    e.id = r.Int(0);
    e.listing_id = r.Int(1);
    e.listing_title = r.Str(2);
    e.giver_id = r.Int(3);
    e.receiver_id = r.Int(4);
    e.proposer_id = r.Int(5);
    e.giver_name = r.Str(6);
    e.receiver_name = r.Str(7);
    e.mode = ParseMode(r.Str(8)).value_or(Mode::kFree);
    e.minutes = Minutes(r.Int(9));
    e.note = r.Str(10);
    e.status = ParseExchangeStatus(r.Str(11)).value_or(ExchangeStatus::kCancelled);
    e.giver_confirmed = r.Int(12) != 0;
    e.receiver_confirmed = r.Int(13) != 0;
    e.created_at = r.Int(14);
    return e;
}

std::vector<Exchange> ToExchanges(const core::db::Result& res) {
    std::vector<Exchange> out;
    for (const Row& r : res.rows) out.push_back(ToExchange(r));
    return out;
}

// The listing statement; `text` is kListFulltext or kListPattern (bound to `words`), or null.
std::string ListSql(const Filter& f, const char* text, const std::string& words,
                    std::int64_t before, int limit, std::vector<core::db::Value>& params) {
    std::string sql = core::FilteredListingStart(
        kListSelect, "idx_skill", {!f.kind.empty(), !f.category.empty(), !f.neighbourhood.empty()},
        text == kListFulltext);
    sql += kListActive;
    if (text != nullptr) {
        sql += text;
        params.emplace_back(words);
    }
    for (auto [fragment, value] :
         {std::pair{kListKind, &f.kind}, std::pair{kListCategory, &f.category},
          std::pair{kListNeighbourhood, &f.neighbourhood}, std::pair{kListMode, &f.mode}}) {
        if (value->empty()) continue;
        sql += fragment;
        params.emplace_back(*value);
    }
    if (before != 0) {
        sql += kListBefore;
        params.emplace_back(before);
    }
    sql += kListOrder;
    params.emplace_back(std::int64_t{limit});
    return sql;
}
}  // namespace

std::int64_t InsertListing(Connection& c, std::int64_t owner, const ListingInput& in,
                           std::int64_t now, std::int64_t expires_at) {
    auto r = c.Execute(
        "skills.insert_listing", kInsertListing,
        {owner, std::string(ToString(in.kind)), in.title, in.description, in.category,
         in.neighbourhood, in.availability, std::string(ToString(in.mode)), now, now, expires_at});
    return static_cast<std::int64_t>(r.insert_id);
}

void UpdateListing(Connection& c, std::int64_t id, const ListingInput& in, std::int64_t now) {
    c.Execute("skills.update_listing", kUpdateListing,
              {std::string(ToString(in.kind)), in.title, in.description, in.category,
               in.neighbourhood, in.availability, std::string(ToString(in.mode)), now, id});
}

std::optional<Listing> FindListing(Connection& c, std::int64_t id, bool for_update) {
    auto r = for_update ? c.Execute("skills.find_listing_lock", kFindListingForUpdate, {id})
                        : c.Execute("skills.find_listing", kFindListing, {id});
    if (r.empty()) return std::nullopt;
    return ToListing(r.rows[0]);
}

std::vector<Listing> ListActive(Connection& c, const Filter& f, std::int64_t before, int limit) {
    std::vector<core::db::Value> params;
    if (f.search.empty()) {
        const std::string sql = ListSql(f, nullptr, "", before, limit, params);
        return ToListings(c.Execute("skills.list", sql, params));
    }
    // Two stages, as for campaigns (crowdfunding/repository.cpp, ListPublished): the newest-first
    // scan by pattern when it fills the page (`limit` rows), else MATCH; never a mix of the two,
    // and the cursor (id) means the same to both. Without the campaigns' probe: continuing
    // after a probe's last match ("id < ?") makes MariaDB walk (status, id) instead of the
    // primary key, and a word of middling frequency paid more than a rare one saved
    // (bench/scale: "perceuse" 1.6 → 2.9 ms at 200 000 campaigns).
    if (!f.search.pattern.empty()) {
        const std::string sql = ListSql(f, kListPattern, f.search.pattern, before, limit, params);
        if (auto rows = core::SearchScan(c, "skills.search_scan", sql, params,
                                         static_cast<std::size_t>(limit), {})) {
            return ToListings(*rows);
        }
        params.clear();
    }
    const std::string sql = ListSql(f, kListFulltext, f.search.fulltext, before, limit, params);
    return ToListings(c.Execute("skills.search", sql, params));
}

std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner,
                                          const std::string& title) {
    auto r = c.Execute("skills.id_by_title", kIdByTitle, {owner, title});
    if (r.empty()) return std::nullopt;
    return r.rows[0].Int(0);
}

std::vector<Listing> ListByOwner(Connection& c, std::int64_t owner, bool only_active, int limit) {
    return ToListings(c.Execute("skills.list_owner", kListByOwner,
                                {owner, std::int64_t{only_active ? 1 : 0}, std::int64_t{limit}}));
}

void SetStatus(Connection& c, std::int64_t id, Status s, std::int64_t now) {
    c.Execute("skills.set_status", kSetStatus, {std::string(ToString(s)), now, id});
}

void Renew(Connection& c, std::int64_t id, std::int64_t now, std::int64_t expires_at) {
    c.Execute("skills.renew", kRenew, {now, expires_at, id});
}

std::vector<Listing> LockDueForExpiry(Connection& c, std::int64_t now, int limit) {
    return ToListings(c.Execute("skills.due_expiry", kDueForExpiry, {now, std::int64_t{limit}}));
}

std::int64_t InsertExchange(Connection& c, const Exchange& e, std::int64_t now) {
    auto r = c.Execute(
        "skills.insert_exchange", kInsertExchange,
        {e.listing_id, e.giver_id, e.receiver_id, e.proposer_id, std::string(ToString(e.mode)),
         e.minutes.count(), e.note, std::int64_t{e.giver_confirmed ? 1 : 0}, now,
         std::int64_t{e.receiver_confirmed ? 1 : 0}, now, now});
    return static_cast<std::int64_t>(r.insert_id);
}

std::optional<Exchange> FindExchange(Connection& c, std::int64_t id, bool for_update) {
    auto r = for_update ? c.Execute("skills.find_exchange_lock", kFindExchangeForUpdate, {id})
                        : c.Execute("skills.find_exchange", kFindExchange, {id});
    if (r.empty()) return std::nullopt;
    return ToExchange(r.rows[0]);
}

std::vector<Exchange> ExchangesOfListing(Connection& c, std::int64_t listing_id) {
    return ToExchanges(c.Execute("skills.exchanges_listing", kExchangesOfListing, {listing_id}));
}

std::vector<Exchange> ExchangesOfUser(Connection& c, std::int64_t user, int limit) {
    return ToExchanges(
        c.Execute("skills.exchanges_user", kExchangesOfUser, {user, user, std::int64_t{limit}}));
}

void ConfirmExchange(Connection& c, std::int64_t id, bool as_giver, std::int64_t now) {
    c.Execute(as_giver ? "skills.confirm_giver" : "skills.confirm_receiver",
              as_giver ? kConfirmGiver : kConfirmReceiver, {now, id});
}

void SetExchangeStatus(Connection& c, std::int64_t id, ExchangeStatus s, std::int64_t now) {
    std::string name(ToString(s));
    c.Execute("skills.exchange_status", kSetExchangeStatus, {name, name, now, id});
}

void LockAccounts(Connection& c, std::int64_t a, std::int64_t b, std::int64_t now) {
    c.Execute("hours.ensure_account", kEnsureAccount, {a, now});
    c.Execute("hours.ensure_account", kEnsureAccount, {b, now});
    c.Execute("hours.lock_accounts", kLockAccounts, {a, b});
}

Minutes Balance(Connection& c, std::int64_t user) {
    auto r = c.Execute("hours.balance", kBalance, {user});
    return Minutes(r.empty() ? 0 : r.rows[0].Int(0));
}

void InsertEntry(Connection& c, std::int64_t exchange_id, std::int64_t user,
                 std::int64_t counterpart, Minutes minutes, std::int64_t now) {
    c.Execute("hours.insert_entry", kInsertEntry,
              {exchange_id, user, counterpart, minutes.count(), now});
}

std::vector<Entry> History(Connection& c, std::int64_t user, int limit) {
    std::vector<Entry> out;
    for (const Row& r : c.Execute("hours.history", kHistory, {user, std::int64_t{limit}}).rows) {
        out.push_back(Entry{r.Int(0), r.Int(1), r.Str(2), r.Str(3), Minutes(r.Int(4)), r.Int(5)});
    }
    return out;
}

Minutes LedgerSum(Connection& c) {
    auto r = c.Execute("hours.sum", kLedgerSum);
    return Minutes(r.empty() ? 0 : r.rows[0].Int(0));
}

std::vector<std::int64_t> UnbalancedExchanges(Connection& c) {
    std::vector<std::int64_t> out;
    for (const Row& r : c.Execute("hours.unbalanced", kUnbalanced).rows) out.push_back(r.Int(0));
    return out;
}

std::vector<std::pair<std::int64_t, Minutes>> AccountsBelow(Connection& c, Minutes floor) {
    std::vector<std::pair<std::int64_t, Minutes>> out;
    for (const Row& r : c.Execute("hours.below_floor", kBelowFloor, {floor.count()}).rows) {
        out.emplace_back(r.Int(0), Minutes(r.Int(1)));
    }
    return out;
}

std::vector<std::int64_t> DoneWithoutEntries(Connection& c) {
    std::vector<std::int64_t> out;
    for (const Row& r : c.Execute("hours.done_without_entries", kDoneWithoutEntries).rows) {
        out.push_back(r.Int(0));
    }
    return out;
}

}  // namespace placette::skills::repo
