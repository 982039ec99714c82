// Pure validation of what citizens type into crowdfunding forms: each parser returns the typed
// input, or nullopt with one translated message per bad field that names the limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fcgi/form.h"
#include "plugin/core/forms.h"
#include "plugin/crowdfunding/model.h"
#include "plugin/crowdfunding/text.h"

namespace placette::crowdfunding {

struct Draft {
    std::string title, summary, description, neighbourhood, theme, place, latitude, longitude;
    std::int64_t goal = 0;
    FundingModel model = FundingModel::kAllOrNothing;
    int duration_days = 0;
};

struct RewardInput {
    std::string title, description, delivery;
    std::int64_t min_amount = 0;
    std::optional<std::int64_t> limit;
};

struct NeedInput {
    NeedKind kind = NeedKind::kOther;
    std::string title, description;
    std::int64_t quantity = 1;
    std::string needed_from, needed_until;  // YYYY-MM-DD or both empty; "until" defaults to "from"
};

struct OfferInput {
    std::string message;
    std::int64_t quantity = 1;
    std::string link_type;  // "" or the type of one of the citizen's listings ("skill", "item")
    std::int64_t link_id = 0;
};

struct UpdateInput {
    std::string title, body;
};

struct PledgeInput {
    std::optional<std::int64_t> reward_id;
    std::optional<std::int64_t> amount;  // nullopt: the chosen reward's minimum
    bool anonymous = false;
    std::string message;
    std::string token;
};

// Limits on text fields (code points).
inline constexpr std::size_t kTitleMax = 120, kSummaryMax = 300, kDescriptionMax = 20000,
                             kShortTextMax = 2000, kPlaceMax = 160, kPledgeMessageMax = 500;

// `frozen`: the campaign is live, so goal, funding model and duration are not read.
std::optional<Draft> ParseDraft(const http::Form& f, const Rules& rules, const Texts& tx,
                                bool frozen, core::FieldErrors& errors);
// `today` is YYYY-MM-DD; an estimated delivery before it is refused.
std::optional<RewardInput> ParseReward(const http::Form& f, const Rules& rules, const Texts& tx,
                                       const std::string& today, core::FieldErrors& errors);
// `today` is YYYY-MM-DD: optional dates (from, until) before it are refused, as is an until
// before the from or without it.
std::optional<NeedInput> ParseNeed(const http::Form& f, const Texts& tx, const std::string& today,
                                   core::FieldErrors& errors);
std::optional<OfferInput> ParseOffer(const http::Form& f, const Texts& tx,
                                     core::FieldErrors& errors);
std::optional<UpdateInput> ParseUpdate(const http::Form& f, const Texts& tx,
                                       core::FieldErrors& errors);
// A required free-text reason in `field` (changes requested, rejection, cancellation).
std::optional<std::string> ParseReason(const http::Form& f, const std::string& field,
                                       const Texts& tx, core::FieldErrors& errors);
// The token must be 32 hex characters (the handler answers 400 otherwise, see IsPledgeToken).
std::optional<PledgeInput> ParsePledge(const http::Form& f, const Rules& rules, const Texts& tx,
                                       core::FieldErrors& errors);
bool IsPledgeToken(std::string_view token);

// An amount field: required unless `optional`; "12.505", letters, negatives → a message.
std::optional<std::int64_t> ParseAmountField(const http::Form& f, const std::string& field,
                                             const Rules& rules, const Texts& tx, bool optional,
                                             core::FieldErrors& errors);

}  // namespace placette::crowdfunding
