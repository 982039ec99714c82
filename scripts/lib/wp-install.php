<?php
// Installs WordPress non-interactively for the local stack (called by scripts/lib/stack.sh).
// Usage: php wp-install.php WORDPRESS_DIR SITE_URL USERS_TSV LANGUAGE  — prints "post_path=/…/".

if (PHP_SAPI !== 'cli' || $argc !== 5) {
    fwrite(STDERR, "usage: php wp-install.php WORDPRESS_DIR SITE_URL USERS_TSV LANGUAGE\n");
    exit(2);
}
[, $wp_dir, $site_url, $users_tsv, $language] = $argv;

// WordPress reads the request's host in a few places; pretend to be a request to the site.
$url = parse_url($site_url);
$_SERVER['HTTP_HOST'] = $url['host'] . (isset($url['port']) ? ':' . $url['port'] : '');
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['SERVER_PORT'] = (string) ($url['port'] ?? 80);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define('WP_INSTALLING', true);
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function fail(string $what): void {
    fwrite(STDERR, "wp-install: $what\n");
    exit(1);
}

// USERS_TSV: login, password, role, display name, first name, last name, e-mail; first = admin.
$users = [];
foreach (file($users_tsv, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    if ($line[0] === '#') {
        continue;
    }
    $f = explode("\t", $line);
    if (count($f) !== 7) {
        fail("bad line in $users_tsv: $line");
    }
    $users[] = array_combine(['login', 'password', 'role', 'display', 'first', 'last', 'email'], $f);
}
$admin = $users[0];
if ($admin['role'] !== 'administrator') {
    fail('the first user must be the administrator');
}

if (is_blog_installed()) {
    fail('WordPress is already installed in this database');
}
if ($language !== '' && !file_exists(WP_LANG_DIR . "/$language.mo")) {
    $language = '';  // language pack not installed: stay in English
}
$result = wp_install('Ville de Démo', $admin['login'], $admin['email'], false, '',
                     wp_slash($admin['password']), $language);
if (is_wp_error($result)) {
    fail($result->get_error_message());
}

update_option('siteurl', $site_url);
update_option('home', $site_url);
update_option('blogdescription', 'Le site de la commune');
update_option('timezone_string', 'Europe/Paris');
update_option('users_can_register', 0);
update_option('default_role', 'subscriber');
// No "is this still your e-mail?" screen at an administrator's login for years.
update_option('admin_email_lifespan', time() + 10 * YEAR_IN_SECONDS);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
flush_rewrite_rules(false);

foreach ($users as $u) {
    $data = [
        'user_login' => $u['login'],
        'user_pass' => $u['password'],
        'user_email' => $u['email'],
        'display_name' => $u['display'],
        'nickname' => $u['display'],
        'first_name' => $u['first'],
        'last_name' => $u['last'],
        'role' => $u['role'],
    ];
    $existing = get_user_by('login', $u['login']);
    if ($existing) {
        $data['ID'] = $existing->ID;
        unset($data['user_pass']);  // wp_install already set it; updating would log it out
        $id = wp_update_user($data);
    } else {
        $id = wp_insert_user($data);
    }
    if (is_wp_error($id)) {
        fail($u['login'] . ': ' . $id->get_error_message());
    }
}

// Remove the sample content (post, page, privacy draft and its comment).
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1])
         as $p) {
    wp_delete_post($p->ID, true);
}

