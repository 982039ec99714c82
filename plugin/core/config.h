// Placette's configuration: an INI file (every key documented in INSTALL.md) plus an optional
// secrets file readable only by the service user. Sections read their own keys from `ini`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace placette::core {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parsed INI text: [section] then `key = value`; `;`/`#` comment lines; values may be wrapped in
// double quotes. Later keys override earlier ones.
class Ini {
  public:
    // Throws ConfigError naming the line on a syntax error.
    static Ini Parse(std::string_view text, std::string_view origin);
    static Ini Load(const std::string& path);  // throws ConfigError if unreadable

    std::optional<std::string> Get(std::string_view section, std::string_view key) const;
    std::string GetOr(std::string_view section, std::string_view key, std::string_view def) const;
    // Integer within [min, max]; throws ConfigError naming section.key when invalid.
    std::int64_t GetInt(std::string_view section, std::string_view key, std::int64_t def,
                        std::int64_t min, std::int64_t max) const;
    bool GetBool(std::string_view section, std::string_view key, bool def) const;
    void Set(std::string section, std::string key, std::string value);
    // Copies every key of `other` over this one.
    void Merge(const Ini& other);
    const std::map<std::string, std::string>* Section(std::string_view section) const;

  private:
    std::map<std::string, std::map<std::string, std::string>, std::less<>> data_;
};

struct DatabaseConfig {
    std::string host = "localhost";
    unsigned port = 3306;
    std::string socket;  // preferred when set
    std::string name;
    std::string user;
    std::string password;
    std::string table_prefix = "plc_";
    unsigned connect_timeout_s = 3;
    unsigned read_timeout_s = 30;
};

struct Config {
    Ini ini;  // everything, secrets merged in
    // [site]
    std::string site_name = "Placette";
    std::string host_url;  // the host website, e.g. https://www.ville.example/
    std::string base_path = "/participer";
    std::string language = "fr";
    std::string theme_dir;
    std::string secret;  // HMAC key for CSRF tokens; from the secrets file
    // [server]
    std::string listen;  // unix:/path, 127.0.0.1:PORT, or fd0 (socket already on fd 0)
    unsigned workers = 8;
    // Workers taking requests at once (core/active_workers.h); 0 = one per processor less one,
    // at least one.
    unsigned active_workers = 0;
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    unsigned shutdown_grace_s = 20;
    unsigned read_cache_ms = 1000;  // lifetime of the in-process read caches; 0 = off
    unsigned socket_mode = 0660;
    DatabaseConfig db;

    // Reads the file and the secrets file it names (or PLACETTE_SECRETS_FILE), validates
    // everything and throws ConfigError with a message that names the faulty key.
    static Config Load(const std::string& path);
    static Config FromIni(Ini ini);
};

}  // namespace placette::core
