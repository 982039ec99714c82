// The hosted checkout behind PaymentStarter (a provider that does not answer sends the citizen
// to a "try again" page), provider statuses turned into Service commands, tick and reconcile.
#include "plugin/crowdfunding/payment_hooks.h"

#include "plugin/core/clock.h"
#include "plugin/core/log.h"
#include "plugin/crowdfunding/views.h"
#include "plugin/payments/routes.h"

namespace placette::crowdfunding {

namespace {
using payments::Applied;
using payments::PaymentStatus;

class HostedStarter : public PaymentStarter {
  public:
    explicit HostedStarter(std::shared_ptr<const payments::Gateway> gw) : gw_(std::move(gw)) {}
    std::string name() const override { return std::string(gw_->provider().name()); }
    std::string Start(const core::Env& env, const Pledge& p,
                      const std::string& pledge_path) override {
        payments::StartRequest req;
        req.pledge_id = p.id;
        req.backer_id = p.backer_id;
        req.amount = core::Money{p.amount, p.currency};
        req.description = p.campaign_title + " — " + views::PledgeReference(p.id);
        req.success_path = pledge_path;
        req.cancel_path = pledge_path;
        payments::StartResult r = gw_->StartCheckout(env.pool, req);
        return r.ok ? r.redirect_url : payments::UnavailablePath(env.config.base_path, p.id);
    }

  private:
    std::shared_ptr<const payments::Gateway> gw_;
};

Applied Apply(core::db::Pool& pool, const Rules& rules, std::int64_t id, PaymentStatus st,
              const std::string& receipt) {
    Service svc(pool, rules);
    const Actor system = Actor::System();
    Outcome o;
    switch (st) {
        case PaymentStatus::kPaid:
            o = svc.ConfirmPaid(system, id, receipt);
            break;
        case PaymentStatus::kRefunded:
            o = svc.ConfirmRefund(system, id, receipt);
            break;
        case PaymentStatus::kFailed:
        case PaymentStatus::kCanceled:
            o = svc.FailPledge(system, id);
            break;
        case PaymentStatus::kExpired:  // abandoned checkout: tick expires the pledge (pending →
                                       // expired)
        case PaymentStatus::kPending:
            return Applied::kUnchanged;
    }
    if (!o.ok()) {
        if (st == PaymentStatus::kPaid) {  // money taken for a pledge that moved on: staff must act
            core::LogError("msg=\"payment for a pledge that is no longer pending\" pledge=" +
                           std::to_string(id) + " receipt=" + receipt);
        }
        return Applied::kRefused;
    }
    return o.changed ? Applied::kChanged : Applied::kUnchanged;
}
}  // namespace

payments::ApplyFn PledgeApplier(std::shared_ptr<const Rules> rules) {
    return [rules](core::db::Pool& pool, std::int64_t id, PaymentStatus st,
                   const std::string& receipt) { return Apply(pool, *rules, id, st, receipt); };
}

void PlugPayments(core::RouteTable& routes, const core::Config& config, Section& section,
                  const std::shared_ptr<const Section>& bound) {
    auto gw = std::make_shared<const payments::Gateway>(config);
    if (!gw->provider().redirects()) return;  // manual: the section's ManualStarter stays
    section.payments = std::make_unique<HostedStarter>(gw);
    payments::Register(routes, gw,
                       PledgeApplier(std::shared_ptr<const Rules>(bound, &bound->rules)));
}

TickHooks PaymentTickHooks(core::db::Pool& pool, const Rules& rules, const payments::Gateway& gw) {
    TickHooks h;
    h.provider_confirms_unpaid = [&pool, &rules, &gw](const Pledge& p) {
        auto s = gw.SettleStale(pool, p.id);
        if (!s) return false;
        if (s->status == PaymentStatus::kPaid) {  // the webhook never came: settle it now
            Apply(pool, rules, p.id, PaymentStatus::kPaid,
                  s->payment_reference.empty() ? s->reference : s->payment_reference);
            return false;
        }
        return s->status == PaymentStatus::kExpired || s->status == PaymentStatus::kFailed ||
               s->status == PaymentStatus::kCanceled;
    };
    h.provider_refund = [&pool, &gw](const Pledge& p) {
        return gw.Refund(pool, p.id, core::Money{p.amount, p.currency}) ==
               payments::RefundStep::kConfirmed;
    };
    return h;
}

int RunTick(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    const Rules rules = LoadRules(config.ini);
    payments::Gateway gw(config);
    TickReport r = Service(pool, rules).Tick(core::NowSeconds(), PaymentTickHooks(pool, rules, gw));
    out << "crowdfunding: " << r.succeeded << " campaign(s) succeeded, " << r.failed << " failed; "
        << r.refunds_requested << " refund(s) requested, " << r.refunded << " refunded by "
        << gw.provider().name() << "; " << r.expired << " pledge(s) expired; " << r.waiting_provider
        << " waiting for the provider.\n";
    return 0;
}

int RunReconcile(core::db::Pool& pool, const core::Config& config, std::ostream& out) {
    const Rules rules = LoadRules(config.ini);
    payments::Gateway gw(config);
    if (!gw.provider().redirects()) {
        out << "reconcile: the manual provider has nothing to ask; staff confirm payments in "
               "/staff/pledges.\n";
        return 0;
    }
    const std::int64_t cutoff =
        core::NowSeconds() - std::int64_t{rules.pending_timeout_minutes} * 60;
    std::vector<std::int64_t> stale;
    for (const Pledge& p : Service(pool, rules).PledgesInState(PledgeState::kPending, 1000)) {
        if (p.provider != "manual" && p.created_at < cutoff) stale.push_back(p.id);
    }
    auto apply = PledgeApplier(std::make_shared<const Rules>(rules));
    auto lines = gw.Reconcile(pool, stale, apply);
    for (const auto& l : lines) {
        out << "pledge " << l.pledge_id << " (" << (l.reference.empty() ? "-" : l.reference) << ", "
            << (l.provider_status.empty() ? "-" : l.provider_status) << "): " << l.action << "\n";
    }
    out << "reconcile: " << lines.size() << " pending pledge(s) older than "
        << rules.pending_timeout_minutes << " minutes asked to " << gw.provider().name() << ".\n";
    return 0;
}

}  // namespace placette::crowdfunding
