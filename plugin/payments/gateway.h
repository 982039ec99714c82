// What the rest of Placette asks of payments: start a checkout (key stored before the call),
// handle a provider notification, settle a stale pending pledge, refund a pledge, reconcile.
// Pledge transitions stay with the crowdfunding section, reached through ApplyFn.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/payments/config.h"
#include "plugin/payments/provider.h"

namespace placette::payments {

namespace repo {
struct Attempt;
}

// What applying a provider's status to a pledge did.
enum class Applied { kChanged, kUnchanged, kRefused };
// Applies `status` (paid, failed, canceled, expired, refunded) to the pledge, idempotently and
// never backwards (a late failure after paid is kRefused). `receipt` is the provider's reference.
using ApplyFn = std::function<Applied(core::db::Pool& pool, std::int64_t pledge_id,
                                      PaymentStatus status, const std::string& receipt)>;

struct StartRequest {
    std::int64_t pledge_id = 0, backer_id = 0;
    core::Money amount;
    std::string description;
    std::string success_path, cancel_path;  // below the site, base path included ("/participer/…")
};

struct StartResult {
    bool ok = false;
    std::string redirect_url;  // the provider's hosted page (ok)
    std::string error;         // for the log (not ok)
};

struct NotificationResult {
    int http_status = 200;  // 2xx only once recorded; 400 refused; 503 retry later
    std::string outcome;  // changed, unchanged, refused, duplicate, ignored, unknown_reference, …
};

enum class RefundStep { kConfirmed, kWaiting, kFailed, kNoPayment };

struct ReconcileLine {
    std::int64_t pledge_id = 0;
    std::string reference, provider_status, action;
};

class Gateway {
  public:
    Gateway(const core::Config& config, std::unique_ptr<Provider> provider);
    // From [payments] (and the secrets file); throws core::ConfigError.
    explicit Gateway(const core::Config& config);

    Provider& provider() const { return *provider_; }
    const PaymentsConfig& settings() const { return cfg_; }
    // Absolute URL of a path below the site ("/participer/pledges/4" →
    // "https://ville…/participer/pledges/4").
    std::string Absolute(const std::string& path) const;
    // "/participer/webhooks/stripe": the URL to register with the provider, below the site.
    std::string WebhookPath() const;

    StartResult StartCheckout(core::db::Pool& pool, const StartRequest& req) const;
    // The citizen's "try again": the same key and parameters as the first attempt.
    StartResult RetryCheckout(core::db::Pool& pool, std::int64_t pledge_id,
                              std::int64_t backer_id) const;

    NotificationResult HandleNotification(core::db::Pool& pool, const Headers& headers,
                                          std::string_view body, const ApplyFn& apply) const;

    // For a pledge pending past its timeout: makes sure its checkout can no longer be paid
    // (re-sending a lost creation with its key, then expiring it) and returns the provider's
    // status; nullopt when the provider could not be reached.
    std::optional<StatusReport> SettleStale(core::db::Pool& pool, std::int64_t pledge_id) const;

    // Refunds a paid pledge through the provider with one key per pledge; kConfirmed once the
    // provider says the money went back.
    RefundStep Refund(core::db::Pool& pool, std::int64_t pledge_id,
                      const core::Money& amount) const;

    // Asks the provider about each pledge and applies the answer; one line per pledge.
    std::vector<ReconcileLine> Reconcile(core::db::Pool& pool,
                                         const std::vector<std::int64_t>& pledge_ids,
                                         const ApplyFn& apply) const;

  private:
    NotificationResult Apply(core::db::Pool& pool, const Notification& n,
                             const ApplyFn& apply) const;
    StartResult Create(core::db::Pool& pool, const repo::Attempt& attempt) const;

    PaymentsConfig cfg_;
    std::string public_base_;  // host_url without its trailing '/'
    std::string base_path_;
    std::unique_ptr<Provider> provider_;
};

}  // namespace placette::payments
