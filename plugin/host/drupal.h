// The Drupal 7 and Drupal 10 host adapters (spec A.2, A.3): the SESS…/SSESS… session cookie to
// a Viewer with one indexed query on Drupal's sessions, users and roles tables.
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

enum class DrupalVersion { k7, k10 };

// Everything the adapter takes from Placette's [host] section (and Drupal 7's settings.php).
struct DrupalSettings {
    DrupalVersion version = DrupalVersion::k10;
    std::string table_prefix;                 // Drupal's default is none
    std::optional<std::string> cookie_name;   // fixed cookie name, HTTP and HTTPS alike
    std::optional<std::string> session_name;  // fixed session name ($cookie_domain, …)
    std::string base_path;                    // Drupal's base path ("" at the site root)
    std::int64_t gc_maxlifetime = 200000;
    CommonHostSettings common;
};

// Reads [host] drupal_settings (Drupal 7: $cookie_domain and $base_url literals), drupal_url,
// drupal_base_path, session_name, cookie_name, table_prefix, gc_maxlifetime and the common keys.
// Throws core::ConfigError naming the faulty key.
DrupalSettings LoadDrupalSettings(const core::Config& config, DrupalVersion version);

class DrupalHost : public HostAdapter {
  public:
    static constexpr std::size_t kCacheCapacity = 10000;

    explicit DrupalHost(DrupalSettings settings);
    core::Viewer Identify(const http::Request& req, core::db::Pool& pool) override;
    std::string LoginUrl(std::string_view return_to) const override;
    std::string LogoutUrl(std::string_view return_to) const override;
    std::string name() const override;

    // The session cookie's name for this request (scheme, Host header, settings).
    std::string CookieName(const http::Request& req) const;

  private:
    std::optional<FoundViewer> Lookup(core::db::Pool& pool, const std::string& sid,
                                      bool secure) const;
    std::optional<FoundViewer> FromRows(const core::db::Result& r, std::string_view key) const;
    bool IsAdminRole(const core::db::Row& row) const;
    std::string Destination(std::string_view return_to) const;

    const DrupalSettings settings_;
    const std::string sql_by_sid_;
    const std::string sql_by_ssid_;  // Drupal 7 over HTTPS
    ViewerCache cache_;
};

// The adapters for [host] type = drupal7 and drupal10 (called by MakeHostAdapter).
std::unique_ptr<HostAdapter> MakeDrupal7Host(core::Config& config);
std::unique_ptr<HostAdapter> MakeDrupal10Host(core::Config& config);

}  // namespace placette::host
