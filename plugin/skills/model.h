// Skill listings and time-bank exchanges: plain structs, their states and allowed transitions,
// the section's settings, and pure validation of what a citizen submitted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plugin/core/choices.h"
#include "plugin/core/config.h"
#include "plugin/skills/minutes.h"

namespace placette::skills {

enum class Kind { kOffer, kRequest };
enum class Mode { kFree, kTimeBank };
enum class Status { kActive, kPaused, kExpired, kClosed };
enum class Action { kPause, kResume, kRenew, kClose, kExpire };
enum class ExchangeStatus { kProposed, kDone, kCancelled };

std::string_view ToString(Kind k);
std::string_view ToString(Mode m);
std::string_view ToString(Status s);
std::string_view ToString(Action a);
std::string_view ToString(ExchangeStatus s);
std::optional<Kind> ParseKind(std::string_view s);
std::optional<Mode> ParseMode(std::string_view s);
std::optional<Status> ParseStatus(std::string_view s);
std::optional<Action> ParseAction(std::string_view s);
std::optional<ExchangeStatus> ParseExchangeStatus(std::string_view s);

// The state a listing moves to, or nullopt when `a` is not allowed from `from`.
//   active ─pause→ paused ─resume→ active; active|paused|expired ─renew→ active (new expiry);
//   active|paused ─expire→ expired (tick); anything but closed ─close→ closed (final).
std::optional<Status> Transition(Status from, Action a);
// Actions the owner can take from `s` (expire is the tick's, never offered).
std::vector<Action> OwnerActions(Status s);

struct Settings {
    std::int64_t listing_days = 60;
    Minutes floor = Minutes(-600);  // lowest balance a transfer may leave
    std::vector<core::Choice> categories;
    std::vector<core::Choice> neighbourhoods;
    // Reads [skills] listing_days, time_bank_floor_minutes, categories, neighbourhoods (the last
    // falls back to [site] neighbourhoods). Throws ConfigError.
    static Settings FromIni(const core::Ini& ini);
};

struct Listing {
    std::int64_t id = 0;
    std::int64_t owner_id = 0;
    std::string owner_name;
    Kind kind = Kind::kOffer;
    std::string title;
    std::string description;
    std::string category;
    std::string neighbourhood;
    std::string availability;
    Mode mode = Mode::kFree;
    Status status = Status::kActive;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

// What the form sent, checked: fields hold trimmed text.
struct ListingInput {
    Kind kind = Kind::kOffer;
    std::string title;
    std::string description;
    std::string category;
    std::string neighbourhood;
    std::string availability;
    Mode mode = Mode::kFree;
};

// (field, catalog key) pairs, in form order.
using Problems = std::vector<std::pair<std::string, std::string>>;

struct RawListing {
    std::string kind, title, description, category, neighbourhood, availability, mode;
};
// Validates the submitted fields; fills `out` when there is no problem.
Problems ValidateListing(const RawListing& raw, const Settings& settings, ListingInput& out);

// Giver and receiver of an exchange on a listing: the offer's owner gives, a request's owner
// receives; the other party is the citizen who answered.
struct Parties {
    std::int64_t giver = 0;
    std::int64_t receiver = 0;
};
Parties ExchangeParties(Kind listing_kind, std::int64_t owner_id, std::int64_t partner_id);

struct Exchange {
    std::int64_t id = 0;
    std::int64_t listing_id = 0;
    std::string listing_title;
    std::int64_t giver_id = 0;
    std::int64_t receiver_id = 0;
    std::int64_t proposer_id = 0;
    std::string giver_name;
    std::string receiver_name;
    Mode mode = Mode::kFree;
    Minutes minutes;
    std::string note;
    ExchangeStatus status = ExchangeStatus::kProposed;
    bool giver_confirmed = false;
    bool receiver_confirmed = false;
    std::int64_t created_at = 0;
};

}  // namespace placette::skills
