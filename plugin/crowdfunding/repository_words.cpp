// The campaigns' word index (migration 0010): written with each published campaign's text, read
// first by the campaigns' search, and compared with the campaigns to find rows written by other
// means.
#include <algorithm>
#include <stdexcept>

#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding::repo {

namespace {
using core::db::Row;
using core::db::Value;

// What the words were taken from; the same expression in the staleness check.
#define PLACETTE_CF_TEXT_MD5(c) \
    "UNHEX(MD5(CONCAT(" c ".title, '|', " c ".summary, '|', " c ".description)))"

constexpr const char* kLockText =
    "SELECT title, summary, description, UNIX_TIMESTAMP(published_at) FROM {p}campaigns "
    "WHERE id = ? FOR UPDATE";
constexpr const char* kDeleteWords = "DELETE FROM {p}campaign_words WHERE campaign_id = ?";
constexpr const char* kDeleteSearch = "DELETE FROM {p}campaign_search WHERE campaign_id = ?";
constexpr const char* kInsertWordsHead =
    "INSERT IGNORE INTO {p}campaign_words (word, published_at, campaign_id) VALUES ";
constexpr const char* kInsertWordsRow = "(?, FROM_UNIXTIME(?), ?)";
constexpr const char* kRecordSearch =
    "REPLACE INTO {p}campaign_search (campaign_id, text_md5, published_at) SELECT c.id, "
    PLACETTE_CF_TEXT_MD5("c") ", c.published_at FROM {p}campaigns c WHERE c.id = ? "
    "AND c.published_at IS NOT NULL";
// Published campaigns whose words are missing or were taken from another text or date, then
// indexed campaigns that are gone or no longer published (IndexCampaignWords writes a campaign's
// words and its row here together, so no words are left without one). About a second with
// 200 000 campaigns: a scan of the campaigns and an MD5 of each text, no scan of the words.
constexpr const char* kStale =
    "SELECT c.id FROM {p}campaigns c LEFT JOIN {p}campaign_search s ON s.campaign_id = c.id "
    "WHERE c.published_at IS NOT NULL AND (s.campaign_id IS NULL OR s.published_at <> "
    "c.published_at OR s.text_md5 <> " PLACETTE_CF_TEXT_MD5("c") ") "
    "UNION SELECT s.campaign_id FROM {p}campaign_search s LEFT JOIN {p}campaigns c ON c.id = "
    "s.campaign_id WHERE c.id IS NULL OR c.published_at IS NULL";
constexpr const char* kAllPublished =
    "SELECT id FROM {p}campaigns WHERE published_at IS NOT NULL ORDER BY id";
#undef PLACETTE_CF_TEXT_MD5

// The distinct indexed words a searched word is a prefix of (a loose scan of the key: one step
// per distinct word, whatever the number of campaigns holding it).
constexpr const char* kIndexedWords =
    "SELECT DISTINCT w.word FROM {p}campaign_words w WHERE w.word LIKE ? LIMIT ?";

// The newest campaigns holding one of those words (and a word starting with each other searched
// word, and passing the listing's filters), after the cursor: per indexed word, its entries in
// key order (word, then newest first), so each branch stops after `limit` matches; the union
// then keeps the newest `limit`. Bounded by ROWS EXAMINED: a word common among old campaigns
// only, or filters few of its campaigns pass, are left to the other stages.
constexpr const char* kCandidatesHead = "SELECT t.campaign_id FROM (";
constexpr const char* kCandidatesBranch =
    "(SELECT w.published_at, w.campaign_id FROM {p}campaign_words w";
constexpr const char* kCandidatesJoin = " JOIN {p}campaigns c ON c.id = w.campaign_id";
constexpr const char* kCandidatesWord = " WHERE w.word = ?";
constexpr const char* kCandidatesAfter =
    " AND (w.published_at < FROM_UNIXTIME(?) OR (w.published_at = FROM_UNIXTIME(?) AND "
    "w.campaign_id < ?))";
// A scalar subquery, not EXISTS: MariaDB would turn EXISTS into a semi-join that first reads
// every campaign holding the other word; this looks each candidate up in (campaign_id, word).
constexpr const char* kCandidatesAlso =
    " AND (SELECT 1 FROM {p}campaign_words x WHERE x.campaign_id = w.campaign_id AND "
    "x.word LIKE ? LIMIT 1) IS NOT NULL";
constexpr const char* kCandidatesBranchEnd =
    " ORDER BY w.published_at DESC, w.campaign_id DESC LIMIT ?)";
constexpr const char* kCandidatesUnion = " UNION ";
constexpr const char* kCandidatesEnd =
    ") t ORDER BY t.published_at DESC, t.campaign_id DESC LIMIT ? ROWS EXAMINED ?";

// Rows of one INSERT of words: a campaign's words go in one statement of the next size up,
// the last row repeated to fill it (INSERT IGNORE drops the repeats), so that a few statement
// texts serve every campaign.
constexpr std::size_t kInsertSizes[] = {8, 64, 256};

std::string InsertWordsSql(std::size_t rows) {
    std::string sql = kInsertWordsHead;
    for (std::size_t i = 0; i < rows; ++i) {
        if (i != 0) sql += ", ";
        sql += kInsertWordsRow;
    }
    return sql;
}

std::string LikePrefix(const std::string& folded) {
    // FoldedWord gives a…z and 0…9 only: nothing LIKE would read as a wildcard.
    if (folded.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos)
        throw std::logic_error("a folded word holds only letters and digits");
    return folded + "%";
}
}  // namespace

