// Crowdfunding's SQL, one function per statement (named constants in the .cpp files), over a
// connection the service holds inside its transaction. Times are epoch seconds in and out (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugin/core/db.h"
#include "plugin/core/search.h"
#include "plugin/crowdfunding/model.h"

namespace placette::crowdfunding::repo {

using core::db::Connection;

// --- campaigns (repository.cpp) ----------------------------------------------------------------
std::int64_t InsertCampaign(Connection& c, const Campaign& k, std::int64_t now);
std::optional<Campaign> FindCampaign(Connection& c, std::int64_t id, bool for_update = false);
// The campaign FOR UPDATE and Σ amount of `backer_id`'s pending and paid pledges on it.
std::optional<std::pair<Campaign, std::int64_t>> LockCampaignForPledge(Connection& c,
                                                                       std::int64_t id,
                                                                       std::int64_t backer_id);
// Text fields, location and (for drafts) goal, model and duration; bumps updated_at.
void UpdateCampaignFields(Connection& c, const Campaign& k, std::int64_t now);

// The columns a transition sets; nullopt keeps the stored value.
struct StateChange {
    State from = State::kDraft, to = State::kDraft;
    std::optional<std::string> review_message;  // "" clears it
    std::optional<std::int64_t> submitted_at, published_at, ends_at, closed_at;
    std::optional<int> cap_percent;
};
// Conditional on the current state being `from`: false when another request changed it first.
bool ChangeState(Connection& c, std::int64_t id, const StateChange& s, std::int64_t now);
void InsertLog(Connection& c, std::int64_t campaign_id, std::int64_t actor_id,
               const std::string& actor_name, const std::string& action, State from, State to,
               const std::string& message, std::int64_t now);
std::vector<LogEntry> ListLog(Connection& c, std::int64_t campaign_id);
void AddTotals(Connection& c, std::int64_t id, std::int64_t pledged_delta,
               std::int64_t collected_delta);
void SetFeatured(Connection& c, std::int64_t id, bool featured);

struct ListFilter {
    core::Search search;  // the words typed, parsed by the service (empty: no search)
    std::string theme, neighbourhood;
    std::optional<State> state;                             // nullopt: every published state
    std::optional<std::int64_t> after_published, after_id;  // keyset cursor
    int limit = 12;
};
// Appends the filters of `f` that are set (state, theme, neighbourhood; on alias `c`) as
// " AND …" fragments with their parameters: the listing and the word index's candidates share them.
void AppendListFilters(const ListFilter& f, std::string& sql, std::vector<core::db::Value>& params);
// Published campaigns, newest first, keyset-paginated (never OFFSET); a search scans first, then
// asks the FULLTEXT index (see ListPublished).
std::vector<Campaign> ListPublished(Connection& c, const ListFilter& f);
std::vector<Campaign> ListByOwner(Connection& c, std::int64_t owner_id, int limit);

// --- the campaigns' word index (repository_words.cpp) ------------------------------------------
// Writes the words of campaign `id`'s text as it is now (none unless it is published), locking
// the campaign; ChangeState (on publication) and UpdateCampaignFields call it.
void IndexCampaignWords(Connection& c, std::int64_t id);
// Campaigns whose indexed words are missing, stale (the text or date changed by other means than
// Placette) or left over (the campaign is gone or no longer published); `all`: every published
// campaign too.
std::vector<std::int64_t> CampaignsToIndex(Connection& c, bool all);
// The distinct indexed words starting with `folded` (a core::Search::folded word); nullopt when
// there are more than kIndexedWordsMax (a prefix too short for the index to help).
inline constexpr std::size_t kIndexedWordsMax = 8;
std::optional<std::vector<std::string>> IndexedWords(Connection& c, const std::string& folded);
// Ids of the newest `limit` campaigns (after f's cursor, passing f's state, theme and
// neighbourhood) holding one of `words` (IndexedWords) and words starting with each of `also`,
// newest first; nullopt when that took more than kWordRowsExamined rows (a word common among old
// campaigns only, filters few of its campaigns pass).
inline constexpr int kWordRowsExamined = 2000;
std::optional<std::vector<std::int64_t>> WordCandidates(Connection& c,
                                                        const std::vector<std::string>& words,
                                                        const std::vector<std::string>& also,
                                                        const ListFilter& f, int limit);
std::vector<Campaign> ListLive(Connection& c, int limit);  // featured first, then newest
std::vector<Campaign> ListInState(Connection& c, State s, int limit);  // oldest first (queues)
std::int64_t CountInState(Connection& c, State s);
std::vector<std::int64_t> EndedLiveIds(Connection& c, std::int64_t now, int limit);
std::vector<std::int64_t> ClosedWithPaidPledges(Connection& c, int limit);
std::optional<std::int64_t> FindIdByTitle(Connection& c, std::int64_t owner_id,
                                          const std::string& title);

// --- rewards, needs, offers, updates (repository_items.cpp) -------------------------------------
std::vector<Reward> ListRewards(Connection& c, std::int64_t campaign_id);
std::optional<Reward> FindReward(Connection& c, std::int64_t id);
std::int64_t InsertReward(Connection& c, const Reward& r, std::int64_t now);
void UpdateReward(Connection& c, const Reward& r, std::int64_t now);
// claimed + 1 unless the limit is reached: false = sold out.
bool ClaimReward(Connection& c, std::int64_t reward_id);
void ReleaseReward(Connection& c, std::int64_t reward_id);

std::vector<Need> ListNeeds(Connection& c, std::int64_t campaign_id);
std::optional<Need> FindNeed(Connection& c, std::int64_t id);
std::int64_t InsertNeed(Connection& c, std::int64_t campaign_id, const Need& n, std::int64_t now);
// Kind, texts, quantity and dates of need n.id.
void UpdateNeed(Connection& c, const Need& n);
// Accepted offers of an item on the need: each requested a loan for the need's dates.
std::int64_t CountItemLoans(Connection& c, std::int64_t need_id);
std::vector<Offer> ListOffers(Connection& c, std::int64_t campaign_id);
std::vector<Offer> ListOffersByUser(Connection& c, std::int64_t user_id, int limit);
std::optional<Offer> FindOffer(Connection& c, std::int64_t id, bool for_update = false);
std::int64_t InsertOffer(Connection& c, const Offer& o, std::int64_t now);
// Conditional on the offer being open.
bool DecideOffer(Connection& c, std::int64_t id, OfferState to, std::int64_t now);

std::int64_t InsertUpdate(Connection& c, std::int64_t campaign_id, std::int64_t author_id,
                          const Update& u, std::int64_t now);
std::vector<Update> ListUpdates(Connection& c, std::int64_t campaign_id, int limit);

// --- pledges and ledger (repository_pledges.cpp) -----------------------------------------------
std::optional<Pledge> FindPledge(Connection& c, std::int64_t id, bool for_update = false);
std::optional<Pledge> FindPledgeByToken(Connection& c, std::int64_t backer_id,
                                        const std::string& token);
std::int64_t InsertPledge(Connection& c, const Pledge& p, std::int64_t now);
// Σ amount of the backer's pending and paid pledges on the campaign (a plain read: in a pledge
// batch, after LockCampaignForPledge, whose snapshot sees every pledge made before the lock).
std::int64_t PledgedBy(Connection& c, std::int64_t campaign_id, std::int64_t backer_id);
// Conditional on the pledge being in `from`; stamps the target state's time column.
bool MovePledge(Connection& c, std::int64_t id, PledgeState from, PledgeState to, std::int64_t now);
std::vector<std::int64_t> PledgeIds(Connection& c, std::int64_t campaign_id, PledgeState s);
std::vector<Pledge> ListPledgesOfBacker(Connection& c, std::int64_t backer_id, int limit);
std::vector<Pledge> ListPledgesInState(Connection& c, PledgeState s, int limit);  // staff queues
std::vector<Pledge> ListCampaignPledges(Connection& c, std::int64_t campaign_id, int limit);
std::vector<Pledge> RecentPaidPledges(Connection& c, std::int64_t campaign_id, int limit);
std::int64_t CountPledgesInState(Connection& c, PledgeState s);
std::int64_t DistinctBackers(Connection& c, std::int64_t campaign_id);
// Pending pledges created before the cutoff of their provider kind (manual or not).
std::vector<std::int64_t> StalePendingIds(Connection& c, std::int64_t manual_cutoff,
                                          std::int64_t other_cutoff, int limit);

struct LedgerEntry {
    LedgerKind kind = LedgerKind::kPayment;
    std::int64_t campaign_id = 0;
    std::optional<std::int64_t> pledge_id;
    std::int64_t amount = 0;  // signed
    std::string currency = "EUR", provider, provider_ref;
    std::int64_t actor_id = 0;
};
// Throws DbError (duplicate key) when the entry's once_key already exists.
void InsertLedger(Connection& c, const LedgerEntry& e, std::int64_t now);
// Σ payments + Σ refunds (refunds are negative) of a campaign, from the ledger itself.
std::int64_t LedgerCollected(Connection& c, std::int64_t campaign_id);

}  // namespace placette::crowdfunding::repo
