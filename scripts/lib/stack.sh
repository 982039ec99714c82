# shellcheck shell=bash
# Local stack for the demo and the tests: MariaDB, php-fpm + WordPress, nginx and Placette on
# loopback only, all data under one directory, every process tracked by a PID file, stopped by PID.
#
# Source this file, then:
#   stack_up DIR HTTP_PORT      create (first time) or restart the stack in DIR; MariaDB on PORT+1000
#   stack_down DIR              stop what stack_up started (idempotent)
#   stack_status DIR            one line per service; returns 1 when one is not running
#   stack_running DIR [SERVICE] true when that service (default: any) runs
#   stack_stop_mariadb DIR / stack_start_mariadb DIR / stack_restart_mariadb DIR
#   stack_sql DIR [SQL]         run SQL as MariaDB root on database wordpress (stdin if no SQL)
#   stack_placette_db_password DIR   the placette MariaDB user's password
# Settings (environment): BUILD_DIR (default REPO/build, where placette-fcgi and placette-admin
# are), STACK_WP_SALTS=debian (wp-config.php defines only SECRET_KEY, as Debian's setup-mysql does),
# STACK_WP_LANG (default fr_FR), STACK_PHP_CHILDREN (default 4), STACK_TIMEOUT (default 60 s),
# STACK_SKIP_PLACETTE=1 (WordPress only; Placette is also skipped, with a warning, when not built).
#
# Layout of DIR: mariadb/ (my.cnf, root.cnf, data/), run/ (sockets, pid files; pids/ holds the
# PIDs this script records), log/, nginx/, php/, wordpress/ (a copy of Debian's tree), placette/
# (placette.ini, secrets.ini), secrets.env (passwords), stack.env (ports, URLs, paths),
# wordpress-users.tsv (demo logins and passwords).
# The services are configured in stack-services.sh and stack-wordpress.sh beside this file.

STACK_LIB_FILE=$(readlink -f "${BASH_SOURCE[0]}")
STACK_REPO=$(cd "$(dirname "$STACK_LIB_FILE")/../.." && pwd)

# Start-up order; stack_down stops in the reverse order.
# fakepay runs only with STACK_PAYMENTS_FAKE=1 (the demo's fake Stripe or Mollie).
STACK_SERVICES=(mariadb php-fpm nginx fakepay placette)

# WordPress accounts: login, role, display name, first name, last name. The first is the admin.
# Loopback-only demo stack: fixed passwords "demo-<login>-2026" are fine and printed by the demo.
STACK_WP_USERS=(
    "maire|administrator|Anne Maire|Anne|Maire"
    "editrice|editor|Eva Editrice|Eva|Editrice"
    "alice|subscriber|Alice Martin|Alice|Martin"
    "bruno|subscriber|Bruno Petit|Bruno|Petit"
    "chloe|subscriber|Chloé Durand|Chloé|Durand"
)

_stack_log() { printf '[stack] %s\n' "$*" >&2; }
_stack_die() {
    _stack_log "error: $*"
    exit 1
}
# Refusal before anything was started: stack_up then leaves a running stack alone.
_STACK_REFUSED=3
_stack_refuse() {
    _stack_log "error: $*"
    exit "$_STACK_REFUSED"
}

# Runs FUNCTION ARGS in a child bash with errexit, so that a failure stops there whatever the
# caller's context (errexit is ignored inside functions called from `if` or `||`).
_stack_run() {
    local fn=$1
    shift
    # shellcheck disable=SC2016  # expanded by the child bash
    BUILD_DIR=${BUILD_DIR:-} STACK_WP_SALTS=${STACK_WP_SALTS:-} STACK_WP_LANG=${STACK_WP_LANG-fr_FR} \
        STACK_PHP_CHILDREN=${STACK_PHP_CHILDREN:-4} STACK_TIMEOUT=${STACK_TIMEOUT:-60} \
        STACK_SKIP_PLACETTE=${STACK_SKIP_PLACETTE:-} \
        "$BASH" -c 'set -euo pipefail; source "$1"; shift; "$@"' _ "$STACK_LIB_FILE" "$fn" "$@"
}

_stack_abs() {
    [[ -n ${1:-} ]] || _stack_die "missing stack directory"
    readlink -m "$1"
}

_stack_is_root() { ((EUID == 0)); }

# --- processes -----------------------------------------------------------------------------------

_stack_pidfile() { printf '%s/run/pids/%s.pid' "$1" "$2"; }

# True when PID runs (a zombie does not count) and its command line mentions DIR: a PID that was
# recycled by an unrelated process is never signalled.
_stack_pid_is_ours() {
    local dir=$1 pid=$2 state cmdline
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$dir/"* ]]
}

