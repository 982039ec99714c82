// Unit tests for plugin/core/search: the words kept from what citizens type, their FULLTEXT
// query, the word-start patterns, and (against MariaDB) that a pattern finds what MATCH finds.
#include "plugin/core/search.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/unit/support/test_db.h"

namespace placette::core {
namespace {

class SearchTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SearchTest);
    CPPUNIT_TEST(testFulltextQueryTable);
    CPPUNIT_TEST(testWordsSplitOnTypographicPunctuation);
    CPPUNIT_TEST(testAtMostEightWords);
    CPPUNIT_TEST(testPatternIsAccentAndCaseClasses);
    CPPUNIT_TEST(testPatternOeMatchesLigature);
    CPPUNIT_TEST(testPatternDeclinesUnknownLettersAndStopwords);
    CPPUNIT_TEST(testParseSearchCombinesWords);
    CPPUNIT_TEST(testFoldedWord);
    CPPUNIT_TEST(testTokensFromEveryWordStart);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testFulltextQueryTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"vélo", "+vélo*"},
            {"Réparer un vélo", "+Réparer* +vélo*"},
            {"jardin partagé", "+jardin* +partagé*"},
            {"+a -b \"cd\" (efg)~ <hij>*", "+efg* +hij*"},
            {"+vélo -a \"(\")*~<>@", "+vélo*"},
            {"à la", ""},
            {"ab", ""},
            {"", ""},
            {"'); DROP TABLE x; --", "+DROP* +TABLE*"},
            {"tôt", "+tôt*"},
            {"\xC3\xC3\xC3", ""},
            {"\xC3\xC3\xC3 jardin", "+jardin*"},
        };
        for (const auto& [typed, query] : cases)
            CPPUNIT_ASSERT_EQUAL_MESSAGE(typed, query, FulltextQuery(typed));
        CPPUNIT_ASSERT_EQUAL(std::string(""), FulltextQuery(std::string(5000, 'a')));
        CPPUNIT_ASSERT_EQUAL("+" + std::string(84, 'a') + "*", FulltextQuery(std::string(84, 'a')));
    }

    void testWordsSplitOnTypographicPunctuation() {
        const std::vector<std::string> want = {"école", "jardin", "partagé"};
        CPPUNIT_ASSERT(SearchWords("l’école «jardin» — partagé…") == want);
        CPPUNIT_ASSERT(SearchWords("l'école\xC2\xA0jardin_partagé") ==
                       (std::vector<std::string>{"école", "jardin", "partagé"}));
    }

    void testAtMostEightWords() {
        CPPUNIT_ASSERT_EQUAL(
            std::size_t{8},
            SearchWords("un1 deux trois quatre cinq six sept huit neuf dix").size());
    }

    void testPatternIsAccentAndCaseClasses() {
        const auto p = WordStartPattern("Été");
        CPPUNIT_ASSERT(p);
        CPPUNIT_ASSERT(p->starts_with("(?<![\\p{L}\\p{N}\\p{M}_])["));
        // e, E and every form of e the collation holds equal, then combining marks.
        CPPUNIT_ASSERT(p->find("[eEÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ]\\p{M}*[tTŢţŤťȚț]\\p{M}*") !=
                       std::string::npos);
        CPPUNIT_ASSERT(WordStartPattern("ete") == p);
        CPPUNIT_ASSERT_EQUAL(std::string("(?<![\\p{L}\\p{N}\\p{M}_])123"),
                             *WordStartPattern("123"));
    }

    void testPatternOeMatchesLigature() {
        const auto coeur = WordStartPattern("coeur");
        CPPUNIT_ASSERT(coeur && coeur->find("|[œŒ])") != std::string::npos);
        CPPUNIT_ASSERT(WordStartPattern("cœur") == coeur);
        CPPUNIT_ASSERT(WordStartPattern("mano")->ends_with("|[œŒ])"));
    }

    void testPatternDeclinesUnknownLettersAndStopwords() {
        for (std::string w : {"straße", "cæcum", "øre", "ЖЖЖ", "日本語",
                              "e\xCC\x81"
                              "cole",
                              "com", "the", "thé", "wha", "with", "abo", "www", "l'é", ""}) {
            CPPUNIT_ASSERT_MESSAGE(w, !WordStartPattern(w));
        }
        for (std::string w : {"comm", "thème", "fort", "abri", "arbre"}) {
            CPPUNIT_ASSERT_MESSAGE(w, WordStartPattern(w).has_value());
        }
    }

    void testParseSearchCombinesWords() {
        const Search one = ParseSearch("jardin");
        CPPUNIT_ASSERT_EQUAL(std::string("+jardin*"), one.fulltext);
        CPPUNIT_ASSERT_EQUAL(*WordStartPattern("jardin"), one.pattern);
        const Search two = ParseSearch("jardin école");
        CPPUNIT_ASSERT_EQUAL("(?s)\\A(?=.*?" + *WordStartPattern("jardin") + ")(?=.*?" +
                                 *WordStartPattern("école") + ")",
                             two.pattern);
        const Search stop = ParseSearch("jardin the");  // one word without pattern: MATCH only
        CPPUNIT_ASSERT_EQUAL(std::string("+jardin* +the*"), stop.fulltext);
        CPPUNIT_ASSERT(stop.pattern.empty());
        CPPUNIT_ASSERT(ParseSearch("a b").empty());
        CPPUNIT_ASSERT(two.folded == (std::vector<std::string>{"jardin", "ecole"}));
        CPPUNIT_ASSERT(stop.folded.empty());  // no pattern, no word index either
    }

    void testFoldedWord() {
        CPPUNIT_ASSERT_EQUAL(std::string("ecole"), FoldedWord("École"));
        CPPUNIT_ASSERT_EQUAL(std::string("coeur"), FoldedWord("cœur"));
        CPPUNIT_ASSERT_EQUAL(std::string("oeuvre"), FoldedWord("ŒUVRE"));
        CPPUNIT_ASSERT_EQUAL(std::string("velo2"), FoldedWord("Vélo2"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), FoldedWord("straße"));
        CPPUNIT_ASSERT_EQUAL(std::string(84, 'a'), FoldedWord(std::string(90, 'a')));
    }

    void testTokensFromEveryWordStart() {
        auto tokens = [](std::string_view t) { return SearchTokens(t); };
        using V = std::vector<std::string>;
        // Sorted and distinct; words under 3 characters are left out.
        CPPUNIT_ASSERT(tokens("Le jardin partagé du jardin") == (V{"jardin", "partage"}));
        CPPUNIT_ASSERT(tokens("l’École «Cœur» — Noël") == (V{"coeur", "ecole", "noel"}));
        // A combining mark belongs to its letter; "_" and ASCII punctuation end a word.
        CPPUNIT_ASSERT(tokens("e\xCC\x81"
                              "cole jardin_partage") == (V{"ecole", "jardin", "partage"}));
        // Characters no pattern knows (ß, letters of other scripts, marks of rarer blocks): the
        // run goes on through them (they might be marks) and a word may start after them.
        CPPUNIT_ASSERT(tokens("straße") == (V{"strae"}));
        CPPUNIT_ASSERT(tokens("日本carillon") == (V{"carillon"}));
        CPPUNIT_ASSERT(tokens("abc\xE1\xB7\x84"
                              "def") == (V{"abcdef"}));  // U+1DC4, a mark
        CPPUNIT_ASSERT(tokens("abc\xD2\x83"
                              "def") == (V{"abcdef", "def"}));  // U+0483, unknown
        CPPUNIT_ASSERT(tokens("ab\xD0\x96"
                              "cdef") == (V{"abcdef", "cdef"}));  // Ж
        // The KELVIN SIGN and ANGSTROM SIGN, which a caseless REGEXP takes for k and å.
        CPPUNIT_ASSERT(tokens("\xE2\x84\xAAilo \xE2\x84\xABrhus") == (V{"arhus", "kilo"}));
        CPPUNIT_ASSERT(tokens(std::string(100, 'b')) == (V{std::string(84, 'b')}));
        CPPUNIT_ASSERT(tokens("a\xFF\xFE"
                              "bcd") == (V{"abcd", "bcd"}));  // not UTF-8
        CPPUNIT_ASSERT(tokens("").empty());
    }
};

