// Helpers every crowdfunding page uses: turning outcomes into answers, the funding figures with
// their text equivalent, campaign cards, and labelled options for selects and radio buttons.
#include "plugin/crowdfunding/views.h"

#include <cstdio>
#include <stdexcept>

#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"

namespace placette::crowdfunding::views {

Texts TextsOf(const core::Env& env, const core::Ctx& ctx) { return Texts{env.i18n, ctx.lang}; }

std::int64_t IdParam(const core::Ctx& ctx, std::string_view name) {
    try {
        return ctx.req.RouteInt(name);
    } catch (const std::out_of_range&) {
        throw http::NotFound("no such id");
    }
}

std::string ProjectPath(const core::Env& env, const Campaign& k) {
    return env.config.base_path + "/projects/" + std::to_string(k.id) + "-" + k.slug;
}

std::string ProjectPath(const core::Env& env, std::int64_t id) {
    return env.config.base_path + "/projects/" + std::to_string(id);
}

std::string PledgePath(const core::Env& env, std::int64_t id) {
    return env.config.base_path + "/pledges/" + std::to_string(id);
}

std::string AmountInput(std::int64_t minor, const std::string& lang) {
    std::string text = std::to_string(minor / 100);
    if (minor % 100 != 0) {
        char cents[4];
        std::snprintf(cents, sizeof cents, "%02lld", static_cast<long long>(minor % 100));
        text += (lang == "fr" ? "," : ".") + std::string(cents);
    }
    return text;
}

Campaign OwnedCampaign(const Section& s, const core::Env& env, const core::Ctx& ctx) {
    auto k = s.Svc(env).GetCampaign(IdParam(ctx, "id"));
    if (!k) throw http::NotFound("no such campaign");
    if (ctx.viewer.anonymous() || k->owner_id != ctx.viewer.user_id) {
        throw http::Forbidden("not the owner");
    }
    return *k;
}

std::string PledgeReference(std::int64_t id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "P-%06lld", static_cast<long long>(id));
    return buf;
}

std::optional<http::Response> Refusal(const core::Env& env, core::Ctx& ctx, const Outcome& o) {
    switch (o.status) {
        case Outcome::Status::kNotFound:
            throw http::NotFound("crowdfunding record not found");
        case Outcome::Status::kForbidden:
            throw http::Forbidden("not the owner");
        case Outcome::Status::kConflict:
            return core::RenderError(env, ctx, 409, ctx.T(env, o.reason));
        case Outcome::Status::kOk:
        case Outcome::Status::kInvalid:
            break;
    }
    return std::nullopt;
}

http::Response AfterCommand(const core::Env& env, core::Ctx& ctx, const Outcome& o,
                            const std::string& to) {
    if (auto r = Refusal(env, ctx, o)) return *r;
    if (o.status == Outcome::Status::kInvalid) return core::RenderError(env, ctx, 400);
    return http::Response::Redirect(to, 303);
}

std::string StateLabel(const Texts& tx, State s) {
    return tx.T("cf.state." + std::string(Name(s)));
}

std::string PledgeStateLabel(const Texts& tx, PledgeState s) {
    return tx.T("cf.pledge_state." + std::string(Name(s)));
}

void FillFunding(const Texts& tx, const Campaign& k, std::int64_t now,
                 ctemplate::TemplateDictionary& d) {
    const std::int64_t percent = k.goal > 0 ? k.collected * 100 / k.goal : 0;
    const std::string raised = tx.Money(k.collected, k.currency);
    const std::string goal = tx.Money(k.goal, k.currency);
    d.SetValue(core::Tk<"RAISED">(), raised);
    d.SetValue(core::Tk<"GOAL">(), goal);
    core::SetInt(d, core::Tk<"PERCENT">(), static_cast<long>(percent));
    core::SetInt(d, core::Tk<"PROGRESS">(),
                 static_cast<long>(std::min<std::int64_t>(percent, 100)));
    d.SetValue(core::Tk<"FUNDING_TEXT">(),
               tx.F("cf.funding_text",
                    {{"raised", raised}, {"goal", goal}, {"percent", std::to_string(percent)}}));
    std::string days;
    if (k.state == State::kLive && k.ends_at > now) {
        const std::int64_t left = DaysLeft(now, k.ends_at);
        days = left <= 1 ? tx.T("cf.last_day")
                         : tx.F("cf.days_left", {{"days", std::to_string(left)}});
    } else if (k.closed_at > 0) {
        days = tx.F("cf.ended_on", {{"date", tx.Date(k.closed_at)}});
    } else if (k.state == State::kLive) {
        days = tx.T("cf.ending_now");
    }
    d.SetValue(core::Tk<"DAYS_LEFT_TEXT">(), days);
    const std::string model = std::string(Name(k.model));
    d.SetValue(core::Tk<"MODEL_LABEL">(), tx.T("cf.model." + model));
    std::string end = k.ends_at > 0
                          ? tx.Date(k.ends_at)
                          : tx.F("cf.after_days", {{"days", std::to_string(k.duration_days)}});
    d.SetValue(core::Tk<"MODEL_TEXT">(),
               tx.F("cf.model." + model + ".explain", {{"goal", goal}, {"date", end}}));
}

