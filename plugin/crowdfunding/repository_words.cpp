// The campaigns' word index (migration 0010): written with each published campaign's text, read
// by the search for words few campaigns hold, and compared with the campaigns to find rows
// written by other means.
#include <algorithm>

#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding::repo {

namespace {
using core::db::Null;
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
// indexed campaigns that are gone or no longer published.
constexpr const char* kStale =
    "SELECT c.id FROM {p}campaigns c LEFT JOIN {p}campaign_search s ON s.campaign_id = c.id "
    "WHERE c.published_at IS NOT NULL AND (s.campaign_id IS NULL OR s.published_at <> "
    "c.published_at OR s.text_md5 <> " PLACETTE_CF_TEXT_MD5("c") ") "
    "UNION SELECT s.campaign_id FROM {p}campaign_search s LEFT JOIN {p}campaigns c ON c.id = "
    "s.campaign_id WHERE c.id IS NULL OR c.published_at IS NULL "
    "UNION SELECT DISTINCT w.campaign_id FROM {p}campaign_words w LEFT JOIN {p}campaign_search s "
    "ON s.campaign_id = w.campaign_id WHERE s.campaign_id IS NULL";
constexpr const char* kAllPublished =
    "SELECT id FROM {p}campaigns WHERE published_at IS NOT NULL ORDER BY id";
#undef PLACETTE_CF_TEXT_MD5

// How many rows hold each word, counted up to kWordCountBound: one subquery per word.
constexpr const char* kCountHead = "SELECT ";
constexpr const char* kCountWord =
    "(SELECT COUNT(*) FROM (SELECT 1 FROM {p}campaign_words w WHERE w.word LIKE ? LIMIT ?) t)";

// The newest campaigns holding the lead word (and every other word), after the cursor.
constexpr const char* kCandidates =
    "SELECT w.campaign_id FROM {p}campaign_words w WHERE w.word LIKE ?";
constexpr const char* kCandidatesAfter =
    " AND (w.published_at < FROM_UNIXTIME(?) OR (w.published_at = FROM_UNIXTIME(?) AND "
    "w.campaign_id < ?))";
constexpr const char* kCandidatesAlso =
    " AND EXISTS (SELECT 1 FROM {p}campaign_words x WHERE x.campaign_id = w.campaign_id AND "
    "x.word LIKE ?)";
constexpr const char* kCandidatesOrder =
    " GROUP BY w.published_at, w.campaign_id ORDER BY w.published_at DESC, w.campaign_id DESC "
    "LIMIT ?";

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

std::vector<std::int64_t> CountWords(Connection& c, const std::vector<std::string>& folded) {
    std::string sql = kCountHead;
    std::vector<Value> params;
    for (const std::string& w : folded) {
        if (!params.empty()) sql += ", ";
        sql += kCountWord;
        params.emplace_back(LikePrefix(w));
        params.emplace_back(std::int64_t{kWordCountBound});
    }
    std::vector<std::int64_t> out;
    const core::db::Result res = c.Execute("cf.words.count", sql, params);
    const Row& r = res.rows.at(0);
    for (std::size_t i = 0; i < folded.size(); ++i) out.push_back(r.Int(static_cast<int>(i)));
    return out;
}

std::vector<std::int64_t> WordCandidates(Connection& c, const std::vector<std::string>& folded,
                                         std::size_t lead, const ListFilter& f, int limit) {
    std::string sql = kCandidates;
    std::vector<Value> params{LikePrefix(folded.at(lead))};
    if (f.after_published && f.after_id) {
        sql += kCandidatesAfter;
        params.insert(params.end(), {*f.after_published, *f.after_published, *f.after_id});
    }
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (i == lead) continue;
        sql += kCandidatesAlso;
        params.emplace_back(LikePrefix(folded[i]));
    }
    sql += kCandidatesOrder;
    params.emplace_back(std::int64_t{limit});
    std::vector<std::int64_t> out;
    for (const Row& r : c.Execute("cf.words.candidates", sql, params).rows) out.push_back(r.Int(0));
    return out;
}

}  // namespace placette::crowdfunding::repo
