// Campaign SQL: insert, read, edit, state changes (conditional on the current state), the
// decision log, cached totals, and the keyset-paginated public listing built from fixed fragments.
#include "plugin/crowdfunding/repository.h"

#include <algorithm>

namespace placette::crowdfunding::repo {

namespace {
using core::db::Null;
using core::db::Row;
using core::db::Value;

constexpr const char* kCampaignCols =
    "c.id, c.owner_id, c.owner_name, c.state, c.title, c.slug, c.summary, c.description, "
    "c.neighbourhood, "
    "c.theme, c.place, c.latitude, c.longitude, c.goal_minor, c.currency, c.funding_model, "
    "c.duration_days, "
    "c.cap_percent, c.review_message, c.featured, c.pledged_minor, c.collected_minor, "
    "UNIX_TIMESTAMP(c.created_at), UNIX_TIMESTAMP(c.published_at), UNIX_TIMESTAMP(c.ends_at), "
    "UNIX_TIMESTAMP(c.closed_at)";
// The same without the description (listings never show it).
constexpr const char* kCampaignListCols =
    "c.id, c.owner_id, c.owner_name, c.state, c.title, c.slug, c.summary, '' AS description, "
    "c.neighbourhood, c.theme, c.place, c.latitude, c.longitude, c.goal_minor, c.currency, "
    "c.funding_model, c.duration_days, c.cap_percent, c.review_message, c.featured, "
    "c.pledged_minor, "
    "c.collected_minor, UNIX_TIMESTAMP(c.created_at), UNIX_TIMESTAMP(c.published_at), "
    "UNIX_TIMESTAMP(c.ends_at), UNIX_TIMESTAMP(c.closed_at)";

const std::string kSelectCampaign =
    std::string("SELECT ") + kCampaignCols + " FROM {p}campaigns c WHERE c.id = ?";
const std::string kSelectCampaignForUpdate = kSelectCampaign + " FOR UPDATE";
// The campaign locked (without its description, which a pledge does not need), with what one
// backer has pledged on it so far, in one round trip: the pledge transaction holds the campaign's
// lock for one statement fewer. The sum is read after the lock is granted (correlated to the
// locked row), so it sees every pledge committed before. It names its covering index: otherwise
// MariaDB weighs all five indexes the columns appear in on every execution, under the lock.
const std::string kLockForPledge =
    std::string("SELECT ") + kCampaignListCols +
    ", (SELECT COALESCE(SUM(p.amount_minor), 0) FROM {p}pledges p FORCE INDEX "
    "(idx_pledge_backer_total) WHERE p.campaign_id = c.id "
    "AND p.backer_id = ? AND p.state IN ('pending', 'paid')) FROM {p}campaigns c WHERE c.id = ? "
    "FOR UPDATE";

constexpr const char* kInsertCampaign =
    "INSERT INTO {p}campaigns (owner_id, owner_name, state, title, slug, summary, description, "
    "neighbourhood, "
    "theme, place, latitude, longitude, goal_minor, currency, funding_model, duration_days, "
    "cap_percent, "
    "created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
constexpr const char* kUpdateCampaign =
    "UPDATE {p}campaigns SET title = ?, slug = ?, summary = ?, description = ?, neighbourhood = ?, "
    "theme = ?, "
    "place = ?, latitude = ?, longitude = ?, goal_minor = ?, funding_model = ?, duration_days = ?, "
    "updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kChangeState =
    "UPDATE {p}campaigns SET state = ?, review_message = IF(? IS NULL, review_message, NULLIF(?, "
    "'')), "
    "submitted_at = COALESCE(FROM_UNIXTIME(?), submitted_at), "
    "published_at = COALESCE(FROM_UNIXTIME(?), published_at), ends_at = COALESCE(FROM_UNIXTIME(?), "
    "ends_at), "
    "closed_at = COALESCE(FROM_UNIXTIME(?), closed_at), cap_percent = COALESCE(?, cap_percent), "
    "updated_at = FROM_UNIXTIME(?) WHERE id = ? AND state = ?";
constexpr const char* kInsertLog =
    "INSERT INTO {p}campaign_log (campaign_id, actor_id, actor_name, action, from_state, to_state, "
    "message, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kSelectLog =
    "SELECT actor_id, actor_name, action, from_state, to_state, COALESCE(message, ''), "
    "UNIX_TIMESTAMP(created_at) "
    "FROM {p}campaign_log WHERE campaign_id = ? ORDER BY id";
constexpr const char* kAddTotals =
    "UPDATE {p}campaigns SET pledged_minor = pledged_minor + ?, collected_minor = collected_minor "
    "+ ? WHERE id = ?";
constexpr const char* kSetFeatured = "UPDATE {p}campaigns SET featured = ? WHERE id = ?";

// Listing fragments: the SQL text is always assembled from these constants only.
constexpr const char* kListPublished = " FROM {p}campaigns c WHERE c.published_at IS NOT NULL";
// The same for the word index's candidates, read by primary key: with few campaigns MariaDB
// otherwise walked the listing's date index, testing the REGEXP on hundreds of rows (bench/scale:
// 463 rows examined at 1 000 campaigns for 13 listed).
constexpr const char* kListPublishedById =
    " FROM {p}campaigns c FORCE INDEX (PRIMARY) WHERE c.published_at IS NOT NULL";
constexpr const char* kListState = " AND c.state = ?";
constexpr const char* kListTheme = " AND c.theme = ?";
constexpr const char* kListNeighbourhood = " AND c.neighbourhood = ?";
constexpr const char* kListFulltext =
    " AND MATCH (c.title, c.summary, c.description) AGAINST (? IN BOOLEAN MODE)";
constexpr const char* kListPattern =
    " AND CONCAT_WS(' ', c.title, c.summary, c.description) REGEXP ?";
// The page's rows among the word index's candidates (one "?" per candidate the index was asked
// for, unused ones bound to 0).
constexpr const char* kListIds = " AND c.id IN (";
constexpr const char* kListIdsEnd = ")";
constexpr const char* kListAfter =
    " AND (c.published_at < FROM_UNIXTIME(?) OR (c.published_at = FROM_UNIXTIME(?) AND c.id < ?))";
constexpr const char* kListOrder = " ORDER BY c.published_at DESC, c.id DESC LIMIT ?";

const std::string kByOwner =
    std::string("SELECT ") + kCampaignListCols +
    " FROM {p}campaigns c WHERE c.owner_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
const std::string kLive = std::string("SELECT ") + kCampaignListCols +
                          " FROM {p}campaigns c WHERE c.state = 'live' ORDER BY c.featured DESC, "
                          "c.published_at DESC, c.id DESC LIMIT ?";
const std::string kInState =
    std::string("SELECT ") + kCampaignListCols +
    " FROM {p}campaigns c WHERE c.state = ? ORDER BY c.updated_at, c.id LIMIT ?";
constexpr const char* kCountInState = "SELECT COUNT(*) FROM {p}campaigns WHERE state = ?";
constexpr const char* kEndedLive =
    "SELECT id FROM {p}campaigns WHERE state = 'live' AND ends_at <= FROM_UNIXTIME(?) ORDER BY "
    "ends_at LIMIT ?";
constexpr const char* kClosedWithPaid =
    "SELECT DISTINCT p.campaign_id FROM {p}pledges p JOIN {p}campaigns c ON c.id = p.campaign_id "
    "WHERE p.state = 'paid' AND c.state IN ('failed', 'cancelled') LIMIT ?";
constexpr const char* kIdByTitle =
    "SELECT id FROM {p}campaigns WHERE owner_id = ? AND title = ? LIMIT 1";

Value OptInt(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }
Value OptText(const std::string& s) { return s.empty() ? Value{Null{}} : Value{s}; }

Campaign ToCampaign(const Row& r) {
    Campaign k;
    k.id = r.Int(0);
    k.owner_id = r.Int(1);
    k.owner_name = r.Str(2);
    k.state = ParseState(r.Str(3)).value_or(State::kDraft);
    k.title = r.Str(4);
    k.slug = r.Str(5);
    k.summary = r.Str(6);
    k.description = r.Str(7);
    k.neighbourhood = r.Str(8);
    k.theme = r.Str(9);
    k.place = r.Str(10);
    k.latitude = r.Str(11);
    k.longitude = r.Str(12);
    k.goal = r.Int(13);
    k.currency = r.Str(14);
    k.model = ParseFundingModel(r.Str(15)).value_or(FundingModel::kAllOrNothing);
    k.duration_days = static_cast<int>(r.Int(16));
    k.cap_percent = static_cast<int>(r.Int(17));
    k.review_message = r.Str(18);
    k.featured = r.Int(19) != 0;
    k.pledged = r.Int(20);
    k.collected = r.Int(21);
    k.created_at = r.Int(22);
    k.published_at = r.Int(23);
    k.ends_at = r.Int(24);
    k.closed_at = r.Int(25);
    return k;
}

std::vector<Campaign> ToCampaigns(const core::db::Result& res) {
    std::vector<Campaign> out;
    out.reserve(res.rows.size());
    for (const Row& r : res.rows) out.push_back(ToCampaign(r));
    return out;
}

std::vector<std::int64_t> Ids(const core::db::Result& res) {
    std::vector<std::int64_t> out;
    for (const Row& r : res.rows) out.push_back(r.Int(0));
    return out;
}
}  // namespace

void AppendListFilters(const ListFilter& f, std::string& sql, std::vector<Value>& params) {
    if (f.state) {
        sql += kListState;
        params.emplace_back(std::string(Name(*f.state)));
    }
    if (!f.theme.empty()) {
        sql += kListTheme;
        params.emplace_back(f.theme);
    }
    if (!f.neighbourhood.empty()) {
        sql += kListNeighbourhood;
        params.emplace_back(f.neighbourhood);
    }
}

std::int64_t InsertCampaign(Connection& c, const Campaign& k, std::int64_t now) {
    auto res = c.Execute("cf.campaign.insert", kInsertCampaign,
                         {k.owner_id, k.owner_name, k.title, k.slug, k.summary, k.description,
                          k.neighbourhood, k.theme, k.place, OptText(k.latitude),
                          OptText(k.longitude), k.goal, k.currency, std::string(Name(k.model)),
                          std::int64_t{k.duration_days}, std::int64_t{k.cap_percent}, now, now});
    return static_cast<std::int64_t>(res.insert_id);
}

std::optional<Campaign> FindCampaign(Connection& c, std::int64_t id, bool for_update) {
    auto res = c.Execute("cf.campaign.find",
                         for_update ? kSelectCampaignForUpdate : kSelectCampaign, {id});
    if (res.empty()) return std::nullopt;
    return ToCampaign(res.rows[0]);
}

std::optional<std::pair<Campaign, std::int64_t>> LockCampaignForPledge(Connection& c,
                                                                       std::int64_t id,
                                                                       std::int64_t backer_id) {
    auto res = c.Execute("cf.campaign.lock_for_pledge", kLockForPledge, {backer_id, id});
    if (res.empty()) return std::nullopt;
    const Row& r = res.rows[0];
    return std::make_pair(ToCampaign(r), r.Int(26));
}

void UpdateCampaignFields(Connection& c, const Campaign& k, std::int64_t now) {
    c.Execute("cf.campaign.update", kUpdateCampaign,
              {k.title, k.slug, k.summary, k.description, k.neighbourhood, k.theme, k.place,
               OptText(k.latitude), OptText(k.longitude), k.goal, std::string(Name(k.model)),
               std::int64_t{k.duration_days}, now, k.id});
    if (k.published_at != 0) IndexCampaignWords(c, k.id);
}

bool ChangeState(Connection& c, std::int64_t id, const StateChange& s, std::int64_t now) {
    Value msg = s.review_message ? Value{*s.review_message} : Value{Null{}};
    Value cap = s.cap_percent ? Value{std::int64_t{*s.cap_percent}} : Value{Null{}};
    auto res = c.Execute(
        "cf.campaign.state", kChangeState,
        {std::string(Name(s.to)), msg, msg, OptInt(s.submitted_at), OptInt(s.published_at),
         OptInt(s.ends_at), OptInt(s.closed_at), cap, now, id, std::string(Name(s.from))});
    if (res.affected != 1) return false;
    if (s.published_at) IndexCampaignWords(c, id);  // published: its words join the index
    return true;
}

void InsertLog(Connection& c, std::int64_t campaign_id, std::int64_t actor_id,
               const std::string& actor_name, const std::string& action, State from, State to,
               const std::string& message, std::int64_t now) {
    c.Execute("cf.log.insert", kInsertLog,
              {campaign_id, actor_id, actor_name, action, std::string(Name(from)),
               std::string(Name(to)), OptText(message), now});
}

std::vector<LogEntry> ListLog(Connection& c, std::int64_t campaign_id) {
    std::vector<LogEntry> out;
    for (const Row& r : c.Execute("cf.log.list", kSelectLog, {campaign_id}).rows) {
        out.push_back(
            LogEntry{r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Int(6)});
    }
    return out;
}

void AddTotals(Connection& c, std::int64_t id, std::int64_t pledged_delta,
               std::int64_t collected_delta) {
    c.Execute("cf.campaign.totals", kAddTotals, {pledged_delta, collected_delta, id});
}

void SetFeatured(Connection& c, std::int64_t id, bool featured) {
    c.Execute("cf.campaign.featured", kSetFeatured, {std::int64_t{featured ? 1 : 0}, id});
}

namespace {
// The listing statement; `text` is kListFulltext or kListPattern (bound to `words`), or null;
// `ids`, when given, the only campaigns it may list, in `slots` parameters.
std::string ListSql(const ListFilter& f, const char* text, const std::string& words,
                    std::vector<Value>& params, const std::vector<std::int64_t>* ids = nullptr,
                    std::size_t slots = 0) {
    std::string sql = std::string("SELECT ") + kCampaignListCols +
                      (ids != nullptr ? kListPublishedById : kListPublished);
    AppendListFilters(f, sql, params);
    if (text != nullptr) {
        sql += text;
        params.emplace_back(words);
    }
    if (ids != nullptr) {
        sql += kListIds;
        for (std::size_t i = 0; i < slots; ++i) {
            sql += i == 0 ? "?" : ", ?";
            params.emplace_back(i < ids->size() ? (*ids)[i] : std::int64_t{0});
        }
        sql += kListIdsEnd;
    }
    if (f.after_published && f.after_id) {
        sql += kListAfter;
        params.insert(params.end(), {*f.after_published, *f.after_published, *f.after_id});
    }
    sql += kListOrder;
    params.emplace_back(std::int64_t{f.limit});
    return sql;
}

// Candidates asked of the word index beyond the page: the index holds a superset of what the
// word-start pattern accepts (a word after "_", say), so a few may be turned down.
constexpr int kWordSpare = 2;
// The longest page the word index serves (one parameter per candidate in the fetch).
constexpr int kWordPageMax = 64;

// The page from the word index (when every word has a pattern): the distinct indexed words
// starting with the longest searched word, the newest f.limit + kWordSpare campaigns holding one
// of them and the other words and passing the filters (WordCandidates), then only those campaigns
// fetched and checked with the pattern. Exact when it fills the page (a campaign the pattern
// accepts is a candidate, in the same order) or when there were fewer candidates than asked for
// (all were checked); otherwise, or when the index cannot answer cheaply (a prefix of many
// indexed words, a bound reached), nullopt.
std::optional<std::vector<Campaign>> ListByWords(Connection& c, const ListFilter& f) {
    const std::vector<std::string>& folded = f.search.folded;
    if (folded.empty() || f.search.pattern.empty() || f.limit <= 0 || f.limit > kWordPageMax)
        return std::nullopt;
    std::size_t lead = 0;
    for (std::size_t i = 1; i < folded.size(); ++i) {
        if (folded[i].size() > folded[lead].size()) lead = i;
    }
    const auto words = IndexedWords(c, folded[lead]);
    if (!words) return std::nullopt;
    std::vector<std::string> also;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (i != lead) also.push_back(folded[i]);
    }
    const int asked = f.limit + kWordSpare;
    const auto ids = WordCandidates(c, *words, also, f, asked);
    if (!ids) return std::nullopt;
    if (ids->empty()) return std::vector<Campaign>{};
    std::vector<Value> params;
    const std::string sql =
        ListSql(f, kListPattern, f.search.pattern, params, &*ids, static_cast<std::size_t>(asked));
    std::vector<Campaign> page = ToCampaigns(c.Execute("cf.campaign.search_words", sql, params));
    if (page.size() >= static_cast<std::size_t>(f.limit) ||
        ids->size() < static_cast<std::size_t>(asked))
        return page;
    return std::nullopt;
}
}  // namespace