// Texts as citizens write them; the queries below must find the same rows by pattern and by
// MATCH (InnoDB FULLTEXT, utf8mb4_unicode_ci).
const std::vector<std::pair<std::string, std::string>> kCorpus = {
    {"École du quartier", "Une cour pour les enfants."},
    {"l'école", "Réparer la toiture"},
    {"l’ecole typographique", "atelier"},
    {"ÉCOLE MAJUSCULE", ""},
    {"e\xCC\x81"
     "cole décomposée",
     "forme NFD"},
    {"ecolo", "vert"},
    {"3école", "chiffre collé"},
    {"Vélo-école", "«apprendre» à rouler"},
    {"partage", "des outils"},
    {"Art et jardin", "peinture"},
    {"l'art de la rue", "fresques"},
    {"jardin_partagé", "souligné"},
    {"Jardins partagés", "du quartier\nsur deux lignes"},
    {"cœur du village", "place"},
    {"coeur vaillant", ""},
    {"Œuvre collective", ""},
    {"manœuvre", "grue"},
    {"Noël solidaire", "colis"},
    {"Ça marche", "façade repeinte"},
    {"garçon", ""},
    {"the commune", "thème libre"},
    {"forêt urbaine", "Île-de-France"},
    {"naïve", "où"},
    {"Perceuse à percussion", "prêt"},
    {"carillon de l'église", "Saint-Éloi"},
    {"Atelier vélo", "réparation participative, le samedi"},
};

