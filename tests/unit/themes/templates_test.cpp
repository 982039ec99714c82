// Every template of the default theme loads, carries its AUTOESCAPE pragma, uses only known
// text keys, and escapes what it is given; a template without the pragma stops the load.
#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <unistd.h>

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
            CPPUNIT_ASSERT_EQUAL_MESSAGE(e.path().string(), std::string("{{%AUTOESCAPE context=\"HTML\"}}"), first);
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
        CPPUNIT_ASSERT_EQUAL(std::string("<p>&lt;b&gt;&amp;</p>"), View::Translate("<p>[[t:k]]</p>", "fr", i, "t"));
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
            for (const char* tpl : {"crowdfunding/campaign.tpl", "errors/error.tpl"}) {
                Page direct(tpl), kept(tpl);
                fill(direct);
                fill(kept);
                const std::string expected = v.Render(lang, direct);
                auto body = std::make_shared<const std::string>(v.RenderBody(lang, kept));
                CPPUNIT_ASSERT(!body->empty());
                CPPUNIT_ASSERT(expected.find(*body) != std::string::npos);
                kept.UseRenderedBody(body);
                CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(lang) + " " + tpl, expected, v.Render(lang, kept));
            }
        }
        Page page("crowdfunding/campaign.tpl");
        fill(page);
        const std::string html = v.Render("fr", page);
        CPPUNIT_ASSERT(html.find("&lt;script&gt;") != std::string::npos);
        CPPUNIT_ASSERT(html.find("<script>alert") == std::string::npos);
        CPPUNIT_ASSERT(html.find("<strong>bacs</strong>") != std::string::npos);
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
