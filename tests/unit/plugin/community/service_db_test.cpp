// The community service against MariaDB: a conversation is between exactly two citizens (one
// thread per pair and subject), unread counts and read marks, feedback only after completion and
// once, names remembered, notifications deduplicated.
#include <cppunit/extensions/HelperMacros.h>

#include "plugin/community/service.h"
#include "plugin/core/links.h"
#include "plugin/skills/service.h"
#include "tests/unit/plugin/community/sx_schema.h"

namespace placette::community {
namespace {

using testing::Citizen;
using testing::CountRows;

class CommunityServiceDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CommunityServiceDbTest);
    CPPUNIT_TEST(testConversationBetweenTwo);
    CPPUNIT_TEST(testUnreadAndRead);
    CPPUNIT_TEST(testBadMessagesWriteNothing);
    CPPUNIT_TEST(testFeedbackAfterCompletionOnce);
    CPPUNIT_TEST(testNotificationsAreDeduplicated);
    CPPUNIT_TEST_SUITE_END();

  public:
    // CppUnit keeps every test's fixture to the end: close its connections now.
    void tearDown() override { pool_.reset(); }
    void setUp() override {
        pool_ = testing::FreshSxSchema("sxc_");
        settings_ = skills::Settings::FromIni(core::Ini::Parse("", "test"));
        skills_ = std::make_unique<skills::Service>(*pool_, settings_);
        svc_ = std::make_unique<Service>(*pool_);
        listing_ =
            skills_->Create(alice_, {"offer", "Tricot", "D", "sewing", "centre", "", "time_bank"})
                .id;
    }

    void testConversationBetweenTwo() {
        Result own = svc_->Start(alice_, "skill", listing_, "Moi-même");
        CPPUNIT_ASSERT(own.outcome == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Start(bruno_, "nothing", listing_, "x").outcome == Outcome::kNotFound);
        CPPUNIT_ASSERT(svc_->Start(bruno_, "skill", 999999, "x").outcome == Outcome::kNotFound);
        Result first = svc_->Start(bruno_, "skill", listing_, "Bonjour");
        Result again = svc_->Start(bruno_, "skill", listing_, "Encore moi");
        CPPUNIT_ASSERT(first.outcome == Outcome::kOk);
        CPPUNIT_ASSERT_EQUAL(first.id, again.id);
        Result chloe = svc_->Start(chloe_, "skill", listing_, "Moi aussi");
        CPPUNIT_ASSERT(chloe.id != first.id);
        Outcome o;
        CPPUNIT_ASSERT(!svc_->Open(chloe_, first.id, o).has_value());
        CPPUNIT_ASSERT(o == Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->Post(chloe_, first.id, "intrusion").outcome == Outcome::kForbidden);
        auto thread = svc_->Open(alice_, first.id, o);
        CPPUNIT_ASSERT(thread.has_value());
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, thread->messages.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Bruno"), thread->messages[0].author_name);
        CPPUNIT_ASSERT_EQUAL(std::string("Tricot"), thread->subject.title);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, svc_->List(1, 10).size());
        CPPUNIT_ASSERT_EQUAL(std::string("Bruno"), *svc_->Name(2));
    }

    void testUnreadAndRead() {
        Result c = svc_->Start(bruno_, "skill", listing_, "Un");
        svc_->Post(bruno_, c.id, "Deux");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, svc_->Unread(1));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc_->Unread(2));
        Outcome o;
        svc_->Open(alice_, c.id, o);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc_->Unread(1));
        svc_->Post(alice_, c.id, "Réponse");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, svc_->Unread(2));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, svc_->List(2, 10)[0].unread);
    }

    void testBadMessagesWriteNothing() {
        for (std::string body : {std::string(), std::string("   \n "), std::string(5001, 'a'),
                                 std::string("a\x01", 2), std::string("\xC3", 1)}) {
            Result r = svc_->Start(bruno_, "skill", listing_, body);
            CPPUNIT_ASSERT(r.outcome == Outcome::kInvalid);
        }
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxc_conversations"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0},
                             CountRows(*pool_, "SELECT COUNT(*) FROM sxc_messages"));
    }

    void testFeedbackAfterCompletionOnce() {
        std::int64_t x = skills_->Propose(bruno_, listing_, {"1", ""}).id;
        CPPUNIT_ASSERT(svc_->FeedbackFor(bruno_, "skill_exchange", x).outcome ==
                       Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->FeedbackFor(bruno_, "skill", listing_).outcome == Outcome::kConflict);
        skills_->Confirm(alice_, x);
        CPPUNIT_ASSERT(svc_->FeedbackFor(chloe_, "skill_exchange", x).outcome ==
                       Outcome::kForbidden);
        CPPUNIT_ASSERT(svc_->LeaveFeedback(bruno_, "skill_exchange", x, "").outcome ==
                       Outcome::kInvalid);
        Result ok = svc_->LeaveFeedback(bruno_, "skill_exchange", x, "Merci !");
        CPPUNIT_ASSERT(ok.outcome == Outcome::kOk);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, ok.id);  // about Alice
        CPPUNIT_ASSERT(svc_->LeaveFeedback(bruno_, "skill_exchange", x, "Encore").outcome ==
                       Outcome::kConflict);
        CPPUNIT_ASSERT(svc_->LeaveFeedback(alice_, "skill_exchange", x, "Très sympa").outcome ==
                       Outcome::kOk);
        auto about = svc_->FeedbackAbout(1, 10);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, about.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Merci !"), about[0].body);
        CPPUNIT_ASSERT_EQUAL(std::string("Bruno"), about[0].author_name);
        auto entries = svc_->PublicEntries(1);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, entries.size());
        CPPUNIT_ASSERT_EQUAL(std::string("skills.kind.offer"), entries[0].label_key);
    }

    void testNotificationsAreDeduplicated() {
        core::db::RunInTransaction(*pool_, [](core::db::Connection& c) {
            core::links::Notify(c, {7, "loan_reminder", "Tente", "/loans/1", "k1"});
            core::links::Notify(c, {7, "loan_reminder", "Tente", "/loans/1", "k1"});
            core::links::Notify(c, {7, "loan_returned", "Tente", "/loans/1", ""});
            core::links::Notify(c, {7, "loan_returned", "Tente", "/loans/1", ""});
        });
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, svc_->UnreadNotifications(7));
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, svc_->Notifications(7, 10, true).size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, svc_->UnreadNotifications(7));
    }

  private:
    std::unique_ptr<core::db::Pool> pool_;
    skills::Settings settings_;
    std::unique_ptr<skills::Service> skills_;
    std::unique_ptr<Service> svc_;
    core::Viewer alice_ = Citizen(1, "Alice"), bruno_ = Citizen(2, "Bruno"),
                 chloe_ = Citizen(3, "Chloé");
    std::int64_t listing_ = 0;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CommunityServiceDbTest, "community");

}  // namespace
}  // namespace placette::community
