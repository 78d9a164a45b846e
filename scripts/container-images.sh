#!/usr/bin/env bash
# Builds the shop's container images with rootful podman on a machine that cannot pull from any registry:
#   1. installs podman, podman-compose, buildah, runc and debootstrap when missing, and gives podman the settings
#      this kind of host needs (runc, cgroupfs, file events, open-file limits);
#   2. builds the local base images once: a Debian bookworm minbase (debootstrap + podman import), an SDK image
#      (that base plus this machine's .NET SDK), a runtime-deps image (the native libraries .NET needs) and a
#      PostgreSQL 15 image that starts like the official one (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB);
#   3. builds shop-kafka-mock (librdkafka's mock cluster, the compose stack's Kafka stand-in), shop-silo and shop-api
#      from their Dockerfiles with those base images as build arguments.
# Idempotent: base images are built only when missing (SHOP_REBUILD_BASE=1 forces it); the app images are rebuilt
# from podman's layer cache, so an unchanged tree costs seconds. Run as root (or with passwordless sudo).
#   scripts/container-images.sh            everything
#   scripts/container-images.sh setup      podman installed and configured only
#   scripts/container-images.sh base       setup + base images
# Prints the image names it built; exports them when sourced.
set -euo pipefail

SHOP_IMAGES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHOP_BASE_IMAGE=localhost/shop-debian:bookworm
export SHOP_SDK_IMAGE=localhost/shop-dotnet-sdk:10.0
export SHOP_RUNTIME_IMAGE=localhost/shop-dotnet-runtime-deps:10.0
export SHOP_POSTGRES_IMAGE=localhost/shop-postgres:15
export SHOP_SILO_IMAGE=${SHOP_SILO_IMAGE:-localhost/shop-silo:dev}
export SHOP_API_IMAGE=${SHOP_API_IMAGE:-localhost/shop-api:dev}
export SHOP_KAFKA_MOCK_IMAGE=${SHOP_KAFKA_MOCK_IMAGE:-localhost/shop-kafka-mock:dev}

images_as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

images_log() { echo "container-images: $*" >&2; }

# Seconds since the epoch with one decimal, and the time since a start, for the build-time report.
images_now() { local t=${EPOCHREALTIME/,/.}; echo "${t%.*}${t:${#t}-6:1}"; }
images_since() { local d=$(( $(images_now) - $1 )); printf '%d.%ds' $(( d / 10 )) $(( d % 10 )); }

