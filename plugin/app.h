// The application: builds every service from the configuration, registers the sections' routes
// and is the one place where a request becomes a response, errors included.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fcgi/request.h"
#include "fcgi/response.h"
#include "fcgi/router.h"
#include "plugin/core/context.h"
#include "plugin/host/adapter.h"

namespace placette {

class App : public core::RouteTable {
  public:
    // Loads catalogs and templates and builds the host adapter; throws core::ConfigError or
    // core::TemplateError so that a bad installation stops at start-up.
    explicit App(core::Config config);
    ~App() override;

    // Never throws: every failure becomes a themed error page.
    http::Response Handle(http::Request& req);

    void Add(std::string_view method, std::string_view pattern, std::string name,
             core::SectionHandler handler, core::RouteOptions options = {}) override;
    void AddBlock(core::Slot slot, core::BlockFn block) override;

    const core::Config& config() const { return config_; }
    core::db::Pool& pool() { return *pool_; }

  private:
    struct Route {
        core::SectionHandler handler;
        core::RouteOptions options;
    };
    http::Response Dispatch(core::Ctx& ctx);
    http::Response Fail(core::Ctx& ctx, const std::exception& e);
    void Identify(core::Ctx& ctx);

    core::Config config_;
    std::unique_ptr<host::HostAdapter> host_;
    std::unique_ptr<core::db::Pool> pool_;
    std::unique_ptr<core::I18n> i18n_;
    std::unique_ptr<core::View> view_;
    std::unique_ptr<core::Csrf> csrf_;
    http::Router router_;
    std::vector<Route> routes_;
    core::Blocks blocks_;
    std::string form_action_extra_;  // plain-http payment pages on loopback (test providers)
    std::unique_ptr<core::Env> env_;
};

}  // namespace placette
