// The pure rules of WordPress's logged_in cookie (spec A.1): cookie name and fields, wp_salt's key
// and salt resolution, pass_frag, the two HMACs, session tokens, capabilities, DB_HOST. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace placette::host::wp {

// Cookies longer than this are refused before any parsing.
inline constexpr std::size_t kMaxCookieBytes = 4096;
// Longest login or token accepted (user_login is varchar(60); tokens are 43 characters).
inline constexpr std::size_t kMaxFieldBytes = 256;
// WordPress adds this grace to the cookie's expiration for POST requests.
inline constexpr std::int64_t kPostGraceSeconds = 3600;
inline constexpr std::string_view kLoggedInCookiePrefix = "wordpress_logged_in_";
inline constexpr std::string_view kPlaceholder = "put your unique phrase here";

// The four fields of a logged_in cookie value, "login|expiration|token|hmac".
struct AuthCookie {
    std::string login;
    std::string expiration;  // the text as sent: both HMACs are computed over it
    std::int64_t expires = 0;
    std::string token;
    std::string hmac;  // 64 lowercase hex digits
};

// Splits and checks the decoded cookie value: exactly four fields, a non-empty login without
// control bytes, 1–18 digits of expiration, a printable token, a 64-digit lowercase hex hmac,
// login and token at most kMaxFieldBytes, the whole at most kMaxCookieBytes. nullopt otherwise.
std::optional<AuthCookie> ParseAuthCookie(std::string_view value);

// wp_validate_auth_cookie step 1: expired when expiration (+1 hour for POST) < now.
bool CookieExpired(const AuthCookie& cookie, bool is_post, std::int64_t now);

// pass_frag of user_pass: substr(8, 4) for "$P$" and "$2y$" hashes, the last 4 bytes for "$wp$"
// hashes (WordPress ≥ 6.8); for any other format both, as WordPress ≤ 6.7 used the first rule
// and ≥ 6.8 the second. PHP substr semantics for short strings.
std::vector<std::string> PassFragCandidates(std::string_view user_pass);

// Step 4: lowercase hex HMAC-MD5 of "login|pass_frag|expiration|token" keyed by wp_salt.
std::string CookieKey(const AuthCookie& cookie, std::string_view pass_frag, std::string_view salt);
// Step 5: lowercase hex HMAC-SHA256 of "login|expiration|token" keyed by the hex key.
std::string CookieHmac(const AuthCookie& cookie, std::string_view key);
// Steps 3–5 together, comparing in constant time with every pass_frag candidate.
bool CookieHmacValid(const AuthCookie& cookie, std::string_view user_pass, std::string_view salt);

// Step 6: sha256 hex of the token, the key of the session in usermeta session_tokens.
std::string TokenVerifier(std::string_view token);
// The session's expiration when the PHP-serialized session_tokens value holds `verifier` with
// an expiration >= now (an array with "expiration", or a legacy bare integer); else nullopt.
std::optional<std::int64_t> SessionExpiration(std::string_view session_tokens,
                                              std::string_view verifier, std::int64_t now);

// Role names of a PHP-serialized <prefix>capabilities value: the keys whose value is truthy.
std::vector<std::string> RolesFromCapabilities(std::string_view capabilities);

// "wordpress_logged_in_" + md5(siteurl); the hash is empty when siteurl is "" or "0" (as PHP).
std::string LoggedInCookieName(std::string_view siteurl);
// PHP's untrailingslashit: drops trailing '/' and '\'.
std::string_view Untrailingslashit(std::string_view s);
// PHP truthiness of a string: neither "" nor "0".
bool PhpTruthy(std::string_view s);
// get_option's maybe_unserialize for a scalar option value: a serialized string or integer is
// unwrapped, b:0;/N; become "", anything else is returned as stored.
std::string OptionText(std::string_view stored);

// What wp_salt('logged_in') takes from the constants; an empty part comes from the option
// logged_in_key / logged_in_salt instead.
struct SaltPlan {
    std::string key;
    std::string salt;
    bool NeedsKeyOption() const { return key.empty(); }
    bool NeedsSaltOption() const { return salt.empty(); }
};

// Applies wp_salt's rules to the constants of wp-config: a value equal to a placeholder, or
// shared by two or more of {AUTH,SECURE_AUTH,LOGGED_IN,NONCE,SECRET}_{KEY,SALT}, or falsy, is
// unset; key = LOGGED_IN_KEY, else SECRET_KEY; salt = LOGGED_IN_SALT.
SaltPlan PlanLoggedInSalt(const std::map<std::string, std::string>& constants,
                          const std::vector<std::string>& placeholders = {
                              std::string(kPlaceholder)});
// key . salt, completing the plan with the option values (already unwrapped by OptionText);
// nullopt when a needed option is missing or falsy (WordPress would generate and store one).
std::optional<std::string> ResolveLoggedInSalt(const SaltPlan& plan,
                                               const std::optional<std::string>& key_option,
                                               const std::optional<std::string>& salt_option);

// DB_HOST as wpdb::parse_db_host reads it: "host", "host:port", "host:/socket", ":/socket",
// "[v6]:port". An empty host means localhost.
struct DbHost {
    std::string host = "localhost";
    std::optional<unsigned> port;
    std::string socket;
};
DbHost ParseDbHost(std::string_view db_host);

// [A-Za-z0-9_]+, as a WordPress table prefix must be to be spliced into SQL text.
bool ValidTablePrefix(std::string_view prefix);

}  // namespace placette::host::wp
