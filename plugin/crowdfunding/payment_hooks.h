// Where the crowdfunding section meets plugin/payments: a hosted provider's checkout as the
// section's PaymentStarter, pledge transitions for webhooks, and the provider steps of tick.
#pragma once

#include <memory>
#include <ostream>

#include "plugin/core/config.h"
#include "plugin/core/context.h"
#include "plugin/crowdfunding/section.h"
#include "plugin/payments/gateway.h"

namespace placette::crowdfunding {

// For a hosted provider ([payments] provider = stripe | mollie): sets section.payments to its
// checkout and registers the payments routes (webhooks, "try again"). Manual: nothing changes.
void PlugPayments(core::RouteTable& routes, const core::Config& config, Section& section,
                  const std::shared_ptr<const Section>& bound);

// Applies a provider's status to a pledge through the Service (as the system actor).
payments::ApplyFn PledgeApplier(std::shared_ptr<const Rules> rules);

// Tick hooks that ask the provider (expire stale checkouts, refund paid pledges).
TickHooks PaymentTickHooks(core::db::Pool& pool, const Rules& rules,
                           const payments::Gateway& gateway);

// placette-admin tick / reconcile for the crowdfunding section; both print a short report.
int RunTick(core::db::Pool& pool, const core::Config& config, std::ostream& out);
int RunReconcile(core::db::Pool& pool, const core::Config& config, std::ostream& out);

}  // namespace placette::crowdfunding
