// Checks on text citizens type: trimming, and length in characters of valid UTF-8 without
// control characters (so the database never sees bytes it would refuse).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plugin/core/i18n.h"

namespace placette::core {

// Without leading and trailing spaces, tabs and line breaks.
std::string Trim(std::string_view s);

// Number of code points of `s`; nullopt when `s` is not valid UTF-8 (overlong forms, surrogates
// and values above U+10FFFF are invalid) or holds a control character other than tab, CR and LF
// (only when `multiline`; otherwise those are refused too).
std::optional<std::size_t> TextLength(std::string_view s, bool multiline);

// A positive id from text (digits only, no sign, fits in 63 bits); 0 otherwise.
std::int64_t ParseId(std::string_view s);

// Days since 1970-01-01 (UTC) of a time in seconds since the epoch.
std::int64_t DayOf(std::int64_t seconds);
// "3 mai 2026" / "3 May 2026" for a day number, month names from the catalogs
// (community.month.1 … community.month.12).
std::string FormatDay(const I18n& i18n, std::string_view lang, std::int64_t day);

}  // namespace placette::core
