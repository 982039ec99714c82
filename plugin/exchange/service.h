// The exchange section's rules: items (with their photo), give/swap completion, and loans whose
// accepted periods never overlap — checked inside the transaction under a row lock on the item.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plugin/core/body_memo.h"
#include "plugin/core/db.h"
#include "plugin/core/links.h"
#include "plugin/core/viewer.h"
#include "plugin/exchange/image.h"
#include "plugin/exchange/model.h"
#include "plugin/exchange/repository.h"

namespace placette::exchange {

enum class Outcome { kOk, kInvalid, kNotFound, kForbidden, kConflict };

struct Result {
    Outcome outcome = Outcome::kOk;
    std::int64_t id = 0;
    Problems problems;
    std::string message_key;
};

// An uploaded photo as the form gave it (empty data = none chosen).
struct Upload {
    std::string data;
    bool remove = false;  // edit form: drop the current photo
};

struct TickReport {
    int expired = 0, overdue = 0, reminders = 0, stale = 0;
};

// What the listing pages and the home page's block show: the items found, and the bodies
// rendered from them, once per second for each language, query string as typed and kind of
// viewer (core/body_memo.h).
struct Found {
    std::vector<Item> items;
    std::shared_ptr<core::BodyMemo> bodies = std::make_shared<core::BodyMemo>();
};

class Service {
  public:
    Service(core::db::Pool& pool, const Settings& settings) : pool_(pool), settings_(settings) {}

    Result Create(const core::Viewer& who, const RawItem& raw, const Upload& photo);
    Result Update(const core::Viewer& who, std::int64_t id, const RawItem& raw,
                  const Upload& photo);
    Result Act(const core::Viewer& who, std::int64_t id, Action action);
    // The owner marks a give/swap/request done with a citizen who wrote to them about it.
    Result Done(const core::Viewer& who, std::int64_t id, std::int64_t partner);
    std::optional<Item> Get(std::int64_t id);
    std::vector<Item> Search(const repo::Filter& f, std::int64_t before, int limit);
    // The same, shared for up to [server] read_cache_ms while this process writes nothing
    // (core/read_cache.h): the listing pages and the home page's block.
    std::shared_ptr<const Found> SearchShared(const repo::Filter& f, std::int64_t before,
                                              int limit);
    std::vector<Item> OfOwner(std::int64_t owner, bool only_active, int limit);
    std::optional<repo::StoredPhoto> PhotoOf(std::int64_t id);

    Result RequestLoan(const core::Viewer& who, std::int64_t item_id, const RawLoan& raw);
    // Accept, decline, cancel, handover or return (`note` for handover/return).
    Result ActOnLoan(const core::Viewer& who, std::int64_t loan_id, LoanAction action,
                     const std::string& note);
    std::optional<Loan> GetLoan(std::int64_t id);
    std::vector<Loan> LoansOf(std::int64_t item, int limit);
    std::vector<Loan> LoansOfUser(std::int64_t user, int limit);
    // What a loan was requested for, e.g. a crowdfunding need (core/links subject of type
    // `source`); nullopt for a citizen's own request or a source no longer shown.
    std::optional<core::links::SubjectInfo> SourceOf(const Loan& l);

    TickReport Tick(std::int64_t now);
    int CheckCalendars(std::ostream& out);

    const Settings& settings() const { return settings_; }

  private:
    core::db::Pool& pool_;
    const Settings& settings_;
};

// In the caller's transaction (the crowdfunding need → loan link): validates and inserts a
// loan request; error_key explains a refusal.
core::links::LoanRequestResult RequestLoanIn(core::db::Connection& c, const Settings& s,
                                             const core::links::LoanRequest& request);

// The catalog key for a photo problem.
std::string PhotoProblemKey(PhotoError e);

}  // namespace placette::exchange
