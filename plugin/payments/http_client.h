// Outgoing HTTPS for the payment providers: a libcurl transport (TLS verification always on,
// connect and total timeouts) behind an injectable interface, and bounded retries with backoff.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "plugin/payments/provider.h"

namespace placette::payments {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;  // secrets allowed: never logged
    std::string body;
};

struct HttpResponse {
    long status = 0;
    Headers headers;  // lower-case names
    std::string body;
    std::string_view Header(std::string_view name) const;
};

// No HTTP answer at all: connection refused, DNS, TLS, timeout.
struct TransportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Transport {
  public:
    virtual ~Transport() = default;
    // One attempt; throws TransportError when no response came back.
    virtual HttpResponse Send(const HttpRequest& req) = 0;
};

struct HttpOptions {
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 20000;
    std::string user_agent = "Placette/" PLACETTE_VERSION;
};

// libcurl, one easy handle per call (calls come from several worker threads).
class CurlTransport : public Transport {
  public:
    explicit CurlTransport(HttpOptions options) : options_(std::move(options)) {}
    HttpResponse Send(const HttpRequest& req) override;

  private:
    HttpOptions options_;
};

struct RetryPolicy {
    int max_attempts = 3;  // including the first
    int base_backoff_ms = 250;
    int max_backoff_ms = 4000;
};

// True when the answer deserves another attempt: 5xx, 429, or Stripe-Should-Retry: true.
bool ShouldRetry(const HttpResponse& r);
// Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1): exponential, capped,
// and at least what a 429's Retry-After asks (capped too).
int BackoffMs(const RetryPolicy& policy, int attempt, const HttpResponse* last);

// Sends with retries; the request (headers included, so the same Idempotency-Key) is resent as
// is. Returns the last response, even a 5xx; throws TransportError when the last attempt had no
// response. `sleep` is injectable so tests do not wait.
class HttpClient {
  public:
    using SleepFn = std::function<void(int ms)>;
    HttpClient(std::shared_ptr<Transport> transport, RetryPolicy policy, SleepFn sleep = {});
    HttpResponse Send(const HttpRequest& req) const;

  private:
    std::shared_ptr<Transport> transport_;
    RetryPolicy policy_;
    SleepFn sleep_;
};

// application/x-www-form-urlencoded escaping of one key or value (RFC 3986 unreserved kept,
// space as %20); `keep_brackets` leaves '[' and ']' as stripe-php does for keys.
std::string FormEscape(std::string_view s, bool keep_brackets = false);

}  // namespace placette::payments
