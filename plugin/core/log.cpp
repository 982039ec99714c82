// stderr logger with a timestamp and level; one write() per line so lines never interleave.
#include "plugin/core/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <string>

namespace placette::core {

namespace {
std::atomic<LogLevel> g_level{LogLevel::kInfo};

const char* Name(LogLevel l) {
    switch (l) {
        case LogLevel::kDebug: return "debug";
        case LogLevel::kInfo: return "info";
        case LogLevel::kWarn: return "warn";
        case LogLevel::kError: return "error";
    }
    return "info";
}
}  // namespace

void SetLogLevel(LogLevel level) { g_level = level; }

void Log(LogLevel level, std::string_view message) {
    if (level < g_level.load()) return;
    // The stamp changes once a second: each thread formats it again only then.
    thread_local std::time_t stamped_at = -1;
    thread_local char stamp[32];
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (t != stamped_at) {
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
        stamped_at = t;
    }
    std::string line;
    line.reserve(message.size() + 48);
    line += stamp;
    line += " level=";
    line += Name(level);
    line += ' ';
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
    ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
    (void)ignored;
}

}  // namespace placette::core
