// INI parsing and typed validation of the core keys; the secrets file must not be readable
// by other users.
#include "plugin/core/config.h"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace placette::core {

namespace {
std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("cannot read config file " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool ValidPrefix(std::string_view p) {
    if (p.empty() || p.size() > 20) return false;
    for (char c : p) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

bool ValidBasePath(std::string_view p) {
    if (p.empty()) return true;
    if (p.front() != '/' || p.back() == '/') return false;
    for (char c : p) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '/' || c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}
}  // namespace

Ini Ini::Parse(std::string_view text, std::string_view origin) {
    Ini ini;
    std::string section;
    std::size_t line_no = 0;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = Trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (line.empty() || line.front() == ';' || line.front() == '#') continue;
        auto where = [&] { return std::string(origin) + ":" + std::to_string(line_no); };
        if (line.front() == '[') {
            if (line.back() != ']') throw ConfigError(where() + ": unclosed section header");
            section = std::string(Trim(line.substr(1, line.size() - 2)));
            continue;
        }
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) throw ConfigError(where() + ": expected key = value");
        if (section.empty()) throw ConfigError(where() + ": key outside of a [section]");
        std::string_view key = Trim(line.substr(0, eq));
        std::string_view value = Trim(line.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        ini.Set(section, std::string(key), std::string(value));
    }
    return ini;
}

Ini Ini::Load(const std::string& path) { return Parse(ReadFile(path), path); }

std::optional<std::string> Ini::Get(std::string_view section, std::string_view key) const {
    auto s = data_.find(section);
    if (s == data_.end()) return std::nullopt;
    auto k = s->second.find(std::string(key));
    if (k == s->second.end()) return std::nullopt;
    return k->second;
}

std::string Ini::GetOr(std::string_view section, std::string_view key, std::string_view def) const {
    auto v = Get(section, key);
    return v ? *v : std::string(def);
}

std::int64_t Ini::GetInt(std::string_view section, std::string_view key, std::int64_t def,
                         std::int64_t min, std::int64_t max) const {
    auto v = Get(section, key);
    if (!v || v->empty()) return def;
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || p != v->data() + v->size() || out < min || out > max) {
        throw ConfigError("[" + std::string(section) + "] " + std::string(key) +
                          " must be a whole number between " + std::to_string(min) + " and " +
                          std::to_string(max));
    }
    return out;
}

bool Ini::GetBool(std::string_view section, std::string_view key, bool def) const {
    auto v = Get(section, key);
    if (!v || v->empty()) return def;
    if (*v == "1" || *v == "true" || *v == "yes" || *v == "on") return true;
    if (*v == "0" || *v == "false" || *v == "no" || *v == "off") return false;
    throw ConfigError("[" + std::string(section) + "] " + std::string(key) +
                      " must be true or false");
}

void Ini::Set(std::string section, std::string key, std::string value) {
    data_[std::move(section)][std::move(key)] = std::move(value);
}

void Ini::Merge(const Ini& other) {
    for (const auto& [s, kv] : other.data_) {
        for (const auto& [k, v] : kv) data_[s][k] = v;
    }
}

const std::map<std::string, std::string>* Ini::Section(std::string_view section) const {
    auto s = data_.find(section);
    return s == data_.end() ? nullptr : &s->second;
}

Config Config::Load(const std::string& path) {
    Ini ini = Ini::Load(path);
    std::string secrets = ini.GetOr("site", "secrets_file", "");
    if (const char* env = std::getenv("PLACETTE_SECRETS_FILE"); env != nullptr && *env)
        secrets = env;
    if (!secrets.empty()) {
        struct stat st {};
        if (::stat(secrets.c_str(), &st) != 0)
            throw ConfigError("cannot read secrets file " + secrets);
        if ((st.st_mode & S_IROTH) != 0) {
            throw ConfigError("secrets file " + secrets +
                              " is readable by every user: chmod 600 it (owner: the service user)");
        }
        ini.Merge(Ini::Load(secrets));
    }
    return FromIni(std::move(ini));
}

Config Config::FromIni(Ini ini) {
    Config c;
    c.site_name = ini.GetOr("site", "name", c.site_name);
    c.host_url = ini.GetOr("site", "host_url", "/");
    c.base_path = ini.GetOr("site", "base_path", c.base_path);
    if (!ValidBasePath(c.base_path)) {
        throw ConfigError(
            "[site] base_path must start with / and not end with / (e.g. /participer)");
    }
    c.language = ini.GetOr("site", "language", c.language);
    if (c.language != "fr" && c.language != "en")
        throw ConfigError("[site] language must be fr or en");
    c.theme_dir = ini.GetOr("site", "theme_dir", "/usr/local/share/placette/themes/default");
    c.secret = ini.GetOr("site", "secret", "");
    if (c.secret.size() < 32) {
        throw ConfigError(
            "[site] secret (in the secrets file) must be at least 32 random characters");
    }
    c.listen = ini.GetOr("server", "listen", "unix:/run/placette/placette.sock");
    c.workers = static_cast<unsigned>(ini.GetInt("server", "workers", 8, 1, 256));
    c.active_workers = static_cast<unsigned>(ini.GetInt("server", "active_workers", 0, 0, 256));
    c.max_body_bytes = static_cast<std::size_t>(
        ini.GetInt("server", "max_body_bytes", 8 * 1024 * 1024, 1024, 1024LL * 1024 * 1024));
    c.shutdown_grace_s =
        static_cast<unsigned>(ini.GetInt("server", "shutdown_grace_seconds", 20, 0, 600));
    c.read_cache_ms = static_cast<unsigned>(ini.GetInt("server", "read_cache_ms", 1000, 0, 60000));
    std::string mode = ini.GetOr("server", "socket_mode", "0660");
    c.socket_mode = static_cast<unsigned>(std::strtoul(mode.c_str(), nullptr, 8));
    c.db.host = ini.GetOr("database", "host", c.db.host);
    c.db.port = static_cast<unsigned>(ini.GetInt("database", "port", 3306, 1, 65535));
    c.db.socket = ini.GetOr("database", "socket", "");
    c.db.name = ini.GetOr("database", "name", "");
    c.db.user = ini.GetOr("database", "user", "");
    c.db.password = ini.GetOr("database", "password", "");
    c.db.table_prefix = ini.GetOr("database", "table_prefix", c.db.table_prefix);
    c.db.connect_timeout_s =
        static_cast<unsigned>(ini.GetInt("database", "connect_timeout", 3, 1, 60));
    c.db.read_timeout_s = static_cast<unsigned>(ini.GetInt("database", "read_timeout", 30, 1, 600));
    if (!ValidPrefix(c.db.table_prefix)) {
        throw ConfigError("[database] table_prefix may hold only a-z, 0-9 and _ (e.g. plc_)");
    }
    // With a WordPress config to read the credentials from, name and user may be left out.
    bool from_host = !ini.GetOr("host", "wordpress_config", "").empty();
    if (c.db.name.empty() && !from_host) throw ConfigError("[database] name is required");
    if (c.db.user.empty() && !from_host) throw ConfigError("[database] user is required");
    c.ini = std::move(ini);
    return c;
}

}  // namespace placette::core
