// The phpBB adapter's configuration (config.php, [host]), the board settings it reads from
// phpbb_config every minute, and its one session query checked as session_begin does.
#include "plugin/host/phpbb.h"

#include <algorithm>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/core/log.h"
#include "plugin/host/php_config.h"

namespace placette::host {

namespace {

// Columns of the session query.
enum Col : std::size_t {
    kSid,
    kUserId,
    kTime,
    kIp,
    kBrowser,
    kForwardedFor,
    kAutologin,
    kUsername,
    kEmail,
    kType,
    kGroup
};

constexpr std::string_view kSessionSql =
    "SELECT s.session_id, s.session_user_id, s.session_time, s.session_ip, s.session_browser, "
    "s.session_forwarded_for, s.session_autologin, u.username, u.user_email, u.user_type, "
    "g.group_name FROM `{h}sessions` s JOIN `{h}users` u ON u.user_id = s.session_user_id "
    "LEFT JOIN `{h}user_group` ug ON ug.user_id = u.user_id AND ug.user_pending = 0 "
    "LEFT JOIN `{h}groups` g ON g.group_id = ug.group_id "
    "WHERE s.session_id = ? ORDER BY g.group_id LIMIT 64";
constexpr std::string_view kConfigSql =
    "SELECT config_name, config_value FROM `{h}config` WHERE config_name IN ('cookie_name', "
    "'ip_check', 'browser_check', 'forwarded_for_check', 'referer_validation', "
    "'session_length', 'allow_autologin', 'max_autologin_time', 'force_server_vars', "
    "'server_name', 'cookie_domain')";

std::optional<std::string> Var(const PhpConfig& php, const char* name) {
    auto it = php.variables.find(name);
    if (it == php.variables.end()) return std::nullopt;
    return it->second;
}

// config.php's $dbhost/$dbport as phpBB's mysqli driver reads them: a non-numeric port is a
// socket path.
HostDbCredentials Credentials(const PhpConfig& php) {
    HostDbCredentials c;
    c.name = Var(php, "dbname");
    c.user = Var(php, "dbuser");
    c.password = Var(php, "dbpasswd");
    c.host = Var(php, "dbhost");
    std::string port = Var(php, "dbport").value_or("");
    bool numeric =
        !port.empty() && port.size() <= 5 &&
        std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (numeric && std::stoi(port) >= 1 && std::stoi(port) <= 65535) {
        c.port = static_cast<unsigned>(std::stoi(port));
    } else if (!port.empty()) {
        c.socket = port;
    }
    return c;
}

const PhpbbSettings& Checked(const PhpbbSettings& s) {
    if (!ValidTablePrefix(s.table_prefix)) {
        throw core::ConfigError("[host] table_prefix may hold only A-Z, a-z, 0-9 and _");
    }
    return s;
}

// A cookie named "…_sid" whose value looks like a session id: worth reading the board config.
bool HasSidCookie(const http::Request& req) {
    return std::any_of(req.cookies.begin(), req.cookies.end(), [](const auto& c) {
        return c.first.ends_with("_sid") && phpbb::ValidSessionId(c.second);
    });
}

}  // namespace

PhpbbSettings LoadPhpbbSettings(core::Config& config) {
    const core::Ini& ini = config.ini;
    PhpbbSettings s;
    if (std::optional<std::string> path = HostKey(ini, "phpbb_config")) {
        PhpConfig php = ParsePhpConfig(ReadHostFile(*path, "phpbb_config"));
        if (auto prefix = Var(php, "table_prefix")) s.table_prefix = *prefix;
        FillDatabaseFromHost(config, Credentials(php), "phpbb_config");
    }
    if (auto v = HostKey(ini, "table_prefix")) s.table_prefix = *v;
    if (auto v = HostKey(ini, "cookie_name")) s.cookie_name = PhpCookieName(*v);
    const std::string board = HostKey(ini, "phpbb_url").value_or(config.host_url);
    s.common = LoadCommonHostSettings(
        ini, {JoinUrl(board, "/ucp.php?mode=login"), JoinUrl(board, "/ucp.php?mode=logout"),
              "ADMINISTRATORS", "GLOBAL_MODERATORS"});
    core::LogInfo("msg=\"phpbb host\" table_prefix=" + s.table_prefix +
                  " cookie_name=" + s.cookie_name.value_or("(from phpbb_config)"));
    return s;
}

PhpbbHost::PhpbbHost(PhpbbSettings settings)
    : settings_(Checked(settings)),
      session_sql_(WithHostPrefix(kSessionSql, settings_.table_prefix)),
      config_sql_(WithHostPrefix(kConfigSql, settings_.table_prefix)),
      cache_(kCacheCapacity) {}

core::Viewer PhpbbHost::Identify(const http::Request& req, core::db::Pool& pool) {
    if (settings_.cookie_name) {
        if (!phpbb::ValidSessionId(req.Cookie(*settings_.cookie_name + "_sid"))) return {};
    } else if (!HasSidCookie(req)) {
        return {};
    }
    const Board board = CurrentBoard(pool);
    Client client;
    client.sid = std::string(req.Cookie(board.cookie_name + "_sid"));
    if (!phpbb::ValidSessionId(client.sid)) return {};
    const phpbb::SessionRules& rules = board.rules;
    const std::string host = phpbb::CurrentHostname(req.Header("Host"), rules);
    if (!phpbb::RefererValid(req.method, phpbb::RequestString(req.Header("Referer")), host,
                             rules)) {
        return {};
    }
    client.ip = phpbb::ClientIp(req.Param("REMOTE_ADDR"));
    client.browser = phpbb::RequestString(req.Header("User-Agent"));
    client.forwarded_for =
        phpbb::ForwardedFor(req.Header("X-Forwarded-For"), rules.forwarded_for_check);
    const std::string key = core::Sha256Hex(client.sid + '\0' + client.ip + '\0' + client.browser +
                                            '\0' + client.forwarded_for);
    return CachedViewer(cache_, settings_.common.cache_seconds, key, core::NowSeconds(),
                        [&] { return Lookup(pool, client, rules); });
}

PhpbbHost::Board PhpbbHost::CurrentBoard(core::db::Pool& pool) {
    const std::int64_t now = core::NowSeconds();
    {
        std::lock_guard lock(board_mu_);
        bool fresh = now >= board_read_at_ && now - board_read_at_ < kConfigRefreshSeconds;
        if (board_ && fresh) return *board_;
    }
    Board read = ReadBoard(pool);  // outside the lock: a slow database blocks only this thread
    std::lock_guard lock(board_mu_);
    board_ = read;
    board_read_at_ = now;
    return read;
}

PhpbbHost::Board PhpbbHost::ReadBoard(core::db::Pool& pool) const {
    core::db::Result r = core::db::Run(
        pool, [this](core::db::Connection& c) { return c.Execute("phpbb.config", config_sql_); });
    std::map<std::string, std::string> values;
    for (const core::db::Row& row : r.rows) values[row.Str(0)] = row.Str(1);
    Board board;
    board.rules = phpbb::RulesFromConfig(values);
    board.cookie_name =
        settings_.cookie_name ? *settings_.cookie_name : PhpCookieName(values["cookie_name"]);
    return board;
}

std::optional<FoundViewer> PhpbbHost::Lookup(core::db::Pool& pool, const Client& client,
                                             const phpbb::SessionRules& rules) const {
    core::db::Result r = core::db::Run(pool, [&](core::db::Connection& c) {
        return c.Execute("phpbb.session", session_sql_, {client.sid});
    });
    return FromRows(r, client, rules);
}

std::optional<FoundViewer> PhpbbHost::FromRows(const core::db::Result& r, const Client& client,
                                               const phpbb::SessionRules& rules) const {
    if (r.rows.empty() || r.rows[0].Str(kSid) != client.sid) return std::nullopt;
    const core::db::Row& s = r.rows[0];
    if (!phpbb::SameIp(s.Str(kIp), client.ip, rules.ip_check) ||
        !phpbb::SameBrowser(s.Str(kBrowser), client.browser, rules.browser_check) ||
        !phpbb::SameForwardedFor(s.Str(kForwardedFor), client.forwarded_for,
                                 rules.forwarded_for_check)) {
        return std::nullopt;
    }
    std::optional<std::int64_t> until =
        phpbb::SessionValidUntil(s.Int(kTime), s.Int(kAutologin) != 0, rules, core::NowSeconds());
    if (!until || !phpbb::RegisteredUser(s.Int(kUserId), s.Int(kType))) return std::nullopt;
    core::Viewer v;
    v.user_id = s.Int(kUserId);
    v.login = s.Str(kUsername);
    v.display_name = v.login;
    v.email = s.Str(kEmail);
    for (const core::db::Row& row : r.rows) {
        if (!row.IsNull(kGroup)) v.roles.push_back(row.Str(kGroup));
    }
    v.staff = s.Int(kType) == phpbb::kUserFounder ? core::StaffRole::kAdmin
                                                  : settings_.common.staff.For(v.roles);
    v.session_key = core::Sha256Hex(client.sid);
    return FoundViewer{v, *until};
}

std::string PhpbbHost::LoginUrl(std::string_view return_to) const {
    return WithParam(settings_.common.login_url, "redirect", return_to);
}

std::string PhpbbHost::LogoutUrl(std::string_view return_to) const {
    if (return_to.empty()) return settings_.common.logout_url;
    return WithParam(settings_.common.logout_url, "redirect", return_to);
}

std::unique_ptr<HostAdapter> MakePhpbbHost(core::Config& config) {
    return std::make_unique<PhpbbHost>(LoadPhpbbSettings(config));
}

}  // namespace placette::host
