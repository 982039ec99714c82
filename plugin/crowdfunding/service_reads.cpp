// Read side of the section: the campaign page's pieces, the keyset-paginated listing with its
// filters checked against the configured lists, and the queues of /me and /staff.
#include <charconv>

#include "plugin/core/markdown.h"
#include "plugin/core/read_cache.h"
#include "plugin/core/search.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;

std::optional<std::int64_t> Digits(std::string_view s) {
    std::int64_t v = 0;
    if (s.empty() || s.size() > 18) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}
}  // namespace

template <typename F>
static auto Read(core::db::Pool& pool, F fn) {
    return core::db::Run(pool, fn);
}

std::optional<Campaign> Service::GetCampaign(std::int64_t id) {
    return Read(pool_, [&](Connection& c) { return repo::FindCampaign(c, id); });
}

namespace {
// The rows of the most viewed campaign pages (see core/read_cache.h for freshness).
core::ReadCache<std::int64_t, CampaignPage>& PageCache() {
    static core::ReadCache<std::int64_t, CampaignPage> cache(4096);
    return cache;
}
}  // namespace

void ForgetPage(std::int64_t campaign_id) { PageCache().Invalidate(campaign_id); }

std::shared_ptr<const CampaignPage> Service::LoadPage(std::int64_t id) {
    return PageCache().Get(id, [&] {
        return Read(pool_, [&](Connection& c) -> std::optional<CampaignPage> {
            auto k = repo::FindCampaign(c, id);
            if (!k) return std::nullopt;
            CampaignPage page;
            page.campaign = std::move(*k);
            page.rewards = repo::ListRewards(c, id);
            page.needs = repo::ListNeeds(c, id);
            page.updates = repo::ListUpdates(c, id, 20);
            page.recent = repo::RecentPaidPledges(c, id, 12);
            page.backers = repo::DistinctBackers(c, id);
            // Rendered here, so that a cached page is rendered once, not on every request.
            page.description_html = core::MarkdownToSafeHtml(page.campaign.description);
            for (const Update& u : page.updates)
                page.update_html.push_back(core::MarkdownToSafeHtml(u.body));
            return page;
        });
    });
}

std::vector<Reward> Service::Rewards(std::int64_t campaign_id) {
    return Read(pool_, [&](Connection& c) { return repo::ListRewards(c, campaign_id); });
}

std::vector<Need> Service::Needs(std::int64_t campaign_id) {
    return Read(pool_, [&](Connection& c) { return repo::ListNeeds(c, campaign_id); });
}

std::optional<Reward> Service::GetReward(std::int64_t id) {
    return Read(pool_, [&](Connection& c) { return repo::FindReward(c, id); });
}

std::optional<Need> Service::GetNeed(std::int64_t id) {
    return Read(pool_, [&](Connection& c) { return repo::FindNeed(c, id); });
}

std::vector<Offer> Service::Offers(std::int64_t campaign_id) {
    return Read(pool_, [&](Connection& c) { return repo::ListOffers(c, campaign_id); });
}

std::optional<Offer> Service::GetOffer(std::int64_t id) {
    return Read(pool_, [&](Connection& c) { return repo::FindOffer(c, id); });
}

std::vector<LogEntry> Service::Log(std::int64_t campaign_id) {
    return Read(pool_, [&](Connection& c) { return repo::ListLog(c, campaign_id); });
}

std::vector<Pledge> Service::CampaignPledges(std::int64_t campaign_id) {
    return Read(pool_,
                [&](Connection& c) { return repo::ListCampaignPledges(c, campaign_id, 500); });
}

std::optional<Pledge> Service::GetPledge(std::int64_t id) {
    return Read(pool_, [&](Connection& c) { return repo::FindPledge(c, id); });
}

ListPage Service::List(const ListQuery& q) {
    repo::ListFilter f;
    f.limit = q.limit + 1;  // one more tells whether a next page exists
    if (Contains(rules_.themes, q.theme)) f.theme = q.theme;
    if (Contains(rules_.neighbourhoods, q.neighbourhood)) f.neighbourhood = q.neighbourhood;
    if (auto s = ParseState(q.status); s && IsPublic(*s)) f.state = s;
    f.search = core::ParseSearch(q.q);
    if (auto dash = q.after.find('-'); dash != std::string::npos) {
        f.after_published = Digits(std::string_view(q.after).substr(0, dash));
        f.after_id = Digits(std::string_view(q.after).substr(dash + 1));
    }
    ListPage page;
    page.search_ignored = !q.q.empty() && f.search.empty();
    page.items = Read(pool_, [&](Connection& c) { return repo::ListPublished(c, f); });
    if (static_cast<int>(page.items.size()) > q.limit) {
        page.items.resize(static_cast<std::size_t>(q.limit));
        const Campaign& last = page.items.back();
        page.next = std::to_string(last.published_at) + "-" + std::to_string(last.id);
    }
    return page;
}

std::shared_ptr<const ListPage> Service::ListShared(const ListQuery& q) {
    // Dropped on any write of this process (core/read_cache.h): the cards show totals that every
    // pledge changes.
    static core::ReadCache<std::string, ListPage> cache(64, core::Dropped::kOnAnyWrite);
    std::string key;
    for (std::string_view v :
         std::initializer_list<std::string_view>{q.q, q.theme, q.neighbourhood, q.status, q.after})
        core::AddKeyField(key, v);
    core::AddKeyField(key, std::to_string(q.limit));
    return cache.Get(key, [&] { return std::optional<ListPage>(List(q)); });
}

std::vector<Campaign> Service::OwnedBy(std::int64_t owner_id, int limit) {
    return Read(pool_, [&](Connection& c) { return repo::ListByOwner(c, owner_id, limit); });
}

std::vector<Pledge> Service::PledgesOf(std::int64_t backer_id, int limit) {
    return Read(pool_,
                [&](Connection& c) { return repo::ListPledgesOfBacker(c, backer_id, limit); });
}

std::vector<Offer> Service::OffersBy(std::int64_t user_id, int limit) {
    return Read(pool_, [&](Connection& c) { return repo::ListOffersByUser(c, user_id, limit); });
}

std::vector<Campaign> Service::Live(int limit) {
    return Read(pool_, [&](Connection& c) { return repo::ListLive(c, limit); });
}

std::shared_ptr<const LiveCards> Service::LiveShared(int limit) {
    // Dropped on any write of this process: a pledge changes the totals on these cards, a
    // publication or a closing the list itself.
    static core::ReadCache<int, LiveCards> cache(8, core::Dropped::kOnAnyWrite);
    return cache.Get(limit, [&] { return std::optional<LiveCards>(LiveCards{Live(limit)}); });
}

std::vector<Campaign> Service::InState(State s, int limit) {
    return Read(pool_, [&](Connection& c) { return repo::ListInState(c, s, limit); });
}

std::int64_t Service::CountInState(State s) {
    return Read(pool_, [&](Connection& c) { return repo::CountInState(c, s); });
}

std::vector<Pledge> Service::PledgesInState(PledgeState s, int limit) {
    return Read(pool_, [&](Connection& c) { return repo::ListPledgesInState(c, s, limit); });
}

std::int64_t Service::CountPledges(PledgeState s) {
    return Read(pool_, [&](Connection& c) { return repo::CountPledgesInState(c, s); });
}

}  // namespace placette::crowdfunding
