// The sample campaigns of placette-admin demo-data, as plain data: who runs them, their rewards,
// needs, pledges and offers, and how far each goes (draft … realised).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "plugin/crowdfunding/model.h"

namespace placette::crowdfunding::demo {

// People are indexes: 0 alice, 1 bruno, 2 chloe, 3 maire (staff).
enum class Fate {
    kDraft,
    kSubmitted,
    kChangesRequested,
    kRejected,
    kLive,
    kSucceeded,
    kFailed,
    kCancelled,
    kRealised
};

struct Reward {
    const char* title;
    const char* description;
    std::int64_t min;
    std::optional<std::int64_t> limit;
};
struct Need {
    NeedKind kind;
    const char* title;
    const char* description;
    std::int64_t quantity;
    int from_day, until_day;  // needed from today + from_day to today + until_day; 0, 0: undated
};
struct Pledge {
    int backer;
    int reward;           // index in rewards, -1 for none
    std::int64_t amount;  // 0: the reward's minimum
    bool anonymous;
    const char* message;
    bool paid;
};
struct Offer {
    int backer;
    int need;
    const char* message;
    std::int64_t quantity;
    bool accepted;
};
struct Campaign {
    int owner;
    const char* title;
    const char* summary;
    const char* description;
    const char* theme;
    const char* neighbourhood;
    const char* place;
    std::int64_t goal;
    FundingModel model;
    int days;
    Fate fate;
    std::int64_t started_days_ago;
    bool featured;
    const char* review;  // staff message (changes, rejection) or cancellation reason
    const char* update_title;
    const char* update_body;
    std::vector<Reward> rewards;
    std::vector<Need> needs;
    std::vector<Pledge> pledges;
    std::vector<Offer> offers;
};

const std::vector<Campaign>& Campaigns();

}  // namespace placette::crowdfunding::demo
