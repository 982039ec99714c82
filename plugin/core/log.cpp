// stderr logger with a timestamp and level. Writes happen under one lock, whole lines at a time,
// so lines never interleave; buffered lines go out before any later line.
#include "plugin/core/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>

namespace placette::core {

namespace {
std::atomic<LogLevel> g_level{LogLevel::kInfo};

const char* Name(LogLevel l) {
    switch (l) {
        case LogLevel::kDebug:
            return "debug";
        case LogLevel::kInfo:
            return "info";
        case LogLevel::kWarn:
            return "warn";
        case LogLevel::kError:
            return "error";
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

// Buffered lines: appended under g_buffer_mu only (never held across a write), written by one
// writer at a time under g_write_mu (always taken before g_buffer_mu), so the order is kept and
// a slow disk never holds up a request's thread behind another's write.
constexpr std::size_t kWakeFlusherAt = 32 * 1024;
constexpr std::size_t kWriteItselfAt = 1024 * 1024;  // the flusher is missing or stuck
std::mutex g_write_mu;
std::mutex g_buffer_mu;
std::string g_buffer;                // guarded by g_buffer_mu
std::condition_variable g_flush_cv;  // with g_buffer_mu
bool g_flusher_running = false;      // guarded by g_buffer_mu
bool g_flusher_stop = false;         // guarded by g_buffer_mu
std::thread g_flusher;

// Writes what the buffer holds, then `then`, in that order.
void FlushThen(std::string_view then) {
    std::lock_guard write_lock(g_write_mu);
    static std::string pending;  // guarded by g_write_mu; keeps its capacity between flushes
    pending.clear();
    {
        std::lock_guard lock(g_buffer_mu);
        pending.swap(g_buffer);
    }
    if (pending.empty() && then.empty()) return;
    pending += then;
    WriteAll(pending);
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
    std::size_t size;
    bool flusher;
    {
        std::lock_guard lock(g_buffer_mu);
        g_buffer += line;
        size = g_buffer.size();
        flusher = g_flusher_running;
    }
    if (size < kWakeFlusherAt) return;
    if (flusher && size < kWriteItselfAt) {
        g_flush_cv.notify_one();
    } else {
        FlushThen({});
    }
}

void FlushBufferedLog() { FlushThen({}); }

void StartLogFlusher() {
    std::lock_guard lock(g_buffer_mu);
    if (g_flusher_running) return;
    g_flusher_running = true;
    g_flusher_stop = false;
    g_flusher = std::thread([] {
        std::unique_lock held(g_buffer_mu);
        while (!g_flusher_stop) {
            g_flush_cv.wait_for(held, std::chrono::milliseconds(200),
                                [] { return g_flusher_stop || g_buffer.size() >= kWakeFlusherAt; });
            held.unlock();
            FlushThen({});
            held.lock();
        }
    });
}

void StopLogFlusher() {
    {
        std::lock_guard lock(g_buffer_mu);
        if (!g_flusher_running) return;
        g_flusher_stop = true;
    }
    g_flush_cv.notify_all();
    g_flusher.join();
    {
        std::lock_guard lock(g_buffer_mu);
        g_flusher_running = false;
    }
    FlushThen({});
}

}  // namespace placette::core
