// The one source of "now" for rules (campaign ends, pledge timeouts, cookie expiry), so tests
// can move time: an offset in seconds set by the program or PLACETTE_CLOCK_OFFSET.
#pragma once

#include <cstdint>

namespace placette::core {

// Seconds since the epoch, plus the offset.
std::int64_t NowSeconds();
void SetClockOffset(std::int64_t seconds);
std::int64_t ClockOffset();
// Reads PLACETTE_CLOCK_OFFSET (integer seconds) if set; called once by both programs' main.
void InitClockFromEnv();

}  // namespace placette::core
