// Unit tests for plugin/exchange/model: item and loan state machines (table-driven), who may act
// on a loan, calendar days, period overlap, and validation of the item and loan forms.
#include "plugin/exchange/model.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <tuple>
#include <vector>

namespace placette::exchange {
namespace {

Settings TestSettings() { return Settings::FromIni(core::Ini::Parse("", "test")); }

class ExchangeModelTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExchangeModelTest);
    CPPUNIT_TEST(testItemTransitionTable);
    CPPUNIT_TEST(testLoanTransitionTable);
    CPPUNIT_TEST(testWhoMayActTable);
    CPPUNIT_TEST(testBlockingStates);
    CPPUNIT_TEST(testIsoDaysTable);
    CPPUNIT_TEST(testOverlapTable);
    CPPUNIT_TEST(testItemValidationTable);
    CPPUNIT_TEST(testLoanValidationTable);
    CPPUNIT_TEST(testSettings);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testItemTransitionTable() {
        using S = Status;
        using A = Action;
        const std::vector<std::tuple<Kind, S, A, std::optional<S>>> table = {
            {Kind::kGive, S::kActive, A::kDone, S::kDone},
            {Kind::kSwap, S::kPaused, A::kDone, S::kDone},
            {Kind::kRequest, S::kActive, A::kDone, S::kDone},
            {Kind::kLend, S::kActive, A::kDone, std::nullopt},
            {Kind::kGive, S::kExpired, A::kDone, std::nullopt},
            {Kind::kGive, S::kDone, A::kRenew, std::nullopt},
            {Kind::kGive, S::kDone, A::kClose, std::nullopt},
            {Kind::kLend, S::kActive, A::kPause, S::kPaused},
            {Kind::kLend, S::kPaused, A::kResume, S::kActive},
            {Kind::kLend, S::kExpired, A::kRenew, S::kActive},
            {Kind::kLend, S::kClosed, A::kRenew, std::nullopt},
            {Kind::kLend, S::kPaused, A::kExpire, S::kExpired},
            {Kind::kLend, S::kExpired, A::kExpire, std::nullopt},
            {Kind::kSwap, S::kActive, A::kClose, S::kClosed},
        };
        for (const auto& [kind, from, action, to] : table) {
            std::string what = std::string(ToString(kind)) + " " + std::string(ToString(from)) +
                               " " + std::string(ToString(action));
            CPPUNIT_ASSERT_MESSAGE(what, Transition(kind, from, action) == to);
        }
        CPPUNIT_ASSERT(OwnerActions(Kind::kGive, S::kDone).empty());
    }

    void testLoanTransitionTable() {
        using S = LoanStatus;
        using A = LoanAction;
        const std::vector<S> all = {S::kRequested, S::kAccepted, S::kDeclined, S::kCancelled,
                                    S::kOnLoan,    S::kOverdue,  S::kReturned};
        const std::vector<std::tuple<S, A, S>> allowed = {
            {S::kRequested, A::kAccept, S::kAccepted},  {S::kRequested, A::kDecline, S::kDeclined},
            {S::kRequested, A::kCancel, S::kCancelled}, {S::kAccepted, A::kCancel, S::kCancelled},
            {S::kAccepted, A::kHandover, S::kOnLoan},   {S::kOnLoan, A::kReturn, S::kReturned},
            {S::kOnLoan, A::kOverdue, S::kOverdue},     {S::kOverdue, A::kReturn, S::kReturned},
        };
        for (S from : all) {
            for (A a :
                 {A::kAccept, A::kDecline, A::kCancel, A::kHandover, A::kReturn, A::kOverdue}) {
                std::optional<S> expected;
                for (const auto& [f, act, to] : allowed) {
                    if (f == from && act == a) expected = to;
                }
                std::string what = std::string(ToString(from)) + " " + std::string(ToString(a));
                CPPUNIT_ASSERT_MESSAGE(what, Transition(from, a) == expected);
            }
        }
    }

    void testWhoMayActTable() {
        using A = LoanAction;
        const std::vector<std::tuple<A, bool, bool>> table = {
            // action, owner may, borrower may
            {A::kAccept, true, false}, {A::kDecline, true, false}, {A::kHandover, true, false},
            {A::kReturn, true, false}, {A::kCancel, true, true},   {A::kOverdue, false, false},
        };
        for (const auto& [a, owner, borrower] : table) {
            CPPUNIT_ASSERT_EQUAL(owner, MayAct(a, true, false));
            CPPUNIT_ASSERT_EQUAL(borrower, MayAct(a, false, true));
            CPPUNIT_ASSERT(!MayAct(a, false, false));
        }
    }

    void testBlockingStates() {
        CPPUNIT_ASSERT(Blocks(LoanStatus::kAccepted));
        CPPUNIT_ASSERT(Blocks(LoanStatus::kOnLoan));
        CPPUNIT_ASSERT(Blocks(LoanStatus::kOverdue));
        for (LoanStatus s : {LoanStatus::kRequested, LoanStatus::kDeclined, LoanStatus::kCancelled,
                             LoanStatus::kReturned}) {
            CPPUNIT_ASSERT(!Blocks(s));
        }
    }

