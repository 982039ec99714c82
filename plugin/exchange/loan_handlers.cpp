// Loan pages and commands (request dates, accept, decline, hand over, return, cancel), and the
// section's blocks on the home page and in /me (my items, my loans both ways).
#include "fcgi/http_error.h"
#include "plugin/core/clock.h"
#include "plugin/core/render.h"
#include "plugin/core/text.h"
#include "plugin/exchange/handlers.h"

namespace placette::exchange {

namespace {
using core::Ctx;
using core::Env;
using http::Response;

std::string LoanUrl(const Env& env, std::int64_t id) {
    return env.config.base_path + "/loans/" + std::to_string(id);
}

// The owner's and the borrower's buttons for the loan's current state.
void FillActions(const Loan& l, bool owner, bool borrower, ctemplate::TemplateDictionary& d) {
    auto allowed = [&](LoanAction a) {
        return MayAct(a, owner, borrower) && Transition(l.status, a);
    };
    if (allowed(LoanAction::kAccept)) d.ShowSection(core::Tk<"CAN_ACCEPT">());
    if (allowed(LoanAction::kDecline)) d.ShowSection(core::Tk<"CAN_DECLINE">());
    if (allowed(LoanAction::kHandover)) d.ShowSection(core::Tk<"CAN_HANDOVER">());
    if (allowed(LoanAction::kReturn)) d.ShowSection(core::Tk<"CAN_RETURN">());
    if (allowed(LoanAction::kCancel)) d.ShowSection(core::Tk<"CAN_CANCEL">());
}

Response RenderLoan(const Settings& s, const Env& env, Ctx& ctx, std::int64_t id,
                    const core::FieldErrors& errors, int status) {
    if (ctx.viewer.anonymous()) return Response::Redirect(ctx.login_url, 302);
    Service svc(env.pool, s);
    auto l = svc.GetLoan(id);
    if (!l) throw http::NotFound("no such loan");
    const bool owner = ctx.viewer.user_id == l->owner_id,
               borrower = ctx.viewer.user_id == l->borrower_id;
    if (!owner && !borrower)
        return core::RenderError(env, ctx, 403, ctx.T(env, "exchange.error.not_party"));
    core::Page page =
        core::NewPage(env, ctx, "exchange/loan.tpl",
                      env.i18n.Format(ctx.lang, "exchange.loan.title", {{"title", l->item_title}}));
    auto& body = page.body();
    FillLoan(env, ctx, *l, body);
    FillActions(*l, owner, borrower, body);
    if (auto source = svc.SourceOf(*l)) {  // e.g. the crowdfunding need it was requested for
        body.SetValue(core::Tk<"SOURCE_TITLE">(), source->title);
        body.SetValueAndShowSection(core::Tk<"SOURCE_URL">(), env.config.base_path + source->path,
                                    core::Tk<"HAS_SOURCE">());
    }
    if (!l->message.empty())
        body.SetValueAndShowSection(core::Tk<"MESSAGE">(), l->message, core::Tk<"HAS_MESSAGE">());
    if (!l->handover_note.empty())
        body.SetValueAndShowSection(core::Tk<"HANDOVER_NOTE">(), l->handover_note,
                                    core::Tk<"HAS_HANDOVER_NOTE">());
    if (!l->return_note.empty())
        body.SetValueAndShowSection(core::Tk<"RETURN_NOTE">(), l->return_note,
                                    core::Tk<"HAS_RETURN_NOTE">());
    if (l->status == LoanStatus::kReturned) {
        body.SetValueAndShowSection(
            core::Tk<"FEEDBACK_URL">(),
            env.config.base_path +
                "/feedback/new?subject_type=loan&subject_id=" + std::to_string(id),
            core::Tk<"CAN_FEEDBACK">());
    }
    core::FillForm(body, ctx.req.form, {"note"}, errors);
    return core::RenderPage(env, ctx, page, status);
}

void FillLoans(const Env& env, const Ctx& ctx, const std::vector<Loan>& loans,
               ctemplate::TemplateDictionary& d) {
    for (const Loan& l : loans) {
        const bool lent = l.owner_id == ctx.viewer.user_id;
        auto* row = d.AddSectionDictionary(lent ? "LENT" : "BORROWED");
        FillLoan(env, ctx, l, *row);
    }
}
}  // namespace

Response RequestLoan(const Settings& s, const Env& env, Ctx& ctx) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    RawLoan raw{ctx.req.form.GetOr("start"), ctx.req.form.GetOr("end"),
                ctx.req.form.GetOr("message")};
    Result r = svc.RequestLoan(ctx.viewer, id, raw);
    if (r.outcome == Outcome::kInvalid)
        return RenderItem(s, env, ctx, id, ToErrors(env, ctx, r.problems), 422);
    if (r.outcome != Outcome::kOk) return Refusal(env, ctx, r);
    return Response::Redirect(LoanUrl(env, r.id), 303);
}

Response LoanPage(const Settings& s, const Env& env, Ctx& ctx) {
    return RenderLoan(s, env, ctx, ctx.req.RouteInt("id"), {}, 200);
}

Response LoanAct(const Settings& s, const Env& env, Ctx& ctx, LoanAction a) {
    Service svc(env.pool, s);
    const std::int64_t id = ctx.req.RouteInt("id");
    Result r = svc.ActOnLoan(ctx.viewer, id, a, ctx.req.form.GetOr("note"));
    if (r.outcome == Outcome::kInvalid)
        return RenderLoan(s, env, ctx, id, ToErrors(env, ctx, r.problems), 422);
    if (r.outcome != Outcome::kOk) return Refusal(env, ctx, r);
    return Response::Redirect(LoanUrl(env, id), 303);
}

void HomeBlock(const Settings& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body) {
    Service svc(env.pool, s);
    const auto shared = svc.SearchShared({}, 0, 5);
    const std::vector<Item>& items = shared->items;
    if (items.empty()) return;
    core::AddKeptBlock(env, ctx, body, "exchange/home_block.tpl", *shared->bodies, 0,
                       core::NowSeconds(), [&](ctemplate::TemplateDictionary& d) {
                           for (const Item& i : items)
                               FillItem(s, env, ctx, i,
                                        *d.AddSectionDictionary(core::Tk<"ITEM">()));
                       });
}

void MeBlock(const Settings& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body) {
    Service svc(env.pool, s);
    auto* d = core::AddBlockTemplate(ctx, body, "exchange/me_block.tpl");
    auto mine = svc.OfOwner(ctx.viewer.user_id, false, 50);
    for (const Item& i : mine)
        FillItem(s, env, ctx, i, *d->AddSectionDictionary(core::Tk<"ITEM">()));
    if (mine.empty()) d->ShowSection(core::Tk<"NO_ITEMS">());
    auto loans = svc.LoansOfUser(ctx.viewer.user_id, 50);
    FillLoans(env, ctx, loans, *d);
    if (loans.empty()) d->ShowSection(core::Tk<"NO_LOANS">());
}

}  // namespace placette::exchange
