// Community rules, each write in one re-runnable transaction.
#include "plugin/community/service.h"

#include <algorithm>

#include "plugin/core/clock.h"
#include "plugin/core/read_cache.h"
#include "plugin/core/text.h"

namespace placette::community {

namespace {
using core::db::Connection;
using core::links::SubjectInfo;

Result Fail(Outcome o, std::string key = "") {
    Result r;
    r.outcome = o;
    r.message_key = std::move(key);
    return r;
}

// Checks a message or feedback text; `prefix` names its catalog keys (_empty, _long).
std::vector<std::pair<std::string, std::string>> CheckBody(const std::string& field,
                                                           const std::string& body, std::size_t max,
                                                           const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> p;
    auto len = core::TextLength(body, true);
    if (!len) {
        p.emplace_back(field, "community.error.text_invalid");
    } else if (*len == 0) {
        p.emplace_back(field, prefix + "_empty");
    } else if (*len > max) {
        p.emplace_back(field, prefix + "_long");
    }
    return p;
}

Counterpart ResolveCounterpart(Connection& c, const core::Viewer& who, const std::string& type,
                               std::int64_t id) {
    Counterpart out;
    auto s = core::links::ResolveSubject(c, type, id);
    if (!s) {
        out.outcome = Outcome::kNotFound;
        return out;
    }
    out.subject = *s;
    if (s->parties.empty()) {
        if (s->owner_id == who.user_id) {
            out.outcome = Outcome::kForbidden;
            out.message_key = "community.error.own_subject";
        }
        out.other_id = s->owner_id;
        return out;
    }
    const bool party =
        std::find(s->parties.begin(), s->parties.end(), who.user_id) != s->parties.end();
    for (std::int64_t p : s->parties) {
        if (p != who.user_id) out.other_id = p;
    }
    if (!party || out.other_id == 0) {
        out.outcome = Outcome::kForbidden;
        out.message_key = "community.error.not_party";
    }
    return out;
}

// The conversation between the two about the subject, created when missing.
std::int64_t EnsureConversation(Connection& c, const std::string& type, std::int64_t id,
                                std::int64_t starter, std::int64_t other, std::int64_t now) {
    if (auto conv = repo::FindBetween(c, type, id, starter, other)) return conv->id;
    try {
        return repo::InsertConversation(c, type, id, starter, other, now);
    } catch (const core::db::DbError& e) {
        if (!e.IsDuplicateKey()) throw;
        return repo::FindBetween(c, type, id, starter, other).value().id;  // a parallel start won
    }
}

// Each signed-in page's header shows the unread count: kept per citizen for a moment
// (core/read_cache.h) and dropped whenever a message is written or read in this process.
core::ReadCache<std::int64_t, std::int64_t>& UnreadCache() {
    static core::ReadCache<std::int64_t, std::int64_t> cache(8192);
    return cache;
}
struct ForgetUnreadAfter {
    ~ForgetUnreadAfter() { UnreadCache().Clear(); }
};

void AddMessage(Connection& c, const repo::Conversation& conv, const core::Viewer& who,
                const std::string& body, const std::string& title, std::int64_t now) {
    std::int64_t mid = repo::InsertMessage(c, conv.id, who.user_id, body, now);
    repo::Touch(c, conv.id, now);
    repo::MarkRead(c, conv, who.user_id, mid);
    const std::int64_t other = conv.Other(who.user_id);
    const std::int64_t other_read =
        other == conv.starter_id ? conv.starter_read_id : conv.other_read_id;
    core::links::Notify(c,
                        {other, "message", title, "/conversations/" + std::to_string(conv.id),
                         "message:" + std::to_string(conv.id) + ":" + std::to_string(other_read)});
}
}  // namespace

Counterpart Service::CounterpartFor(const core::Viewer& who, const std::string& type,
                                    std::int64_t id) {
    if (!core::links::KnownSubjectType(type)) return Counterpart{Outcome::kNotFound, "", {}, 0};
    return core::db::Run(pool_,
                         [&](Connection& c) { return ResolveCounterpart(c, who, type, id); });
}

Result Service::Start(const core::Viewer& who, const std::string& type, std::int64_t id,
                      const std::string& raw_body) {
    if (!core::links::KnownSubjectType(type)) return Fail(Outcome::kNotFound);
    ForgetUnreadAfter forget;
    const std::string body = core::Trim(raw_body);
    auto problems = CheckBody("body", body, 5000, "community.error.message");
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        Counterpart cp = ResolveCounterpart(c, who, type, id);
        if (cp.outcome != Outcome::kOk) return Fail(cp.outcome, cp.message_key);
        if (!problems.empty()) return Result{Outcome::kInvalid, 0, problems, ""};
        const std::int64_t now = core::NowSeconds();
        core::links::RememberPerson(c, who);
        std::int64_t cid = EnsureConversation(c, type, id, who.user_id, cp.other_id, now);
        auto conv = repo::FindConversation(c, cid, true).value();
        AddMessage(c, conv, who, body, cp.subject.title, now);
        return Result{Outcome::kOk, cid, {}, ""};
    });
}

Result Service::Post(const core::Viewer& who, std::int64_t conversation,
                     const std::string& raw_body) {
    const std::string body = core::Trim(raw_body);
    auto problems = CheckBody("body", body, 5000, "community.error.message");
    ForgetUnreadAfter forget;
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        auto conv = repo::FindConversation(c, conversation, true);
        if (!conv) return Fail(Outcome::kNotFound);
        if (!conv->Has(who.user_id)) return Fail(Outcome::kForbidden, "community.error.not_party");
        if (!problems.empty()) return Result{Outcome::kInvalid, conversation, problems, ""};
        auto subject = core::links::ResolveSubject(c, conv->subject_type, conv->subject_id);
        core::links::RememberPerson(c, who);
        AddMessage(c, *conv, who, body, subject ? subject->title : "", core::NowSeconds());
        return Result{Outcome::kOk, conversation, {}, ""};
    });
}

