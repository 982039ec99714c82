// Time-bank amounts: whole minutes in their own type (never Money, never a bare int), parsed from
// what citizens type ("1h30", "1,5", "45 min") and shown as "1 h 30".
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace placette::skills {

class Minutes {
  public:
    constexpr Minutes() = default;
    constexpr explicit Minutes(std::int64_t count) : count_(count) {}
    constexpr std::int64_t count() const { return count_; }
    static constexpr Minutes Hours(std::int64_t h) { return Minutes(h * 60); }

    constexpr Minutes operator-() const { return Minutes(-count_); }
    constexpr Minutes operator+(Minutes o) const { return Minutes(count_ + o.count_); }
    constexpr Minutes operator-(Minutes o) const { return Minutes(count_ - o.count_); }
    friend constexpr auto operator<=>(Minutes, Minutes) = default;

  private:
    std::int64_t count_ = 0;
};

// The most one exchange may carry (a listing is help between neighbours, not a job).
inline constexpr Minutes kMaxExchange = Minutes::Hours(100);

// Parses a duration: "2" or "1,5" / "1.5" (hours; decimals must make whole minutes), "1h30",
// "1 h 30", "2h", "45 min", "45mn", "1:30". Spaces and case do not matter. nullopt for anything
// else, a negative value, or more than 10 000 hours.
std::optional<Minutes> ParseDuration(std::string_view text);

// "1 h 30", "2 h", "45 min", "0 h", "−1 h 15" (U+2212 minus).
std::string FormatMinutes(Minutes m);

// For forms: "1h30", "2h", "0h45".
std::string DurationInputValue(Minutes m);

}  // namespace placette::skills
