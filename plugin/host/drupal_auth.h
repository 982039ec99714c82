// The pure rules of Drupal 7 and 10 sessions (spec A.2, A.3): session cookie names, the stored
// session id, the age rule the adapter adds, and the admin role data. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace placette::host::drupal {

// Drupal keeps the PHP defaults of default.settings.php / default.services.yml: sessions older
// than gc_maxlifetime are garbage; the adapter refuses them itself.
inline constexpr std::int64_t kDefaultGcMaxlifetime = 200000;
// Session ids longer than this (the sid column is varchar(128)) or shorter than this are refused
// before any query.
inline constexpr std::size_t kMaxSessionIdBytes = 128;
inline constexpr std::size_t kMinSessionIdBytes = 16;

// (SSESS when the request is HTTPS, else SESS) + the first 32 hex digits of sha256(session_name).
std::string SessionCookieName(std::string_view session_name, bool secure);

// Drupal 7's session name without $cookie_domain: $base_url without its scheme, i.e. the Host
// header lowercased *with* its port, then the base path without its trailing slash
// ("example.test:8080/drupal").
std::string Drupal7SessionName(std::string_view host_header, std::string_view base_path);
// Drupal 7's session name from an explicit $base_url ("https://example.test/d7" →
// "example.test/d7").
std::string Drupal7SessionNameFromBaseUrl(std::string_view base_url);
// Drupal 10's: $request->getHost() (lowercased, *without* port) . getBasePath(), a trailing
// "/core" removed.
std::string Drupal10SessionName(std::string_view host_header, std::string_view base_path);

// Crypt::hashBase64: base64url(sha256_raw(value)) without padding — how Drupal 8+ stores sids.
std::string HashBase64(std::string_view value);

// A session id as Drupal or PHP generates it: 16–128 bytes of [A-Za-z0-9,_-].
bool ValidSessionId(std::string_view sid);

// The adapter's age rule: timestamp >= now - gc_maxlifetime.
bool SessionFresh(std::int64_t timestamp, std::int64_t now, std::int64_t gc_maxlifetime);

// Drupal 7's user_admin_role variable (a serialized int or numeric string); nullopt when it is
// missing, malformed or 0.
std::optional<std::int64_t> AdminRoleId(std::string_view serialized);

// Drupal 10's role config entity (PHP-serialized `data` of config user.role.X): is_admin truthy.
bool RoleConfigIsAdmin(std::string_view serialized);

}  // namespace placette::host::drupal
