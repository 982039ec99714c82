// Shared pieces of the crowdfunding pages: ids from the URL, paths, the answer to a command's
// outcome, campaign cards and funding figures, select options, labels of states and kinds.
#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fcgi/response.h"
#include "plugin/core/context.h"
#include "plugin/crowdfunding/section.h"
#include "plugin/crowdfunding/service.h"
#include "plugin/crowdfunding/text.h"

namespace placette::crowdfunding::views {

using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

// Status of a form re-displayed with errors.
inline constexpr int kInvalidForm = 422;

Texts TextsOf(const core::Env& env, const core::Ctx& ctx);
// A positive {name:int} route capture; 404 for anything else.
std::int64_t IdParam(const core::Ctx& ctx, std::string_view name);
std::string ProjectPath(const core::Env& env, const Campaign& k);  // base + /projects/ID-slug
std::string ProjectPath(const core::Env& env, std::int64_t id);
std::string PledgePath(const core::Env& env, std::int64_t id);
// "1500" or "1500,50" (fr) / "1500.50" (en): an amount as typed back into a form field.
std::string AmountInput(std::int64_t minor, const std::string& lang);
// The campaign of the {id} route for an owner's action: 404 unknown, 403 someone else's.
Campaign OwnedCampaign(const Section& s, const core::Env& env, const core::Ctx& ctx);
// "P-000042": what backers tell the town hall desk.
std::string PledgeReference(std::int64_t id);

// Ok → 303 to `to`; not found → 404; forbidden → 403; conflict → themed 409 explaining why.
// kInvalid is the caller's to re-display.
http::Response AfterCommand(const core::Env& env, core::Ctx& ctx, const Outcome& o,
                            const std::string& to);
// Throws the 404/403 of an outcome; returns the themed 409 for a conflict, or nothing.
std::optional<http::Response> Refusal(const core::Env& env, core::Ctx& ctx, const Outcome& o);

// TITLE, URL, SUMMARY, STATE_*, THEME, NEIGHBOURHOOD, OWNER and the funding figures.
void FillCard(const core::Env& env, const Texts& tx, const Campaign& k, std::int64_t now,
              ctemplate::TemplateDictionary& d);
// RAISED, GOAL, PERCENT, PROGRESS (0–100), FUNDING_TEXT, DAYS_LEFT_TEXT, MODEL_TEXT.
void FillFunding(const Texts& tx, const Campaign& k, std::int64_t now,
                 ctemplate::TemplateDictionary& d);
// One `section` dictionary per option with VALUE, LABEL and SELECTED for `selected`.
void AddOptions(ctemplate::TemplateDictionary& d, const std::string& section,
                const Options& options, std::string_view selected);
Options ThemeOptions(const Rules& rules, const Texts& tx);
Options NeighbourhoodOptions(const Rules& rules, const Texts& tx);
Options NeedKindOptions(const Texts& tx);
// "Du 12 mai 2026 au 14 mai 2026" / "Le 12 mai 2026"; "" for a need without dates.
std::string NeedDates(const Texts& tx, const Need& n);
std::string StateLabel(const Texts& tx, State s);
std::string PledgeStateLabel(const Texts& tx, PledgeState s);
// Adds the cards of `items` under `section` of `d`, each including crowdfunding/card.tpl.
void AddCards(const core::Env& env, const core::Ctx& ctx, const Texts& tx,
              const std::vector<Campaign>& items, ctemplate::TemplateDictionary& d,
              const std::string& section);

}  // namespace placette::crowdfunding::views
