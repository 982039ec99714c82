// The phpBB 3.3 host adapter (spec A.4): the board's <cookie_name>_sid cookie to a Viewer with
// one indexed query on sessions, users and groups, checked as session_begin checks it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "plugin/core/config.h"
#include "plugin/core/viewer.h"
#include "plugin/host/adapter.h"
#include "plugin/host/generic_sql_common.h"
#include "plugin/host/phpbb_auth.h"
#include "plugin/host/viewer_cache.h"

namespace placette::host {

// Everything the adapter takes from Placette's [host] section and phpBB's config.php.
struct PhpbbSettings {
    std::string table_prefix = "phpbb_";
    std::optional<std::string> cookie_name;  // the board's cookie_name, without "_sid"
    CommonHostSettings common;
};

// Reads [host] phpbb_config (config.php: $table_prefix and the $db* credentials, which fill
// [database] when it leaves name or user out), phpbb_url, table_prefix, cookie_name and the
// common keys. Throws core::ConfigError naming the faulty key.
PhpbbSettings LoadPhpbbSettings(core::Config& config);

class PhpbbHost : public HostAdapter {
  public:
    static constexpr std::size_t kCacheCapacity = 10000;
    // Seconds between two reads of the board's settings in phpbb_config.
    static constexpr std::int64_t kConfigRefreshSeconds = 60;

    explicit PhpbbHost(PhpbbSettings settings);
    core::Viewer Identify(const http::Request& req, core::db::Pool& pool) override;
    std::string LoginUrl(std::string_view return_to) const override;
    std::string LogoutUrl(std::string_view return_to) const override;
    std::string name() const override { return "phpbb"; }

  private:
    struct Board {
        std::string cookie_name;
        phpbb::SessionRules rules;
    };
    // What the request brings that the session is bound to.
    struct Client {
        std::string sid, ip, browser, forwarded_for;
    };
    Board CurrentBoard(core::db::Pool& pool);
    Board ReadBoard(core::db::Pool& pool) const;
    std::optional<FoundViewer> Lookup(core::db::Pool& pool, const Client& client,
                                      const phpbb::SessionRules& rules) const;
    std::optional<FoundViewer> FromRows(const core::db::Result& r, const Client& client,
                                        const phpbb::SessionRules& rules) const;

    const PhpbbSettings settings_;
    const std::string session_sql_;
    const std::string config_sql_;
    ViewerCache cache_;

    std::mutex board_mu_;
    std::optional<Board> board_;
    std::int64_t board_read_at_ = 0;
};

// The adapter for [host] type = phpbb (called by MakeHostAdapter).
std::unique_ptr<HostAdapter> MakePhpbbHost(core::Config& config);

}  // namespace placette::host
