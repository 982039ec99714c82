// A scripted Transport for the payments unit tests: records every request and answers from a
// queue (a response, or a network error), so provider calls and retries run without a network.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "plugin/payments/http_client.h"

namespace placette::payments::testing {

struct NetworkDown {};

class FakeTransport : public Transport {
  public:
    std::vector<HttpRequest> sent;
    std::deque<std::variant<HttpResponse, NetworkDown>> answers;

    void Answer(long status, std::string body, Headers headers = {}) {
        answers.emplace_back(HttpResponse{status, std::move(headers), std::move(body)});
    }
    void Fail() { answers.emplace_back(NetworkDown{}); }

    HttpResponse Send(const HttpRequest& req) override {
        sent.push_back(req);
        if (answers.empty()) throw TransportError("no scripted answer");
        auto next = answers.front();
        answers.pop_front();
        if (std::holds_alternative<NetworkDown>(next)) throw TransportError("connection refused");
        return std::get<HttpResponse>(next);
    }

    std::string HeaderOf(std::size_t i, const std::string& name) const {
        for (const auto& [k, v] : sent.at(i).headers) {
            if (k == name) return v;
        }
        return "";
    }
};

// A client over `t` that never sleeps and records the waits.
inline HttpClient NoSleepClient(std::shared_ptr<FakeTransport> t, std::vector<int>* waits = nullptr,
                                int attempts = 3) {
    RetryPolicy p;
    p.max_attempts = attempts;
    return HttpClient(std::move(t), p, [waits](int ms) {
        if (waits != nullptr) waits->push_back(ms);
    });
}

}  // namespace placette::payments::testing
