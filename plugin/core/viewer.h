// Who is asking: the host site's logged-in user as a host adapter recognised them, or an
// anonymous visitor. Placette has no accounts of its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace placette::core {

enum class StaffRole { kNone, kModerator, kAdmin };

struct Viewer {
    std::int64_t user_id = 0;  // host user id; 0 = anonymous
    std::string login;
    std::string display_name;
    std::string email;
    std::vector<std::string> roles;  // host roles, e.g. "administrator", "subscriber"
    StaffRole staff = StaffRole::kNone;
    // Identifies the host session (a hash, never the cookie itself): binds CSRF tokens and keys
    // the short lookup cache. For anonymous visitors, Placette's own anonymous-session id.
    std::string session_key;

    bool anonymous() const { return user_id == 0; }
    bool is_staff() const { return staff != StaffRole::kNone; }
    bool is_admin() const { return staff == StaffRole::kAdmin; }
};

}  // namespace placette::core
