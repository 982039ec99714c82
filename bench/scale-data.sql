-- The scale benchmark's data, generated inside MariaDB (bench/scale runs it once per slice of
-- campaign numbers @lo..@hi, so the data set grows in place): campaigns with varied French text,
-- rewards, news, needs, pledges with realistic amounts in cents, the ledger entries of the paid
-- and refunded ones, the cached totals and claims — consistent, so check-ledger stays meaningful —
-- and as many listings (half skills, half barter & lending items) as campaigns.
-- Everything derives from the row's number through HASH(tag, number...), which bench/scale expands
-- to (CRC32(CONCAT(tag, number...)) * 2654435761 >> 20) — CRC32 mixed by Knuth's multiplier, as
-- plain CRC32s of same-length strings are XOR-related and would tie the choices together — so a
-- slice is the same on every run.
-- Table prefix plc_ (the bench stack's). Fake citizens have user ids from 100001 up.

SET SESSION foreign_key_checks = 0, unique_checks = 0;

-- The citizens the pages name (owners of listings, partners), once: user ids 100001 to 150000.
INSERT IGNORE INTO plc_people (user_id, display_name, first_seen_at, last_seen_at)
SELECT seq, CONCAT(ELT(1 + HASH('pf', seq) % 20, 'Camille', 'Louis', 'Léa', 'Hugo',
    'Manon', 'Jules', 'Inès', 'Arthur', 'Zoé', 'Nathan', 'Lucie', 'Gabriel', 'Chloé', 'Théo',
    'Sarah', 'Raphaël', 'Emma', 'Paul', 'Jeanne', 'Yanis'), ' ',
    ELT(1 + HASH('pl', seq) % 20, 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert',
    'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel',
    'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier')),
  UTC_TIMESTAMP() - INTERVAL 800 DAY, UTC_TIMESTAMP() - INTERVAL (seq % 30) DAY
FROM seq_100001_to_150000 WHERE @lo = 1;

-- Campaigns -----------------------------------------------------------------------------------
-- state: 25 % live, 50 % succeeded, 8 % realised, 10 % failed, 3 % cancelled, 2 % submitted, 2 % draft.
INSERT INTO plc_campaigns (id, owner_id, owner_name, state, title, slug, summary, description,
  neighbourhood, theme, place, goal_minor, duration_days, cap_percent, featured, created_at,
  updated_at, submitted_at, published_at, ends_at, closed_at)
SELECT n, owner, owner_name, state, title, 'projet', summary, description, neighbourhood, theme,
  place, goal, duration, 150, featured,
  COALESCE(published - INTERVAL 9 DAY, NOW() - INTERVAL (n % 20) DAY),
  COALESCE(closed, published, NOW() - INTERVAL (n % 20) DAY),
  IF(state = 'draft', NULL, COALESCE(published - INTERVAL 2 DAY, NOW() - INTERVAL (n % 5) DAY)),
  published, published + INTERVAL duration DAY, closed
FROM (
  SELECT n, owner, owner_name, state, title, summary, description, neighbourhood, theme, place,
    goal, duration, featured, published,
    IF(state IN ('succeeded', 'realised', 'failed', 'cancelled'),
       published + INTERVAL duration DAY + INTERVAL 1 HOUR, NULL) AS closed
  FROM (
    SELECT n, owner, owner_name, state, title, summary, description, neighbourhood, theme, place,
      goal, duration, featured,
      CASE
        WHEN state = 'live' THEN UTC_TIMESTAMP() - INTERVAL (h % 28) DAY - INTERVAL (n % 1380) MINUTE
        WHEN state IN ('draft', 'submitted') THEN NULL
        ELSE UTC_TIMESTAMP() - INTERVAL (70 + h % 1800) DAY - INTERVAL (n % 1380) MINUTE
      END AS published
    FROM (
      SELECT seq AS n,
        100001 + HASH('o', seq) % 20000 AS owner,
        CONCAT(ELT(1 + HASH('of', seq) % 20, 'Camille', 'Louis', 'Léa', 'Hugo', 'Manon',
          'Jules', 'Inès', 'Arthur', 'Zoé', 'Nathan', 'Lucie', 'Gabriel', 'Chloé', 'Théo', 'Sarah',
          'Raphaël', 'Emma', 'Paul', 'Jeanne', 'Yanis'), ' ',
          ELT(1 + HASH('ol', seq) % 20, 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert',
          'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel',
          'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier')) AS owner_name,
        CASE
          WHEN s < 25 THEN 'live' WHEN s < 75 THEN 'succeeded' WHEN s < 83 THEN 'realised'
          WHEN s < 93 THEN 'failed' WHEN s < 96 THEN 'cancelled' WHEN s < 98 THEN 'submitted'
          ELSE 'draft'
        END AS state,
        CONCAT(ELT(1 + t1, 'Un jardin partagé', 'Une boîte à livres', 'Des bancs', 'Un atelier vélo',
          'Une fresque murale', 'Un poulailler collectif', 'Des nichoirs', 'Une grainothèque',
          'Un four à pain', 'Une ludothèque', 'Un compost collectif', 'Une fête de la musique',
          'Un verger', 'Des toilettes sèches', 'Un terrain de pétanque', 'Une cabane à dons',
          'Un concert', 'Des ruches', 'Des jeux pour enfants', 'Une bibliothèque de rue',
          'Un repair café', 'Une épicerie solidaire', 'Un festival de contes',
          'Des arceaux à vélos', 'Une mare pédagogique', 'Un potager', 'Un marché de producteurs',
          'Une friperie', 'Un café associatif', 'Une serre'), ' ',
          ELT(1 + t2, 'pour le quartier de la gare', 'au parc des Tilleuls',
          'devant l''école Jules-Ferry', 'place du marché', 'aux Forges', 'sur les Coteaux',
          'rue de la République', 'au centre social', 'près de la médiathèque', 'dans les hameaux',
          'au bord du canal', 'à la maison de retraite', 'au collège Jean-Moulin',
          'derrière l''église', 'au stade municipal', 'dans la cour de la mairie',
          'le long de la voie verte', 'au lavoir', 'à la salle des fêtes', 'sous la halle'),
          ELT(1 + HASH('t3', seq) % 10, '', ' en 2026', ' : deuxième édition',
          ' avec les habitants', ' pour tous', ' solidaire', ' zéro déchet', ' ouvert à tous',
          ' accessible à tous', ' pour les enfants')) AS title,
        CONCAT(ELT(1 + HASH('s1', seq) % 8, 'Nous voulons ', 'Notre association propose ',
          'Des voisins se mobilisent pour ', 'Le conseil municipal des jeunes souhaite ',
          'Avec votre aide, nous allons ', 'Un collectif d''habitants prépare ',
          'Les parents d''élèves veulent ', 'Le comité des fêtes compte '),
          ELT(1 + HASH('s2', seq) % 8, 'créer un lieu convivial',
          'embellir notre rue', 'réunir les générations', 'réduire nos déchets',
          'partager des savoir-faire', 'rendre le quartier plus vert', 'animer la place',
          'aider les familles'),
          ELT(1 + HASH('s3', seq) % 6, ' dès ce printemps.', ' avant l''été.',
          ' pour la rentrée.', ', avec les écoles.', ', avec la mairie.', ' cette année.')) AS summary,
        CONCAT_WS('\n\n',
          CONCAT(ELT(1 + HASH('d1', seq) % 10,
            'Le projet est né lors d''une réunion du conseil de quartier, au printemps dernier.',
            'Tout a commencé par une discussion entre voisins, un samedi matin au marché.',
            'Depuis deux ans, notre association anime des ateliers ouverts à tous les habitants.',
            'Les enfants de l''école élémentaire ont dessiné les premières esquisses du projet.',
            'Une pétition signée par plus de deux cents habitants a lancé l''idée.',
            'Le terrain, prêté par la commune, était en friche depuis des années.',
            'Plusieurs commerçants de la rue nous soutiennent depuis le début.',
            'Le centre social accueille nos réunions chaque premier jeudi du mois.',
            'Nous avons visité des projets semblables dans les communes voisines.',
            'L''idée vient des habitants de la résidence, qui manquaient d''un lieu pour se retrouver.'),
            ' ', ELT(1 + HASH('d2', seq) % 10,
            'Nous cherchons à financer le matériel, les outils et les premières plantations.',
            'La collecte servira à acheter le bois, la quincaillerie et la peinture.',
            'Les fonds couvriront la location du matériel de sonorisation et l''assurance.',
            'Le budget comprend les fournitures, le transport et une petite réserve pour l''entretien.',
            'Chaque euro collecté sera utilisé dans le quartier, avec des artisans du coin.',
            'Un devis détaillé est disponible, et les comptes seront publiés à la fin.',
            'Une partie de la somme financera des ateliers gratuits pour les enfants.',
            'La mairie met à disposition le terrain et l''eau ; il nous reste le matériel.',
            'Nous avons déjà reçu une aide du département, qui couvre un tiers du coût.',
            'Les bénévoles fourniront la main-d''œuvre : le financement porte sur le reste.')),
          CONCAT(ELT(1 + HASH('d3', seq) % 10,
            'Les travaux se feront pendant les week-ends, avec tous ceux qui voudront participer.',
            'Un chantier participatif est prévu sur trois samedis, goûter offert.',
            'Les habitants pourront s''inscrire pour entretenir le lieu à tour de rôle.',
            'Une inauguration festive aura lieu dès que le projet sera terminé.',
            'Nous tiendrons un stand au marché pour présenter l''avancement.',
            'Les écoles et la maison de retraite seront associées aux animations.',
            'Un panneau expliquera l''histoire du projet et remerciera les contributeurs.',
            'Le lieu restera ouvert à tous, sans inscription, du lever au coucher du soleil.',
            'Nous publierons ici des nouvelles régulières, avec des photos du chantier.',
            'Un comité de suivi, ouvert aux donateurs, se réunira chaque trimestre.'),
            ' ', ELT(1 + HASH('d4', seq) % 8,
            'Merci d''avance pour votre soutien, petit ou grand !',
            'Parlez-en autour de vous : chaque contribution compte.',
            'Toutes les bonnes volontés sont les bienvenues.',
            'Rejoignez-nous, même pour une heure !',
            'Nous comptons sur vous pour faire vivre le quartier.',
            'Au plaisir de vous y retrouver nombreux.',
            'Vos idées sont aussi précieuses que vos dons.',
            'Ensemble, rendons notre commune plus agréable.')),
          IF(HASH('d5', seq) % 997 = 17,
            'Nous rêvons aussi d''installer un carillon au sommet du kiosque.', NULL),
          -- A word that only some of the first thousand campaigns hold (about 50), never a later
          -- one: at every size its search lists a full page, of the oldest campaigns.
          IF(seq <= 1000 AND HASH('d7', seq) % 20 = 3,
            'Les enfants de l''école dessineront un petit beffroi pour l''entrée.', NULL),
          ELT(1 + HASH('d6', seq) % 6,
            'La commune compte beaucoup de familles et peu d''espaces partagés.',
            'Ce projet s''inscrit dans le plan communal pour la biodiversité.',
            'Les personnes âgées de la résidence ont participé aux premières réunions.',
            'Le lieu sera accessible aux personnes à mobilité réduite.',
            'Nous voulons un projet sobre, durable et facile à entretenir.',
            'Une convention avec la commune garantit l''usage du terrain pour dix ans.')) AS description,
        ELT(1 + HASH('nb', seq) % 5, 'centre', 'north', 'south', 'east', 'west') AS neighbourhood,
        ELT(1 + HASH('th', seq) % 7, 'environment', 'culture', 'solidarity', 'sport',
          'education', 'mobility', 'heritage') AS theme,
        ELT(1 + t2, 'Quartier de la gare', 'Parc des Tilleuls', 'École Jules-Ferry', 'Place du marché',
          'Les Forges', 'Les Coteaux', 'Rue de la République', 'Centre social',
          'Médiathèque', 'Les hameaux', 'Quai du canal', 'Maison de retraite', 'Collège Jean-Moulin',
          'Place de l''église', 'Stade municipal', 'Cour de la mairie', 'Voie verte', 'Lavoir',
          'Salle des fêtes', 'Halle') AS place,
        100 * ELT(1 + HASH('g', seq) % 8, 500, 1000, 1500, 2500, 4000, 6000, 10000, 20000) AS goal,
        30 + HASH('du', seq) % 31 AS duration,
        HASH('f', seq) % 50 = 0 AS featured,
        h
      FROM (
        SELECT seq, HASH('st', seq) % 100 AS s, HASH('h', seq) AS h,
          HASH('t1', seq) % 30 AS t1, HASH('t2', seq) % 20 AS t2
        FROM seq_1_to_100000000 WHERE seq BETWEEN @lo AND @hi
      ) base
    ) named
  ) dated
) with_dates;

-- Rewards: 0 to 3 per public campaign; ids (n - 1) × 3 + r. Minimum r × 10 €; limit none, 100, 25.
INSERT INTO plc_rewards (id, campaign_id, title, description, min_amount_minor, quantity_limit,
  created_at, updated_at)
SELECT (c.id - 1) * 3 + r.seq, c.id,
  ELT(1 + HASH('rw', c.id, '-', r.seq) % 12, 'Merci sur notre page',
    'Carte postale illustrée', 'Visite du chantier', 'Invitation à l''inauguration',
    'Sac en toile du projet', 'Pot de miel du quartier', 'Atelier découverte',
    'Votre nom gravé sur la plaque', 'Affiche signée', 'Repas partagé', 'Livre de recettes',
    'Place réservée au concert'),
  'Une contrepartie préparée par les bénévoles.', r.seq * 1000, ELT(r.seq, NULL, 100, 25),
  c.created_at, c.created_at
FROM plc_campaigns c JOIN seq_1_to_3 r ON r.seq <= HASH('r', c.id) % 4
WHERE c.id BETWEEN @lo AND @hi AND c.published_at IS NOT NULL;

-- News from the owner on a third of the public campaigns; an in-kind need on a fifth.
INSERT INTO plc_campaign_updates (campaign_id, author_id, title, body, created_at)
SELECT c.id, c.owner_id,
  ELT(1 + u.seq, 'Merci à tous !', 'Le chantier avance', 'Dernière ligne droite'),
  'Grâce à vous, le projet avance : les premières commandes sont passées et le chantier commence bientôt.',
  c.published_at + INTERVAL (u.seq * 5) DAY
FROM plc_campaigns c JOIN seq_0_to_1 u ON u.seq <= HASH('u', c.id) % 2
WHERE c.id BETWEEN @lo AND @hi AND c.published_at IS NOT NULL AND c.id % 3 = 0;

INSERT INTO plc_needs (campaign_id, kind, title, description, quantity, created_at)
SELECT c.id, ELT(1 + c.id % 5, 'skill', 'equipment', 'volunteers', 'space', 'other'),
  ELT(1 + c.id % 5, 'Un menuisier pour une journée', 'Une remorque', 'Des bénévoles pour le chantier',
    'Un local pour stocker le matériel', 'Des plants et des graines'),
  'Toute aide est la bienvenue.', 1 + c.id % 6, c.created_at
FROM plc_campaigns c WHERE c.id BETWEEN @lo AND @hi AND c.published_at IS NOT NULL AND c.id % 5 = 0;

-- Pledges: 0 to 21 per public campaign (10.5 on average). Their sum is the goal × f (live 0.2–0.79,
-- succeeded 1.0–1.29, failed 0.3–0.69), spread over amounts from half to one and a half the mean,
-- in whole euros: always under the 150 % cap. Live: a third pending, the rest paid; succeeded:
-- paid; failed or cancelled: refunded, or expired when they were never paid.
INSERT INTO plc_pledges (campaign_id, backer_id, reward_id, amount_minor, currency, state, anonymous,
  display_name, public_message, idempotency_token, provider, created_at, updated_at, paid_at,
  expired_at, refund_requested_at, refunded_at)
SELECT campaign_id, backer_id,
  IF(j % 4 BETWEEN 1 AND rewards AND amount >= (j % 4) * 1000, (campaign_id - 1) * 3 + j % 4, NULL),
  amount, 'EUR', pstate, j % 9 = 0, display_name, message, token, 'manual', created, created,
  IF(pstate IN ('paid', 'refunded'), created + INTERVAL 1 DAY, NULL),
  IF(pstate = 'expired', created + INTERVAL 14 DAY, NULL),
  IF(pstate = 'refunded', closed_at, NULL),
  IF(pstate = 'refunded', closed_at + INTERVAL 3 DAY, NULL)
FROM (
  SELECT c.id AS campaign_id, j.seq AS j, c.closed_at,
    100001 + HASH('b', c.id, '-', j.seq) % 50000 AS backer_id,
    HASH('r', c.id) % 4 AS rewards,
    100 * GREATEST(5, ROUND(c.goal_minor / 100
      * CASE WHEN c.state = 'live' THEN 0.2 + (HASH('h', c.id) % 60) / 100
             WHEN c.state IN ('succeeded', 'realised') THEN 1.0 + (HASH('h', c.id) % 30) / 100
             ELSE 0.3 + (HASH('h', c.id) % 40) / 100 END
      * (0.5 + (j.seq % 5) * 0.25) / (HASH('p', c.id) % 22))) AS amount,
    CASE WHEN c.state = 'live' THEN IF(j.seq % 3 = 0, 'pending', 'paid')
         WHEN c.state IN ('succeeded', 'realised') THEN 'paid'
         ELSE IF(j.seq % 4 = 0, 'expired', 'refunded') END AS pstate,
    CONCAT(ELT(1 + HASH('bf', c.id, '-', j.seq) % 20, 'Camille', 'Louis', 'Léa', 'Hugo',
      'Manon', 'Jules', 'Inès', 'Arthur', 'Zoé', 'Nathan', 'Lucie', 'Gabriel', 'Chloé', 'Théo',
      'Sarah', 'Raphaël', 'Emma', 'Paul', 'Jeanne', 'Yanis'), ' ',
      ELT(1 + HASH('bl', c.id, '-', j.seq) % 20, 'M.', 'B.', 'D.', 'T.', 'R.', 'P.', 'L.',
      'S.', 'G.', 'F.', 'V.', 'C.', 'A.', 'N.', 'H.', 'J.', 'K.', 'E.', 'O.', 'Z.')) AS display_name,
    ELT(1 + HASH('m', c.id, '-', j.seq) % 8, '', '', '', 'Bravo pour ce projet !',
      'Hâte de voir le résultat.', 'Pour le quartier.', 'Bon courage à toute l''équipe.',
      'Merci pour les enfants.') AS message,
    MD5(CONCAT('bench-pledge-', c.id, '-', j.seq)) AS token,
    c.published_at + INTERVAL FLOOR(j.seq * TIMESTAMPDIFF(MINUTE, c.published_at,
      LEAST(c.ends_at, UTC_TIMESTAMP())) / 23) MINUTE AS created
  FROM plc_campaigns c JOIN seq_1_to_21 j ON j.seq <= HASH('p', c.id) % 22
  WHERE c.id BETWEEN @lo AND @hi AND c.published_at IS NOT NULL
) p;

-- The ledger: one payment per paid or refunded pledge, one refund per refunded pledge.
INSERT INTO plc_ledger_entries (kind, campaign_id, pledge_id, amount_minor, currency, provider,
  actor_id, created_at)
SELECT 'payment', campaign_id, id, amount_minor, currency, provider, 1, paid_at
FROM plc_pledges WHERE campaign_id BETWEEN @lo AND @hi AND state IN ('paid', 'refunded');
INSERT INTO plc_ledger_entries (kind, campaign_id, pledge_id, amount_minor, currency, provider,
  actor_id, created_at)
SELECT 'refund', campaign_id, id, -amount_minor, currency, provider, 1, refunded_at
FROM plc_pledges WHERE campaign_id BETWEEN @lo AND @hi AND state = 'refunded';

-- Cached totals and reward claims, from the rows just written.
UPDATE plc_campaigns c JOIN (
  SELECT campaign_id,
    SUM(IF(state IN ('pending', 'paid'), amount_minor, 0)) AS pledged,
    SUM(IF(state = 'paid', amount_minor, 0)) AS collected
  FROM plc_pledges WHERE campaign_id BETWEEN @lo AND @hi GROUP BY campaign_id
) t ON t.campaign_id = c.id
SET c.pledged_minor = t.pledged, c.collected_minor = t.collected;
UPDATE plc_rewards r JOIN (
  SELECT reward_id, COUNT(*) AS n FROM plc_pledges
  WHERE campaign_id BETWEEN @lo AND @hi AND reward_id IS NOT NULL
    AND state IN ('pending', 'paid', 'refund_pending')
  GROUP BY reward_id
) t ON t.reward_id = r.id
SET r.claimed = t.n;

-- Skill listings (odd numbers) and barter & lending items (even numbers), one per campaign number.
INSERT INTO plc_skill_listings (owner_id, kind, title, description, category, neighbourhood,
  availability, mode, status, created_at, updated_at, expires_at)
SELECT 100001 + HASH('so', seq) % 20000,
  IF(HASH('sk', seq) % 10 < 7, 'offer', 'request'),
  CONCAT(ELT(1 + cat * 3 + HASH('sv', seq) % 3,
    'Petits travaux de bricolage', 'Montage de meubles', 'Pose d''étagères',
    'Conseils pour le potager', 'Taille des haies et des arbres fruitiers', 'Aide au jardin',
    'Dépannage informatique', 'Initiation à la tablette', 'Aide pour les démarches en ligne',
    'Cuisine du monde', 'Pâtisserie avec les enfants', 'Conserves et confitures',
    'Conversation en anglais', 'Cours d''espagnol', 'Français langue étrangère',
    'Soutien scolaire en mathématiques', 'Aide aux devoirs', 'Préparation au brevet',
    'Aide pour les papiers administratifs', 'Déclaration d''impôts', 'Lettres et courriers',
    'Cours de guitare', 'Initiation au piano', 'Chant et chorale',
    'Retouches et ourlets', 'Couture pour débutants', 'Tricot et crochet',
    'Réparation de vélos', 'Petite électricité', 'Plomberie simple',
    'Visites aux personnes seules', 'Promenade avec les aînés', 'Garde d''animaux',
    'Covoiturage vers le marché', 'Aide au déménagement', 'Coup de main ponctuel'),
    ELT(1 + HASH('sq', seq) % 6, '', ' le samedi', ' en soirée', ' près de la gare',
    ' pour débutants', ' sans engagement')),
  CONCAT(ELT(1 + HASH('sd1', seq) % 6,
    'Retraité, j''ai du temps et de l''expérience à partager.',
    'Je propose un coup de main à mes voisins, simplement.',
    'Je cherche quelqu''un de patient pour m''aider.',
    'Passionnée depuis vingt ans, j''aime transmettre.',
    'Étudiant, je peux aider en échange d''un autre service.',
    'Nous sommes une famille du quartier, prête à rendre service.'), ' ',
    ELT(1 + HASH('sd2', seq) % 6,
    'Je peux me déplacer dans tout le quartier, ou vous recevoir chez moi.',
    'Le matériel est fourni si besoin.', 'Une heure par semaine me conviendrait.',
    'Contactez-moi par la messagerie pour convenir d''un moment.',
    'Possible aussi au jardin partagé ou au centre social.',
    'Pas besoin d''être un expert : la bonne humeur suffit.')),
  ELT(1 + cat, 'diy', 'gardening', 'computing', 'cooking', 'languages', 'tutoring', 'paperwork',
    'music', 'sewing', 'repairs', 'company', 'other'),
  ELT(1 + HASH('sn', seq) % 5, 'centre', 'gare', 'forges', 'coteaux', 'hameaux'),
  ELT(1 + HASH('sa', seq) % 6, 'Le samedi matin', 'En semaine après 18 h',
    'Le mercredi après-midi', 'Pendant les vacances scolaires', 'Sur rendez-vous', 'Le dimanche'),
  IF(HASH('sm', seq) % 3 = 0, 'time_bank', 'free'),
  status, created, created,
  IF(status = 'active', UTC_TIMESTAMP() + INTERVAL (1 + seq % 90) DAY, created + INTERVAL 90 DAY)
FROM (
  SELECT seq, HASH('sc', seq) % 12 AS cat,
    ELT(1 + HASH('ss', seq) % 20, 'active', 'active', 'active', 'active', 'active',
      'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active',
      'active', 'active', 'paused', 'expired', 'expired', 'closed') AS status,
    UTC_TIMESTAMP() - INTERVAL (HASH('sw', seq) % 700) DAY AS created
  FROM seq_1_to_100000000 WHERE seq BETWEEN @lo AND @hi AND seq % 2 = 1
) s;

INSERT INTO plc_exchange_items (owner_id, kind, title, description, category, item_condition,
  neighbourhood, status, has_photo, partner_id, created_at, updated_at, expires_at, done_at)
SELECT 100001 + HASH('io', seq) % 20000,
  ELT(1 + HASH('ik', seq) % 4, 'give', 'lend', 'swap', 'request'),
  CONCAT(ELT(1 + cat * 3 + HASH('iv', seq) % 3,
    'Perceuse à percussion', 'Scie sauteuse', 'Échelle de trois mètres',
    'Tondeuse à gazon', 'Sécateur et cisailles', 'Plants de tomates',
    'Robot pâtissier', 'Appareil à raclette', 'Grande marmite',
    'Romans policiers', 'Bandes dessinées', 'Livres de cuisine',
    'Manteau d''hiver', 'Chaussures de randonnée', 'Vêtements de bébé',
    'Poussette', 'Jeux de société', 'Lit parapluie',
    'Vélo d''enfant', 'Raquettes de tennis', 'Tente quatre places',
    'Ordinateur portable', 'Imprimante', 'Enceinte portable',
    'Table de jardin', 'Chaises pliantes', 'Petite commode',
    'Remorque de vélo', 'Porte-vélos', 'Siège auto',
    'Aide au déménagement', 'Prêt de garage', 'Covoiturage',
    'Carton de vaisselle', 'Lampe de bureau', 'Objets divers'),
    ELT(1 + HASH('iq', seq) % 5, '', ' (quartier)', ' disponible',
    ' de qualité', ' pour le week-end')),
  ELT(1 + HASH('id', seq) % 6,
    'Servi quelques fois, fonctionne très bien. À récupérer dans le quartier.',
    'Je le prête volontiers pour quelques jours, merci d''en prendre soin.',
    'Donné à qui en aura l''usage, plutôt que de le jeter.',
    'Échange possible contre des plants ou des livres.',
    'Je cherche à emprunter cet objet pour un petit chantier.',
    'Disponible le soir et le week-end, passez me voir.'),
  ELT(1 + cat, 'tools', 'garden', 'kitchen', 'books', 'clothes', 'children', 'sports',
    'electronics', 'furniture', 'vehicles', 'services', 'other'),
  ELT(1 + HASH('ic', seq) % 5, 'new', 'good', 'good', 'fair', 'worn'),
  ELT(1 + HASH('in', seq) % 5, 'centre', 'gare', 'forges', 'coteaux', 'hameaux'),
  status, 0, IF(status = 'done', 100001 + HASH('ip', seq) % 20000, NULL),
  created, created,
  IF(status = 'active', UTC_TIMESTAMP() + INTERVAL (1 + seq % 90) DAY, created + INTERVAL 90 DAY),
  IF(status = 'done', created + INTERVAL 10 DAY, NULL)
FROM (
  SELECT seq, HASH('icat', seq) % 12 AS cat,
    ELT(1 + HASH('is', seq) % 20, 'active', 'active', 'active', 'active', 'active',
      'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active',
      'active', 'paused', 'expired', 'expired', 'closed', 'done') AS status,
    UTC_TIMESTAMP() - INTERVAL (HASH('iw', seq) % 700) DAY AS created
  FROM seq_1_to_100000000 WHERE seq BETWEEN @lo AND @hi AND seq % 2 = 0
) i;
