// HMAC-SHA256 CSRF tokens, base64url without padding.
#include "plugin/core/csrf.h"

#include <atomic>
#include <unordered_map>

#include "plugin/core/crypto.h"

namespace placette::core {

namespace {
std::atomic<std::uint64_t> g_instances{0};
constexpr std::size_t kRememberedPerThread = 4096;  // ~0.5 MB per worker at most

struct Remembered {
    std::uint64_t instance = 0;
    std::unordered_map<std::string, std::string> tokens;  // session key → token
};
}  // namespace

Csrf::Csrf(std::string secret) : secret_(std::move(secret)), instance_(++g_instances) {}

std::string Csrf::Token(std::string_view session_key) const {
    thread_local Remembered remembered;
    if (remembered.instance != instance_ || remembered.tokens.size() >= kRememberedPerThread) {
        remembered.tokens.clear();
        remembered.instance = instance_;
    }
    std::string key(session_key);
    auto it = remembered.tokens.find(key);
    if (it != remembered.tokens.end()) return it->second;
    std::string token = Compute(session_key);
    remembered.tokens.emplace(std::move(key), token);
    return token;
}

std::string Csrf::Compute(std::string_view session_key) const {
    std::string data = "placette-csrf|";
    data += session_key;
    return Base64UrlEncode(HmacSha256Raw(secret_, data));
}

bool Csrf::Verify(std::string_view session_key, std::string_view token) const {
    if (session_key.empty() || token.empty()) return false;
    return ConstantTimeEquals(Token(session_key), token);
}

}  // namespace placette::core
