// SQL of what hangs off a campaign: rewards (with the conditional claim that can never oversell),
// in-kind needs with their accepted quantity, citizens' offers, and the owner's news.
#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding::repo {

namespace {
using core::db::Null;
using core::db::Row;
using core::db::Value;

constexpr const char* kRewardCols =
    "id, campaign_id, title, description, min_amount_minor, quantity_limit, claimed, "
    "COALESCE(DATE_FORMAT(estimated_delivery, '%Y-%m-%d'), '')";
const std::string kListRewards =
    std::string("SELECT ") + kRewardCols +
    " FROM {p}rewards WHERE campaign_id = ? ORDER BY min_amount_minor, id";
const std::string kFindReward =
    std::string("SELECT ") + kRewardCols + " FROM {p}rewards WHERE id = ?";
constexpr const char* kInsertReward =
    "INSERT INTO {p}rewards (campaign_id, title, description, min_amount_minor, quantity_limit, "
    "estimated_delivery, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), "
    "FROM_UNIXTIME(?))";
constexpr const char* kUpdateReward =
    "UPDATE {p}rewards SET title = ?, description = ?, min_amount_minor = ?, quantity_limit = ?, "
    "estimated_delivery = ?, updated_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kClaimReward =
    "UPDATE {p}rewards SET claimed = claimed + 1 WHERE id = ? "
    "AND (quantity_limit IS NULL OR claimed < quantity_limit)";
constexpr const char* kReleaseReward =
    "UPDATE {p}rewards SET claimed = claimed - 1 WHERE id = ? AND claimed > 0";

constexpr const char* kNeedCols =
    "n.id, n.campaign_id, n.kind, n.title, n.description, n.quantity, "
    "(SELECT COALESCE(SUM(o.quantity), 0) FROM {p}need_offers o WHERE o.need_id = n.id AND o.state "
    "= 'accepted'), COALESCE(DATE_FORMAT(n.needed_from, '%Y-%m-%d'), ''), "
    "COALESCE(DATE_FORMAT(n.needed_until, '%Y-%m-%d'), '')";
const std::string kListNeeds =
    std::string("SELECT ") + kNeedCols + " FROM {p}needs n WHERE n.campaign_id = ? ORDER BY n.id";
const std::string kFindNeed =
    std::string("SELECT ") + kNeedCols + " FROM {p}needs n WHERE n.id = ?";
constexpr const char* kInsertNeed =
    "INSERT INTO {p}needs (campaign_id, kind, title, description, quantity, needed_from, "
    "needed_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kUpdateNeed =
    "UPDATE {p}needs SET kind = ?, title = ?, description = ?, quantity = ?, needed_from = ?, "
    "needed_until = ? WHERE id = ?";
constexpr const char* kCountItemLoans =
    "SELECT COUNT(*) FROM {p}need_offers WHERE need_id = ? AND state = 'accepted' "
    "AND link_type = 'item'";

constexpr const char* kOfferCols =
    "o.id, o.need_id, o.campaign_id, o.user_id, o.user_name, o.message, o.quantity, o.state, "
    "UNIX_TIMESTAMP(o.created_at), n.title, COALESCE(o.link_type, ''), COALESCE(o.link_id, 0)";
const std::string kListOffers =
    std::string("SELECT ") + kOfferCols +
    " FROM {p}need_offers o JOIN {p}needs n ON n.id = o.need_id "
    "WHERE o.campaign_id = ? ORDER BY o.state = 'open' DESC, o.id DESC LIMIT 200";
const std::string kOffersByUser =
    std::string("SELECT ") + kOfferCols +
    " FROM {p}need_offers o JOIN {p}needs n ON n.id = o.need_id "
    "WHERE o.user_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?";
const std::string kFindOffer =
    std::string("SELECT ") + kOfferCols +
    " FROM {p}need_offers o JOIN {p}needs n ON n.id = o.need_id WHERE o.id = ?";
const std::string kFindOfferForUpdate = kFindOffer + " FOR UPDATE";
constexpr const char* kInsertOffer =
    "INSERT INTO {p}need_offers (need_id, campaign_id, user_id, user_name, message, quantity, "
    "link_type, link_id, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', "
    "FROM_UNIXTIME(?))";
constexpr const char* kDecideOffer =
    "UPDATE {p}need_offers SET state = ?, decided_at = FROM_UNIXTIME(?) WHERE id = ? AND state = "
    "'open'";

constexpr const char* kInsertUpdate =
    "INSERT INTO {p}campaign_updates (campaign_id, author_id, title, body, created_at) "
    "VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kListUpdates =
    "SELECT id, campaign_id, title, body, UNIX_TIMESTAMP(created_at) FROM {p}campaign_updates "
    "WHERE campaign_id = ? ORDER BY id DESC LIMIT ?";

Value OptDate(const std::string& d) { return d.empty() ? Value{Null{}} : Value{d}; }

Reward ToReward(const Row& r) {
    Reward w;
    w.id = r.Int(0);
    w.campaign_id = r.Int(1);
    w.title = r.Str(2);
    w.description = r.Str(3);
    w.min_amount = r.Int(4);
    w.limit = r.OptInt(5);
    w.claimed = r.Int(6);
    w.delivery = r.Str(7);
    return w;
}

Need ToNeed(const Row& r) {
    Need n;
    n.id = r.Int(0);
    n.campaign_id = r.Int(1);
    n.kind = ParseNeedKind(r.Str(2)).value_or(NeedKind::kOther);
    n.title = r.Str(3);
    n.description = r.Str(4);
    n.quantity = r.Int(5);
    n.fulfilled = r.Int(6);
    n.needed_from = r.Str(7);
    n.needed_until = r.Str(8);
    return n;
}

Offer ToOffer(const Row& r) {
    Offer o;
    o.id = r.Int(0);
    o.need_id = r.Int(1);
    o.campaign_id = r.Int(2);
    o.user_id = r.Int(3);
    o.user_name = r.Str(4);
    o.message = r.Str(5);
    o.quantity = r.Int(6);
    o.state = ParseOfferState(r.Str(7)).value_or(OfferState::kOpen);
    o.created_at = r.Int(8);
    o.need_title = r.Str(9);
    o.link_type = r.Str(10);
    o.link_id = r.Int(11);
    return o;
}

std::vector<Offer> ToOffers(const core::db::Result& res) {
    std::vector<Offer> out;
    for (const Row& r : res.rows) out.push_back(ToOffer(r));
    return out;
}
}  // namespace

