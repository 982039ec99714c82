// Unit tests for plugin/payments/stripe: Stripe-Signature with the spec's vector (valid, forged,
// stale, several v1, malformed), event parsing, the exact Checkout Session form, status mapping.
#include "plugin/payments/stripe.h"

#include <cppunit/extensions/HelperMacros.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace placette::payments {
namespace {

using stripe::SignatureCheck;

const std::string kSecret = "whsec_testsecret123";
const std::string kBody =
    R"({"id":"evt_test_1","object":"event","type":"checkout.session.completed"})";
const std::string kV1 = "5919eb981ff289482a1d3b593875c640315491c3c529eca9e649506f9f078a27";
constexpr std::int64_t kT = 1700000000;

std::string Event(const std::string& type, const std::string& object) {
    return R"({"id":"evt_1","object":"event","type":")" + type + R"(","data":{"object":)" + object +
           "}}";
}

class StripeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StripeTest);
    CPPUNIT_TEST(testSpecVectorComputes);
    CPPUNIT_TEST(testSpecVectorVerifies);
    CPPUNIT_TEST(testForgedSignatureRejected);
    CPPUNIT_TEST(testTamperedBodyRejected);
    CPPUNIT_TEST(testWrongSecretRejected);
    CPPUNIT_TEST(testStaleTimestampRejected);
    CPPUNIT_TEST(testToleranceZeroDisablesAge);
    CPPUNIT_TEST(testSeveralV1AnyMatches);
    CPPUNIT_TEST(testV0IgnoredAndMalformedHeaders);
    CPPUNIT_TEST(testHeaderParsing);
    CPPUNIT_TEST(testParseNotificationUsesHeader);
    CPPUNIT_TEST(testEventStatusTable);
    CPPUNIT_TEST(testEventRejections);
    CPPUNIT_TEST(testCheckoutSessionFormExact);
    CPPUNIT_TEST(testSessionStatusTable);
    CPPUNIT_TEST(testRefundStatusTable);
    CPPUNIT_TEST(testErrorKinds);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testSpecVectorComputes() {
        CPPUNIT_ASSERT_EQUAL(kV1, stripe::ComputeSignature(kSecret, kT, kBody));
    }

    void testSpecVectorVerifies() {
        std::string header = "t=1700000000,v1=" + kV1;
        CPPUNIT_ASSERT(SignatureCheck::kValid ==
                       stripe::VerifySignature(header, kBody, kSecret, kT, 300));
        CPPUNIT_ASSERT(SignatureCheck::kValid ==
                       stripe::VerifySignature(header, kBody, kSecret, kT + 300, 300));
        CPPUNIT_ASSERT(SignatureCheck::kValid ==
                       stripe::VerifySignature(header, kBody, kSecret, kT - 300, 300));
    }

    void testForgedSignatureRejected() {
        std::string forged = kV1;
        forged[0] = forged[0] == '5' ? '6' : '5';
        CPPUNIT_ASSERT(
            SignatureCheck::kNoMatch ==
            stripe::VerifySignature("t=1700000000,v1=" + forged, kBody, kSecret, kT, 300));
        CPPUNIT_ASSERT(SignatureCheck::kNoMatch ==
                       stripe::VerifySignature("t=1700000001,v1=" + kV1, kBody, kSecret, kT, 300));
        CPPUNIT_ASSERT(
            SignatureCheck::kNoMatch ==
            stripe::VerifySignature("t=1700000000,v1=" + kV1.substr(1), kBody, kSecret, kT, 300));
    }

    void testTamperedBodyRejected() {
        std::string body = kBody;
        body.insert(body.size() - 1, " ");
        CPPUNIT_ASSERT(SignatureCheck::kNoMatch ==
                       stripe::VerifySignature("t=1700000000,v1=" + kV1, body, kSecret, kT, 300));
    }

    void testWrongSecretRejected() {
        CPPUNIT_ASSERT(SignatureCheck::kNoMatch == stripe::VerifySignature("t=1700000000,v1=" + kV1,
                                                                           kBody, "whsec_other", kT,
                                                                           300));
        CPPUNIT_ASSERT(SignatureCheck::kMalformed ==
                       stripe::VerifySignature("t=1700000000,v1=" + kV1, kBody, "", kT, 300));
    }

    void testStaleTimestampRejected() {
        std::string header = "t=1700000000,v1=" + kV1;
        CPPUNIT_ASSERT(SignatureCheck::kStale ==
                       stripe::VerifySignature(header, kBody, kSecret, kT + 301, 300));
        CPPUNIT_ASSERT(SignatureCheck::kStale ==
                       stripe::VerifySignature(header, kBody, kSecret, kT - 301, 300));
        CPPUNIT_ASSERT(SignatureCheck::kStale ==
                       stripe::VerifySignature(header, kBody, kSecret, kT + 86400, 300));
    }

    void testToleranceZeroDisablesAge() {
        std::string header = "t=1700000000,v1=" + kV1;
        CPPUNIT_ASSERT(SignatureCheck::kValid ==
                       stripe::VerifySignature(header, kBody, kSecret, kT + 999999, 0));
    }

    void testSeveralV1AnyMatches() {
        std::string bad(64, 'a');
        for (const std::string& header :
             {"t=1700000000,v1=" + bad + ",v1=" + kV1, "t=1700000000,v1=" + kV1 + ",v1=" + bad,
              "v1=" + bad + ", t=1700000000 ,v1=" + kV1}) {
            CPPUNIT_ASSERT_MESSAGE(
                header,
                SignatureCheck::kValid == stripe::VerifySignature(header, kBody, kSecret, kT, 300));
        }
        CPPUNIT_ASSERT(SignatureCheck::kNoMatch ==
                       stripe::VerifySignature("t=1700000000,v1=" + bad + ",v1=" + bad, kBody,
                                               kSecret, kT, 300));
    }

    void testV0IgnoredAndMalformedHeaders() {
        CPPUNIT_ASSERT(SignatureCheck::kMalformed ==
                       stripe::VerifySignature("t=1700000000,v0=" + kV1, kBody, kSecret, kT, 300));
        const std::vector<std::string> malformed = {"",
                                                    "garbage",
                                                    "v1=" + kV1,
                                                    "t=,v1=" + kV1,
                                                    "t=17x,v1=" + kV1,
                                                    "t=1700000000",
                                                    "t=99999999999999999999999,v1=" + kV1,
                                                    "t=-,v1=" + kV1};
        for (const auto& h : malformed) {
            CPPUNIT_ASSERT_MESSAGE(h, SignatureCheck::kMalformed ==
                                          stripe::VerifySignature(h, kBody, kSecret, kT, 300));
        }
    }

    void testHeaderParsing() {
        auto h = stripe::ParseSignatureHeader("t=12,v1=aa,v0=bb,v1=cc,x=y,novalue");
        CPPUNIT_ASSERT(h.has_value());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{12}, h->timestamp);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, h->v1.size());
        CPPUNIT_ASSERT_EQUAL(std::string("cc"), h->v1[1]);
        // The value keeps everything after the first '='.
        auto eq = stripe::ParseSignatureHeader("t=1,v1=a=b");
        CPPUNIT_ASSERT_EQUAL(std::string("a=b"), eq->v1[0]);
    }

    void testParseNotificationUsesHeader() {
        StripeSettings s;
        s.webhook_secret = kSecret;
        s.tolerance_s = 0;  // the vector's t is in the past
        StripeProvider p(s, HttpClient(nullptr, {}));
        std::string body =
            Event("checkout.session.completed",
                  R"({"id":"cs_test_1","payment_status":"paid","payment_intent":"pi_1"})");
        Headers h{
            {"stripe-signature", "t=1700000000,v1=" + stripe::ComputeSignature(kSecret, kT, body)}};
        auto ok = p.ParseNotification(h, body);
        CPPUNIT_ASSERT(ok.event.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("cs_test_1"), ok.event->reference);
        CPPUNIT_ASSERT_EQUAL(std::string("pi_1"), ok.event->payment_reference);
        CPPUNIT_ASSERT(ok.event->status == PaymentStatus::kPaid);
        CPPUNIT_ASSERT(!p.ParseNotification({}, body).event.has_value());
        s.tolerance_s = 300;  // now the same header is stale
        StripeProvider strict(s, HttpClient(nullptr, {}));
        auto stale = strict.ParseNotification(h, body);
        CPPUNIT_ASSERT(!stale.event.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("timestamp outside the tolerance window"),
                             stale.rejection);
    }

    void testEventStatusTable() {
        struct Case {
            std::string type, object;
            std::optional<PaymentStatus> want;
        };
        const std::vector<Case> cases = {
            {"checkout.session.completed", R"({"id":"cs_1","payment_status":"paid"})",
             PaymentStatus::kPaid},
            {"checkout.session.completed",
             R"({"id":"cs_1","payment_status":"no_payment_required"})", PaymentStatus::kPaid},
            {"checkout.session.completed", R"({"id":"cs_1","payment_status":"unpaid"})",
             PaymentStatus::kPending},
            {"checkout.session.async_payment_succeeded", R"({"id":"cs_1"})", PaymentStatus::kPaid},
            {"checkout.session.async_payment_failed", R"({"id":"cs_1"})", PaymentStatus::kFailed},
            {"checkout.session.expired", R"({"id":"cs_1"})", PaymentStatus::kExpired},
            {"charge.refunded", R"({"id":"ch_1","payment_intent":"pi_1","refunded":true})",
             PaymentStatus::kRefunded},
            {"charge.refunded", R"({"id":"ch_1","payment_intent":"pi_1","refunded":false})",
             std::nullopt},
            {"payment_intent.created", R"({"id":"pi_1"})", std::nullopt},
            {"customer.created", R"({"id":"cus_1"})", std::nullopt},
        };
        for (const auto& c : cases) {
            auto parsed = stripe::ParseEvent(Event(c.type, c.object));
            CPPUNIT_ASSERT_MESSAGE(c.type + parsed.rejection, parsed.event.has_value());
            CPPUNIT_ASSERT_MESSAGE(c.type + " " + c.object, parsed.event->status == c.want);
            CPPUNIT_ASSERT_EQUAL(std::string("evt_1"), parsed.event->event_id);
        }
    }

    void testEventRejections() {
        const std::vector<std::string> bad = {
            "",
            "null",
            "[]",
            "{",
            R"({"id":"evt_1","type":"x","data":{"object":{}}})",
            R"({"object":"event","type":"x","data":{"object":{}}})",
            R"({"id":"evt_1","object":"event","data":{"object":{}}})",
            R"({"id":"evt_1","object":"event","type":"x"})",
            R"({"id":"evt_1","object":"event","type":"x","data":{"object":"s"}})",
            R"({"id":"evt/../1","object":"event","type":"x","data":{"object":{}}})",
            Event("checkout.session.expired", R"({"id":"cs_1/../x"})"),
            Event("checkout.session.expired", R"({"status":"expired"})"),
        };
        for (const auto& body : bad) {
            CPPUNIT_ASSERT_MESSAGE(body, !stripe::ParseEvent(body).event.has_value());
        }
    }

    void testCheckoutSessionFormExact() {
        CheckoutRequest req{42,
                            core::Money{1250, "EUR"},
                            "Soutien : Jardin partagé & co",
                            "https://ville.example/participer/pledges/42?from=stripe",
                            "https://ville.example/participer/projects/7",
                            "unused-by-stripe",
                            "pledge-42-create"};
        const std::string want =
            "mode=payment"
            "&line_items[0][price_data][currency]=eur"
            "&line_items[0][price_data][unit_amount]=1250"
            "&line_items[0][price_data][product_data][name]=Soutien%20%3A%20Jardin%20partag%C3%A9%"
            "20%26%20co"
            "&line_items[0][quantity]=1"
            "&success_url=https%3A%2F%2Fville.example%2Fparticiper%2Fpledges%2F42%3Ffrom%3Dstripe"
            "&cancel_url=https%3A%2F%2Fville.example%2Fparticiper%2Fprojects%2F7"
            "&client_reference_id=42"
            "&metadata[pledge_id]=42"
            "&payment_intent_data[metadata][pledge_id]=42";
        CPPUNIT_ASSERT_EQUAL(want, stripe::CheckoutSessionForm(req));
    }

    void testSessionStatusTable() {
        using nlohmann::json;
        struct Case {
            std::string session;
            PaymentStatus want;
        };
        const std::vector<Case> cases = {
            {R"({"id":"cs_1","status":"open","payment_status":"unpaid"})", PaymentStatus::kPending},
            {R"({"id":"cs_1","status":"expired","payment_status":"unpaid"})",
             PaymentStatus::kExpired},
            {R"({"id":"cs_1","status":"complete","payment_status":"paid","payment_intent":"pi_1"})",
             PaymentStatus::kPaid},
            {R"({"id":"cs_1","status":"complete","payment_status":"paid","payment_intent":
                {"id":"pi_1","status":"succeeded","latest_charge":{"id":"ch_1","refunded":true}}})",
             PaymentStatus::kRefunded},
            {R"({"id":"cs_1","status":"complete","payment_status":"paid","payment_intent":
                {"id":"pi_1","status":"succeeded","latest_charge":{"id":"ch_1","refunded":false}}})",
             PaymentStatus::kPaid},
            {R"({"id":"cs_1","status":"complete","payment_status":"unpaid","payment_intent":
                {"id":"pi_1","status":"processing"}})",
             PaymentStatus::kPending},
            {R"({"id":"cs_1","status":"complete","payment_status":"unpaid","payment_intent":
                {"id":"pi_1","status":"requires_payment_method"}})",
             PaymentStatus::kFailed},
        };
        for (const auto& c : cases) {
            StatusReport r = stripe::SessionStatus(json::parse(c.session));
            CPPUNIT_ASSERT_MESSAGE(c.session, r.status == c.want);
            CPPUNIT_ASSERT_EQUAL(std::string("cs_1"), r.reference);
        }
        StatusReport r = stripe::SessionStatus(json::parse(
            R"({"id":"cs_1","status":"complete","payment_status":"paid","amount_total":1250,
                "currency":"eur","payment_intent":{"id":"pi_9"}})"));
        CPPUNIT_ASSERT_EQUAL(std::string("pi_9"), r.payment_reference);
        CPPUNIT_ASSERT(r.amount == (core::Money{1250, "EUR"}));
    }

    void testRefundStatusTable() {
        CPPUNIT_ASSERT(stripe::MapRefundStatus("succeeded") == RefundStatus::kSucceeded);
        CPPUNIT_ASSERT(stripe::MapRefundStatus("pending") == RefundStatus::kPending);
        CPPUNIT_ASSERT(stripe::MapRefundStatus("requires_action") == RefundStatus::kPending);
        CPPUNIT_ASSERT(stripe::MapRefundStatus("failed") == RefundStatus::kFailed);
        CPPUNIT_ASSERT(stripe::MapRefundStatus("canceled") == RefundStatus::kFailed);
    }

    void testErrorKinds() {
        HttpResponse r;
        r.body =
            R"({"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}})";
        r.status = 402;
        ProviderError e = stripe::ErrorFrom(r, "x");
        CPPUNIT_ASSERT(!e.unavailable());
        CPPUNIT_ASSERT(std::string(e.what()).find("card_error") != std::string::npos);
        for (long s : {500L, 502L, 429L, 409L}) {
            r.status = s;
            CPPUNIT_ASSERT(stripe::ErrorFrom(r, "x").unavailable());
        }
        r.status = 400;
        r.body = "not json";
        CPPUNIT_ASSERT(!stripe::ErrorFrom(r, "x").unavailable());
    }
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StripeTest, "payments");
}  // namespace placette::payments
