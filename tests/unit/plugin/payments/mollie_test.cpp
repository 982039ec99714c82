// Unit tests for plugin/payments/mollie: the payment body with string amounts, the id-only
// webhook (always fetched back), status mapping, and calls over a scripted transport.
#include "plugin/payments/mollie.h"

#include <cppunit/extensions/HelperMacros.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/unit/plugin/payments/fake_transport.h"

namespace placette::payments {
namespace {

using testing::FakeTransport;
using testing::NoSleepClient;

const std::string kPaymentJson = R"({"resource":"payment","id":"tr_WDqYK6vllg","mode":"test",
  "amount":{"currency":"EUR","value":"12.50"},"status":"open",
  "_links":{"checkout":{"href":"https://www.mollie.com/checkout/select-method/WDqYK6vllg"}}})";

class MollieTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MollieTest);
    CPPUNIT_TEST(testPaymentBody);
    CPPUNIT_TEST(testZeroDecimalCurrencyAmount);
    CPPUNIT_TEST(testStatusTable);
    CPPUNIT_TEST(testRefundStatusTable);
    CPPUNIT_TEST(testWebhookAccepts);
    CPPUNIT_TEST(testWebhookRejects);
    CPPUNIT_TEST(testCreateCheckoutCall);
    CPPUNIT_TEST(testFetchStatusCall);
    CPPUNIT_TEST(testRefundCall);
    CPPUNIT_TEST(testProblemJsonError);
    CPPUNIT_TEST(testMalformedIdNeverReachesUrl);
    CPPUNIT_TEST_SUITE_END();

    static CheckoutRequest Req() {
        return CheckoutRequest{42,
                               core::Money{1250, "EUR"},
                               "Soutien #42",
                               "https://v.example/participer/pledges/42",
                               "https://v.example/participer/projects/7",
                               "https://v.example/participer/webhooks/mollie",
                               "pledge-42-checkout-1"};
    }

  public:
    void testPaymentBody() {
        auto body = nlohmann::json::parse(mollie::PaymentBody(Req()));
        CPPUNIT_ASSERT_EQUAL(std::string("EUR"), body["amount"]["currency"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("12.50"), body["amount"]["value"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("Soutien #42"), body["description"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("https://v.example/participer/pledges/42"),
                             body["redirectUrl"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("https://v.example/participer/projects/7"),
                             body["cancelUrl"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("https://v.example/participer/webhooks/mollie"),
                             body["webhookUrl"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("42"), body["metadata"]["pledge_id"].get<std::string>());
    }

    void testZeroDecimalCurrencyAmount() {
        CheckoutRequest r = Req();
        r.amount = core::Money{500, "JPY"};
        auto body = nlohmann::json::parse(mollie::PaymentBody(r));
        CPPUNIT_ASSERT_EQUAL(std::string("500"), body["amount"]["value"].get<std::string>());
        r.amount = core::Money{5, "EUR"};
        body = nlohmann::json::parse(mollie::PaymentBody(r));
        CPPUNIT_ASSERT_EQUAL(std::string("0.05"), body["amount"]["value"].get<std::string>());
    }

    void testStatusTable() {
        const std::vector<std::pair<std::string, PaymentStatus>> cases = {
            {"open", PaymentStatus::kPending},       {"pending", PaymentStatus::kPending},
            {"authorized", PaymentStatus::kPending}, {"paid", PaymentStatus::kPaid},
            {"canceled", PaymentStatus::kCanceled},  {"expired", PaymentStatus::kExpired},
            {"failed", PaymentStatus::kFailed},
        };
        for (const auto& [word, want] : cases) {
            auto p = nlohmann::json::parse(kPaymentJson);
            p["status"] = word;
            CPPUNIT_ASSERT_MESSAGE(word, mollie::PaymentStatusOf(p).status == want);
        }
        auto p = nlohmann::json::parse(kPaymentJson);
        p["status"] = "paid";
        p["amountRefunded"] = {{"currency", "EUR"}, {"value", "5.00"}};
        CPPUNIT_ASSERT(mollie::PaymentStatusOf(p).status == PaymentStatus::kPaid);
        p["amountRefunded"] = {{"currency", "EUR"}, {"value", "12.50"}};
        CPPUNIT_ASSERT(mollie::PaymentStatusOf(p).status == PaymentStatus::kRefunded);
        CPPUNIT_ASSERT(mollie::PaymentStatusOf(p).amount == (core::Money{1250, "EUR"}));
    }

    void testRefundStatusTable() {
        CPPUNIT_ASSERT(mollie::MapRefundStatus("refunded") == RefundStatus::kSucceeded);
        for (auto s : {"queued", "pending", "processing"}) {
            CPPUNIT_ASSERT(mollie::MapRefundStatus(s) == RefundStatus::kPending);
        }
        CPPUNIT_ASSERT(mollie::MapRefundStatus("failed") == RefundStatus::kFailed);
        CPPUNIT_ASSERT(mollie::MapRefundStatus("canceled") == RefundStatus::kFailed);
    }

    void testWebhookAccepts() {
        auto n = mollie::ParseWebhook("id=tr_WDqYK6vllg");
        CPPUNIT_ASSERT(n.event.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("tr_WDqYK6vllg"), n.event->reference);
        CPPUNIT_ASSERT(n.event->needs_fetch);
        CPPUNIT_ASSERT(!n.event->status.has_value());  // the body is never trusted for a status
        CPPUNIT_ASSERT(mollie::ParseWebhook("status=paid&id=tr_abc").event->needs_fetch);
    }

    void testWebhookRejects() {
        const std::vector<std::string> bad = {"",
                                              "id=",
                                              "id=re_abc",
                                              "id=tr_",
                                              "id=tr_a%2Fb",
                                              "id=tr_a/../b",
                                              "{\"id\":\"tr_abc\"}",
                                              "id=tr_" + std::string(100, 'a')};
        for (const std::string& body : bad) {
            CPPUNIT_ASSERT_MESSAGE(body, !mollie::ParseWebhook(body).event.has_value());
        }
    }

    void testCreateCheckoutCall() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(201, kPaymentJson);
        MollieProvider p({"http://127.0.0.1:9", "test_abc"}, NoSleepClient(t));
        Checkout c = p.CreateCheckout(Req());
        CPPUNIT_ASSERT_EQUAL(std::string("tr_WDqYK6vllg"), c.reference);
        CPPUNIT_ASSERT_EQUAL(
            std::string("https://www.mollie.com/checkout/select-method/WDqYK6vllg"),
            c.redirect_url);
        CPPUNIT_ASSERT_EQUAL(std::string("POST"), t->sent[0].method);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v2/payments"), t->sent[0].url);
        CPPUNIT_ASSERT_EQUAL(std::string("Bearer test_abc"), t->HeaderOf(0, "Authorization"));
        CPPUNIT_ASSERT_EQUAL(std::string("pledge-42-checkout-1"),
                             t->HeaderOf(0, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(std::string("application/json"), t->HeaderOf(0, "Content-Type"));
        CPPUNIT_ASSERT(p.test_mode());
    }

    void testFetchStatusCall() {
        auto t = std::make_shared<FakeTransport>();
        auto paid = nlohmann::json::parse(kPaymentJson);
        paid["status"] = "paid";
        t->Answer(200, paid.dump());
        MollieProvider p({"http://127.0.0.1:9", "live_abc"}, NoSleepClient(t));
        CPPUNIT_ASSERT(p.FetchStatus("tr_WDqYK6vllg").status == PaymentStatus::kPaid);
        CPPUNIT_ASSERT_EQUAL(std::string("GET"), t->sent[0].method);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v2/payments/tr_WDqYK6vllg"),
                             t->sent[0].url);
        CPPUNIT_ASSERT_EQUAL(std::string(""), t->HeaderOf(0, "Idempotency-Key"));
        CPPUNIT_ASSERT(!p.test_mode());
    }

    void testRefundCall() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(201, R"({"resource":"refund","id":"re_4qqhO89gsT","status":"pending",
                           "paymentId":"tr_WDqYK6vllg","amount":{"currency":"EUR","value":"12.50"}})");
        MollieProvider p({"http://127.0.0.1:9", "test_abc"}, NoSleepClient(t));
        RefundResult r =
            p.Refund({"tr_WDqYK6vllg", core::Money{1250, "EUR"}, "pledge-42-refund-1", ""});
        CPPUNIT_ASSERT_EQUAL(std::string("re_4qqhO89gsT"), r.refund_reference);
        CPPUNIT_ASSERT(r.status == RefundStatus::kPending);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v2/payments/tr_WDqYK6vllg/refunds"),
                             t->sent[0].url);
        auto body = nlohmann::json::parse(t->sent[0].body);
        CPPUNIT_ASSERT_EQUAL(std::string("12.50"), body["amount"]["value"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("pledge-42-refund-1"), t->HeaderOf(0, "Idempotency-Key"));
    }

    void testProblemJsonError() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(
            422,
            R"({"status":422,"title":"Unprocessable Entity","detail":"The amount is lower than the minimum","field":"amount.value"})");
        MollieProvider p({"http://127.0.0.1:9", "test_abc"}, NoSleepClient(t));
        try {
            p.CreateCheckout(Req());
            CPPUNIT_FAIL("expected ProviderError");
        } catch (const ProviderError& e) {
            CPPUNIT_ASSERT(!e.unavailable());
            CPPUNIT_ASSERT_EQUAL(422, e.http_status());
            CPPUNIT_ASSERT(std::string(e.what()).find("amount.value") != std::string::npos);
        }
    }

    void testMalformedIdNeverReachesUrl() {
        auto t = std::make_shared<FakeTransport>();
        MollieProvider p({"http://127.0.0.1:9", "test_abc"}, NoSleepClient(t));
        CPPUNIT_ASSERT_THROW(p.FetchStatus("tr_1/../../v2/refunds"), ProviderError);
        CPPUNIT_ASSERT(t->sent.empty());
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MollieTest, "payments");
}  // namespace placette::payments
