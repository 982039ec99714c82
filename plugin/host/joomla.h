// The Joomla 4/5 host adapter (spec A.5): the site session cookie to a Viewer with one indexed
// query on #__session, #__users and the user groups (with their ancestors, for staff mapping).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "plugin/core/config.h"
#include "plugin/core/viewer.h"
#include "plugin/host/adapter.h"
#include "plugin/host/generic_sql_common.h"
#include "plugin/host/viewer_cache.h"

namespace placette::host {

// Everything the adapter takes from Placette's [host] section and Joomla's configuration.php.
struct JoomlaSettings {
    std::string table_prefix;
    std::string cookie_name;
    std::int64_t lifetime_minutes = 15;
    std::string site_url;  // scheme://host[:port] of the Joomla site, for the return URL
    CommonHostSettings common;
};

// Reads [host] joomla_config (configuration.php: $secret, $session_name, $dbprefix, $lifetime
// and the database settings, which fill [database] when it leaves name or user out),
// joomla_url, secret, cookie_name, table_prefix, lifetime and the common keys. Throws
// core::ConfigError naming the faulty or missing key.
JoomlaSettings LoadJoomlaSettings(core::Config& config);

class JoomlaHost : public HostAdapter {
  public:
    static constexpr std::size_t kCacheCapacity = 10000;

    explicit JoomlaHost(JoomlaSettings settings);
    core::Viewer Identify(const http::Request& req, core::db::Pool& pool) override;
    std::string LoginUrl(std::string_view return_to) const override;
    std::string LogoutUrl(std::string_view return_to) const override;
    std::string name() const override { return "joomla"; }

  private:
    std::optional<FoundViewer> Lookup(core::db::Pool& pool, const std::string& sid) const;
    std::optional<FoundViewer> FromRows(const core::db::Result& r, const std::string& sid) const;
    std::string ReturnTo(std::string_view return_to) const;

    const JoomlaSettings settings_;
    const std::string session_sql_;
    ViewerCache cache_;
};

// The adapter for [host] type = joomla (called by MakeHostAdapter).
std::unique_ptr<HostAdapter> MakeJoomlaHost(core::Config& config);

}  // namespace placette::host