// A search whose words all have a word-start pattern asks the campaigns' word index first
// (ListByWords): it reads a page's worth of index entries per indexed word and fetches only the
// page's campaigns, at the same cost with 1 000 or 200 000 campaigns, for rare and common words.
// When the index cannot answer alone, stage 1 scans the listing's index newest first, testing
// each row with the word-start pattern (which accepts the rows MATCH accepts), bounded by ROWS
// EXAMINED (a probe of the newest rows, then the whole bound only for a word the probe found
// often enough: core::SearchScan); its rows are used only when they fill the page: an ordered
// scan returns rows in page order and stops at LIMIT, so those are exactly the first rows the
// FULLTEXT query returns (a plan that sorts returns rows only once it has read every candidate,
// or is aborted by the bound with error 1028 and returns none). Otherwise the FULLTEXT query
// makes the page. A page never mixes sources, and the cursor (published_at, id) of its last row
// means the same to each for the next page.
std::vector<Campaign> ListPublished(Connection& c, const ListFilter& f) {
    std::vector<Value> params;
    if (f.search.empty())
        return ToCampaigns(c.Execute("cf.campaign.list", ListSql(f, nullptr, "", params), params));
    if (auto page = ListByWords(c, f)) return std::move(*page);
    if (!f.search.pattern.empty()) {
        const std::string sql = ListSql(f, kListPattern, f.search.pattern, params);
        auto after = [&f](const Row& last, std::size_t rows, std::vector<Value>& more) {
            ListFilter next = f;
            next.after_published = last.Int(23);  // kCampaignListCols: published_at, then id
            next.after_id = last.Int(0);
            next.limit = static_cast<int>(rows);
            return ListSql(next, kListPattern, f.search.pattern, more);
        };
        if (auto rows = core::SearchScan(c, "cf.campaign.search_scan", sql, params,
                                         static_cast<std::size_t>(f.limit), after)) {
            return ToCampaigns(*rows);
        }
        params.clear();
    }
    const std::string sql = ListSql(f, kListFulltext, f.search.fulltext, params);
    return ToCampaigns(c.Execute("cf.campaign.search", sql, params));
}

