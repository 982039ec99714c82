// The link registry: plain maps of functions, written while the application is built and only
// read afterwards (a shared mutex keeps tests that register again safe).
#include "plugin/core/links.h"

#include <map>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>

namespace placette::core::links {

namespace {
struct Registry {
    std::shared_mutex mu;
    std::map<std::string, SubjectResolver, std::less<>> subjects;
    std::map<std::string, OfferableLister, std::less<>> offerables;
    std::map<std::string, PublicLister, std::less<>> publics;
    PersonRecorder person;
    CorrespondentLister correspondents;
    Notifier notifier;
    LoanRequester loans;
};

Registry& Reg() {
    static Registry r;
    return r;
}
}  // namespace

void RegisterSubject(std::string type, SubjectResolver resolver) {
    std::unique_lock lock(Reg().mu);
    Reg().subjects[std::move(type)] = std::move(resolver);
}

bool KnownSubjectType(std::string_view type) {
    std::shared_lock lock(Reg().mu);
    return Reg().subjects.find(type) != Reg().subjects.end();
}

std::optional<SubjectInfo> ResolveSubject(db::Connection& c, std::string_view type,
                                          std::int64_t id) {
    SubjectResolver fn;
    {
        std::shared_lock lock(Reg().mu);
        auto it = Reg().subjects.find(type);
        if (it == Reg().subjects.end()) return std::nullopt;
        fn = it->second;
    }
    return fn(c, id);
}

void SetCorrespondentLister(CorrespondentLister lister) {
    std::unique_lock lock(Reg().mu);
    Reg().correspondents = std::move(lister);
}

std::vector<Correspondent> Correspondents(db::Connection& c, std::string_view type, std::int64_t id,
                                          std::int64_t user) {
    CorrespondentLister fn;
    {
        std::shared_lock lock(Reg().mu);
        fn = Reg().correspondents;
    }
    return fn ? fn(c, type, id, user) : std::vector<Correspondent>{};
}

void SetPersonRecorder(PersonRecorder recorder) {
    std::unique_lock lock(Reg().mu);
    Reg().person = std::move(recorder);
}

void RememberPerson(db::Connection& c, const Viewer& viewer) {
    PersonRecorder fn;
    {
        std::shared_lock lock(Reg().mu);
        fn = Reg().person;
    }
    if (fn && !viewer.anonymous()) fn(c, viewer);
}

void SetNotifier(Notifier notifier) {
    std::unique_lock lock(Reg().mu);
    Reg().notifier = std::move(notifier);
}

void Notify(db::Connection& c, const Notice& notice) {
    Notifier fn;
    {
        std::shared_lock lock(Reg().mu);
        fn = Reg().notifier;
    }
    if (fn && notice.user_id != 0) fn(c, notice);
}

void RegisterOfferables(std::string type, OfferableLister lister) {
    std::unique_lock lock(Reg().mu);
    Reg().offerables[std::move(type)] = std::move(lister);
}

std::vector<Offerable> ListOfferables(db::Connection& c, std::int64_t user_id) {
    std::vector<OfferableLister> listers;
    {
        std::shared_lock lock(Reg().mu);
        for (const auto& [type, fn] : Reg().offerables) listers.push_back(fn);
    }
    std::vector<Offerable> out;
    for (const auto& fn : listers) {
        auto part = fn(c, user_id);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

void RegisterPublicLister(std::string section, PublicLister lister) {
    std::unique_lock lock(Reg().mu);
    Reg().publics[std::move(section)] = std::move(lister);
}

std::vector<PublicEntry> ListPublicEntries(db::Connection& c, std::int64_t user_id) {
    std::vector<PublicLister> listers;
    {
        std::shared_lock lock(Reg().mu);
        for (const auto& [section, fn] : Reg().publics) listers.push_back(fn);
    }
    std::vector<PublicEntry> out;
    for (const auto& fn : listers) {
        auto part = fn(c, user_id);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

void SetLoanRequester(LoanRequester requester) {
    std::unique_lock lock(Reg().mu);
    Reg().loans = std::move(requester);
}

LoanRequestResult RequestLoan(db::Connection& c, const LoanRequest& request) {
    LoanRequester fn;
    {
        std::shared_lock lock(Reg().mu);
        fn = Reg().loans;
    }
    if (!fn) throw std::logic_error("no loan requester registered (exchange section missing)");
    return fn(c, request);
}

}  // namespace placette::core::links