# podman and friends from apt (netavark, aardvark-dns and iptables: container networks with DNS; catatonit: the
# pause image of pods, for podman kube play), only the missing ones (apt-get update only then).
images_install_tools() {
    local missing=() pkg
    for pkg in podman podman-compose buildah runc debootstrap netavark aardvark-dns iptables catatonit; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    images_log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    images_as_root apt-get update -qq
    images_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A drop-in rather than an edit of /etc/containers/containers.conf, so settings others made there stay theirs.
# runc because crun fails on this host's hybrid cgroups; cgroupfs and file events because there is no systemd
# session; the ulimits because the default open-file limit is too low for .NET and PostgreSQL; netavark (with
# aardvark-dns) because containers on a user-created network find each other by name only with it.
images_configure_podman() {
    local conf=/etc/containers/containers.conf.d/50-shop.conf wanted
    wanted='# Written by scripts/container-images.sh (the shop repository): settings rootful podman needs on this host.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"

[network]
network_backend = "netavark"'
    if [[ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]]; then
        images_log "writing $conf"
        images_as_root mkdir -p "$(dirname "$conf")"
        printf '%s\n' "$wanted" | images_as_root tee "$conf" >/dev/null
    fi
}

images_exists() { images_as_root podman image exists "$1"; }

# The apt source this machine uses, copied into the base image so apt inside builds reaches the same mirror.
images_debian_base() {
    images_exists "$SHOP_BASE_IMAGE" && [[ "${SHOP_REBUILD_BASE:-0}" != 1 ]] && return 0
    local dir mirror start
    start=$(images_now)
    mirror=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
    [[ -n "$mirror" ]] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
    [[ -n "$mirror" ]] || { images_log "no apt mirror found in /etc/apt" >&2; return 1; }
    dir=$(mktemp -d /tmp/shop-debian.XXXXXX)
    images_log "debootstrap bookworm minbase into $dir"
    images_as_root debootstrap --variant=minbase bookworm "$dir" "$mirror" >/dev/null
    if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
        images_as_root rm -f "$dir/etc/apt/sources.list"
        images_as_root cp /etc/apt/sources.list.d/*.sources "$dir/etc/apt/sources.list.d/"
    fi
    images_as_root rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb
    images_as_root tar -C "$dir" -c . | images_as_root podman import --quiet - "$SHOP_BASE_IMAGE" >/dev/null
    images_as_root rm -rf "$dir"
    images_log "built $SHOP_BASE_IMAGE in $(images_since "$start")"
}

# podman build of a base image from scripts/images/, only when missing.
images_build_base() {
    local tag=$1 file=$2 context=$3 start
    shift 3
    images_exists "$tag" && [[ "${SHOP_REBUILD_BASE:-0}" != 1 ]] && return 0
    start=$(images_now)
    images_log "building $tag"
    images_as_root podman build --quiet --format docker --build-arg BASE_IMAGE="$SHOP_BASE_IMAGE" "$@" \
        -f "$SHOP_IMAGES_ROOT/scripts/images/$file" -t "$tag" "$context" >/dev/null
    images_log "built $tag in $(images_since "$start")"
}

images_base() {
    images_debian_base
    # The SDK is this machine's: the context is its install directory, whatever its version.
    local dotnet_root
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    # The build stage restores NuGet packages from the network: it trusts what the host trusts.
    images_build_base "$SHOP_SDK_IMAGE" sdk.Containerfile "$dotnet_root" --volume /usr/local/share/ca-certificates:/host-ca:ro
    images_build_base "$SHOP_RUNTIME_IMAGE" runtime-deps.Containerfile "$SHOP_IMAGES_ROOT/scripts/images"
    images_build_base "$SHOP_POSTGRES_IMAGE" postgres.Containerfile "$SHOP_IMAGES_ROOT/scripts/images"
}

# The app images from the repository's Dockerfiles; podman's layer cache makes an unchanged tree cheap.
images_apps() {
    local name dockerfile tag start
    for name in kafka-mock silo api; do
        case $name in
            kafka-mock) dockerfile=tools/KafkaMockCluster/Dockerfile tag=$SHOP_KAFKA_MOCK_IMAGE ;;
            silo) dockerfile=silo/Shop.Silo/Dockerfile tag=$SHOP_SILO_IMAGE ;;
            api) dockerfile=api/Shop.Api/Dockerfile tag=$SHOP_API_IMAGE ;;
        esac
        start=$(images_now)
        images_log "building $tag"
        images_as_root podman build --quiet --format docker --layers \
            --build-arg SDK_IMAGE="$SHOP_SDK_IMAGE" --build-arg RUNTIME_IMAGE="$SHOP_RUNTIME_IMAGE" \
            -f "$SHOP_IMAGES_ROOT/$dockerfile" -t "$tag" "$SHOP_IMAGES_ROOT" >/dev/null
        images_log "built $tag in $(images_since "$start")"
    done
}

images_main() {
    images_install_tools
    images_configure_podman
    case "${1:-all}" in
        setup) ;;
        base) images_base ;;
        all) images_base; images_apps ;;
        *) echo "usage: scripts/container-images.sh [setup|base|all]" >&2; return 2 ;;
    esac
}

# Run, not sourced: do the work and print the images.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    images_main "$@"
    printf '%s\n' "$SHOP_POSTGRES_IMAGE" "$SHOP_KAFKA_MOCK_IMAGE" "$SHOP_SILO_IMAGE" "$SHOP_API_IMAGE"
fi
