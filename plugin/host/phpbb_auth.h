// The pure rules of phpBB 3.3 sessions (spec A.4): cookie formats, how phpBB reads the client's
// IP, user agent and X-Forwarded-For, the binding checks of session_begin, age and user type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace placette::host::phpbb {

inline constexpr std::int64_t kAnonymousUserId = 1;  // ANONYMOUS in includes/constants.php
inline constexpr int kUserNormal = 0;
inline constexpr int kUserFounder = 3;

// The board settings session_begin reads from phpbb_config (installer defaults).
struct SessionRules {
    int ip_check = 3;           // IPv4 octets / IPv6 blocks compared (0–4)
    bool browser_check = true;  // user agents compared
    bool forwarded_for_check = false;
    int referer_validation = 1;  // 0 none, 1 host, 2 host and path (Placette checks the host)
    std::int64_t session_length = 3600;
    bool allow_autologin = true;
    std::int64_t max_autologin_time = 0;  // days; 0 = unlimited
    bool force_server_vars = false;
    std::string server_name;
    std::string cookie_domain;
};

// The rules from config_name → config_value rows; unknown or malformed values keep defaults.
SessionRules RulesFromConfig(const std::map<std::string, std::string>& config);

// A _sid cookie: md5(unique_id()), 32 lowercase hex digits.
bool ValidSessionId(std::string_view sid);
// sessions_keys.key_id of an autologin key: md5 hex of the _k cookie.
std::string AutologinKeyId(std::string_view key);

// What phpBB's request object makes of a server variable or header ($request->server()):
// CRLF and CR become LF, NUL bytes go, trimmed, htmlspecialchars (ENT_COMPAT), and "" when the
// result is not valid UTF-8.
std::string RequestString(std::string_view raw);
// $user->ip from REMOTE_ADDR: each space/comma separated address normalised as
// phpbb_ip_normalise does (IPv4-mapped IPv6 → IPv4, IPv6 in canonical form); the last valid one
// before an invalid one, "127.0.0.1" when none.
std::string ClientIp(std::string_view remote_addr);
// short_ipv6($ip, $length).
std::string ShortIpv6(std::string_view ip, int length);
// The IP rule of session_begin with `ip_check` parts.
bool SameIp(std::string_view session_ip, std::string_view user_ip, int ip_check);
// trim(strtolower(substr(UA, 0, 149))) equal on both sides (always true when unchecked).
bool SameBrowser(std::string_view session_browser, std::string_view user_browser, bool check);
// $user->forwarded_for from the X-Forwarded-For header when checked (else ""): commas become
// spaces, and any entry that is not an IP address empties it.
std::string ForwardedFor(std::string_view header, bool check);
// substr(…, 0, 254) equal on both sides (always true when unchecked).
bool SameForwardedFor(std::string_view session_ff, std::string_view user_ff, bool check);

// extract_current_hostname(): the Host header (or SERVER_NAME) lowercased, without its port.
std::string CurrentHostname(std::string_view host_header, const SessionRules& rules);
// validate_referer for a non-GET request: no referer or host → valid; else the referer after
// "://" must start with the host (or with server_name when force_server_vars), case-insensitive.
bool RefererValid(std::string_view method, std::string_view referer, std::string_view host,
                  const SessionRules& rules);

// The last second the session stays valid (session_length + 60 after session_time, or for an
// autologin session 86400 × max_autologin_time − 60), nullopt when it has expired already.
// An unlimited autologin session is valid for a day from now (the cache bound).
std::optional<std::int64_t> SessionValidUntil(std::int64_t session_time, bool autologin,
                                              const SessionRules& rules, std::int64_t now);

// is_registered: not ANONYMOUS and user_type USER_NORMAL or USER_FOUNDER.
bool RegisteredUser(std::int64_t user_id, std::int64_t user_type);

}  // namespace placette::host::phpbb