std::vector<Campaign> ListByOwner(Connection& c, std::int64_t owner_id, int limit) {
    return ToCampaigns(
        c.Execute("cf.campaign.by_owner", kByOwner, {owner_id, std::int64_t{limit}}));
}

std::vector<Campaign> ListLive(Connection& c, int limit) {
    return ToCampaigns(c.Execute("cf.campaign.live", kLive, {std::int64_t{limit}}));
}

std::vector<Campaign> ListInState(Connection& c, State s, int limit) {
    return ToCampaigns(
        c.Execute("cf.campaign.in_state", kInState, {std::string(Name(s)), std::int64_t{limit}}));
}

std::int64_t CountInState(Connection& c, State s) {
    return c.Execute("cf.campaign.count", kCountInState, {std::string(Name(s))}).rows[0].Int(0);
}

std::vector<std::int64_t> EndedLiveIds(Connection& c, std::int64_t now, int limit) {
    return Ids(c.Execute("cf.campaign.ended", kEndedLive, {now, std::int64_t{limit}}));
}

std::vector<std::int64_t> ClosedWithPaidPledges(Connection& c, int limit) {
    return Ids(c.Execute("cf.campaign.closed_paid", kClosedWithPaid, {std::int64_t{limit}}));
}

std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner_id,
                                          const std::string& title) {
    auto res = c.Execute("cf.campaign.by_title", kIdByTitle, {owner_id, title});
    if (res.empty()) return std::nullopt;
    return res.rows[0].Int(0);
}

}  // namespace placette::crowdfunding::repo
