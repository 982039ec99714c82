// A strict parser for the subset of PHP serialize() that hosts store in their tables
// (WordPress session tokens and capabilities, Drupal role config): N; b: i: d: s: a:.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace placette::host {

struct PhpValue;
using PhpArray = std::vector<std::pair<PhpValue, PhpValue>>;  // ordered key/value pairs

struct PhpValue {
    enum class Type { kNull, kBool, kInt, kDouble, kString, kArray };
    Type type = Type::kNull;
    bool b = false;
    std::int64_t i = 0;
    double d = 0;
    std::string s;
    std::shared_ptr<PhpArray> a;  // set when type == kArray

    // For arrays: the value whose key is the string (or integer rendered as decimal) `key`.
    const PhpValue* Find(std::string_view key) const;
    // Keys and values as strings for scalar values ("1" for true, "" for null/false).
    std::string AsString() const;
};

// Parses one serialized value occupying the whole input. Strings are read by their byte length,
// never by scanning for quotes. Objects (O:, C:), references (r:, R:), nesting deeper than 16,
// arrays with more than 10 000 elements, and trailing bytes are rejected (nullopt).
std::optional<PhpValue> PhpUnserialize(std::string_view in);

}  // namespace placette::host