// One published article of about 5 kB of text: the reference page for the benchmarks.
$paragraphs = [
    "Depuis le printemps, la place du marché vit au rythme des travaux. Les pavés posés au début du siècle dernier avaient souffert des gelées successives et du passage des camions de livraison ; plusieurs commerçants signalaient des chutes, en particulier les jours de pluie. Le conseil municipal a donc voté en janvier un programme de rénovation en trois phases, pensé pour que le marché du samedi ne soit jamais interrompu. La première phase, achevée fin avril, a concerné le côté de la mairie et l'accès depuis la rue des Tilleuls.",
    "La deuxième phase porte sur le centre de la place. Les anciens pavés sont déposés un à un, nettoyés puis réutilisés lorsqu'ils sont en bon état : près de sept sur dix pourront retrouver leur place. Les autres sont remplacés par des pavés de granit provenant d'une carrière de la région. Sous la chaussée, les réseaux d'eau pluviale sont repris afin que l'eau ne stagne plus devant la fontaine, un problème que les habitants du quartier connaissent bien depuis des années.",
    "Pendant cette période, les étals sont déplacés vers l'allée des Platanes et le parking de l'école, qui reste fermé aux voitures le samedi matin de sept heures à quatorze heures. Un plan est affiché à chaque entrée de la place et distribué par les placiers. Les producteurs ont été consultés lors de deux réunions publiques en mars ; la plupart ont choisi de garder leur emplacement habituel dans le nouvel agencement, ce qui facilitera le retour à la normale.",
    "La fontaine elle-même sera restaurée par un tailleur de pierre. Son bassin fuyait depuis longtemps et la vasque présentait des fissures. Les travaux comprennent la reprise des joints, la remise en état du mécanisme et l'installation d'un circuit fermé qui réduira fortement la consommation d'eau. Un panneau expliquera l'histoire du monument, construit en 1874 grâce à une souscription des habitants, une forme de financement participatif avant l'heure dont le souvenir a inspiré plusieurs associations de la commune.",
    "Les arbres de la place ont fait l'objet d'un diagnostic sanitaire. Deux tilleuls malades seront remplacés à l'automne par des essences mieux adaptées aux étés secs, et des bancs seront installés à leur pied. Les enfants de l'école élémentaire participeront aux plantations dans le cadre d'un projet pédagogique sur la biodiversité en ville. Des nichoirs et un hôtel à insectes, fabriqués par l'atelier de menuiserie du centre social, compléteront l'aménagement au printemps prochain.",
    "La troisième phase, prévue pour l'hiver, concernera l'éclairage. Les lampadaires actuels seront remplacés par des luminaires plus sobres, orientés vers le sol, dont l'intensité baissera au milieu de la nuit. Cette mesure s'inscrit dans le plan communal de réduction des consommations d'énergie adopté l'an dernier. Les économies attendues permettront de financer en partie l'entretien de la place pendant les années suivantes, sans hausse de la part communale des impôts locaux.",
    "Le coût total de l'opération est estimé à 480 000 euros, dont près de la moitié est couverte par des subventions du département et de la région. La commune prend en charge le reste sur trois exercices budgétaires. Le détail des dépenses, les comptes rendus des réunions publiques et le calendrier mis à jour chaque semaine sont consultables à l'accueil de la mairie et sur ce site. Les habitants peuvent aussi poser leurs questions lors de la permanence du jeudi après-midi.",
    "Plusieurs habitants ont proposé de prolonger ce chantier par des projets portés directement par le quartier : une boîte à livres près de l'arrêt de bus, un atelier de réparation de vélos installé un samedi par mois, des jardinières entretenues par les voisins. La commune étudie la manière de soutenir ces initiatives, par exemple en mettant du matériel à disposition ou en relayant des appels à contributions. Un espace dédié sur ce site permettra bientôt de présenter ces projets, d'y participer et d'en suivre l'avancement.",
    "Nous remercions les riverains et les commerçants pour leur patience. Une fête de quartier marquera la fin des travaux : concert sur la place, buvette tenue par le comité des fêtes et visite commentée de la fontaine restaurée. Les associations qui souhaitent y participer peuvent se faire connaître dès maintenant auprès du service vie locale. D'ici là, le marché continue chaque samedi, et les producteurs vous attendent nombreux dans l'allée des Platanes.",
];
$content = '';
foreach ($paragraphs as $p) {
    $content .= "<!-- wp:paragraph -->\n<p>" . esc_html($p) . "</p>\n<!-- /wp:paragraph -->\n\n";
}
$post_id = wp_insert_post([
    'post_title' => 'La place du marché se refait une beauté',
    'post_name' => 'la-place-du-marche',
    'post_content' => $content,
    'post_status' => 'publish',
    'post_author' => get_user_by('login', $admin['login'])->ID,
], true);
if (is_wp_error($post_id)) {
    fail($post_id->get_error_message());
}
echo 'post_path=' . wp_make_link_relative(get_permalink($post_id)) . "\n";
