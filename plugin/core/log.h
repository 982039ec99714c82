// One-line logs on stderr ("level=... msg=... key=value"), safe from several threads.
// Values are logged as given: callers pass names and ids, never secrets or bound SQL values.
#pragma once

#include <string_view>

namespace placette::core {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

void SetLogLevel(LogLevel level);
void Log(LogLevel level, std::string_view message);

// Lines that may wait a little (placette-fcgi's access lines, one per request): kept in memory and
// written together by the next Log() (which writes them first, so the order stays), by
// FlushBufferedLog(), or by the flusher thread. With StartLogFlusher(), that thread writes them
// every 200 ms and as soon as 32 KiB have gathered, so the thread that logs never waits for the
// disk; without it, LogBuffered() writes them itself at 32 KiB. StopLogFlusher() writes what is
// left. A crash loses at most the last 200 ms of buffered lines.
void LogBuffered(LogLevel level, std::string_view message);
void FlushBufferedLog();
void StartLogFlusher();
void StopLogFlusher();
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarn(std::string_view m) { Log(LogLevel::kWarn, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

}  // namespace placette::core
