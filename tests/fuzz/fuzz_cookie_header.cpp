// libFuzzer target: any Cookie header must parse (PHP rules) without crashing, and the result
// respects the documented caps.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fcgi/cookies.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view header(reinterpret_cast<const char*>(data), size);
    auto cookies = placette::http::ParseCookieHeader(header);
    if (cookies.size() > 100) std::abort();
    for (const auto& [name, value] : cookies) {
        if (name.empty() || value.size() > 16 * 1024) std::abort();
    }
    return 0;
}
