// Unit tests for plugin/host/php_config: constants and variables read from wp-config.php-like
// sources, with PHP quoting, comments, tags and everything that is not a plain literal.
#include "plugin/host/php_config.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace placette::host {
namespace {

const std::string kOpen = "<?php\n";

std::map<std::string, std::string> Constants(const std::string& body) {
    return ParsePhpConfig(kOpen + body).constants;
}

std::map<std::string, std::string> Variables(const std::string& body) {
    return ParsePhpConfig(kOpen + body).variables;
}

class PhpConfigTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PhpConfigTest);
    CPPUNIT_TEST(testWordPressSampleConfig);
    CPPUNIT_TEST(testDebianMasterConfig);
    CPPUNIT_TEST(testSingleQuotedEscapesTable);
    CPPUNIT_TEST(testDoubleQuotedEscapesTable);
    CPPUNIT_TEST(testDoubleQuotedInterpolationSkipped);
    CPPUNIT_TEST(testDefineSpellingAndWhitespace);
    CPPUNIT_TEST(testBlockCommentIgnored);
    CPPUNIT_TEST(testLineCommentsIgnored);
    CPPUNIT_TEST(testCommentMarkersInsideStringsAreText);
    CPPUNIT_TEST(testNonLiteralValuesSkipped);
    CPPUNIT_TEST(testFirstDefinitionWins);
    CPPUNIT_TEST(testMethodsAndDeclarationsNamedDefineIgnored);
    CPPUNIT_TEST(testOnlyCodeInsidePhpTagsCounts);
    CPPUNIT_TEST(testHeredocContentIsNotCode);
    CPPUNIT_TEST(testTablePrefixVariable);
    CPPUNIT_TEST(testVariableInControlBlockCounts);
    CPPUNIT_TEST(testVariableInFunctionOrClassIgnored);
    CPPUNIT_TEST(testVariableLastLiteralAssignmentWins);
    CPPUNIT_TEST(testVariableWithNonLiteralValueSkippedOrForgotten);
    CPPUNIT_TEST(testTruncatedSourceNeverThrows);
    CPPUNIT_TEST_SUITE_END();

  public:
    void testWordPressSampleConfig() {
        const auto config = ParsePhpConfig(
            "<?php\n/**\n * The base configuration for WordPress\n */\n"
            "// ** Database settings ** //\n"
            "define( 'DB_NAME', 'database_name_here' );\n"
            "define( 'DB_COLLATE', '' );\n"
            "define( 'LOGGED_IN_KEY',    'put your unique phrase here' );\n"
            "define('LOGGED_IN_SALT', '8!b$`<]x{~z|%K;:/?.,=+');\n"
            "$table_prefix = 'wp_';\n"
            "define( 'WP_DEBUG', false );\n"
            "if ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}\n"
            "require_once ABSPATH . 'wp-settings.php';\n");
        CPPUNIT_ASSERT_EQUAL(std::string("database_name_here"), config.constants.at("DB_NAME"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), config.constants.at("DB_COLLATE"));
        CPPUNIT_ASSERT_EQUAL(std::string("put your unique phrase here"),
                             config.constants.at("LOGGED_IN_KEY"));
        CPPUNIT_ASSERT_EQUAL(std::string("8!b$`<]x{~z|%K;:/?.,=+"),
                             config.constants.at("LOGGED_IN_SALT"));
        CPPUNIT_ASSERT_EQUAL(std::string("wp_"), config.variables.at("table_prefix"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{4}, config.constants.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, config.variables.size());
    }

    void testDebianMasterConfig() {
        const auto config = ParsePhpConfig(
            "<?php\n/***\n * WordPress's Debianised default master config file\n ***/\n"
            "$debian_server = preg_replace('/:.*/', \"\", $_SERVER['HTTP_HOST']);\n"
            "if (file_exists($debian_file)) {\n    require_once($debian_file);\n"
            "    define('DEBIAN_FILE', $debian_file);\n} else {\n"
            "    echo \"Neither <b>$debian_file</b> could be found.\";\n    exit(1);\n}\n"
            "if (!defined('ABSPATH'))\n    define('ABSPATH', '/usr/share/wordpress/');\n"
            "if (!defined('WP_AUTO_UPDATE_CORE'))\n    define('WP_AUTO_UPDATE_CORE', false);\n"
            "if (!isset($table_prefix)) {\n    $table_prefix = 'wp_';\n}\n"
            "require_once(ABSPATH . 'wp-settings.php');\n?>\n");
        CPPUNIT_ASSERT_EQUAL(std::string("/usr/share/wordpress/"), config.constants.at("ABSPATH"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, config.constants.size());
        CPPUNIT_ASSERT_EQUAL(std::string("wp_"), config.variables.at("table_prefix"));
        CPPUNIT_ASSERT(config.variables.count("debian_server") == 0);
    }

    void testSingleQuotedEscapesTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {R"('a\'b')", "a'b"},
            {R"('a\\b')", R"(a\b)"},
            {R"('a\nb')", R"(a\nb)"},
            {R"('C:\dir\\')", R"(C:\dir\)"},
            {R"('a"b$c{$d}')", R"(a"b$c{$d})"},
            {R"('\\\'')", R"(\')"},
            {"'multi\nline'", "multi\nline"},
        };
        for (const auto& [literal, want] : cases) {
            const auto constants = Constants("define('K', " + literal + ");");
            CPPUNIT_ASSERT_MESSAGE(literal, constants.count("K") == 1);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(literal, want, constants.at("K"));
        }
    }

    void testDoubleQuotedEscapesTable() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {R"("a\"b")", "a\"b"},
            {R"("a\\b")", R"(a\b)"},
            {R"("a\nb\tc")", "a\nb\tc"},
            {R"("\$HOME")", "$HOME"},
            {R"("\r\v\f\e")", "\r\v\f\x1B"},
            {R"("\q\'")", R"(\q\')"},
            {R"("\x41\101\u{20AC}")", "AA€"},
            {R"("\xZ")", R"(\xZ)"},
            {R"("$ 5 and $1 {x}")", "$ 5 and $1 {x}"},
            {R"("\u00e9")", R"(\u00e9)"},
        };
        for (const auto& [literal, want] : cases) {
            const auto constants = Constants("define(\"K\", " + literal + ");");
            CPPUNIT_ASSERT_MESSAGE(literal, constants.count("K") == 1);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(literal, want, constants.at("K"));
        }
    }

    void testDoubleQuotedInterpolationSkipped() {
        const auto constants = Constants(
            "define('A', \"x$y\"); define('B', \"x{$y}\"); define('C', \"${y}\");"
            "define(\"D_$x\", 'v'); define('E', \"\\u{110000}\"); define('F', \"\\\\$y\");");
        CPPUNIT_ASSERT(constants.empty());
    }

    void testDefineSpellingAndWhitespace() {
        const auto constants = Constants(
            "DEFINE ( 'A' , 'x' ) ;\nDefine(\n\t'B',\n\t\"y\"\n);\n\\define('C', 'z');"
            "define('D', 'w',);define/* c */('E', # c\n'v');");
        const std::map<std::string, std::string> want = {
            {"A", "x"}, {"B", "y"}, {"C", "z"}, {"D", "w"}, {"E", "v"}};
        CPPUNIT_ASSERT(constants == want);
    }

    void testBlockCommentIgnored() {
        const auto constants = Constants(
            "/* define('A', 'commented');\n define('B', 'also'); */\n"
            "/**/define('C', 'live');/* unterminated define('D', 'x');");
        CPPUNIT_ASSERT(constants == (std::map<std::string, std::string>{{"C", "live"}}));
    }

    void testLineCommentsIgnored() {
        const auto constants = Constants(
            "// define('A', '1');\n# define('B', '2');\n"
            "define('C', '3'); // define('D', '4');\n"
            "#define('E', '5');\r\ndefine('F', '6');");
        CPPUNIT_ASSERT(constants == (std::map<std::string, std::string>{{"C", "3"}, {"F", "6"}}));
    }

    void testCommentMarkersInsideStringsAreText() {
        const auto constants = Constants(
            "define('URL', 'http://example.test/#top'); define('G', \"/* x */\");\n"
            "define('H', '?>'); define('I', 'ok');");
        CPPUNIT_ASSERT_EQUAL(std::string("http://example.test/#top"), constants.at("URL"));
        CPPUNIT_ASSERT_EQUAL(std::string("/* x */"), constants.at("G"));
        CPPUNIT_ASSERT_EQUAL(std::string("?>"), constants.at("H"));
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), constants.at("I"));
    }

    void testNonLiteralValuesSkipped() {
        const auto constants = Constants(
            "define('A', __DIR__ . '/');\ndefine('B', 'a' . 'b');\ndefine('C', getenv('X'));\n"
            "define('D', false);\ndefine('E', 5);\ndefine('F', 'x', true);\n"
            "define(FOO, 'x');\ndefine('G', 'a'.'b');\ndefine('', 'empty');\n"
            "define('H', '1') . 'x';");
        CPPUNIT_ASSERT(constants == (std::map<std::string, std::string>{{"H", "1"}}));
    }

    void testFirstDefinitionWins() {
        const auto constants = Constants(
            "define('SECRET_KEY', 'first');\ndefine('SECRET_KEY', 'second');\n"
            "define('OTHER', 'a' . 'b'); define('OTHER', 'plain');");
        CPPUNIT_ASSERT_EQUAL(std::string("first"), constants.at("SECRET_KEY"));
        CPPUNIT_ASSERT_EQUAL(std::string("plain"), constants.at("OTHER"));
    }

    void testMethodsAndDeclarationsNamedDefineIgnored() {
        const auto constants = Constants(
            "$o->define('A', '1'); $o?->define('B', '2'); Foo::define('C', '3');\n"
            "function define_it() {} function define($a, $b) {} define_x('D', '4');");
        CPPUNIT_ASSERT(constants.empty());
    }

    void testOnlyCodeInsidePhpTagsCounts() {
        const auto config = ParsePhpConfig(
            "define('A', '1'); <?phpx define('X', 'no');\n<?PHP define('B', '2'); ?>\n"
            "define('C', '3'); <?= 'echo' ?> <?php\ndefine('D', '4') ?>define('E', '5');\n"
            "<?php $v = 'x' ?>");
        const std::map<std::string, std::string> want = {{"B", "2"}, {"D", "4"}};
        CPPUNIT_ASSERT(config.constants == want);
        CPPUNIT_ASSERT_EQUAL(std::string("x"), config.variables.at("v"));
        CPPUNIT_ASSERT(ParsePhpConfig("define('A', '1');").constants.empty());
    }

    void testHeredocContentIsNotCode() {
        const auto constants = Constants(
            "$x = <<<EOT\ndefine('A', '1');\nEOT;\n$y = <<<'NOW'\ndefine('B', '2');\n  NOW;\n"
            "define('C', '3');");
        CPPUNIT_ASSERT(constants == (std::map<std::string, std::string>{{"C", "3"}}));
    }

    void testTablePrefixVariable() {
        CPPUNIT_ASSERT_EQUAL(std::string("wp_"),
                             Variables("$table_prefix = 'wp_';").at("table_prefix"));
        CPPUNIT_ASSERT_EQUAL(std::string("blog_"),
                             Variables("$table_prefix=\"blog_\" ;").at("table_prefix"));
    }

    void testVariableInControlBlockCounts() {
        const auto vars = Variables("if (!isset($table_prefix)) {\n    $table_prefix = 'wp_';\n}");
        CPPUNIT_ASSERT_EQUAL(std::string("wp_"), vars.at("table_prefix"));
    }

    void testVariableInFunctionOrClassIgnored() {
        const auto vars = Variables(
            "function f($a = 'param') { $inner = 'x'; if (1) { $deep = 'y'; } }\n"
            "class C { public $prop = 'p'; function m() { $m = 'm'; } }\n"
            "$cb = function () { $closure = 'c'; };\n$after = 'yes';");
        CPPUNIT_ASSERT(vars == (std::map<std::string, std::string>{{"after", "yes"}}));
    }

    void testVariableLastLiteralAssignmentWins() {
        const auto vars = Variables("$p = 'a_'; $p = 'b_'; $q = 'x'; $q ?\?= 'y'; $r ?\?= 'z';");
        const std::map<std::string, std::string> want = {{"p", "b_"}, {"q", "x"}, {"r", "z"}};
        CPPUNIT_ASSERT(vars == want);
    }

    void testVariableWithNonLiteralValueSkippedOrForgotten() {
        const auto vars = Variables(
            "$a = 'wp_' . $blog_id; $b = 'x'; $b = strtolower('X'); $c = 'y'; $c .= 'z';\n"
            "$d = 'k'; $d++; $e = $f = 'v'; $g = \"x$y\"; $h == 'no'; $$i = 'no';\n"
            "$arr['k'] = 'no'; self::$s = 'no'; $o->p = 'no'; $j = 'j'");
        CPPUNIT_ASSERT(vars == (std::map<std::string, std::string>{{"f", "v"}}));
    }

    void testTruncatedSourceNeverThrows() {
        const std::string source =
            "<?php /* c */ define( \"A\\x41\\u{20AC}\", 'v\\'' ); $t = <<<EOT\nx\nEOT;\n"
            "# c\n$p = 'wp_'; ?> html <?php define('B', \"$x\");";
        for (std::size_t n = 0; n <= source.size(); ++n) {
            CPPUNIT_ASSERT_NO_THROW(ParsePhpConfig(source.substr(0, n)));
        }
        CPPUNIT_ASSERT_EQUAL(std::string("v'"), ParsePhpConfig(source).constants.at("AA€"));
    }
};

CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PhpConfigTest, "host");

}  // namespace
}  // namespace placette::host
