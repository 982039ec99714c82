// Item rules: create/edit with an optional re-encoded photo (checked before any write), state
// changes, give/swap completion with a partner, expiry, and the calendar check.
#include "plugin/exchange/service.h"

#include "plugin/core/clock.h"
#include "plugin/core/read_cache.h"

namespace placette::exchange {

namespace {
using core::db::Connection;

Result Fail(Outcome o, std::string key = "") {
    Result r;
    r.outcome = o;
    r.message_key = std::move(key);
    return r;
}

Result Ok(std::int64_t id) {
    Result r;
    r.id = id;
    return r;
}

std::string ItemPath(std::int64_t id) { return "/exchange/" + std::to_string(id); }

// Re-encodes the upload when there is one; adds a "photo" problem when it cannot be used.
std::optional<Photo> CheckPhoto(const Upload& up, const Settings& s, Problems& p) {
    if (up.data.empty()) return std::nullopt;
    Photo photo = ProcessPhoto(up.data, s.max_photo_bytes, s.photo_max_side);
    if (photo.error != PhotoError::kNone) {
        p.emplace_back("photo", PhotoProblemKey(photo.error));
        return std::nullopt;
    }
    return photo;
}

void StorePhoto(Connection& c, std::int64_t id, const std::optional<Photo>& photo, bool remove,
                std::int64_t now) {
    if (photo) {
        repo::SavePhoto(c, id, photo->content_type, photo->width, photo->height, photo->bytes, now);
    } else if (remove) {
        repo::DeletePhoto(c, id);
    }
}
}  // namespace

std::string PhotoProblemKey(PhotoError e) {
    switch (e) {
        case PhotoError::kTooLarge:
            return "exchange.error.photo_too_large";
        case PhotoError::kNotImage:
            return "exchange.error.photo_type";
        case PhotoError::kTooManyPixels:
            return "exchange.error.photo_pixels";
        case PhotoError::kUndecodable:
            return "exchange.error.photo_broken";
        case PhotoError::kNone:
            break;
    }
    return "";
}

Result Service::Create(const core::Viewer& who, const RawItem& raw, const Upload& upload) {
    ItemInput in;
    Problems p = ValidateItem(raw, settings_, in);
    std::optional<Photo> photo = CheckPhoto(upload, settings_, p);
    if (!p.empty()) return Result{Outcome::kInvalid, 0, std::move(p), ""};
    const std::int64_t now = core::NowSeconds();
    std::int64_t id = core::db::RunInTransaction(pool_, [&](Connection& c) {
        core::links::RememberPerson(c, who);
        std::int64_t item =
            repo::InsertItem(c, who.user_id, in, now, now + settings_.listing_days * 86400);
        StorePhoto(c, item, photo, false, now);
        return item;
    });
    return Ok(id);
}

Result Service::Update(const core::Viewer& who, std::int64_t id, const RawItem& raw,
                       const Upload& upload) {
    ItemInput in;
    Problems p = ValidateItem(raw, settings_, in);
    std::optional<Photo> photo = CheckPhoto(upload, settings_, p);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto item = repo::FindItem(c, id, true);
        if (!item) return Fail(Outcome::kNotFound);
        if (item->owner_id != who.user_id)
            return Fail(Outcome::kForbidden, "exchange.error.not_owner");
        if (item->status == Status::kClosed || item->status == Status::kDone) {
            return Fail(Outcome::kConflict, "exchange.error.closed");
        }
        if (!p.empty()) return Result{Outcome::kInvalid, id, p, ""};
        if (item->kind == Kind::kLend && in.kind != Kind::kLend) {
            return Fail(Outcome::kConflict, "exchange.error.kind_locked");
        }
        const std::int64_t now = core::NowSeconds();
        core::links::RememberPerson(c, who);
        repo::UpdateItem(c, id, in, now);
        StorePhoto(c, id, photo, upload.remove, now);
        return Ok(id);
    });
}

Result Service::Act(const core::Viewer& who, std::int64_t id, Action action) {
    if (action == Action::kExpire || action == Action::kDone) return Fail(Outcome::kForbidden);
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto item = repo::FindItem(c, id, true);
        if (!item) return Fail(Outcome::kNotFound);
        const bool staff_close = action == Action::kClose && who.is_staff();
        if (item->owner_id != who.user_id && !staff_close) {
            return Fail(Outcome::kForbidden, "exchange.error.not_owner");
        }
        auto next = Transition(item->kind, item->status, action);
        if (!next) return Fail(Outcome::kConflict, "exchange.error.transition");
        const std::int64_t now = core::NowSeconds();
        if (action == Action::kRenew) {
            repo::Renew(c, id, now, now + settings_.listing_days * 86400);
        } else {
            repo::SetStatus(c, id, *next, now);
        }
        return Ok(id);
    });
}

Result Service::Done(const core::Viewer& who, std::int64_t id, std::int64_t partner) {
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto item = repo::FindItem(c, id, true);
        if (!item) return Fail(Outcome::kNotFound);
        if (item->owner_id != who.user_id)
            return Fail(Outcome::kForbidden, "exchange.error.not_owner");
        if (!Transition(item->kind, item->status, Action::kDone)) {
            return Fail(Outcome::kConflict, "exchange.error.transition");
        }
        bool known = false;
        for (const auto& [user, name] : core::links::Correspondents(c, "item", id, who.user_id)) {
            known = known || user == partner;
        }
        if (!known)
            return Result{Outcome::kInvalid, id, {{"partner", "exchange.error.partner"}}, ""};
        repo::MarkDone(c, id, partner, core::NowSeconds());
        core::links::Notify(c, {partner, "item_done", item->title, ItemPath(id), ""});
        return Ok(id);
    });
}

std::optional<Item> Service::Get(std::int64_t id) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FindItem(c, id); });
}

std::vector<Item> Service::Search(const repo::Filter& f, std::int64_t before, int limit) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return repo::ListActive(c, f, before, limit); });
}

std::shared_ptr<const Found> Service::SearchShared(const repo::Filter& f, std::int64_t before,
                                                   int limit) {
    // Dropped on any write of this process (core/read_cache.h): a listing's page shows its
    // owner's name and state, which other sections' writes may change too.
    static core::ReadCache<std::string, Found> cache(64, core::Dropped::kOnAnyWrite);
    std::string key;
    for (std::string_view v : std::initializer_list<std::string_view>{
             f.kind, f.category, f.neighbourhood, f.search.fulltext, f.search.pattern})
        core::AddKeyField(key, v);
    for (const std::string& w : f.search.folded) core::AddKeyField(key, w);
    core::AddKeyField(key, std::to_string(before));
    core::AddKeyField(key, std::to_string(limit));
    return cache.Get(key, [&] { return std::optional<Found>(Found{Search(f, before, limit)}); });
}

std::vector<Item> Service::OfOwner(std::int64_t owner, bool only_active, int limit) {
    return core::db::Run(
        pool_, [&](Connection& c) { return repo::ListByOwner(c, owner, only_active, limit); });
}

std::optional<repo::StoredPhoto> Service::PhotoOf(std::int64_t id) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FindPhoto(c, id); });
}

int Service::CheckCalendars(std::ostream& out) {
    return core::db::Run(pool_, [&](Connection& c) {
        int problems = 0;
        for (const auto& [a, b] : repo::OverlappingLoans(c)) {
            out << "loan calendars: loans " << a << " and " << b << " of one item overlap\n";
            ++problems;
        }
        return problems;
    });
}

}  // namespace placette::exchange
