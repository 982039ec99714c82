// The Joomla adapter's configuration (configuration.php, [host]) and its one query per uncached
// request: the site session, the unblocked user, direct groups and their ancestors.
#include "plugin/host/joomla.h"

#include <algorithm>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/host/joomla_auth.h"

namespace placette::host {

namespace {

// Columns of the session query.
enum Col : std::size_t { kSid, kTime, kUserId, kUsername, kName, kEmail, kGroup, kAncestor };

// Site sessions only (client_id 0, or NULL with shared sessions); the nested set gives each
// direct group's ancestors, so a group under "Administrator" maps like it.
constexpr std::string_view kSessionSql =
    "SELECT s.session_id, s.time, u.id, u.username, u.name, u.email, g.title, a.title "
    "FROM `{h}session` s JOIN `{h}users` u ON u.id = s.userid "
    "LEFT JOIN `{h}user_usergroup_map` m ON m.user_id = u.id "
    "LEFT JOIN `{h}usergroups` g ON g.id = m.group_id "
    "LEFT JOIN `{h}usergroups` a ON a.lft <= g.lft AND a.rgt >= g.rgt "
    "WHERE s.session_id = ? AND s.guest = 0 AND s.userid > 0 "
    "AND (s.client_id = 0 OR s.client_id IS NULL) AND u.block = 0 "
    "ORDER BY g.lft, a.lft LIMIT 256";

std::optional<std::string> Prop(const std::map<std::string, std::string>& props, const char* name) {
    auto it = props.find(name);
    if (it == props.end()) return std::nullopt;
    return it->second;
}

// scheme://host[:port] of a URL ("" when it has no scheme).
std::string Origin(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    return std::string(url.substr(0, url.find('/', scheme + 3)));
}

void WarnAboutMetadata(const std::map<std::string, std::string>& props) {
    std::optional<std::string> metadata = Prop(props, "session_metadata");
    if (metadata && (metadata->empty() || *metadata == "0")) {
        core::LogWarn(
            "msg=\"joomla: $session_metadata is off, so #__session does not say who is logged "
            "in; every visitor is anonymous\"");
    }
}

std::map<std::string, std::string> ReadConfiguration(core::Config& config) {
    std::optional<std::string> path = HostKey(config.ini, "joomla_config");
    if (!path) return {};
    auto props = joomla::ParseConfigurationPhp(ReadHostFile(*path, "joomla_config"));
    HostDbCredentials db = joomla::ParseDbHost(Prop(props, "host").value_or(""));
    db.name = Prop(props, "db");
    db.user = Prop(props, "user");
    db.password = Prop(props, "password");
    FillDatabaseFromHost(config, db, "joomla_config");
    WarnAboutMetadata(props);
    return props;
}

std::string CookieName(const core::Ini& ini, const std::map<std::string, std::string>& props) {
    if (auto v = HostKey(ini, "cookie_name")) return PhpCookieName(*v);
    std::optional<std::string> secret = HostKey(ini, "secret");
    if (!secret) secret = Prop(props, "secret");
    if (!secret || secret->empty()) {
        throw core::ConfigError(
            "[host] type = joomla needs joomla_config (for $secret), secret or cookie_name");
    }
    return joomla::SiteCookieName(*secret, Prop(props, "session_name").value_or(""));
}

const JoomlaSettings& Checked(const JoomlaSettings& s) {
    if (!ValidTablePrefix(s.table_prefix)) {
        throw core::ConfigError("[host] table_prefix may hold only A-Z, a-z, 0-9 and _");
    }
    return s;
}

}  // namespace

JoomlaSettings LoadJoomlaSettings(core::Config& config) {
    const core::Ini& ini = config.ini;
    const std::map<std::string, std::string> props = ReadConfiguration(config);
    JoomlaSettings s;
    s.cookie_name = CookieName(ini, props);
    s.table_prefix = Prop(props, "dbprefix").value_or("jos_");
    if (auto v = HostKey(ini, "table_prefix")) s.table_prefix = *v;
    std::int64_t lifetime = joomla::kDefaultLifetimeMinutes;
    if (auto v = Prop(props, "lifetime");
        v && !v->empty() && v->size() < 9 &&
        std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; })) {
        lifetime = std::stoll(*v);
    }
    s.lifetime_minutes = ini.GetInt("host", "lifetime", lifetime, 1, 10000000);
    const std::string site = HostKey(ini, "joomla_url").value_or(config.host_url);
    s.site_url = Origin(site);
    const std::string login = JoinUrl(site, "/index.php?option=com_users&view=login");
    s.common = LoadCommonHostSettings(
        ini, {login, login, "Super Users, Administrator", "Manager, Editor"});
    core::LogInfo("msg=\"joomla host\" table_prefix=" + s.table_prefix + " cookie_name=" +
                  s.cookie_name + " lifetime_minutes=" + std::to_string(s.lifetime_minutes));
    return s;
}

