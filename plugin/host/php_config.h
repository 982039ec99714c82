// Reads the string constants a PHP host config defines, e.g. WordPress's
// define( 'LOGGED_IN_KEY', '...' ); and $table_prefix = 'wp_'; — without running PHP.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace placette::host {

struct PhpConfig {
    std::map<std::string, std::string> constants;  // define('NAME', 'literal') with string literals
    std::map<std::string, std::string> variables;  // $name = 'literal'; at top level (no $ in key)
};

// Extracts define('NAME', 'value') / define("NAME", "value") calls whose value is a single string
// literal (single quotes: \' and \\ escapes; double quotes: \" \\ \n \t \$ escapes), with any
// whitespace and case of `define`, and simple `$var = 'literal';` assignments. Skips PHP comments
// (//, #, /* */), and anything whose value is not a plain literal (concatenation, function call).
// The first definition of a constant wins, as PHP refuses to redefine one.
PhpConfig ParsePhpConfig(std::string_view source);

}  // namespace placette::host
