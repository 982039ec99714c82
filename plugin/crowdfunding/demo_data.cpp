// Sample campaigns for the demo town, written in French like the town's own content. Amounts
// are in cents; goals, caps and per-person totals stay within the default site rules.
#include "plugin/crowdfunding/demo_data.h"

namespace placette::crowdfunding::demo {

namespace {
constexpr int kAlice = 0, kBruno = 1, kChloe = 2, kMaire = 3;

Campaign Garden() {
    return Campaign{
        kAlice,
        "Jardin partagé des Tanneurs",
        "Transformer la friche derrière l'école des Tanneurs en jardin partagé ouvert à tout le "
        "quartier.",
        "## Le projet\n\nLa friche de la rue des Tanneurs est inutilisée depuis dix ans. Avec "
        "l'accord de la mairie, "
        "nous voulons y installer **douze bacs potagers**, un récupérateur d'eau de pluie et un "
        "abri à outils.\n\n"
        "## À quoi servira l'argent\n\n- bois et terre pour les bacs : 1 200 €\n- cuve de 1 000 "
        "litres : 400 €\n"
        "- abri et outils : 900 €\n\nLe jardin sera ouvert le mercredi et le samedi, avec des "
        "ateliers pour les enfants.",
        "environment",
        "north",
        "Rue des Tanneurs, derrière l'école",
        250000,
        FundingModel::kAllOrNothing,
        45,
        Fate::kLive,
        5,
        true,
        "",
        "Les premiers bacs sont montés !",
        "Merci aux huit bénévoles venus samedi : **quatre bacs** sont déjà en place. Prochaine "
        "journée le 14.",
        {{"Un bouquet de saison",
          "Un bouquet composé avec les fleurs du jardin, à retirer sur place.", 1500, 40},
         {"Un atelier jardinage", "Deux heures d'atelier pour apprendre à semer et à pailler.",
          4000, 10},
         {"Un bac pour un an", "Un bac potager rien que pour vous pendant une saison.", 15000, 3}},
        {{NeedKind::kVolunteers, "Bénévoles pour monter les bacs", "Samedi matin, gants fournis.",
          8, 0, 0},
         {NeedKind::kEquipment, "Prêt d'une brouette",
          "Pour les deux week-ends de chantier. Vous en avez une ? Proposez-la depuis vos objets à "
          "prêter.",
          2, 10, 18},
         {NeedKind::kSkill, "Conseils en permaculture",
          "Une heure pour nous aider à organiser les cultures.", 1, 0, 0}},
        {{kBruno, 1, 0, false, "Vivement les ateliers !", true},
         {kChloe, 0, 0, true, "", true},
         {kMaire, 2, 0, false, "La mairie est fière de ce projet.", true},
         {kBruno, -1, 2000, false, "", false},
         {kChloe, -1, 5000, false, "Bravo pour l'initiative", true}},
        {{kBruno, 0, "Je peux venir les deux samedis avec mon fils.", 2, true},
         {kChloe, 1, "J'ai une brouette presque neuve.", 1, false}}};
}

Campaign BookBox() {
    return Campaign{kBruno,
                    "Boîte à livres place du Marché",
                    "Une boîte à livres en bois, fabriquée par les jeunes du centre social, au "
                    "cœur de la place du Marché.",
                    "Les jeunes de l'atelier menuiserie du centre social construisent une boîte à "
                    "livres étanche. "
                    "Chacun pourra y **déposer et prendre** des livres librement.\n\nLe budget "
                    "couvre le bois, la quincaillerie "
                    "et un toit en zinc.",
                    "culture",
                    "centre",
                    "Place du Marché",
                    60000,
                    FundingModel::kKeepItAll,
                    30,
                    Fate::kLive,
                    3,
                    false,
                    "",
                    "",
                    "",
                    {{"Votre nom sur la plaque", "Votre nom gravé sur la plaque des donateurs.",
                      2000, std::nullopt}},
                    {{NeedKind::kSkill, "Aide pour la peinture",
                      "Un après-midi de peinture avec les jeunes.", 3, 0, 0}},
                    {{kAlice, -1, 10000, false, "Super idée !", true},
                     {kChloe, 0, 25000, false, "", true},
                     {kMaire, -1, 30000, false, "", false}},
                    {}};
}

Campaign CargoBikes() {
    return Campaign{
        kChloe,
        "Vélos-cargos partagés pour les écoles",
        "Trois vélos-cargos électriques pour que les familles du quartier Est emmènent les enfants "
        "à l'école.",
        "Trois vélos-cargos en libre-service réservables par les familles, rangés dans le local de "
        "l'école Jules-Ferry.",
        "mobility",
        "east",
        "École Jules-Ferry",
        800000,
        FundingModel::kAllOrNothing,
        60,
        Fate::kSubmitted,
        0,
        false,
        "",
        "",
        "",
        {{"Un essai d'une journée", "Une journée de vélo-cargo pour tester.", 2500, 30}},
        {},
        {},
        {}};
}

Campaign Fresco() {
    return Campaign{kBruno,
                    "Fresque participative du skatepark",
                    "Repeindre les murs du skatepark avec un artiste et les jeunes du quartier.",
                    "Brouillon en cours de rédaction.",
                    "culture",
                    "south",
                    "",
                    150000,
                    FundingModel::kAllOrNothing,
                    30,
                    Fate::kDraft,
                    0,
                    false,
                    "",
                    "",
                    "",
                    {},
                    {},
                    {},
                    {}};
}

Campaign Compost() {
    return Campaign{kAlice,
                    "Composteur collectif de la résidence des Lilas",
                    "Installer trois bacs de compostage au pied de la résidence.",
                    "Trois bacs de compostage et une formation pour les habitants.",
                    "environment",
                    "west",
                    "",
                    40000,
                    FundingModel::kKeepItAll,
                    30,
                    Fate::kChangesRequested,
                    0,
                    false,
                    "Merci de préciser qui entretiendra les bacs et l'accord du bailleur.",
                    "",
                    "",
                    {},
                    {},
                    {},
                    {}};
}

Campaign Petanque() {
    return Campaign{
        kBruno,
        "Terrain de pétanque éclairé",
        "Éclairer le terrain de pétanque pour jouer le soir.",
        "Quatre lampadaires autour du terrain.",
        "sport",
        "south",
        "",
        900000,
        FundingModel::kAllOrNothing,
        60,
        Fate::kRejected,
        0,
        false,
        "L'éclairage public relève du budget de la ville : ce projet est déjà prévu pour 2027.",
        "",
        "",
        {},
        {},
        {},
        {}};
}

Campaign RepairCafe() {
    return Campaign{
        kChloe,
        "Repair café mensuel",
        "Un repair café chaque premier samedi du mois à la maison de quartier.",
        "Outillage, petit matériel électrique et café pour un an de réparations ensemble.",
        "solidarity",
        "south",
        "Maison de quartier Sud",
        120000,
        FundingModel::kAllOrNothing,
        30,
        Fate::kSucceeded,
        50,
        false,
        "",
        "",
        "",
        {{"Une tasse du repair café", "", 1000, 50}},
        {},
        {{kBruno, -1, 50000, false, "", true},
         {kMaire, -1, 40000, false, "", true},
         {kAlice, 0, 35000, false, "", true}},
        {}};
}

Campaign Concert() {
    return Campaign{kAlice,
                    "Concert de printemps au kiosque",
                    "Un concert gratuit des écoles de musique au kiosque du parc.",
                    "Sonorisation, scène et rémunération des musiciens professionnels qui "
                    "accompagnent les élèves.",
                    "culture",
                    "centre",
                    "Kiosque du parc",
                    300000,
                    FundingModel::kAllOrNothing,
                    30,
                    Fate::kFailed,
                    45,
                    false,
                    "",
                    "",
                    "",
                    {{"Deux places au premier rang", "", 3000, 20}},
                    {},
                    {{kBruno, -1, 20000, false, "", true},
                     {kChloe, 0, 0, false, "", true},
                     {kMaire, -1, 10000, false, "", false}},
                    {}};
}

Campaign Beehive() {
    return Campaign{
        kChloe,
        "Ruche pédagogique au collège",
        "Une ruche d'observation pour les cours de sciences.",
        "Une ruche vitrée et l'équipement de protection pour les élèves.",
        "education",
        "north",
        "Collège Pasteur",
        70000,
        FundingModel::kAllOrNothing,
        40,
        Fate::kCancelled,
        10,
        false,
        "Le collège a trouvé un financement par la région : merci à tous, vous serez remboursés.",
        "",
        "",
        {},
        {},
        {{kAlice, -1, 5000, false, "", true}},
        {}};
}

Campaign Benches() {
    return Campaign{
        kMaire,
        "Bancs et ombrages rue des Lilas",
        "Quatre bancs et deux arbres pour la rue des Lilas, choisis avec les riverains.",
        "Les riverains ont choisi l'emplacement des bancs lors de la réunion de quartier.",
        "heritage",
        "west",
        "Rue des Lilas",
        90000,
        FundingModel::kKeepItAll,
        30,
        Fate::kRealised,
        60,
        false,
        "",
        "Les bancs sont installés",
        "Merci à tous : venez les essayer !",
        {},
        {},
        {{kAlice, -1, 30000, false, "", true}, {kBruno, -1, 25000, true, "", true}},
        {}};
}
}  // namespace

const std::vector<Campaign>& Campaigns() {
    static const std::vector<Campaign> kAll = {Garden(),  BookBox(),  CargoBikes(), Fresco(),
                                               Compost(), Petanque(), RepairCafe(), Concert(),
                                               Beehive(), Benches()};
    return kAll;
}

}  // namespace placette::crowdfunding::demo
