// Unit tests for plugin/skills/model: the listing state machine (table-driven), names, settings,
// validation of the listing form and who gives and receives in an exchange.
#include "plugin/skills/model.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <tuple>
#include <vector>

namespace placette::skills {
namespace {

Settings TestSettings() { return Settings::FromIni(core::Ini::Parse("", "test")); }

RawListing Good() {
    return RawListing{
        "offer",     "  Aide au jardin  ", "Je taille les haies.", "gardening", "centre",
        "le samedi", "time_bank"};
}

bool HasProblem(const Problems& p, const std::string& field, const std::string& key) {
    for (const auto& [f, k] : p) {
        if (f == field && k == key) return true;
    }
    return false;
}

class SkillsModelTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SkillsModelTest);
    CPPUNIT_TEST(testTransitionTable);
    CPPUNIT_TEST(testOwnerActions);
    CPPUNIT_TEST(testNamesRoundTrip);
    CPPUNIT_TEST(testSettingsDefaultsAndOverrides);
    CPPUNIT_TEST(testBadSettingsAreRefused);
    CPPUNIT_TEST(testValidListingIsTrimmed);
    CPPUNIT_TEST(testListingProblemsTable);
    CPPUNIT_TEST(testExchangeParties);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testTransitionTable() {
        using S = Status;
        using A = Action;
        const std::vector<std::tuple<S, A, std::optional<S>>> table = {
            {S::kActive, A::kPause, S::kPaused},     {S::kActive, A::kResume, std::nullopt},
            {S::kActive, A::kRenew, S::kActive},     {S::kActive, A::kClose, S::kClosed},
            {S::kActive, A::kExpire, S::kExpired},   {S::kPaused, A::kPause, std::nullopt},
            {S::kPaused, A::kResume, S::kActive},    {S::kPaused, A::kRenew, S::kActive},
            {S::kPaused, A::kClose, S::kClosed},     {S::kPaused, A::kExpire, S::kExpired},
            {S::kExpired, A::kPause, std::nullopt},  {S::kExpired, A::kResume, std::nullopt},
            {S::kExpired, A::kRenew, S::kActive},    {S::kExpired, A::kClose, S::kClosed},
            {S::kExpired, A::kExpire, std::nullopt}, {S::kClosed, A::kPause, std::nullopt},
            {S::kClosed, A::kResume, std::nullopt},  {S::kClosed, A::kRenew, std::nullopt},
            {S::kClosed, A::kClose, std::nullopt},   {S::kClosed, A::kExpire, std::nullopt},
        };
        for (const auto& [from, action, to] : table) {
            std::string what = std::string(ToString(from)) + " " + std::string(ToString(action));
            CPPUNIT_ASSERT_MESSAGE(what, Transition(from, action) == to);
        }
    }

    void testOwnerActions() {
        CPPUNIT_ASSERT(OwnerActions(Status::kActive) ==
                       (std::vector{Action::kPause, Action::kRenew, Action::kClose}));
        CPPUNIT_ASSERT(OwnerActions(Status::kPaused) ==
                       (std::vector{Action::kResume, Action::kRenew, Action::kClose}));
        CPPUNIT_ASSERT(OwnerActions(Status::kClosed).empty());
    }

    void testNamesRoundTrip() {
        for (Status s : {Status::kActive, Status::kPaused, Status::kExpired, Status::kClosed}) {
            CPPUNIT_ASSERT(ParseStatus(ToString(s)) == s);
        }
        for (Action a :
             {Action::kPause, Action::kResume, Action::kRenew, Action::kClose, Action::kExpire}) {
            CPPUNIT_ASSERT(ParseAction(ToString(a)) == a);
        }
        CPPUNIT_ASSERT(ParseMode("time_bank") == Mode::kTimeBank);
        CPPUNIT_ASSERT(!ParseKind("Offer").has_value());
        CPPUNIT_ASSERT(ParseExchangeStatus("done") == ExchangeStatus::kDone);
    }

