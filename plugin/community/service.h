// Community rules: conversations between exactly two citizens about a subject another section
// describes (core/links), feedback after a completed exchange, notifications, people's names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugin/community/repository.h"
#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::community {

enum class Outcome { kOk, kInvalid, kNotFound, kForbidden, kConflict };

struct Result {
    Outcome outcome = Outcome::kOk;
    std::int64_t id = 0;
    std::vector<std::pair<std::string, std::string>> problems;  // (field, catalog key)
    std::string message_key;
};

struct Thread {
    repo::Conversation conversation;
    core::links::SubjectInfo subject;
    std::vector<repo::Message> messages;
};

// Who the viewer would talk to about a subject, and the subject itself.
struct Counterpart {
    Outcome outcome = Outcome::kOk;
    std::string message_key;
    core::links::SubjectInfo subject;
    std::int64_t other_id = 0;
};

struct FeedbackTarget {
    Outcome outcome = Outcome::kOk;
    std::string message_key;
    core::links::SubjectInfo subject;
    std::int64_t about_id = 0;
    std::string about_name;
};

class Service {
  public:
    explicit Service(core::db::Pool& pool) : pool_(pool) {}

    Counterpart CounterpartFor(const core::Viewer& who, const std::string& type, std::int64_t id);
    // Starts (or continues) the viewer's conversation about a subject with its first message.
    Result Start(const core::Viewer& who, const std::string& type, std::int64_t id,
                 const std::string& body);
    Result Post(const core::Viewer& who, std::int64_t conversation, const std::string& body);
    // The thread for one of its two parties (marks it read); kForbidden for anybody else.
    std::optional<Thread> Open(const core::Viewer& who, std::int64_t conversation,
                               Outcome& outcome);
    std::vector<repo::Conversation> List(std::int64_t user, int limit);
    std::int64_t Unread(std::int64_t user);

    FeedbackTarget FeedbackFor(const core::Viewer& who, const std::string& type, std::int64_t id);
    Result LeaveFeedback(const core::Viewer& who, const std::string& type, std::int64_t id,
                         const std::string& body);

    std::optional<std::string> Name(std::int64_t user);
    std::vector<repo::Feedback> FeedbackAbout(std::int64_t user, int limit);
    std::vector<core::links::PublicEntry> PublicEntries(std::int64_t user);
    std::optional<core::links::SubjectInfo> Subject(const std::string& type, std::int64_t id);

    std::vector<repo::Notification> Notifications(std::int64_t user, int limit, bool mark_read);
    std::int64_t UnreadNotifications(std::int64_t user);

  private:
    core::db::Pool& pool_;
};

// Registers the people recorder and the notifier with core/links.
void RegisterCommunityLinks();

}  // namespace placette::community
