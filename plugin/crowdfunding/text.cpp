// Wording helpers: short money amounts, long dates from the catalog's month names, labels of
// configured lists, slugs from French titles, and UTF-8 checks for what citizens type.
#include "plugin/crowdfunding/text.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "plugin/core/money.h"

namespace placette::crowdfunding {

namespace {
std::chrono::year_month_day Ymd(std::int64_t epoch) {
    using namespace std::chrono;
    return year_month_day{floor<days>(sys_seconds{seconds{epoch}})};
}

// Latin-1 supplement letters (UTF-8 C3 80..BF) folded to ASCII; '*' = two letters, '-' = none.
constexpr std::string_view kFold =
    "aaaaaa*ceeeeiiiidnooooo-ouuuuy-*aaaaaa*ceeeeiiiidnooooo-ouuuuy-y";

void AppendSlugChar(std::string& out, std::string_view piece) {
    for (char c : piece) {
        if (c == '-') {
            if (!out.empty() && out.back() != '-') out += '-';
        } else {
            out += c;
        }
    }
}
}  // namespace

std::string Texts::Money(std::int64_t minor, std::string_view currency) const {
    std::string text = core::FormatMoney(core::Money{minor, std::string(currency)}, lang);
    if (core::CurrencyExponent(currency) == 2 && minor % 100 == 0) {
        std::string zeros = lang == "fr" ? ",00" : ".00";
        if (auto pos = text.find(zeros); pos != std::string::npos) text.erase(pos, zeros.size());
    }
    return text;
}

std::string Texts::Date(std::int64_t epoch) const {
    const auto ymd = Ymd(epoch);
    char key[] = "cf.month.00";
    const unsigned month = static_cast<unsigned>(ymd.month());
    std::size_t key_len = sizeof key - 3;
    if (month >= 10) key[key_len++] = '1';
    key[key_len++] = static_cast<char>('0' + month % 10);
    char buf[16];
    std::string out;
    out.reserve(24);
    out.append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<unsigned>(ymd.day())).ptr);
    out += ' ';
    out += T(std::string_view(key, key_len));
    out += ' ';
    out.append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<int>(ymd.year())).ptr);
    return out;
}

std::string Texts::IsoDate(std::string_view text) const {
    if (!IsValidIsoDate(text)) return std::string(text);
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(text.data(), text.data() + 4, y);
    std::from_chars(text.data() + 5, text.data() + 7, m);
    std::from_chars(text.data() + 8, text.data() + 10, d);
    sys_days day{year{y} / month{m} / d};
    return Date(duration_cast<seconds>(day.time_since_epoch()).count());
}

std::string Texts::Label(std::string_view prefix, std::string_view value) const {
    std::string key;
    key.reserve(prefix.size() + value.size());
    key.append(prefix).append(value);
    const std::string* text = i18n.Find(lang, key);
    return text != nullptr ? *text : std::string(value);
}

std::size_t Utf8Length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

bool IsCleanUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
            if (c == 0x7F) return false;
            ++i;
            continue;
        }
        int extra = (c >= 0xC2 && c <= 0xDF)   ? 1
                    : (c >= 0xE0 && c <= 0xEF) ? 2
                    : (c >= 0xF0 && c <= 0xF4) ? 3
                                               : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false;
        std::uint32_t cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

std::string Slugify(std::string_view title) {
    std::string out;
    for (std::size_t i = 0; i < title.size() && out.size() < 60; ++i) {
        const auto c = static_cast<unsigned char>(title[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < title.size()) {
            const auto n = static_cast<unsigned char>(title[++i]);
            char f = n >= 0x80 && n <= 0xBF ? kFold[n - 0x80] : '-';
            if (f == '*') {
                AppendSlugChar(out, n == 0x9F ? "ss" : "ae");
            } else {
                AppendSlugChar(out, std::string_view(&f, 1));
            }
        } else if (c == 0xC5 && i + 1 < title.size() &&
                   (title[i + 1] == '\x92' || title[i + 1] == '\x93')) {
            ++i;
            out += "oe";
        } else {
            AppendSlugChar(out, "-");
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    while (!out.empty() && out.front() == '-') out.erase(out.begin());
    return out.empty() ? std::string("projet") : out;
}

std::string CivilDate(std::int64_t epoch) {
    auto ymd = Ymd(epoch);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

bool IsValidIsoDate(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (t[i] < '0' || t[i] > '9') return false;
    }
    using namespace std::chrono;
    int y = std::stoi(std::string(t.substr(0, 4)));
    unsigned m = static_cast<unsigned>(std::stoi(std::string(t.substr(5, 2))));
    unsigned d = static_cast<unsigned>(std::stoi(std::string(t.substr(8, 2))));
    return y >= 2000 && year_month_day{year{y} / month{m} / day{d}}.ok();
}

std::int64_t DaysLeft(std::int64_t now, std::int64_t end) {
    if (end <= now) return 0;
    return (end - now + 86399) / 86400;
}

}  // namespace placette::crowdfunding
