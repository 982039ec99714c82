// Community demo data: the demo citizens, one conversation and feedback on completed exchanges.
#include "plugin/community/demo.h"

#include "plugin/community/service.h"

namespace placette::community {

namespace {
bool ValidPrefix(const std::string& p) {
    if (p.empty() || p.size() > 32) return false;
    for (char c : p) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

core::Viewer Person(std::int64_t id, std::string login, std::string name) {
    core::Viewer v;
    v.user_id = id;
    v.login = std::move(login);
    v.display_name = std::move(name);
    return v;
}
}  // namespace

std::vector<core::Viewer> DemoPeople(core::db::Pool& pool, const core::Config& config) {
    std::vector<core::Viewer> people = {
        Person(3, "alice", "Alice Martin"), Person(4, "bruno", "Bruno Petit"),
        Person(5, "chloe", "Chloé Durand"), Person(1, "maire", "Anne Maire")};
    const std::string prefix = config.ini.GetOr("host", "table_prefix", "wp_");
    if (!ValidPrefix(prefix)) return people;
    // The table name comes from the configuration (checked above), never from input.
    const std::string sql = "SELECT ID, display_name FROM " + prefix + "users WHERE user_login = ?";
    try {
        core::db::Run(pool, [&](core::db::Connection& c) {
            for (core::Viewer& p : people) {
                auto r = c.Execute("community.demo_user", sql, {p.login});
                if (r.empty()) continue;
                p.user_id = r.rows[0].Int(0);
                p.display_name = r.rows[0].Str(1);
            }
            return 0;
        });
    } catch (const core::db::DbError&) {
        // Another host: keep the fixed ids.
    }
    return people;
}

void LoadDemo(core::db::Pool& pool, const std::vector<core::Viewer>& people,
              const std::pair<std::string, std::int64_t>& talk,
              const std::vector<std::pair<std::string, std::int64_t>>& completed,
              std::ostream& out) {
    Service svc(pool);
    int messages = 0, feedback = 0;
    if (talk.second != 0 && svc.List(people.at(1).user_id, 1).empty()) {
        Result r = svc.Start(
            people.at(1), talk.first, talk.second,
            "Bonjour ! Votre annonce m'intéresse : seriez-vous disponible la semaine prochaine ?");
        if (r.outcome == Outcome::kOk) {
            svc.Post(people.at(0), r.id, "Avec plaisir, mardi à 18 h chez moi ?");
            messages = 2;
        }
    }
    for (const auto& [type, id] : completed) {
        for (const core::Viewer& who : people) {
            if (id != 0 && svc.FeedbackFor(who, type, id).outcome == Outcome::kOk &&
                svc.LeaveFeedback(who, type, id, "Très bon échange, merci et à bientôt !")
                        .outcome == Outcome::kOk) {
                ++feedback;
            }
        }
    }
    out << "community demo: " << messages << " message(s), " << feedback << " feedback\n";
}

}  // namespace placette::community
