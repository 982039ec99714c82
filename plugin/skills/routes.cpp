// URL table of /skills and the links the section offers to the others through core/links.
#include "plugin/skills/routes.h"

#include "plugin/core/links.h"
#include "plugin/skills/handlers.h"
#include "plugin/skills/repository.h"

namespace placette::skills {

namespace {
using core::links::SubjectInfo;

std::optional<SubjectInfo> ListingSubject(core::db::Connection& c, std::int64_t id) {
    auto l = repo::FindListing(c, id);
    if (!l) return std::nullopt;
    SubjectInfo info;
    info.title = l->title;
    info.path = "/skills/" + std::to_string(id);
    info.owner_id = l->owner_id;
    return info;
}

std::optional<SubjectInfo> ExchangeSubject(core::db::Connection& c, std::int64_t id) {
    auto x = repo::FindExchange(c, id);
    if (!x) return std::nullopt;
    SubjectInfo info;
    info.title = x->listing_title;
    info.path = "/skills/" + std::to_string(x->listing_id);
    info.owner_id = x->proposer_id;
    info.parties = {x->giver_id, x->receiver_id};
    info.completed = x->status == ExchangeStatus::kDone;
    return info;
}

std::vector<core::links::Offerable> Offers(core::db::Connection& c, std::int64_t user) {
    std::vector<core::links::Offerable> out;
    for (const Listing& l : repo::ListByOwner(c, user, true, 100)) {
        if (l.kind != Kind::kOffer) continue;
        out.push_back({"skill", l.id, l.title, "/skills/" + std::to_string(l.id)});
    }
    return out;
}

std::vector<core::links::PublicEntry> Public(core::db::Connection& c, std::int64_t user) {
    std::vector<core::links::PublicEntry> out;
    for (const Listing& l : repo::ListByOwner(c, user, true, 100)) {
        out.push_back({"skills.kind." + std::string(ToString(l.kind)), l.title,
                       "/skills/" + std::to_string(l.id)});
    }
    return out;
}

// Binds a handler to the section's settings.
core::SectionHandler With(SettingsPtr s,
                          http::Response (*fn)(const Settings&, const core::Env&, core::Ctx&)) {
    return [s, fn](const core::Env& env, core::Ctx& ctx) { return fn(*s, env, ctx); };
}
}  // namespace

void RegisterLinks() {
    core::links::RegisterSubject("skill", ListingSubject);
    core::links::RegisterSubject("skill_exchange", ExchangeSubject);
    core::links::RegisterOfferables("skill", Offers);
    core::links::RegisterPublicLister("skills", Public);
}

void Register(core::RouteTable& routes, const core::Config& config) {
    auto s = std::make_shared<const Settings>(Settings::FromIni(config.ini));
    routes.Add("GET", "/skills", "skills", With(s, ListPage));
    routes.Add("POST", "/skills", "skills", With(s, CreateListing));
    routes.Add("GET", "/skills/new", "skills_new", With(s, NewForm));
    routes.Add("GET", "/skills/{id:int}", "skill", With(s, ShowPage));
    routes.Add("POST", "/skills/{id:int}", "skill", With(s, UpdateListing));
    routes.Add("GET", "/skills/{id:int}/edit", "skill_edit", With(s, EditForm));
    routes.Add("POST", "/skills/{id:int}/status", "skill_status", With(s, ChangeStatus));
    routes.Add("POST", "/skills/{id:int}/exchanges", "skill_exchanges", With(s, ProposeExchange));
    routes.Add("POST", "/skill-exchanges/{id:int}/confirm", "skill_exchange_confirm",
               With(s, ConfirmExchange));
    routes.Add("POST", "/skill-exchanges/{id:int}/cancel", "skill_exchange_cancel",
               With(s, CancelExchange));
    routes.AddBlock(core::Slot::kHome, [s](const core::Env& env, core::Ctx& ctx, auto& body) {
        HomeBlock(*s, env, ctx, body);
    });
    routes.AddBlock(core::Slot::kMe, [s](const core::Env& env, core::Ctx& ctx, auto& body) {
        if (!ctx.viewer.anonymous()) MeBlock(*s, env, ctx, body);
    });
    RegisterLinks();
}

}  // namespace placette::skills
