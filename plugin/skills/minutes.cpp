// Duration parsing and formatting for the time bank.
#include "plugin/skills/minutes.h"

#include <cctype>

namespace placette::skills {

namespace {
constexpr std::int64_t kMaxMinutes = 10'000 * 60;

// Reads digits at `pos`; nullopt when there are none or too many.
std::optional<std::int64_t> Digits(std::string_view s, std::size_t& pos) {
    std::size_t start = pos;
    std::int64_t v = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
        if (pos - start >= 7) return std::nullopt;
        v = v * 10 + (s[pos] - '0');
        ++pos;
    }
    if (pos == start) return std::nullopt;
    return v;
}

std::optional<Minutes> Checked(std::int64_t minutes) {
    if (minutes < 0 || minutes > kMaxMinutes) return std::nullopt;
    return Minutes(minutes);
}

bool IsMinuteUnit(std::string_view rest) {
    return rest == "min" || rest == "mn" || rest == "m" || rest == "minutes" || rest == "minute";
}

// "1,5" / "1.5" / "2" as hours.
std::optional<Minutes> DecimalHours(std::string_view s) {
    std::size_t pos = 0;
    auto whole = Digits(s, pos);
    if (!whole) return std::nullopt;
    if (pos == s.size()) return Checked(*whole * 60);
    if (s[pos] != ',' && s[pos] != '.') return std::nullopt;
    ++pos;
    std::size_t start = pos;
    auto frac = Digits(s, pos);
    if (!frac || pos != s.size() || pos - start > 2) return std::nullopt;
    std::int64_t scale = pos - start == 1 ? 10 : 100;
    if ((*frac * 60) % scale != 0) return std::nullopt;  // not a whole number of minutes
    return Checked(*whole * 60 + *frac * 60 / scale);
}
}  // namespace

std::optional<Minutes> ParseDuration(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c == ' ' || c == '\t') continue;
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (s.empty()) return std::nullopt;
    std::size_t pos = 0;
    auto first = Digits(s, pos);
    if (!first) return std::nullopt;
    std::string_view rest = std::string_view(s).substr(pos);
    if (rest.empty() || rest[0] == ',' || rest[0] == '.') return DecimalHours(s);
    if (IsMinuteUnit(rest)) return Checked(*first);
    if (rest[0] == ':' || rest[0] == 'h') {
        ++pos;
        if (pos == s.size()) return rest[0] == 'h' ? Checked(*first * 60) : std::nullopt;
        auto mins = Digits(s, pos);
        if (!mins || *mins >= 60) return std::nullopt;
        std::string_view unit = std::string_view(s).substr(pos);
        if (!unit.empty() && !(rest[0] == 'h' && IsMinuteUnit(unit))) return std::nullopt;
        return Checked(*first * 60 + *mins);
    }
    return std::nullopt;
}

std::string FormatMinutes(Minutes m) {
    std::int64_t v = m.count();
    std::string out = v < 0 ? "\u2212" : "";
    if (v < 0) v = -v;
    std::int64_t h = v / 60, min = v % 60;
    if (h == 0 && min != 0) return out + std::to_string(min) + " min";
    out += std::to_string(h) + " h";
    if (min != 0) out += (min < 10 ? " 0" : " ") + std::to_string(min);
    return out;
}

std::string DurationInputValue(Minutes m) {
    std::int64_t v = m.count() < 0 ? -m.count() : m.count();
    std::int64_t min = v % 60;
    return std::to_string(v / 60) + "h" +
           (min == 0 ? "" : (min < 10 ? "0" : "") + std::to_string(min));
}

}  // namespace placette::skills
