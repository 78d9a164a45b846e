#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond the .NET SDK. Sourced by test.sh (so variables it
# exports, such as connection strings, reach the tests); also runnable alone. Idempotent and non-interactive.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the tests need: PostgreSQL for the ADO.NET providers, kcat for Kafka interop, kubectl to
# render the Kubernetes overlays, chromium for the dashboard tests through Playwright (never a browser
# Playwright downloads).
TEST_APT_PACKAGES=(postgresql kcat kubectl chromium)

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

# Installs the given Debian packages that are missing; runs apt-get update only when something is missing.
ensure_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    echo "test-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Starts the Debian PostgreSQL cluster when it is not running, creates the test role and database once, and
# exports SHOP_TEST_POSTGRES (tests give each class its own schema or service id inside that database).
start_postgres() {
    local version cluster=main role=shop_test
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    [[ -n "$version" ]] || { echo "test-deps: no PostgreSQL cluster found under /etc/postgresql" >&2; return 1; }
    if ! as_root pg_ctlcluster "$version" "$cluster" status >/dev/null 2>&1; then
        echo "test-deps: starting PostgreSQL $version/$cluster"
        as_root pg_ctlcluster "$version" "$cluster" start
    fi
    local psql=(as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX)
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]]; then
        "${psql[@]}" -c "CREATE ROLE $role LOGIN PASSWORD '$role'"
    fi
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$role'")" != 1 ]]; then
        "${psql[@]}" -c "CREATE DATABASE $role OWNER $role"
    fi
    export SHOP_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=$role;Password=$role;Database=$role"
    export SHOP_TEST_POSTGRES_CLUSTER="$version $cluster"
}

# Installs the Kubernetes schema checker's npm packages (tests/Shop.Deployment.Tests/schema) from its lock file,
# again only when the lock file changed since the last install.
ensure_schema_checker() {
    local dir="$ROOT_DIR/tests/Shop.Deployment.Tests/schema"
    command -v npm >/dev/null || ensure_apt_packages nodejs npm
    if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
        echo "test-deps: installing the Kubernetes schema checker"
        npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
    fi
}

command -v dotnet >/dev/null || { echo "test-deps: the .NET SDK (dotnet) is required" >&2; exit 1; }
if [[ ${#TEST_APT_PACKAGES[@]} -gt 0 ]]; then ensure_apt_packages "${TEST_APT_PACKAGES[@]}"; fi
start_postgres
ensure_schema_checker
