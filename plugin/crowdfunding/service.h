// Crowdfunding's rules: who may do what to a campaign, checked against the state machines and
// applied in one re-runnable transaction each (campaign row locked first, then pledge, then
// reward).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/batch_lanes.h"
#include "plugin/core/body_memo.h"
#include "plugin/core/db.h"
#include "plugin/core/forms.h"
#include "plugin/core/links.h"
#include "plugin/core/viewer.h"
#include "plugin/crowdfunding/model.h"
#include "plugin/crowdfunding/text.h"
#include "plugin/crowdfunding/validation.h"

namespace placette::crowdfunding {

// Who acts: a citizen, a staff member, or the system (id 0, e.g. placette-admin tick).
struct Actor {
    std::int64_t id = 0;
    std::string name;
    bool staff = false;
    static Actor Of(const core::Viewer& v) {
        return Actor{v.user_id, v.display_name, v.is_staff()};
    }
    static Actor System() { return Actor{0, "placette-admin", true}; }
};

// What a command did. Expected refusals are values; only what no handler can fix throws.
struct Outcome {
    enum class Status { kOk, kNotFound, kForbidden, kConflict, kInvalid };
    Status status = Status::kOk;
    std::int64_t id = 0;       // the created or found record
    std::string reason;        // kConflict: catalog key of the explanation
    core::FieldErrors errors;  // kInvalid: translated message per field
    bool changed = true;       // false: an idempotent repeat that changed nothing

    bool ok() const { return status == Status::kOk; }
    static Outcome Ok(std::int64_t id = 0, bool changed = true);
    static Outcome NotFound() { return Outcome{Status::kNotFound, 0, "", {}, false}; }
    static Outcome Forbidden() { return Outcome{Status::kForbidden, 0, "", {}, false}; }
    static Outcome Conflict(std::string reason_key);
    static Outcome Invalid(std::string field, std::string message);
};

struct CampaignPage {
    Campaign campaign;
    std::string description_html;  // the description's Markdown, rendered once per load
    std::vector<Reward> rewards;
    std::vector<Need> needs;
    std::vector<Update> updates;
    std::vector<std::string> update_html;  // each update's body, rendered
    std::vector<Pledge> recent;            // latest paid pledges (names shown unless anonymous)
    std::int64_t backers = 0;
    // The page's body rendered from this data, once per language, kind of viewer and second
    // (handlers_show.cpp).
    std::shared_ptr<core::BodyMemo> body_memo = std::make_shared<core::BodyMemo>();
};

struct ListQuery {
    std::string q, theme, neighbourhood, status, after;  // as typed in the URL
    int limit = 12;
};
struct ListPage {
    std::vector<Campaign> items;
    std::string next;             // cursor of the next page, "" on the last one
    bool search_ignored = false;  // q had no word of 3 letters or more
    // The listing's body rendered from this page, once per language and second
    // (handlers_list.cpp).
    std::shared_ptr<core::BodyMemo> bodies = std::make_shared<core::BodyMemo>();
};
// The live campaigns shown on the home page, and their block rendered once per language and
// second (handlers_list.cpp).
struct LiveCards {
    std::vector<Campaign> items;
    std::shared_ptr<core::BodyMemo> block = std::make_shared<core::BodyMemo>();
};

struct TickHooks {
    // A non-manual pending pledge past its timeout expires only when this says the provider
    // confirms it unpaid. Unset: such pledges stay pending (reported).
    std::function<bool(const Pledge&)> provider_confirms_unpaid;
    // Starts the provider-side refund of a refund_pending pledge; true when the provider
    // confirmed it (the pledge becomes refunded). Unset: provider refunds wait (reported).
    std::function<bool(const Pledge&)> provider_refund;
};

struct TickReport {
    int succeeded = 0, failed = 0, refunds_requested = 0, expired = 0, refunded = 0;
    int waiting_provider = 0;  // pending or refund_pending pledges a provider must answer for
};

class Service {
  public:
    Service(core::db::Pool& pool, const Rules& rules) : pool_(pool), rules_(rules) {}
    const Rules& rules() const { return rules_; }

    // Campaigns.
    Outcome CreateDraft(const Actor& a, const Draft& d);
    Outcome Edit(const Actor& a, std::int64_t id, const Draft& d);
    Outcome Submit(const Actor& a, std::int64_t id);
    // Staff decisions: kApprove, kRequestChanges (message), kReject (reason).
    Outcome Review(const Actor& a, std::int64_t id, Event e, const std::string& message);
    Outcome Cancel(const Actor& a, std::int64_t id, const std::string& reason);
    Outcome MarkRealised(const Actor& a, std::int64_t id);
    Outcome SetFeatured(const Actor& a, std::int64_t id, bool featured);

