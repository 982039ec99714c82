// Catalogs: lookup, placeholders, missing keys, and the language choice for a request.
#include "plugin/core/i18n.h"

#include <cppunit/extensions/HelperMacros.h>

#include "plugin/core/config.h"

using placette::core::I18n;

class I18nTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(I18nTest);
    CPPUNIT_TEST(LooksUpByLanguage);
    CPPUNIT_TEST(FormatsPlaceholders);
    CPPUNIT_TEST(UnknownKeyFallsBackToKey);
    CPPUNIT_TEST(CatalogsMustHaveTheSameKeys);
    CPPUNIT_TEST(PickHonoursCookieThenHeaderThenDefault);
    CPPUNIT_TEST(PickHonoursQValues);
    CPPUNIT_TEST(ThemeCatalogsLoad);
    CPPUNIT_TEST_SUITE_END();

  public:
    void LooksUpByLanguage() {
        I18n i = I18n::FromText("a = Bonjour\n", "a = Hello\n");
        CPPUNIT_ASSERT_EQUAL(std::string("Bonjour"), i.T("fr", "a"));
        CPPUNIT_ASSERT_EQUAL(std::string("Hello"), i.T("en", "a"));
    }
    void FormatsPlaceholders() {
        I18n i =
            I18n::FromText("d = Plus que {n} jours pour {who}\n", "d = {n} days left for {who}\n");
        CPPUNIT_ASSERT_EQUAL(std::string("3 days left for {who}"),
                             i.Format("en", "d", {{"n", "3"}}));
        CPPUNIT_ASSERT_EQUAL(std::string("Plus que 3 jours pour Alice"),
                             i.Format("fr", "d", {{"n", "3"}, {"who", "Alice"}}));
        // Stray braces stay as written; a value is never scanned for placeholders again.
        I18n j = I18n::FromText("e = {a}{ {b} {a} {\n", "e = {b}}{a\n");
        CPPUNIT_ASSERT_EQUAL(std::string("{b}{ {a} {b} {"),
                             j.Format("fr", "e", {{"a", "{b}"}, {"b", "{a}"}}));
        CPPUNIT_ASSERT_EQUAL(std::string("x}{a"), j.Format("en", "e", {{"b", "x"}}));
        std::string n = std::to_string(42);
        CPPUNIT_ASSERT_EQUAL(std::string("42 days left for 7"),
                             i.Format("en", "d", {{"n", n}, {"who", std::to_string(7)}}));
    }
    void UnknownKeyFallsBackToKey() {
        I18n i = I18n::FromText("a = x\n", "a = y\n");
        CPPUNIT_ASSERT_EQUAL(std::string("nope.key"), i.T("fr", "nope.key"));
        CPPUNIT_ASSERT(!i.Has("fr", "nope.key"));
    }
    void CatalogsMustHaveTheSameKeys() {
        CPPUNIT_ASSERT_THROW(I18n::FromText("a = x\nb = y\n", "a = x\n"),
                             placette::core::ConfigError);
        CPPUNIT_ASSERT_THROW(I18n::FromText("a = x\n", "a = x\nc = z\n"),
                             placette::core::ConfigError);
    }
    void PickHonoursCookieThenHeaderThenDefault() {
        CPPUNIT_ASSERT_EQUAL(std::string("en"), I18n::Pick("en", "fr-FR", "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("en"), I18n::Pick("", "en-GB,en;q=0.9", "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("fr"), I18n::Pick("de", "de-DE", "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("en"), I18n::Pick("xx", "", "en"));
    }
    void PickHonoursQValues() {
        CPPUNIT_ASSERT_EQUAL(std::string("fr"), I18n::Pick("", "en;q=0.5, fr;q=0.8", "en"));
        CPPUNIT_ASSERT_EQUAL(std::string("en"), I18n::Pick("", "de, en;q=0.7, fr;q=0.3", "fr"));
        CPPUNIT_ASSERT_EQUAL(std::string("fr"), I18n::Pick("", "en;q=0", "fr"));
    }
    void ThemeCatalogsLoad() {
        I18n i = I18n::Load(std::string(PLACETTE_SOURCE_DIR) + "/themes/default/lang");
        CPPUNIT_ASSERT(i.Has("fr", "error.404.title"));
        CPPUNIT_ASSERT(i.Has("en", "error.404.title"));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(I18nTest, "core");
