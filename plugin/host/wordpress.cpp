// The WordPress adapter's configuration (Placette's [host] section and wp-config.php), its one
// query on users + usermeta, the options it reads (never writes) and its short viewer cache.
#include "plugin/host/wordpress.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "fcgi/form.h"
#include "plugin/core/clock.h"
#include "plugin/core/log.h"
#include "plugin/host/php_config.h"

namespace placette::host {

namespace {

// Columns of the user query.
enum Col : std::size_t { kId, kLogin, kPass, kEmail, kDisplayName, kSessions, kCapabilities };

// Constants Placette reads from wp-config; one it cannot read (not a plain literal) is logged.
constexpr std::array<std::string_view, 17> kReadConstants = {
    "AUTH_KEY",         "AUTH_SALT",  "SECURE_AUTH_KEY", "SECURE_AUTH_SALT", "LOGGED_IN_KEY",
    "LOGGED_IN_SALT",   "NONCE_KEY",  "NONCE_SALT",      "SECRET_KEY",       "SECRET_SALT",
    "LOGGED_IN_COOKIE", "COOKIEHASH", "WP_SITEURL",      "DB_NAME",          "DB_USER",
    "DB_PASSWORD",      "DB_HOST"};

std::optional<std::string> Constant(const PhpConfig& php, const std::string& name) {
    auto it = php.constants.find(name);
    if (it == php.constants.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> NonEmpty(const core::Ini& ini, std::string_view key) {
    std::optional<std::string> v = ini.Get("host", key);
    if (v && v->empty()) return std::nullopt;
    return v;
}

void WarnUnreadConstants(std::string_view source, const PhpConfig& php) {
    for (std::string_view name : kReadConstants) {
        const std::string n(name);
        if (php.constants.count(n) != 0) continue;
        if (source.find("'" + n + "'") == std::string_view::npos &&
            source.find("\"" + n + "\"") == std::string_view::npos) {
            continue;
        }
        const std::string msg =
            "msg=\"wp-config mentions a constant whose value is not a plain "
            "string literal; Placette ignores it\" constant=";
        core::LogWarn(msg + n);
    }
}

PhpConfig ReadWpConfig(const core::Ini& ini) {
    std::optional<std::string> path = NonEmpty(ini, "wordpress_config");
    if (!path) return {};
    std::ifstream in(*path, std::ios::binary);
    if (!in.is_open()) throw core::ConfigError("[host] wordpress_config: cannot read " + *path);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string source = buf.str();
    PhpConfig php = ParsePhpConfig(source);
    WarnUnreadConstants(source, php);
    return php;
}

std::string RequireConstant(const PhpConfig& php, const std::string& name, std::string_view key) {
    std::optional<std::string> v = Constant(php, name);
    if (!v || v->empty()) {
        throw core::ConfigError("[database] " + std::string(key) +
                                " is empty and [host] wordpress_config defines no " + name);
    }
    return *v;
}

// DB_NAME, DB_USER, DB_PASSWORD and DB_HOST when Placette's own [database] leaves them out.
void FillDatabase(core::Config& config, const PhpConfig& php) {
    core::DatabaseConfig& db = config.db;
    if (!db.name.empty() && !db.user.empty()) return;
    if (db.name.empty()) db.name = RequireConstant(php, "DB_NAME", "name");
    if (db.user.empty()) {
        db.user = RequireConstant(php, "DB_USER", "user");
        db.password = Constant(php, "DB_PASSWORD").value_or("");
    }
    const core::Ini& ini = config.ini;
    bool explicit_server =
        ini.Get("database", "host") || ini.Get("database", "socket") || ini.Get("database", "port");
    std::optional<std::string> host = Constant(php, "DB_HOST");
    if (explicit_server || !host) return;
    wp::DbHost parsed = wp::ParseDbHost(*host);
    db.host = parsed.host;
    db.socket = parsed.socket;
    if (parsed.port) db.port = *parsed.port;
}

std::string TablePrefix(const core::Ini& ini, const PhpConfig& php) {
    std::string prefix = "wp_";
    if (auto it = php.variables.find("table_prefix"); it != php.variables.end())
        prefix = it->second;
    if (auto v = NonEmpty(ini, "table_prefix")) prefix = *v;
    if (!wp::ValidTablePrefix(prefix)) {
        throw core::ConfigError(
            "[host] table_prefix (or $table_prefix in wp-config) may hold only "
            "A-Z, a-z, 0-9 and _");
    }
    return prefix;
}

// PHP rewrites '.' and ' ' in cookie names to '_'; so does Request, so the name must match.
std::string PhpCookieName(std::string name) {
    std::replace(name.begin(), name.end(), '.', '_');
    std::replace(name.begin(), name.end(), ' ', '_');
    return name;
}

// The cookie name when it does not depend on the siteurl option (wp_cookie_constants).
std::optional<std::string> FixedCookieName(const core::Ini& ini, const PhpConfig& php) {
    if (auto v = NonEmpty(ini, "cookie_name")) return PhpCookieName(*v);
    if (auto v = Constant(php, "LOGGED_IN_COOKIE")) return PhpCookieName(*v);
    if (auto v = Constant(php, "COOKIEHASH")) {
        return PhpCookieName(std::string(wp::kLoggedInCookiePrefix) + *v);
    }
    if (auto v = NonEmpty(ini, "wordpress_url")) return wp::LoggedInCookieName(*v);
    if (auto v = Constant(php, "WP_SITEURL")) {
        return wp::LoggedInCookieName(wp::Untrailingslashit(*v));
    }
    return std::nullopt;
}

std::string DefaultLoginUrl(const core::Config& config, const PhpConfig& php) {
    std::string base = config.host_url;
    if (auto v = Constant(php, "WP_SITEURL")) base = *v;
    if (auto v = NonEmpty(config.ini, "wordpress_url")) base = *v;
    return std::string(wp::Untrailingslashit(base)) + "/wp-login.php";
}

std::vector<std::string> RoleList(const core::Ini& ini, std::string_view key,
                                  std::string_view def) {
    std::string text = ini.GetOr("host", key, def);
    std::replace(text.begin(), text.end(), ',', ' ');
    std::istringstream words(text);
    std::vector<std::string> roles;
    for (std::string w; words >> w;) roles.push_back(w);
    return roles;
}

void LogSettings(const WordPressSettings& s) {
    core::LogInfo("msg=\"wordpress host\" table_prefix=" + s.table_prefix +
                  " cookie_name=" + s.cookie_name.value_or("(from the siteurl option)") +
                  " key_from=" + (s.salt_plan.NeedsKeyOption() ? "option" : "wp-config") +
                  " salt_from=" + (s.salt_plan.NeedsSaltOption() ? "option" : "wp-config") +
                  " cache_seconds=" + std::to_string(s.cache_seconds));
}

// WordPress's tables carry WordPress's prefix, spliced in once for `{wp}` (validated first).
// Each meta value is WordPress's get_user_meta(…, true): the row with the lowest umeta_id. Read
// in order from WordPress's own user_id index (user_id, umeta_id): no sort, and no temporary
// table, which joining the two meta rows and sorting them needed (on disk, for their LONGTEXT)
// on every session lookup.
constexpr std::string_view kUserSql =
    "SELECT u.ID, u.user_login, u.user_pass, u.user_email, u.display_name, "
    "(SELECT s.meta_value FROM `{wp}usermeta` s FORCE INDEX (user_id) WHERE s.user_id = u.ID "
    "AND s.meta_key = 'session_tokens' ORDER BY s.umeta_id LIMIT 1), "
    "(SELECT c.meta_value FROM `{wp}usermeta` c FORCE INDEX (user_id) WHERE c.user_id = u.ID "
    "AND c.meta_key = ? ORDER BY c.umeta_id LIMIT 1) "
    "FROM `{wp}users` u WHERE u.user_login = ? ORDER BY u.ID LIMIT 16";
constexpr std::string_view kOptionsSql =
    "SELECT option_name, option_value FROM `{wp}options` "
    "WHERE option_name IN ('siteurl', 'logged_in_key', 'logged_in_salt')";

std::string WithWpPrefix(std::string_view sql, const std::string& prefix) {
    std::string out;
    for (std::size_t at; (at = sql.find("{wp}")) != std::string_view::npos;) {
        out.append(sql.substr(0, at)).append(prefix);
        sql.remove_prefix(at + 4);
    }
    return out.append(sql);
}

const WordPressSettings& Checked(const WordPressSettings& s) {
    if (!wp::ValidTablePrefix(s.table_prefix)) {
        throw core::ConfigError("[host] table_prefix may hold only A-Z, a-z, 0-9 and _");
    }
    return s;
}

bool HasLoggedInCookie(const http::Request& req) {
    auto it = req.cookies.lower_bound(wp::kLoggedInCookiePrefix);
    return it != req.cookies.end() && it->first.starts_with(wp::kLoggedInCookiePrefix);
}

std::string AddQuery(const std::string& url, std::string_view query) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + std::string(query);
}

}  // namespace

WordPressSettings LoadWordPressSettings(core::Config& config) {
    const core::Ini& ini = config.ini;
    const PhpConfig php = ReadWpConfig(ini);
    FillDatabase(config, php);
    WordPressSettings s;
    s.table_prefix = TablePrefix(ini, php);
    s.cookie_name = FixedCookieName(ini, php);
    s.login_url = NonEmpty(ini, "login_url").value_or(DefaultLoginUrl(config, php));
    s.admin_roles = RoleList(ini, "staff_admin_roles", "administrator");
    s.moderator_roles = RoleList(ini, "staff_moderator_roles", "editor");
    s.cache_seconds = static_cast<int>(ini.GetInt("host", "cache_seconds", 5, 0, 30));
    s.salt_plan = wp::PlanLoggedInSalt(php.constants);
    LogSettings(s);
    return s;
}

WordPressHost::WordPressHost(WordPressSettings settings)
    : settings_(Checked(settings)),
      user_sql_(WithWpPrefix(kUserSql, settings_.table_prefix)),
      options_sql_(WithWpPrefix(kOptionsSql, settings_.table_prefix)),
      capabilities_key_(settings_.table_prefix + "capabilities"),
      cache_(kCacheCapacity) {
    if (!NeedsOptions()) {
        keys_ = Keys{*settings_.cookie_name,
                     wp::ResolveLoggedInSalt(settings_.salt_plan, std::nullopt, std::nullopt)};
    }
}

bool WordPressHost::NeedsOptions() const {
    return !settings_.cookie_name || settings_.salt_plan.NeedsKeyOption() ||
           settings_.salt_plan.NeedsSaltOption();
}

core::Viewer WordPressHost::Identify(const http::Request& req, core::db::Pool& pool) {
    if (!settings_.cookie_name && !HasLoggedInCookie(req)) return {};
    const std::string cookie_name =
        settings_.cookie_name ? *settings_.cookie_name : CurrentKeys(pool).cookie_name;
    const std::string_view raw = req.Cookie(cookie_name);
    std::optional<wp::AuthCookie> cookie = wp::ParseAuthCookie(raw);
    if (!cookie) return {};
    const std::int64_t now = core::NowSeconds();
    if (wp::CookieExpired(*cookie, req.method == "POST", now)) return {};
    // The cookie itself is the key: an entry exists only for a cookie that passed the HMAC and
    // session checks, and hashing it first cost more than the rest of a cache hit.
    const std::string cache_key(raw);
    if (settings_.cache_seconds > 0) {
        if (std::optional<core::Viewer> hit = cache_.Get(cache_key, now)) return *hit;
    }
    std::optional<std::string> salt = CurrentKeys(pool).salt;
    if (!salt) {
        std::call_once(warn_no_salt_, [] {
            core::LogWarn(
                "msg=\"wordpress: no logged_in key/salt in wp-config nor in the options "
                "table; every visitor is anonymous until WordPress creates them\"");
        });
        return {};
    }
    std::optional<Found> found = Lookup(pool, *cookie, *salt, now);
    if (!found) return {};
    if (settings_.cache_seconds > 0) {
        std::int64_t until = now + settings_.cache_seconds;  // and no later than the session
        if (found->session_expires < until) until = found->session_expires + 1;
        cache_.Put(cache_key, found->viewer, now, until);
    }
    return found->viewer;
}

WordPressHost::Keys WordPressHost::CurrentKeys(core::db::Pool& pool) {
    const std::int64_t now = core::NowSeconds();
    {
        std::lock_guard lock(keys_mu_);
        bool fresh = now >= keys_read_at_ && now - keys_read_at_ < kOptionsRefreshSeconds;
        if (keys_ && (!NeedsOptions() || fresh)) return *keys_;
    }
    Keys read = ReadOptions(pool);  // outside the lock: a slow database blocks only this thread
    std::lock_guard lock(keys_mu_);
    keys_ = read;
    keys_read_at_ = now;
    return read;
}

WordPressHost::Keys WordPressHost::ReadOptions(core::db::Pool& pool) const {
    core::db::Result r = core::db::Run(pool, [this](core::db::Connection& c) {
        return c.Execute("wordpress.options", options_sql_);
    });
    std::optional<std::string> siteurl, key, salt;
    for (const core::db::Row& row : r.rows) {
        const std::string& name = row.Str(0);
        std::string value = wp::OptionText(row.Str(1));
        if (name == "siteurl") siteurl = std::move(value);
        if (name == "logged_in_key") key = std::move(value);
        if (name == "logged_in_salt") salt = std::move(value);
    }
    Keys keys;
    keys.cookie_name = settings_.cookie_name ? *settings_.cookie_name
                                             : wp::LoggedInCookieName(siteurl.value_or(""));
    keys.salt = wp::ResolveLoggedInSalt(settings_.salt_plan, key, salt);
    return keys;
}

std::optional<WordPressHost::Found> WordPressHost::Lookup(core::db::Pool& pool,
                                                          const wp::AuthCookie& cookie,
                                                          const std::string& salt,
                                                          std::int64_t now) const {
    core::db::Result r = core::db::Run(pool, [&](core::db::Connection& c) {
        return c.Execute("wordpress.user_by_login", user_sql_, {capabilities_key_, cookie.login});
    });
    for (const core::db::Row& row : r.rows) {
        // The collation ignores case and trailing spaces: only the exact login is this user.
        if (row.Str(kLogin) != cookie.login) continue;
        if (!wp::CookieHmacValid(cookie, row.Str(kPass), salt)) return std::nullopt;
        std::optional<std::int64_t> expires =
            wp::SessionExpiration(row.Str(kSessions), wp::TokenVerifier(cookie.token), now);
        if (!expires) return std::nullopt;
        return Found{MakeViewer(row, cookie), *expires};
    }
    return std::nullopt;
}

core::Viewer WordPressHost::MakeViewer(const core::db::Row& row,
                                       const wp::AuthCookie& cookie) const {
    core::Viewer v;
    v.user_id = row.Int(kId);
    v.login = row.Str(kLogin);
    v.display_name = row.Str(kDisplayName).empty() ? v.login : row.Str(kDisplayName);
    v.email = row.Str(kEmail);
    v.roles = wp::RolesFromCapabilities(row.Str(kCapabilities));
    v.staff = StaffFor(v.roles);
    v.session_key = wp::TokenVerifier(cookie.token);
    return v;
}

core::StaffRole WordPressHost::StaffFor(const std::vector<std::string>& roles) const {
    auto any = [&roles](const std::vector<std::string>& wanted) {
        return std::any_of(roles.begin(), roles.end(), [&wanted](const std::string& r) {
            return std::find(wanted.begin(), wanted.end(), r) != wanted.end();
        });
    };
    if (any(settings_.admin_roles)) return core::StaffRole::kAdmin;
    if (any(settings_.moderator_roles)) return core::StaffRole::kModerator;
    return core::StaffRole::kNone;
}

std::string WordPressHost::LoginUrl(std::string_view return_to) const {
    return AddQuery(settings_.login_url, "redirect_to=" + http::UrlEncode(return_to));
}

std::string WordPressHost::LogoutUrl(std::string_view return_to) const {
    std::string url = AddQuery(settings_.login_url, "action=logout");
    if (!return_to.empty()) url += "&redirect_to=" + http::UrlEncode(return_to);
    return url;
}

std::unique_ptr<HostAdapter> MakeWordPressHost(core::Config& config) {
    return std::make_unique<WordPressHost>(LoadWordPressSettings(config));
}

}  // namespace placette::host
