// core/links::Notify with the failure policy of a side note: logged, never fatal to the command
// (MariaDB rolls back the failed statement only, the transaction goes on).
#include "plugin/crowdfunding/notices.h"

#include "plugin/core/links.h"
#include "plugin/core/log.h"

namespace placette::crowdfunding {

void Tell(core::db::Connection& c, std::int64_t user_id, const std::string& kind,
          const std::string& title, const std::string& path, const std::string& dedupe_key) {
    try {
        core::links::Notify(c, core::links::Notice{user_id, kind, title, path, dedupe_key});
    } catch (const core::db::DbError& e) {
        if (e.IsDeadlock() || e.IsConnectionLost()) throw;  // the transaction must run again
        core::LogWarn("msg=\"crowdfunding notice not recorded\" kind=" + kind + " what=\"" +
                      e.what() + "\"");
    }
}

}  // namespace placette::crowdfunding
