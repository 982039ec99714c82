// Links between sections that must not include each other: at start-up each section registers
// what it offers here (subjects of conversations, notifications, offers for in-kind needs…).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plugin/core/db.h"
#include "plugin/core/viewer.h"

namespace placette::core::links {

// What a conversation, a feedback or a notification is about (a skill listing, an item, a loan…).
struct SubjectInfo {
    std::string title;
    std::string path;  // below the base path, e.g. "/skills/12"
    std::int64_t owner_id = 0;
    // Who may talk about it: empty = any citizen with the owner (a public listing); otherwise
    // exactly these people, with each other (a loan: its owner and its borrower).
    std::vector<std::int64_t> parties;
    // A completed exchange or a returned loan: each of `parties` may leave one feedback on the
    // other.
    bool completed = false;
};
using SubjectResolver = std::function<std::optional<SubjectInfo>(db::Connection&, std::int64_t id)>;

// Registration happens while the application is built, before any request is served.
void RegisterSubject(std::string type, SubjectResolver resolver);
bool KnownSubjectType(std::string_view type);
// nullopt for an unknown type or id.
std::optional<SubjectInfo> ResolveSubject(db::Connection& c, std::string_view type,
                                          std::int64_t id);

// Citizens who exchanged messages with `user` about a subject (community's conversations), with
// their display names; e.g. to mark an item given to one of them.
using Correspondent = std::pair<std::int64_t, std::string>;
using CorrespondentLister = std::function<std::vector<Correspondent>(
    db::Connection&, std::string_view type, std::int64_t id, std::int64_t user)>;
void SetCorrespondentLister(CorrespondentLister lister);
std::vector<Correspondent> Correspondents(db::Connection& c, std::string_view type, std::int64_t id,
                                          std::int64_t user);

// Remembers the viewer's display name for public pages (community's people table); a no-op until
// a recorder is registered. Call inside the write's transaction.
using PersonRecorder = std::function<void(db::Connection&, const Viewer&)>;
void SetPersonRecorder(PersonRecorder recorder);
void RememberPerson(db::Connection& c, const Viewer& viewer);

// A notification for one citizen; `kind` names its text (catalog key "community.notice.<kind>",
// with {title}). A non-empty dedupe_key makes a second notice with the same key a no-op.
struct Notice {
    std::int64_t user_id = 0;
    std::string kind;
    std::string title;
    std::string path;
    std::string dedupe_key;
};
using Notifier = std::function<void(db::Connection&, const Notice&)>;
void SetNotifier(Notifier notifier);
// Records the notice inside the caller's transaction (a no-op until a notifier is registered).
void Notify(db::Connection& c, const Notice& notice);

// For crowdfunding's in-kind needs: what a citizen can offer (their active skill offers and
// lendable items), and a loan request for a need's dates once its owner accepts an item.
struct Offerable {
    std::string type;  // "skill" or "item"
    std::int64_t id = 0;
    std::string title;
    std::string path;
};
using OfferableLister =
    std::function<std::vector<Offerable>(db::Connection&, std::int64_t user_id)>;
void RegisterOfferables(std::string type, OfferableLister lister);
std::vector<Offerable> ListOfferables(db::Connection& c, std::int64_t user_id);

// What a citizen's public profile lists: their current listings in every section.
struct PublicEntry {
    std::string label_key;  // catalog key of the kind shown next to the title
    std::string title;
    std::string path;
};
using PublicLister = std::function<std::vector<PublicEntry>(db::Connection&, std::int64_t user_id)>;
void RegisterPublicLister(std::string section, PublicLister lister);
std::vector<PublicEntry> ListPublicEntries(db::Connection& c, std::int64_t user_id);

struct LoanRequest {
    std::int64_t item_id = 0;
    std::int64_t borrower_id = 0;
    std::string start_date;  // YYYY-MM-DD, inclusive
    std::string end_date;    // YYYY-MM-DD, inclusive
    std::string message;
    std::string source = "need";  // where the request comes from, e.g. a crowdfunding need
    std::int64_t source_id = 0;
};
struct LoanRequestResult {
    bool ok = false;
    std::int64_t loan_id = 0;
    std::string error_key;  // a catalog key explaining the refusal when !ok
};
using LoanRequester = std::function<LoanRequestResult(db::Connection&, const LoanRequest&)>;
void SetLoanRequester(LoanRequester requester);
// Creates the loan request inside the caller's transaction. Throws std::logic_error when the
// exchange section is not registered.
LoanRequestResult RequestLoan(db::Connection& c, const LoanRequest& request);

}  // namespace placette::core::links
