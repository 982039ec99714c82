// Exchanges on a skill listing (propose, confirm, cancel) and the section's blocks on the home
// page and in /me (listings, time-bank balance and history, exchanges waiting for the viewer).
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"
#include "plugin/skills/handlers.h"
#include "plugin/skills/pages.h"

namespace placette::skills {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

Response BackToListing(const Env& env, std::int64_t listing_id) {
    return Response::Redirect(env.config.base_path + "/skills/" + std::to_string(listing_id), 303);
}

// Runs a confirm/cancel and goes back to the listing; refusals become 403/404/409 pages.
template <typename F>
Response OnExchange(const Settings& s, const Env& env, Ctx& ctx, F&& command) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = command(svc, id);
    if (r.outcome != Outcome::kOk) return Refusal(s, env, ctx, r);
    auto x = svc.GetExchange(id);
    return BackToListing(env, x ? x->listing_id : 0);
}

void FillHistory(const Env& env, const Ctx& ctx, const std::vector<repo::Entry>& entries,
                 ctemplate::TemplateDictionary& d) {
    for (const repo::Entry& e : entries) {
        auto* row = d.AddSectionDictionary(core::Tk<"ENTRY">());
        row->SetValue(core::Tk<"DATE">(),
                      core::FormatDay(env.i18n, ctx.lang, core::DayOf(e.created_at)));
        row->SetValue(core::Tk<"TITLE">(), e.listing_title);
        std::string who = e.counterpart_name.empty()
                              ? env.i18n.Format(ctx.lang, "community.person_fallback",
                                                {{"id", std::to_string(e.counterpart_id)}})
                              : e.counterpart_name;
        row->SetValue(core::Tk<"COUNTERPART">(), who);
        row->SetValue(core::Tk<"COUNTERPART_URL">(),
                      env.config.base_path + "/people/" + std::to_string(e.counterpart_id));
        row->SetValue(core::Tk<"AMOUNT">(),
                      (e.minutes.count() > 0 ? "+" : "") + FormatMinutes(e.minutes));
        row->SetValue(core::Tk<"DIRECTION">(),
                      ctx.T(env, e.minutes.count() > 0 ? "skills.me.given" : "skills.me.received"));
    }
    d.ShowSection(entries.empty() ? "NO_HISTORY" : "HAS_HISTORY");
}
}  // namespace

Response ProposeExchange(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    ExchangeForm form{ctx.req.form.GetOr("minutes"), ctx.req.form.GetOr("note")};
    Result r = svc.Propose(ctx.viewer, id, form);
    if (r.outcome == Outcome::kInvalid) {
        core::FieldErrors errors;
        for (const auto& [field, key] : r.problems) errors.Add(field, ctx.T(env, key));
        return RenderShow(s, env, ctx, id, errors, 422);
    }
    if (r.outcome != Outcome::kOk) return Refusal(s, env, ctx, r);
    return BackToListing(env, id);
}

Response ConfirmExchange(const Settings& s, const Env& env, Ctx& ctx) {
    return OnExchange(s, env, ctx,
                      [&](Service& svc, std::int64_t id) { return svc.Confirm(ctx.viewer, id); });
}

Response CancelExchange(const Settings& s, const Env& env, Ctx& ctx) {
    return OnExchange(s, env, ctx,
                      [&](Service& svc, std::int64_t id) { return svc.Cancel(ctx.viewer, id); });
}

void HomeBlock(const Settings& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body) {
    Service svc(env.pool, s);
    const auto shared = svc.SearchShared({}, 0, 5);
    const std::vector<Listing>& listings = shared->listings;
    if (listings.empty()) return;
    core::AddKeptBlock(env, ctx, body, "skills/home_block.tpl", *shared->bodies, 0,
                       core::NowSeconds(), [&](ctemplate::TemplateDictionary& d) {
                           for (const Listing& l : listings)
                               FillListing(s, env, ctx, l,
                                           *d.AddSectionDictionary(core::Tk<"LISTING">()));
                       });
}

void MeBlock(const Settings& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body) {
    Service svc(env.pool, s);
    const std::int64_t me = ctx.viewer.user_id;
    auto* d = core::AddBlockTemplate(ctx, body, "skills/me_block.tpl");
    Minutes balance = svc.Balance(me);
    d->SetValue(core::Tk<"BALANCE">(), FormatMinutes(balance));
    d->SetValue(core::Tk<"FLOOR">(), FormatMinutes(s.floor));
    if (balance.count() < 0) d->ShowSection(core::Tk<"IN_DEBT">());
    FillHistory(env, ctx, svc.History(me, 20), *d);
    auto mine = svc.OfOwner(me, false, 50);
    for (const Listing& l : mine)
        FillListing(s, env, ctx, l, *d->AddSectionDictionary(core::Tk<"LISTING">()));
    if (mine.empty()) d->ShowSection(core::Tk<"NO_LISTINGS">());
    for (const Exchange& x : svc.ExchangesOfUser(me, 50)) {
        if (x.status != ExchangeStatus::kProposed) continue;
        auto* row = d->AddSectionDictionary(core::Tk<"PENDING">());
        row->SetValue(core::Tk<"TITLE">(), x.listing_title);
        row->SetValue(core::Tk<"URL">(),
                      env.config.base_path + "/skills/" + std::to_string(x.listing_id));
        bool waiting_me = me == x.giver_id ? !x.giver_confirmed : !x.receiver_confirmed;
        row->ShowSection(waiting_me ? "WAITING_ME" : "WAITING_OTHER");
        if (x.mode == Mode::kTimeBank)
            row->SetValueAndShowSection(core::Tk<"MINUTES">(), FormatMinutes(x.minutes),
                                        core::Tk<"HAS_MINUTES">());
    }
}

}  // namespace placette::skills