# Prints the recorded PID of SERVICE when that process is running.
_stack_running_pid() {
    local dir=$1 name=$2 pidfile pid
    pidfile=$(_stack_pidfile "$dir" "$name")
    [[ -f $pidfile ]] || return 1
    pid=$(<"$pidfile")
    _stack_pid_is_ours "$dir" "$pid" || return 1
    printf '%s\n' "$pid"
}

# Starts SERVICE in the background in its own session (a Ctrl-C aimed at the calling script does
# not reach it), output to log/SERVICE.out. The PID written is the service's own: bash records $$
# and then execs the command in place.
_stack_spawn() {
    local dir=$1 name=$2
    shift 2
    local pidfile
    pidfile=$(_stack_pidfile "$dir" "$name")
    rm -f "$pidfile"
    # shellcheck disable=SC2016  # $$ and $@ belong to the inner bash
    setsid bash -c 'echo "$$" >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
        </dev/null >>"$dir/log/$name.out" 2>&1 &
    local waited=0
    until [[ -s $pidfile ]]; do
        ((waited++ < 100)) || _stack_die "$name: no PID file after 10 s"
        sleep 0.1
    done
}

# Waits up to TIMEOUT seconds for CMD to succeed; fails early if SERVICE's process is gone.
_stack_wait() {
    local dir=$1 name=$2 timeout=$3 what=$4
    shift 4
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        if ! _stack_running_pid "$dir" "$name" >/dev/null; then
            _stack_log "$name exited while waiting for $what; end of its logs:"
            tail -n 20 "$dir/log/$name"* >&2 2>/dev/null || true
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            _stack_log "$name: no $what after ${timeout}s; end of its logs:"
            tail -n 20 "$dir/log/$name"* >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
}

# Stops SERVICE by its recorded PID: TERM, up to 15 s, then KILL. Never fails.
_stack_stop_service() {
    local dir=$1 name=$2 pidfile pid waited=0
    pidfile=$(_stack_pidfile "$dir" "$name")
    [[ -f $pidfile ]] || return 0
    pid=$(<"$pidfile")
    if _stack_pid_is_ours "$dir" "$pid"; then
        _stack_log "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        while _stack_pid_is_ours "$dir" "$pid" && ((waited < 150)); do
            sleep 0.1
            waited=$((waited + 1))
        done
        if _stack_pid_is_ours "$dir" "$pid"; then
            _stack_log "$name (pid $pid) still runs after 15 s: KILL"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.5
        fi
    fi
    rm -f "$pidfile"
}

_stack_tcp_listening() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }
_stack_unix_listening() { ss -Hxl 2>/dev/null | awk -v p="$1" '$5 == p {found=1} END {exit !found}'; }

# shellcheck source=scripts/lib/stack-services.sh
source "$(dirname "$STACK_LIB_FILE")/stack-services.sh"
# shellcheck source=scripts/lib/stack-wordpress.sh
source "$(dirname "$STACK_LIB_FILE")/stack-wordpress.sh"

# --- public functions ----------------------------------------------------------------------------

_stack_up() {
    local dir port=${2:-}
    dir=$(_stack_abs "${1:-}")
    if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1024 || port > 64535)); then
        _stack_refuse "HTTP port must be a number from 1024 to 64535 (MariaDB uses port + 1000)"
    fi
    # The paths go into nginx, php-fpm and MariaDB configurations and through sed: keep them plain.
    local path
    for path in "$dir" "$STACK_REPO"; do
        [[ $path =~ ^[A-Za-z0-9._/+-]+$ ]] ||
            _stack_refuse "unsupported characters in $path (letters, digits and ._/+- only)"
    done
    local name
    for name in "${STACK_SERVICES[@]}"; do
        if _stack_running_pid "$dir" "$name" >/dev/null; then
            _stack_refuse "$name of $dir is already running: stack_down $dir first"
        fi
    done
    local p
    for p in "$port" $((port + 1000)); do
        if _stack_tcp_listening "$p"; then _stack_refuse "port $p is already in use"; fi
    done
    if [[ -f $dir/stack.env ]]; then
        local old
        old=$(sed -n 's/^STACK_HTTP_PORT=//p' "$dir/stack.env")
        [[ $old == "$port" ]] ||
            _stack_refuse "$dir was set up for port $old (WordPress stores its URL): use that port, or remove the directory"
    fi
    _stack_make_dirs "$dir"
    _stack_write_env "$dir" "$port"
    _stack_write_secrets "$dir"
    _stack_load_env "$dir"

    _stack_mariadb_config "$dir"
    _stack_mariadb_init "$dir"
    _stack_mariadb_start "$dir"
    _stack_php_config "$dir"
    _stack_wp_init "$dir"
    _stack_php_start "$dir"
    _stack_nginx_config "$dir"
    _stack_nginx_start "$dir"
    _stack_fakepay_start "$dir"
    _stack_placette_config "$dir"
    _stack_placette_start "$dir"
    _stack_log "up: $STACK_BASE_URL/ (WordPress), $STACK_BASE_URL/participer/ (Placette)"
}

