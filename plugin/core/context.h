// What a section handler gets: the shared services (Env, built once at start-up) and the
// per-request context (Ctx: the request, who is asking, their language and CSRF token).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "fcgi/request.h"
#include "fcgi/response.h"
#include "fcgi/router.h"
#include "plugin/core/config.h"
#include "plugin/core/csrf.h"
#include "plugin/core/db.h"
#include "plugin/core/i18n.h"
#include "plugin/core/view.h"
#include "plugin/core/viewer.h"

namespace placette::core {

// A part of a shared page (home, my space, staff home) that a section fills: it adds what it
// shows to `body`, usually through an include dictionary (see AddBlockTemplate in render.h).
struct Ctx;
struct Env;
using BlockFn = std::function<void(const Env&, Ctx&, ctemplate::TemplateDictionary& body)>;
enum class Slot { kHome, kMe, kStaff };

struct Blocks {
    std::vector<BlockFn> home, me, staff;
    const std::vector<BlockFn>& In(Slot s) const {
        return s == Slot::kHome ? home : s == Slot::kMe ? me : staff;
    }
};

struct Env {
    const Config& config;
    db::Pool& pool;
    const I18n& i18n;
    const View& view;
    const http::Router& router;
    const Csrf& csrf;
    const Blocks& blocks;
};

struct Ctx {
    http::Request& req;
    Viewer viewer;
    std::string lang;
    std::string csrf_token;  // empty for anonymous viewers
    std::string login_url;   // host login, returning to this page
    std::string logout_url;

    const std::string& T(const Env& env, std::string_view key) const {
        return env.i18n.T(lang, key);
    }
};

using SectionHandler = std::function<http::Response(const Env&, Ctx&)>;

// How the application treats a route before calling its handler.
struct RouteOptions {
    bool identify = true;         // look up the viewer (false: no DB needed, e.g. /healthz)
    bool csrf = true;             // writes need a valid CSRF token
    bool login_for_write = true;  // anonymous writes answer 303 to the host's login page
    bool staff_only = false;      // 403 unless the viewer is staff
};

// Registration target for sections (implemented by plugin/app).
class RouteTable {
  public:
    virtual ~RouteTable() = default;
    virtual void Add(std::string_view method, std::string_view pattern, std::string name,
                     SectionHandler handler, RouteOptions options = {}) = 0;
    // Adds a block to a shared page; blocks show in registration order.
    virtual void AddBlock(Slot slot, BlockFn block) = 0;
};

}  // namespace placette::core
