// Cookie header parsing that matches PHP's $_COOKIE, so Placette reads host cookies exactly
// as the host CMS does (spec A.0), and Set-Cookie formatting for Placette's own cookies.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace placette::http {

// Parses an HTTP Cookie header as PHP 8 does: split on ';', skip white space before each name
// (white space before a ';' stays in the value, as in PHP), split each pair on the first '=',
// percent-decode the value (%XX only; '+' stays '+'; invalid escapes kept literally), rewrite
// '.' and ' ' in names to '_', keep the FIRST value when a name repeats, skip pairs with an
// empty name. Caps: at most 100 cookies, and a single value over 16 KiB is dropped (never an
// exception).
std::map<std::string, std::string, std::less<>> ParseCookieHeader(std::string_view header);

struct SetCookie {
    std::string name;
    std::string value;  // percent-encoded on output
    std::string path = "/";
    long max_age = -1;  // -1: session cookie; 0: delete
    bool http_only = true;
    bool secure = false;
    std::string same_site = "Lax";
};

// Formats the value of one Set-Cookie header.
std::string FormatSetCookie(const SetCookie& c);

}  // namespace placette::http
