// Accessors of the owned Request: params, headers, cookies and typed route captures.
// Building a Request from libfcgi lives in fcgi/server.cpp.
#include "fcgi/request.h"

#include <charconv>
#include <stdexcept>

namespace placette::http {

namespace {
template <typename Map>
std::string_view Lookup(const Map& m, std::string_view key) {
    auto it = m.find(key);
    return it == m.end() ? std::string_view{} : std::string_view{it->second};
}
}  // namespace

std::string_view Request::Param(std::string_view name) const { return Lookup(params, name); }

std::string_view Request::Header(std::string_view name) const {
    std::string key = "HTTP_";
    for (char c : name) {
        key += c == '-' ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (key == "HTTP_CONTENT_TYPE") return Lookup(params, "CONTENT_TYPE");
    if (key == "HTTP_CONTENT_LENGTH") return Lookup(params, "CONTENT_LENGTH");
    return Lookup(params, key);
}

std::string_view Request::Cookie(std::string_view name) const { return Lookup(cookies, name); }

const std::string& Request::RouteParam(std::string_view name) const {
    auto it = route.find(name);
    if (it == route.end()) throw std::out_of_range("no route param " + std::string(name));
    return it->second;
}

std::int64_t Request::RouteInt(std::string_view name) const {
    const std::string& s = RouteParam(name);
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v <= 0) {
        throw std::out_of_range("route param out of range");
    }
    return v;
}

bool Request::IsSecure() const {
    return Param("HTTPS") == "on" || Param("REQUEST_SCHEME") == "https";
}

}  // namespace placette::http
