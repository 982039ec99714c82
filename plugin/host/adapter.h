// The host-site adapter: turns the host CMS's session cookie into a Viewer and knows the host's
// login and logout URLs. One implementation per host (WordPress, Drupal, phpBB, Joomla, SQL).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "fcgi/request.h"
#include "plugin/core/config.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::host {

class HostAdapter {
public:
    virtual ~HostAdapter() = default;
    // The viewer behind the request's cookies, or an anonymous Viewer. Never throws for bad
    // cookies; may throw core::db::DbError when the database is unreachable.
    virtual core::Viewer Identify(const http::Request& req, core::db::Pool& pool) = 0;
    // Absolute or root-relative URL of the host's login page that returns to `return_to`.
    virtual std::string LoginUrl(std::string_view return_to) const = 0;
    virtual std::string LogoutUrl(std::string_view return_to) const = 0;
    virtual std::string name() const = 0;
};

// Builds the adapter named by [host] type (none, wordpress, …). Throws core::ConfigError for an
// unknown type or a missing key. May complete `config.db` from the host's own config file.
std::unique_ptr<HostAdapter> MakeHostAdapter(core::Config& config);

}  // namespace placette::host
