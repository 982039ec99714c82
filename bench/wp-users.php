<?php
// Creates the write benchmark's citizens in the bench stack's WordPress (subscribers with real
// password hashes, made by WordPress itself), then prints "login<TAB>password" per line.
// Usage: php wp-users.php WORDPRESS_DIR SITE_URL COUNT   (run by bench/write; idempotent)

if (PHP_SAPI !== 'cli' || $argc !== 4) {
    fwrite(STDERR, "usage: php wp-users.php WORDPRESS_DIR SITE_URL COUNT\n");
    exit(2);
}
[, $wp_dir, $site_url, $count] = $argv;
$count = (int) $count;
if ($count < 1 || $count > 10000) {
    fwrite(STDERR, "wp-users: COUNT must be from 1 to 10000\n");
    exit(2);
}

// WordPress reads the request's host in a few places; pretend to be a request to the site.
$url = parse_url($site_url);
$_SERVER['HTTP_HOST'] = $url['host'] . (isset($url['port']) ? ':' . $url['port'] : '');
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $wp_dir . '/wp-load.php';

// Varied French names, so the pledges' display names look like a town's.
$first = ['Camille', 'Louis', 'Léa', 'Hugo', 'Manon', 'Jules', 'Inès', 'Arthur', 'Zoé', 'Nathan',
          'Lucie', 'Gabriel', 'Chloé', 'Théo', 'Sarah', 'Raphaël', 'Emma', 'Paul', 'Jeanne', 'Yanis'];
$last = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy',
         'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux'];

for ($i = 1; $i <= $count; $i++) {
    $login = sprintf('citoyen%04d', $i);
    $password = "bench-$login-2026";
    if (!get_user_by('login', $login)) {
        $f = $first[$i % count($first)];
        $l = $last[intdiv($i, count($first)) % count($last)];
        $id = wp_insert_user([
            'user_login' => $login,
            'user_pass' => $password,
            'user_email' => "$login@ville-demo.test",
            'display_name' => "$f $l",
            'nickname' => "$f $l",
            'first_name' => $f,
            'last_name' => $l,
            'role' => 'subscriber',
        ]);
        if (is_wp_error($id)) {
            fwrite(STDERR, "wp-users: $login: " . $id->get_error_message() . "\n");
            exit(1);
        }
    }
    echo "$login\t$password\n";
}
