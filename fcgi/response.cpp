// Response construction and CGI serialisation, with the security headers every answer carries.
#include "fcgi/response.h"

#include <strings.h>

#include "fcgi/http_error.h"

namespace placette::http {

namespace {
bool SameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

const char* ReasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        default:
            return "Unknown";
    }
}

void Response::SetHeader(std::string_view name, std::string_view value) {
    for (auto& [n, v] : headers) {
        if (SameName(n, name)) {
            v = value;
            return;
        }
    }
    headers.emplace_back(name, value);
}

std::string_view Response::GetHeader(std::string_view name) const {
    for (const auto& [n, v] : headers) {
        if (SameName(n, name)) return v;
    }
    return {};
}

Response Response::Html(int status, std::string body) {
    Response r;
    r.status = status;
    r.SetHeader("Content-Type", "text/html; charset=utf-8");
    r.body = std::move(body);
    return r;
}

Response Response::Text(int status, std::string body) {
    Response r;
    r.status = status;
    r.SetHeader("Content-Type", "text/plain; charset=utf-8");
    r.body = std::move(body);
    return r;
}

Response Response::Redirect(std::string location, int status) {
    Response r;
    r.status = status;
    r.SetHeader("Location", location);
    r.SetHeader("Content-Type", "text/plain; charset=utf-8");
    return r;
}

void AddSecurityHeaders(Response& r, std::string_view form_action_extra) {
    auto set_default = [&r](std::string_view n, std::string_view v) {
        if (r.GetHeader(n).empty()) r.SetHeader(n, v);
    };
    std::string csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self' https:";
    if (!form_action_extra.empty()) {
        csp += ' ';
        csp += form_action_extra;
    }
    csp += "; frame-ancestors 'self'";
    set_default("Content-Security-Policy", csp);
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "strict-origin-when-cross-origin");
    set_default("X-Frame-Options", "SAMEORIGIN");
    set_default("Cache-Control", "no-store");
}

std::string Response::Head() const {
    std::string out;
    out.reserve(512);
    out += "Status: ";
    out += std::to_string(status);
    out += ' ';
    out += ReasonPhrase(status);
    out += "\r\n";
    for (const auto& [n, v] : headers) {
        out += n;
        out += ": ";
        out += v;
        out += "\r\n";
    }
    for (const auto& c : cookies) {
        out += "Set-Cookie: ";
        out += FormatSetCookie(c);
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += std::to_string(body.size());
    out += "\r\n\r\n";
    return out;
}

std::string Response::Serialize(bool head_only) const {
    std::string out = Head();
    if (!head_only) out += body;
    return out;
}

}  // namespace placette::http
