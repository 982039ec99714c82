// WordPress's cookie, salt and session rules as pure functions, following pluggable.php and
// class-wp-session-tokens.php of WordPress 6.1 (and the 6.8 pass_frag change) to the letter.
#include "plugin/host/wordpress_auth.h"

#include <algorithm>
#include <array>

#include "plugin/core/crypto.h"
#include "plugin/host/php_serialize.h"

namespace placette::host::wp {

namespace {

constexpr std::array<std::string_view, 10> kSaltConstants = {
    "AUTH_KEY",       "AUTH_SALT", "SECURE_AUTH_KEY", "SECURE_AUTH_SALT", "LOGGED_IN_KEY",
    "LOGGED_IN_SALT", "NONCE_KEY", "NONCE_SALT",      "SECRET_KEY",       "SECRET_SALT"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

bool AllOf(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }

bool ValidLogin(std::string_view s) {
    if (s.empty() || s.size() > kMaxFieldBytes) return false;
    return AllOf(s, [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u != 0x7f;
    });
}

bool ValidToken(std::string_view s) {
    if (s.empty() || s.size() > kMaxFieldBytes) return false;
    return AllOf(s, [](char c) { return c > ' ' && c < 0x7f; });
}

std::optional<std::int64_t> ParseDigits(std::string_view s, std::size_t max_digits) {
    if (s.empty() || s.size() > max_digits || !AllOf(s, IsDigit)) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// Splits on '|' into at most `max` pieces; one more piece than `max` means "too many".
std::vector<std::string_view> Split(std::string_view s, char sep, std::size_t max) {
    std::vector<std::string_view> out;
    while (out.size() <= max) {
        std::size_t at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + 1);
    }
    return out;
}

// PHP substr($s, $offset, $length) for non-negative arguments.
std::string PhpSubstr(std::string_view s, std::size_t offset, std::size_t length) {
    if (offset >= s.size()) return "";
    return std::string(s.substr(offset, length));
}

// PHP substr($s, -4).
std::string PhpLast4(std::string_view s) {
    return std::string(s.size() <= 4 ? s : s.substr(s.size() - 4));
}

bool PhpTruthyValue(const PhpValue& v) {
    switch (v.type) {
        case PhpValue::Type::kNull:
            return false;
        case PhpValue::Type::kBool:
            return v.b;
        case PhpValue::Type::kInt:
            return v.i != 0;
        case PhpValue::Type::kDouble:
            return v.d != 0;
        case PhpValue::Type::kString:
            return PhpTruthy(v.s);
        case PhpValue::Type::kArray:
            return v.a && !v.a->empty();
    }
    return false;
}

// An expiration as WP_Session_Tokens::is_still_valid compares it: an integer, or digits.
std::optional<std::int64_t> ExpirationOf(const PhpValue* v) {
    if (v == nullptr) return std::nullopt;
    if (v->type == PhpValue::Type::kInt) return v->i;
    if (v->type == PhpValue::Type::kString) return ParseDigits(v->s, 18);
    return std::nullopt;
}

}  // namespace

std::optional<AuthCookie> ParseAuthCookie(std::string_view value) {
    if (value.empty() || value.size() > kMaxCookieBytes) return std::nullopt;
    std::vector<std::string_view> f = Split(value, '|', 4);
    if (f.size() != 4) return std::nullopt;
    std::optional<std::int64_t> expires = ParseDigits(f[1], 18);
    if (!ValidLogin(f[0]) || !expires || !ValidToken(f[2])) return std::nullopt;
    if (f[3].size() != 64 || !AllOf(f[3], IsLowerHex)) return std::nullopt;
    return AuthCookie{std::string(f[0]), std::string(f[1]), *expires, std::string(f[2]),
                      std::string(f[3])};
}

bool CookieExpired(const AuthCookie& cookie, bool is_post, std::int64_t now) {
    std::int64_t expired = cookie.expires + (is_post ? kPostGraceSeconds : 0);
    return expired < now;
}

std::vector<std::string> PassFragCandidates(std::string_view user_pass) {
    const bool legacy = user_pass.starts_with("$P$") || user_pass.starts_with("$2y$");
    if (legacy) return {PhpSubstr(user_pass, 8, 4)};
    if (user_pass.starts_with("$wp$")) return {PhpLast4(user_pass)};
    std::vector<std::string> out = {PhpSubstr(user_pass, 8, 4), PhpLast4(user_pass)};
    if (out[0] == out[1]) out.pop_back();
    return out;
}

std::string CookieKey(const AuthCookie& cookie, std::string_view pass_frag, std::string_view salt) {
    std::string data = cookie.login + "|";
    data.append(pass_frag).append("|").append(cookie.expiration).append("|").append(cookie.token);
    return core::HmacMd5Hex(salt, data);
}

std::string CookieHmac(const AuthCookie& cookie, std::string_view key) {
    return core::HmacSha256Hex(key, cookie.login + "|" + cookie.expiration + "|" + cookie.token);
}

bool CookieHmacValid(const AuthCookie& cookie, std::string_view user_pass, std::string_view salt) {
    bool valid = false;
    for (const std::string& frag : PassFragCandidates(user_pass)) {
        std::string expected = CookieHmac(cookie, CookieKey(cookie, frag, salt));
        valid = core::ConstantTimeEquals(expected, cookie.hmac) || valid;
    }
    return valid;
}

std::string TokenVerifier(std::string_view token) { return core::Sha256Hex(token); }

std::optional<std::int64_t> SessionExpiration(std::string_view session_tokens,
                                              std::string_view verifier, std::int64_t now) {
    std::optional<PhpValue> sessions = PhpUnserialize(session_tokens);
    if (!sessions || sessions->type != PhpValue::Type::kArray) return std::nullopt;
    const PhpValue* session = sessions->Find(verifier);
    if (session == nullptr) return std::nullopt;
    std::optional<std::int64_t> expiration;
    if (session->type == PhpValue::Type::kInt) {
        expiration = session->i;  // legacy form: the bare expiration
    } else if (session->type == PhpValue::Type::kArray) {
        expiration = ExpirationOf(session->Find("expiration"));
    }
    if (!expiration || *expiration < now) return std::nullopt;
    return expiration;
}

std::vector<std::string> RolesFromCapabilities(std::string_view capabilities) {
    std::optional<PhpValue> caps = PhpUnserialize(capabilities);
    std::vector<std::string> roles;
    if (!caps || caps->type != PhpValue::Type::kArray || !caps->a) return roles;
    std::map<std::string, bool, std::less<>> granted;  // a repeated key: the last value wins
    std::vector<std::string> order;
    for (const auto& [key, value] : *caps->a) {
        std::string name = key.AsString();
        auto [it, fresh] = granted.insert_or_assign(name, PhpTruthyValue(value));
        if (fresh && !name.empty()) order.push_back(std::move(name));
    }
    for (std::string& name : order) {
        if (granted.find(name)->second) roles.push_back(std::move(name));
    }
    return roles;
}

std::string LoggedInCookieName(std::string_view siteurl) {
    return std::string(kLoggedInCookiePrefix) + (PhpTruthy(siteurl) ? core::Md5Hex(siteurl) : "");
}

std::string_view Untrailingslashit(std::string_view s) {
    while (!s.empty() && (s.back() == '/' || s.back() == '\\')) s.remove_suffix(1);
    return s;
}

bool PhpTruthy(std::string_view s) { return !s.empty() && s != "0"; }

std::string OptionText(std::string_view stored) {
    std::optional<PhpValue> v = PhpUnserialize(stored);
    if (!v) return std::string(stored);
    switch (v->type) {
        case PhpValue::Type::kString:
        case PhpValue::Type::kInt:
        case PhpValue::Type::kBool:
        case PhpValue::Type::kNull:
            return v->AsString();
        case PhpValue::Type::kDouble:
        case PhpValue::Type::kArray:
            break;
    }
    return std::string(stored);
}

SaltPlan PlanLoggedInSalt(const std::map<std::string, std::string>& constants,
                          const std::vector<std::string>& placeholders) {
    std::map<std::string, int, std::less<>> uses;
    for (std::string_view name : kSaltConstants) {
        auto it = constants.find(std::string(name));
        if (it != constants.end()) ++uses[it->second];
    }
    auto usable = [&](std::string_view name) -> std::string {
        auto it = constants.find(std::string(name));
        if (it == constants.end() || !PhpTruthy(it->second)) return "";
        const std::string& v = it->second;
        bool placeholder =
            std::find(placeholders.begin(), placeholders.end(), v) != placeholders.end();
        return placeholder || uses[v] >= 2 ? "" : v;
    };
    SaltPlan plan;
    plan.key = usable("SECRET_KEY");
    if (std::string k = usable("LOGGED_IN_KEY"); !k.empty()) plan.key = k;
    plan.salt = usable("LOGGED_IN_SALT");
    return plan;
}

std::optional<std::string> ResolveLoggedInSalt(const SaltPlan& plan,
                                               const std::optional<std::string>& key_option,
                                               const std::optional<std::string>& salt_option) {
    std::string key = plan.key;
    std::string salt = plan.salt;
    if (key.empty()) {
        if (!key_option || !PhpTruthy(*key_option)) return std::nullopt;
        key = *key_option;
    }
    if (salt.empty()) {
        if (!salt_option || !PhpTruthy(*salt_option)) return std::nullopt;
        salt = *salt_option;
    }
    return key + salt;
}

DbHost ParseDbHost(std::string_view in) {
    DbHost out;
    if (std::size_t at = in.find(":/"); at != std::string_view::npos) {
        out.socket = std::string(in.substr(at + 1));
        in = in.substr(0, at);
    }
    std::string_view port;
    if (std::count(in.begin(), in.end(), ':') > 1) {  // IPv6: [addr]:port or addr
        if (!in.empty() && in.front() == '[') in.remove_prefix(1);
        std::size_t end = in.find_first_not_of("0123456789abcdefABCDEF:");
        std::string_view rest = end == std::string_view::npos ? "" : in.substr(end);
        in = in.substr(0, end);
        if (rest.starts_with("]:")) port = rest.substr(2);
    } else {
        std::size_t end = in.find_first_of(":/");
        if (end != std::string_view::npos && in[end] == ':') port = in.substr(end + 1);
        in = in.substr(0, end);
    }
    if (!in.empty()) out.host = std::string(in);
    port = port.substr(0, std::min(port.find_first_not_of("0123456789"), port.size()));
    std::optional<std::int64_t> p = ParseDigits(port, 5);
    if (p && *p >= 1 && *p <= 65535) out.port = static_cast<unsigned>(*p);
    return out;
}

bool ValidTablePrefix(std::string_view prefix) {
    return !prefix.empty() && AllOf(prefix, [](char c) {
        return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    });
}

}  // namespace placette::host::wp
