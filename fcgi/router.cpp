// Route table: compile patterns once, match by segments, report 404 vs 405, build URLs.
#include "fcgi/router.h"

#include <stdexcept>

#include "fcgi/form.h"

namespace placette::http {

namespace {
std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        parts.push_back(path.substr(i, j - i));
        i = j;
    }
    return parts;
}

bool IsDigits(std::string_view s) {
    if (s.empty() || s.size() > 18) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool IsSlug(std::string_view s) {
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                  (c >= 'A' && c <= 'Z') || c == '%' || c == '_';
        if (!ok) return false;
    }
    return true;
}
}  // namespace

std::vector<Router::Segment> Router::Compile(std::string_view pattern) {
    if (pattern.empty() || pattern[0] != '/') throw std::invalid_argument("pattern must start with /");
    std::vector<Segment> segs;
    for (std::string_view part : SplitPath(pattern)) {
        Segment s;
        if (part.front() == '{') {
            if (part.back() != '}') throw std::invalid_argument("unclosed capture in pattern");
            std::string_view inner = part.substr(1, part.size() - 2);
            std::size_t colon = inner.find(':');
            s.text = std::string(inner.substr(0, colon));
            if (s.text.empty()) throw std::invalid_argument("empty capture name");
            if (colon == std::string_view::npos) {
                s.type = Segment::Type::kString;
            } else if (inner.substr(colon + 1) == "int") {
                s.type = Segment::Type::kInt;
            } else {
                throw std::invalid_argument("unknown capture type");
            }
        } else {
            s.text = std::string(part);
        }
        segs.push_back(std::move(s));
    }
    return segs;
}

std::size_t Router::Add(std::string_view method, std::string_view pattern, std::string name) {
    for (const Route& r : routes_) {
        if (r.method == method && r.pattern == pattern) {
            throw std::invalid_argument("duplicate route " + std::string(pattern));
        }
    }
    routes_.push_back(
        Route{std::string(method), std::string(pattern), std::move(name), Compile(pattern)});
    return routes_.size() - 1;
}

bool Router::MatchSegments(const std::vector<Segment>& segs,
                           const std::vector<std::string_view>& parts, ParamMap& out) {
    if (segs.size() != parts.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& s = segs[i];
        std::string_view p = parts[i];
        switch (s.type) {
            case Segment::Type::kLiteral:
                if (p != s.text) return false;
                break;
            case Segment::Type::kString:
                if (p.empty()) return false;
                out[s.text] = UrlDecode(p, false);
                break;
            case Segment::Type::kInt: {
                std::size_t dash = p.find('-');
                std::string_view num = p.substr(0, dash);
                if (!IsDigits(num)) return false;
                out[s.text] = std::string(num);
                if (dash != std::string_view::npos) {
                    std::string_view slug = p.substr(dash + 1);
                    if (!IsSlug(slug)) return false;
                    out[s.text + "_slug"] = std::string(slug);
                }
                break;
            }
        }
    }
    return true;
}

RouteMatch Router::Match(Request& req) const {
    const auto parts = SplitPath(req.path);
    RouteMatch m;
    std::string allow;
    for (std::size_t id = 0; id < routes_.size(); ++id) {
        const Route& r = routes_[id];
        ParamMap captures;
        if (!MatchSegments(r.segments, parts, captures)) continue;
        bool method_ok = r.method == req.method || (req.method == "HEAD" && r.method == "GET");
        if (method_ok) {
            req.route = std::move(captures);
            m.kind = RouteMatch::Kind::kFound;
            m.id = id;
            return m;
        }
        if (allow.find(r.method) == std::string::npos) {
            if (!allow.empty()) allow += ", ";
            allow += r.method;
            if (r.method == "GET") allow += ", HEAD";
        }
    }
    if (!allow.empty()) {
        m.kind = RouteMatch::Kind::kMethodNotAllowed;
        m.allow = std::move(allow);
    }
    return m;
}

std::string Router::UrlFor(std::string_view name, const std::map<std::string, std::string>& args) const {
    for (const Route& r : routes_) {
        if (r.name != name) continue;
        std::string url = base_path_;
        for (const Segment& s : r.segments) {
            url += '/';
            if (s.type == Segment::Type::kLiteral) {
                url += s.text;
                continue;
            }
            auto it = args.find(s.text);
            if (it == args.end()) throw std::invalid_argument("missing URL argument " + s.text);
            url += UrlEncode(it->second);
        }
        if (r.segments.empty()) url += '/';
        return url;
    }
    throw std::invalid_argument("unknown route " + std::string(name));
}

}  // namespace placette::http
