// Which migrations make the crowdfunding schema in the DB tests: the section's own files and the
// ones that change its tables under another name (the pledges' index that the pledge statement
// names, the campaigns' word index that publishing and editing write). One place, so that a
// suite never runs on a schema production does not have.
#pragma once

#include <string_view>

namespace placette::testing {

inline bool CrowdfundingMigration(std::string_view name) {
    return name.find("crowdfunding") != std::string_view::npos ||
           name == "0008_pledge_backer_total.sql" || name == "0010_campaign_words.sql";
}

}  // namespace placette::testing
