// Money in integer minor units: parsing of typed amounts, fr/en display formatting and checked
// arithmetic. No floating point anywhere; every bound is checked before it could overflow.
#include "plugin/core/money.h"

#include <array>
#include <limits>

namespace placette::core {

namespace {

constexpr std::uint64_t kMaxUnits = 1'000'000'000'000;  // 10^12 major units
constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";

struct CurrencyInfo {
    std::string_view code;
    int exponent;
    std::string_view symbol;  // empty: display the ISO code
};

constexpr std::array<CurrencyInfo, 14> kCurrencies{{
    {"EUR", 2, "\u20AC"},
    {"USD", 2, "$"},
    {"GBP", 2, "\u00A3"},
    {"CHF", 2, ""},
    {"JPY", 0, "\u00A5"},
    {"KRW", 0, "\u20A9"},
    {"ISK", 0, ""},
    {"CLP", 0, ""},
    {"VND", 0, ""},
    {"XOF", 0, ""},
    {"XAF", 0, ""},
    {"XPF", 0, ""},
    {"KWD", 3, ""},
    {"TND", 3, ""},
}};

char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool IEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (AsciiUpper(a[i]) != AsciiUpper(b[i])) return false;
    }
    return true;
}

const CurrencyInfo* FindCurrency(std::string_view code) {
    for (const auto& info : kCurrencies) {
        if (IEquals(info.code, code)) return &info;
    }
    return nullptr;
}

std::int64_t PowerOfTen(int exponent) {
    std::int64_t p = 1;
    for (int i = 0; i < exponent; ++i) p *= 10;
    return p;
}

// Byte length of the space character (ASCII, no-break, thin, narrow no-break) starting at `pos`.
std::size_t SpaceAt(std::string_view s, std::size_t pos) {
    static constexpr std::array<std::string_view, 5> kSpaces{" ", "\t", "\u00A0", "\u2009",
                                                             "\u202F"};
    for (const auto space : kSpaces) {
        if (s.substr(pos, space.size()) == space) return space.size();
    }
    return 0;
}

std::string_view TrimAnySpace(std::string_view s) {
    while (std::size_t n = SpaceAt(s, 0)) s.remove_prefix(n);
    bool trimmed = true;
    while (trimmed && !s.empty()) {
        trimmed = false;
        for (std::size_t n = 1; n <= 3 && n <= s.size(); ++n) {
            if (SpaceAt(s, s.size() - n) == n) {
                s.remove_suffix(n);
                trimmed = true;
                break;
            }
        }
    }
    return s;
}

// Removes one leading or trailing currency marker (symbol or ISO code) of `code`.
std::string_view StripCurrencyMarker(std::string_view s, std::string_view code) {
    const CurrencyInfo* info = FindCurrency(code);
    for (const std::string_view marker : {info ? info->symbol : std::string_view(), code}) {
        if (marker.empty() || s.size() < marker.size()) continue;
        if (IEquals(s.substr(0, marker.size()), marker)) {
            return TrimAnySpace(s.substr(marker.size()));
        }
        if (IEquals(s.substr(s.size() - marker.size()), marker)) {
            return TrimAnySpace(s.substr(0, s.size() - marker.size()));
        }
    }
    return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads the integer part, allowing one space between groups of exactly three digits.
// Returns the position after it, or npos when malformed or above kMaxUnits.
std::size_t ParseUnits(std::string_view s, std::uint64_t& units) {
    std::size_t pos = 0;
    std::size_t group = 0;
    bool grouped = false;
    while (pos < s.size()) {
        if (IsDigit(s[pos])) {
            units = units * 10 + static_cast<std::uint64_t>(s[pos] - '0');
            if (units > kMaxUnits) return std::string_view::npos;
            ++group;
            ++pos;
            continue;
        }
        const std::size_t space = SpaceAt(s, pos);
        if (space == 0 || pos + space >= s.size() || !IsDigit(s[pos + space])) break;
        if (group == 0 || group > 3 || (grouped && group != 3)) return std::string_view::npos;
        grouped = true;
        group = 0;
        pos += space;
    }
    if (group == 0 || (grouped && group != 3)) return std::string_view::npos;
    return pos;
}

bool AddOverflows(std::int64_t a, std::int64_t b) {
    return (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) ||
           (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b);
}

bool SubtractOverflows(std::int64_t a, std::int64_t b) {
    return (b < 0 && a > std::numeric_limits<std::int64_t>::max() + b) ||
           (b > 0 && a < std::numeric_limits<std::int64_t>::min() + b);
}

bool MultiplyOverflows(std::int64_t a, std::int64_t b) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    if (a == 0 || b == 0) return false;
    if (a > 0) return b > 0 ? a > kMax / b : b < kMin / a;
    return b > 0 ? a < kMin / b : b < kMax / a;
}

// floor(x / 100) for any sign of x.
std::int64_t FloorDiv100(std::int64_t x) {
    std::int64_t q = x / 100;
    if (x % 100 < 0) --q;
    return q;
}

void RequireSameCurrency(const Money& a, const Money& b) {
    if (a.currency != b.currency) {
        throw CurrencyMismatch("money: " + a.currency + " vs " + b.currency);
    }
}

