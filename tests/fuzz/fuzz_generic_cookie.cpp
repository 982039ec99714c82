// libFuzzer entry point for the generic SQL adapter's parsers: arbitrary bytes as a Cookie
// header, an extract spec and a cookie value, id checks and transforms, and config SQL fragments.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "plugin/host/generic_sql_rules.h"

namespace generic = placette::host::generic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = in.find('\0');
    const std::string_view spec = in.substr(0, cut);
    const std::string_view value = cut == std::string_view::npos ? in : in.substr(cut + 1);
    if (auto raw = generic::RawCookie(value, spec); raw && raw->size() > value.size()) {
        __builtin_trap();
    }
    for (std::string_view s : {spec, std::string_view("whole"), std::string_view("split:|:1")}) {
        std::optional<generic::Extract> e = generic::ParseExtract(s);
        if (!e) continue;
        std::optional<std::string_view> id = generic::ExtractId(*e, value);
        if (id && id->size() > value.size()) __builtin_trap();
        if (id && generic::ValidId(*id, 16, 256)) {
            for (auto t : {generic::IdTransform::kNone, generic::IdTransform::kMd5Hex,
                           generic::IdTransform::kSha1Hex, generic::IdTransform::kSha256Hex,
                           generic::IdTransform::kSha256B64Url}) {
                generic::ApplyIdTransform(t, *id);
            }
        }
    }
    if (generic::SafeSqlFragment(value) &&
        (value.find(';') != std::string_view::npos || value.find('?') != std::string_view::npos)) {
        __builtin_trap();
    }
    generic::ParseIdTransform(spec);
    generic::ParseFreshness(spec);
    return 0;
}
