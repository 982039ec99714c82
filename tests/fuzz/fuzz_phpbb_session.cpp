// libFuzzer entry point for the phpBB adapter's parsers: arbitrary bytes as the _sid cookie,
// REMOTE_ADDR, User-Agent, X-Forwarded-For, Host and Referer, and the board config values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/host/phpbb_auth.h"

namespace phpbb = placette::host::phpbb;

namespace {

// Splits the input on NUL bytes into at most `n` fields (missing ones are empty).
std::vector<std::string_view> Fields(std::string_view in, std::size_t n) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < n) {
        std::size_t at = in.find('\0');
        if (at == std::string_view::npos) break;
        out.push_back(in.substr(0, at));
        in.remove_prefix(at + 1);
    }
    out.push_back(in);
    out.resize(n);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto f = Fields(std::string_view(reinterpret_cast<const char*>(data), size), 6);
    if (phpbb::ValidSessionId(f[0]) && f[0].size() != 32) __builtin_trap();
    phpbb::AutologinKeyId(f[0]);
    const std::string ip = phpbb::ClientIp(f[1]);
    if (ip.empty()) __builtin_trap();
    const phpbb::SessionRules rules =
        phpbb::RulesFromConfig({{"ip_check", std::string(f[5])},
                                {"server_name", std::string(f[4])},
                                {"session_length", std::string(f[3])},
                                {"max_autologin_time", std::string(f[2])}});
    for (int parts = 0; parts <= 4; ++parts) {
        if (!phpbb::SameIp(ip, ip, parts)) __builtin_trap();
        phpbb::SameIp(f[1], ip, parts);
        phpbb::ShortIpv6(f[1], parts);
    }
    const std::string ua = phpbb::RequestString(f[2]);
    if (!phpbb::SameBrowser(ua, ua, true)) __builtin_trap();
    phpbb::SameForwardedFor(phpbb::ForwardedFor(f[3], true), f[3], true);
    const std::string host = phpbb::CurrentHostname(f[4], rules);
    phpbb::RefererValid("POST", f[5], host, rules);
    phpbb::SessionValidUntil(static_cast<std::int64_t>(size), size % 2 == 0, rules, 1700000000);
    return 0;
}
