// An HTTP request as Placette sees it: owned copies of the FastCGI params, cookies, query and
// parsed body, so nothing points into libfcgi's buffers once the request is finished.
#pragma once

#include <chrono>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fcgi/form.h"

namespace placette::http {

using ParamMap = std::map<std::string, std::string, std::less<>>;

// The FastCGI params of one request (about 30), in the order nginx sent them: a flat list, since
// a request builds it once and reads a few names. The first of two equal names wins, as in
// libfcgi's own lookup.
class CgiParams {
  public:
    using Entry = std::pair<std::string, std::string>;
    using const_iterator = std::vector<Entry>::const_iterator;

    CgiParams() = default;
    CgiParams(std::initializer_list<Entry> entries) {
        for (const Entry& e : entries) emplace(e.first, e.second);
    }
    // Adds name=value unless the name is already there; true when added.
    bool emplace(std::string name, std::string value) {
        if (find(name) != end()) return false;
        entries_.emplace_back(std::move(name), std::move(value));
        return true;
    }
    // The value of `name`, added empty when absent (for tests and tools that set params).
    std::string& operator[](std::string_view name) {
        for (Entry& e : entries_) {
            if (e.first == name) return e.second;
        }
        return entries_.emplace_back(std::string(name), std::string()).second;
    }
    const_iterator find(std::string_view name) const {
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->first == name) return it;
        }
        return entries_.end();
    }
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    void reserve(std::size_t n) { entries_.reserve(n); }

  private:
    std::vector<Entry> entries_;
};

struct Request {
    std::string method;        // GET, POST, ... (upper case)
    std::string path;          // below the base path, always starting with '/', not decoded
    std::string query_string;  // raw
    std::string request_id;    // for logs and incident ids
    CgiParams params;          // every FastCGI param (CGI variables)
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
