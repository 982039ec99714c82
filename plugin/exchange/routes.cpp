// URL table of /exchange and /loans, and the links the section offers through core/links.
#include "plugin/exchange/routes.h"

#include "plugin/core/links.h"
#include "plugin/exchange/handlers.h"

namespace placette::exchange {

namespace {
using core::links::SubjectInfo;
using SettingsPtr = std::shared_ptr<const Settings>;

std::string ItemPath(std::int64_t id) { return "/exchange/" + std::to_string(id); }

std::optional<SubjectInfo> ItemSubject(core::db::Connection& c, std::int64_t id) {
    auto i = repo::FindItem(c, id);
    if (!i) return std::nullopt;
    return SubjectInfo{i->title, ItemPath(id), i->owner_id, {}, false};
}

std::optional<SubjectInfo> DoneSubject(core::db::Connection& c, std::int64_t id) {
    auto i = repo::FindItem(c, id);
    if (!i || i->status != Status::kDone || i->partner_id == 0) return std::nullopt;
    return SubjectInfo{i->title, ItemPath(id), i->owner_id, {i->owner_id, i->partner_id}, true};
}

std::optional<SubjectInfo> LoanSubject(core::db::Connection& c, std::int64_t id) {
    auto l = repo::FindLoan(c, id);
    if (!l) return std::nullopt;
    return SubjectInfo{l->item_title,
                       "/loans/" + std::to_string(id),
                       l->owner_id,
                       {l->owner_id, l->borrower_id},
                       l->status == LoanStatus::kReturned};
}

std::vector<core::links::Offerable> Lendable(core::db::Connection& c, std::int64_t user) {
    std::vector<core::links::Offerable> out;
    for (const Item& i : repo::ListByOwner(c, user, true, 100)) {
        if (i.kind == Kind::kLend) out.push_back({"item", i.id, i.title, ItemPath(i.id)});
    }
    return out;
}

std::vector<core::links::PublicEntry> Public(core::db::Connection& c, std::int64_t user) {
    std::vector<core::links::PublicEntry> out;
    for (const Item& i : repo::ListByOwner(c, user, true, 100)) {
        out.push_back({"exchange.kind." + std::string(ToString(i.kind)), i.title, ItemPath(i.id)});
    }
    return out;
}

core::SectionHandler With(SettingsPtr s,
                          http::Response (*fn)(const Settings&, const core::Env&, core::Ctx&)) {
    return [s, fn](const core::Env& env, core::Ctx& ctx) { return fn(*s, env, ctx); };
}

core::SectionHandler OnLoan(SettingsPtr s, LoanAction a) {
    return [s, a](const core::Env& env, core::Ctx& ctx) { return LoanAct(*s, env, ctx, a); };
}

void RegisterLinksWith(SettingsPtr s) {
    core::links::RegisterSubject("item", ItemSubject);
    core::links::RegisterSubject("item_done", DoneSubject);
    core::links::RegisterSubject("loan", LoanSubject);
    core::links::RegisterOfferables("item", Lendable);
    core::links::RegisterPublicLister("exchange", Public);
    core::links::SetLoanRequester([s](core::db::Connection& c, const core::links::LoanRequest& r) {
        return RequestLoanIn(c, *s, r);
    });
}
}  // namespace

void RegisterLinks(const core::Ini& ini) {
    RegisterLinksWith(std::make_shared<const Settings>(Settings::FromIni(ini)));
}

void Register(core::RouteTable& routes, const core::Config& config) {
    auto s = std::make_shared<const Settings>(Settings::FromIni(config.ini));
    routes.Add("GET", "/exchange", "exchange", With(s, ListPage));
    routes.Add("POST", "/exchange", "exchange", With(s, CreateItem));
    routes.Add("GET", "/exchange/new", "exchange_new", With(s, NewForm));
    routes.Add("GET", "/exchange/{id:int}", "item", With(s, ShowPage));
    routes.Add("POST", "/exchange/{id:int}", "item", With(s, UpdateItem));
    routes.Add("GET", "/exchange/{id:int}/edit", "item_edit", With(s, EditForm));
    routes.Add("GET", "/exchange/{id:int}/photo", "item_photo", With(s, PhotoFile),
               {.identify = false});
    routes.Add("POST", "/exchange/{id:int}/status", "item_status", With(s, ChangeStatus));
    routes.Add("POST", "/exchange/{id:int}/done", "item_done", With(s, MarkDone));
    routes.Add("POST", "/exchange/{id:int}/loans", "item_loans", With(s, RequestLoan));
    routes.Add("GET", "/loans/{id:int}", "loan", With(s, LoanPage));
    routes.Add("POST", "/loans/{id:int}/accept", "loan_accept", OnLoan(s, LoanAction::kAccept));
    routes.Add("POST", "/loans/{id:int}/decline", "loan_decline", OnLoan(s, LoanAction::kDecline));
    routes.Add("POST", "/loans/{id:int}/handover", "loan_handover",
               OnLoan(s, LoanAction::kHandover));
    routes.Add("POST", "/loans/{id:int}/return", "loan_return", OnLoan(s, LoanAction::kReturn));
    routes.Add("POST", "/loans/{id:int}/cancel", "loan_cancel", OnLoan(s, LoanAction::kCancel));
    routes.AddBlock(core::Slot::kHome, [s](const core::Env& env, core::Ctx& ctx, auto& body) {
        HomeBlock(*s, env, ctx, body);
    });
    routes.AddBlock(core::Slot::kMe, [s](const core::Env& env, core::Ctx& ctx, auto& body) {
        if (!ctx.viewer.anonymous()) MeBlock(*s, env, ctx, body);
    });
    RegisterLinksWith(s);
}

}  // namespace placette::exchange
