// DB tests for plugin/payments/gateway over MariaDB and a scripted Stripe: the key is stored
// before the call and reused, webhooks are deduplicated and recorded only once applied, and a
// refund confirmed once is never asked again.
#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <string>
#include <vector>

#include "plugin/core/clock.h"
#include "plugin/core/migrate.h"
#include "plugin/payments/gateway.h"
#include "plugin/payments/stripe.h"
#include "tests/unit/plugin/payments/fake_transport.h"
#include "tests/unit/support/test_db.h"

namespace placette::payments {
namespace {

using testing::FakeTransport;
using testing::NoSleepClient;
namespace db = core::db;

const std::string kOpen = R"({"id":"cs_test_1","object":"checkout.session","status":"open",
  "payment_status":"unpaid","url":"http://127.0.0.1:9/c/pay/cs_test_1"})";
const std::string kPaid = R"({"id":"cs_test_1","status":"complete","payment_status":"paid",
  "payment_intent":{"id":"pi_1","status":"succeeded","latest_charge":{"id":"ch_1","refunded":false}}})";

core::Config MakeConfig() {
    return core::Config::FromIni(core::Ini::Parse(
        "[site]\nsecret = 0123456789abcdef0123456789abcdef\nhost_url = https://ville.example/\n"
        "[database]\nname = x\nuser = x\n[payments]\nprovider = stripe\nstripe_secret_key = "
        "sk_test_1\n"
        "stripe_webhook_secret = whsec_1\n",
        "test"));
}

class GatewayDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(GatewayDbTest);
    CPPUNIT_TEST(testKeyStoredBeforeCallAndReused);
    CPPUNIT_TEST(testProviderDownThenRetryByTheBacker);
    CPPUNIT_TEST(testWebhookAppliedOnceAndRecorded);
    CPPUNIT_TEST(testWebhookNotRecordedWhenApplyFails);
    CPPUNIT_TEST(testRefundOnceConfirmed);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        pool_ = std::make_unique<db::Pool>(placette::testing::TestDatabase("pgw_"), 2);
        DropAll();
        std::vector<core::MigrationFile> mine;
        for (auto& f : core::ReadMigrations(std::string(PLACETTE_SOURCE_DIR) + "/sql/migrations")) {
            if (f.name.find("payments") != std::string::npos) mine.push_back(f);
        }
        auto lease = pool_->Acquire();
        core::Migrate(*lease, mine);
        transport_ = std::make_shared<FakeTransport>();
        StripeSettings s{"http://127.0.0.1:9", "", "sk_test_1", "whsec_1", 300};
        gw_ = std::make_unique<Gateway>(
            MakeConfig(), std::make_unique<StripeProvider>(s, NoSleepClient(transport_)));
    }
    void tearDown() override {
        DropAll();
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    void testKeyStoredBeforeCallAndReused() {
        transport_->Answer(500, R"({"error":{"type":"api_error"}})");
        transport_->Answer(200, kOpen);
        StartResult r = gw_->StartCheckout(*pool_, Req());
        CPPUNIT_ASSERT(r.ok);
        CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:9/c/pay/cs_test_1"), r.redirect_url);
        const std::string key = Stored("idempotency_key");
        CPPUNIT_ASSERT(key.rfind("placette-pledge-7-checkout-", 0) == 0);
        CPPUNIT_ASSERT_EQUAL(key, transport_->HeaderOf(0, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(key, transport_->HeaderOf(1, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(std::string("https://ville.example/participer/pledges/7"),
                             FormValue(transport_->sent[0].body, "success_url"));
        // A double submit finds the created checkout: no second call.
        CPPUNIT_ASSERT_EQUAL(r.redirect_url, gw_->StartCheckout(*pool_, Req()).redirect_url);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, transport_->sent.size());
        CPPUNIT_ASSERT_EQUAL(std::string("created"), Stored("status"));
    }

    void testProviderDownThenRetryByTheBacker() {
        for (int i = 0; i < 3; ++i) transport_->Fail();
        CPPUNIT_ASSERT(!gw_->StartCheckout(*pool_, Req()).ok);
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), Stored("status"));
        CPPUNIT_ASSERT(!gw_->RetryCheckout(*pool_, 7, 99).ok);  // not the backer: no call
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, transport_->sent.size());
        transport_->Answer(200, kOpen);
        CPPUNIT_ASSERT(gw_->RetryCheckout(*pool_, 7, 3).ok);
        CPPUNIT_ASSERT_EQUAL(transport_->HeaderOf(0, "Idempotency-Key"),
                             transport_->HeaderOf(3, "Idempotency-Key"));
        CPPUNIT_ASSERT_EQUAL(transport_->sent[0].body, transport_->sent[3].body);
    }

    void testWebhookAppliedOnceAndRecorded() {
        transport_->Answer(200, kOpen);
        gw_->StartCheckout(*pool_, Req());
        std::vector<std::pair<std::int64_t, PaymentStatus>> calls;
        ApplyFn apply = [&](db::Pool&, std::int64_t id, PaymentStatus s,
                            const std::string& receipt) {
            calls.emplace_back(id, s);
            CPPUNIT_ASSERT_EQUAL(std::string("pi_1"), receipt);
            return Applied::kChanged;
        };
        const std::string body = Event("evt_1", "cs_test_1");
        CPPUNIT_ASSERT_EQUAL(
            200, gw_->HandleNotification(*pool_, Signed(body), body, apply).http_status);
        NotificationResult again = gw_->HandleNotification(*pool_, Signed(body), body, apply);
        CPPUNIT_ASSERT_EQUAL(std::string("duplicate"), again.outcome);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, calls.size());
        CPPUNIT_ASSERT(calls[0] == std::make_pair(std::int64_t{7}, PaymentStatus::kPaid));
        const std::string other = Event("evt_2", "cs_unknown", "pi_2");
        CPPUNIT_ASSERT_EQUAL(std::string("unknown_reference"),
                             gw_->HandleNotification(*pool_, Signed(other), other, apply).outcome);
        CPPUNIT_ASSERT_EQUAL(
            400, gw_->HandleNotification(*pool_, {{"stripe-signature", "t=1,v1=00"}}, body, apply)
                     .http_status);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, calls.size());
    }

    void testWebhookNotRecordedWhenApplyFails() {
        transport_->Answer(200, kOpen);
        gw_->StartCheckout(*pool_, Req());
        int calls = 0;
        ApplyFn failing = [&](db::Pool&, std::int64_t, PaymentStatus,
                              const std::string&) -> Applied {
            ++calls;
            throw db::DbError(1213, "deadlock");
        };
        ApplyFn ok = [&](db::Pool&, std::int64_t, PaymentStatus, const std::string&) {
            ++calls;
            return Applied::kChanged;
        };
        const std::string body = Event("evt_9", "cs_test_1");
        CPPUNIT_ASSERT_EQUAL(
            503, gw_->HandleNotification(*pool_, Signed(body), body, failing).http_status);
        CPPUNIT_ASSERT_EQUAL(std::string("changed"),
                             gw_->HandleNotification(*pool_, Signed(body), body, ok).outcome);
        CPPUNIT_ASSERT_EQUAL(2, calls);
    }

    void testRefundOnceConfirmed() {
        transport_->Answer(200, kOpen);
        gw_->StartCheckout(*pool_, Req());
        transport_->Answer(200, kPaid);
        transport_->Answer(500, "{}");
        transport_->Answer(500, "{}");
        transport_->Answer(500, "{}");
        CPPUNIT_ASSERT(RefundStep::kFailed == gw_->Refund(*pool_, 7, core::Money{1000, "EUR"}));
        transport_->Answer(200, kPaid);
        transport_->Answer(200, R"({"id":"re_1","object":"refund","status":"succeeded"})");
        CPPUNIT_ASSERT(RefundStep::kConfirmed == gw_->Refund(*pool_, 7, core::Money{1000, "EUR"}));
        const std::size_t sent = transport_->sent.size();
        CPPUNIT_ASSERT_EQUAL(transport_->HeaderOf(2, "Idempotency-Key"),
                             transport_->HeaderOf(sent - 1, "Idempotency-Key"));
        CPPUNIT_ASSERT(RefundStep::kConfirmed == gw_->Refund(*pool_, 7, core::Money{1000, "EUR"}));
        CPPUNIT_ASSERT_EQUAL(sent, transport_->sent.size());  // never asked again
        CPPUNIT_ASSERT(RefundStep::kNoPayment == gw_->Refund(*pool_, 8, core::Money{1000, "EUR"}));
    }

  private:
    static StartRequest Req() {
        StartRequest r;
        r.pledge_id = 7;
        r.backer_id = 3;
        r.amount = core::Money{1000, "EUR"};
        r.description = "Jardin — n° 7";
        r.success_path = "/participer/pledges/7";
        r.cancel_path = "/participer/pledges/7";
        return r;
    }
    static std::string Event(const std::string& id, const std::string& session,
                             const std::string& pi = "pi_1") {
        return R"({"id":")" + id +
               R"(","object":"event","type":"checkout.session.completed","data":{"object":{"id":")" +
               session + R"(","payment_status":"paid","payment_intent":")" + pi + R"("}}})";
    }
    static Headers Signed(const std::string& body) {
        const std::int64_t t = core::NowSeconds();
        return {{"stripe-signature",
                 "t=" + std::to_string(t) + ",v1=" + stripe::ComputeSignature("whsec_1", t, body)}};
    }
    static std::string FormValue(const std::string& form, const std::string& key) {
        std::size_t at = form.find(key + "=");
        if (at == std::string::npos) return "";
        std::string v = form.substr(at + key.size() + 1, form.find('&', at) - at - key.size() - 1);
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '%' && i + 2 < v.size()) {
                out += static_cast<char>(std::stoi(v.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                out += v[i];
            }
        }
        return out;
    }
    std::string Stored(const std::string& column) {
        auto lease = pool_->Acquire();
        // `column` is one of this file's literals, never input.
        auto res = lease->Execute(
            "t.stored", "SELECT " + column + " FROM {p}payment_attempts WHERE pledge_id = 7");
        return res.empty() ? "" : res.rows[0].Str(0);
    }
    void DropAll() {
        if (!pool_) return;  // setUp failed (no test database): already reported
        auto lease = pool_->Acquire();
        auto rows = lease
                        ->Execute("t.list",
                                  "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() "
                                  "AND table_name LIKE 'pgw\\_%'")
                        .rows;
        for (const auto& r : rows)
            lease->Execute("t.drop", "DROP TABLE IF EXISTS `" + r.Str(0) + "`");
    }

    std::unique_ptr<db::Pool> pool_;
    std::shared_ptr<FakeTransport> transport_;
    std::unique_ptr<Gateway> gw_;
};

}  // namespace
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GatewayDbTest, "payments");
}  // namespace placette::payments
