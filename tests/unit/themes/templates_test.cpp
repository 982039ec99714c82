// Every template of the default theme loads, carries its AUTOESCAPE pragma, uses only known
// text keys, and escapes what it is given; a template without the pragma stops the load.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "plugin/core/config.h"
#include "plugin/core/i18n.h"
#include "plugin/core/view.h"

using placette::core::I18n;
using placette::core::Page;
using placette::core::TemplateError;
using placette::core::View;

namespace fs = std::filesystem;

class TemplatesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TemplatesTest);
    CPPUNIT_TEST(DefaultThemeLoads);
    CPPUNIT_TEST(EveryTemplateHasThePragma);
    CPPUNIT_TEST(ValuesAreEscaped);
    CPPUNIT_TEST(MissingPragmaStopsTheLoad);
    CPPUNIT_TEST(UnknownTextKeyStopsTheLoad);
    CPPUNIT_TEST(TranslationIsEscaped);
    CPPUNIT_TEST(RenderedBodyGivesTheSameBytes);
    CPPUNIT_TEST(KeptBlockGivesTheSameBytes);
    CPPUNIT_TEST_SUITE_END();

  public:
    std::string Theme() const { return std::string(PLACETTE_SOURCE_DIR) + "/themes/default"; }
    I18n Catalogs() const { return I18n::Load(Theme() + "/lang"); }

    void DefaultThemeLoads() {
        I18n i = Catalogs();
        View v(Theme(), i);
        CPPUNIT_ASSERT(v.template_count() >= 3);
    }

    void EveryTemplateHasThePragma() {
        for (const auto& e : fs::recursive_directory_iterator(Theme())) {
            if (e.path().extension() != ".tpl") continue;
            std::ifstream in(e.path());
            std::string first;
            std::getline(in, first);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(e.path().string(),
                                         std::string("{{%AUTOESCAPE context=\"HTML\"}}"), first);
        }
    }

    void ValuesAreEscaped() {
        I18n i = Catalogs();
        View v(Theme(), i);
        Page page("errors/error.tpl");
        page.Global("LANG", "fr");
        page.layout().SetValue("TITLE", "<script>alert(1)</script>");
        page.body().SetValue("EXPLANATION", "\"><img src=x onerror=alert(1)>");
        std::string html = v.Render("fr", page);
        CPPUNIT_ASSERT(html.find("<script>alert") == std::string::npos);
        CPPUNIT_ASSERT(html.find("&lt;script&gt;") != std::string::npos);
        CPPUNIT_ASSERT(html.find("<img src=x") == std::string::npos);
        CPPUNIT_ASSERT(html.find("<html lang=\"fr\">") != std::string::npos);
    }

    void MissingPragmaStopsTheLoad() {
        fs::path dir = MakeTheme("<p>{{X}}</p>\n");
        I18n i = I18n::FromText("a = b\n", "a = c\n");
        CPPUNIT_ASSERT_THROW(View(dir.string(), i), TemplateError);
    }

    void UnknownTextKeyStopsTheLoad() {
        fs::path dir = MakeTheme("{{%AUTOESCAPE context=\"HTML\"}}\n<p>[[t:missing.key]]</p>\n");
        I18n i = I18n::FromText("a = b\n", "a = c\n");
        CPPUNIT_ASSERT_THROW(View(dir.string(), i), TemplateError);
    }

    void TranslationIsEscaped() {
        I18n i = I18n::FromText("k = <b>&\n", "k = x\n");
        CPPUNIT_ASSERT_EQUAL(std::string("<p>&lt;b&gt;&amp;</p>"),
                             View::Translate("<p>[[t:k]]</p>", "fr", i, "t"));
    }

    // A body rendered on its own and shown through UseRenderedBody gives the page byte for byte,
    // escaping included (nothing escaped twice, nothing left raw).
    void RenderedBodyGivesTheSameBytes() {
        I18n i = Catalogs();
        View v(Theme(), i);
        auto fill = [](Page& page) {
            page.Global("LANG", "fr");
            page.Global("BASE", "/participer");
            page.Global("STATIC", "/participer/static");
            page.layout().SetValue("TITLE", "Jardin <b>&</b>");
            auto& b = page.body();
            b.SetValue("TITLE", "Jardin \"des\" <Tanneurs> & co");
            b.SetValue("DESCRIPTION_HTML", "<p>Douze <strong>bacs</strong></p>");
            b.SetValue("STATE_NOTICE", "<script>alert(1)</script>");
            b.SetValueAndShowSection("BACK_URL", "/participer/projects/7/back?a=1&b=2", "CAN_BACK");
            b.ShowSection("HAS_REWARDS");
            for (int n = 0; n < 3; ++n) {
                auto* r = b.AddSectionDictionary("REWARD");
                r->SetValue("TITLE", "Récompense " + std::to_string(n) + " <i>");
                if (n == 1) r->ShowSection("SOLD_OUT");
            }
        };
        for (const char* lang : {"fr", "en"}) {
            for (const char* tpl :
                 {"crowdfunding/campaign.tpl", "errors/error.tpl", "crowdfunding/list.tpl",
                  "skills/list.tpl", "exchange/list.tpl", "home.tpl"}) {
                Page direct(tpl), kept(tpl);
                fill(direct);
                fill(kept);
                const std::string expected = v.Render(lang, direct);
                auto body = std::make_shared<const std::string>(v.RenderBody(lang, kept));
                CPPUNIT_ASSERT(!body->empty());
                CPPUNIT_ASSERT(expected.find(*body) != std::string::npos);
                kept.UseRenderedBody(body);
                CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(lang) + " " + tpl, expected,
                                             v.Render(lang, kept));
            }
        }
        Page page("crowdfunding/campaign.tpl");
        fill(page);
        const std::string html = v.Render("fr", page);
        CPPUNIT_ASSERT(html.find("&lt;script&gt;") != std::string::npos);
        CPPUNIT_ASSERT(html.find("<script>alert") == std::string::npos);
        CPPUNIT_ASSERT(html.find("<strong>bacs</strong>") != std::string::npos);
    }

    // A block rendered on its own, then shown through the built-in template in its place under
    // {{>BLOCKS}} (core::AddKeptBlock), gives the home page byte for byte.
    void KeptBlockGivesTheSameBytes() {
        I18n i = Catalogs();
        View v(Theme(), i);
        const char* blocks[] = {"crowdfunding/home_block.tpl", "skills/home_block.tpl",
                                "exchange/home_block.tpl"};
        auto fill = [](ctemplate::TemplateDictionary& d, const std::string& lang) {
            d.ShowSection("HAS_ITEMS");
            for (int n = 0; n < 3; ++n) {
                for (const char* name : {"ITEM", "LISTING"}) {
                    auto* item = d.AddSectionDictionary(name);
                    item->SetValue("TITLE", "Vélo <cargo> & \"remorque\" " + std::to_string(n));
                    item->SetValue("URL", "/participer/x/" + std::to_string(n) + "?a=1&b=2");
                    item->SetValue("KIND_LABEL", "Prêt");
                    item->SetValue("NEIGHBOURHOOD_LABEL", "Centre-ville");
                    auto* card = item->AddIncludeDictionary("CARD");  // crowdfunding's cards
                    card->SetFilename(lang + "/crowdfunding/card.tpl");
                    card->SetValue("TITLE", "Four <à> pain " + std::to_string(n));
                    card->SetValue("URL", "/participer/projects/" + std::to_string(n));
                }
            }
        };
        for (const char* lang : {"fr", "en"}) {
            Page direct("home.tpl"), kept("home.tpl");
            for (Page* p : {&direct, &kept}) {
                p->Global("LANG", lang);
                p->Global("BASE", "/participer");
                p->body().SetValueAndShowSection("USER_NAME", "Chloé <i>", "GREETING");
            }
            for (const char* tpl : blocks) {
                auto* d = direct.body().AddIncludeDictionary("BLOCKS");
                d->SetFilename(std::string(lang) + "/" + tpl);
                fill(*d, lang);
                auto* k = kept.body().AddIncludeDictionary("BLOCKS");
                k->SetFilename(std::string(lang) + "/" + tpl);
                fill(*k, lang);
                const std::string html = v.RenderAlone(lang, tpl, *k);
                CPPUNIT_ASSERT(html.find("&lt;cargo&gt;") != std::string::npos ||
                               html.find("Four &lt;à&gt; pain 2") != std::string::npos);
                k->SetFilename(std::string(lang) + "/" + std::string(View::kRenderedBody));
                k->SetValue("HTML", html);
            }
            const std::string expected = v.Render(lang, direct);
            CPPUNIT_ASSERT(expected.find("Vélo &lt;cargo&gt; &amp; &quot;remorque&quot; 2") !=
                           std::string::npos);
            CPPUNIT_ASSERT(expected.find("Four &lt;à&gt; pain 2") != std::string::npos);
            CPPUNIT_ASSERT(expected.find("<cargo>") == std::string::npos);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(lang, expected, v.Render(lang, kept));
        }
    }

  private:
    static fs::path MakeTheme(const std::string& layout) {
        fs::path dir = fs::temp_directory_path() / ("placette_theme_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::ofstream(dir / "layout.tpl", std::ios::trunc) << layout;
        return dir;
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TemplatesTest, "themes");
