// Strict reader for the PHP serialize() subset hosts store (N; b: i: d: s: a:), with strings
// taken by byte length and hard limits on depth and size; anything else is refused.
#include "plugin/host/php_serialize.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace placette::host {

namespace {

constexpr int kMaxDepth = 16;
constexpr std::uint64_t kMaxElements = 10'000;
constexpr std::size_t kMinElementBytes = 6;  // "i:0;N;"

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!IsDigit(c)) return false;
    }
    return true;
}

// PHP's float syntax: [+-]? (digits "." digits* | digits? "." digits | digits) ([eE] [+-]? digits)?
bool IsPhpFloat(std::string_view s) {
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    const std::size_t e = s.find_first_of("eE");
    if (e != std::string_view::npos) {
        std::string_view exponent = s.substr(e + 1);
        if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-')) {
            exponent.remove_prefix(1);
        }
        if (!AllDigits(exponent)) return false;
        s = s.substr(0, e);
    }
    const std::size_t dot = s.find('.');
    if (dot == std::string_view::npos) return AllDigits(s);
    const std::string_view whole = s.substr(0, dot);
    const std::string_view fraction = s.substr(dot + 1);
    if (whole.empty() && fraction.empty()) return false;
    return (whole.empty() || AllDigits(whole)) && (fraction.empty() || AllDigits(fraction));
}

class Parser {
  public:
    explicit Parser(std::string_view in) : in_(in) {}

    bool AtEnd() const { return pos_ == in_.size(); }

    bool ParseValue(PhpValue& out, int depth) {
        if (pos_ >= in_.size()) return false;
        const char tag = in_[pos_++];
        if (tag == 'N') return Expect(';');
        if (!Expect(':')) return false;
        switch (tag) {
            case 'b':
                return ParseBool(out);
            case 'i':
                return ParseInt(out);
            case 'd':
                return ParseDouble(out);
            case 's':
                return ParseString(out);
            case 'a':
                return ParseArray(out, depth + 1);
            default:
                return false;  // O:, C:, r:, R:, S:, E: … are outside the subset
        }
    }

  private:
    bool Expect(char c) {
        if (pos_ >= in_.size() || in_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // The bytes up to (not including) `terminator`, which is consumed.
    bool TokenUntil(char terminator, std::string_view& token) {
        const std::size_t end = in_.find(terminator, pos_);
        if (end == std::string_view::npos) return false;
        token = in_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return true;
    }

    bool ParseBool(PhpValue& out) {
        std::string_view token;
        if (!TokenUntil(';', token) || (token != "0" && token != "1")) return false;
        out.type = PhpValue::Type::kBool;
        out.b = token == "1";
        return true;
    }

    bool ParseInt(PhpValue& out) {
        std::string_view token;
        if (!TokenUntil(';', token)) return false;
        if (!token.empty() && token.front() == '+') token.remove_prefix(1);
        const std::string_view digits =
            !token.empty() && token.front() == '-' ? token.substr(1) : token;
        if (!AllDigits(digits)) return false;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out.i);
        if (ec != std::errc() || end != token.data() + token.size()) return false;
        out.type = PhpValue::Type::kInt;
        return true;
    }

    bool ParseDouble(PhpValue& out) {
        std::string_view token;
        if (!TokenUntil(';', token)) return false;
        out.type = PhpValue::Type::kDouble;
        if (token == "NAN" || token == "INF" || token == "-INF") {
            out.d = token == "NAN" ? std::numeric_limits<double>::quiet_NaN()
                                   : std::numeric_limits<double>::infinity();
            if (token == "-INF") out.d = -out.d;
            return true;
        }
        if (!IsPhpFloat(token)) return false;
        if (token.front() == '+') token.remove_prefix(1);
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out.d);
        return ec == std::errc() && end == token.data() + token.size();
    }

    // Reads "<digits>:" as a count or length no larger than `max`.
    bool ParseLength(std::uint64_t max, std::uint64_t& length) {
        std::string_view token;
        if (!TokenUntil(':', token) || !AllDigits(token)) return false;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), length);
        return ec == std::errc() && end == token.data() + token.size() && length <= max;
    }

    bool ParseString(PhpValue& out) {
        std::uint64_t length = 0;
        if (!ParseLength(in_.size(), length) || !Expect('"')) return false;
        if (length > in_.size() - pos_) return false;
        out.s = std::string(in_.substr(pos_, static_cast<std::size_t>(length)));
        pos_ += static_cast<std::size_t>(length);
        out.type = PhpValue::Type::kString;
        return Expect('"') && Expect(';');
    }

    bool ParseKey(PhpValue& key) {
        if (pos_ >= in_.size() || (in_[pos_] != 'i' && in_[pos_] != 's')) return false;
        return ParseValue(key, 0);
    }

    bool ParseArray(PhpValue& out, int depth) {
        if (depth > kMaxDepth) return false;
        std::uint64_t count = 0;
        if (!ParseLength(kMaxElements, count) || !Expect('{')) return false;
        if (count > (in_.size() - pos_) / kMinElementBytes) return false;
        auto array = std::make_shared<PhpArray>();
        array->reserve(static_cast<std::size_t>(count));
        for (std::uint64_t n = 0; n < count; ++n) {
            PhpValue key;
            PhpValue value;
            if (!ParseKey(key) || !ParseValue(value, depth)) return false;
            array->emplace_back(std::move(key), std::move(value));
        }
        if (!Expect('}')) return false;
        out.type = PhpValue::Type::kArray;
        out.a = std::move(array);
        return true;
    }

    std::string_view in_;
    std::size_t pos_ = 0;
};

std::string DoubleToString(double d) {
    if (std::isnan(d)) return "NAN";
    if (std::isinf(d)) return d < 0 ? "-INF" : "INF";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

}  // namespace

// PHP keeps the last of repeated keys, so the last match is returned.
const PhpValue* PhpValue::Find(std::string_view key) const {
    if (type != Type::kArray || !a) return nullptr;
    const PhpValue* found = nullptr;
    for (const auto& [k, v] : *a) {
        if (k.AsString() == key) found = &v;
    }
    return found;
}

std::string PhpValue::AsString() const {
    switch (type) {
        case Type::kBool:
            return b ? "1" : "";
        case Type::kInt:
            return std::to_string(i);
        case Type::kDouble:
            return DoubleToString(d);
        case Type::kString:
            return s;
        case Type::kNull:
        case Type::kArray:
            break;
    }
    return "";
}

std::optional<PhpValue> PhpUnserialize(std::string_view in) {
    Parser parser(in);
    PhpValue value;
    if (!parser.ParseValue(value, 0) || !parser.AtEnd()) return std::nullopt;
    return value;
}

}  // namespace placette::host
