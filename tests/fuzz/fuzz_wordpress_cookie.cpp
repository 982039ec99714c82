// libFuzzer entry point for the WordPress cookie path: arbitrary bytes as a logged_in cookie value,
// then the pure validation steps (expiry, pass_frag, HMACs, session tokens, roles, DB_HOST).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "plugin/host/wordpress_auth.h"

namespace {

namespace wp = placette::host::wp;

// Splits the input at the first NUL: the cookie before it, a serialized value after it.
std::pair<std::string_view, std::string_view> Halves(std::string_view in) {
    std::size_t at = in.find('\0');
    if (at == std::string_view::npos) return {in, in};
    return {in.substr(0, at), in.substr(at + 1)};
}

void CheckCookie(std::string_view value) {
    std::optional<wp::AuthCookie> c = wp::ParseAuthCookie(value);
    if (!c) return;
    if (c->hmac.size() != 64 || c->login.empty() || c->token.empty()) __builtin_trap();
    wp::CookieExpired(*c, true, INT64_MAX);
    wp::CookieExpired(*c, false, 0);
    for (std::string_view pass : {std::string_view("$P$BiJ7Kj8WzJjpqvB1Xn2q3r4s5t6u7v."),
                                  std::string_view("$wp$2y$10$x"), value}) {
        wp::CookieHmacValid(*c, pass, "key-and-salt");
    }
    if (wp::CookieHmac(*c, wp::CookieKey(*c, "frag", "salt")) == c->hmac) {
        if (!wp::CookieHmacValid(*c, "$P$B0123frag", "salt")) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    auto [cookie, serialized] = Halves(in);
    CheckCookie(cookie);
    const std::string verifier = wp::TokenVerifier(cookie);
    wp::SessionExpiration(serialized, verifier, 0);
    wp::RolesFromCapabilities(serialized);
    wp::OptionText(serialized);
    wp::PassFragCandidates(serialized);
    wp::ParseDbHost(serialized);
    wp::PlanLoggedInSalt(
        {{"SECRET_KEY", std::string(cookie)}, {"LOGGED_IN_SALT", std::string(serialized)}});
    return 0;
}
