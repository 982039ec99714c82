// Unit tests for plugin/payments/http_client: the retry policy (what is retried, how long it
// waits, the same request resent) over a scripted transport, and libcurl against a local server.
#include "plugin/payments/http_client.h"

#include <arpa/inet.h>
#include <cppunit/extensions/HelperMacros.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/unit/plugin/payments/fake_transport.h"

namespace placette::payments {
namespace {

using testing::FakeTransport;
using testing::NoSleepClient;

// A one-connection-at-a-time HTTP server on 127.0.0.1 answering `reply` verbatim (or never, when
// `silent`), keeping what it received.
class TinyServer {
  public:
    TinyServer(std::string reply, bool silent = false) : reply_(std::move(reply)), silent_(silent) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        ::listen(fd_, 4);
        thread_ = std::thread([this] { Serve(); });
    }
    ~TinyServer() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    std::string Url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    std::string received;

  private:
    void Serve() {
        int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        ReadRequest(c);
        if (!silent_) {
            ::send(c, reply_.data(), reply_.size(), MSG_NOSIGNAL);
        } else {
            while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::close(c);
    }
    // Reads the head and a Content-Length body (curl may send them in separate packets).
    void ReadRequest(int c) {
        char buf[8192];
        for (int i = 0; i < 50; ++i) {
            ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            received.append(buf, static_cast<std::size_t>(n));
            std::size_t head = received.find("\r\n\r\n");
            if (head == std::string::npos) continue;
            std::size_t cl = received.find("Content-Length: ");
            std::size_t want =
                cl == std::string::npos || cl > head ? 0 : std::stoul(received.substr(cl + 16));
            if (received.size() >= head + 4 + want) return;
        }
    }
    std::string reply_;
    bool silent_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

HttpRequest Post() {
    HttpRequest r;
    r.method = "POST";
    r.url = "http://127.0.0.1:9/v1/refunds";
    r.headers = {{"Idempotency-Key", "pledge-1-refund-1"}};
    r.body = "a=1";
    return r;
}

class HttpClientTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HttpClientTest);
    CPPUNIT_TEST(testRetriesOn500ThenSucceedsWithSameRequest);
    CPPUNIT_TEST(testRetriesOn429HonouringRetryAfter);
    CPPUNIT_TEST(testNoRetryOn4xx);
    CPPUNIT_TEST(testStripeShouldRetryHeader);
    CPPUNIT_TEST(testNetworkErrorsRetriedThenThrown);
    CPPUNIT_TEST(testLastResponseReturnedAfterAttempts);
    CPPUNIT_TEST(testBackoffIsExponentialAndCapped);
    CPPUNIT_TEST(testFormEscape);
    CPPUNIT_TEST(testCurlSendsHeadersAndBody);
    CPPUNIT_TEST(testCurlTimeout);
    CPPUNIT_TEST(testCurlConnectionRefused);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testRetriesOn500ThenSucceedsWithSameRequest() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(500, R"({"error":{"type":"api_error"}})");
        t->Answer(503, "");
        t->Answer(200, "{}");
        std::vector<int> waits;
        HttpResponse r = NoSleepClient(t, &waits).Send(Post());
        CPPUNIT_ASSERT_EQUAL(200L, r.status);
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, t->sent.size());
        for (std::size_t i = 0; i < 3; ++i) {
            CPPUNIT_ASSERT_EQUAL(std::string("pledge-1-refund-1"),
                                 t->HeaderOf(i, "Idempotency-Key"));
            CPPUNIT_ASSERT_EQUAL(std::string("a=1"), t->sent[i].body);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, waits.size());
    }

    void testRetriesOn429HonouringRetryAfter() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(429, "", {{"retry-after", "2"}});
        t->Answer(200, "{}");
        std::vector<int> waits;
        CPPUNIT_ASSERT_EQUAL(200L, NoSleepClient(t, &waits).Send(Post()).status);
        CPPUNIT_ASSERT_EQUAL(2000, waits.at(0));
    }

    void testNoRetryOn4xx() {
        for (long status : {400L, 401L, 402L, 404L, 422L}) {
            auto t = std::make_shared<FakeTransport>();
            t->Answer(status, "{}");
            CPPUNIT_ASSERT_EQUAL(status, NoSleepClient(t).Send(Post()).status);
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t->sent.size());
        }
    }

    void testStripeShouldRetryHeader() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(500, "{}", {{"stripe-should-retry", "false"}});
        CPPUNIT_ASSERT_EQUAL(500L, NoSleepClient(t).Send(Post()).status);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t->sent.size());
        auto t2 = std::make_shared<FakeTransport>();
        t2->Answer(409, "{}", {{"stripe-should-retry", "true"}});
        t2->Answer(200, "{}");
        CPPUNIT_ASSERT_EQUAL(200L, NoSleepClient(t2).Send(Post()).status);
    }

    void testNetworkErrorsRetriedThenThrown() {
        auto t = std::make_shared<FakeTransport>();
        t->Fail();
        t->Answer(200, "{}");
        CPPUNIT_ASSERT_EQUAL(200L, NoSleepClient(t).Send(Post()).status);
        auto down = std::make_shared<FakeTransport>();
        down->Fail();
        down->Fail();
        down->Fail();
        CPPUNIT_ASSERT_THROW(NoSleepClient(down).Send(Post()), TransportError);
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, down->sent.size());
    }

    void testLastResponseReturnedAfterAttempts() {
        auto t = std::make_shared<FakeTransport>();
        for (int i = 0; i < 4; ++i) t->Answer(502, "bad gateway");
        HttpResponse r = NoSleepClient(t, nullptr, 4).Send(Post());
        CPPUNIT_ASSERT_EQUAL(502L, r.status);
        CPPUNIT_ASSERT_EQUAL(std::size_t{4}, t->sent.size());
    }

    void testBackoffIsExponentialAndCapped() {
        RetryPolicy p{5, 100, 1000};
        CPPUNIT_ASSERT_EQUAL(100, BackoffMs(p, 1, nullptr));
        CPPUNIT_ASSERT_EQUAL(200, BackoffMs(p, 2, nullptr));
        CPPUNIT_ASSERT_EQUAL(400, BackoffMs(p, 3, nullptr));
        CPPUNIT_ASSERT_EQUAL(1000, BackoffMs(p, 5, nullptr));
        CPPUNIT_ASSERT_EQUAL(1000, BackoffMs(p, 60, nullptr));
        HttpResponse r{429, {{"retry-after", "3600"}}, ""};
        CPPUNIT_ASSERT_EQUAL(1000, BackoffMs(p, 1, &r));
    }

    void testFormEscape() {
        CPPUNIT_ASSERT_EQUAL(std::string("line_items[0][quantity]"),
                             FormEscape("line_items[0][quantity]", true));
        CPPUNIT_ASSERT_EQUAL(std::string("a%5Bb%5D"), FormEscape("a[b]"));
        CPPUNIT_ASSERT_EQUAL(std::string("a%20b%26c%3Dd%2B"), FormEscape("a b&c=d+"));
    }

    void testCurlSendsHeadersAndBody() {
        TinyServer server(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
            "Request-Id: req_1\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
        CurlTransport curl(HttpOptions{2000, 5000, "test"});
        HttpRequest req = Post();
        req.url = server.Url("/v1/refunds");
        req.headers.emplace_back("Authorization", "Bearer sk_test_x");
        HttpResponse r = curl.Send(req);
        CPPUNIT_ASSERT_EQUAL(201L, r.status);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"ok\":true}"), r.body);
        CPPUNIT_ASSERT_EQUAL(std::string_view("req_1"), r.Header("request-id"));
        CPPUNIT_ASSERT(server.received.find("POST /v1/refunds HTTP/1.1\r\n") == 0);
        CPPUNIT_ASSERT(server.received.find("Idempotency-Key: pledge-1-refund-1\r\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(server.received.find("Authorization: Bearer sk_test_x\r\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(server.received.find("\r\n\r\na=1") != std::string::npos);
    }

    void testCurlTimeout() {
        TinyServer server("", true);
        CurlTransport curl(HttpOptions{1000, 300, "test"});
        HttpRequest req = Post();
        req.url = server.Url("/slow");
        auto start = std::chrono::steady_clock::now();
        CPPUNIT_ASSERT_THROW(curl.Send(req), TransportError);
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    }

    void testCurlConnectionRefused() {
        CurlTransport curl(HttpOptions{1000, 2000, "test"});
        HttpRequest req = Post();
        req.url = "http://127.0.0.1:1/nothing";
        CPPUNIT_ASSERT_THROW(curl.Send(req), TransportError);
        req.url = "file:///etc/passwd";  // only http and https
        CPPUNIT_ASSERT_THROW(curl.Send(req), TransportError);
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HttpClientTest, "payments");
}  // namespace placette::payments
