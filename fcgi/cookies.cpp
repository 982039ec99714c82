// Cookie header parsing with PHP 8 $_COOKIE semantics (spec A.0) and Set-Cookie formatting
// for Placette's own cookies.
#include "fcgi/cookies.h"

#include <string>

#include "fcgi/form.h"

namespace placette::http {

namespace {

constexpr std::size_t kMaxCookies = 100;
constexpr std::size_t kMaxValueBytes = 16 * 1024;

// PHP skips only the white space before a cookie name; what precedes a ';' stays in the value.
std::string_view SkipLeadingSpace(std::string_view s) {
    while (!s.empty() &&
           std::string_view(" \t\n\v\f\r").find(s.front()) != std::string_view::npos) {
        s.remove_prefix(1);
    }
    return s;
}

// PHP's php_register_variable_ex turns ' ' and '.' in names into '_'. A '[' closed later by
// ']' makes PHP build an array (the name is kept verbatim here: hosts never use that); an
// unclosed '[' becomes '_' too.
std::string PhpCookieName(std::string_view raw) {
    std::string name(raw);
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '[' && name.find(']', i) != std::string::npos) break;
        if (name[i] == '.' || name[i] == ' ' || name[i] == '[') name[i] = '_';
    }
    return name;
}

// Keeps only RFC 6265 token characters, so a name can never split the header.
std::string TokenOnly(std::string_view in) {
    std::string out;
    for (const char c : in) {
        const auto byte = static_cast<unsigned char>(c);
        const bool separator =
            std::string_view("()<>@,;:\\\"/[]?={} \t").find(c) != std::string_view::npos;
        if (byte > 0x20 && byte < 0x7F && !separator) out.push_back(c);
    }
    return out;
}

// Attribute values (Path, SameSite) lose control characters and ';'.
std::string AttributeSafe(std::string_view in) {
    std::string out;
    for (const char c : in) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7F && c != ';') out.push_back(c);
    }
    return out;
}

}  // namespace

std::map<std::string, std::string, std::less<>> ParseCookieHeader(std::string_view header) {
    std::map<std::string, std::string, std::less<>> cookies;
    while (!header.empty() && cookies.size() < kMaxCookies) {
        const std::size_t semi = header.find(';');
        const std::string_view pair = SkipLeadingSpace(header.substr(0, semi));
        header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
        const std::size_t eq = pair.find('=');
        const std::string_view raw_name = pair.substr(0, eq);
        if (raw_name.empty()) continue;
        std::string value =
            eq == std::string_view::npos ? std::string() : UrlDecode(pair.substr(eq + 1), false);
        if (value.size() > kMaxValueBytes) continue;
        cookies.try_emplace(PhpCookieName(raw_name), std::move(value));  // first value wins
    }
    return cookies;
}

std::string FormatSetCookie(const SetCookie& c) {
    std::string out = TokenOnly(c.name) + "=" + UrlEncode(c.value);
    if (!c.path.empty()) out += "; Path=" + AttributeSafe(c.path);
    if (c.max_age >= 0) {
        out += "; Max-Age=" + std::to_string(c.max_age);
        // Old browsers ignore Max-Age; a past Expires makes deletion reliable everywhere.
        if (c.max_age == 0) out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }
    if (c.secure) out += "; Secure";
    if (c.http_only) out += "; HttpOnly";
    if (!c.same_site.empty()) out += "; SameSite=" + AttributeSafe(c.same_site);
    return out;
}

}  // namespace placette::http
