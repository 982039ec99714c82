// Every template of the default theme loads, carries its AUTOESCAPE pragma, uses only known
// text keys, and escapes what it is given; a template without the pragma stops the load.
#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <unistd.h>

#include <fstream>

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

private:
    static fs::path MakeTheme(const std::string& layout) {
        fs::path dir = fs::temp_directory_path() / ("placette_theme_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::ofstream(dir / "layout.tpl", std::ios::trunc) << layout;
        return dir;
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TemplatesTest, "themes");
