// What the SQL-session host adapters (Drupal, phpBB, Joomla, generic SQL) share: the [host] keys
// common to all of them, staff mapping from host roles, checked SQL names, files and links.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/viewer.h"

namespace placette::host {

// Host roles (or groups) that make a viewer a Placette administrator or moderator.
struct StaffRoles {
    std::vector<std::string> admin;
    std::vector<std::string> moderator;
    // kAdmin if any role is an admin role, else kModerator if any is a moderator role.
    core::StaffRole For(const std::vector<std::string>& roles) const;
};

// The [host] keys every SQL-session adapter reads.
struct CommonHostSettings {
    std::string login_url;   // without the return parameter
    std::string logout_url;  // without the return parameter
    StaffRoles staff;
    int cache_seconds = 5;
};

// Per-host defaults of those keys; the role lists are comma-separated.
struct CommonDefaults {
    std::string login_url;
    std::string logout_url;
    std::string admin_roles;
    std::string moderator_roles;
};

// Reads [host] login_url, logout_url, staff_admin_roles, staff_moderator_roles, cache_seconds
// (0–30, default 5). Throws core::ConfigError naming the faulty key.
CommonHostSettings LoadCommonHostSettings(const core::Ini& ini, const CommonDefaults& defaults);

// A [host] value, nullopt when absent or empty.
std::optional<std::string> HostKey(const core::Ini& ini, std::string_view key);
// A comma-separated list, each item trimmed of spaces and tabs, empty items dropped (role names
// such as Joomla's "Super Users" keep their inner spaces).
std::vector<std::string> SplitList(std::string_view text);
// [A-Za-z0-9_]* — a host table prefix, possibly empty (Drupal's default).
bool ValidTablePrefix(std::string_view prefix);
// [A-Za-z_][A-Za-z0-9_]*, at most 64 characters — a table or column name from the config.
bool ValidSqlName(std::string_view name);
// Replaces each `{h}` in `sql` with the host's table prefix (validated first).
std::string WithHostPrefix(std::string_view sql, std::string_view prefix);
// The whole file; throws core::ConfigError naming [host] `key` when it cannot be read.
std::string ReadHostFile(const std::string& path, std::string_view key);
// `url` + '?' or '&' + name=urlencoded(value).
std::string WithParam(const std::string& url, std::string_view name, std::string_view value);
// `base` without its trailing slashes, then `path` (which starts with '/').
std::string JoinUrl(std::string_view base, std::string_view path);
// PHP rewrites '.' and ' ' in cookie names to '_'; so does http::Request.
std::string PhpCookieName(std::string name);
// ASCII lower case.
std::string AsciiLower(std::string_view s);

// Database settings found in a host's config file; unset parts stay as they are.
struct HostDbCredentials {
    std::optional<std::string> name, user, password, host, socket;
    std::optional<unsigned> port;
};
// Completes config.db from the host's config when [database] leaves name or user out (as the
// WordPress adapter does): name, user and password; host, port and socket unless [database]
// sets any of them. Throws core::ConfigError when name or user is still missing.
void FillDatabaseFromHost(core::Config& config, const HostDbCredentials& found,
                          std::string_view source_key);

}  // namespace placette::host
