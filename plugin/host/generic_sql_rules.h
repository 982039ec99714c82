// The pure rules of the generic SQL session adapter (spec A.6): how the cookie value becomes
// the stored session id, what a well-formed id is, the two meanings of the freshness column,
// and the checks on SQL fragments taken from the config. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace placette::host::generic {

// How the stored id derives from the cookie's id.
enum class IdTransform { kNone, kMd5Hex, kSha1Hex, kSha256Hex, kSha256B64Url };
// "none" (or "raw"), "md5-hex", "sha1-hex", "sha256-hex", "sha256-b64url".
std::optional<IdTransform> ParseIdTransform(std::string_view name);
std::string ApplyIdTransform(IdTransform transform, std::string_view id);

// Which part of the cookie value is the session id: all of it, or the index-th field (from 0)
// when split on a one-character separator ("split:|:0").
struct Extract {
    char separator = '\0';  // '\0': the whole value
    std::size_t index = 0;
};
std::optional<Extract> ParseExtract(std::string_view spec);
std::optional<std::string_view> ExtractId(const Extract& extract, std::string_view value);

// An id the adapter will look up: min..max bytes of printable ASCII other than space, quotes,
// backslash, ';' and ','.
bool ValidId(std::string_view id, std::size_t min_length, std::size_t max_length);

// What the freshness column says: nothing, the last activity (valid while column >= now −
// max_idle), or the end of the session (valid while column > now).
enum class Freshness { kNone, kLastSeen, kExpiresAt };
std::optional<Freshness> ParseFreshness(std::string_view name);
// The last second the session is valid; nullopt when it is not. kNone: a day from now (the
// cache bound only).
std::optional<std::int64_t> ValidUntil(Freshness freshness, std::int64_t column,
                                       std::int64_t max_idle, std::int64_t now);

// A config SQL fragment Placette splices into its one statement (a WHERE condition or a
// boolean expression): at most 500 bytes of printable ASCII, balanced single quotes, and no
// ';', '?', backslash, comment markers or double quotes.
bool SafeSqlFragment(std::string_view fragment);

// The first `name=value` pair of a Cookie header with that exact name, value not decoded (for
// hosts whose cookies are not percent-encoded).
std::optional<std::string_view> RawCookie(std::string_view header, std::string_view name);

}  // namespace placette::host::generic