std::optional<Thread> Service::Open(const core::Viewer& who, std::int64_t conversation,
                                    Outcome& outcome) {
    ForgetUnreadAfter forget;  // opening a thread marks it read
    return core::db::Run(pool_, [&](Connection& c) -> std::optional<Thread> {
        auto conv = repo::FindConversation(c, conversation);
        outcome = !conv                    ? Outcome::kNotFound
                  : conv->Has(who.user_id) ? Outcome::kOk
                                           : Outcome::kForbidden;
        if (outcome != Outcome::kOk) return std::nullopt;
        Thread t{*conv, {}, repo::Messages(c, conversation, 500)};
        if (auto s = core::links::ResolveSubject(c, conv->subject_type, conv->subject_id))
            t.subject = *s;
        if (!t.messages.empty()) repo::MarkRead(c, *conv, who.user_id, t.messages.back().id);
        return t;
    });
}

std::vector<repo::Conversation> Service::List(std::int64_t user, int limit) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return repo::ConversationsOf(c, user, limit); });
}

std::int64_t Service::Unread(std::int64_t user) {
    auto n = UnreadCache().Get(user, [&]() -> std::optional<std::int64_t> {
        return core::db::Run(pool_, [&](Connection& c) { return repo::UnreadMessages(c, user); });
    });
    return *n;
}

FeedbackTarget Service::FeedbackFor(const core::Viewer& who, const std::string& type,
                                    std::int64_t id) {
    FeedbackTarget t;
    if (!core::links::KnownSubjectType(type)) {
        t.outcome = Outcome::kNotFound;
        return t;
    }
    return core::db::Run(pool_, [&](Connection& c) {
        Counterpart cp = ResolveCounterpart(c, who, type, id);
        t.outcome = cp.outcome;
        t.message_key = cp.message_key;
        t.subject = cp.subject;
        t.about_id = cp.other_id;
        if (t.outcome != Outcome::kOk) return t;
        if (cp.subject.parties.empty() || !cp.subject.completed) {
            t.outcome = Outcome::kConflict;
            t.message_key = "community.error.not_completed";
        } else if (repo::HasFeedback(c, type, id, who.user_id)) {
            t.outcome = Outcome::kConflict;
            t.message_key = "community.error.feedback_twice";
        }
        t.about_name = repo::PersonName(c, t.about_id).value_or("");
        return t;
    });
}

Result Service::LeaveFeedback(const core::Viewer& who, const std::string& type, std::int64_t id,
                              const std::string& raw_body) {
    FeedbackTarget t = FeedbackFor(who, type, id);
    if (t.outcome != Outcome::kOk) return Fail(t.outcome, t.message_key);
    const std::string body = core::Trim(raw_body);
    auto problems = CheckBody("body", body, 500, "community.error.feedback");
    if (!problems.empty()) return Result{Outcome::kInvalid, 0, problems, ""};
    return core::db::RunInTransaction(pool_, [&](Connection& c) -> Result {
        core::links::RememberPerson(c, who);
        repo::Feedback f{0, type, id, who.user_id, "", t.about_id, body, 0};
        if (!repo::InsertFeedback(c, f, core::NowSeconds())) {
            return Fail(Outcome::kConflict, "community.error.feedback_twice");
        }
        core::links::Notify(c, {t.about_id, "feedback", t.subject.title,
                                "/people/" + std::to_string(t.about_id), ""});
        return Result{Outcome::kOk, t.about_id, {}, ""};
    });
}

std::optional<std::string> Service::Name(std::int64_t user) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::PersonName(c, user); });
}

std::vector<repo::Feedback> Service::FeedbackAbout(std::int64_t user, int limit) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::FeedbackAbout(c, user, limit); });
}

std::vector<core::links::PublicEntry> Service::PublicEntries(std::int64_t user) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return core::links::ListPublicEntries(c, user); });
}

std::optional<SubjectInfo> Service::Subject(const std::string& type, std::int64_t id) {
    return core::db::Run(pool_,
                         [&](Connection& c) { return core::links::ResolveSubject(c, type, id); });
}

std::vector<repo::Notification> Service::Notifications(std::int64_t user, int limit,
                                                       bool mark_read) {
    return core::db::Run(pool_, [&](Connection& c) {
        auto out = repo::NotificationsOf(c, user, limit);
        if (mark_read) repo::MarkNotificationsRead(c, user, core::NowSeconds());
        return out;
    });
}

std::int64_t Service::UnreadNotifications(std::int64_t user) {
    return core::db::Run(pool_, [&](Connection& c) { return repo::UnreadNotifications(c, user); });
}

void RegisterCommunityLinks() {
    core::links::SetPersonRecorder([](Connection& c, const core::Viewer& v) {
        repo::UpsertPerson(c, v.user_id, v.display_name, core::NowSeconds());
    });
    core::links::SetCorrespondentLister(
        [](Connection& c, std::string_view type, std::int64_t id, std::int64_t user) {
            return repo::Correspondents(c, std::string(type), id, user);
        });
    core::links::SetNotifier([](Connection& c, const core::links::Notice& n) {
        repo::InsertNotification(c, n, core::NowSeconds());
    });
}

}  // namespace placette::community
