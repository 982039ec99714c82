// placette-admin demo-data: a living crowdfunding section for scripts/demo, built through the
// service itself (so the ledger is right): campaigns in every state with rewards, needs, pledges.
// Idempotent: a campaign whose owner already has one of the same title is skipped.
#include <ctime>
#include <string>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/crowdfunding/admin.h"
#include "plugin/crowdfunding/demo_data.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

namespace {
using core::db::Connection;
using demo::Fate;

constexpr std::int64_t kDay = 86400;

// YYYY-MM-DD (UTC) of today + `days`: demo needs stay in the future whenever the demo is loaded.
std::string DayFromToday(int days) {
    const std::time_t t = static_cast<std::time_t>(core::NowSeconds() + days * kDay);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

bool ValidWpPrefix(const std::string& p) {
    if (p.empty() || p.size() > 32) return false;
    for (char c : p) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

// The stack's WordPress users by login (owners of the demo), with fallbacks when absent.
std::vector<Actor> DemoPeople(core::db::Pool& pool, const std::string& wp_prefix) {
    std::vector<Actor> people = {{3, "Alice Martin", false},
                                 {4, "Bruno Petit", false},
                                 {5, "Chloé Durand", false},
                                 {1, "Anne Maire", true}};
    const char* logins[] = {"alice", "bruno", "chloe", "maire"};
    if (!ValidWpPrefix(wp_prefix)) return people;
    // The host's table name comes from the configuration (checked above), never from input.
    const std::string sql =
        "SELECT ID, display_name FROM " + wp_prefix + "users WHERE user_login = ?";
    try {
        core::db::Run(pool, [&](Connection& c) {
            for (std::size_t i = 0; i < people.size(); ++i) {
                auto res = c.Execute("cf.demo.user", sql, {std::string(logins[i])});
                if (res.empty()) continue;
                people[i].id = res.rows[0].Int(0);
                people[i].name = res.rows[0].Str(1);
            }
            return 0;
        });
    } catch (const core::db::DbError&) {
        // No WordPress tables here (another host): keep the fallback ids.
    }
    return people;
}

std::string Pick(const std::vector<std::string>& list, const std::string& wanted) {
    return Contains(list, wanted) ? wanted : list.front();
}

class Loader {
  public:
    Loader(Service& svc, const Rules& rules, std::vector<Actor> people)
        : svc_(svc), rules_(rules), people_(std::move(people)), tx_{i18n_, "fr"} {}

    // Creates one campaign up to its fate (ended ones are closed later by Tick). Returns its id,
    // or 0 when it was already there.
    std::int64_t Load(const demo::Campaign& d, core::db::Pool& pool) {
        const Actor& owner = people_.at(static_cast<std::size_t>(d.owner));
        auto existing = core::db::Run(
            pool, [&](Connection& c) { return repo::FindIdByTitle(c, owner.id, d.title); });
        if (existing) return 0;
        core::SetClockOffset(base_offset_ - d.started_days_ago * kDay);
        const std::int64_t id = Create(d, owner);
        if (d.fate != Fate::kDraft) Advance(d, owner, id);
        core::SetClockOffset(base_offset_);
        return id;
    }

    void Finish(const std::vector<std::pair<const demo::Campaign*, std::int64_t>>& made) {
        svc_.Tick(core::NowSeconds());
        for (const auto& [d, id] : made) {
            if (d->fate == Fate::kRealised) svc_.MarkRealised(staff(), id);
            if (d->fate == Fate::kFailed || d->fate == Fate::kCancelled) RefundFirst(id);
        }
    }

  private:
    const Actor& staff() const { return people_.back(); }

    std::int64_t Create(const demo::Campaign& d, const Actor& owner) {
        Draft draft;
        draft.title = d.title;
        draft.summary = d.summary;
        draft.description = d.description;
        draft.theme = Pick(rules_.themes, d.theme);
        draft.neighbourhood = Pick(rules_.neighbourhoods, d.neighbourhood);
        draft.place = d.place;
        draft.goal = d.goal;
        draft.model = d.model;
        draft.duration_days = d.days;
        const std::int64_t id = svc_.CreateDraft(owner, draft).id;
        for (const auto& r : d.rewards) {
            svc_.AddReward(owner, id, RewardInput{r.title, r.description, "", r.min, r.limit});
        }
        for (const auto& n : d.needs) {
            const bool dated = n.from_day != 0 || n.until_day != 0;
            svc_.AddNeed(owner, id,
                         NeedInput{n.kind, n.title, n.description, n.quantity,
                                   dated ? DayFromToday(n.from_day) : "",
                                   dated ? DayFromToday(n.until_day) : ""});
        }
        return id;
    }

    void Advance(const demo::Campaign& d, const Actor& owner, std::int64_t id) {
        svc_.Submit(owner, id);
        if (d.fate == Fate::kSubmitted) return;
        if (d.fate == Fate::kChangesRequested || d.fate == Fate::kRejected) {
            svc_.Review(staff(), id,
                        d.fate == Fate::kRejected ? Event::kReject : Event::kRequestChanges,
                        d.review);
            return;
        }
        svc_.Review(staff(), id, Event::kApprove, "");
        if (d.featured) svc_.SetFeatured(staff(), id, true);
        Pledges(d, id);
        Offers(d, owner, id);
        if (d.update_title[0] != '\0')
            svc_.PostUpdate(owner, id, UpdateInput{d.update_title, d.update_body});
        if (d.fate == Fate::kCancelled) svc_.Cancel(owner, id, d.review);
    }

    void Pledges(const demo::Campaign& d, std::int64_t id) {
        const auto rewards = svc_.Rewards(id);
        for (const auto& p : d.pledges) {
            PledgeInput in;
            if (p.reward >= 0) in.reward_id = rewards.at(static_cast<std::size_t>(p.reward)).id;
            if (p.amount > 0) in.amount = p.amount;
            in.anonymous = p.anonymous;
            in.message = p.message;
            in.token = core::RandomHex(16);
            Outcome o = svc_.CreatePledge(people_.at(static_cast<std::size_t>(p.backer)), id, in,
                                          "manual", tx_);
            if (o.ok() && p.paid) svc_.ConfirmPaid(staff(), o.id, "");
        }
    }

    void Offers(const demo::Campaign& d, const Actor& owner, std::int64_t id) {
        const auto needs = svc_.Needs(id);
        for (const auto& o : d.offers) {
            const auto& need = needs.at(static_cast<std::size_t>(o.need));
            Outcome made = svc_.OfferHelp(people_.at(static_cast<std::size_t>(o.backer)), need.id,
                                          OfferInput{o.message, o.quantity, "", 0}, tx_);
            if (made.ok() && o.accepted) svc_.DecideOffer(owner, made.id, true, tx_);
        }
    }

    void RefundFirst(std::int64_t id) {
        for (const Pledge& p : svc_.CampaignPledges(id)) {
            if (p.state == PledgeState::kRefundPending) {
                svc_.ConfirmRefund(staff(), p.id, "");
                return;
            }
        }
    }

    Service& svc_;
    const Rules& rules_;
    std::vector<Actor> people_;
    core::I18n i18n_ = core::I18n::FromText("", "");
    Texts tx_;
    std::int64_t base_offset_ = core::ClockOffset();
};
}  // namespace

int RunDemoData(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    const Rules rules = LoadRules(config.ini);
    Service svc(pool, rules);
    Loader loader(svc, rules, DemoPeople(pool, config.ini.GetOr("host", "table_prefix", "wp_")));
    std::vector<std::pair<const demo::Campaign*, std::int64_t>> made;
    int skipped = 0;
    for (const demo::Campaign& d : demo::Campaigns()) {
        if (std::int64_t id = loader.Load(d, pool)) {
            made.emplace_back(&d, id);
        } else {
            ++skipped;
        }
    }
    loader.Finish(made);
    out << "crowdfunding: " << made.size() << " demo campaign(s) created, " << skipped
        << " already there.\n";
    return 0;
}

}  // namespace placette::crowdfunding
