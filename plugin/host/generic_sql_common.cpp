// The shared [host] settings, staff mapping and helpers of the SQL-session adapters (see
// generic_sql_common.h).
#include "plugin/host/generic_sql_common.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "fcgi/form.h"

namespace placette::host {

namespace {

bool IsAlnumOrUnderscore(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool AnyIn(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
    return std::any_of(have.begin(), have.end(), [&wanted](const std::string& r) {
        return std::find(wanted.begin(), wanted.end(), r) != wanted.end();
    });
}

}  // namespace

core::StaffRole StaffRoles::For(const std::vector<std::string>& roles) const {
    if (AnyIn(roles, admin)) return core::StaffRole::kAdmin;
    if (AnyIn(roles, moderator)) return core::StaffRole::kModerator;
    return core::StaffRole::kNone;
}

CommonHostSettings LoadCommonHostSettings(const core::Ini& ini, const CommonDefaults& defaults) {
    CommonHostSettings s;
    s.login_url = HostKey(ini, "login_url").value_or(defaults.login_url);
    s.logout_url = HostKey(ini, "logout_url").value_or(defaults.logout_url);
    s.staff.admin = SplitList(ini.GetOr("host", "staff_admin_roles", defaults.admin_roles));
    s.staff.moderator =
        SplitList(ini.GetOr("host", "staff_moderator_roles", defaults.moderator_roles));
    s.cache_seconds = static_cast<int>(ini.GetInt("host", "cache_seconds", 5, 0, 30));
    return s;
}

std::optional<std::string> HostKey(const core::Ini& ini, std::string_view key) {
    std::optional<std::string> v = ini.Get("host", key);
    if (v && v->empty()) return std::nullopt;
    return v;
}

std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        std::size_t first = item.find_first_not_of(" \t");
        if (first == std::string_view::npos) continue;
        item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
        out.emplace_back(item);
    }
    return out;
}

bool ValidTablePrefix(std::string_view prefix) {
    return prefix.size() <= 64 && std::all_of(prefix.begin(), prefix.end(), IsAlnumOrUnderscore);
}

bool ValidSqlName(std::string_view name) {
    if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9')) return false;
    return std::all_of(name.begin(), name.end(), IsAlnumOrUnderscore);
}

std::string WithHostPrefix(std::string_view sql, std::string_view prefix) {
    std::string out;
    for (std::size_t at; (at = sql.find("{h}")) != std::string_view::npos;) {
        out.append(sql.substr(0, at)).append(prefix);
        sql.remove_prefix(at + 3);
    }
    return out.append(sql);
}

std::string ReadHostFile(const std::string& path, std::string_view key) {
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) {
        throw core::ConfigError("[host] " + std::string(key) + ": cannot read " + path);
    }
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

std::string WithParam(const std::string& url, std::string_view name, std::string_view value) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + std::string(name) + "=" +
           http::UrlEncode(value);
}

std::string JoinUrl(std::string_view base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + std::string(path);
}

std::string PhpCookieName(std::string name) {
    std::replace(name.begin(), name.end(), '.', '_');
    std::replace(name.begin(), name.end(), ' ', '_');
    return name;
}

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

void FillDatabaseFromHost(core::Config& config, const HostDbCredentials& found,
                          std::string_view source_key) {
    core::DatabaseConfig& db = config.db;
    if (!db.name.empty() && !db.user.empty()) return;
    auto require = [&](const std::optional<std::string>& v, std::string_view what) {
        if (!v || v->empty()) {
            throw core::ConfigError("[database] " + std::string(what) + " is empty and [host] " +
                                    std::string(source_key) + " gives none");
        }
        return *v;
    };
    if (db.name.empty()) db.name = require(found.name, "name");
    if (db.user.empty()) {
        db.user = require(found.user, "user");
        db.password = found.password.value_or("");
    }
    const core::Ini& ini = config.ini;
    if (ini.Get("database", "host") || ini.Get("database", "socket") ||
        ini.Get("database", "port")) {
        return;
    }
    if (found.host && !found.host->empty()) db.host = *found.host;
    if (found.socket) db.socket = *found.socket;
    if (found.port) db.port = *found.port;
}

}  // namespace placette::host
