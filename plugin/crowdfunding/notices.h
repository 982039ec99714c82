// Notices crowdfunding leaves for citizens (decisions on their campaign, payments, refunds,
// offers of help) through core/links; texts are the catalog's community.notice.cf_* keys.
#pragma once

#include <cstdint>
#include <string>

#include "plugin/core/db.h"

namespace placette::crowdfunding {

// Records a notice for `user_id` inside the caller's transaction. A notifier that fails (e.g. the
// community tables are missing) is logged and ignored: a notice never undoes a money movement.
void Tell(core::db::Connection& c, std::int64_t user_id, const std::string& kind,
          const std::string& title, const std::string& path, const std::string& dedupe_key = "");

}  // namespace placette::crowdfunding
