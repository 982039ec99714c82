// HMAC-SHA256 CSRF tokens, base64url without padding.
#include "plugin/core/csrf.h"

#include "plugin/core/crypto.h"

namespace placette::core {

std::string Csrf::Token(std::string_view session_key) const {
    std::string data = "placette-csrf|";
    data += session_key;
    return Base64UrlEncode(HmacSha256Raw(secret_, data));
}

bool Csrf::Verify(std::string_view session_key, std::string_view token) const {
    if (session_key.empty() || token.empty()) return false;
    return ConstantTimeEquals(Token(session_key), token);
}

}  // namespace placette::core
