# shellcheck shell=bash
# Part of scripts/lib/stack.sh (sourced by it): WordPress of the local stack, a copy of Debian's
# tree with its own wp-config.php, installed by scripts/lib/wp-install.php with the demo accounts.

# --- WordPress -----------------------------------------------------------------------------------

_stack_wp_users_file() {
    local dir=$1 entry login role display first last
    {
        printf '# login\tpassword\trole\tdisplay name\tfirst name\tlast name\te-mail\n'
        for entry in "${STACK_WP_USERS[@]}"; do
            IFS='|' read -r login role display first last <<<"$entry"
            printf '%s\tdemo-%s-2026\t%s\t%s\t%s\t%s\t%s@ville-demo.test\n' \
                "$login" "$login" "$role" "$display" "$first" "$last" "$login"
        done
    } >"$dir/wordpress-users.tsv"
}

_stack_wp_salt() { openssl rand -base64 48 | tr -d '\n'; }

_stack_wp_config() {
    local dir=$1 salts="" name
    if [[ ${STACK_WP_SALTS:-} == debian ]]; then
        # As Debian's /usr/share/doc/wordpress/examples/setup-mysql: SECRET_KEY only. WordPress then
        # uses SECRET_KEY as the key and generates the salts (logged_in_salt...) into wp_options.
        salts="define('SECRET_KEY', '$(_stack_wp_salt)');"
    else
        for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT \
            LOGGED_IN_SALT NONCE_SALT; do
            salts+="define('$name', '$(_stack_wp_salt)');"$'\n'
        done
    fi
    (
        umask 027
        cat >"$dir/wordpress/wp-config.php" <<EOF
<?php
// WordPress configuration of the local stack in $dir (generated once by scripts/lib/stack.sh).
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$WORDPRESS_DB_PASSWORD');
define('DB_HOST', 'localhost:$dir/run/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');

$salts
\$table_prefix = 'wp_';

define('WP_DEBUG', false);
// Closed loopback stack: no calls to wordpress.org (admin pages would wait for time-outs), no
// automatic updates, and no wp-cron requests fired from page views (they would disturb benchmarks).
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
EOF
    )
    if _stack_is_root; then chgrp www-data "$dir/wordpress/wp-config.php"; fi
}

_stack_php_cli() {
    if _stack_is_root; then
        runuser -u www-data -- php8.2 "$@"
    else
        php8.2 "$@"
    fi
}

# First start only: copy Debian's WordPress tree, write wp-config.php, install, add the users.
_stack_wp_init() {
    local dir=$1
    [[ -f $dir/.wordpress-installed ]] && return 0
    _stack_log "installing WordPress in $dir/wordpress"
    rm -rf "$dir/wordpress"
    # A copy, not a symlink: WordPress resolves its own path (ABSPATH) through links.
    cp -a /usr/share/wordpress "$dir/wordpress"
    rm -f "$dir/wordpress/.htaccess" "$dir/wordpress/wp-config.php"
    mkdir -p "$dir/wordpress/wp-content/uploads"
    if _stack_is_root; then chown www-data:www-data "$dir/wordpress/wp-content/uploads"; fi
    _stack_wp_config "$dir"
    _stack_wp_users_file "$dir"
    mariadb --defaults-file="$dir/mariadb/root.cnf" -e \
        "DROP DATABASE IF EXISTS wordpress; CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    local out
    out=$(_stack_php_cli "$STACK_REPO/scripts/lib/wp-install.php" "$dir/wordpress" \
        "$STACK_BASE_URL" "$dir/wordpress-users.tsv" "${STACK_WP_LANG-fr_FR}" 2>&1) ||
        {
            printf '%s\n' "$out" >&2
            _stack_die "WordPress installation failed"
        }
    local post_path
    post_path=$(sed -n 's/^post_path=//p' <<<"$out")
    [[ -n $post_path ]] || _stack_die "WordPress installation printed no post path: $out"
    echo "STACK_WP_POST_PATH=$post_path" >>"$dir/stack.env"
    touch "$dir/.wordpress-installed"
}
