// The generic SQL adapter at request time: the cookie's id (name, decoding, field, transform),
// one query built at start-up, freshness and optional IP / user-agent binding (phpBB's rules).
#include "plugin/host/generic_sql.h"

#include <algorithm>

#include "plugin/core/clock.h"
#include "plugin/core/crypto.h"
#include "plugin/host/phpbb_auth.h"

namespace placette::host {

namespace {

// Columns of GenericSessionSql.
enum Col : std::size_t {
    kId,
    kUser,
    kFresh,
    kIp,
    kUa,
    kLogin,
    kName,
    kEmail,
    kRole,
    kAdmin,
    kModerator
};

std::optional<std::int64_t> UserId(const std::string& text) {
    if (text.empty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return std::stoll(text);
}

// A boolean expression's value: NULL (""), 0 and 0.0 are false.
bool SqlTrue(const std::string& v) { return !v.empty() && v != "0" && v != "0.0"; }

std::optional<std::regex> CompileName(const std::string& pattern) {
    if (pattern.empty()) return std::nullopt;
    try {
        return std::regex(pattern, std::regex::ECMAScript | std::regex::nosubs);
    } catch (const std::regex_error&) {
        throw core::ConfigError("[host] cookie_name_regex is not a valid regular expression");
    }
}

}  // namespace

GenericSqlHost::GenericSqlHost(GenericSqlSettings settings)
    : settings_(std::move(settings)),
      sql_(GenericSessionSql(settings_)),
      name_regex_(CompileName(settings_.cookie_name_regex)),
      cache_(kCacheCapacity) {}

std::optional<std::string> GenericSqlHost::CookieValue(const http::Request& req) const {
    std::string name = settings_.cookie_name;
    if (name_regex_) {
        auto it = std::find_if(req.cookies.begin(), req.cookies.end(), [this](const auto& c) {
            return c.first.size() <= 256 && std::regex_match(c.first, *name_regex_);
        });
        if (it == req.cookies.end()) return std::nullopt;
        name = it->first;
    }
    std::optional<std::string_view> value;
    if (settings_.percent_decode) {
        if (req.cookies.count(name) != 0) value = req.Cookie(name);
    } else {
        value = generic::RawCookie(req.Param("HTTP_COOKIE"), name);
    }
    if (!value) return std::nullopt;
    std::optional<std::string_view> id = generic::ExtractId(settings_.extract, *value);
    if (!id || !generic::ValidId(*id, settings_.id_min_length, settings_.id_max_length)) {
        return std::nullopt;
    }
    return std::string(*id);
}

core::Viewer GenericSqlHost::Identify(const http::Request& req, core::db::Pool& pool) {
    std::optional<std::string> id = CookieValue(req);
    if (!id) return {};
    Client client{*id, "", ""};
    if (!settings_.bind_ip_column.empty()) client.ip = phpbb::ClientIp(req.Param("REMOTE_ADDR"));
    if (!settings_.bind_ua_column.empty()) client.browser = std::string(req.Header("User-Agent"));
    const std::string key = core::Sha256Hex(client.id + '\0' + client.ip + '\0' + client.browser);
    return CachedViewer(cache_, settings_.common.cache_seconds, key, core::NowSeconds(),
                        [&] { return Lookup(pool, client); });
}

std::optional<FoundViewer> GenericSqlHost::Lookup(core::db::Pool& pool,
                                                  const Client& client) const {
    const std::string stored = generic::ApplyIdTransform(settings_.transform, client.id);
    core::db::Result r = core::db::Run(pool, [&](core::db::Connection& c) {
        return c.Execute("generic_sql.session", sql_, {stored});
    });
    for (const core::db::Row& row : r.rows) {
        // The collation may match ids case-insensitively: only the exact id is this session.
        if (row.Str(kId) == stored) return FromRow(row, client);
    }
    return std::nullopt;
}

std::optional<FoundViewer> GenericSqlHost::FromRow(const core::db::Row& row,
                                                   const Client& client) const {
    std::optional<std::int64_t> user = UserId(row.Str(kUser));
    if (!user || *user <= 0 || *user == settings_.anonymous_user_id) return std::nullopt;
    std::optional<std::int64_t> fresh = row.IsNull(kFresh) ? std::nullopt : row.OptInt(kFresh);
    std::optional<std::int64_t> until = generic::ValidUntil(
        settings_.freshness, fresh.value_or(0), settings_.max_idle_seconds, core::NowSeconds());
    if (!until || (settings_.freshness != generic::Freshness::kNone && !fresh)) {
        return std::nullopt;
    }
    if (!settings_.bind_ip_column.empty() &&
        !phpbb::SameIp(row.Str(kIp), client.ip, settings_.bind_ip_parts)) {
        return std::nullopt;
    }
    if (!settings_.bind_ua_column.empty() &&
        !phpbb::SameBrowser(row.Str(kUa), client.browser, true)) {
        return std::nullopt;
    }
    core::Viewer v;
    v.user_id = *user;
    v.login = row.Str(kLogin);
    v.display_name = row.Str(kName).empty() ? v.login : row.Str(kName);
    v.email = row.Str(kEmail);
    if (!row.IsNull(kRole) && !row.Str(kRole).empty()) v.roles.push_back(row.Str(kRole));
    v.staff = SqlTrue(row.Str(kAdmin))       ? core::StaffRole::kAdmin
              : SqlTrue(row.Str(kModerator)) ? core::StaffRole::kModerator
                                             : settings_.common.staff.For(v.roles);
    v.session_key = core::Sha256Hex(client.id);
    return FoundViewer{v, *until};
}

std::string GenericSqlHost::LoginUrl(std::string_view return_to) const {
    if (settings_.return_param.empty()) return settings_.common.login_url;
    return WithParam(settings_.common.login_url, settings_.return_param, return_to);
}

std::string GenericSqlHost::LogoutUrl(std::string_view) const {
    return settings_.common.logout_url;
}

std::unique_ptr<HostAdapter> MakeGenericSqlHost(core::Config& config) {
    return std::make_unique<GenericSqlHost>(LoadGenericSqlSettings(config));
}

}  // namespace placette::host