void IndexCampaignWords(Connection& c, std::int64_t id) {
    auto res = c.Execute("cf.words.lock_text", kLockText, {id});
    c.Execute("cf.words.delete", kDeleteWords, {id});
    if (res.empty() || res.rows[0].IsNull(3)) {
        c.Execute("cf.words.forget", kDeleteSearch, {id});
        return;
    }
    const Row& r = res.rows[0];
    const std::int64_t published = r.Int(3);
    std::vector<std::string> words;
    for (int col = 0; col < 3; ++col) {
        std::vector<std::string> t = core::SearchTokens(r.Str(col));
        words.insert(words.end(), std::make_move_iterator(t.begin()),
                     std::make_move_iterator(t.end()));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (std::size_t from = 0; from < words.size();) {
        const std::size_t left = words.size() - from;
        std::size_t size = kInsertSizes[0];
        for (std::size_t s : kInsertSizes) {
            size = s;
            if (s >= left) break;
        }
        const std::size_t take = std::min(size, left);
        std::vector<Value> params;
        params.reserve(size * 3);
        for (std::size_t i = 0; i < size; ++i) {
            params.emplace_back(words[from + std::min(i, take - 1)]);
            params.emplace_back(published);
            params.emplace_back(id);
        }
        c.Execute("cf.words.insert", InsertWordsSql(size), params);
        from += take;
    }
    c.Execute("cf.words.record", kRecordSearch, {id});
}

std::vector<std::int64_t> CampaignsToIndex(Connection& c, bool all) {
    std::vector<std::int64_t> out;
    for (const Row& r : c.Execute("cf.words.stale", all ? kAllPublished : kStale).rows)
        out.push_back(r.Int(0));
    if (all) {  // and whatever the index holds for campaigns no longer published
        for (const Row& r : c.Execute("cf.words.stale", kStale).rows) out.push_back(r.Int(0));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
}

std::optional<std::vector<std::string>> IndexedWords(Connection& c, const std::string& folded) {
    const auto res = c.Execute("cf.words.distinct", kIndexedWords,
                               {LikePrefix(folded), std::int64_t{kIndexedWordsMax + 1}});
    if (res.rows.size() > kIndexedWordsMax) return std::nullopt;
    std::vector<std::string> out;
    for (const Row& r : res.rows) out.push_back(r.Str(0));
    return out;
}

std::optional<std::vector<std::int64_t>> WordCandidates(Connection& c,
                                                        const std::vector<std::string>& words,
                                                        const std::vector<std::string>& also,
                                                        const ListFilter& f, int limit) {
    if (words.empty()) return std::vector<std::int64_t>{};
    const bool join = f.state || !f.theme.empty() || !f.neighbourhood.empty();
    std::string sql = kCandidatesHead;
    std::vector<Value> params;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i != 0) sql += kCandidatesUnion;
        sql += kCandidatesBranch;
        if (join) sql += kCandidatesJoin;
        sql += kCandidatesWord;
        params.emplace_back(words[i]);
        if (f.after_published && f.after_id) {
            sql += kCandidatesAfter;
            params.insert(params.end(), {*f.after_published, *f.after_published, *f.after_id});
        }
        AppendListFilters(f, sql, params);
        for (const std::string& a : also) {
            sql += kCandidatesAlso;
            params.emplace_back(LikePrefix(a));
        }
        sql += kCandidatesBranchEnd;
        params.emplace_back(std::int64_t{limit});
    }
    sql += kCandidatesEnd;
    params.emplace_back(std::int64_t{limit});
    params.emplace_back(std::int64_t{kWordRowsExamined});
    const auto res = core::ExecuteBounded(c, "cf.words.candidates", sql, params);
    if (!res || res->warnings != 0) return std::nullopt;  // the bound cut the reading short
    std::vector<std::int64_t> out;
    for (const Row& r : res->rows) out.push_back(r.Int(0));
    return out;
}

}  // namespace placette::crowdfunding::repo
