// What the crowdfunding section keeps for the life of the application: its site rules and how a
// new pledge gets paid (the manual provider here; a hosted provider plugs in the same way).
#pragma once

#include <memory>
#include <string>

#include "plugin/core/context.h"
#include "plugin/crowdfunding/model.h"
#include "plugin/crowdfunding/service.h"

namespace placette::crowdfunding {

// The payment step after a pledge is recorded (outside its transaction). A hosted provider
// creates a checkout, stores its reference on the pledge and returns the provider's page; the
// manual provider returns the pledge's own page, which explains how to pay at the town hall.
class PaymentStarter {
  public:
    virtual ~PaymentStarter() = default;
    virtual std::string name() const = 0;
    // `pledge_path` is the pledge's page below the site (base path included): where the citizen
    // lands after paying. Returns the URL to send the citizen to (303).
    virtual std::string Start(const core::Env& env, const Pledge& pledge,
                              const std::string& pledge_path) = 0;
};

class ManualStarter : public PaymentStarter {
  public:
    std::string name() const override { return "manual"; }
    std::string Start(const core::Env&, const Pledge&, const std::string& pledge_path) override {
        return pledge_path;
    }
};

struct Section {
    Rules rules;
    std::unique_ptr<PaymentStarter> payments;

    Service Svc(const core::Env& env) const { return Service(env.pool, rules); }
};

}  // namespace placette::crowdfunding
