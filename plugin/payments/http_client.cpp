// libcurl transport (RAII handles, TLS verification on, timeouts, no redirects) and the retry
// loop shared by the providers. Logs name the method, host path and status, never bodies or keys.
#include "plugin/payments/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <thread>

#include "fcgi/form.h"
#include "plugin/core/active_workers.h"
#include "plugin/core/log.h"

namespace placette::payments {

namespace {
struct CurlDeleter {
    void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* out) {
    auto* body = static_cast<std::string*>(out);
    constexpr std::size_t kMaxBody = 4 * 1024 * 1024;
    if (body->size() + size * n > kMaxBody) return 0;  // aborts the transfer
    body->append(data, size * n);
    return size * n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* out) {
    auto* headers = static_cast<Headers*>(out);
    std::string_view line(data, size * n);
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() &&
               (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
            value.remove_suffix(1);
        }
        (*headers)[name] = std::string(value);
    }
    return size * n;
}

// "https://api.stripe.com/v1/refunds?x" → "api.stripe.com/v1/refunds", for logs.
std::string LogTarget(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    return std::string(url.substr(0, url.find('?')));
}

void SetRequestOptions(CURL* c, const HttpRequest& req, const HttpOptions& o, curl_slist* headers) {
    curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (req.method == "GET") {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req.method.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    }
}
}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view{} : std::string_view(it->second);
}

HttpResponse CurlTransport::Send(const HttpRequest& req) {
    CurlPtr curl(curl_easy_init());
    if (!curl) throw TransportError("curl_easy_init failed");
    SlistPtr list;
    for (const auto& [name, value] : req.headers) {
        std::string line = name + ": " + value;
        curl_slist* next = curl_slist_append(list.get(), line.c_str());
        if (next == nullptr) throw TransportError("curl_slist_append failed");
        (void)list.release();
        list.reset(next);
    }
    // An empty Expect: avoids the 1 s wait for "100 Continue" on larger bodies.
    curl_slist* next = curl_slist_append(list.get(), "Expect:");
    if (next == nullptr) throw TransportError("curl_slist_append failed");
    (void)list.release();
    list.reset(next);
    HttpResponse res;
    SetRequestOptions(curl.get(), req, options_, list.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &res.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &res.headers);
    // A spare worker takes requests while this one waits for the provider (active_workers.h).
    const CURLcode rc = core::WhileWaiting([&] { return curl_easy_perform(curl.get()); });
    if (rc != CURLE_OK) {
        throw TransportError(std::string(req.method) + " " + LogTarget(req.url) + ": " +
                             curl_easy_strerror(rc));
    }
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &res.status);
    return res;
}

bool ShouldRetry(const HttpResponse& r) {
    std::string_view hint = r.Header("stripe-should-retry");
    if (hint == "false") return false;
    if (hint == "true") return true;
    return r.status >= 500 || r.status == 429;
}

int BackoffMs(const RetryPolicy& policy, int attempt, const HttpResponse* last) {
    long long ms = static_cast<long long>(policy.base_backoff_ms) << std::min(attempt - 1, 20);
    ms = std::min<long long>(ms, policy.max_backoff_ms);
    if (last != nullptr && last->status == 429) {
        std::string_view after = last->Header("retry-after");
        long long seconds = 0;
        auto [p, ec] = std::from_chars(after.data(), after.data() + after.size(), seconds);
        if (ec == std::errc{} && p == after.data() + after.size()) {
            ms = std::max(ms, std::min<long long>(seconds * 1000, policy.max_backoff_ms));
        }
    }
    return static_cast<int>(ms);
}

HttpClient::HttpClient(std::shared_ptr<Transport> transport, RetryPolicy policy, SleepFn sleep)
    : transport_(std::move(transport)), policy_(policy), sleep_(std::move(sleep)) {
    if (!sleep_)
        sleep_ = [](int ms) {
            core::BlockingSection waiting;
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        };
    policy_.max_attempts = std::max(1, policy_.max_attempts);
}

HttpResponse HttpClient::Send(const HttpRequest& req) const {
    for (int attempt = 1;; ++attempt) {
        const bool last = attempt >= policy_.max_attempts;
        try {
            HttpResponse res = transport_->Send(req);
            if (last || !ShouldRetry(res)) return res;
            core::LogWarn(
                "msg=\"provider retry\" method=" + req.method + " target=" + LogTarget(req.url) +
                " status=" + std::to_string(res.status) + " attempt=" + std::to_string(attempt));
            sleep_(BackoffMs(policy_, attempt, &res));
        } catch (const TransportError& e) {
            core::LogWarn("msg=\"provider unreachable\" method=" + req.method +
                          " target=" + LogTarget(req.url) + " attempt=" + std::to_string(attempt) +
                          " what=\"" + e.what() + "\"");
            if (last) throw;
            sleep_(BackoffMs(policy_, attempt, nullptr));
        }
    }
}

std::string FormEscape(std::string_view s, bool keep_brackets) {
    std::string out = http::UrlEncode(s);
    if (!keep_brackets) return out;
    std::string kept;
    kept.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 3, "%5B") == 0 || out.compare(i, 3, "%5b") == 0) {
            kept += '[';
            i += 2;
        } else if (out.compare(i, 3, "%5D") == 0 || out.compare(i, 3, "%5d") == 0) {
            kept += ']';
            i += 2;
        } else {
            kept += out[i];
        }
    }
    return kept;
}

}  // namespace placette::payments
