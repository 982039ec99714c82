// The item page (photo, details, calendar, owner controls, contact and loan-request forms) and the
// view helpers shared by the exchange handlers.
#include "fcgi/http_error.h"
#include "plugin/core/choices.h"
#include "plugin/core/links.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"
#include "plugin/exchange/handlers.h"

namespace placette::exchange {

namespace {
using core::Ctx;
using core::Env;

Options Translated(const Env& env, const Ctx& ctx, std::string_view prefix,
                   std::initializer_list<std::string_view> codes) {
    Options out;
    for (std::string_view c : codes)
        out.emplace_back(std::string(c), ctx.T(env, std::string(prefix) + std::string(c)));
    return out;
}

Options FromChoices(const std::vector<core::Choice>& choices, const Env& env, const Ctx& ctx,
                    std::string_view prefix) {
    Options out;
    for (const core::Choice& c : choices) {
        out.emplace_back(c.code, core::ChoiceLabel(env.i18n, ctx.lang, choices, prefix, c.code));
    }
    return out;
}

std::string ShowDay(const Env& env, const Ctx& ctx, exchange::Day d) {
    return core::FormatDay(env.i18n, ctx.lang, d.n);
}

void FillCalendar(const Env& env, const Ctx& ctx, const std::vector<Loan>& loans,
                  ctemplate::TemplateDictionary& d) {
    const exchange::Day today = Today();
    bool any = false;
    for (auto it = loans.rbegin(); it != loans.rend(); ++it) {
        if (!Blocks(it->status) || (it->period.end < today && it->status == LoanStatus::kAccepted))
            continue;
        auto* row = d.AddSectionDictionary(core::Tk<"BOOKED">());
        row->SetValue(core::Tk<"FROM">(), ShowDay(env, ctx, it->period.start));
        row->SetValue(core::Tk<"TO">(), ShowDay(env, ctx, it->period.end));
        any = true;
    }
    d.ShowSection(any ? "HAS_BOOKED" : "NO_BOOKED");
}

void FillOwner(const Env& env, const Ctx& ctx, const Item& item, const std::vector<Loan>& loans,
               ctemplate::TemplateDictionary& body) {
    auto* owner = body.AddSectionDictionary(core::Tk<"OWNER">());
    owner->SetValue(core::Tk<"EDIT_URL">(),
                    env.config.base_path + "/exchange/" + std::to_string(item.id) + "/edit");
    for (Action a : OwnerActions(item.kind, item.status)) {
        auto* d = owner->AddSectionDictionary(core::Tk<"ACTION">());
        d->SetValue(core::Tk<"ACTION">(), std::string(ToString(a)));
        d->SetValue(core::Tk<"ACTION_LABEL">(),
                    ctx.T(env, "exchange.action." + std::string(ToString(a))));
    }
    if (Transition(item.kind, item.status, Action::kDone)) {
        auto* done = owner->AddSectionDictionary(core::Tk<"CAN_DONE">());
        auto people = core::db::Run(env.pool, [&](core::db::Connection& c) {
            return core::links::Correspondents(c, "item", item.id, ctx.viewer.user_id);
        });
        for (const auto& [id, name] : people) {
            auto* o = done->AddSectionDictionary(core::Tk<"PARTNER_OPTION">());
            core::SetInt(*o, core::Tk<"CODE">(), id);
            o->SetValue(core::Tk<"LABEL">(), PersonName(env, ctx, name, id));
        }
        done->ShowSection(people.empty() ? "NO_PARTNER" : "HAS_PARTNER");
    }
    for (const Loan& l : loans)
        FillLoan(env, ctx, l, *owner->AddSectionDictionary(core::Tk<"LOAN">()));
    if (!loans.empty()) owner->ShowSection(core::Tk<"HAS_LOANS">());
}

void FillRequestForm(const Ctx& ctx, const Item& item, const core::FieldErrors& errors,
                     ctemplate::TemplateDictionary& body) {
    auto* answer = body.AddSectionDictionary(core::Tk<"CAN_ANSWER">());
    core::SetInt(*answer, core::Tk<"SUBJECT_ID">(), item.id);
    if (item.kind != Kind::kLend) return;
    auto* form = answer->AddSectionDictionary(core::Tk<"CAN_BORROW">());
    core::FillForm(*form, ctx.req.form, {"start", "end", "message"}, errors);
    form->SetValue(core::Tk<"MIN_DATE">(), IsoDay(Today()));
}
}  // namespace

Options KindOptions(const Env& env, const Ctx& ctx) {
    return Translated(env, ctx, "exchange.kind.", {"give", "lend", "swap", "request"});
}
Options ConditionOptions(const Env& env, const Ctx& ctx) {
    return Translated(env, ctx, "exchange.condition.", {"new", "good", "fair", "worn", "none"});
}
Options CategoryOptions(const Settings& s, const Env& env, const Ctx& ctx) {
    return FromChoices(s.categories, env, ctx, "exchange.category.");
}
Options NeighbourhoodOptions(const Settings& s, const Env& env, const Ctx& ctx) {
    return FromChoices(s.neighbourhoods, env, ctx, "neighbourhood.");
}

std::string PersonName(const Env& env, const Ctx& ctx, const std::string& name, std::int64_t id) {
    if (!name.empty()) return name;
    return env.i18n.Format(ctx.lang, "community.person_fallback", {{"id", std::to_string(id)}});
}

core::FieldErrors ToErrors(const Env& env, const Ctx& ctx, const Problems& problems) {
    core::FieldErrors errors;
    for (const auto& [field, key] : problems) errors.Add(field, ctx.T(env, key));
    return errors;
}

http::Response Refusal(const Env& env, Ctx& ctx, const Result& r) {
    const int status = r.outcome == Outcome::kNotFound    ? 404
                       : r.outcome == Outcome::kForbidden ? 403
                                                          : 409;
    return core::RenderError(env, ctx, status,
                             r.message_key.empty() ? "" : ctx.T(env, r.message_key));
}

void FillItem(const Settings& s, const Env& env, const Ctx& ctx, const Item& i,
              ctemplate::TemplateDictionary& d) {
    const std::string base = env.config.base_path + "/exchange/" + std::to_string(i.id);
    core::SetInt(d, core::Tk<"ID">(), i.id);
    d.SetValue(core::Tk<"TITLE">(), i.title);
    d.SetValue(core::Tk<"URL">(), base);
    d.SetValue(core::Tk<"KIND">(), std::string(ToString(i.kind)));
    d.SetValue(core::Tk<"KIND_LABEL">(),
               ctx.T(env, "exchange.kind." + std::string(ToString(i.kind))));
    d.SetValue(core::Tk<"CONDITION_LABEL">(),
               ctx.T(env, "exchange.condition." + std::string(ToString(i.condition))));
    d.SetValue(core::Tk<"CATEGORY_LABEL">(), core::ChoiceLabel(env.i18n, ctx.lang, s.categories,
                                                               "exchange.category.", i.category));
    d.SetValue(
        core::Tk<"NEIGHBOURHOOD_LABEL">(),
        core::ChoiceLabel(env.i18n, ctx.lang, s.neighbourhoods, "neighbourhood.", i.neighbourhood));
    d.SetValue(core::Tk<"DESCRIPTION">(), i.description);
    d.SetValue(core::Tk<"OWNER_NAME">(), PersonName(env, ctx, i.owner_name, i.owner_id));
    d.SetValue(core::Tk<"OWNER_URL">(),
               env.config.base_path + "/people/" + std::to_string(i.owner_id));
    d.SetValue(core::Tk<"STATUS">(), std::string(ToString(i.status)));
    d.SetValue(core::Tk<"STATUS_LABEL">(),
               ctx.T(env, "exchange.status." + std::string(ToString(i.status))));
    d.SetValue(core::Tk<"CREATED">(),
               core::FormatDay(env.i18n, ctx.lang, core::DayOf(i.created_at)));
    d.SetValue(core::Tk<"EXPIRES">(),
               core::FormatDay(env.i18n, ctx.lang, core::DayOf(i.expires_at)));
    if (i.has_photo)
        d.SetValueAndShowSection(core::Tk<"PHOTO_URL">(), base + "/photo", core::Tk<"HAS_PHOTO">());
    if (i.partner_id != 0) {
        auto* p = d.AddSectionDictionary(core::Tk<"HAS_PARTNER_DONE">());
        p->SetValue(core::Tk<"PARTNER_NAME">(), PersonName(env, ctx, i.partner_name, i.partner_id));
        p->SetValue(core::Tk<"PARTNER_URL">(),
                    env.config.base_path + "/people/" + std::to_string(i.partner_id));
    }
}

void FillLoan(const Env& env, const Ctx& ctx, const Loan& l, ctemplate::TemplateDictionary& d) {
    core::SetInt(d, core::Tk<"LOAN_ID">(), l.id);
    d.SetValue(core::Tk<"LOAN_URL">(), env.config.base_path + "/loans/" + std::to_string(l.id));
    d.SetValue(core::Tk<"ITEM_TITLE">(), l.item_title);
    d.SetValue(core::Tk<"ITEM_URL">(),
               env.config.base_path + "/exchange/" + std::to_string(l.item_id));
    d.SetValue(core::Tk<"FROM">(), ShowDay(env, ctx, l.period.start));
    d.SetValue(core::Tk<"TO">(), ShowDay(env, ctx, l.period.end));
    LoanStatus shown =
        l.status == LoanStatus::kOnLoan && l.period.end < Today() ? LoanStatus::kOverdue : l.status;
    d.SetValue(core::Tk<"LOAN_STATUS">(), std::string(ToString(shown)));
    d.SetValue(core::Tk<"LOAN_STATUS_LABEL">(),
               ctx.T(env, "exchange.loan_status." + std::string(ToString(shown))));
    d.SetValue(core::Tk<"BORROWER_NAME">(), PersonName(env, ctx, l.borrower_name, l.borrower_id));
    d.SetValue(core::Tk<"BORROWER_URL">(),
               env.config.base_path + "/people/" + std::to_string(l.borrower_id));
    d.SetValue(core::Tk<"LENDER_NAME">(), PersonName(env, ctx, l.owner_name, l.owner_id));
    d.SetValue(core::Tk<"LENDER_URL">(),
               env.config.base_path + "/people/" + std::to_string(l.owner_id));
    if (l.source == "need") d.ShowSection(core::Tk<"FROM_NEED">());
}

http::Response RenderItem(const Settings& s, const Env& env, Ctx& ctx, std::int64_t id,
                          const core::FieldErrors& errors, int status) {
    Service svc(env.pool, s);
    auto item = svc.Get(id);
    if (!item) throw http::NotFound("no such item");
    const bool owner = !ctx.viewer.anonymous() && ctx.viewer.user_id == item->owner_id;
    std::vector<Loan> loans =
        item->kind == Kind::kLend ? svc.LoansOf(id, 200) : std::vector<Loan>{};
    core::Page page = core::NewPage(env, ctx, "exchange/show.tpl", item->title);
    auto& body = page.body();
    FillItem(s, env, ctx, *item, body);
    if (item->status != Status::kActive) {
        body.SetValueAndShowSection(
            core::Tk<"STATUS_NOTICE">(),
            ctx.T(env, "exchange.status_notice." + std::string(ToString(item->status))),
            core::Tk<"NOT_ACTIVE">());
    }
    if (item->kind == Kind::kLend)
        FillCalendar(env, ctx, loans, *body.AddSectionDictionary(core::Tk<"CALENDAR">()));
    if (owner) {
        FillOwner(env, ctx, *item, loans, body);
        if (!errors.empty()) core::FillForm(body, ctx.req.form, {"partner"}, errors);
    } else if (ctx.viewer.anonymous()) {
        body.SetValueAndShowSection(core::Tk<"LOGIN_URL">(), ctx.login_url,
                                    core::Tk<"LOGIN_TO_ANSWER">());
    } else if (item->status == Status::kActive) {
        FillRequestForm(ctx, *item, errors, body);
    }
    for (const Loan& l : loans) {
        if (owner || l.borrower_id != ctx.viewer.user_id) continue;
        FillLoan(env, ctx, l, *body.AddSectionDictionary(core::Tk<"MY_LOAN">()));
        body.ShowSection(core::Tk<"HAS_MY_LOANS">());
    }
    return core::RenderPage(env, ctx, page, status);
}

}  // namespace placette::exchange
