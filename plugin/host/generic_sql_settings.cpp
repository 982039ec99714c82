// The generic SQL adapter's [host] keys, each checked (SQL names, fragments, enums, ranges), and
// the one SELECT they build: constant text, the session id as its only parameter.
#include "plugin/core/log.h"
#include "plugin/host/generic_sql.h"

namespace placette::host {

namespace {

std::string Required(const core::Ini& ini, std::string_view key) {
    std::optional<std::string> v = HostKey(ini, key);
    if (!v) {
        throw core::ConfigError("[host] " + std::string(key) +
                                " is required for type = generic_sql");
    }
    return *v;
}

// A table or column name, spliced between backquotes.
std::string Name(const core::Ini& ini, std::string_view key, bool required) {
    std::string v = required ? Required(ini, key) : HostKey(ini, key).value_or("");
    if (!v.empty() && !ValidSqlName(v)) {
        throw core::ConfigError("[host] " + std::string(key) +
                                " must be a plain SQL name (letters, digits, _)");
    }
    return v;
}

std::string Fragment(const core::Ini& ini, std::string_view key) {
    std::string v = HostKey(ini, key).value_or("");
    if (!v.empty() && !generic::SafeSqlFragment(v)) {
        throw core::ConfigError("[host] " + std::string(key) +
                                ": at most 500 characters, balanced quotes, and no ; ? \\ \" # "
                                "or comments");
    }
    return v;
}

template <typename T, typename Parse>
T Choice(const core::Ini& ini, std::string_view key, std::string_view def, Parse parse,
         std::string_view allowed) {
    std::optional<T> v = parse(ini.GetOr("host", key, def));
    if (!v)
        throw core::ConfigError("[host] " + std::string(key) + " must be one of " +
                                std::string(allowed));
    return *v;
}

void LoadCookieKeys(const core::Ini& ini, GenericSqlSettings& s) {
    s.cookie_name = PhpCookieName(HostKey(ini, "cookie_name").value_or(""));
    s.cookie_name_regex = HostKey(ini, "cookie_name_regex").value_or("");
    if (s.cookie_name.empty() == s.cookie_name_regex.empty()) {
        throw core::ConfigError(
            "[host] generic_sql needs exactly one of cookie_name and "
            "cookie_name_regex");
    }
    std::string decode = ini.GetOr("host", "cookie_decode", "percent");
    if (decode != "percent" && decode != "none") {
        throw core::ConfigError("[host] cookie_decode must be percent or none");
    }
    s.percent_decode = decode == "percent";
    s.extract = Choice<generic::Extract>(ini, "cookie_extract", "whole", generic::ParseExtract,
                                         "whole, split:<character>:<index>");
    s.transform =
        Choice<generic::IdTransform>(ini, "id_transform", "none", generic::ParseIdTransform,
                                     "none, md5-hex, sha1-hex, sha256-hex, sha256-b64url");
    s.id_min_length = static_cast<std::size_t>(ini.GetInt("host", "id_min_length", 16, 8, 256));
    s.id_max_length = static_cast<std::size_t>(ini.GetInt("host", "id_max_length", 256, 8, 1024));
}

void LoadSessionKeys(const core::Ini& ini, GenericSqlSettings& s) {
    s.session_table = Name(ini, "session_table", true);
    s.session_id_column = Name(ini, "session_id_column", true);
    s.session_user_column = Name(ini, "session_user_column", true);
    s.anonymous_user_id = ini.GetInt("host", "anonymous_user_id", 0, 0, 1000000);
    s.freshness = Choice<generic::Freshness>(ini, "freshness", "none", generic::ParseFreshness,
                                             "none, last_seen, expires_at");
    s.freshness_column = Name(ini, "freshness_column", s.freshness != generic::Freshness::kNone);
    std::string type = ini.GetOr("host", "freshness_type", "unix");
    if (type != "unix" && type != "datetime") {
        throw core::ConfigError("[host] freshness_type must be unix or datetime");
    }
    s.freshness_datetime = type == "datetime";
    const bool idle = s.freshness == generic::Freshness::kLastSeen;
    if (idle) Required(ini, "max_idle_seconds");
    s.max_idle_seconds = ini.GetInt("host", "max_idle_seconds", 3600, 1, 100000000);
    s.session_where = Fragment(ini, "session_where");
    s.bind_ip_column = Name(ini, "bind_ip_column", false);
    s.bind_ip_parts = static_cast<int>(ini.GetInt("host", "bind_ip_parts", 4, 1, 4));
    s.bind_ua_column = Name(ini, "bind_ua_column", false);
}

void LoadUserKeys(const core::Ini& ini, GenericSqlSettings& s) {
    s.user_table = Name(ini, "user_table", true);
    s.user_id_column = Name(ini, "user_id_column", true);
    s.user_login_column = Name(ini, "user_login_column", true);
    s.user_name_column = Name(ini, "user_name_column", false);
    if (s.user_name_column.empty()) s.user_name_column = s.user_login_column;
    s.user_email_column = Name(ini, "user_email_column", false);
    s.user_role_column = Name(ini, "user_role_column", false);
    s.user_where = Fragment(ini, "user_where");
    s.admin_condition = Fragment(ini, "admin_condition");
    s.moderator_condition = Fragment(ini, "moderator_condition");
}

std::string Col(const char* alias, const std::string& name) {
    return name.empty() ? "NULL" : std::string(alias) + ".`" + name + "`";
}

std::string Condition(const std::string& fragment) {
    return fragment.empty() ? "0" : "(" + fragment + ")";
}

}  // namespace

GenericSqlSettings LoadGenericSqlSettings(const core::Config& config) {
    const core::Ini& ini = config.ini;
    GenericSqlSettings s;
    LoadCookieKeys(ini, s);
    LoadSessionKeys(ini, s);
    LoadUserKeys(ini, s);
    const std::string login = HostKey(ini, "login_url").value_or(config.host_url);
    s.common = LoadCommonHostSettings(ini, {login, login, "", ""});
    s.return_param = Name(ini, "login_return_param", false);
    core::LogInfo("msg=\"generic_sql host\" session_table=" + s.session_table +
                  " user_table=" + s.user_table);
    return s;
}

std::string GenericSessionSql(const GenericSqlSettings& s) {
    std::string fresh = Col("s", s.freshness_column);
    if (s.freshness_datetime && !s.freshness_column.empty())
        fresh = "UNIX_TIMESTAMP(" + fresh + ")";
    std::string sql = "SELECT " + Col("s", s.session_id_column) + ", " +
                      Col("s", s.session_user_column) + ", " + fresh + ", " +
                      Col("s", s.bind_ip_column) + ", " + Col("s", s.bind_ua_column) + ", " +
                      Col("u", s.user_login_column) + ", " + Col("u", s.user_name_column) + ", " +
                      Col("u", s.user_email_column) + ", " + Col("u", s.user_role_column) + ", " +
                      Condition(s.admin_condition) + ", " + Condition(s.moderator_condition);
    sql += " FROM `" + s.session_table + "` s JOIN `" + s.user_table + "` u ON " +
           Col("u", s.user_id_column) + " = " + Col("s", s.session_user_column) + " WHERE " +
           Col("s", s.session_id_column) + " = ?";
    if (!s.session_where.empty()) sql += " AND (" + s.session_where + ")";
    if (!s.user_where.empty()) sql += " AND (" + s.user_where + ")";
    return sql + " LIMIT 4";
}

}  // namespace placette::host
