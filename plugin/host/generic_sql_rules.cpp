// The generic SQL adapter's cookie-to-id, freshness and fragment rules as pure functions (see
// generic_sql_rules.h).
#include "plugin/host/generic_sql_rules.h"

#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

#include "plugin/core/crypto.h"

namespace placette::host::generic {

namespace {

std::string Sha1Hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(), nullptr) != 1) {
        throw std::runtime_error("sha1 failed");
    }
    return core::ToHex(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::optional<std::size_t> SmallNumber(std::string_view s) {
    if (s.empty() || s.size() > 3 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(std::stoi(std::string(s)));
}

}  // namespace

std::optional<IdTransform> ParseIdTransform(std::string_view name) {
    if (name == "none" || name == "raw") return IdTransform::kNone;
    if (name == "md5-hex") return IdTransform::kMd5Hex;
    if (name == "sha1-hex") return IdTransform::kSha1Hex;
    if (name == "sha256-hex") return IdTransform::kSha256Hex;
    if (name == "sha256-b64url") return IdTransform::kSha256B64Url;
    return std::nullopt;
}

std::string ApplyIdTransform(IdTransform transform, std::string_view id) {
    switch (transform) {
        case IdTransform::kNone:
            return std::string(id);
        case IdTransform::kMd5Hex:
            return core::Md5Hex(id);
        case IdTransform::kSha1Hex:
            return Sha1Hex(id);
        case IdTransform::kSha256Hex:
            return core::Sha256Hex(id);
        case IdTransform::kSha256B64Url:
            return core::Base64UrlEncode(core::Sha256Raw(id));
    }
    return std::string(id);
}

std::optional<Extract> ParseExtract(std::string_view spec) {
    if (spec == "whole") return Extract{};
    // split:<one character>:<index>
    if (!spec.starts_with("split:") || spec.size() < 9 || spec[7] != ':') return std::nullopt;
    const char sep = spec[6];
    std::optional<std::size_t> index = SmallNumber(spec.substr(8));
    if (sep == '\0' || !index) return std::nullopt;
    return Extract{sep, *index};
}

std::optional<std::string_view> ExtractId(const Extract& extract, std::string_view value) {
    if (extract.separator == '\0') return value;
    for (std::size_t i = 0;; ++i) {
        std::size_t at = value.find(extract.separator);
        if (i == extract.index) return value.substr(0, at);
        if (at == std::string_view::npos) return std::nullopt;
        value.remove_prefix(at + 1);
    }
}

bool ValidId(std::string_view id, std::size_t min_length, std::size_t max_length) {
    if (id.size() < min_length || id.size() > max_length) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return c > ' ' && c < 0x7f && std::string_view("\"'\\;,").find(c) == std::string_view::npos;
    });
}

std::optional<Freshness> ParseFreshness(std::string_view name) {
    if (name == "none") return Freshness::kNone;
    if (name == "last_seen") return Freshness::kLastSeen;
    if (name == "expires_at") return Freshness::kExpiresAt;
    return std::nullopt;
}

std::optional<std::int64_t> ValidUntil(Freshness freshness, std::int64_t column,
                                       std::int64_t max_idle, std::int64_t now) {
    switch (freshness) {
        case Freshness::kNone:
            return now + 86400;
        case Freshness::kLastSeen:
            if (column < now - max_idle) return std::nullopt;
            return column + max_idle;
        case Freshness::kExpiresAt:
            if (column <= now) return std::nullopt;
            return column - 1;
    }
    return std::nullopt;
}

bool SafeSqlFragment(std::string_view f) {
    if (f.empty() || f.size() > 500) return false;
    const bool printable = std::all_of(f.begin(), f.end(), [](char c) {
        return c >= ' ' && c < 0x7f &&
               std::string_view(";?\\\"#").find(c) == std::string_view::npos;
    });
    if (!printable) return false;
    if (f.find("--") != std::string_view::npos || f.find("/*") != std::string_view::npos ||
        f.find("*/") != std::string_view::npos) {
        return false;
    }
    return std::count(f.begin(), f.end(), '\'') % 2 == 0;
}

std::optional<std::string_view> RawCookie(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        std::size_t end = header.find(';');
        std::string_view pair = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
        while (!pair.empty() && (pair.front() == ' ' || pair.front() == '\t'))
            pair.remove_prefix(1);
        std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    }
    return std::nullopt;
}

}  // namespace placette::host::generic
