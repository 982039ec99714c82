// The skills demo: offers and requests in several neighbourhoods, both modes, and 2 h of help
// given by the first citizen to the second, confirmed by both (so the ledger shows it).
#include "plugin/skills/demo.h"

#include "plugin/skills/repository.h"
#include "plugin/skills/service.h"

namespace placette::skills {

namespace {
struct Sample {
    std::size_t owner;
    RawListing raw;
};

const std::vector<Sample>& Samples() {
    static const std::vector<Sample> kSamples = {
        {0,
         {"offer", "Initiation au tableur et aux comptes d'association",
          "Trésorière d'un club depuis dix ans, je vous montre comment tenir un budget simple.",
          "computing", "centre", "le mardi soir", "time_bank"}},
        {1,
         {"request", "Aide pour tailler une haie de troènes",
          "Une dizaine de mètres à tailler avant l'été ; j'ai le taille-haie, pas le dos.",
          "gardening", "forges", "un samedi de mai", "time_bank"}},
        {2,
         {"offer", "Retouches et ourlets",
          "Ourlets de pantalons, boutons, fermetures éclair : apportez vos vêtements.", "sewing",
          "gare", "le mercredi après-midi", "free"}},
        {0,
         {"offer", "Conversation en anglais",
          "Une heure de conversation par semaine pour progresser sans stress.", "languages",
          "coteaux", "en soirée", "time_bank"}},
        {2,
         {"request", "Accompagnement pour un dossier de retraite",
          "Je cherche quelqu'un de patient pour remplir le dossier en ligne avec moi.", "paperwork",
          "hameaux", "", "free"}},
        {1,
         {"offer", "Petites réparations de vélo",
          "Crevaisons, freins, dérailleur : je règle votre vélo dans mon garage.", "repairs",
          "forges", "le dimanche matin", "time_bank"}},
    };
    return kSamples;
}
}  // namespace

DemoIds LoadDemo(core::db::Pool& pool, const core::Config& config,
                 const std::vector<core::Viewer>& people, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    DemoIds ids;
    int created = 0;
    for (const Sample& s : Samples()) {
        const core::Viewer& owner = people.at(s.owner);
        auto existing = core::db::Run(pool, [&](core::db::Connection& c) {
            return repo::FindIdByTitle(c, owner.user_id, s.raw.title);
        });
        std::int64_t id = existing ? *existing : svc.Create(owner, s.raw).id;
        if (!existing) ++created;
        if (ids.listing == 0) ids.listing = id;
    }
    // The first citizen's offer: the second one received 2 h of help, both confirmed.
    auto done = svc.ExchangesOf(ids.listing);
    if (done.empty()) {
        Result proposed =
            svc.Propose(people.at(1), ids.listing, ExchangeForm{"2h", "Budget du club"});
        if (proposed.outcome == Outcome::kOk) svc.Confirm(people.at(0), proposed.id);
        ids.exchange = proposed.id;
    } else {
        ids.exchange = done.back().id;
    }
    out << "skills demo: " << created << " listing(s) created, "
        << (Samples().size() - static_cast<std::size_t>(created)) << " already there\n";
    return ids;
}

}  // namespace placette::skills