    void testSettingsDefaultsAndOverrides() {
        Settings d = TestSettings();
        CPPUNIT_ASSERT_EQUAL(std::int64_t{60}, d.listing_days);
        CPPUNIT_ASSERT(d.floor == Minutes(-600));
        CPPUNIT_ASSERT(core::HasChoice(d.categories, "gardening"));
        CPPUNIT_ASSERT(core::HasChoice(d.neighbourhoods, "centre"));
        Settings s = Settings::FromIni(core::Ini::Parse(
            "[site]\nneighbourhoods = nord:Quartier nord; sud\n[skills]\nlisting_days = 30\n"
            "time_bank_floor_minutes = -120\ncategories = velo:Réparation vélo, cuisine\n",
            "test"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{30}, s.listing_days);
        CPPUNIT_ASSERT(s.floor == Minutes(-120));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, s.categories.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Réparation vélo"), s.categories[0].label);
        CPPUNIT_ASSERT_EQUAL(std::string("sud"), s.neighbourhoods[1].label);
    }

    void testBadSettingsAreRefused() {
        for (std::string ini : {"[skills]\ntime_bank_floor_minutes = 60\n",
                                "[skills]\nlisting_days = 0\n", "[skills]\ncategories = a b\n",
                                "[skills]\ncategories = x; x\n", "[skills]\ncategories = ;\n"}) {
            CPPUNIT_ASSERT_THROW_MESSAGE(ini, Settings::FromIni(core::Ini::Parse(ini, "t")),
                                         core::ConfigError);
        }
    }

    void testValidListingIsTrimmed() {
        ListingInput in;
        Problems p = ValidateListing(Good(), TestSettings(), in);
        CPPUNIT_ASSERT(p.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("Aide au jardin"), in.title);
        CPPUNIT_ASSERT(in.kind == Kind::kOffer);
        CPPUNIT_ASSERT(in.mode == Mode::kTimeBank);
    }

    void testListingProblemsTable() {
        struct Case {
            RawListing raw;
            std::string field, key;
        };
        std::vector<Case> cases;
        auto with = [](auto change) {
            RawListing r = Good();
            change(r);
            return r;
        };
        cases.push_back(
            {with([](RawListing& r) { r.kind = "sell"; }), "kind", "skills.error.kind"});
        cases.push_back(
            {with([](RawListing& r) { r.title = " \t "; }), "title", "skills.error.title_empty"});
        cases.push_back({with([](RawListing& r) { r.title = std::string(151, 'a'); }), "title",
                         "skills.error.title_long"});
        cases.push_back(
            {with([](RawListing& r) { r.title = std::string(150, 'e') + ""; }), "", ""});
        cases.push_back({with([](RawListing& r) { r.title = "\xC3\xA9t\xC3"; }), "title",
                         "skills.error.text_invalid"});
        cases.push_back({with([](RawListing& r) { r.title = "a\x01b"; }), "title",
                         "skills.error.text_invalid"});
        cases.push_back({with([](RawListing& r) { r.description = ""; }), "description",
                         "skills.error.description_empty"});
        cases.push_back({with([](RawListing& r) { r.category = "weapons"; }), "category",
                         "skills.error.category"});
        cases.push_back({with([](RawListing& r) { r.neighbourhood = ""; }), "neighbourhood",
                         "skills.error.neighbourhood"});
        cases.push_back({with([](RawListing& r) { r.availability = std::string(251, 'x'); }),
                         "availability", "skills.error.availability_long"});
        cases.push_back(
            {with([](RawListing& r) { r.mode = "money"; }), "mode", "skills.error.mode"});
        for (const Case& c : cases) {
            ListingInput in;
            Problems p = ValidateListing(c.raw, TestSettings(), in);
            if (c.field.empty()) {
                CPPUNIT_ASSERT(p.empty());
            } else {
                CPPUNIT_ASSERT_MESSAGE(c.key, HasProblem(p, c.field, c.key));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(c.key, std::size_t{1}, p.size());
            }
        }
        // 150 characters of "é" (300 bytes) are fine: lengths count characters.
        RawListing accents = Good();
        accents.title.clear();
        for (int i = 0; i < 150; ++i) accents.title += "\xC3\xA9";
        ListingInput in;
        CPPUNIT_ASSERT(ValidateListing(accents, TestSettings(), in).empty());
    }

    void testExchangeParties() {
        Parties offer = ExchangeParties(Kind::kOffer, 7, 9);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, offer.giver);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, offer.receiver);
        Parties request = ExchangeParties(Kind::kRequest, 7, 9);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, request.giver);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, request.receiver);
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SkillsModelTest, "skills");

}  // namespace
}  // namespace placette::skills
