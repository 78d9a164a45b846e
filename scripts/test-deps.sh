#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond the .NET SDK. Sourced by test.sh (so variables it
# exports, such as connection strings, reach the tests); also runnable alone. Idempotent and non-interactive.
set -euo pipefail

# Debian packages the tests need (e.g. postgresql, librdkafka1). Empty for now.
TEST_APT_PACKAGES=()

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

# Hook: start PostgreSQL (e.g. `pg_ctlcluster 15 main start` when not running) and export its connection string.
start_postgres() { :; }

# Hook: start the librdkafka mock cluster host in the background and export its bootstrap servers.
start_kafka_mock() { :; }

command -v dotnet >/dev/null || { echo "test-deps: the .NET SDK (dotnet) is required" >&2; exit 1; }
if [[ ${#TEST_APT_PACKAGES[@]} -gt 0 ]]; then ensure_apt_packages "${TEST_APT_PACKAGES[@]}"; fi
start_postgres
start_kafka_mock
