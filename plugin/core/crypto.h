// Hashes, HMACs, random tokens and constant-time comparison over OpenSSL, returned as hex or
// base64url text where hosts and providers expect it.
#pragma once

#include <string>
#include <string_view>

namespace placette::core {

std::string Md5Hex(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string Sha256Raw(std::string_view data);
std::string HmacMd5Hex(std::string_view key, std::string_view data);
std::string HmacSha256Hex(std::string_view key, std::string_view data);
std::string HmacSha256Raw(std::string_view key, std::string_view data);
std::string HmacSha1Raw(std::string_view key, std::string_view data);
// RFC 4648 §5 without padding.
std::string Base64UrlEncode(std::string_view raw);
std::string Base64Encode(std::string_view raw);
// `bytes` random bytes from OpenSSL, as lowercase hex (2×bytes characters). Throws on failure.
std::string RandomHex(std::size_t bytes);
// Constant-time equality (length leak only).
bool ConstantTimeEquals(std::string_view a, std::string_view b);
std::string ToHex(std::string_view raw);

}  // namespace placette::core
