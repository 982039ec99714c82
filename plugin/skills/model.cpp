// Names of the skills section's states, the listing state machine, settings and validation.
#include "plugin/skills/model.h"

#include <array>

#include "plugin/core/text.h"

namespace placette::skills {

namespace {
template <typename E, std::size_t N>
std::optional<E> FromName(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) {
    for (const auto& [value, name] : table) {
        if (name == s) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view ToName(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [value, name] : table) {
        if (value == e) return name;
    }
    return "";
}

constexpr std::array<std::pair<Kind, std::string_view>, 2> kKinds{
    {{Kind::kOffer, "offer"}, {Kind::kRequest, "request"}}};
constexpr std::array<std::pair<Mode, std::string_view>, 2> kModes{
    {{Mode::kFree, "free"}, {Mode::kTimeBank, "time_bank"}}};
constexpr std::array<std::pair<Status, std::string_view>, 4> kStatuses{
    {{Status::kActive, "active"},
     {Status::kPaused, "paused"},
     {Status::kExpired, "expired"},
     {Status::kClosed, "closed"}}};
constexpr std::array<std::pair<Action, std::string_view>, 5> kActions{
    {{Action::kPause, "pause"},
     {Action::kResume, "resume"},
     {Action::kRenew, "renew"},
     {Action::kClose, "close"},
     {Action::kExpire, "expire"}}};
constexpr std::array<std::pair<ExchangeStatus, std::string_view>, 3> kExchangeStatuses{
    {{ExchangeStatus::kProposed, "proposed"},
     {ExchangeStatus::kDone, "done"},
     {ExchangeStatus::kCancelled, "cancelled"}}};

constexpr const char* kDefaultCategories =
    "diy; gardening; computing; cooking; languages; tutoring; paperwork; music; sewing; "
    "repairs; company; other";
constexpr const char* kDefaultNeighbourhoods =
    "centre:Centre-ville; gare:Quartier de la gare; forges:Les Forges; coteaux:Les Coteaux; "
    "hameaux:Les hameaux";

// Checks one text field: required or not, maximum length, valid text.
void CheckText(Problems& p, const std::string& field, const std::string& value, std::size_t max,
               bool required, bool multiline) {
    auto len = core::TextLength(value, multiline);
    if (!len) {
        p.emplace_back(field, "skills.error.text_invalid");
    } else if (required && *len == 0) {
        p.emplace_back(field, "skills.error." + field + "_empty");
    } else if (*len > max) {
        p.emplace_back(field, "skills.error." + field + "_long");
    }
}
}  // namespace

std::string_view ToString(Kind k) { return ToName(kKinds, k); }
std::string_view ToString(Mode m) { return ToName(kModes, m); }
std::string_view ToString(Status s) { return ToName(kStatuses, s); }
std::string_view ToString(Action a) { return ToName(kActions, a); }
std::string_view ToString(ExchangeStatus s) { return ToName(kExchangeStatuses, s); }
std::optional<Kind> ParseKind(std::string_view s) { return FromName(kKinds, s); }
std::optional<Mode> ParseMode(std::string_view s) { return FromName(kModes, s); }
std::optional<Status> ParseStatus(std::string_view s) { return FromName(kStatuses, s); }
std::optional<Action> ParseAction(std::string_view s) { return FromName(kActions, s); }
std::optional<ExchangeStatus> ParseExchangeStatus(std::string_view s) {
    return FromName(kExchangeStatuses, s);
}

std::optional<Status> Transition(Status from, Action a) {
    switch (a) {
        case Action::kPause:
            return from == Status::kActive ? std::optional(Status::kPaused) : std::nullopt;
        case Action::kResume:
            return from == Status::kPaused ? std::optional(Status::kActive) : std::nullopt;
        case Action::kRenew:
            return from != Status::kClosed ? std::optional(Status::kActive) : std::nullopt;
        case Action::kExpire:
            return from == Status::kActive || from == Status::kPaused
                       ? std::optional(Status::kExpired)
                       : std::nullopt;
        case Action::kClose:
            return from != Status::kClosed ? std::optional(Status::kClosed) : std::nullopt;
    }
    return std::nullopt;
}

std::vector<Action> OwnerActions(Status s) {
    std::vector<Action> out;
    for (Action a : {Action::kPause, Action::kResume, Action::kRenew, Action::kClose}) {
        if (Transition(s, a)) out.push_back(a);
    }
    return out;
}

Settings Settings::FromIni(const core::Ini& ini) {
    Settings s;
    s.listing_days = ini.GetInt("skills", "listing_days", 60, 1, 3650);
    s.floor = Minutes(ini.GetInt("skills", "time_bank_floor_minutes", -600, -100000, 0));
    s.categories = core::ChoicesFromConfig(ini, "skills", "categories", "", kDefaultCategories);
    s.neighbourhoods =
        core::ChoicesFromConfig(ini, "skills", "neighbourhoods", "site", kDefaultNeighbourhoods);
    return s;
}

Problems ValidateListing(const RawListing& raw, const Settings& settings, ListingInput& out) {
    Problems p;
    auto kind = ParseKind(raw.kind);
    if (!kind) p.emplace_back("kind", "skills.error.kind");
    ListingInput in;
    in.title = core::Trim(raw.title);
    in.description = core::Trim(raw.description);
    in.availability = core::Trim(raw.availability);
    CheckText(p, "title", in.title, 150, true, false);
    CheckText(p, "description", in.description, 5000, true, true);
    if (!core::HasChoice(settings.categories, raw.category)) {
        p.emplace_back("category", "skills.error.category");
    }
    if (!core::HasChoice(settings.neighbourhoods, raw.neighbourhood)) {
        p.emplace_back("neighbourhood", "skills.error.neighbourhood");
    }
    CheckText(p, "availability", in.availability, 250, false, false);
    auto mode = ParseMode(raw.mode);
    if (!mode) p.emplace_back("mode", "skills.error.mode");
    if (!p.empty()) return p;
    in.kind = *kind;
    in.mode = *mode;
    in.category = raw.category;
    in.neighbourhood = raw.neighbourhood;
    out = std::move(in);
    return p;
}

Parties ExchangeParties(Kind listing_kind, std::int64_t owner_id, std::int64_t partner_id) {
    if (listing_kind == Kind::kOffer) return Parties{owner_id, partner_id};
    return Parties{partner_id, owner_id};
}

}  // namespace placette::skills
