// libFuzzer entry point for the Drupal adapters' parsers: arbitrary bytes as a session cookie
// value, a Host header and base path, and the serialized admin role / role config data.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plugin/host/drupal_auth.h"

namespace drupal = placette::host::drupal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = in.find('\0');
    const std::string_view first = in.substr(0, cut);
    const std::string_view rest = cut == std::string_view::npos ? in : in.substr(cut + 1);
    if (drupal::ValidSessionId(first)) {
        if (first.size() < drupal::kMinSessionIdBytes || first.size() > drupal::kMaxSessionIdBytes)
            __builtin_trap();
        if (drupal::HashBase64(first).size() != 43) __builtin_trap();
    }
    const std::string d7 = drupal::Drupal7SessionName(first, rest);
    const std::string d10 = drupal::Drupal10SessionName(first, rest);
    if (drupal::SessionCookieName(d7, false).size() != 36) __builtin_trap();
    if (drupal::SessionCookieName(d10, true).size() != 37) __builtin_trap();
    drupal::Drupal7SessionNameFromBaseUrl(first);
    if (auto rid = drupal::AdminRoleId(rest); rid && *rid <= 0) __builtin_trap();
    drupal::RoleConfigIsAdmin(rest);
    drupal::SessionFresh(static_cast<std::int64_t>(size), 0, drupal::kDefaultGcMaxlifetime);
    return 0;
}
