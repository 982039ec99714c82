// The crowdfunding section's HTTP handlers (thin: request → service → view), grouped by page
// family; routes.cpp binds each to its URL with the section's rules.
#pragma once

#include "fcgi/response.h"
#include "plugin/core/context.h"
#include "plugin/crowdfunding/section.h"

namespace placette::crowdfunding::handlers {

using core::Ctx;
using core::Env;
using http::Response;

// handlers_campaigns.cpp
Response NewForm(const Section& s, const Env& env, Ctx& ctx);
Response Create(const Section& s, const Env& env, Ctx& ctx);
Response Show(const Section& s, const Env& env, Ctx& ctx);
Response EditForm(const Section& s, const Env& env, Ctx& ctx);
Response Save(const Section& s, const Env& env, Ctx& ctx);
Response Submit(const Section& s, const Env& env, Ctx& ctx);
Response Cancel(const Section& s, const Env& env, Ctx& ctx);
Response Realised(const Section& s, const Env& env, Ctx& ctx);

// handlers_manage.cpp
Response Manage(const Section& s, const Env& env, Ctx& ctx);
Response PostUpdate(const Section& s, const Env& env, Ctx& ctx);
Response OfferAccept(const Section& s, const Env& env, Ctx& ctx);
Response OfferDecline(const Section& s, const Env& env, Ctx& ctx);

// handlers_items.cpp
Response RewardNewForm(const Section& s, const Env& env, Ctx& ctx);
Response RewardCreate(const Section& s, const Env& env, Ctx& ctx);
Response RewardEditForm(const Section& s, const Env& env, Ctx& ctx);
Response RewardUpdate(const Section& s, const Env& env, Ctx& ctx);
Response NeedNewForm(const Section& s, const Env& env, Ctx& ctx);
Response NeedCreate(const Section& s, const Env& env, Ctx& ctx);
Response NeedEditForm(const Section& s, const Env& env, Ctx& ctx);
Response NeedUpdate(const Section& s, const Env& env, Ctx& ctx);
Response OfferForm(const Section& s, const Env& env, Ctx& ctx);
Response OfferCreate(const Section& s, const Env& env, Ctx& ctx);

// handlers_pledges.cpp
Response BackForm(const Section& s, const Env& env, Ctx& ctx);
Response PledgeCreate(const Section& s, const Env& env, Ctx& ctx);
Response PledgeShow(const Section& s, const Env& env, Ctx& ctx);

// handlers_staff.cpp
Response StaffQueue(const Section& s, const Env& env, Ctx& ctx);
Response StaffReview(const Section& s, const Env& env, Ctx& ctx);
Response StaffApprove(const Section& s, const Env& env, Ctx& ctx);
Response StaffRequestChanges(const Section& s, const Env& env, Ctx& ctx);
Response StaffReject(const Section& s, const Env& env, Ctx& ctx);
Response StaffFeature(const Section& s, const Env& env, Ctx& ctx);
Response StaffPledges(const Section& s, const Env& env, Ctx& ctx);
Response StaffReceived(const Section& s, const Env& env, Ctx& ctx);
Response StaffCancelPledge(const Section& s, const Env& env, Ctx& ctx);
Response StaffRefunded(const Section& s, const Env& env, Ctx& ctx);

// handlers_list.cpp
Response List(const Section& s, const Env& env, Ctx& ctx);
void HomeBlock(const Section& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body);
void MeBlock(const Section& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body);
void StaffBlock(const Section& s, const Env& env, Ctx& ctx, ctemplate::TemplateDictionary& body);

}  // namespace placette::crowdfunding::handlers
