// Handlers of the exchange section (thin: request → service → view), shared by its files.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fcgi/response.h"
#include "plugin/core/context.h"
#include "plugin/core/forms.h"
#include "plugin/exchange/service.h"

namespace placette::exchange {

using Options = std::vector<std::pair<std::string, std::string>>;
Options KindOptions(const core::Env& env, const core::Ctx& ctx);
Options ConditionOptions(const core::Env& env, const core::Ctx& ctx);
Options CategoryOptions(const Settings& s, const core::Env& env, const core::Ctx& ctx);
Options NeighbourhoodOptions(const Settings& s, const core::Env& env, const core::Ctx& ctx);

// One item's values (TITLE, URL, KIND_LABEL, PHOTO_URL…) into `d`.
void FillItem(const Settings& s, const core::Env& env, const core::Ctx& ctx, const Item& i,
              ctemplate::TemplateDictionary& d);
// One loan's values (DATES, STATUS_LABEL, URL, people…) into `d`.
void FillLoan(const core::Env& env, const core::Ctx& ctx, const Loan& l,
              ctemplate::TemplateDictionary& d);
std::string PersonName(const core::Env& env, const core::Ctx& ctx, const std::string& name,
                       std::int64_t id);
core::FieldErrors ToErrors(const core::Env& env, const core::Ctx& ctx, const Problems& problems);
http::Response Refusal(const core::Env& env, core::Ctx& ctx, const Result& r);
// The item page; `errors` belong to the loan request (or done) form being re-displayed.
http::Response RenderItem(const Settings& s, const core::Env& env, core::Ctx& ctx, std::int64_t id,
                          const core::FieldErrors& errors, int status);

http::Response ListPage(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response ShowPage(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response NewForm(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response EditForm(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response CreateItem(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response UpdateItem(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response ChangeStatus(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response MarkDone(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response PhotoFile(const Settings& s, const core::Env& env, core::Ctx& ctx);

http::Response RequestLoan(const Settings& s, const core::Env& env, core::Ctx& ctx);
http::Response LoanPage(const Settings& s, const core::Env& env, core::Ctx& ctx);
// POST /loans/{lid}/{accept,decline,handover,return,cancel}
http::Response LoanAct(const Settings& s, const core::Env& env, core::Ctx& ctx, LoanAction a);

void HomeBlock(const Settings& s, const core::Env& env, core::Ctx& ctx,
               ctemplate::TemplateDictionary& body);
void MeBlock(const Settings& s, const core::Env& env, core::Ctx& ctx,
             ctemplate::TemplateDictionary& body);

}  // namespace placette::exchange
