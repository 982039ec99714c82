// Maps (method, path) to a route id through patterns with typed captures, e.g.
// "/projects/{id:int}/edit", and builds URLs back from a route's name and arguments.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fcgi/request.h"
#include "fcgi/response.h"

namespace placette::http {

struct RouteMatch {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed };
    Kind kind = Kind::kNotFound;
    std::size_t id = 0;  // what Add() returned for the matched route
    std::string allow;  // for 405: the methods the path accepts, e.g. "GET, HEAD, POST"
};

class Router {
public:
    explicit Router(std::string base_path = "") : base_path_(std::move(base_path)) {}

    // Registers `pattern` for `method` under `name` (names are unique per pattern; the same name
    // may serve several methods) and returns the route's id, which the caller maps to a handler. Segments: literal, {name} (one segment, no '/'), {name:int}
    // (digits; also accepts a trailing "-slug", captured as "<name>_slug"). Throws
    // std::invalid_argument on a malformed pattern or a duplicate method+pattern.
    std::size_t Add(std::string_view method, std::string_view pattern, std::string name);

    // Finds the route; fills req.route with the captures. GET routes also answer HEAD.
    RouteMatch Match(Request& req) const;

    // base_path + the named pattern with args substituted (percent-encoded). Throws
    // std::invalid_argument when the name is unknown or an argument is missing.
    std::string UrlFor(std::string_view name, const std::map<std::string, std::string>& args = {}) const;

    const std::string& base_path() const { return base_path_; }

private:
    struct Segment {
        enum class Type { kLiteral, kString, kInt };
        Type type = Type::kLiteral;
        std::string text;  // literal text or capture name
    };
    struct Route {
        std::string method;
        std::string pattern;
        std::string name;
        std::vector<Segment> segments;
    };
    static std::vector<Segment> Compile(std::string_view pattern);
    static bool MatchSegments(const std::vector<Segment>& segs,
                              const std::vector<std::string_view>& parts, ParamMap& out);

    std::string base_path_;
    std::vector<Route> routes_;
};

}  // namespace placette::http