void FillCard(const core::Env& env, const Texts& tx, const Campaign& k, std::int64_t now,
              ctemplate::TemplateDictionary& d) {
    core::SetInt(d, core::Tk<"ID">(), static_cast<long>(k.id));
    d.SetValue(core::Tk<"TITLE">(), k.title);
    d.SetValue(core::Tk<"URL">(), ProjectPath(env, k));
    d.SetValue(core::Tk<"SUMMARY">(), k.summary);
    d.SetValue(core::Tk<"STATE">(), std::string(Name(k.state)));
    d.SetValue(core::Tk<"STATE_LABEL">(), StateLabel(tx, k.state));
    d.SetValue(core::Tk<"THEME">(), tx.Label("cf.theme.", k.theme));
    d.SetValue(core::Tk<"NEIGHBOURHOOD">(), tx.Label("cf.neighbourhood.", k.neighbourhood));
    d.SetValue(core::Tk<"OWNER">(), k.owner_name);
    if (k.featured) d.ShowSection(core::Tk<"FEATURED">());
    if (IsPublic(k.state)) d.ShowSection(core::Tk<"HAS_FUNDING">());
    FillFunding(tx, k, now, d);
}

void AddCards(const core::Env& env, const core::Ctx& ctx, const Texts& tx,
              const std::vector<Campaign>& items, ctemplate::TemplateDictionary& d,
              const std::string& section) {
    const std::int64_t now = core::NowSeconds();
    for (const Campaign& k : items) {
        auto* item = d.AddSectionDictionary(section);
        auto* card = item->AddIncludeDictionary(core::Tk<"CARD">());
        card->SetFilename(ctx.lang + "/crowdfunding/card.tpl");
        FillCard(env, tx, k, now, *card);
    }
}

void AddOptions(ctemplate::TemplateDictionary& d, const std::string& section,
                const Options& options, std::string_view selected) {
    for (const auto& [value, label] : options) {
        auto* o = d.AddSectionDictionary(section);
        o->SetValue(core::Tk<"VALUE">(), value);
        o->SetValue(core::Tk<"LABEL">(), label);
        if (value == selected) o->ShowSection(core::Tk<"SELECTED">());
    }
}

Options ThemeOptions(const Rules& rules, const Texts& tx) {
    Options out;
    for (const std::string& t : rules.themes) out.emplace_back(t, tx.Label("cf.theme.", t));
    return out;
}

Options NeighbourhoodOptions(const Rules& rules, const Texts& tx) {
    Options out;
    for (const std::string& n : rules.neighbourhoods)
        out.emplace_back(n, tx.Label("cf.neighbourhood.", n));
    return out;
}

std::string NeedDates(const Texts& tx, const Need& n) {
    if (!n.HasDates()) return "";
    if (n.needed_until.empty() || n.needed_until == n.needed_from) {
        return tx.F("cf.need.day", {{"date", tx.IsoDate(n.needed_from)}});
    }
    return tx.F("cf.need.dates",
                {{"from", tx.IsoDate(n.needed_from)}, {"until", tx.IsoDate(n.needed_until)}});
}

Options NeedKindOptions(const Texts& tx) {
    Options out;
    for (NeedKind k : AllNeedKinds()) {
        out.emplace_back(std::string(Name(k)), tx.T("cf.need_kind." + std::string(Name(k))));
    }
    return out;
}

}  // namespace placette::crowdfunding::views
