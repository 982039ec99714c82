// The exchange section's SQL. Days travel as integers (days since 1970-01-01) through
// TO_DAYS()/FROM_DAYS() with the constant 719528 = TO_DAYS('1970-01-01').
#include "plugin/exchange/repository.h"

#include <utility>

#include "plugin/core/listing_sql.h"

namespace placette::exchange::repo {

namespace {
using core::db::Row;
using core::db::Value;

#define PLC_ITEM_FROM                                                                          \
    "i.id, i.owner_id, COALESCE(po.display_name, ''), i.kind, i.title, i.description,"         \
    " i.category, i.item_condition, i.neighbourhood, i.status, i.has_photo,"                   \
    " COALESCE(i.partner_id, 0), COALESCE(pp.display_name, ''), UNIX_TIMESTAMP(i.created_at)," \
    " UNIX_TIMESTAMP(i.expires_at) FROM {p}exchange_items i "
#define PLC_ITEM_JOIN                                   \
    "LEFT JOIN {p}people po ON po.user_id = i.owner_id" \
    " LEFT JOIN {p}people pp ON pp.user_id = i.partner_id "
#define PLC_ITEM_COLS PLC_ITEM_FROM PLC_ITEM_JOIN

constexpr const char* kInsertItem =
    "INSERT INTO {p}exchange_items (owner_id, kind, title, description, category, item_condition,"
    " neighbourhood, status, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
    " 'active', FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
constexpr const char* kUpdateItem =
    "UPDATE {p}exchange_items SET kind = ?, title = ?, description = ?, category = ?,"
    " item_condition = ?, neighbourhood = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kFindItem = "SELECT " PLC_ITEM_COLS "WHERE i.id = ?";
constexpr const char* kFindItemLock = "SELECT " PLC_ITEM_COLS "WHERE i.id = ? FOR UPDATE";
// Listing fragments: a listing's statement is assembled from these constants only, with a filter
// only when the citizen chose it, after core::FilteredListingStart, which names the index made
// for the combination of filters (core/listing_sql.h).
constexpr const char* kListSelect = "SELECT " PLC_ITEM_FROM;
constexpr const char* kListActive = PLC_ITEM_JOIN "WHERE i.status = 'active'";
constexpr const char* kListFulltext =
    " AND MATCH(i.title, i.description) AGAINST (? IN BOOLEAN MODE)";
constexpr const char* kListPattern = " AND CONCAT_WS(' ', i.title, i.description) REGEXP ?";
constexpr const char* kListKind = " AND i.kind = ?";
constexpr const char* kListCategory = " AND i.category = ?";
constexpr const char* kListNeighbourhood = " AND i.neighbourhood = ?";
constexpr const char* kListBefore = " AND i.id < ?";
constexpr const char* kListOrder = " ORDER BY i.id DESC LIMIT ?";
constexpr const char* kListByOwner = "SELECT " PLC_ITEM_COLS
                                     "WHERE i.owner_id = ? AND (? = 0 OR i.status = 'active')"
                                     " ORDER BY i.id DESC LIMIT ?";
constexpr const char* kIdByTitle =
    "SELECT id FROM {p}exchange_items WHERE owner_id = ? AND title = ? ORDER BY id LIMIT 1";
constexpr const char* kSetStatus =
    "UPDATE {p}exchange_items SET status = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kRenew =
    "UPDATE {p}exchange_items SET status = 'active', updated_at = FROM_UNIXTIME(?),"
    " expires_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kMarkDone =
    "UPDATE {p}exchange_items SET status = 'done', partner_id = ?, done_at = FROM_UNIXTIME(?),"
    " updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kDueForExpiry =
    "SELECT " PLC_ITEM_COLS
    "WHERE i.status IN ('active', 'paused') AND i.expires_at < FROM_UNIXTIME(?)"
    " ORDER BY i.id LIMIT ? FOR UPDATE";

constexpr const char* kSavePhoto =
    "REPLACE INTO {p}exchange_photos (item_id, content_type, width, height, bytes, created_at)"
    " VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kPhotoFlag = "UPDATE {p}exchange_items SET has_photo = ? WHERE id = ?";
constexpr const char* kDeletePhoto = "DELETE FROM {p}exchange_photos WHERE item_id = ?";
constexpr const char* kFindPhoto =
    "SELECT content_type, bytes FROM {p}exchange_photos WHERE item_id = ?";

#define PLC_LOAN_COLS                                                                     \
    "l.id, l.item_id, COALESCE(i.title, ''), l.owner_id, l.borrower_id,"                  \
    " COALESCE(po.display_name, ''), COALESCE(pb.display_name, ''),"                      \
    " TO_DAYS(l.start_date) - 719528, TO_DAYS(l.end_date) - 719528, l.status, l.message," \
    " l.handover_note, l.return_note, l.source, COALESCE(l.source_id, 0),"                \
    " UNIX_TIMESTAMP(l.created_at) FROM {p}loans l"                                       \
    " LEFT JOIN {p}exchange_items i ON i.id = l.item_id"                                  \
    " LEFT JOIN {p}people po ON po.user_id = l.owner_id"                                  \
    " LEFT JOIN {p}people pb ON pb.user_id = l.borrower_id "

constexpr const char* kInsertLoan =
    "INSERT INTO {p}loans (item_id, owner_id, borrower_id, start_date, end_date, status, message,"
    " source, source_id, created_at, updated_at) VALUES (?, ?, ?, FROM_DAYS(? + 719528),"
    " FROM_DAYS(? + 719528), 'requested', ?, ?, NULLIF(?, 0), FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
constexpr const char* kFindLoan = "SELECT " PLC_LOAN_COLS "WHERE l.id = ?";
constexpr const char* kFindLoanLock = "SELECT " PLC_LOAN_COLS "WHERE l.id = ? FOR UPDATE";
constexpr const char* kLoansOfItem =
    "SELECT " PLC_LOAN_COLS "WHERE l.item_id = ? ORDER BY l.start_date DESC, l.id DESC LIMIT ?";
constexpr const char* kLoansOfUser = "SELECT " PLC_LOAN_COLS
                                     "WHERE l.borrower_id = ? OR l.owner_id = ?"
                                     " ORDER BY l.id DESC LIMIT ?";
constexpr const char* kCountBlocking =
    "SELECT COUNT(*) FROM {p}loans WHERE item_id = ? AND id <> ?"
    " AND status IN ('accepted', 'on_loan', 'overdue') AND start_date <= FROM_DAYS(? + 719528)"
    " AND IF(status = 'accepted', end_date, GREATEST(end_date, FROM_DAYS(? + 719528)))"
    " >= FROM_DAYS(? + 719528)";
constexpr const char* kSetLoanStatus =
    "UPDATE {p}loans SET status = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kSetHandover =
    "UPDATE {p}loans SET status = 'on_loan', handover_note = ?, handed_over_at = FROM_UNIXTIME(?),"
    " updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kSetReturned =
    "UPDATE {p}loans SET status = 'returned', return_note = ?, returned_at = FROM_UNIXTIME(?),"
    " updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kLoansPastEnd =
    "SELECT " PLC_LOAN_COLS
    "WHERE l.status = 'on_loan' AND l.end_date < FROM_DAYS(? + 719528)"
    " ORDER BY l.id LIMIT ?";
constexpr const char* kLoansDueSoon = "SELECT " PLC_LOAN_COLS
                                      "WHERE l.status = 'on_loan' AND l.end_date BETWEEN "
                                      "FROM_DAYS(? + 719528) AND FROM_DAYS(? + 719528)"
                                      " ORDER BY l.id LIMIT ?";
constexpr const char* kStaleRequests =
    "SELECT " PLC_LOAN_COLS
    "WHERE l.status = 'requested' AND l.start_date < FROM_DAYS(? + 719528) ORDER BY l.id LIMIT ?"
    " FOR UPDATE";
constexpr const char* kOverlapping =
    "SELECT a.id, b.id FROM {p}loans a JOIN {p}loans b ON b.item_id = a.item_id AND b.id > a.id"
    " WHERE a.status IN ('accepted', 'on_loan', 'overdue') AND b.status IN ('accepted', 'on_loan', "
    "'overdue')"
    " AND a.start_date <= b.end_date AND b.start_date <= a.end_date ORDER BY a.id, b.id LIMIT 100";

Item ToItem(const Row& r) {
    Item i;
    i.id = r.Int(0);
    i.owner_id = r.Int(1);
    i.owner_name = r.Str(2);
    i.kind = ParseKind(r.Str(3)).value_or(Kind::kGive);
    i.title = r.Str(4);
    i.description = r.Str(5);
    i.category = r.Str(6);
    i.condition = ParseCondition(r.Str(7)).value_or(Condition::kNone);
    i.neighbourhood = r.Str(8);
    i.status = ParseStatus(r.Str(9)).value_or(Status::kClosed);
    i.has_photo = r.Int(10) != 0;
    i.partner_id = r.Int(11);
    i.partner_name = r.Str(12);
    i.created_at = r.Int(13);
    i.expires_at = r.Int(14);
    return i;
}

std::vector<Item> ToItems(const core::db::Result& res) {
    std::vector<Item> out;
    for (const Row& r : res.rows) out.push_back(ToItem(r));
    return out;
}

Loan ToLoan(const Row& r) {
    Loan l;
    l.id = r.Int(0);
    l.item_id = r.Int(1);
    l.item_title = r.Str(2);
    l.owner_id = r.Int(3);
    l.borrower_id = r.Int(4);
    l.owner_name = r.Str(5);
    l.borrower_name = r.Str(6);
    l.period = Period{Day{r.Int(7)}, Day{r.Int(8)}};
    l.status = ParseLoanStatus(r.Str(9)).value_or(LoanStatus::kCancelled);
    l.message = r.Str(10);
    l.handover_note = r.Str(11);
    l.return_note = r.Str(12);
    l.source = r.Str(13);
    l.source_id = r.Int(14);
    l.created_at = r.Int(15);
    return l;
}

std::vector<Loan> ToLoans(const core::db::Result& res) {
    std::vector<Loan> out;
    for (const Row& r : res.rows) out.push_back(ToLoan(r));
    return out;
}

std::string Name(auto e) { return std::string(ToString(e)); }
}  // namespace

std::int64_t InsertItem(Connection& c, std::int64_t owner, const ItemInput& in, std::int64_t now,
                        std::int64_t expires_at) {
    auto r = c.Execute("exchange.insert_item", kInsertItem,
                       {owner, Name(in.kind), in.title, in.description, in.category,
                        Name(in.condition), in.neighbourhood, now, now, expires_at});
    return static_cast<std::int64_t>(r.insert_id);
}

void UpdateItem(Connection& c, std::int64_t id, const ItemInput& in, std::int64_t now) {
    c.Execute("exchange.update_item", kUpdateItem,
              {Name(in.kind), in.title, in.description, in.category, Name(in.condition),
               in.neighbourhood, now, id});
}

std::optional<Item> FindItem(Connection& c, std::int64_t id, bool for_update) {
    auto r = for_update ? c.Execute("exchange.find_item_lock", kFindItemLock, {id})
                        : c.Execute("exchange.find_item", kFindItem, {id});
    if (r.empty()) return std::nullopt;
    return ToItem(r.rows[0]);
}

namespace {
// The listing statement; `text` is kListFulltext or kListPattern (bound to `words`), or null.
std::string ListSql(const Filter& f, const char* text, const std::string& words,
                    std::int64_t before, int limit, std::vector<Value>& params) {
    std::string sql = core::FilteredListingStart(
        kListSelect, "idx_item", {!f.kind.empty(), !f.category.empty(), !f.neighbourhood.empty()},
        text == kListFulltext);
    sql += kListActive;
    if (text != nullptr) {
        sql += text;
        params.emplace_back(words);
    }
    for (auto [fragment, value] :
         {std::pair{kListKind, &f.kind}, std::pair{kListCategory, &f.category},
          std::pair{kListNeighbourhood, &f.neighbourhood}}) {
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

std::vector<Item> ListActive(Connection& c, const Filter& f, std::int64_t before, int limit) {
    std::vector<Value> params;
    if (f.search.empty())
        return ToItems(
            c.Execute("exchange.list", ListSql(f, nullptr, "", before, limit, params), params));
    // Two stages, as for campaigns (crowdfunding/repository.cpp, ListPublished): the newest-first
    // scan by pattern when it fills the page (`limit` rows), else MATCH; never a mix of the two,
    // and the cursor (id) means the same to both. Without the campaigns' probe: continuing
    // after a probe's last match ("id < ?") makes MariaDB walk (status, id) instead of the
    // primary key, and a word of middling frequency paid more than a rare one saved
    // (bench/scale: "perceuse" 1.6 → 2.9 ms at 200 000 campaigns).
    if (!f.search.pattern.empty()) {
        const std::string sql = ListSql(f, kListPattern, f.search.pattern, before, limit, params);
        if (auto rows = core::SearchScan(c, "exchange.search_scan", sql, params,
                                         static_cast<std::size_t>(limit), {})) {
            return ToItems(*rows);
        }
        params.clear();
    }
    const std::string sql = ListSql(f, kListFulltext, f.search.fulltext, before, limit, params);
    return ToItems(c.Execute("exchange.search", sql, params));
}

std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner,
                                          const std::string& title) {
    auto r = c.Execute("exchange.id_by_title", kIdByTitle, {owner, title});
    if (r.empty()) return std::nullopt;
    return r.rows[0].Int(0);
}

std::vector<Item> ListByOwner(Connection& c, std::int64_t owner, bool only_active, int limit) {
    return ToItems(c.Execute("exchange.list_owner", kListByOwner,
                             {owner, std::int64_t{only_active ? 1 : 0}, std::int64_t{limit}}));
}

void SetStatus(Connection& c, std::int64_t id, Status s, std::int64_t now) {
    c.Execute("exchange.set_status", kSetStatus, {Name(s), now, id});
}

void Renew(Connection& c, std::int64_t id, std::int64_t now, std::int64_t expires_at) {
    c.Execute("exchange.renew", kRenew, {now, expires_at, id});
}

void MarkDone(Connection& c, std::int64_t id, std::int64_t partner, std::int64_t now) {
    c.Execute("exchange.mark_done", kMarkDone, {partner, now, now, id});
}

std::vector<Item> LockDueForExpiry(Connection& c, std::int64_t now, int limit) {
    return ToItems(c.Execute("exchange.due_expiry", kDueForExpiry, {now, std::int64_t{limit}}));
}

void SavePhoto(Connection& c, std::int64_t item, const std::string& content_type, int width,
               int height, const std::string& bytes, std::int64_t now) {
    c.Execute("exchange.save_photo", kSavePhoto,
              {item, content_type, std::int64_t{width}, std::int64_t{height}, bytes, now});
    c.Execute("exchange.photo_flag", kPhotoFlag, {std::int64_t{1}, item});
}

void DeletePhoto(Connection& c, std::int64_t item) {
    c.Execute("exchange.delete_photo", kDeletePhoto, {item});
    c.Execute("exchange.photo_flag", kPhotoFlag, {std::int64_t{0}, item});
}

std::optional<StoredPhoto> FindPhoto(Connection& c, std::int64_t item) {
    auto r = c.Execute("exchange.find_photo", kFindPhoto, {item});
    if (r.empty()) return std::nullopt;
    return StoredPhoto{r.rows[0].Str(0), r.rows[0].Str(1)};
}

std::int64_t InsertLoan(Connection& c, const Loan& l, std::int64_t now) {
    auto r = c.Execute("loans.insert", kInsertLoan,
                       {l.item_id, l.owner_id, l.borrower_id, l.period.start.n, l.period.end.n,
                        l.message, l.source, l.source_id, now, now});
    return static_cast<std::int64_t>(r.insert_id);
}

std::optional<Loan> FindLoan(Connection& c, std::int64_t id, bool for_update) {
    auto r = for_update ? c.Execute("loans.find_lock", kFindLoanLock, {id})
                        : c.Execute("loans.find", kFindLoan, {id});
    if (r.empty()) return std::nullopt;
    return ToLoan(r.rows[0]);
}

std::vector<Loan> LoansOfItem(Connection& c, std::int64_t item, int limit) {
    return ToLoans(c.Execute("loans.of_item", kLoansOfItem, {item, std::int64_t{limit}}));
}

std::vector<Loan> LoansOfUser(Connection& c, std::int64_t user, int limit) {
    return ToLoans(c.Execute("loans.of_user", kLoansOfUser, {user, user, std::int64_t{limit}}));
}

std::int64_t CountBlocking(Connection& c, std::int64_t item, std::int64_t except, Day start,
                           Day end, Day today) {
    auto r =
        c.Execute("loans.count_blocking", kCountBlocking, {item, except, end.n, today.n, start.n});
    return r.empty() ? 0 : r.rows[0].Int(0);
}

void SetLoanStatus(Connection& c, std::int64_t id, LoanStatus s, std::int64_t now) {
    c.Execute("loans.set_status", kSetLoanStatus, {Name(s), now, id});
}

void SetHandover(Connection& c, std::int64_t id, const std::string& note, std::int64_t now) {
    c.Execute("loans.handover", kSetHandover, {note, now, now, id});
}

void SetReturned(Connection& c, std::int64_t id, const std::string& note, std::int64_t now) {
    c.Execute("loans.returned", kSetReturned, {note, now, now, id});
}

std::vector<Loan> LoansPastEnd(Connection& c, Day today, int limit) {
    return ToLoans(c.Execute("loans.past_end", kLoansPastEnd, {today.n, std::int64_t{limit}}));
}

std::vector<Loan> LoansDueSoon(Connection& c, Day today, Day until, int limit) {
    return ToLoans(
        c.Execute("loans.due_soon", kLoansDueSoon, {today.n, until.n, std::int64_t{limit}}));
}

std::vector<Loan> StaleRequests(Connection& c, Day today, int limit) {
    return ToLoans(
        c.Execute("loans.stale_requests", kStaleRequests, {today.n, std::int64_t{limit}}));
}

std::vector<std::pair<std::int64_t, std::int64_t>> OverlappingLoans(Connection& c) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const Row& r : c.Execute("loans.overlapping", kOverlapping).rows)
        out.emplace_back(r.Int(0), r.Int(1));
    return out;
}

}  // namespace placette::exchange::repo
