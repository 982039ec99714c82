// The "none" host: every visitor is anonymous. For trying Placette without a host site; every
// write then leads to the configured login URL.
#include <stdexcept>

#include "fcgi/form.h"
#include "plugin/host/adapter.h"
#include "plugin/host/drupal.h"
#include "plugin/host/generic_sql.h"
#include "plugin/host/joomla.h"
#include "plugin/host/phpbb.h"
#include "plugin/host/wordpress.h"

namespace placette::host {

namespace {
class NoHost : public HostAdapter {
  public:
    explicit NoHost(std::string login) : login_(std::move(login)) {}
    core::Viewer Identify(const http::Request&, core::db::Pool&) override { return {}; }
    std::string LoginUrl(std::string_view return_to) const override {
        return login_ + (login_.find('?') == std::string::npos ? "?" : "&") +
               "redirect_to=" + http::UrlEncode(return_to);
    }
    std::string LogoutUrl(std::string_view) const override { return login_; }
    std::string name() const override { return "none"; }

  private:
    std::string login_;
};
}  // namespace

std::unique_ptr<HostAdapter> MakeNoHost(const core::Config& config) {
    return std::make_unique<NoHost>(config.ini.GetOr("host", "login_url", config.host_url));
}

std::unique_ptr<HostAdapter> MakeHostAdapter(core::Config& config) {
    std::string type = config.ini.GetOr("host", "type", "none");
    if (type == "none") return MakeNoHost(config);
    if (type == "wordpress") return MakeWordPressHost(config);
    if (type == "drupal7") return MakeDrupal7Host(config);
    if (type == "drupal10") return MakeDrupal10Host(config);
    if (type == "phpbb") return MakePhpbbHost(config);
    if (type == "joomla") return MakeJoomlaHost(config);
    if (type == "generic_sql") return MakeGenericSqlHost(config);
    throw core::ConfigError(
        "[host] type must be one of: none, wordpress, drupal7, drupal10, phpbb, joomla, "
        "generic_sql (got " +
        type + ")");
}

}  // namespace placette::host
