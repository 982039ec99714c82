// All SQL of the community section: people seen, conversations and messages, feedback and
// notifications. Every function takes the caller's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plugin/core/db.h"
#include "plugin/core/links.h"

namespace placette::community::repo {

using core::db::Connection;

void UpsertPerson(Connection& c, std::int64_t user, const std::string& name, std::int64_t now);
std::optional<std::string> PersonName(Connection& c, std::int64_t user);

struct Conversation {
    std::int64_t id = 0;
    std::string subject_type;
    std::int64_t subject_id = 0;
    std::int64_t starter_id = 0;
    std::int64_t other_id = 0;
    std::int64_t starter_read_id = 0;
    std::int64_t other_read_id = 0;
    std::int64_t last_message_at = 0;
    std::string starter_name, other_name;
    std::int64_t unread = 0;  // for the viewer, in lists
    bool Has(std::int64_t user) const { return user == starter_id || user == other_id; }
    std::int64_t Other(std::int64_t user) const {
        return user == starter_id ? other_id : starter_id;
    }
};

struct Message {
    std::int64_t id = 0;
    std::int64_t author_id = 0;
    std::string author_name;
    std::string body;
    std::int64_t created_at = 0;
};

// The conversation between a and b (either started it) about a subject.
std::optional<Conversation> FindBetween(Connection& c, const std::string& type, std::int64_t id,
                                        std::int64_t a, std::int64_t b);
std::optional<Conversation> FindConversation(Connection& c, std::int64_t id,
                                             bool for_update = false);
std::int64_t InsertConversation(Connection& c, const std::string& type, std::int64_t subject_id,
                                std::int64_t starter, std::int64_t other, std::int64_t now);
std::int64_t InsertMessage(Connection& c, std::int64_t conversation, std::int64_t author,
                           const std::string& body, std::int64_t now);
void Touch(Connection& c, std::int64_t conversation, std::int64_t now);
void MarkRead(Connection& c, const Conversation& conv, std::int64_t user, std::int64_t message_id);
std::vector<Message> Messages(Connection& c, std::int64_t conversation, int limit);
std::vector<core::links::Correspondent> Correspondents(Connection& c, const std::string& type,
                                                       std::int64_t id, std::int64_t user);
std::vector<Conversation> ConversationsOf(Connection& c, std::int64_t user, int limit);
std::int64_t UnreadMessages(Connection& c, std::int64_t user);

struct Feedback {
    std::int64_t id = 0;
    std::string subject_type;
    std::int64_t subject_id = 0;
    std::int64_t author_id = 0;
    std::string author_name;
    std::int64_t about_id = 0;
    std::string body;
    std::int64_t created_at = 0;
};
// False when this author already left feedback on this subject.
bool InsertFeedback(Connection& c, const Feedback& f, std::int64_t now);
bool HasFeedback(Connection& c, const std::string& type, std::int64_t id, std::int64_t author);
std::vector<Feedback> FeedbackAbout(Connection& c, std::int64_t user, int limit);

struct Notification {
    std::int64_t id = 0;
    std::string kind;
    std::string title;
    std::string path;
    std::int64_t created_at = 0;
    bool read = false;
};
void InsertNotification(Connection& c, const core::links::Notice& n, std::int64_t now);
std::vector<Notification> NotificationsOf(Connection& c, std::int64_t user, int limit);
std::int64_t UnreadNotifications(Connection& c, std::int64_t user);
void MarkNotificationsRead(Connection& c, std::int64_t user, std::int64_t now);

}  // namespace placette::community::repo