    void testIsoDaysTable() {
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, ParseIsoDay("1970-01-01")->n);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{20513}, ParseIsoDay("2026-03-01")->n);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{20512}, ParseIsoDay("2026-02-28")->n);
        CPPUNIT_ASSERT(ParseIsoDay("2028-02-29").has_value());
        for (std::string bad :
             {"2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01",
              "31/01/2026", "", "2026-01-01T00", "1969-12-31", "２026-01-01"}) {
            CPPUNIT_ASSERT_MESSAGE(bad, !ParseIsoDay(bad).has_value());
        }
        for (std::string iso : {"1970-01-01", "2026-03-01", "2099-12-31"}) {
            CPPUNIT_ASSERT_EQUAL(iso, IsoDay(*ParseIsoDay(iso)));
        }
    }

    void testOverlapTable() {
        auto P = [](int a, int b) { return Period{Day{a}, Day{b}}; };
        const std::vector<std::tuple<Period, Period, bool>> table = {
            {P(1, 3), P(3, 5), true},  {P(1, 3), P(4, 5), false}, {P(4, 5), P(1, 3), false},
            {P(1, 10), P(3, 4), true}, {P(3, 4), P(1, 10), true}, {P(2, 2), P(2, 2), true},
            {P(1, 2), P(3, 3), false}, {P(5, 9), P(1, 5), true},
        };
        for (const auto& [a, b, expected] : table) CPPUNIT_ASSERT_EQUAL(expected, Overlaps(a, b));
    }

    void testItemValidationTable() {
        const RawItem good{"lend", "Perceuse", "750 W", "tools", "good", "centre"};
        ItemInput in;
        CPPUNIT_ASSERT(ValidateItem(good, TestSettings(), in).empty());
        CPPUNIT_ASSERT(in.kind == Kind::kLend);
        struct Case {
            RawItem raw;
            std::string field, key;
        };
        std::vector<Case> cases = {
            {{"sell", "T", "D", "tools", "good", "centre"}, "kind", "exchange.error.kind"},
            {{"give", "", "D", "tools", "good", "centre"}, "title", "exchange.error.title_empty"},
            {{"give", "T", " ", "tools", "good", "centre"},
             "description",
             "exchange.error.description_empty"},
            {{"give", "T", "D", "guns", "good", "centre"}, "category", "exchange.error.category"},
            {{"give", "T", "D", "tools", "mint", "centre"},
             "condition",
             "exchange.error.condition"},
            {{"give", "T", "D", "tools", "none", "centre"},
             "condition",
             "exchange.error.condition"},
            {{"give", "T", "D", "tools", "good", "paris"},
             "neighbourhood",
             "exchange.error.neighbourhood"},
            {{"give", "T\xFF", "D", "tools", "good", "centre"},
             "title",
             "exchange.error.text_invalid"},
        };
        for (const Case& c : cases) {
            Problems p = ValidateItem(c.raw, TestSettings(), in);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.key, std::size_t{1}, p.size());
            CPPUNIT_ASSERT_EQUAL(c.field, p[0].first);
            CPPUNIT_ASSERT_EQUAL(c.key, p[0].second);
        }
        CPPUNIT_ASSERT(
            ValidateItem({"request", "T", "D", "tools", "none", "centre"}, TestSettings(), in)
                .empty());
    }

    void testLoanValidationTable() {
        const Day today = *ParseIsoDay("2026-05-10");
        Settings s = TestSettings();
        struct Case {
            RawLoan raw;
            std::vector<std::pair<std::string, std::string>> problems;
        };
        std::vector<Case> cases = {
            {{"2026-05-10", "2026-05-10", ""}, {}},
            {{"2026-05-11", "2026-08-08", "merci"}, {}},
            {{"2026-05-11", "2026-08-09", ""}, {{"end", "exchange.error.too_long"}}},
            {{"2026-05-12", "2026-05-11", ""}, {{"end", "exchange.error.end_before_start"}}},
            {{"2026-05-09", "2026-05-11", ""}, {{"start", "exchange.error.past"}}},
            {{"demain", "2026-05-11", ""}, {{"start", "exchange.error.start_date"}}},
            {{"2026-05-11", "", ""}, {{"end", "exchange.error.end_date"}}},
            {{"2026-05-11", "2026-05-12", std::string(501, 'x')},
             {{"message", "exchange.error.message_long"}}},
        };
        for (const Case& c : cases) {
            Period period;
            std::string message;
            Problems p = ValidateLoan(c.raw, s, today, period, message);
            CPPUNIT_ASSERT_MESSAGE(c.raw.start + " " + c.raw.end, p == c.problems);
            if (p.empty()) CPPUNIT_ASSERT(period.start == *ParseIsoDay(c.raw.start));
        }
    }

    void testSettings() {
        Settings d = TestSettings();
        CPPUNIT_ASSERT_EQUAL(std::size_t{4 * 1024 * 1024}, d.max_photo_bytes);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{90}, d.max_loan_days);
        Settings s = Settings::FromIni(core::Ini::Parse(
            "[exchange]\nmax_photo_bytes = 1000000\nmax_loan_days = 7\nneighbourhoods = a; b\n",
            "t"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1000000}, s.max_photo_bytes);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, s.neighbourhoods.size());
        CPPUNIT_ASSERT_THROW(
            Settings::FromIni(core::Ini::Parse("[exchange]\nmax_photo_bytes = 5\n", "t")),
            core::ConfigError);
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ExchangeModelTest, "exchange");

}  // namespace
}  // namespace placette::exchange
