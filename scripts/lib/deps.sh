# shellcheck shell=bash
# Installs what Placette needs to build, run its local stack, and test, with apt-get (Debian 12).
# Sourced by scripts/demo and scripts/test: `placette_install_deps build runtime test` (no group = all).

# Packages per group. The runtime group is the local stack: MariaDB, nginx, php-fpm and WordPress.
PLACETTE_DEPS_BUILD=(build-essential cmake pkg-config libfcgi-dev libmariadb-dev libctemplate-dev
    libcurl4-openssl-dev libssl-dev libcppunit-dev nlohmann-json3-dev libcmark-dev libgd-dev)
PLACETTE_DEPS_RUNTIME=(mariadb-server mariadb-client nginx php8.2-fpm php8.2-cli php8.2-mysql
    php8.2-opcache php8.2-mbstring php8.2-xml php8.2-curl php8.2-intl wordpress
    wordpress-theme-twentytwentythree curl openssl)
PLACETTE_DEPS_TEST=(chromium nodejs npm wrk spawn-fcgi clang)

# How long to wait for another apt-get/dpkg run (e.g. a provisioning step) before giving up.
PLACETTE_APT_WAIT_SECONDS=${PLACETTE_APT_WAIT_SECONDS:-1800}

_deps_log() { printf '[deps] %s\n' "$*" >&2; }

_deps_is_installed() {
    local status
    # Node.js from another source (e.g. NodeSource's nodejs, which bundles npm and conflicts with
    # Debian's npm package) counts: only the commands matter.
    case $1 in
        nodejs) command -v node >/dev/null && return 0 ;;
        npm) command -v npm >/dev/null && return 0 ;;
    esac
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ $status == "install ok installed" ]]
}

# Waits until no other apt-get or dpkg is running (only looks at them, never signals them).
_deps_wait_for_apt() {
    local waited=0
    while pgrep -x apt-get >/dev/null || pgrep -x apt >/dev/null || pgrep -x dpkg >/dev/null; do
        if ((waited == 0)); then _deps_log "waiting for another apt-get/dpkg to finish"; fi
        if ((waited >= PLACETTE_APT_WAIT_SECONDS)); then
            _deps_log "another apt-get/dpkg still runs after ${waited}s; giving up"
            return 1
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

_deps_apt() {
    local sudo=()
    if ((EUID != 0)); then sudo=(sudo); fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@" </dev/null
}

# npm packages for the browser tests, installed locally in tests/ (never a browser download).
_deps_npm_test() {
    local repo tests_dir
    repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    tests_dir="$repo/tests"
    if [[ -d $tests_dir/node_modules/playwright-core && -d $tests_dir/node_modules/axe-core ]]; then
        return 0
    fi
    _deps_log "npm install (playwright-core, axe-core) in tests/"
    (cd "$tests_dir" && timeout 900 npm install --no-audit --no-fund --no-update-notifier </dev/null)
}

placette_install_deps() {
    local groups=("$@") group missing=() pkg
    if ((${#groups[@]} == 0)); then groups=(build runtime test); fi
    local wanted=()
    for group in "${groups[@]}"; do
        case $group in
            build) wanted+=("${PLACETTE_DEPS_BUILD[@]}") ;;
            runtime) wanted+=("${PLACETTE_DEPS_RUNTIME[@]}") ;;
            test) wanted+=("${PLACETTE_DEPS_TEST[@]}") ;;
            node) wanted+=(nodejs) ;; # the demo's fake payment provider
            *)
                _deps_log "unknown group '$group' (build, runtime, test or node)"
                return 2
                ;;
        esac
    done
    _deps_wait_for_apt
    for pkg in "${wanted[@]}"; do
        _deps_is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} > 0)); then
        # Debian's wordpress package depends on "apache2 | httpd" and "libapache2-mod-php | php":
        # installed alone it pulls apache2 and mod_php. A trailing minus forbids a package; only
        # add it when apache2 is absent, or apt would remove an apache2 the machine already has.
        local forbid=()
        if [[ " ${missing[*]} " == *" wordpress "* ]]; then
            _deps_is_installed apache2 || forbid+=(apache2-)
            _deps_is_installed libapache2-mod-php8.2 || forbid+=(libapache2-mod-php8.2-)
        fi
        _deps_log "installing: ${missing[*]}"
        _deps_apt update -q
        _deps_apt install -y -q "${missing[@]}" "${forbid[@]}"
    fi
    for group in "${groups[@]}"; do
        if [[ $group == test ]]; then _deps_npm_test; fi
    done
}