JoomlaHost::JoomlaHost(JoomlaSettings settings)
    : settings_(Checked(settings)),
      session_sql_(WithHostPrefix(kSessionSql, settings_.table_prefix)),
      cache_(kCacheCapacity) {}

core::Viewer JoomlaHost::Identify(const http::Request& req, core::db::Pool& pool) {
    const std::string sid(req.Cookie(settings_.cookie_name));
    if (!joomla::ValidSessionId(sid)) return {};
    return CachedViewer(cache_, settings_.common.cache_seconds, core::Sha256Hex(sid),
                        core::NowSeconds(), [&] { return Lookup(pool, sid); });
}

std::optional<FoundViewer> JoomlaHost::Lookup(core::db::Pool& pool, const std::string& sid) const {
    core::db::Result r = core::db::Run(pool, [&](core::db::Connection& c) {
        return c.Execute("joomla.session", session_sql_, {sid});
    });
    return FromRows(r, sid);
}

std::optional<FoundViewer> JoomlaHost::FromRows(const core::db::Result& r,
                                                const std::string& sid) const {
    if (r.rows.empty() || r.rows[0].Str(kSid) != sid) return std::nullopt;
    const core::db::Row& s = r.rows[0];
    const std::int64_t time = s.Int(kTime);
    if (!joomla::SessionFresh(time, core::NowSeconds(), settings_.lifetime_minutes)) {
        return std::nullopt;
    }
    core::Viewer v;
    v.user_id = s.Int(kUserId);
    v.login = s.Str(kUsername);
    v.display_name = s.Str(kName).empty() ? v.login : s.Str(kName);
    v.email = s.Str(kEmail);
    std::vector<std::string> lineage;  // direct groups and their ancestors
    for (const core::db::Row& row : r.rows) {
        const std::string& group = row.Str(kGroup);
        if (!row.IsNull(kGroup) &&
            std::find(v.roles.begin(), v.roles.end(), group) == v.roles.end()) {
            v.roles.push_back(group);
        }
        if (!row.IsNull(kAncestor)) lineage.push_back(row.Str(kAncestor));
    }
    v.staff = settings_.common.staff.For(lineage);
    v.session_key = core::Sha256Hex(sid);
    return FoundViewer{v, time + settings_.lifetime_minutes * 60};
}

// com_users only returns to an absolute URL under the site's address.
std::string JoomlaHost::ReturnTo(std::string_view return_to) const {
    if (return_to.starts_with("/") && !return_to.starts_with("//")) {
        return joomla::ReturnParam(settings_.site_url + std::string(return_to));
    }
    return joomla::ReturnParam(return_to);
}

std::string JoomlaHost::LoginUrl(std::string_view return_to) const {
    return WithParam(settings_.common.login_url, "return", ReturnTo(return_to));
}

std::string JoomlaHost::LogoutUrl(std::string_view return_to) const {
    if (return_to.empty()) return settings_.common.logout_url;
    return WithParam(settings_.common.logout_url, "return", ReturnTo(return_to));
}

std::unique_ptr<HostAdapter> MakeJoomlaHost(core::Config& config) {
    return std::make_unique<JoomlaHost>(LoadJoomlaSettings(config));
}

}  // namespace placette::host
