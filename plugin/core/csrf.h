// CSRF tokens: an HMAC of the viewer's session key under the site secret, so a token minted for
// one host session is refused in any other. Checked on every write.
#pragma once

#include <string>
#include <string_view>

namespace placette::core {

class Csrf {
public:
    explicit Csrf(std::string secret) : secret_(std::move(secret)) {}
    // A token for the session identified by `session_key` (non-empty).
    std::string Token(std::string_view session_key) const;
    // Constant-time check; false for empty keys or tokens.
    bool Verify(std::string_view session_key, std::string_view token) const;

private:
    std::string secret_;
};

}  // namespace placette::core