const std::vector<std::string> kQueries = {
    "ecole",
    "école",
    "ÉCOLE",
    "ecol",
    "art",
    "jardin",
    "partag",
    "partagé",
    "coeur",
    "cœur",
    "coe",
    "oeuvre",
    "œuvre",
    "mano",
    "noel",
    "noël",
    "facade",
    "garcon",
    "commun",
    "theme",
    "thème",
    "naive",
    "ile",
    "perceuse",
    "carillon",
    "quartier",
    "jardin partagé",
    "art jardin",
    "église carillon",
    "eloi",
    "lignes quartier",
    "participative samedi",
    "velo",
    "rouler apprendre",
};

class SearchDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SearchDbTest);
    CPPUNIT_TEST(testPatternFindsWhatMatchFinds);
    CPPUNIT_TEST(testAccentAndWordStart);
    CPPUNIT_TEST(testScanUsedOnlyWhenItFillsThePage);
    CPPUNIT_TEST(testTokensHoldEveryPatternMatch);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override {
        pool_ = std::make_unique<db::Pool>(placette::testing::TestDatabase("srch_"), 2);
        auto l = pool_->Acquire();
        l->Execute("t", "DROP TABLE IF EXISTS {p}d");
        l->Execute("t",
                   "CREATE TABLE {p}d (id INT PRIMARY KEY AUTO_INCREMENT, title VARCHAR(200) NOT "
                   "NULL, body MEDIUMTEXT NOT NULL, rank_no INT NOT NULL DEFAULT 0, "
                   "KEY idx_rank (rank_no, id), FULLTEXT KEY ft (title, body)) ENGINE=InnoDB "
                   "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    }
    void tearDown() override {
        if (!pool_) return;
        pool_->Acquire()->Execute("t", "DROP TABLE IF EXISTS {p}d");
        pool_.reset();  // CppUnit keeps every test's fixture to the end: close its connections now
    }

    void testPatternFindsWhatMatchFinds() {
        Load();
        auto l = pool_->Acquire();
        for (const std::string& q : kQueries) {
            const Search s = ParseSearch(q);
            CPPUNIT_ASSERT_MESSAGE(q, !s.pattern.empty());
            const std::string by_match = Ids(*l, kByMatch, s.fulltext);
            CPPUNIT_ASSERT_MESSAGE(q + " finds something", !by_match.empty());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(q, by_match, Ids(*l, kByPattern, s.pattern));
        }
    }

    void testAccentAndWordStart() {
        Load();
        auto l = pool_->Acquire();
        CPPUNIT_ASSERT_EQUAL(std::string("1,2,3,4,5,8"), Ids(*l, kByPattern, Pattern("ecole")));
        CPPUNIT_ASSERT_EQUAL(std::string("10,11"), Ids(*l, kByPattern, Pattern("art")));
        // "jardin_partagé" is one word for InnoDB: "partagé" does not start a word there.
        CPPUNIT_ASSERT_EQUAL(std::string("13"), Ids(*l, kByPattern, Pattern("jardin partagé")));
    }

    void testScanUsedOnlyWhenItFillsThePage() {
        auto l = pool_->Acquire();
        // 3 000 rows; "quartier" in one row of ten, "kiosque" in one of 110, "lanterne" in one of
        // 400, "carillon" only in the oldest. The scan walks the primary key newest first, as the
        // listings walk theirs.
        l->Execute("t",
                   "INSERT INTO {p}d (id, title, body, rank_no) SELECT seq, IF(seq % 10 = 0, "
                   "'Le quartier', IF(seq = 1, 'Un carillon', 'Autre chose')), CONCAT_WS(' ', "
                   "IF(seq % 110 = 0, 'kiosque', NULL), IF(seq % 400 = 0, 'lanterne', NULL)), seq "
                   "FROM seq_1_to_3000");
        const std::string scan =
            "SELECT id FROM {p}d WHERE CONCAT_WS(' ', title, body) REGEXP ? "
            "ORDER BY id DESC LIMIT ?";
        std::string word;  // the pattern the continuation binds
        const SearchScanAfter after = [&word](const db::Row& last, std::size_t rows,
                                              std::vector<db::Value>& params) {
            params = {word, last.Int(0), static_cast<std::int64_t>(rows)};
            return std::string(
                "SELECT id FROM {p}d WHERE CONCAT_WS(' ', title, body) REGEXP ? AND id < ? "
                "ORDER BY id DESC LIMIT ?");
        };
        auto run = [&](const std::string& sql, const std::string& typed, std::size_t page) {
            word = Pattern(typed);
            return SearchScan(*l, "t", sql, {word, static_cast<std::int64_t>(page)}, page, after);
        };
        auto common = run(scan, "quartier", 13);
        CPPUNIT_ASSERT(common);
        CPPUNIT_ASSERT_EQUAL(std::size_t{13}, common->rows.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3000}, common->rows[0].Int(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2880}, common->rows[12].Int(0));
        // Five in the probe's 500 rows: the scan goes on after the fifth and finds the page.
        auto some = run(scan, "kiosque", 13);
        CPPUNIT_ASSERT(some);
        CPPUNIT_ASSERT_EQUAL(std::size_t{13}, some->rows.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2970}, some->rows[0].Int(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1650}, some->rows[12].Int(0));
        // One in the probe: a rare word, left to MATCH; so is a word the bound never reaches.
        CPPUNIT_ASSERT(!run(scan, "lanterne", 13));
        CPPUNIT_ASSERT(!run(scan, "carillon", 13));
        // A plan that sorts is aborted by the bound (error 1028): no page either.
        const std::string sorted =
            "SELECT id FROM {p}d WHERE CONCAT_WS(' ', title, body) REGEXP ? "
            "ORDER BY body DESC, id DESC LIMIT ?";
        CPPUNIT_ASSERT(!run(sorted, "quartier", 13));
        // 50 in the probe, 100 more within the bound: not the 200 a page of 200 needs.
        CPPUNIT_ASSERT(!run(scan, "quartier", 200));
    }

    // The word index's contract, checked against MariaDB's own REGEXP: wherever a word's pattern
    // matches a text, one of the text's tokens starts with the folded word. Every prefix (3
    // letters or more) of every word of the corpus and of texts built to trouble the tokenizer.
    void testTokensHoldEveryPatternMatch() {
        std::vector<std::pair<std::string, std::string>> texts = kCorpus;
        texts.insert(texts.end(), {{"Straße und Kilo", "\xE2\x84\xAAilogramme, \xE2\x84\xABrhus"},
                                   {"abc\xE1\xB7\x84"
                                    "def abc\xD2\x83"
                                    "def",
                                    "ab\xCD\x85\xCD\x85"
                                    "cd \xC2\xB5"
                                    "carillon"},
                                   {"日本carillon", "x_carillon ²carillon Ⅻcarillon"},
                                   {"fin de ligne\r\nœil", "manœuvrer l'Œuvre"},
                                   {"ＡＢＣ plein-chasse", "ｃarillon"}});
        Load(texts);
        auto l = pool_->Acquire();
        std::vector<std::string> words;
        for (const auto& [title, body] : texts) {
            for (const std::string& w : SearchWords(title + " " + body)) words.push_back(w);
        }
        std::size_t checked = 0;
        for (const std::string& w : words) {
            std::string prefix;
            std::size_t letters = 0;
            for (std::size_t i = 0; i < w.size(); ++i) {
                prefix += w[i];
                if (i + 1 < w.size() && (static_cast<unsigned char>(w[i + 1]) & 0xC0) == 0x80)
                    continue;  // inside a character
                if (++letters < 3) continue;
                const Search s = ParseSearch(prefix);
                if (s.pattern.empty()) continue;
                const std::string folded = FoldedWord(prefix);
                CPPUNIT_ASSERT_MESSAGE(prefix, !folded.empty());
                for (const db::Row& r :
                     l->Execute("t", std::string(kRowsByPattern), {s.pattern}).rows) {
                    bool held = false;
                    for (const std::string& t : SearchTokens(r.Str(1) + " " + r.Str(2)))
                        held = held || t.starts_with(folded);
                    CPPUNIT_ASSERT_MESSAGE(prefix + " in row " + r.Str(0), held);
                    ++checked;
                }
            }
        }
        CPPUNIT_ASSERT(checked > 300);
    }

  private:
    static constexpr const char* kRowsByPattern =
        "SELECT id, title, body FROM {p}d WHERE CONCAT_WS(' ', title, body) REGEXP ?";
    static constexpr const char* kByMatch =
        "SELECT GROUP_CONCAT(id ORDER BY id) FROM {p}d WHERE MATCH (title, body) AGAINST (? IN "
        "BOOLEAN MODE)";
    static constexpr const char* kByPattern =
        "SELECT GROUP_CONCAT(id ORDER BY id) FROM {p}d WHERE CONCAT_WS(' ', title, body) REGEXP ?";

    static std::string Pattern(const std::string& typed) { return ParseSearch(typed).pattern; }

    void Load(const std::vector<std::pair<std::string, std::string>>& texts = kCorpus) {
        auto l = pool_->Acquire();
        for (const auto& [title, body] : texts) {
            l->Execute("t", "INSERT INTO {p}d (title, body) VALUES (?, ?)", {title, body});
        }
    }

    static std::string Ids(db::Connection& c, const char* sql, const std::string& arg) {
        db::Result r = c.Execute("t", sql, {arg});
        return r.rows.empty() || r.rows[0].IsNull(0) ? "" : r.rows[0].Str(0);
    }

    std::unique_ptr<db::Pool> pool_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SearchTest, "core");
CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SearchDbTest, "core");

}  // namespace
}  // namespace placette::core
