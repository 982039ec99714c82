// OpenSSL-backed primitives; every EVP context is owned by a unique_ptr.
#include "plugin/core/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace placette::core {

namespace {
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
struct MacCtxFree {
    void operator()(EVP_MAC_CTX* c) const noexcept { EVP_MAC_CTX_free(c); }
};

enum class Algo { kMd5 = 0, kSha1 = 1, kSha256 = 2 };

// OpenSSL 3 looks an algorithm up by name (an "implicit fetch", with its locks) every time
// EVP_sha256() and the like are used, and HMAC() fetches the MAC too: that was a visible share
// of a logged-in request (the session cache's key, the CSRF token). Fetched once here.
const EVP_MD* Md(Algo a) {
    static EVP_MD* const kMd5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
    static EVP_MD* const kSha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    const EVP_MD* md = a == Algo::kMd5 ? kMd5 : a == Algo::kSha1 ? kSha1 : kSha256;
    if (md == nullptr) throw std::runtime_error("digest not available");
    return md;
}

// One digest context per thread and algorithm, kept between calls: EVP_DigestInit_ex restarts
// it without allocating again (a new context per digest was most of a session check's hashing).
std::string Digest(Algo a, std::string_view data) {
    thread_local std::unique_ptr<EVP_MD_CTX, MdCtxFree> contexts[3];
    auto& ctx = contexts[static_cast<int>(a)];
    if (!ctx) ctx.reset(EVP_MD_CTX_new());
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), Md(a), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), out, &len) != 1) {
        throw std::runtime_error("digest failed");
    }
    return std::string(reinterpret_cast<char*>(out), len);
}

// One HMAC context per thread and digest, set up once; EVP_MAC_init starts it afresh with each
// call's key.
EVP_MAC_CTX* HmacContext(Algo a) {
    static EVP_MAC* const kHmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    thread_local std::unique_ptr<EVP_MAC_CTX, MacCtxFree> contexts[3];
    auto& ctx = contexts[static_cast<int>(a)];
    if (!ctx) {
        if (kHmac == nullptr) throw std::runtime_error("hmac not available");
        std::unique_ptr<EVP_MAC_CTX, MacCtxFree> made(EVP_MAC_CTX_new(kHmac));
        std::string name = EVP_MD_get0_name(Md(a));
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name.data(), 0),
            OSSL_PARAM_construct_end()};
        if (!made || EVP_MAC_CTX_set_params(made.get(), params) != 1)
            throw std::runtime_error("hmac setup failed");
        ctx = std::move(made);
    }
    return ctx.get();
}

std::string Hmac(Algo a, std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    if (key.empty()) {  // EVP_MAC_init takes "no key" as "keep the previous one"
        unsigned int len = 0;
        if (HMAC(Md(a), "", 0, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                 out, &len) == nullptr) {
            throw std::runtime_error("hmac failed");
        }
        return std::string(reinterpret_cast<char*>(out), len);
    }
    EVP_MAC_CTX* ctx = HmacContext(a);
    std::size_t len = 0;
    if (EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                     nullptr) != 1 ||
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) !=
            1 ||
        EVP_MAC_final(ctx, out, &len, sizeof out) != 1) {
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

std::string Md5Hex(std::string_view d) { return ToHex(Digest(Algo::kMd5, d)); }
std::string Sha256Hex(std::string_view d) { return ToHex(Digest(Algo::kSha256, d)); }
std::string Sha256Raw(std::string_view d) { return Digest(Algo::kSha256, d); }
std::string HmacMd5Hex(std::string_view k, std::string_view d) {
    return ToHex(Hmac(Algo::kMd5, k, d));
}
std::string HmacSha256Hex(std::string_view k, std::string_view d) {
    return ToHex(Hmac(Algo::kSha256, k, d));
}
std::string HmacSha256Raw(std::string_view k, std::string_view d) {
    return Hmac(Algo::kSha256, k, d);
}
std::string HmacSha1Raw(std::string_view k, std::string_view d) { return Hmac(Algo::kSha1, k, d); }
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
