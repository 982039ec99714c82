// What citizens type into the crowdfunding forms: one translated message per bad field naming
// the limit (table-driven), money rules ("12.505" refused), text checks, slugs, search words.
#include "plugin/crowdfunding/validation.h"

#include <cppunit/extensions/HelperMacros.h>

#include "plugin/core/i18n.h"
#include "plugin/crowdfunding/service.h"

using namespace placette::crowdfunding;
using placette::core::FieldErrors;
using placette::core::I18n;
using placette::http::Form;

namespace {
const I18n& Catalogs() {
    static const I18n i = I18n::Load(std::string(PLACETTE_SOURCE_DIR) + "/themes/default/lang");
    return i;
}

Form MakeForm(std::initializer_list<std::pair<const char*, const char*>> fields) {
    Form f;
    for (const auto& [k, v] : fields) f.Add(k, v);
    return f;
}

Form GoodDraft() {
    return MakeForm({{"title", "Jardin partagé"},
                     {"summary", "Un jardin"},
                     {"description", "Des bacs"},
                     {"neighbourhood", "north"},
                     {"theme", "environment"},
                     {"goal", "1 500,50"},
                     {"funding_model", "all_or_nothing"},
                     {"duration_days", "30"}});
}

Form With(Form base, const char* field, const char* value) {
    Form out;
    bool replaced = false;
    for (const auto& [k, v] : base.Fields()) {
        if (k == field) {
            out.Add(k, value);
            replaced = true;
        } else {
            out.Add(k, v);
        }
    }
    if (!replaced) out.Add(field, value);
    return out;
}
}  // namespace

class CrowdfundingValidationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrowdfundingValidationTest);
    CPPUNIT_TEST(GoodDraftParses);
    CPPUNIT_TEST(EachBadFieldGetsItsMessage);
    CPPUNIT_TEST(MessagesNameTheLimitsInBothLanguages);
    CPPUNIT_TEST(LiveCampaignIgnoresFrozenFields);
    CPPUNIT_TEST(RewardDateInThePastIsRefused);
    CPPUNIT_TEST(RewardLimitsAndMinimum);
    CPPUNIT_TEST(NeedDatesAreOptionalAndChecked);
    CPPUNIT_TEST(PledgeAmountRules);
    CPPUNIT_TEST(PledgeTokenShape);
    CPPUNIT_TEST(TextChecks);
    CPPUNIT_TEST(Slugs);
    CPPUNIT_TEST(ShortMoney);
    CPPUNIT_TEST_SUITE_END();

  public:
    void setUp() override { rules_ = LoadRules(placette::core::Ini::Parse("", "t")); }

    void GoodDraftParses() {
        FieldErrors errors;
        auto d = ParseDraft(GoodDraft(), rules_, Fr(), false, errors);
        CPPUNIT_ASSERT(errors.empty());
        CPPUNIT_ASSERT(d.has_value());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{150050}, d->goal);
        CPPUNIT_ASSERT_EQUAL(30, d->duration_days);
        CPPUNIT_ASSERT(d->model == FundingModel::kAllOrNothing);
    }

    void EachBadFieldGetsItsMessage() {
        struct Case {
            const char* field;
            const char* value;
            const char* expected;  // a piece of the French message
        };
        static const std::string kLong(121, 'a');
        const Case cases[] = {
            {"title", "   ", "Indiquez le titre"},
            {"title", kLong.c_str(), "120 caractères au plus"},
            {"summary", "", "résumé"},
            {"description", "", "Décrivez"},
            {"neighbourhood", "atlantis", "quartier"},
            {"theme", "", "thème"},
            {"goal", "12.505", "« 12.505 » n'est pas un montant valide"},
            {"goal", "abc", "n'est pas un montant valide"},
            {"goal", "-5", "n'est pas un montant valide"},
            {"goal", "", "Indiquez un montant"},
            {"goal", "99", "entre 100 € et 10 000 €"},
            {"goal", "10000,01", "entre 100 € et 10 000 €"},
            {"funding_model", "maybe", "mode de financement"},
            {"duration_days", "6", "entre 7 et 90"},
            {"duration_days", "91", "entre 7 et 90"},
            {"duration_days", "30.5", "entre 7 et 90"},
            {"latitude", "91", "latitude"},
        };
        for (const Case& c : cases) {
            FieldErrors errors;
            auto d = ParseDraft(With(GoodDraft(), c.field, c.value), rules_, Fr(), false, errors);
            CPPUNIT_ASSERT_MESSAGE(c.field, !d.has_value());
            CPPUNIT_ASSERT_MESSAGE(std::string(c.field) + "=" + c.value, errors.Has(c.field));
            const std::string msg = Replace(errors.Get(c.field));
            CPPUNIT_ASSERT_MESSAGE(msg, msg.find(c.expected) != std::string::npos);
        }
    }

    void MessagesNameTheLimitsInBothLanguages() {
        FieldErrors errors;
        ParseDraft(With(GoodDraft(), "goal", "20000"), rules_, En(), false, errors);
        CPPUNIT_ASSERT(errors.Get("goal").find("between €100 and €10,000") != std::string::npos);
    }

    void LiveCampaignIgnoresFrozenFields() {
        FieldErrors errors;
        auto d = ParseDraft(With(GoodDraft(), "goal", "not money"), rules_, Fr(), true, errors);
        CPPUNIT_ASSERT(d.has_value());
        CPPUNIT_ASSERT(!errors.Has("goal"));
    }

    void RewardDateInThePastIsRefused() {
        Form f = MakeForm({{"title", "Bouquet"}, {"min_amount", "15"}, {"delivery", "2026-01-31"}});
        FieldErrors errors;
        CPPUNIT_ASSERT(!ParseReward(f, rules_, Fr(), "2026-02-01", errors));
        CPPUNIT_ASSERT(errors.Get("delivery").find("ne peut pas être passée") != std::string::npos);
        FieldErrors ok;
        CPPUNIT_ASSERT(ParseReward(f, rules_, Fr(), "2026-01-31", ok).has_value());
        FieldErrors bad;
        ParseReward(With(f, "delivery", "2026-02-30"), rules_, Fr(), "2026-01-01", bad);
        CPPUNIT_ASSERT(bad.Get("delivery").find("AAAA-MM-JJ") != std::string::npos);
    }

    void NeedDatesAreOptionalAndChecked() {
        const Form base =
            MakeForm({{"kind", "equipment"}, {"title", "Perceuse"}, {"quantity", "1"}});
        struct Case {
            const char *from, *until, *field, *words;  // field "" = accepted
        };
        const Case cases[] = {
            {"", "", "", ""},
            {"2026-05-02", "2026-05-04", "", ""},
            {"2026-05-02", "", "", ""},  // a single day
            {"2026-05-01", "2026-05-01", "", ""},
            {"2026-04-30", "2026-05-04", "needed_from", "Cette date est passée"},
            {"2026-05-02", "2026-04-30", "needed_until", "Cette date est passée"},
            {"2026-05-04", "2026-05-02", "needed_until", "ne peut pas être avant la date de début"},
            {"", "2026-05-04", "needed_from", "Indiquez aussi la date de début"},
            {"2026-02-30", "", "needed_from", "AAAA-MM-JJ"},
            {"2026-05-02", "demain", "needed_until", "AAAA-MM-JJ"},
        };
        for (const Case& c : cases) {
            FieldErrors errors;
            auto n = ParseNeed(With(With(base, "needed_from", c.from), "needed_until", c.until),
                               Fr(), "2026-05-01", errors);
            const std::string label = std::string(c.from) + " / " + c.until;
            if (*c.field == '\0') {
                CPPUNIT_ASSERT_MESSAGE(label, n.has_value());
                CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(c.from), n->needed_from);
                CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(*c.until ? c.until : c.from),
                                             n->needed_until);
            } else {
                CPPUNIT_ASSERT_MESSAGE(label, !n.has_value());
                CPPUNIT_ASSERT_MESSAGE(label + ": " + errors.Get(c.field),
                                       errors.Get(c.field).find(c.words) != std::string::npos);
            }
        }
        FieldErrors en;
        ParseNeed(With(With(base, "needed_from", "2026-05-04"), "needed_until", "2026-05-02"), En(),
                  "2026-05-01", en);
        CPPUNIT_ASSERT(en.Get("needed_until").find("cannot be before the start date") !=
                       std::string::npos);
    }

    void RewardLimitsAndMinimum() {
        Form f = MakeForm({{"title", "Atelier"}, {"min_amount", "0,50"}, {"limit", "0"}});
        FieldErrors errors;
        CPPUNIT_ASSERT(!ParseReward(f, rules_, Fr(), "2026-01-01", errors));
        CPPUNIT_ASSERT(Replace(errors.Get("min_amount")).find("entre 1 € et 1 000 €") !=
                       std::string::npos);
        CPPUNIT_ASSERT(errors.Get("limit").find("entre 1 et 100000") != std::string::npos);
        FieldErrors none;
        auto r = ParseReward(With(With(f, "min_amount", "40"), "limit", ""), rules_, Fr(),
                             "2026-01-01", none);
        CPPUNIT_ASSERT(r.has_value());
        CPPUNIT_ASSERT(!r->limit.has_value());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4000}, r->min_amount);
    }

    void PledgeAmountRules() {
        FieldErrors e1;
        CPPUNIT_ASSERT(
            !ParsePledge(MakeForm({{"reward", "none"}, {"amount", ""}}), rules_, Fr(), e1));
        CPPUNIT_ASSERT(e1.Get("amount").find("Indiquez un montant") != std::string::npos);
        FieldErrors e2;
        auto with_reward =
            ParsePledge(MakeForm({{"reward", "7"}, {"amount", ""}}), rules_, Fr(), e2);
        CPPUNIT_ASSERT(with_reward.has_value());
        CPPUNIT_ASSERT(!with_reward->amount.has_value());  // the reward's minimum
        FieldErrors e3;
        CPPUNIT_ASSERT(
            !ParsePledge(MakeForm({{"reward", "none"}, {"amount", "12.505"}}), rules_, Fr(), e3));
        CPPUNIT_ASSERT(e3.Get("amount").find("12.505") != std::string::npos);
        FieldErrors e4;
        CPPUNIT_ASSERT(
            !ParsePledge(MakeForm({{"reward", "x1"}, {"amount", "5"}}), rules_, Fr(), e4));
        CPPUNIT_ASSERT(e4.Has("reward"));
        FieldErrors e5;
        auto p =
            ParsePledge(MakeForm({{"amount", "25,50"}, {"anonymous", "1"}, {"message", "Bravo"}}),
                        rules_, Fr(), e5);
        CPPUNIT_ASSERT(p && p->anonymous && *p->amount == 2550 && p->message == "Bravo");
    }

    void PledgeTokenShape() {
        CPPUNIT_ASSERT(IsPledgeToken("0123456789abcdef0123456789abcdef"));
        CPPUNIT_ASSERT(!IsPledgeToken("0123456789ABCDEF0123456789abcdef"));
        CPPUNIT_ASSERT(!IsPledgeToken("short"));
        CPPUNIT_ASSERT(!IsPledgeToken(""));
    }

    void TextChecks() {
        CPPUNIT_ASSERT(IsCleanUtf8("Chloé 🌻\nligne"));
        CPPUNIT_ASSERT(!IsCleanUtf8("bad \xC3"));
        CPPUNIT_ASSERT(!IsCleanUtf8("overlong \xC0\xAF"));
        CPPUNIT_ASSERT(!IsCleanUtf8(std::string("nul \0 inside", 12)));
        CPPUNIT_ASSERT(!IsCleanUtf8("surrogate \xED\xA0\x80"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{5}, Utf8Length("Chloé"));
        FieldErrors errors;
        ParseDraft(With(GoodDraft(), "title", "bad \xC3"), rules_, Fr(), false, errors);
        CPPUNIT_ASSERT(errors.Get("title").find("illisibles") != std::string::npos);
    }

    void Slugs() {
        CPPUNIT_ASSERT_EQUAL(std::string("jardin-partage-des-tanneurs"),
                             Slugify("Jardin partagé des Tanneurs"));
        CPPUNIT_ASSERT_EQUAL(std::string("l-oeuvre-a-cote"), Slugify("L'Œuvre à côté !"));
        CPPUNIT_ASSERT_EQUAL(std::string("projet"), Slugify("!!!"));
        CPPUNIT_ASSERT(Slugify(std::string(200, 'a')).size() <= 60);
    }

    void ShortMoney() {
        CPPUNIT_ASSERT_EQUAL(std::string("10 000 €"), Replace(Fr().Money(1000000)));
        CPPUNIT_ASSERT_EQUAL(std::string("12,50 €"), Replace(Fr().Money(1250)));
        CPPUNIT_ASSERT_EQUAL(std::string("€1,500"), En().Money(150000));
    }

  private:
    Texts Fr() const { return Texts{Catalogs(), "fr"}; }
    Texts En() const { return Texts{Catalogs(), "en"}; }
    // Narrow and normal no-break spaces as plain spaces, for readable assertions.
    static std::string Replace(std::string s) {
        for (const char* nb : {"\u202F", "\u00A0"}) {
            for (auto p = s.find(nb); p != std::string::npos; p = s.find(nb))
                s.replace(p, std::string(nb).size(), " ");
        }
        return s;
    }
    Rules rules_;
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CrowdfundingValidationTest, "crowdfunding");
