// One-line logs on stderr ("level=... msg=... key=value"), safe from several threads.
// Values are logged as given: callers pass names and ids, never secrets or bound SQL values.
#pragma once

#include <string_view>

namespace placette::core {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

void SetLogLevel(LogLevel level);
void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarn(std::string_view m) { Log(LogLevel::kWarn, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

}  // namespace placette::core