stack_up() {
    local rc=0
    _stack_run _stack_up "$@" || rc=$?
    if ((rc != 0 && rc != _STACK_REFUSED)); then
        _stack_log "start-up failed: stopping what was started"
        if [[ -n ${1:-} ]]; then stack_down "$1" || true; fi
    fi
    return "$rc"
}

stack_down() {
    local dir i name ok=0
    dir=$(readlink -m "${1:?stack_down DIR}")
    [[ -d $dir/run ]] || return 0
    for ((i = ${#STACK_SERVICES[@]} - 1; i >= 0; i--)); do
        _stack_stop_service "$dir" "${STACK_SERVICES[i]}"
    done
    # A stopped process may linger as <defunct> for a while: check the ports and sockets instead.
    local port sock waited
    if [[ -f $dir/stack.env ]]; then
        local ports
        mapfile -t ports < <(sed -n 's/^STACK_\(HTTP\|DB\)_PORT=//p' "$dir/stack.env")
        for port in "${ports[@]}"; do
            waited=0
            while _stack_tcp_listening "$port" && ((waited++ < 50)); do sleep 0.1; done
            if _stack_tcp_listening "$port"; then
                _stack_log "port $port is still in use after stopping $dir"
                ok=1
            fi
        done
    fi
    for name in mysqld php-fpm placette; do
        sock=$dir/run/$name.sock
        if _stack_unix_listening "$sock"; then
            _stack_log "$sock still has a listener"
            ok=1
        else
            rm -f "$sock"
        fi
    done
    return "$ok"
}

# True when SERVICE (or, without one, any service) of the stack in DIR runs.
stack_running() {
    local dir name names=("${STACK_SERVICES[@]}")
    dir=$(readlink -m "${1:?stack_running DIR [SERVICE]}")
    if [[ -n ${2:-} ]]; then names=("$2"); fi
    for name in "${names[@]}"; do
        if _stack_running_pid "$dir" "$name" >/dev/null; then return 0; fi
    done
    return 1
}

stack_status() {
    local dir name pid rc=0
    dir=$(readlink -m "${1:?stack_status DIR}")
    if [[ ! -f $dir/stack.env ]]; then
        echo "no stack in $dir"
        return 1
    fi
    for name in "${STACK_SERVICES[@]}"; do
        if pid=$(_stack_running_pid "$dir" "$name"); then
            printf '%-9s running (pid %s)\n' "$name" "$pid"
        elif [[ $name == fakepay && ! -f $(_stack_pidfile "$dir" fakepay) ]]; then
            continue # not used by this stack
        else
            printf '%-9s stopped\n' "$name"
            rc=1
        fi
    done
    sed -n 's/^STACK_BASE_URL=/url       /p' "$dir/stack.env"
    return "$rc"
}

_stack_start_mariadb() {
    local dir
    dir=$(_stack_abs "${1:-}")
    _stack_load_env "$dir"
    _stack_mariadb_start "$dir"
}

stack_start_mariadb() { _stack_run _stack_start_mariadb "$@"; }

stack_stop_mariadb() {
    local dir
    dir=$(readlink -m "${1:?stack_stop_mariadb DIR}")
    _stack_stop_service "$dir" mariadb
    local waited=0
    while _stack_unix_listening "$dir/run/mysqld.sock" && ((waited++ < 50)); do sleep 0.1; done
}

stack_restart_mariadb() {
    stack_stop_mariadb "$@"
    stack_start_mariadb "$@"
}

# Prints the placette MariaDB user's password (from DIR/secrets.env).
stack_placette_db_password() {
    local dir
    dir=$(readlink -m "${1:?stack_placette_db_password DIR}")
    sed -n 's/^PLACETTE_DB_PASSWORD=//p' "$dir/secrets.env"
}

# The worker count placette-fcgi started with, read from its start-up line (waits up to 5 s;
# empty when it did not start).
stack_placette_workers() {
    local dir workers="" _
    dir=$(readlink -m "${1:?stack_placette_workers DIR}")
    for _ in $(seq 50); do
        workers=$(grep -o 'placette-fcgi ready.* workers=[0-9]*' "$dir/log/placette.out" 2>/dev/null |
            sed -n '$s/.*workers=//p')
        [[ -n $workers ]] && break
        sleep 0.1
    done
    printf '%s\n' "$workers"
}

stack_sql() {
    local dir
    dir=$(readlink -m "${1:?stack_sql DIR [SQL]}")
    local args=(--defaults-file="$dir/mariadb/root.cnf" --batch --skip-column-names wordpress)
    if (($# >= 2)); then
        mariadb "${args[@]}" -e "$2"
    else
        mariadb "${args[@]}"
    fi
}
