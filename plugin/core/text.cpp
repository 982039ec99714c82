// UTF-8 validation and trimming for form text.
#include "plugin/core/text.h"

#include <chrono>

namespace placette::core {

std::string Trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

namespace {
// Decodes one code point at `i`; returns its length in bytes, 0 when invalid.
std::size_t DecodeOne(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80           ? 1
                      : (b0 >> 5) == 0x6  ? 2
                      : (b0 >> 4) == 0xE  ? 3
                      : (b0 >> 3) == 0x1E ? 4
                                          : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}
}  // namespace

std::optional<std::size_t> TextLength(std::string_view s, bool multiline) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t len = DecodeOne(s, i, cp);
        if (len == 0) return std::nullopt;
        bool allowed_control = multiline && (cp == '\n' || cp == '\r' || cp == '\t');
        if ((cp < 0x20 || cp == 0x7F) && !allowed_control) return std::nullopt;
        i += len;
        ++count;
    }
    return count;
}

std::int64_t ParseId(std::string_view s) {
    if (s.empty() || s.size() > 18) return 0;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::int64_t DayOf(std::int64_t seconds) {
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

std::string FormatDay(const I18n& i18n, std::string_view lang, std::int64_t day) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{day}}};
    const unsigned m = static_cast<unsigned>(ymd.month());
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           i18n.T(lang, "community.month." + std::to_string(m)) + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace placette::core
