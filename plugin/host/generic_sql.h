// The generic SQL session adapter (spec A.6): for hosts not listed, a session cookie looked up
// in a session table and joined to a user table, everything named in [host].
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "plugin/core/config.h"
#include "plugin/core/viewer.h"
#include "plugin/host/adapter.h"
#include "plugin/host/generic_sql_common.h"
#include "plugin/host/generic_sql_rules.h"
#include "plugin/host/viewer_cache.h"

namespace placette::host {

// Everything the adapter takes from Placette's [host] section (keys in docs-hosts.md).
struct GenericSqlSettings {
    std::string cookie_name;        // exact name, or
    std::string cookie_name_regex;  // the first cookie (by name) whose name matches
    bool percent_decode = true;     // cookie_decode = percent | none
    generic::Extract extract;
    generic::IdTransform transform = generic::IdTransform::kNone;
    std::size_t id_min_length = 16;
    std::size_t id_max_length = 256;
    std::string session_table, session_id_column, session_user_column;
    std::int64_t anonymous_user_id = 0;
    generic::Freshness freshness = generic::Freshness::kNone;
    std::string freshness_column;
    bool freshness_datetime = false;  // freshness_type = unix | datetime
    std::int64_t max_idle_seconds = 0;
    std::string session_where;
    std::string bind_ip_column;
    int bind_ip_parts = 4;
    std::string bind_ua_column;
    std::string user_table, user_id_column, user_login_column, user_name_column;
    std::string user_email_column, user_role_column, user_where;
    std::string admin_condition, moderator_condition;
    std::string return_param;  // login_return_param, e.g. redirect_to; "" for none
    CommonHostSettings common;
};

// Reads and checks every key; throws core::ConfigError naming the faulty or missing key.
GenericSqlSettings LoadGenericSqlSettings(const core::Config& config);

// The one SELECT built from checked settings (exposed for tests and the log).
std::string GenericSessionSql(const GenericSqlSettings& s);

class GenericSqlHost : public HostAdapter {
  public:
    static constexpr std::size_t kCacheCapacity = 10000;

    explicit GenericSqlHost(GenericSqlSettings settings);
    core::Viewer Identify(const http::Request& req, core::db::Pool& pool) override;
    std::string LoginUrl(std::string_view return_to) const override;
    std::string LogoutUrl(std::string_view return_to) const override;
    std::string name() const override { return "generic_sql"; }

  private:
    struct Client {
        std::string id, ip, browser;
    };
    std::optional<std::string> CookieValue(const http::Request& req) const;
    std::optional<FoundViewer> Lookup(core::db::Pool& pool, const Client& client) const;
    std::optional<FoundViewer> FromRow(const core::db::Row& row, const Client& client) const;

    const GenericSqlSettings settings_;
    const std::string sql_;
    std::optional<std::regex> name_regex_;
    ViewerCache cache_;
};

// The adapter for [host] type = generic_sql (called by MakeHostAdapter).
std::unique_ptr<HostAdapter> MakeGenericSqlHost(core::Config& config);

}  // namespace placette::host
