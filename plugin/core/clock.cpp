// Process-wide clock offset (atomic) over the system clock.
#include "plugin/core/clock.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>

namespace placette::core {

namespace {
std::atomic<std::int64_t> g_offset{0};
}

std::int64_t NowSeconds() {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(now).count() + g_offset.load();
}

void SetClockOffset(std::int64_t seconds) { g_offset = seconds; }
std::int64_t ClockOffset() { return g_offset.load(); }

void InitClockFromEnv() {
    const char* v = std::getenv("PLACETTE_CLOCK_OFFSET");
    if (v != nullptr && *v != '\0') SetClockOffset(std::stoll(v));
}

}  // namespace placette::core
