// The pure rules of Joomla 4/5 sessions (spec A.5): the site session cookie's name, the session
// id format and lifetime, and what Placette reads from configuration.php. No I/O.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "plugin/host/generic_sql_common.h"

namespace placette::host::joomla {

// The seed of the site application's cookie name when configuration.php has no $session_name.
inline constexpr std::string_view kSiteApplication = "Joomla\\CMS\\Application\\SiteApplication";
inline constexpr std::int64_t kDefaultLifetimeMinutes = 15;

// ApplicationHelper::getHash(seed) = md5($secret . seed), seed = $session_name when set (shared
// sessions), else the site application's class name.
std::string SiteCookieName(std::string_view secret, std::string_view session_name);

// A PHP session id as #__session keeps it (varbinary(192)): 16–192 bytes of [A-Za-z0-9,-].
bool ValidSessionId(std::string_view sid);

// time >= now - lifetime * 60 ($lifetime is in minutes).
bool SessionFresh(std::int64_t time, std::int64_t now, std::int64_t lifetime_minutes);

// The `public $name = value;` (or `var $name = value;`) properties of configuration.php's
// JConfig class: single- or double-quoted strings with PHP's escapes, numbers, true/false
// ("1"/""). Comments are skipped; any other value is left out.
std::map<std::string, std::string> ParseConfigurationPhp(std::string_view source);

// configuration.php's $host as Joomla's mysqli driver splits it: "unix:/path", "host:port",
// "host:/socket", "[v6]:port", ":port".
HostDbCredentials ParseDbHost(std::string_view host);

// The `return` parameter of com_users: base64 of the URL to come back to.
std::string ReturnParam(std::string_view url);

}  // namespace placette::host::joomla
