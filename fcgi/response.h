// An HTTP response under construction: status, headers, cookies and body, serialised as a CGI
// response for FastCGI. Security headers are added to every response by Serialize().
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fcgi/cookies.h"

namespace placette::http {

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<SetCookie> cookies;
    std::string body;

    // Replaces any header of that name (case-insensitive).
    void SetHeader(std::string_view name, std::string_view value);
    std::string_view GetHeader(std::string_view name) const;

    static Response Html(int status, std::string body);
    static Response Text(int status, std::string body);
    // 303 See Other (after a successful POST) or 301/302 to `location`.
    static Response Redirect(std::string location, int status = 303);

    // The CGI header block and body. `head_only` drops the body (HEAD requests).
    std::string Serialize(bool head_only = false) const;
    // The status line and headers of Serialize(), ending with the blank line (the server writes
    // the body after it without copying the two together).
    std::string Head() const;
};

// Content-Security-Policy and friends, set on every response unless a handler set its own.
// `form_action_extra` adds sources to form-action (e.g. a plain-http payment page on loopback,
// where forms are redirected; https: is always allowed).
void AddSecurityHeaders(Response& r, std::string_view form_action_extra = "");

}  // namespace placette::http
