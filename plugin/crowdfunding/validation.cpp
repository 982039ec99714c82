// Form parsing for campaigns, rewards, needs, offers, updates, reasons and pledges. Every
// message comes from the catalog (cf.error.*) and names the limit that was not met.
#include "plugin/crowdfunding/validation.h"

#include <charconv>

#include "plugin/core/money.h"

namespace placette::crowdfunding {

namespace {
using core::FieldErrors;

std::string Trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// Reads a text field into `out`; false (with a message) when it is unreadable, missing or too long.
bool Text(const http::Form& f, const std::string& name, std::size_t max, const char* required_key,
          const Texts& tx, FieldErrors& errors, std::string& out) {
    out = Trim(f.GetOr(name));
    if (!IsCleanUtf8(out)) {
        errors.Add(name, tx.T("cf.error.encoding"));
        return false;
    }
    if (out.empty() && required_key != nullptr) {
        errors.Add(name, tx.T(required_key));
        return false;
    }
    if (Utf8Length(out) > max) {
        errors.Add(name, tx.F("cf.error.too_long", {{"max", std::to_string(max)}}));
        return false;
    }
    return true;
}

std::optional<std::int64_t> WholeNumber(std::string_view text) {
    std::string t = Trim(text);
    if (t.empty() || t.size() > 12) return std::nullopt;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || p != t.data() + t.size() || v < 0) return std::nullopt;
    return v;
}

// A count between min and max, with a message naming both otherwise.
std::optional<std::int64_t> Count(const http::Form& f, const std::string& name, std::int64_t min,
                                  std::int64_t max, const char* key, const Texts& tx,
                                  FieldErrors& errors) {
    auto v = WholeNumber(f.GetOr(name));
    if (!v || *v < min || *v > max) {
        errors.Add(name, tx.F(key, {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
        return std::nullopt;
    }
    return v;
}

// "45.75", "-1,5" → "45.75", "-1.5" when within ±limit with at most 6 decimals; else nullopt.
std::optional<std::string> Coordinate(std::string text, int limit) {
    for (char& c : text) {
        if (c == ',') c = '.';
    }
    std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    std::size_t dot = text.find('.');
    std::string whole = text.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
    std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
    auto digits = [](const std::string& s) {
        for (char c : s) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    };
    if (whole.empty() || whole.size() > 3 || !digits(whole) || !digits(frac) || frac.size() > 6) {
        return std::nullopt;
    }
    int w = std::stoi(whole);
    bool frac_zero = frac.find_first_not_of('0') == std::string::npos;
    if (w > limit || (w == limit && !frac_zero)) return std::nullopt;
    if (text[0] == '+') text.erase(0, 1);
    return text;
}

void ParseLocation(const http::Form& f, const Texts& tx, FieldErrors& errors, Draft& d) {
    Text(f, "place", kPlaceMax, nullptr, tx, errors, d.place);
    std::string lat = Trim(f.GetOr("latitude")), lon = Trim(f.GetOr("longitude"));
    if (lat.empty() && lon.empty()) return;
    auto la = Coordinate(lat, 90);
    auto lo = Coordinate(lon, 180);
    if (!la) errors.Add("latitude", tx.T("cf.error.latitude"));
    if (!lo) errors.Add("longitude", tx.T("cf.error.longitude"));
    if (la && lo) {
        d.latitude = *la;
        d.longitude = *lo;
    }
}

void ParseFrozenFields(const http::Form& f, const Rules& rules, const Texts& tx,
                       FieldErrors& errors, Draft& d) {
    if (auto goal = ParseAmountField(f, "goal", rules, tx, false, errors)) {
        if (*goal < rules.min_goal || *goal > rules.max_goal) {
            errors.Add("goal", tx.F("cf.error.goal_range",
                                    {{"min", tx.Money(rules.min_goal, rules.currency)},
                                     {"max", tx.Money(rules.max_goal, rules.currency)}}));
        } else {
            d.goal = *goal;
        }
    }
    if (auto m = ParseFundingModel(f.GetOr("funding_model"))) {
        d.model = *m;
    } else {
        errors.Add("funding_model", tx.T("cf.error.funding_model"));
    }
    if (auto days = Count(f, "duration_days", rules.min_days, rules.max_days, "cf.error.duration",
                          tx, errors)) {
        d.duration_days = static_cast<int>(*days);
    }
}
// Optional "needed_from" / "needed_until": both empty, or a from (today or later) and an until
// on or after it; an empty until means the same day.
void ParseNeedDates(const http::Form& f, const Texts& tx, const std::string& today,
                    FieldErrors& errors, NeedInput& n) {
    const std::string from = Trim(f.GetOr("needed_from")), until = Trim(f.GetOr("needed_until"));
    bool from_ok = false, until_ok = false;
    if (!from.empty() && !IsValidIsoDate(from)) {
        errors.Add("needed_from", tx.T("cf.error.date_invalid"));
    } else if (!from.empty() && from < today) {
        errors.Add("needed_from", tx.F("cf.error.need_date_past", {{"today", tx.IsoDate(today)}}));
    } else {
        from_ok = !from.empty();
    }
    if (!until.empty() && !IsValidIsoDate(until)) {
        errors.Add("needed_until", tx.T("cf.error.date_invalid"));
    } else if (!until.empty() && from.empty()) {
        errors.Add("needed_from", tx.T("cf.error.need_from_missing"));
    } else if (!until.empty() && until < today) {
        errors.Add("needed_until", tx.F("cf.error.need_date_past", {{"today", tx.IsoDate(today)}}));
    } else {
        until_ok = !until.empty();
    }
    if (from_ok && until_ok && until < from) {
        errors.Add("needed_until",
                   tx.F("cf.error.need_until_before_from", {{"from", tx.IsoDate(from)}}));
        return;
    }
    if (!from_ok) return;
    n.needed_from = from;
    n.needed_until = until_ok ? until : from;
}
}  // namespace

bool IsPledgeToken(std::string_view token) {
    if (token.size() != 32) return false;
    for (char c : token) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::optional<std::int64_t> ParseAmountField(const http::Form& f, const std::string& field,
                                             const Rules& rules, const Texts& tx, bool optional,
                                             FieldErrors& errors) {
    std::string text = Trim(f.GetOr(field));
    if (text.empty()) {
        if (!optional) errors.Add(field, tx.T("cf.error.amount_required"));
        return std::nullopt;
    }
    auto money = IsCleanUtf8(text) ? core::ParseMoney(text, rules.currency) : std::nullopt;
    if (!money) {
        if (Utf8Length(text) > 24 || !IsCleanUtf8(text)) text = "…";
        errors.Add(field, tx.F("cf.error.amount_invalid", {{"value", text}}));
        return std::nullopt;
    }
    return money->minor;
}

std::optional<Draft> ParseDraft(const http::Form& f, const Rules& rules, const Texts& tx,
                                bool frozen, FieldErrors& errors) {
    Draft d;
    Text(f, "title", kTitleMax, "cf.error.title_required", tx, errors, d.title);
    Text(f, "summary", kSummaryMax, "cf.error.summary_required", tx, errors, d.summary);
    Text(f, "description", kDescriptionMax, "cf.error.description_required", tx, errors,
         d.description);
    d.neighbourhood = f.GetOr("neighbourhood");
    if (!Contains(rules.neighbourhoods, d.neighbourhood)) {
        errors.Add("neighbourhood", tx.T("cf.error.neighbourhood"));
    }
    d.theme = f.GetOr("theme");
    if (!Contains(rules.themes, d.theme)) errors.Add("theme", tx.T("cf.error.theme"));
    if (!frozen) ParseFrozenFields(f, rules, tx, errors, d);
    ParseLocation(f, tx, errors, d);
    if (!errors.empty()) return std::nullopt;
    return d;
}

std::optional<RewardInput> ParseReward(const http::Form& f, const Rules& rules, const Texts& tx,
                                       const std::string& today, FieldErrors& errors) {
    RewardInput r;
    Text(f, "title", kTitleMax, "cf.error.reward_title_required", tx, errors, r.title);
    Text(f, "description", kShortTextMax, nullptr, tx, errors, r.description);
    if (auto min = ParseAmountField(f, "min_amount", rules, tx, false, errors)) {
        if (*min < rules.min_pledge || *min > rules.max_per_citizen) {
            errors.Add("min_amount",
                       tx.F("cf.error.reward_min_range",
                            {{"min", tx.Money(rules.min_pledge, rules.currency)},
                             {"max", tx.Money(rules.max_per_citizen, rules.currency)}}));
        } else {
            r.min_amount = *min;
        }
    }
    if (!Trim(f.GetOr("limit")).empty()) {
        r.limit = Count(f, "limit", 1, 100000, "cf.error.reward_limit", tx, errors);
    }
    r.delivery = Trim(f.GetOr("delivery"));
    if (!r.delivery.empty()) {
        if (!IsValidIsoDate(r.delivery)) {
            errors.Add("delivery", tx.T("cf.error.date_invalid"));
        } else if (r.delivery < today) {
            errors.Add("delivery", tx.F("cf.error.date_past", {{"today", tx.IsoDate(today)}}));
        }
    }
    if (!errors.empty()) return std::nullopt;
    return r;
}

std::optional<NeedInput> ParseNeed(const http::Form& f, const Texts& tx, const std::string& today,
                                   FieldErrors& errors) {
    NeedInput n;
    if (auto k = ParseNeedKind(f.GetOr("kind"))) {
        n.kind = *k;
    } else {
        errors.Add("kind", tx.T("cf.error.need_kind"));
    }
    Text(f, "title", kTitleMax, "cf.error.need_title_required", tx, errors, n.title);
    Text(f, "description", kShortTextMax, nullptr, tx, errors, n.description);
    if (auto q = Count(f, "quantity", 1, 10000, "cf.error.quantity", tx, errors)) n.quantity = *q;
    ParseNeedDates(f, tx, today, errors, n);
    if (!errors.empty()) return std::nullopt;
    return n;
}

std::optional<OfferInput> ParseOffer(const http::Form& f, const Texts& tx, FieldErrors& errors) {
    OfferInput o;
    Text(f, "message", kShortTextMax, "cf.error.offer_message_required", tx, errors, o.message);
    if (auto q = Count(f, "quantity", 1, 10000, "cf.error.quantity", tx, errors)) o.quantity = *q;
    // "type:id" of one of the citizen's listings; the service checks that it is theirs.
    const std::string link = f.GetOr("link");
    if (const auto colon = link.find(':'); !link.empty()) {
        auto id = colon == std::string::npos ? std::nullopt : WholeNumber(link.substr(colon + 1));
        if (!id || *id <= 0 || colon == 0 || colon > 16) {
            errors.Add("link", tx.T("cf.error.link_unknown"));
        } else {
            o.link_type = link.substr(0, colon);
            o.link_id = *id;
        }
    }
    if (!errors.empty()) return std::nullopt;
    return o;
}

std::optional<UpdateInput> ParseUpdate(const http::Form& f, const Texts& tx, FieldErrors& errors) {
    UpdateInput u;
    Text(f, "update_title", kTitleMax, "cf.error.update_title_required", tx, errors, u.title);
    Text(f, "update_body", kDescriptionMax, "cf.error.update_body_required", tx, errors, u.body);
    if (!errors.empty()) return std::nullopt;
    return u;
}

std::optional<std::string> ParseReason(const http::Form& f, const std::string& field,
                                       const Texts& tx, FieldErrors& errors) {
    std::string reason;
    if (!Text(f, field, kShortTextMax, "cf.error.reason_required", tx, errors, reason))
        return std::nullopt;
    return reason;
}

std::optional<PledgeInput> ParsePledge(const http::Form& f, const Rules& rules, const Texts& tx,
                                       FieldErrors& errors) {
    PledgeInput p;
    p.token = f.GetOr("token");
    std::string reward = f.GetOr("reward");
    if (!reward.empty() && reward != "none") {
        p.reward_id = WholeNumber(reward);
        if (!p.reward_id || *p.reward_id <= 0)
            errors.Add("reward", tx.T("cf.error.reward_unknown"));
    }
    // Without a reward the amount is required; with one, empty means the reward's minimum.
    p.amount = ParseAmountField(f, "amount", rules, tx, p.reward_id.has_value(), errors);
    if (p.amount && *p.amount <= 0) errors.Add("amount", tx.T("cf.error.amount_required"));
    p.anonymous = f.GetOr("anonymous") == "1";
    Text(f, "message", kPledgeMessageMax, nullptr, tx, errors, p.message);
    if (!errors.empty()) return std::nullopt;
    return p;
}

}  // namespace placette::crowdfunding
