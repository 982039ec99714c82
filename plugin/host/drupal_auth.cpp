// Drupal's session naming and storage rules as pure functions, following bootstrap.inc and
// session.inc of Drupal 7 and SessionConfiguration / SessionHandler / Crypt of Drupal 10.
#include "plugin/host/drupal_auth.h"

#include <algorithm>

#include "plugin/core/crypto.h"
#include "plugin/host/generic_sql_common.h"
#include "plugin/host/php_serialize.h"

namespace placette::host::drupal {

namespace {

std::string_view WithoutTrailingSlashes(std::string_view s) {
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    return s;
}

// Symfony's Request::getHost(): the Host header without its port, lowercased; "[v6]" kept.
std::string HostWithoutPort(std::string_view host) {
    std::size_t colon = host.rfind(':');
    std::size_t bracket = host.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        host = host.substr(0, colon);
    }
    return AsciiLower(host);
}

bool Truthy(const PhpValue& v) {
    switch (v.type) {
        case PhpValue::Type::kBool:
            return v.b;
        case PhpValue::Type::kInt:
            return v.i != 0;
        case PhpValue::Type::kString:
            return !v.s.empty() && v.s != "0";
        default:
            return false;
    }
}

}  // namespace

std::string SessionCookieName(std::string_view session_name, bool secure) {
    return std::string(secure ? "SSESS" : "SESS") + core::Sha256Hex(session_name).substr(0, 32);
}

std::string Drupal7SessionName(std::string_view host_header, std::string_view base_path) {
    return AsciiLower(host_header) + std::string(WithoutTrailingSlashes(base_path));
}

std::string Drupal7SessionNameFromBaseUrl(std::string_view base_url) {
    std::size_t at = base_url.find("://");
    if (at == std::string_view::npos) return "";  // list(, $x) = explode(): null → ""
    return std::string(base_url.substr(at + 3));
}

std::string Drupal10SessionName(std::string_view host_header, std::string_view base_path) {
    std::string name =
        HostWithoutPort(host_header) + std::string(WithoutTrailingSlashes(base_path));
    if (name.size() >= 5 && name.ends_with("/core")) name.resize(name.size() - 5);
    return name;
}

std::string HashBase64(std::string_view value) {
    return core::Base64UrlEncode(core::Sha256Raw(value));
}

bool ValidSessionId(std::string_view sid) {
    if (sid.size() < kMinSessionIdBytes || sid.size() > kMaxSessionIdBytes) return false;
    return std::all_of(sid.begin(), sid.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == ',';
    });
}

bool SessionFresh(std::int64_t timestamp, std::int64_t now, std::int64_t gc_maxlifetime) {
    return timestamp >= now - gc_maxlifetime;
}

std::optional<std::int64_t> AdminRoleId(std::string_view serialized) {
    std::optional<PhpValue> v = PhpUnserialize(serialized);
    if (!v) return std::nullopt;
    std::int64_t id = 0;
    if (v->type == PhpValue::Type::kInt) {
        id = v->i;
    } else if (v->type == PhpValue::Type::kString && !v->s.empty() && v->s.size() <= 18 &&
               std::all_of(v->s.begin(), v->s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        id = std::stoll(v->s);
    }
    if (id <= 0) return std::nullopt;
    return id;
}

bool RoleConfigIsAdmin(std::string_view serialized) {
    std::optional<PhpValue> v = PhpUnserialize(serialized);
    if (!v || v->type != PhpValue::Type::kArray) return false;
    const PhpValue* is_admin = v->Find("is_admin");
    return is_admin != nullptr && Truthy(*is_admin);
}

}  // namespace placette::host::drupal
