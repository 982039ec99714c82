// Unit tests for plugin/payments/stripe's calls over a scripted transport: the request line,
// headers and key of each call; a 500 then success reuses the key; refunds go by payment_intent.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "plugin/payments/stripe.h"
#include "tests/unit/plugin/payments/fake_transport.h"

namespace placette::payments {
namespace {

using testing::FakeTransport;
using testing::NoSleepClient;

const std::string kSession = R"({"id":"cs_test_a1","object":"checkout.session","status":"open",
  "payment_status":"unpaid","url":"http://127.0.0.1:9/pay/cs_test_a1","amount_total":1250,"currency":"eur"})";
const std::string kPaidSession =
    R"({"id":"cs_test_a1","object":"checkout.session","status":"complete",
  "payment_status":"paid","amount_total":1250,"currency":"eur",
  "payment_intent":{"id":"pi_1","status":"succeeded","latest_charge":{"id":"ch_1","refunded":false}}})";

StripeSettings Settings() {
    StripeSettings s;
    s.api_base = "http://127.0.0.1:9";
    s.secret_key = "sk_test_123";
    s.webhook_secret = "whsec_x";
    return s;
}

CheckoutRequest Req() {
    return CheckoutRequest{42, core::Money{1250, "EUR"}, "Soutien", "http://s/ok", "http://s/no",
                           "", "pledge-42-checkout-1"};
}

class StripeProviderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StripeProviderTest);
    CPPUNIT_TEST(testCreateCheckoutRequest);
    CPPUNIT_TEST(testServerErrorThenSuccessReusesKey);
    CPPUNIT_TEST(testProviderDownIsUnavailable);
    CPPUNIT_TEST(testFetchStatusExpandsPaymentIntent);
    CPPUNIT_TEST(testRefundByPaymentIntent);
    CPPUNIT_TEST(testIdempotencyErrorIsRejected);
    CPPUNIT_TEST(testTestModeFromKey);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testCreateCheckoutRequest() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(200, kSession);
        StripeProvider p(Settings(), NoSleepClient(t));
        Checkout c = p.CreateCheckout(Req());
        CPPUNIT_ASSERT_EQUAL(std::string("cs_test_a1"), c.reference);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/pay/cs_test_a1"), c.redirect_url);
        CPPUNIT_ASSERT_EQUAL(std::string("POST"), t->sent[0].method);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v1/checkout/sessions"),
                             t->sent[0].url);
        CPPUNIT_ASSERT_EQUAL(std::string("Bearer sk_test_123"), t->HeaderOf(0, "Authorization"));
        CPPUNIT_ASSERT_EQUAL(std::string("pledge-42-checkout-1"),
                             t->HeaderOf(0, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(std::string("application/x-www-form-urlencoded"),
                             t->HeaderOf(0, "Content-Type"));
        CPPUNIT_ASSERT_EQUAL(stripe::CheckoutSessionForm(Req()), t->sent[0].body);
    }

    void testServerErrorThenSuccessReusesKey() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(500, R"({"error":{"type":"api_error","message":"boom"}})");
        t->Answer(200, kSession);
        StripeProvider p(Settings(), NoSleepClient(t));
        CPPUNIT_ASSERT_EQUAL(std::string("cs_test_a1"), p.CreateCheckout(Req()).reference);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, t->sent.size());
        CPPUNIT_ASSERT_EQUAL(t->HeaderOf(0, "Idempotency-Key"), t->HeaderOf(1, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(t->sent[0].body, t->sent[1].body);
    }

    void testProviderDownIsUnavailable() {
        auto t = std::make_shared<FakeTransport>();
        t->Fail();
        t->Fail();
        t->Fail();
        StripeProvider p(Settings(), NoSleepClient(t));
        try {
            p.CreateCheckout(Req());
            CPPUNIT_FAIL("expected ProviderError");
        } catch (const ProviderError& e) {
            CPPUNIT_ASSERT(e.unavailable());
            CPPUNIT_ASSERT(std::string(e.what()).find("sk_test") == std::string::npos);
        }
    }

    void testFetchStatusExpandsPaymentIntent() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(200, kPaidSession);
        StripeProvider p(Settings(), NoSleepClient(t));
        StatusReport r = p.FetchStatus("cs_test_a1");
        CPPUNIT_ASSERT(r.status == PaymentStatus::kPaid);
        CPPUNIT_ASSERT_EQUAL(std::string("pi_1"), r.payment_reference);
        CPPUNIT_ASSERT_EQUAL(std::string("GET"), t->sent[0].method);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v1/checkout/sessions/"
                                         "cs_test_a1?expand[]=payment_intent.latest_charge"),
                             t->sent[0].url);
        CPPUNIT_ASSERT_THROW(p.FetchStatus("cs_1/../../v1/refunds"), ProviderError);
    }

    void testRefundByPaymentIntent() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(200, kPaidSession);
        t->Answer(
            200,
            R"({"id":"re_1","object":"refund","status":"succeeded","payment_intent":"pi_1","amount":1250})");
        StripeProvider p(Settings(), NoSleepClient(t));
        RefundResult r =
            p.Refund({"cs_test_a1", core::Money{1250, "EUR"}, "pledge-42-refund-1", ""});
        CPPUNIT_ASSERT_EQUAL(std::string("re_1"), r.refund_reference);
        CPPUNIT_ASSERT(r.status == RefundStatus::kSucceeded);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/v1/refunds"), t->sent[1].url);
        CPPUNIT_ASSERT_EQUAL(std::string("payment_intent=pi_1&amount=1250"), t->sent[1].body);
        CPPUNIT_ASSERT_EQUAL(std::string("pledge-42-refund-1"), t->HeaderOf(1, "Idempotency-Key"));
    }

    void testIdempotencyErrorIsRejected() {
        auto t = std::make_shared<FakeTransport>();
        t->Answer(
            400,
            R"({"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}})");
        StripeProvider p(Settings(), NoSleepClient(t));
        try {
            p.CreateCheckout(Req());
            CPPUNIT_FAIL("expected ProviderError");
        } catch (const ProviderError& e) {
            CPPUNIT_ASSERT(!e.unavailable());
            CPPUNIT_ASSERT(std::string(e.what()).find("idempotency_error") != std::string::npos);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, t->sent.size());
    }

    void testTestModeFromKey() {
        StripeSettings s = Settings();
        CPPUNIT_ASSERT(StripeProvider(s, NoSleepClient(nullptr)).test_mode());
        s.secret_key = "sk_live_123";
        CPPUNIT_ASSERT(!StripeProvider(s, NoSleepClient(nullptr)).test_mode());
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StripeProviderTest, "payments");
}  // namespace placette::payments
