// What crowdfunding shows in words: catalog texts in the request's language, short money amounts
// ("100 €"), dates, theme and neighbourhood labels, slugs; and UTF-8 checks for typed text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "plugin/core/i18n.h"

namespace placette::crowdfunding {

struct Texts {
    const core::I18n& i18n;
    std::string lang;

    const std::string& T(std::string_view key) const { return i18n.T(lang, key); }
    std::string F(std::string_view key, core::I18n::Args args) const {
        return i18n.Format(lang, key, args);
    }
    // "1 500 €" / "€1,500" for whole amounts, "12,50 €" / "€12.50" otherwise.
    std::string Money(std::int64_t minor, std::string_view currency = "EUR") const;
    // "12 mars 2026" / "12 March 2026" (UTC).
    std::string Date(std::int64_t epoch_seconds) const;
    // "2026-03-12" → the same long form; "" stays "".
    std::string IsoDate(std::string_view yyyy_mm_dd) const;
    // The catalog's label for a configured theme/neighbourhood (cf.theme.<v>), else the value.
    std::string Label(std::string_view prefix, std::string_view value) const;
};

// Number of code points of valid UTF-8 text.
std::size_t Utf8Length(std::string_view s);
// True when `s` is well-formed UTF-8 without NUL or other C0 controls except tab, CR, LF.
bool IsCleanUtf8(std::string_view s);
// "Jardin partagé des Tanneurs" → "jardin-partage-des-tanneurs" (a-z, 0-9, '-'; ≤ 60; never empty).
std::string Slugify(std::string_view title);
// "2026-03-12" for an epoch (UTC).
std::string CivilDate(std::int64_t epoch_seconds);
// True for a real calendar date written YYYY-MM-DD.
bool IsValidIsoDate(std::string_view text);
// Whole days from `now` until `end`, rounded up; 0 once passed.
std::int64_t DaysLeft(std::int64_t now, std::int64_t end);

}  // namespace placette::crowdfunding
