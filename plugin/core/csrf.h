// CSRF tokens: an HMAC of the viewer's session key under the site secret, so a token minted for
// one host session is refused in any other. Checked on every write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace placette::core {

class Csrf {
public:
    explicit Csrf(std::string secret);
    // A token for the session identified by `session_key` (non-empty). Each thread keeps the
    // tokens it made for the sessions it saw last, so a page view costs no HMAC.
    std::string Token(std::string_view session_key) const;
    // Constant-time check; false for empty keys or tokens.
    bool Verify(std::string_view session_key, std::string_view token) const;

private:
    std::string Compute(std::string_view session_key) const;

    std::string secret_;
    std::uint64_t instance_;  // which Csrf a thread's remembered tokens belong to
};

}  // namespace placette::core
