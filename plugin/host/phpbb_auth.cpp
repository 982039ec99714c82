// phpBB 3.3's session checks as pure functions, following phpbb/session.php (session_begin,
// validate_referer), phpbb/request/type_cast_helper.php, functions.php (phpbb_ip_normalise,
// short_ipv6, extract_current_hostname).
#include "plugin/host/phpbb_auth.h"

#include <arpa/inet.h>

#include <algorithm>
#include <vector>

#include "plugin/core/crypto.h"
#include "plugin/host/generic_sql_common.h"

namespace placette::host::phpbb {

namespace {

constexpr std::string_view kPhpTrim = " \t\n\r\v";  // and NUL, removed before trimming

std::string_view PhpTrim(std::string_view s) {
    auto is_space = [](char c) { return c == '\0' || kPhpTrim.find(c) != std::string_view::npos; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::optional<std::int64_t> Number(const std::map<std::string, std::string>& config,
                                   const char* name, std::int64_t min, std::int64_t max) {
    auto it = config.find(name);
    if (it == config.end() || it->second.empty() || it->second.size() > 12) return std::nullopt;
    if (!std::all_of(it->second.begin(), it->second.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::int64_t v = std::stoll(it->second);
    if (v < min || v > max) return std::nullopt;
    return v;
}

// Well-formed UTF-8 as PHP's htmlspecialchars requires it (no overlongs, surrogates, > U+10FFFF).
bool ValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80                 ? 1
                        : c >= 0xC2 && c <= 0xDF ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        const auto c1 = static_cast<unsigned char>(n > 1 ? s[i + 1] : 0);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F)) {
            return false;
        }
        i += n;
    }
    return true;
}

std::vector<std::string_view> Explode(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + 1)) {
        out.push_back(s.substr(0, at));
    }
    out.push_back(s);
    return out;
}

std::string Implode(const std::vector<std::string_view>& parts, std::size_t count, char sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size() && i < count; ++i) {
        if (i > 0) out += sep;
        out.append(parts[i]);
    }
    return out;
}

// phpbb_ip_normalise: "" when the address is invalid.
std::string NormaliseIp(std::string_view address) {
    const std::string a(address);
    unsigned char buf[16];
    if (inet_pton(AF_INET, a.c_str(), buf) == 1) return a;
    if (inet_pton(AF_INET6, a.c_str(), buf) != 1) return "";
    char text[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, buf, text, sizeof text) == nullptr) return "";
    std::string out(text);
    if (AsciiLower(out).starts_with("::ffff:") && out.find('.') != std::string::npos) {
        out.erase(0, 7);
    }
    return out;
}

bool IsIp(std::string_view address) { return !NormaliseIp(address).empty(); }

// Commas become spaces and runs of spaces one space (preg_replace('# {2,}#', ' ', …)).
std::string SpaceSeparated(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ',') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           AsciiLower(s.substr(0, prefix.size())) == AsciiLower(prefix);
}

std::string BrowserKey(std::string_view ua) {
    return std::string(PhpTrim(AsciiLower(ua.substr(0, std::min<std::size_t>(ua.size(), 149)))));
}

}  // namespace

SessionRules RulesFromConfig(const std::map<std::string, std::string>& config) {
    SessionRules r;
    r.ip_check = static_cast<int>(Number(config, "ip_check", 0, 4).value_or(r.ip_check));
    r.browser_check = Number(config, "browser_check", 0, 1).value_or(1) == 1;
    r.forwarded_for_check = Number(config, "forwarded_for_check", 0, 1).value_or(0) == 1;
    r.referer_validation =
        static_cast<int>(Number(config, "referer_validation", 0, 2).value_or(r.referer_validation));
    r.session_length = Number(config, "session_length", 0, 999999999).value_or(r.session_length);
    r.allow_autologin = Number(config, "allow_autologin", 0, 1).value_or(1) == 1;
    r.max_autologin_time = Number(config, "max_autologin_time", 0, 99999).value_or(0);
    r.force_server_vars = Number(config, "force_server_vars", 0, 1).value_or(0) == 1;
    if (auto it = config.find("server_name"); it != config.end()) r.server_name = it->second;
    if (auto it = config.find("cookie_domain"); it != config.end()) r.cookie_domain = it->second;
    return r;
}

