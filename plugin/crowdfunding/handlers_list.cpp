// The public listing (/projects: search, filters by theme, neighbourhood and state, keyset
// pages) and the section's blocks on the home page, "my space" and the staff home.
#include "fcgi/form.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"
#include "plugin/crowdfunding/handlers.h"
#include "plugin/crowdfunding/views.h"

namespace placette::crowdfunding::handlers {

namespace {
using ctemplate::TemplateDictionary;

const std::vector<State> kListedStates = {State::kLive, State::kSucceeded, State::kRealised,
                                          State::kFailed, State::kCancelled};

std::string NextUrl(const Env& env, const ListQuery& q, const std::string& next) {
    std::string url = env.config.base_path + "/projects?";
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) url += std::string(name) + "=" + http::UrlEncode(value) + "&";
    };
    add("q", q.q);
    add("theme", q.theme);
    add("neighbourhood", q.neighbourhood);
    add("status", q.status);
    return url + "after=" + http::UrlEncode(next);
}

void FillFilters(const Section& s, const Texts& tx, const ListQuery& q, TemplateDictionary& b) {
    b.SetValue(core::Tk<"Q_VALUE">(), q.q);
    views::Options themes = {{"", tx.T("cf.list.all_themes")}};
    for (auto& o : views::ThemeOptions(s.rules, tx)) themes.push_back(o);
    views::Options places = {{"", tx.T("cf.list.all_neighbourhoods")}};
    for (auto& o : views::NeighbourhoodOptions(s.rules, tx)) places.push_back(o);
    views::Options states = {{"", tx.T("cf.list.all_states")}};
    for (State st : kListedStates)
        states.emplace_back(std::string(Name(st)), views::StateLabel(tx, st));
    views::AddOptions(b, "THEME_OPTION", themes, q.theme);
    views::AddOptions(b, "NEIGHBOURHOOD_OPTION", places, q.neighbourhood);
    views::AddOptions(b, "STATUS_OPTION", states, q.status);
}
}  // namespace

Response List(const Section& s, const Env& env, Ctx& ctx) {
    const Texts tx = views::TextsOf(env, ctx);
    const http::Form& f = ctx.req.query;
    ListQuery q{f.GetOr("q").substr(0, 200), f.GetOr("theme"), f.GetOr("neighbourhood"),
                f.GetOr("status"),           f.GetOr("after"), 12};
    const auto shared = s.Svc(env).ListShared(q);
    const ListPage& result = *shared;
    core::Page page = core::NewPage(env, ctx, "crowdfunding/list.tpl", tx.T("cf.list.title"));
    // The body depends on the cached page (whose key is the filters as typed), the language and
    // the second (days left on the cards): rendered once per second for every viewer.
    core::UseKeptBody(env, ctx, page, *result.bodies, 0, core::NowSeconds(), [&] {
        auto& b = page.body();
        FillFilters(s, tx, q, b);
        views::AddCards(env, ctx, tx, result.items, b, "ITEM");
        if (result.items.empty()) b.ShowSection(core::Tk<"EMPTY">());
        if (!result.items.empty()) b.ShowSection(core::Tk<"HAS_ITEMS">());
        if (result.search_ignored) b.ShowSection(core::Tk<"SEARCH_IGNORED">());
        if (!result.next.empty())
            b.SetValueAndShowSection(core::Tk<"NEXT_URL">(), NextUrl(env, q, result.next),
                                     core::Tk<"HAS_NEXT">());
        if (!q.after.empty())
            b.SetValueAndShowSection(core::Tk<"FIRST_URL">(), env.config.base_path + "/projects",
                                     core::Tk<"HAS_FIRST">());
        if (!result.next.empty() || !q.after.empty()) b.ShowSection(core::Tk<"HAS_PAGER">());
        b.SetValue(core::Tk<"NEW_URL">(), env.config.base_path + "/projects/new");
    });
    return core::RenderPage(env, ctx, page);
}

void HomeBlock(const Section& s, const Env& env, Ctx& ctx, TemplateDictionary& body) {
    const Texts tx = views::TextsOf(env, ctx);
    const auto shared = s.Svc(env).LiveShared(3);
    const std::vector<Campaign>& live = shared->items;
    core::AddKeptBlock(
        env, ctx, body, "crowdfunding/home_block.tpl", *shared->block, 0, core::NowSeconds(),
        [&](TemplateDictionary& d) {
            views::AddCards(env, ctx, tx, live, d, "ITEM");
            d.ShowSection(live.empty() ? core::Tk<"EMPTY">() : core::Tk<"HAS_ITEMS">());
        });
}

