// The WordPress host adapter (spec A.1): turns a wordpress_logged_in_* cookie into a Viewer with
// one indexed query on WordPress's tables, keeping positive answers for a few seconds.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugin/core/config.h"
#include "plugin/core/viewer.h"
#include "plugin/host/adapter.h"
#include "plugin/host/viewer_cache.h"
#include "plugin/host/wordpress_auth.h"

namespace placette::host {

// Everything the adapter takes from Placette's [host] section and from wp-config.php.
struct WordPressSettings {
    std::string table_prefix = "wp_";
    std::optional<std::string> cookie_name;  // nullopt: from the siteurl option
    std::string login_url;
    std::vector<std::string> admin_roles{"administrator"};
    std::vector<std::string> moderator_roles{"editor"};
    int cache_seconds = 5;
    wp::SaltPlan salt_plan;
};

// Reads [host] wordpress_config, wordpress_url, cookie_name, table_prefix, staff_admin_roles,
// staff_moderator_roles, login_url, cache_seconds; fills config.db from wp-config's DB_* when
// [database] name or user is empty. Throws core::ConfigError naming the faulty key.
WordPressSettings LoadWordPressSettings(core::Config& config);

class WordPressHost : public HostAdapter {
  public:
    static constexpr std::size_t kCacheCapacity = 10000;
    // Seconds between two reads of the siteurl / logged_in_key / logged_in_salt options.
    static constexpr std::int64_t kOptionsRefreshSeconds = 60;

    explicit WordPressHost(WordPressSettings settings);
    core::Viewer Identify(const http::Request& req, core::db::Pool& pool) override;
    std::string LoginUrl(std::string_view return_to) const override;
    std::string LogoutUrl(std::string_view return_to) const override;
    std::string name() const override { return "wordpress"; }

  private:
    // What comes from wp_options: the cookie name (unless fixed) and wp_salt('logged_in').
    struct Keys {
        std::string cookie_name;
        std::optional<std::string> salt;
    };
    struct Found {
        core::Viewer viewer;
        std::int64_t session_expires;
    };
    bool NeedsOptions() const;
    Keys CurrentKeys(core::db::Pool& pool);
    Keys ReadOptions(core::db::Pool& pool) const;
    std::optional<Found> Lookup(core::db::Pool& pool, const wp::AuthCookie& cookie,
                                const std::string& salt, std::int64_t now) const;
    core::Viewer MakeViewer(const core::db::Row& row, const wp::AuthCookie& cookie) const;
    core::StaffRole StaffFor(const std::vector<std::string>& roles) const;

    const WordPressSettings settings_;
    const std::string user_sql_;
    const std::string options_sql_;
    const std::string capabilities_key_;
    ViewerCache cache_;

    std::mutex keys_mu_;
    std::optional<Keys> keys_;
    std::int64_t keys_read_at_ = 0;
    std::once_flag warn_no_salt_;
};

// The adapter for [host] type = wordpress (called by MakeHostAdapter).
std::unique_ptr<HostAdapter> MakeWordPressHost(core::Config& config);

}  // namespace placette::host