    // Rewards, needs, offers, news.
    Outcome AddReward(const Actor& a, std::int64_t campaign_id, const RewardInput& in);
    Outcome EditReward(const Actor& a, std::int64_t reward_id, const RewardInput& in,
                       const Texts& tx);
    Outcome AddNeed(const Actor& a, std::int64_t campaign_id, const NeedInput& in);
    // Quantity never below the accepted offers; dates frozen once an item loan was requested.
    Outcome EditNeed(const Actor& a, std::int64_t need_id, const NeedInput& in, const Texts& tx);
    // The offer may link one of the citizen's listings in another section (core/links); an item
    // only on a need with dates still to come.
    Outcome OfferHelp(const Actor& a, std::int64_t need_id, const OfferInput& in, const Texts& tx);
    // Accepting an item's offer requests its loan (core/links::RequestLoan) for the need's dates,
    // borrowed by the campaign's owner; when the exchange section refuses, nothing is written and
    // the outcome is kInvalid with the reason under the field "offer-<id>".
    Outcome DecideOffer(const Actor& a, std::int64_t offer_id, bool accept, const Texts& tx);
    Outcome PostUpdate(const Actor& a, std::int64_t campaign_id, const UpdateInput& in);

    // Pledges. `provider` is the payment provider's name ("manual"). When it succeeds and `made`
    // is given, *made is the pledge (the new one, or the first one made with the same token).
    Outcome CreatePledge(const Actor& a, std::int64_t campaign_id, const PledgeInput& in,
                         const std::string& provider, const Texts& tx, Pledge* made = nullptr);
    // Provider (or staff, for manual) says paid / failed; idempotent.
    Outcome ConfirmPaid(const Actor& a, std::int64_t pledge_id, const std::string& receipt);
    Outcome FailPledge(const Actor& a, std::int64_t pledge_id);
    Outcome ConfirmRefund(const Actor& a, std::int64_t pledge_id, const std::string& receipt);

    // Closing, refunds, expiry; safe to run twice or concurrently.
    TickReport Tick(std::int64_t now, const TickHooks& hooks = {});

    // Reads.
    std::optional<Campaign> GetCampaign(std::int64_t id);
    // The campaign page's rows, shared for up to [server] read_cache_ms (core/read_cache.h).
    std::shared_ptr<const CampaignPage> LoadPage(std::int64_t id);
    std::vector<Reward> Rewards(std::int64_t campaign_id);
    std::vector<Need> Needs(std::int64_t campaign_id);
    std::optional<Reward> GetReward(std::int64_t id);
    std::optional<Need> GetNeed(std::int64_t id);
    std::vector<Offer> Offers(std::int64_t campaign_id);
    std::optional<Offer> GetOffer(std::int64_t id);
    // What the citizen could link to an offer (their skill offers, lendable items…).
    std::vector<core::links::Offerable> Offerables(std::int64_t user_id);
    // The listing an offer links, while it still exists.
    std::optional<core::links::Offerable> LinkedListing(const Offer& o);
    std::vector<LogEntry> Log(std::int64_t campaign_id);
    std::vector<Pledge> CampaignPledges(std::int64_t campaign_id);
    std::optional<Pledge> GetPledge(std::int64_t id);
    ListPage List(const ListQuery& q);
    // The same, shared for up to [server] read_cache_ms while this process writes nothing
    // (core/read_cache.h): the listing page.
    std::shared_ptr<const ListPage> ListShared(const ListQuery& q);
    std::vector<Campaign> OwnedBy(std::int64_t owner_id, int limit);
    std::vector<Pledge> PledgesOf(std::int64_t backer_id, int limit);
    std::vector<Offer> OffersBy(std::int64_t user_id, int limit);
    std::vector<Campaign> Live(int limit);
    // The same, shared for up to [server] read_cache_ms while this process writes nothing
    // (core/read_cache.h): the home page's block.
    std::shared_ptr<const LiveCards> LiveShared(int limit);
    std::vector<Campaign> InState(State s, int limit);
    std::int64_t CountInState(State s);
    std::vector<Pledge> PledgesInState(PledgeState s, int limit);
    std::int64_t CountPledges(PledgeState s);

  private:
    // Locks the campaign row and runs fn(conn, campaign) in one transaction; NotFound if absent.
    Outcome WithCampaign(std::int64_t id,
                         const std::function<Outcome(core::db::Connection&, Campaign&)>& fn);
    // Same, for a pledge: locks its campaign then the pledge row.
    Outcome WithPledge(std::int64_t pledge_id,
                       const std::function<Outcome(core::db::Connection&, Campaign&, Pledge&)>& fn);
    bool CloseCampaign(std::int64_t id, std::int64_t now, TickReport& report);
    bool ExpirePledge(std::int64_t id, std::int64_t now, const TickHooks& hooks,
                      TickReport& report);

    core::db::Pool& pool_;
    const Rules& rules_;  // owned by the section, lives as long as the application
};

// Moves every pending pledge of a failed/cancelled campaign to failed and every paid one to
// refund_pending, freeing rewards and the pledged total; returns how many now await a refund.
int ReleasePledgesOfClosedCampaign(core::db::Connection& c, const Campaign& k, std::int64_t now);
// Drops the cached rows of a campaign's page (done after every write through the Service).
void ForgetPage(std::int64_t campaign_id);
// Where pledges on one campaign wait for each other (core/batch_lanes.h): those that queue while
// one is placed are placed together next, in one transaction of at most kMaxPledgeBatch.
inline constexpr std::size_t kMaxPledgeBatch = 32;
core::BatchLanes& PledgeLanes();

}  // namespace placette::crowdfunding