void MeBlock(const Section& s, const Env& env, Ctx& ctx, TemplateDictionary& body) {
    if (ctx.viewer.anonymous()) return;
    const Texts tx = views::TextsOf(env, ctx);
    Service svc = s.Svc(env);
    auto* d = core::AddBlockTemplate(ctx, body, "crowdfunding/me_block.tpl");
    const auto owned = svc.OwnedBy(ctx.viewer.user_id, 50);
    const auto pledges = svc.PledgesOf(ctx.viewer.user_id, 50);
    d->ShowSection(owned.empty() ? "NO_CAMPAIGNS" : "HAS_CAMPAIGNS");
    d->ShowSection(pledges.empty() ? "NO_PLEDGES" : "HAS_PLEDGES");
    for (const Campaign& k : owned) {
        auto* c = d->AddSectionDictionary(core::Tk<"CAMPAIGN">());
        c->SetValue(core::Tk<"TITLE">(), k.title);
        c->SetValue(core::Tk<"STATE_LABEL">(), views::StateLabel(tx, k.state));
        c->SetValue(core::Tk<"MANAGE_URL">(), views::ProjectPath(env, k.id) + "/manage");
        c->SetValue(core::Tk<"RAISED">(), tx.Money(k.collected, k.currency));
        c->SetValue(core::Tk<"GOAL">(), tx.Money(k.goal, k.currency));
    }
    for (const Pledge& p : pledges) {
        auto* c = d->AddSectionDictionary(core::Tk<"PLEDGE">());
        c->SetValue(core::Tk<"CAMPAIGN">(), p.campaign_title);
        c->SetValue(core::Tk<"AMOUNT">(), tx.Money(p.amount, p.currency));
        c->SetValue(core::Tk<"STATE_LABEL">(), views::PledgeStateLabel(tx, p.state));
        c->SetValue(core::Tk<"URL">(), views::PledgePath(env, p.id));
        c->SetValue(core::Tk<"DATE">(), tx.Date(p.created_at));
    }
    const auto offers = svc.OffersBy(ctx.viewer.user_id, 50);
    if (!offers.empty()) d->ShowSection(core::Tk<"HAS_OFFERS">());
    for (const Offer& o : offers) {
        auto* c = d->AddSectionDictionary(core::Tk<"OFFER">());
        c->SetValue(core::Tk<"NEED">(), o.need_title);
        c->SetValue(core::Tk<"URL">(), views::ProjectPath(env, o.campaign_id));
        c->SetValue(core::Tk<"STATE_LABEL">(),
                    tx.T("cf.offer_state." + std::string(Name(o.state))));
    }
    d->SetValue(core::Tk<"NEW_URL">(), env.config.base_path + "/projects/new");
}

void StaffBlock(const Section& s, const Env& env, Ctx& ctx, TemplateDictionary& body) {
    if (!ctx.viewer.is_staff()) return;
    const Texts tx = views::TextsOf(env, ctx);
    Service svc = s.Svc(env);
    auto* d = core::AddBlockTemplate(ctx, body, "crowdfunding/staff_block.tpl");
    d->SetValue(core::Tk<"TO_REVIEW">(),
                tx.F("cf.staff.to_review",
                     {{"count", std::to_string(svc.CountInState(State::kSubmitted))}}));
    d->SetValue(core::Tk<"TO_RECEIVE">(),
                tx.F("cf.staff.to_receive",
                     {{"count", std::to_string(svc.CountPledges(PledgeState::kPending))}}));
    d->SetValue(core::Tk<"TO_REFUND">(),
                tx.F("cf.staff.to_refund",
                     {{"count", std::to_string(svc.CountPledges(PledgeState::kRefundPending))}}));
    d->SetValue(core::Tk<"QUEUE_URL">(), env.config.base_path + "/staff/campaigns");
    d->SetValue(core::Tk<"PLEDGES_URL">(), env.config.base_path + "/staff/pledges");
}

}  // namespace placette::crowdfunding::handlers