std::vector<Reward> ListRewards(Connection& c, std::int64_t campaign_id) {
    std::vector<Reward> out;
    for (const Row& r : c.Execute("cf.reward.list", kListRewards, {campaign_id}).rows)
        out.push_back(ToReward(r));
    return out;
}

std::optional<Reward> FindReward(Connection& c, std::int64_t id) {
    auto res = c.Execute("cf.reward.find", kFindReward, {id});
    if (res.empty()) return std::nullopt;
    return ToReward(res.rows[0]);
}

std::int64_t InsertReward(Connection& c, const Reward& r, std::int64_t now) {
    Value limit = r.limit ? Value{*r.limit} : Value{Null{}};
    auto res = c.Execute("cf.reward.insert", kInsertReward,
                         {r.campaign_id, r.title, r.description, r.min_amount, limit,
                          OptDate(r.delivery), now, now});
    return static_cast<std::int64_t>(res.insert_id);
}

void UpdateReward(Connection& c, const Reward& r, std::int64_t now) {
    Value limit = r.limit ? Value{*r.limit} : Value{Null{}};
    c.Execute("cf.reward.update", kUpdateReward,
              {r.title, r.description, r.min_amount, limit, OptDate(r.delivery), now, r.id});
}

bool ClaimReward(Connection& c, std::int64_t reward_id) {
    return c.Execute("cf.reward.claim", kClaimReward, {reward_id}).affected == 1;
}

