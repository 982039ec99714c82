// libFuzzer target: urlencoded and multipart bodies of any shape parse or fail cleanly, within
// the limits. The first byte picks the parser; for multipart the boundary is fixed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fcgi/form.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    placette::http::FormLimits limits;
    limits.max_fields = 20;
    limits.max_field_bytes = 256;
    limits.max_file_bytes = 1024;
    placette::http::Form form;
    placette::http::FormError err;
    bool ok = (data[0] & 1) ? placette::http::ParseMultipart(body, "BOUNDARY", limits, form, err)
                            : placette::http::ParseUrlEncoded(body, limits, form, err);
    if (ok && form.size() > limits.max_fields) std::abort();
    for (const auto& [name, value] : form.Fields()) {
        if (value.size() > limits.max_field_bytes) std::abort();
    }
    return 0;
}
