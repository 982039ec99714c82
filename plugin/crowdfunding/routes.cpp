// URL table of the crowdfunding section: public pages, the owner's pages, pledges, and the
// staff pages (staff_only: 403 for everybody else), each bound to the section's rules.
#include "plugin/crowdfunding/routes.h"

#include <memory>

#include "plugin/core/links.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/payment_hooks.h"
#include "plugin/crowdfunding/repository.h"

namespace placette::crowdfunding {

namespace {
using Fn = http::Response (*)(const Section&, const core::Env&, core::Ctx&);
using BlockFn = void (*)(const Section&, const core::Env&, core::Ctx&,
                         ctemplate::TemplateDictionary&);

core::SectionHandler Bind(const std::shared_ptr<const Section>& s, Fn fn) {
    return [s, fn](const core::Env& env, core::Ctx& ctx) { return fn(*s, env, ctx); };
}

// What other sections show for an in-kind need (a loan requested for it, a conversation about
// it): the need and its campaign, while the campaign is public; its owner answers.
std::optional<core::links::SubjectInfo> NeedSubject(core::db::Connection& c, std::int64_t id) {
    auto n = repo::FindNeed(c, id);
    if (!n) return std::nullopt;
    auto k = repo::FindCampaign(c, n->campaign_id);
    if (!k || !IsPublic(k->state)) return std::nullopt;
    return core::links::SubjectInfo{n->title + " (" + k->title + ")",
                                    "/projects/" + std::to_string(k->id) + "#needs",
                                    k->owner_id,
                                    {},
                                    false};
}

core::BlockFn BindBlock(const std::shared_ptr<const Section>& s, BlockFn fn) {
    return [s, fn](const core::Env& env, core::Ctx& ctx, ctemplate::TemplateDictionary& body) {
        fn(*s, env, ctx, body);
    };
}
}  // namespace

void RegisterLinks() { core::links::RegisterSubject("need", NeedSubject); }

void Register(core::RouteTable& routes, const core::Config& config) {
    auto section = std::make_shared<Section>();
    section->rules = LoadRules(config.ini);
    section->payments = std::make_unique<ManualStarter>();
    PlugPayments(routes, config, *section, section);  // a hosted provider replaces the manual one
    std::shared_ptr<const Section> s = section;
    using namespace handlers;
    const core::RouteOptions staff{.staff_only = true};

    routes.Add("GET", "/projects", "cf.list", Bind(s, List));
    routes.Add("GET", "/projects/new", "cf.new", Bind(s, NewForm));
    routes.Add("POST", "/projects", "cf.create", Bind(s, Create));
    routes.Add("GET", "/projects/{id:int}", "cf.show", Bind(s, Show));
    routes.Add("POST", "/projects/{id:int}", "cf.update", Bind(s, Save));
    routes.Add("GET", "/projects/{id:int}/edit", "cf.edit", Bind(s, EditForm));
    routes.Add("GET", "/projects/{id:int}/manage", "cf.manage", Bind(s, Manage));
    routes.Add("POST", "/projects/{id:int}/submit", "cf.submit", Bind(s, Submit));
    routes.Add("POST", "/projects/{id:int}/cancel", "cf.cancel", Bind(s, Cancel));
    routes.Add("POST", "/projects/{id:int}/realised", "cf.realised", Bind(s, Realised));
    routes.Add("POST", "/projects/{id:int}/updates", "cf.updates", Bind(s, PostUpdate));

    routes.Add("GET", "/projects/{id:int}/rewards/new", "cf.reward.new", Bind(s, RewardNewForm));
    routes.Add("POST", "/projects/{id:int}/rewards", "cf.reward.create", Bind(s, RewardCreate));
    routes.Add("GET", "/projects/{id:int}/rewards/{rid:int}/edit", "cf.reward.edit",
               Bind(s, RewardEditForm));
    routes.Add("POST", "/projects/{id:int}/rewards/{rid:int}", "cf.reward.update",
               Bind(s, RewardUpdate));
    routes.Add("GET", "/projects/{id:int}/needs/new", "cf.need.new", Bind(s, NeedNewForm));
    routes.Add("POST", "/projects/{id:int}/needs", "cf.need.create", Bind(s, NeedCreate));
    routes.Add("GET", "/projects/{id:int}/needs/{nid:int}/edit", "cf.need.edit",
               Bind(s, NeedEditForm));
    routes.Add("POST", "/projects/{id:int}/needs/{nid:int}", "cf.need.update", Bind(s, NeedUpdate));
    routes.Add("GET", "/needs/{nid:int}/offer", "cf.offer.new", Bind(s, OfferForm));
    routes.Add("POST", "/needs/{nid:int}/offers", "cf.offer.create", Bind(s, OfferCreate));
    routes.Add("POST", "/offers/{oid:int}/accept", "cf.offer.accept", Bind(s, OfferAccept));
    routes.Add("POST", "/offers/{oid:int}/decline", "cf.offer.decline", Bind(s, OfferDecline));

    routes.Add("GET", "/projects/{id:int}/back", "cf.back", Bind(s, BackForm));
    routes.Add("POST", "/projects/{id:int}/pledges", "cf.pledge.create", Bind(s, PledgeCreate));
    routes.Add("GET", "/pledges/{id:int}", "cf.pledge.show", Bind(s, PledgeShow));

    routes.Add("GET", "/staff/campaigns", "cf.staff.queue", Bind(s, StaffQueue), staff);
    routes.Add("GET", "/staff/campaigns/{id:int}", "cf.staff.review", Bind(s, StaffReview), staff);
    routes.Add("POST", "/staff/campaigns/{id:int}/approve", "cf.staff.approve",
               Bind(s, StaffApprove), staff);
    routes.Add("POST", "/staff/campaigns/{id:int}/changes", "cf.staff.changes",
               Bind(s, StaffRequestChanges), staff);
    routes.Add("POST", "/staff/campaigns/{id:int}/reject", "cf.staff.reject", Bind(s, StaffReject),
               staff);
    routes.Add("POST", "/staff/campaigns/{id:int}/feature", "cf.staff.feature",
               Bind(s, StaffFeature), staff);
    routes.Add("GET", "/staff/pledges", "cf.staff.pledges", Bind(s, StaffPledges), staff);
    routes.Add("POST", "/staff/pledges/{id:int}/received", "cf.staff.received",
               Bind(s, StaffReceived), staff);
    routes.Add("POST", "/staff/pledges/{id:int}/cancel", "cf.staff.cancel_pledge",
               Bind(s, StaffCancelPledge), staff);
    routes.Add("POST", "/staff/pledges/{id:int}/refunded", "cf.staff.refunded",
               Bind(s, StaffRefunded), staff);

    RegisterLinks();
    routes.AddBlock(core::Slot::kHome, BindBlock(s, HomeBlock));
    routes.AddBlock(core::Slot::kMe, BindBlock(s, MeBlock));
    routes.AddBlock(core::Slot::kStaff, BindBlock(s, StaffBlock));
}

}  // namespace placette::crowdfunding
