// The community section's SQL as named constants.
#include "plugin/community/repository.h"

namespace placette::community::repo {

namespace {
using core::db::Row;

constexpr const char* kUpsertPerson =
    "INSERT INTO {p}people (user_id, display_name, first_seen_at, last_seen_at)"
    " VALUES (?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))"
    " ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), last_seen_at = "
    "VALUES(last_seen_at)";
constexpr const char* kPersonName = "SELECT display_name FROM {p}people WHERE user_id = ?";

#define PLC_CONV_FIELDS                                                                   \
    "c.id, c.subject_type, c.subject_id, c.starter_id, c.other_id, c.starter_read_id,"    \
    " c.other_read_id, UNIX_TIMESTAMP(c.last_message_at), COALESCE(ps.display_name, '')," \
    " COALESCE(po.display_name, '')"
#define PLC_CONV_FROM                                                              \
    " FROM {p}conversations c LEFT JOIN {p}people ps ON ps.user_id = c.starter_id" \
    " LEFT JOIN {p}people po ON po.user_id = c.other_id "
#define PLC_CONV_COLS PLC_CONV_FIELDS PLC_CONV_FROM

constexpr const char* kFindBetween =
    "SELECT " PLC_CONV_COLS
    "WHERE c.subject_type = ? AND c.subject_id = ?"
    " AND ((c.starter_id = ? AND c.other_id = ?) OR (c.starter_id = ? AND c.other_id = ?))"
    " ORDER BY c.id LIMIT 1";
constexpr const char* kFindConversation = "SELECT " PLC_CONV_COLS "WHERE c.id = ?";
constexpr const char* kFindConversationLock = "SELECT " PLC_CONV_COLS "WHERE c.id = ? FOR UPDATE";
constexpr const char* kInsertConversation =
    "INSERT INTO {p}conversations (subject_type, subject_id, starter_id, other_id, created_at,"
    " last_message_at) VALUES (?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))";
constexpr const char* kInsertMessage =
    "INSERT INTO {p}messages (conversation_id, author_id, body, created_at)"
    " VALUES (?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kTouch =
    "UPDATE {p}conversations SET last_message_at = FROM_UNIXTIME(?) WHERE id = ?";
constexpr const char* kMarkReadStarter =
    "UPDATE {p}conversations SET starter_read_id = GREATEST(starter_read_id, ?) WHERE id = ?";
constexpr const char* kMarkReadOther =
    "UPDATE {p}conversations SET other_read_id = GREATEST(other_read_id, ?) WHERE id = ?";
constexpr const char* kMessages =
    "SELECT m.id, m.author_id, COALESCE(p.display_name, ''), m.body, UNIX_TIMESTAMP(m.created_at)"
    " FROM {p}messages m LEFT JOIN {p}people p ON p.user_id = m.author_id"
    " WHERE m.conversation_id = ? ORDER BY m.id DESC LIMIT ?";
constexpr const char* kConversationsOf =
    "SELECT " PLC_CONV_FIELDS
    ", (SELECT COUNT(*) FROM {p}messages m WHERE m.conversation_id = c.id AND m.author_id <> ?"
    " AND m.id > IF(c.starter_id = ?, c.starter_read_id, c.other_read_id))" PLC_CONV_FROM
    "WHERE c.starter_id = ? OR c.other_id = ? ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?";
constexpr const char* kCorrespondents =
    "SELECT DISTINCT IF(c.starter_id = ?, c.other_id, c.starter_id), COALESCE(p.display_name, '')"
    " FROM {p}conversations c LEFT JOIN {p}people p"
    " ON p.user_id = IF(c.starter_id = ?, c.other_id, c.starter_id)"
    " WHERE c.subject_type = ? AND c.subject_id = ? AND (c.starter_id = ? OR c.other_id = ?)"
    " ORDER BY 1 LIMIT 200";
constexpr const char* kUnreadMessages =
    "SELECT (SELECT COUNT(*) FROM {p}conversations c JOIN {p}messages m ON m.conversation_id = c.id"
    " AND m.id > c.starter_read_id WHERE c.starter_id = ? AND m.author_id <> ?)"
    " + (SELECT COUNT(*) FROM {p}conversations c JOIN {p}messages m ON m.conversation_id = c.id"
    " AND m.id > c.other_read_id WHERE c.other_id = ? AND m.author_id <> ?)";

constexpr const char* kInsertFeedback =
    "INSERT INTO {p}feedback (subject_type, subject_id, author_id, about_id, body, created_at)"
    " VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))";
constexpr const char* kHasFeedback =
    "SELECT id FROM {p}feedback WHERE subject_type = ? AND subject_id = ? AND author_id = ?";
constexpr const char* kFeedbackAbout =
    "SELECT f.id, f.subject_type, f.subject_id, f.author_id, COALESCE(p.display_name, ''),"
    " f.about_id, f.body, UNIX_TIMESTAMP(f.created_at) FROM {p}feedback f"
    " LEFT JOIN {p}people p ON p.user_id = f.author_id WHERE f.about_id = ? ORDER BY f.id DESC "
    "LIMIT ?";

constexpr const char* kInsertNotification =
    "INSERT IGNORE INTO {p}notifications (user_id, kind, title, path, dedupe_key, created_at)"
    " VALUES (?, ?, ?, ?, NULLIF(?, ''), FROM_UNIXTIME(?))";
constexpr const char* kNotificationsOf =
    "SELECT id, kind, title, path, UNIX_TIMESTAMP(created_at), read_at IS NOT NULL"
    " FROM {p}notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?";
constexpr const char* kUnreadNotifications =
    "SELECT COUNT(*) FROM {p}notifications WHERE user_id = ? AND read_at IS NULL";
constexpr const char* kMarkNotificationsRead =
    "UPDATE {p}notifications SET read_at = FROM_UNIXTIME(?) WHERE user_id = ? AND read_at IS NULL";

Conversation ToConversation(const Row& r) {
    Conversation c;
    c.id = r.Int(0);
    c.subject_type = r.Str(1);
    c.subject_id = r.Int(2);
    c.starter_id = r.Int(3);
    c.other_id = r.Int(4);
    c.starter_read_id = r.Int(5);
    c.other_read_id = r.Int(6);
    c.last_message_at = r.Int(7);
    c.starter_name = r.Str(8);
    c.other_name = r.Str(9);
    if (r.size() > 10) c.unread = r.Int(10);
    return c;
}
}  // namespace

void UpsertPerson(Connection& c, std::int64_t user, const std::string& name, std::int64_t now) {
    c.Execute("people.upsert", kUpsertPerson, {user, name, now, now});
}

std::optional<std::string> PersonName(Connection& c, std::int64_t user) {
    auto r = c.Execute("people.name", kPersonName, {user});
    if (r.empty()) return std::nullopt;
    return r.rows[0].Str(0);
}

std::optional<Conversation> FindBetween(Connection& c, const std::string& type, std::int64_t id,
                                        std::int64_t a, std::int64_t b) {
    auto r = c.Execute("conv.find_between", kFindBetween, {type, id, a, b, b, a});
    if (r.empty()) return std::nullopt;
    return ToConversation(r.rows[0]);
}

std::optional<Conversation> FindConversation(Connection& c, std::int64_t id, bool for_update) {
    auto r = for_update ? c.Execute("conv.find_lock", kFindConversationLock, {id})
                        : c.Execute("conv.find", kFindConversation, {id});
    if (r.empty()) return std::nullopt;
    return ToConversation(r.rows[0]);
}

std::int64_t InsertConversation(Connection& c, const std::string& type, std::int64_t subject_id,
                                std::int64_t starter, std::int64_t other, std::int64_t now) {
    auto r =
        c.Execute("conv.insert", kInsertConversation, {type, subject_id, starter, other, now, now});
    return static_cast<std::int64_t>(r.insert_id);
}

std::int64_t InsertMessage(Connection& c, std::int64_t conversation, std::int64_t author,
                           const std::string& body, std::int64_t now) {
    auto r = c.Execute("conv.insert_message", kInsertMessage, {conversation, author, body, now});
    return static_cast<std::int64_t>(r.insert_id);
}

void Touch(Connection& c, std::int64_t conversation, std::int64_t now) {
    c.Execute("conv.touch", kTouch, {now, conversation});
}

void MarkRead(Connection& c, const Conversation& conv, std::int64_t user, std::int64_t message_id) {
    if (user == conv.starter_id)
        c.Execute("conv.read_starter", kMarkReadStarter, {message_id, conv.id});
    if (user == conv.other_id) c.Execute("conv.read_other", kMarkReadOther, {message_id, conv.id});
}

std::vector<Message> Messages(Connection& c, std::int64_t conversation, int limit) {
    std::vector<Message> out;
    for (const Row& r :
         c.Execute("conv.messages", kMessages, {conversation, std::int64_t{limit}}).rows) {
        out.push_back(Message{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Int(4)});
    }
    return {out.rbegin(), out.rend()};  // oldest first
}

std::vector<core::links::Correspondent> Correspondents(Connection& c, const std::string& type,
                                                       std::int64_t id, std::int64_t user) {
    std::vector<core::links::Correspondent> out;
    auto res =
        c.Execute("conv.correspondents", kCorrespondents, {user, user, type, id, user, user});
    for (const Row& r : res.rows) out.emplace_back(r.Int(0), r.Str(1));
    return out;
}

std::vector<Conversation> ConversationsOf(Connection& c, std::int64_t user, int limit) {
    std::vector<Conversation> out;
    auto res =
        c.Execute("conv.of_user", kConversationsOf, {user, user, user, user, std::int64_t{limit}});
    for (const Row& r : res.rows) out.push_back(ToConversation(r));
    return out;
}

std::int64_t UnreadMessages(Connection& c, std::int64_t user) {
    auto r = c.Execute("conv.unread", kUnreadMessages, {user, user, user, user});
    return r.empty() ? 0 : r.rows[0].Int(0);
}

bool InsertFeedback(Connection& c, const Feedback& f, std::int64_t now) {
    try {
        c.Execute("feedback.insert", kInsertFeedback,
                  {f.subject_type, f.subject_id, f.author_id, f.about_id, f.body, now});
        return true;
    } catch (const core::db::DbError& e) {
        if (e.IsDuplicateKey()) return false;
        throw;
    }
}

bool HasFeedback(Connection& c, const std::string& type, std::int64_t id, std::int64_t author) {
    return !c.Execute("feedback.has", kHasFeedback, {type, id, author}).empty();
}

std::vector<Feedback> FeedbackAbout(Connection& c, std::int64_t user, int limit) {
    std::vector<Feedback> out;
    for (const Row& r :
         c.Execute("feedback.about", kFeedbackAbout, {user, std::int64_t{limit}}).rows) {
        out.push_back(Feedback{r.Int(0), r.Str(1), r.Int(2), r.Int(3), r.Str(4), r.Int(5), r.Str(6),
                               r.Int(7)});
    }
    return out;
}

void InsertNotification(Connection& c, const core::links::Notice& n, std::int64_t now) {
    c.Execute("notifications.insert", kInsertNotification,
              {n.user_id, n.kind, n.title, n.path, n.dedupe_key, now});
}

std::vector<Notification> NotificationsOf(Connection& c, std::int64_t user, int limit) {
    std::vector<Notification> out;
    for (const Row& r :
         c.Execute("notifications.of", kNotificationsOf, {user, std::int64_t{limit}}).rows) {
        out.push_back(
            Notification{r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4), r.Int(5) != 0});
    }
    return out;
}

std::int64_t UnreadNotifications(Connection& c, std::int64_t user) {
    auto r = c.Execute("notifications.unread", kUnreadNotifications, {user});
    return r.empty() ? 0 : r.rows[0].Int(0);
}

void MarkNotificationsRead(Connection& c, std::int64_t user, std::int64_t now) {
    c.Execute("notifications.read", kMarkNotificationsRead, {now, user});
}

}  // namespace placette::community::repo