void ReleaseReward(Connection& c, std::int64_t reward_id) {
    c.Execute("cf.reward.release", kReleaseReward, {reward_id});
}

std::vector<Need> ListNeeds(Connection& c, std::int64_t campaign_id) {
    std::vector<Need> out;
    for (const Row& r : c.Execute("cf.need.list", kListNeeds, {campaign_id}).rows)
        out.push_back(ToNeed(r));
    return out;
}

std::optional<Need> FindNeed(Connection& c, std::int64_t id) {
    auto res = c.Execute("cf.need.find", kFindNeed, {id});
    if (res.empty()) return std::nullopt;
    return ToNeed(res.rows[0]);
}

std::int64_t InsertNeed(Connection& c, std::int64_t campaign_id, const Need& n, std::int64_t now) {
    auto res = c.Execute("cf.need.insert", kInsertNeed,
                         {campaign_id, std::string(Name(n.kind)), n.title, n.description,
                          n.quantity, OptDate(n.needed_from), OptDate(n.needed_until), now});
    return static_cast<std::int64_t>(res.insert_id);
}

void UpdateNeed(Connection& c, const Need& n) {
    c.Execute("cf.need.update", kUpdateNeed,
              {std::string(Name(n.kind)), n.title, n.description, n.quantity,
               OptDate(n.needed_from), OptDate(n.needed_until), n.id});
}

std::int64_t CountItemLoans(Connection& c, std::int64_t need_id) {
    auto res = c.Execute("cf.need.item_loans", kCountItemLoans, {need_id});
    return res.empty() ? 0 : res.rows[0].Int(0);
}

std::vector<Offer> ListOffers(Connection& c, std::int64_t campaign_id) {
    return ToOffers(c.Execute("cf.offer.list", kListOffers, {campaign_id}));
}

std::vector<Offer> ListOffersByUser(Connection& c, std::int64_t user_id, int limit) {
    return ToOffers(c.Execute("cf.offer.by_user", kOffersByUser, {user_id, std::int64_t{limit}}));
}

std::optional<Offer> FindOffer(Connection& c, std::int64_t id, bool for_update) {
    auto res = c.Execute("cf.offer.find", for_update ? kFindOfferForUpdate : kFindOffer, {id});
    if (res.empty()) return std::nullopt;
    return ToOffer(res.rows[0]);
}

std::int64_t InsertOffer(Connection& c, const Offer& o, std::int64_t now) {
    Value type = o.link_type.empty() ? Value{Null{}} : Value{o.link_type};
    Value link = o.link_type.empty() ? Value{Null{}} : Value{o.link_id};
    auto res = c.Execute(
        "cf.offer.insert", kInsertOffer,
        {o.need_id, o.campaign_id, o.user_id, o.user_name, o.message, o.quantity, type, link, now});
    return static_cast<std::int64_t>(res.insert_id);
}

bool DecideOffer(Connection& c, std::int64_t id, OfferState to, std::int64_t now) {
    return c.Execute("cf.offer.decide", kDecideOffer, {std::string(Name(to)), now, id}).affected ==
           1;
}

std::int64_t InsertUpdate(Connection& c, std::int64_t campaign_id, std::int64_t author_id,
                          const Update& u, std::int64_t now) {
    auto res = c.Execute("cf.update.insert", kInsertUpdate,
                         {campaign_id, author_id, u.title, u.body, now});
    return static_cast<std::int64_t>(res.insert_id);
}

std::vector<Update> ListUpdates(Connection& c, std::int64_t campaign_id, int limit) {
    std::vector<Update> out;
    for (const Row& r :
         c.Execute("cf.update.list", kListUpdates, {campaign_id, std::int64_t{limit}}).rows) {
        out.push_back(Update{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Int(4)});
    }
    return out;
}

}  // namespace placette::crowdfunding::repo
