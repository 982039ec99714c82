// An HTTP request as Placette sees it: owned copies of the FastCGI params, cookies, query and
// parsed body, so nothing points into libfcgi's buffers once the request is finished.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "fcgi/form.h"

namespace placette::http {

using ParamMap = std::map<std::string, std::string, std::less<>>;

struct Request {
    std::string method;        // GET, POST, ... (upper case)
    std::string path;          // below the base path, always starting with '/', not decoded
    std::string query_string;  // raw
    std::string request_id;    // for logs and incident ids
    ParamMap params;           // every FastCGI param (CGI variables)
    ParamMap cookies;          // decoded as PHP does
    Form query;                // decoded query string
    Form form;                 // decoded body (urlencoded or multipart)
    std::string body;          // raw body (webhooks verify signatures over it)
    ParamMap route;            // captures filled by the router
    int body_error = 0;        // 400 or 413 when the body could not be read or parsed
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    // A CGI param ("REMOTE_ADDR") or "".
    std::string_view Param(std::string_view name) const;
    // A request header by its HTTP name ("Accept-Language"), via HTTP_* params, or "".
    std::string_view Header(std::string_view name) const;
    std::string_view Cookie(std::string_view name) const;
    // A route capture as text; throws std::out_of_range when the route has none of that name.
    const std::string& RouteParam(std::string_view name) const;
    // An {x:int} route capture; the router guarantees digits, this checks the range.
    std::int64_t RouteInt(std::string_view name) const;
    bool IsWrite() const { return method != "GET" && method != "HEAD"; }
    bool IsSecure() const;  // HTTPS=on or REQUEST_SCHEME=https
};

}  // namespace placette::http
