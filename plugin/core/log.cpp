// stderr logger with a timestamp and level. Writes happen under one lock, whole lines at a time,
// so lines never interleave; buffered lines go out before any later line.
#include "plugin/core/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>
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

namespace {
// "2026-12-06T02:03:04Z level=info " + the message on one line + "\n", appended to `line`.
void Format(LogLevel level, std::string_view message, std::string& line) {
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
    line.reserve(line.size() + message.size() + 48);
    line += stamp;
    line += " level=";
    line += Name(level);
    line += ' ';
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
}

void WriteAll(std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
        if (n <= 0) return;  // nowhere to complain to
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

constexpr std::size_t kBufferLimit = 32 * 1024;
std::mutex g_buffer_mu;
std::string g_buffer;  // guarded by g_buffer_mu

// Takes what the buffer holds (under its lock) and writes it, in order, before `then`.
void FlushThen(std::string_view then) {
    std::string pending;
    {
        std::lock_guard lock(g_buffer_mu);
        if (g_buffer.empty() && then.empty()) return;
        pending.swap(g_buffer);
        pending += then;
        // Written under the lock, so two flushes cannot overtake each other.
        WriteAll(pending);
    }
}
}  // namespace

void Log(LogLevel level, std::string_view message) {
    if (level < g_level.load()) return;
    std::string line;
    Format(level, message, line);
    FlushThen(line);
}

void LogBuffered(LogLevel level, std::string_view message) {
    if (level < g_level.load()) return;
    thread_local std::string line;
    line.clear();
    Format(level, message, line);
    std::lock_guard lock(g_buffer_mu);
    g_buffer += line;
    if (g_buffer.size() >= kBufferLimit) {
        WriteAll(g_buffer);
        g_buffer.clear();
    }
}

void FlushBufferedLog() { FlushThen({}); }

}  // namespace placette::core
