// The payments URLs: POST /webhooks/{provider} (no session, no CSRF; verified by signature or
// fetch-back) and the "try again" page shown when the provider could not be reached.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "plugin/core/context.h"
#include "plugin/payments/gateway.h"

namespace placette::payments {

// Registers the routes; `apply` moves pledges (the crowdfunding section provides it).
void Register(core::RouteTable& routes, std::shared_ptr<const Gateway> gateway, ApplyFn apply);

// Below the site: where a citizen goes when the checkout could not be created.
std::string UnavailablePath(const std::string& base_path, std::int64_t pledge_id);

// "TEST MODE …" / "Real payments …" for the staff pages.
std::string ModeText(const core::Env& env, const core::Ctx& ctx, const Gateway& gateway);

}  // namespace placette::payments
