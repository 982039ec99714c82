// The exchange demo: gifts, loans, a swap and a request across neighbourhoods, two pictures
// drawn here with libgd, one loan accepted for next week and one already returned.
#include "plugin/exchange/demo.h"

#include <gd.h>

#include "plugin/exchange/service.h"

namespace placette::exchange {

namespace {
struct Sample {
    std::size_t owner;
    RawItem raw;
    int hue;  // < 0: no photo
};

const std::vector<Sample>& Samples() {
    static const std::vector<Sample> kSamples = {
        {0,
         {"lend", "Perceuse à percussion", "Perceuse 750 W avec mallette et forets béton et bois.",
          "tools", "good", "centre"},
         40},
        {1,
         {"give", "Lot de livres pour enfants", "Une vingtaine d'albums et de premières lectures.",
          "books", "good", "forges"},
         200},
        {2,
         {"swap", "Plants de tomates contre courgettes",
          "Tomates cerises et cœur de bœuf, à échanger contre des plants de courgettes.", "garden",
          "new", "coteaux"},
         -1},
        {0,
         {"lend", "Tente quatre places", "Tente familiale, montage en dix minutes.", "sports",
          "fair", "centre"},
         -1},
        {1,
         {"request", "Cherche une poussette", "Pour un séjour de nos petits-enfants en juillet.",
          "children", "none", "gare"},
         -1},
        {2,
         {"lend", "Appareil à raclette", "Huit poêlons, pour une soirée entre voisins.", "kitchen",
          "good", "hameaux"},
         -1},
    };
    return kSamples;
}

// A 320×240 gradient picture as PNG bytes.
std::string Picture(int hue) {
    gdImagePtr im = gdImageCreateTrueColor(320, 240);
    for (int y = 0; y < 240; ++y) {
        for (int x = 0; x < 320; ++x)
            gdImageSetPixel(im, x, y, gdTrueColor(hue, (x * 255) / 320, (y * 255) / 240));
    }
    int size = 0;
    void* p = gdImagePngPtr(im, &size);
    std::string out = p != nullptr
                          ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(size))
                          : "";
    gdFree(p);
    gdImageDestroy(im);
    return out;
}

std::string In(int days) { return IsoDay(Day{Today().n + days}); }
}  // namespace

DemoIds LoadDemo(core::db::Pool& pool, const core::Config& config,
                 const std::vector<core::Viewer>& people, std::ostream& out) {
    Settings settings = Settings::FromIni(config.ini);
    Service svc(pool, settings);
    std::vector<std::int64_t> ids;
    int created = 0;
    for (const Sample& s : Samples()) {
        const core::Viewer& owner = people.at(s.owner);
        auto existing = core::db::Run(pool, [&](core::db::Connection& c) {
            return repo::FindIdByTitle(c, owner.user_id, s.raw.title);
        });
        if (!existing) ++created;
        ids.push_back(
            existing ? *existing
                     : svc.Create(owner, s.raw, Upload{s.hue < 0 ? "" : Picture(s.hue), false}).id);
    }
    DemoIds demo{ids[0], 0};
    if (svc.LoansOf(ids[0], 1).empty()) {
        Result next_week =
            svc.RequestLoan(people.at(1), ids[0], RawLoan{In(7), In(9), "Pour poser des étagères"});
        if (next_week.outcome == Outcome::kOk)
            svc.ActOnLoan(people.at(0), next_week.id, LoanAction::kAccept, "");
        Result tent =
            svc.RequestLoan(people.at(2), ids[3], RawLoan{In(1), In(3), "Week-end au lac"});
        if (tent.outcome == Outcome::kOk) {
            svc.ActOnLoan(people.at(0), tent.id, LoanAction::kAccept, "");
            svc.ActOnLoan(people.at(0), tent.id, LoanAction::kHandover,
                          "Complète, sardines comprises");
            svc.ActOnLoan(people.at(0), tent.id, LoanAction::kReturn, "Rendue sèche et propre");
            demo.returned_loan = tent.id;
        }
    }
    out << "exchange demo: " << created << " item(s) created, "
        << (Samples().size() - static_cast<std::size_t>(created)) << " already there\n";
    return demo;
}

}  // namespace placette::exchange