std::string GroupDigits(std::uint64_t whole, std::string_view separator) {
    std::string digits = std::to_string(whole);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out.push_back(digits[i]);
    }
    return out;
}

// Magnitude split into whole units and zero-padded decimals, without negating INT64_MIN.
void SplitMagnitude(const Money& m, std::uint64_t& whole, std::string& decimals) {
    const int exponent = CurrencyExponent(m.currency);
    const auto scale = static_cast<std::uint64_t>(PowerOfTen(exponent));
    const std::uint64_t magnitude =
        m.minor < 0 ? 0 - static_cast<std::uint64_t>(m.minor) : static_cast<std::uint64_t>(m.minor);
    whole = magnitude / scale;
    decimals.clear();
    if (exponent == 0) return;
    decimals = std::to_string(magnitude % scale);
    decimals.insert(0, static_cast<std::size_t>(exponent) - decimals.size(), '0');
}

}  // namespace

int CurrencyExponent(std::string_view currency) {
    const CurrencyInfo* info = FindCurrency(currency);
    return info ? info->exponent : 2;
}

std::optional<Money> ParseMoney(std::string_view text, std::string_view currency) {
    if (currency.size() != 3) return std::nullopt;
    Money result;
    result.currency.clear();
    for (const char c : currency) {
        const char upper = AsciiUpper(c);
        if (upper < 'A' || upper > 'Z') return std::nullopt;
        result.currency.push_back(upper);
    }
    const std::string_view s = StripCurrencyMarker(TrimAnySpace(text), result.currency);
    std::uint64_t units = 0;
    std::size_t pos = ParseUnits(s, units);
    if (pos == std::string_view::npos) return std::nullopt;
    const int exponent = CurrencyExponent(result.currency);
    std::uint64_t fraction = 0;
    int decimals = 0;
    if (pos < s.size()) {
        if (s[pos] != ',' && s[pos] != '.') return std::nullopt;
        for (++pos; pos < s.size() && IsDigit(s[pos]); ++pos, ++decimals) {
            if (decimals == exponent) return std::nullopt;
            fraction = fraction * 10 + static_cast<std::uint64_t>(s[pos] - '0');
        }
        if (decimals == 0 || pos != s.size()) return std::nullopt;
    }
    for (; decimals < exponent; ++decimals) fraction *= 10;
    const auto scale = static_cast<std::uint64_t>(PowerOfTen(exponent));
    const std::uint64_t minor = units * scale + fraction;
    if (minor > kMaxUnits * scale) return std::nullopt;
    result.minor = static_cast<std::int64_t>(minor);
    return result;
}

// Any `lang` other than "en" gets the French form, French being Placette's default.
std::string FormatMoney(const Money& m, std::string_view lang) {
    std::uint64_t whole = 0;
    std::string decimals;
    SplitMagnitude(m, whole, decimals);
    const CurrencyInfo* info = FindCurrency(m.currency);
    const bool has_symbol = info && !info->symbol.empty();
    const std::string symbol(has_symbol ? info->symbol : std::string_view(m.currency));
    const std::string sign = m.minor < 0 ? "-" : "";
    if (lang == "en") {
        std::string out = sign + symbol + (has_symbol ? "" : std::string(kNoBreakSpace));
        out += GroupDigits(whole, ",");
        return decimals.empty() ? out : out + "." + decimals;
    }
    std::string out = sign + GroupDigits(whole, kNarrowNoBreakSpace);
    if (!decimals.empty()) out += "," + decimals;
    return out + std::string(kNoBreakSpace) + symbol;
}

std::string ToDecimalString(const Money& m) {
    std::uint64_t whole = 0;
    std::string decimals;
    SplitMagnitude(m, whole, decimals);
    std::string out;
    if (m.minor < 0) out += '-';
    out += std::to_string(whole);
    if (!decimals.empty()) {
        out += '.';
        out += decimals;
    }
    return out;
}

Money Add(const Money& a, const Money& b) {
    RequireSameCurrency(a, b);
    if (AddOverflows(a.minor, b.minor)) throw MoneyOverflow("money: addition overflows");
    return Money{a.minor + b.minor, a.currency};
}

Money Subtract(const Money& a, const Money& b) {
    RequireSameCurrency(a, b);
    if (SubtractOverflows(a.minor, b.minor)) {
        throw MoneyOverflow("money: subtraction overflows");
    }
    return Money{a.minor - b.minor, a.currency};
}

// With a = 100q + r: a*p/100 = q*p + r*p/100, and floor(n + y) = n + floor(y) for an integer n,
// so rounding half up (floor(x + 1/2)) only needs the small r*p term.
Money Percent(const Money& a, std::int64_t percent) {
    const std::int64_t q = a.minor / 100;
    const std::int64_t r = a.minor % 100;
    if (MultiplyOverflows(q, percent) || MultiplyOverflows(r, percent)) {
        throw MoneyOverflow("money: percentage overflows");
    }
    const std::int64_t small = r * percent;
    if (AddOverflows(small, 50)) throw MoneyOverflow("money: percentage overflows");
    const std::int64_t rounded = FloorDiv100(small + 50);
    if (AddOverflows(q * percent, rounded)) throw MoneyOverflow("money: percentage overflows");
    return Money{q * percent + rounded, a.currency};
}

}  // namespace placette::core
