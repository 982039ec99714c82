// OpenSSL-backed primitives; every EVP context is owned by a unique_ptr.
#include "plugin/core/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace placette::core {

namespace {
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};

std::string Digest(const EVP_MD* md, std::string_view data) {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), out, &len) != 1) {
        throw std::runtime_error("digest failed");
    }
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (HMAC(md, key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len) == nullptr) {
        throw std::runtime_error("hmac failed");
    }
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string Base64(std::string_view raw, bool url) {
    static const char* kStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char* kUrl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const char* tbl = url ? kUrl : kStd;
    std::string out;
    std::size_t i = 0;
    auto byte = [&raw](std::size_t k) { return static_cast<unsigned char>(raw[k]); };
    for (; i + 2 < raw.size(); i += 3) {
        unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += tbl[(v >> 6) & 63];
        out += tbl[v & 63];
    }
    std::size_t rest = raw.size() - i;
    if (rest == 1) {
        unsigned v = byte(i) << 16;
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        if (!url) out += "==";
    } else if (rest == 2) {
        unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += tbl[(v >> 6) & 63];
        if (!url) out += '=';
    }
    return out;
}
}  // namespace

std::string ToHex(std::string_view raw) {
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::string Md5Hex(std::string_view d) { return ToHex(Digest(EVP_md5(), d)); }
std::string Sha256Hex(std::string_view d) { return ToHex(Digest(EVP_sha256(), d)); }
std::string Sha256Raw(std::string_view d) { return Digest(EVP_sha256(), d); }
std::string HmacMd5Hex(std::string_view k, std::string_view d) { return ToHex(Hmac(EVP_md5(), k, d)); }
std::string HmacSha256Hex(std::string_view k, std::string_view d) {
    return ToHex(Hmac(EVP_sha256(), k, d));
}
std::string HmacSha256Raw(std::string_view k, std::string_view d) { return Hmac(EVP_sha256(), k, d); }
std::string HmacSha1Raw(std::string_view k, std::string_view d) { return Hmac(EVP_sha1(), k, d); }
std::string Base64UrlEncode(std::string_view raw) { return Base64(raw, true); }
std::string Base64Encode(std::string_view raw) { return Base64(raw, false); }

std::string RandomHex(std::size_t bytes) {
    std::string buf(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), static_cast<int>(bytes)) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
    return ToHex(buf);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace placette::core