bool ValidSessionId(std::string_view sid) {
    return sid.size() == 32 && std::all_of(sid.begin(), sid.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string AutologinKeyId(std::string_view key) { return core::Md5Hex(key); }

std::string RequestString(std::string_view raw) {
    std::string s;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\0') continue;
        if (raw[i] == '\r') {
            s += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            continue;
        }
        s += raw[i];
    }
    const std::string_view trimmed = PhpTrim(s);
    if (!ValidUtf8(trimmed)) return "";
    std::string out;
    for (char c : trimmed) {
        if (c == '&')
            out += "&amp;";
        else if (c == '"')
            out += "&quot;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string ClientIp(std::string_view remote_addr) {
    std::string ip = "127.0.0.1";
    const std::string list = SpaceSeparated(RequestString(remote_addr));
    for (std::string_view part : Explode(PhpTrim(list), ' ')) {
        std::string normalised = NormaliseIp(part);
        if (normalised.empty()) break;
        ip = std::move(normalised);
    }
    return ip;
}

std::string ShortIpv6(std::string_view ip_in, int length) {
    if (length < 1) return "";
    std::string ip(ip_in);
    const auto blocks = static_cast<int>(std::count(ip.begin(), ip.end(), ':')) + 1;
    if (blocks < 9) {
        std::string filler = ":";
        for (int i = 0; i < 9 - blocks; ++i) filler += "0000:";
        std::string out;
        std::string_view rest = ip;
        for (std::size_t at; (at = rest.find("::")) != std::string_view::npos;) {
            out.append(rest.substr(0, at)).append(filler);
            rest.remove_prefix(at + 2);
        }
        ip = out.append(rest);
    }
    if (!ip.empty() && ip[0] == ':') ip = "0000" + ip;
    if (length < 4) ip = Implode(Explode(ip, ':'), static_cast<std::size_t>(1 + length), ':');
    return ip;
}

bool SameIp(std::string_view session_ip, std::string_view user_ip, int ip_check) {
    if (user_ip.find(':') != std::string_view::npos &&
        session_ip.find(':') != std::string_view::npos) {
        return ShortIpv6(session_ip, ip_check) == ShortIpv6(user_ip, ip_check);
    }
    const auto parts = static_cast<std::size_t>(std::max(ip_check, 0));
    return Implode(Explode(session_ip, '.'), parts, '.') ==
           Implode(Explode(user_ip, '.'), parts, '.');
}

bool SameBrowser(std::string_view session_browser, std::string_view user_browser, bool check) {
    return !check || BrowserKey(session_browser) == BrowserKey(user_browser);
}

std::string ForwardedFor(std::string_view header, bool check) {
    if (!check) return "";
    std::string ff = SpaceSeparated(RequestString(header));
    for (std::string_view ip : Explode(ff, ' ')) {
        if (!ip.empty() && !IsIp(ip)) return "";
    }
    return ff;
}

bool SameForwardedFor(std::string_view session_ff, std::string_view user_ff, bool check) {
    if (!check) return true;
    return session_ff.substr(0, std::min<std::size_t>(session_ff.size(), 254)) ==
           user_ff.substr(0, std::min<std::size_t>(user_ff.size(), 254));
}

std::string CurrentHostname(std::string_view host_header, const SessionRules& rules) {
    std::string host = AsciiLower(host_header.empty() ? rules.server_name : host_header);
    if (host == rules.cookie_domain || host == rules.server_name) return host;
    unsigned char buf[4];
    if (inet_pton(AF_INET, host.c_str(), buf) == 1) return host;
    std::size_t end = host.starts_with('[') ? host.find(']') : host.find_first_of(":/?#");
    if (end != std::string::npos) host.resize(host.starts_with('[') ? end + 1 : end);
    host.erase(std::remove(host.begin(), host.end(), '#'), host.end());
    if (host.empty()) {
        host = AsciiLower(rules.server_name.substr(0, rules.server_name.find(':')));
    }
    return host;
}

bool RefererValid(std::string_view method, std::string_view referer, std::string_view host,
                  const SessionRules& rules) {
    if (rules.referer_validation == 0 || AsciiLower(method) == "get") return true;
    if (referer.empty() || host.empty()) return true;
    const std::size_t scheme = referer.find("://");
    const std::size_t from = (scheme == std::string_view::npos ? 0 : scheme) + 3;
    const std::string_view ref = from > referer.size() ? "" : referer.substr(from);
    if (StartsWithNoCase(ref, RequestString(host))) return true;
    return rules.force_server_vars && StartsWithNoCase(ref, rules.server_name);
}

std::optional<std::int64_t> SessionValidUntil(std::int64_t session_time, bool autologin,
                                              const SessionRules& rules, std::int64_t now) {
    std::int64_t until = now + 86400;
    if (!autologin) {
        until = session_time + rules.session_length + 60;
    } else if (!rules.allow_autologin) {
        return std::nullopt;
    } else if (rules.max_autologin_time != 0) {
        until = session_time + 86400 * rules.max_autologin_time - 60;
    }
    if (until < now) return std::nullopt;
    return until;
}

bool RegisteredUser(std::int64_t user_id, std::int64_t user_type) {
    return user_id != kAnonymousUserId && (user_type == kUserNormal || user_type == kUserFounder);
}

}  // namespace placette::host::phpbb
