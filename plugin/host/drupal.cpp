// The Drupal adapters' configuration, their one query per uncached request (session, user and
// roles together) and the staff mapping: uid 1, the admin role, or the configured roles.
#include "plugin/host/drupal.h"

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/host/drupal_auth.h"
#include "plugin/host/php_config.h"

namespace placette::host {

namespace {

// Columns of both versions' session query.
enum Col : std::size_t { kKey, kUid, kTimestamp, kName, kMail, kRoleId, kRoleName, kAdminData };

// Drupal 7: `{key}` is sid (HTTP) or ssid (HTTPS); the admin role id comes along as a column.
constexpr std::string_view kDrupal7Sql =
    "SELECT s.{key}, s.uid, s.timestamp, u.name, u.mail, r.rid, r.name, "
    "(SELECT v.value FROM `{h}variable` v WHERE v.name = 'user_admin_role') "
    "FROM `{h}sessions` s JOIN `{h}users` u ON u.uid = s.uid "
    "LEFT JOIN `{h}users_roles` ur ON ur.uid = u.uid "
    "LEFT JOIN `{h}role` r ON r.rid = ur.rid "
    "WHERE s.{key} = ? AND s.uid > 0 AND u.status = 1 ORDER BY r.weight, r.rid LIMIT 64";
// Drupal 10: the sid column holds Crypt::hashBase64(cookie); each role's config rides along.
constexpr std::string_view kDrupal10Sql =
    "SELECT s.sid, s.uid, s.timestamp, u.name, u.mail, r.roles_target_id, r.roles_target_id, "
    "c.data "
    "FROM `{h}sessions` s "
    "JOIN `{h}users_field_data` u ON u.uid = s.uid AND u.default_langcode = 1 "
    "LEFT JOIN `{h}user__roles` r ON r.entity_id = u.uid AND r.deleted = 0 "
    "LEFT JOIN `{h}config` c ON c.collection = '' "
    "AND c.name = CONCAT('user.role.', r.roles_target_id) "
    "WHERE s.sid = ? AND s.uid > 0 AND u.status = 1 ORDER BY r.delta LIMIT 64";

std::string Drupal7Sql(std::string_view key_column, const std::string& prefix) {
    std::string sql(kDrupal7Sql);
    for (std::size_t at; (at = sql.find("{key}")) != std::string::npos;) {
        sql.replace(at, 5, key_column);
    }
    return WithHostPrefix(sql, prefix);
}

const DrupalSettings& Checked(const DrupalSettings& s) {
    if (!ValidTablePrefix(s.table_prefix)) {
        throw core::ConfigError("[host] table_prefix may hold only A-Z, a-z, 0-9 and _");
    }
    if (!s.base_path.empty() && s.base_path.front() != '/') {
        throw core::ConfigError("[host] drupal_base_path must start with / (or be empty)");
    }
    return s;
}

bool PhpTruthy(const std::string& s) { return !s.empty() && s != "0"; }

// Drupal 7's settings.php: $cookie_domain, else $base_url, names the session.
void ReadDrupal7Settings(const core::Ini& ini, DrupalSettings& s, std::string& drupal_url) {
    std::optional<std::string> path = HostKey(ini, "drupal_settings");
    if (!path) return;
    PhpConfig php = ParsePhpConfig(ReadHostFile(*path, "drupal_settings"));
    auto var = [&php](const char* name) -> std::optional<std::string> {
        auto it = php.variables.find(name);
        if (it == php.variables.end()) return std::nullopt;
        return it->second;
    };
    std::optional<std::string> base_url = var("base_url");
    if (base_url) drupal_url = *base_url;
    if (std::optional<std::string> domain = var("cookie_domain"); domain && PhpTruthy(*domain)) {
        s.session_name = *domain;
    } else if (base_url) {
        s.session_name = drupal::Drupal7SessionNameFromBaseUrl(*base_url);
    }
}

}  // namespace

DrupalSettings LoadDrupalSettings(const core::Config& config, DrupalVersion version) {
    const core::Ini& ini = config.ini;
    DrupalSettings s;
    s.version = version;
    std::string drupal_url = config.host_url;
    if (version == DrupalVersion::k7) ReadDrupal7Settings(ini, s, drupal_url);
    if (auto v = HostKey(ini, "drupal_url")) drupal_url = *v;
    if (auto v = HostKey(ini, "session_name")) s.session_name = *v;
    if (auto v = HostKey(ini, "cookie_name")) s.cookie_name = PhpCookieName(*v);
    s.base_path = ini.GetOr("host", "drupal_base_path", "");
    while (s.base_path.size() > 1 && s.base_path.back() == '/') s.base_path.pop_back();
    if (s.base_path == "/") s.base_path.clear();
    s.table_prefix = ini.GetOr("host", "table_prefix", "");
    s.gc_maxlifetime =
        ini.GetInt("host", "gc_maxlifetime", drupal::kDefaultGcMaxlifetime, 60, 100000000);
    const bool d10 = version == DrupalVersion::k10;
    s.common = LoadCommonHostSettings(
        ini, {JoinUrl(drupal_url, "/user/login"), JoinUrl(drupal_url, "/user/logout"),
              "administrator", d10 ? "content_editor" : ""});
    core::LogInfo(std::string("msg=\"drupal host\" version=") + (d10 ? "10" : "7") +
                  " table_prefix=" + s.table_prefix +
                  " session_name=" + s.session_name.value_or("(from the Host header)") +
                  " cookie_name=" + s.cookie_name.value_or("(from the session name)"));
    return s;
}

DrupalHost::DrupalHost(DrupalSettings settings)
    : settings_(Checked(settings)),
      sql_by_sid_(settings_.version == DrupalVersion::k7
                      ? Drupal7Sql("sid", settings_.table_prefix)
                      : WithHostPrefix(kDrupal10Sql, settings_.table_prefix)),
      sql_by_ssid_(Drupal7Sql("ssid", settings_.table_prefix)),
      cache_(kCacheCapacity) {}

std::string DrupalHost::name() const {
    return settings_.version == DrupalVersion::k7 ? "drupal7" : "drupal10";
}

std::string DrupalHost::CookieName(const http::Request& req) const {
    if (settings_.cookie_name) return *settings_.cookie_name;
    std::string session_name;
    if (settings_.session_name) {
        session_name = *settings_.session_name;
    } else if (settings_.version == DrupalVersion::k7) {
        session_name = drupal::Drupal7SessionName(req.Header("Host"), settings_.base_path);
    } else {
        session_name = drupal::Drupal10SessionName(req.Header("Host"), settings_.base_path);
    }
    return drupal::SessionCookieName(session_name, req.IsSecure());
}

core::Viewer DrupalHost::Identify(const http::Request& req, core::db::Pool& pool) {
    const std::string sid(req.Cookie(CookieName(req)));
    if (!drupal::ValidSessionId(sid)) return {};
    // Drupal 7 looks an HTTPS session up by ssid, an HTTP one by sid: two different sessions.
    const bool by_ssid = settings_.version == DrupalVersion::k7 && req.IsSecure();
    const std::string key = (by_ssid ? "ssid:" : "sid:") + core::Sha256Hex(sid);
    return CachedViewer(cache_, settings_.common.cache_seconds, key, core::NowSeconds(),
                        [&] { return Lookup(pool, sid, by_ssid); });
}

std::optional<FoundViewer> DrupalHost::Lookup(core::db::Pool& pool, const std::string& sid,
                                              bool by_ssid) const {
    const bool d7 = settings_.version == DrupalVersion::k7;
    const std::string key = d7 ? sid : drupal::HashBase64(sid);
    const std::string& sql = by_ssid ? sql_by_ssid_ : sql_by_sid_;
    core::db::Result r = core::db::Run(pool, [&](core::db::Connection& c) {
        return c.Execute(d7 ? "drupal7.session" : "drupal10.session", sql, {key});
    });
    std::optional<FoundViewer> found = FromRows(r, key);
    if (found) found->viewer.session_key = core::Sha256Hex(sid);
    return found;
}

std::optional<FoundViewer> DrupalHost::FromRows(const core::db::Result& r,
                                                std::string_view key) const {
    const core::db::Row* first = nullptr;
    core::Viewer v;
    bool admin_role = false;
    for (const core::db::Row& row : r.rows) {
        // The collation matches ids case-insensitively; Drupal minted this exact one.
        if (row.Str(kKey) != key) continue;
        if (first == nullptr) first = &row;
        if (row.Int(kUid) != first->Int(kUid) || row.IsNull(kRoleName)) continue;
        v.roles.push_back(row.Str(kRoleName));
        admin_role = admin_role || IsAdminRole(row);
    }
    if (first == nullptr) return std::nullopt;
    const std::int64_t timestamp = first->Int(kTimestamp);
    if (!drupal::SessionFresh(timestamp, core::NowSeconds(), settings_.gc_maxlifetime)) {
        return std::nullopt;
    }
    v.user_id = first->Int(kUid);
    v.login = first->Str(kName);
    v.display_name = v.login;
    v.email = first->Str(kMail);
    v.staff = (v.user_id == 1 || admin_role) ? core::StaffRole::kAdmin
                                             : settings_.common.staff.For(v.roles);
    return FoundViewer{v, timestamp + settings_.gc_maxlifetime};
}

// Drupal 7: the role whose rid is the user_admin_role variable; Drupal 10: a role whose config
// says is_admin.
bool DrupalHost::IsAdminRole(const core::db::Row& row) const {
    if (settings_.version == DrupalVersion::k10) {
        return drupal::RoleConfigIsAdmin(row.Str(kAdminData));
    }
    std::optional<std::int64_t> admin_rid = drupal::AdminRoleId(row.Str(kAdminData));
    return admin_rid && row.OptInt(kRoleId) == admin_rid;
}

std::string DrupalHost::Destination(std::string_view return_to) const {
    if (settings_.version == DrupalVersion::k10) return std::string(return_to);
    // Drupal 7 reads an internal path relative to its base path, without the leading slash.
    const std::string& base = settings_.base_path;
    if (!base.empty() && return_to.starts_with(base + "/")) return_to.remove_prefix(base.size());
    while (!return_to.empty() && return_to.front() == '/') return_to.remove_prefix(1);
    return std::string(return_to);
}

std::string DrupalHost::LoginUrl(std::string_view return_to) const {
    return WithParam(settings_.common.login_url, "destination", Destination(return_to));
}

std::string DrupalHost::LogoutUrl(std::string_view return_to) const {
    if (return_to.empty()) return settings_.common.logout_url;
    return WithParam(settings_.common.logout_url, "destination", Destination(return_to));
}

std::unique_ptr<HostAdapter> MakeDrupal7Host(core::Config& config) {
    return std::make_unique<DrupalHost>(LoadDrupalSettings(config, DrupalVersion::k7));
}

std::unique_ptr<HostAdapter> MakeDrupal10Host(core::Config& config) {
    return std::make_unique<DrupalHost>(LoadDrupalSettings(config, DrupalVersion::k10));
}

}  // namespace placette::host
