// libFuzzer entry point for the Joomla adapter's parsers: arbitrary bytes as configuration.php,
// as the session cookie value, and as configuration.php's $host.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plugin/host/joomla_auth.h"

namespace joomla = placette::host::joomla;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto props = joomla::ParseConfigurationPhp(in);
    for (const auto& [name, value] : props) {
        if (name.empty() || name.size() > in.size() || value.size() > in.size()) __builtin_trap();
    }
    if (joomla::ValidSessionId(in) && (in.size() < 16 || in.size() > 192)) __builtin_trap();
    if (joomla::SiteCookieName(in, in).size() != 32) __builtin_trap();
    joomla::ParseDbHost(in);
    joomla::ReturnParam(in);
    return 0;
}
