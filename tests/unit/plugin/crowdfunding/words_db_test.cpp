// The campaigns' word index against the real MariaDB: written when a campaign is published and
// when its text changes, found stale when rows are written by other means, and a search's pages
// identical to the FULLTEXT query's whether the index, the scan or MATCH made them.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

#include "plugin/core/migrate.h"
#include "plugin/crowdfunding/repository.h"
#include "plugin/crowdfunding/service.h"
#include "tests/unit/plugin/crowdfunding/cf_migrations.h"
#include "tests/unit/support/test_db.h"

using namespace placette::crowdfunding;
using namespace placette::core;

namespace {
const Actor kAlice{3, "Alice", false};
const Actor kStaff{1, "Maire", true};
}  // namespace

class CampaignWordsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CampaignWordsTest);
    CPPUNIT_TEST(PublishingIndexesTheText);
    CPPUNIT_TEST(EditingReplacesTheWords);
    CPPUNIT_TEST(RowsWrittenBySqlAreFoundStale);
    CPPUNIT_TEST(IndexedWordsAndCandidates);
    CPPUNIT_TEST(CandidatesGiveUpPastTheirBound);
    CPPUNIT_TEST(PagesEqualTheFulltextQuery);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        pool_ = std::make_unique<db::Pool>(placette::testing::TestDatabase("cfw_"), 4);
        DropAll();
        std::vector<MigrationFile> mine;
        for (auto& f : ReadMigrations(PLACETTE_SOURCE_DIR "/sql/migrations")) {
            if (placette::testing::CrowdfundingMigration(f.name)) mine.push_back(f);
        }
        Migrate(*pool_->Acquire(), mine);
    }
    void tearDown() override {
        DropAll();
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    void PublishingIndexesTheText() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Draft(svc, "Un carillon pour l’École", "Cœur du village");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, Count("SELECT COUNT(*) FROM {p}campaign_words"));
        Publish(svc, id);
        CPPUNIT_ASSERT_EQUAL(std::string("carillon,coeur,ecole,pour,texte,village"), Words(id));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, Count("SELECT COUNT(*) FROM {p}campaign_search"));
        CPPUNIT_ASSERT(Stale(false).empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, Find("CARILLON").size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, Find("coeur ecol").size());
        CPPUNIT_ASSERT(Find("carillons").empty());
    }

    void EditingReplacesTheWords() {
        Service svc(*pool_, rules_);
        const std::int64_t id = Draft(svc, "Un carillon", "Résumé");
        Publish(svc, id);
        placette::crowdfunding::Draft d = Input("Une lanterne", "Résumé");
        CPPUNIT_ASSERT(svc.Edit(kAlice, id, d).ok());
        CPPUNIT_ASSERT_EQUAL(std::string("lanterne,resume,texte,une"), Words(id));
        CPPUNIT_ASSERT(Find("carillon").empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, Find("lanterne").size());
        CPPUNIT_ASSERT(Stale(false).empty());
    }

    void RowsWrittenBySqlAreFoundStale() {
        Service svc(*pool_, rules_);
        const std::int64_t a = Draft(svc, "Un carillon", "Résumé");
        const std::int64_t b = Draft(svc, "Une lanterne", "Résumé");
        Publish(svc, a);
        Publish(svc, b);
        auto l = pool_->Acquire();
        const std::int64_t c = static_cast<std::int64_t>(
            l->Execute("t",
                       "INSERT INTO {p}campaigns (owner_id, owner_name, state, title, slug, "
                       "summary, description, neighbourhood, theme, goal_minor, duration_days, "
                       "created_at, updated_at, published_at, ends_at) VALUES (3, 'Alice', "
                       "'live', 'Un kiosque', 'k', 'r', 't', 'centre', 'culture', 1000, 30, "
                       "NOW(), NOW(), NOW(), NOW() + INTERVAL 30 DAY)")
                .insert_id);
        l->Execute("t", "UPDATE {p}campaigns SET title = 'Un beffroi' WHERE id = ?", {a});
        l->Execute("t", "SET FOREIGN_KEY_CHECKS = 0");
        l->Execute("t", "DELETE FROM {p}campaign_log WHERE campaign_id = ?", {b});
        l->Execute("t", "DELETE FROM {p}campaigns WHERE id = ?", {b});
        l->Execute("t", "SET FOREIGN_KEY_CHECKS = 1");
        CPPUNIT_ASSERT(Stale(false) == (std::vector<std::int64_t>{a, b, c}));
        CPPUNIT_ASSERT(Stale(true) == (std::vector<std::int64_t>{a, b, c}));
        for (std::int64_t id : Stale(false)) {
            db::RunInTransaction(*pool_,
                                 [id](db::Connection& x) { repo::IndexCampaignWords(x, id); });
        }
        CPPUNIT_ASSERT(Stale(false).empty());
        CPPUNIT_ASSERT(Stale(true) == (std::vector<std::int64_t>{a, c}));
        CPPUNIT_ASSERT_EQUAL(std::string(""), Words(b));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, Find("kiosque").size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, Find("beffroi").size());
        CPPUNIT_ASSERT(Find("carillon").empty());
    }

    void IndexedWordsAndCandidates() {
        Load(40);
        auto l = pool_->Acquire();
        using Words = std::vector<std::string>;
        using Ids = std::vector<std::int64_t>;
        CPPUNIT_ASSERT(repo::IndexedWords(*l, "carillon") == Words{"carillon"});
        CPPUNIT_ASSERT(repo::IndexedWords(*l, "proj") == Words{"projet"});
        CPPUNIT_ASSERT(repo::IndexedWords(*l, "zzz") == Words{});
        l->Execute("t",
                   "INSERT INTO {p}campaign_words (word, published_at, campaign_id) SELECT "
                   "CONCAT('pre', seq), NOW(), 1 FROM seq_1_to_9");
        CPPUNIT_ASSERT(!repo::IndexedWords(*l, "pre"));  // more than kIndexedWordsMax
        repo::ListFilter f;
        // Newest first (the highest number is the newest); "kiosque" in every third.
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"carillon"}, {}, f, 64) == Ids({40, 30, 20, 10}));
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"carillon"}, {"quartier"}, f, 64) ==
                       Ids({40, 30, 20, 10}));
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"carillon"}, {"kios"}, f, 64) == Ids({30}));
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"quartier"}, {}, f, 3) == Ids({40, 39, 38}));
        // Two indexed words: one list, newest first, each campaign once.
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"carillon", "kiosque"}, {}, f, 5) ==
                       Ids({40, 39, 36, 33, 30}));
        f.theme = "sport";  // 1 + seq % 4 = 2
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"kiosque"}, {}, f, 64) == Ids({33, 21, 9}));
        f.theme.clear();
        f.after_published = l->Execute("t",
                                       "SELECT UNIX_TIMESTAMP(published_at) FROM {p}campaigns "
                                       "WHERE id = 30")
                                .rows[0]
                                .Int(0);
        f.after_id = 30;
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"carillon"}, {}, f, 64) == Ids({20, 10}));
    }

    void CandidatesGiveUpPastTheirBound() {
        Load(1200);
        auto l = pool_->Acquire();
        repo::ListFilter f;
        // "lanterne" is in 4 campaigns, all holding "quartier": led by "lanterne", 4 entries read;
        // led by "quartier" (in all), each of its 1 200 entries is checked: past the bound.
        CPPUNIT_ASSERT(repo::WordCandidates(*l, {"lanterne"}, {"quartier"}, f, 15) ==
                       (std::vector<std::int64_t>{910, 610, 310, 10}));
        CPPUNIT_ASSERT(!repo::WordCandidates(*l, {"quartier"}, {"lanterne"}, f, 15));
        l->Execute("t",
                   "INSERT INTO {p}campaigns (id, owner_id, owner_name, state, title, slug, "
                   "summary, description, neighbourhood, theme, goal_minor, duration_days, "
                   "created_at, updated_at, published_at, ends_at) SELECT 5000 + seq, 3, 'A', "
                   "'live', 'Vieux', 'v', 'r', 't', 'centre', 'culture', 1000, 30, "
                   "'2026-01-01', '2026-01-01', '2026-01-01', '2026-12-31' FROM seq_1_to_2100");
        for (std::int64_t id : Stale(false)) {
            db::RunInTransaction(*pool_,
                                 [id](db::Connection& x) { repo::IndexCampaignWords(x, id); });
        }
        // 2 100 old campaigns hold "vieux", none with "lanterne": past the bound, no answer.
        CPPUNIT_ASSERT(!repo::WordCandidates(*l, {"vieux"}, {"lanterne"}, f, 15));
    }

    // 1 200 campaigns: "quartier" in all, "carillon" in one of ten, "lanterne" in one of 300
    // (each with "carillon" too), "kiosque" in one of three; themes in turn. Every page of every
    // search, followed by its cursor, equals the FULLTEXT query's rows in the same order, whichever
    // stage made it.
    void PagesEqualTheFulltextQuery() {
        Load(1200);
        auto l = pool_->Acquire();
        for (const char* q : {"carillon", "lanterne", "kiosque carillon", "quartier", "kios",
                              "carillon lanterne", "zzzz"}) {
            for (const char* theme : {"", "sport"}) {
                repo::ListFilter f;
                f.search = ParseSearch(q);
                f.theme = theme;
                f.limit = 13;
                std::vector<std::int64_t> got;
                for (int page = 0; page < 200; ++page) {
                    std::vector<Campaign> rows = repo::ListPublished(*l, f);
                    const bool more = rows.size() == 13;
                    if (more) rows.pop_back();
                    for (const Campaign& k : rows) got.push_back(k.id);
                    if (!more) break;
                    f.after_published = rows.back().published_at;
                    f.after_id = rows.back().id;
                }
                std::vector<std::int64_t> want;
                for (const db::Row& r :
                     l->Execute("t",
                                "SELECT id FROM {p}campaigns c WHERE c.published_at IS NOT NULL "
                                "AND (? = '' OR c.theme = ?) AND MATCH (c.title, c.summary, "
                                "c.description) AGAINST (? IN BOOLEAN MODE) ORDER BY "
                                "c.published_at DESC, c.id DESC",
                                {std::string(theme), std::string(theme), f.search.fulltext})
                         .rows)
                    want.push_back(r.Int(0));
                CPPUNIT_ASSERT_MESSAGE(std::string(q) + " / " + theme, got == want);
                if (*theme == '\0')
                    CPPUNIT_ASSERT_MESSAGE(q, std::string(q) == "zzzz" || !want.empty());
            }
        }
    }

  private:
    static placette::crowdfunding::Draft Input(const std::string& title,
                                               const std::string& summary) {
        placette::crowdfunding::Draft d;
        d.title = title;
        d.summary = summary;
        d.description = "Texte";
        d.neighbourhood = "centre";
        d.theme = "culture";
        d.goal = 10000;
        d.model = FundingModel::kAllOrNothing;
        d.duration_days = 30;
        return d;
    }
    std::int64_t Draft(Service& svc, const std::string& title, const std::string& summary) {
        return svc.CreateDraft(kAlice, Input(title, summary)).id;
    }
    void Publish(Service& svc, std::int64_t id) {
        CPPUNIT_ASSERT(svc.Submit(kAlice, id).ok());
        CPPUNIT_ASSERT(svc.Review(kStaff, id, Event::kApprove, "").ok());
    }

    // `n` published campaigns written with SQL, then indexed; campaign i published i minutes
    // after the first (a few share a minute, to test the id as tie-break).
    void Load(int n) {
        auto l = pool_->Acquire();
        l->Execute("t",
                   "INSERT INTO {p}campaigns (id, owner_id, owner_name, state, title, slug, "
                   "summary, description, neighbourhood, theme, goal_minor, duration_days, "
                   "created_at, updated_at, published_at, ends_at) SELECT seq, 3, 'Alice', "
                   "'live', CONCAT('Projet ', seq), 'p', 'Le quartier', CONCAT_WS(' ', 'Texte', "
                   "IF(seq % 10 = 0, 'un carillon', NULL), IF(seq % 300 = 10, 'une lanterne', "
                   "NULL), IF(seq % 3 = 0, 'le kiosque', NULL)), 'centre', ELT(1 + seq % 4, "
                   "'culture', 'sport', 'education', 'heritage'), 1000, 30, '2026-01-01', "
                   "'2026-01-01', '2026-01-01' + INTERVAL (seq - seq % 7 DIV 6) MINUTE, "
                   "'2026-12-31' FROM seq_1_to_" +
                       std::to_string(n));
        for (std::int64_t id : Stale(false)) {
            db::RunInTransaction(*pool_,
                                 [id](db::Connection& x) { repo::IndexCampaignWords(x, id); });
        }
    }

    std::vector<Campaign> Find(const std::string& q) {
        repo::ListFilter f;
        f.search = ParseSearch(q);
        auto l = pool_->Acquire();
        return repo::ListPublished(*l, f);
    }
    std::vector<std::int64_t> Stale(bool all) {
        auto l = pool_->Acquire();
        std::vector<std::int64_t> ids = repo::CampaignsToIndex(*l, all);
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    std::string Words(std::int64_t id) {
        auto l = pool_->Acquire();
        auto r = l->Execute("t",
                            "SELECT GROUP_CONCAT(word ORDER BY word) FROM {p}campaign_words "
                            "WHERE campaign_id = ?",
                            {id});
        return r.rows[0].Str(0);
    }
    std::int64_t Count(const char* sql) {
        return pool_->Acquire()->Execute("t", sql).rows[0].Int(0);
    }

    void DropAll() {
        if (!pool_) return;
        auto lease = pool_->Acquire();
        // Table names come from information_schema, never from input.
        auto rows = lease
                        ->Execute("t.list",
                                  "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() AND table_name LIKE 'cfw\\_%'")
                        .rows;
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 0");
        for (const auto& r : rows)
            lease->Execute("t.drop", "DROP TABLE IF EXISTS `" + r.Str(0) + "`");
        lease->Execute("t.fk", "SET FOREIGN_KEY_CHECKS = 1");
    }

    std::unique_ptr<db::Pool> pool_;
    Rules rules_;  // the service keeps a reference
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CampaignWordsTest, "crowdfunding");
