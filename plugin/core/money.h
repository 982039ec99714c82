// Money as integer minor units with an ISO 4217 currency: exact parsing from what citizens
// type, formatting for display, and checked arithmetic. Never a floating-point number.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace placette::core {

struct CurrencyMismatch : std::logic_error {
    using std::logic_error::logic_error;
};
struct MoneyOverflow : std::overflow_error {
    using std::overflow_error::overflow_error;
};

struct Money {
    std::int64_t minor = 0;      // cents for EUR
    std::string currency = "EUR";  // ISO 4217, upper case

    friend bool operator==(const Money&, const Money&) = default;
};

// Number of decimals of a currency (EUR, USD, GBP, CHF: 2; JPY, KRW: 0). Unknown codes: 2.
int CurrencyExponent(std::string_view currency);

// Parses what a citizen typed: "12", "12,5", "12,50", "12.50", " 1 234,50 ", "1234.5 €".
// Accepts a decimal comma or point, thin/normal/no-break spaces as thousands separators, an
// optional trailing or leading "€"/currency sign. Rejects: empty, negative, more decimals than
// the currency has ("12.505"), letters, several separators ("1.2.3"), values above 10^12 units.
std::optional<Money> ParseMoney(std::string_view text, std::string_view currency = "EUR");

// "1 234,50 €" (fr: narrow no-break space U+202F thousands, comma decimals, sign after) or
// "€1,234.50" (en). `lang` is "fr" or "en"; whole amounts keep their decimals ("12,00 €").
std::string FormatMoney(const Money& m, std::string_view lang);

// Plain decimal with a point and all decimals, e.g. "12.50" — for provider APIs (Mollie) and forms.
std::string ToDecimalString(const Money& m);

// Checked arithmetic: throws CurrencyMismatch / MoneyOverflow.
Money Add(const Money& a, const Money& b);
Money Subtract(const Money& a, const Money& b);
// a × percent / 100, rounded half up to the minor unit; throws MoneyOverflow.
Money Percent(const Money& a, std::int64_t percent);

}  // namespace placette::core
