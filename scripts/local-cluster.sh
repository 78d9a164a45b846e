#!/usr/bin/env bash
# A local PostgreSQL-backed shop cluster: N Shop.Silo processes on 127.0.0.1..N (silo port 11111, gateway 30000
# each) and the Shop.Api as an external client that finds them in the membership table. Grain state, reminders and
# membership live in the schema local_cluster of the test database, so state survives down/up.
#   scripts/local-cluster.sh up N       build once (Release), start PostgreSQL, N silos and the api; print its URL
#   scripts/local-cluster.sh status     processes, then the cluster's membership rows (psql)
#   scripts/local-cluster.sh kill K     SIGKILL silo K (a crash: the others declare it dead)
#   scripts/local-cluster.sh stop K     SIGTERM silo K (a graceful leave)
#   scripts/local-cluster.sh start K    start silo K again (it rejoins with a new generation)
#   scripts/local-cluster.sh down       stop the api and every silo
# Environment: LOCAL_CLUSTER_DIR (logs and build; default /tmp/shop-local-cluster), LOCAL_CLUSTER_ID (default
# local), LOCAL_CLUSTER_SCHEMA (default local_cluster), LOCAL_CLUSTER_API_PORT (default 5080),
# LOCAL_CLUSTER_SILO_PORT / LOCAL_CLUSTER_GATEWAY_PORT (default 11111 / 30000), LOCAL_CLUSTER_STREAMS (Memory, the
# default, or Kafka: a librdkafka mock-cluster host process on LOCAL_CLUSTER_KAFKA_PORT, default 9092, carries the
# domain events; the mock keeps nothing, so its topics start empty at every 'up').
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${LOCAL_CLUSTER_DIR:-/tmp/shop-local-cluster}"
CLUSTER_ID="${LOCAL_CLUSTER_ID:-local}"
API_PORT="${LOCAL_CLUSTER_API_PORT:-5080}"
SCHEMA="${LOCAL_CLUSTER_SCHEMA:-local_cluster}"
SILO_PORT="${LOCAL_CLUSTER_SILO_PORT:-11111}"
GATEWAY_PORT="${LOCAL_CLUSTER_GATEWAY_PORT:-30000}"
STREAMS="${LOCAL_CLUSTER_STREAMS:-Memory}"
KAFKA_PORT="${LOCAL_CLUSTER_KAFKA_PORT:-9092}"
KAFKA_TOPICS=(orders inventory wallets shop-events.dead-letters)
BIN="$DIR/build/bin"
DB=(-h 127.0.0.1 -U shop_test -d shop_test)
export PGPASSWORD=shop_test
# psql reads the cluster's schema first; Orleans' ADO.NET providers get it through the connection string below.
export PGOPTIONS="-c search_path=$SCHEMA"

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

is_running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

psql_query() { psql "${DB[@]}" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

# Active (Orleans SiloStatus 3) rows that joined since $1; rows an earlier, killed run left Active do not count.
active_silos() {
    psql_query "SELECT count(*) FROM orleans_membership WHERE deployment_id = '$CLUSTER_ID' AND status = 3 AND start_time >= '$1'" 2>/dev/null || echo 0
}

# Polls a condition (a command) once a second until it holds or the deadline passes.
wait_for() {
    local what=$1 seconds=$2; shift 2
    for ((i = 0; i < seconds; i++)); do "$@" && return 0; sleep 1; done
    echo "local-cluster: $what did not happen within ${seconds}s; see $DIR/*.log" >&2
    return 1
}

start_silo() {
    local k=$1
    is_running "$DIR/silo$k.pid" && { echo "silo $k is already running"; return 0; }
    # Grain state and reminders live in PostgreSQL, so they follow a grain to whichever silo hosts it.
    (cd "$DIR" && exec env \
        Orleans__ClusterId="$CLUSTER_ID" Orleans__ServiceId=shop \
        Shop__Cluster__Membership=AdoNet Shop__Cluster__ConnectionString="$(connection_string)" \
        Orleans__Endpoints__AdvertisedIPAddress="127.0.0.$k" Orleans__Endpoints__SiloPort="$SILO_PORT" \
        Orleans__Endpoints__GatewayPort="$GATEWAY_PORT" \
        Shop__Storage__Provider=AdoNet Shop__Storage__ConnectionString="$(connection_string)" \
        Shop__Streams__Provider="$STREAMS" Orleans__Streams__shop-events__BootstrapServers="127.0.0.1:$KAFKA_PORT" \
        dotnet "$BIN/Shop.Silo/release/Shop.Silo.dll" >> "$DIR/silo$k.log" 2>&1) &
    echo $! > "$DIR/silo$k.pid"
    echo "silo $k: pid $!, 127.0.0.$k:$SILO_PORT (gateway $GATEWAY_PORT), log $DIR/silo$k.log"
}

connection_string() { echo "$(cat "$DIR/connection-string");Search Path=$SCHEMA"; }

signal_silo() {
    local signal=$1 k=$2
    is_running "$DIR/silo$k.pid" || { echo "silo $k is not running" >&2; return 1; }
    kill "-$signal" "$(cat "$DIR/silo$k.pid")"
    echo "silo $k: sent SIG$signal to pid $(cat "$DIR/silo$k.pid")"
}

api_ready() { curl -fsS -m 5 "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1; }

up() {
    local n=$1
    [[ "$n" =~ ^[1-9][0-9]*$ && $n -le 20 ]] || { echo "local-cluster: up needs a silo count from 1 to 20" >&2; exit 2; }
    source "$ROOT/scripts/test-deps.sh"
    mkdir -p "$DIR"
    echo "==> building Shop.Api and Shop.Silo (Release) into $DIR/build"
    dotnet build "$ROOT/api/Shop.Api" -c Release --artifacts-path "$DIR/build" -v quiet -nologo
    echo "$SHOP_TEST_POSTGRES" > "$DIR/connection-string"
    [[ "$STREAMS" == Kafka ]] && start_kafka
    local since
    since=$(psql_query "SELECT now()")
    for ((k = 1; k <= n; k++)); do start_silo "$k"; done
    wait_for "$n active silos in the membership table" 90 test_active "$n" "$since"
    # The api starts once the silos have migrated the schema and joined, so its first gateway read finds them.
    (cd "$DIR" && exec env \
        Urls="http://127.0.0.1:$API_PORT" Shop__Cluster__Mode=External Orleans__ClusterId="$CLUSTER_ID" Orleans__ServiceId=shop \
        Shop__Cluster__Membership=AdoNet Shop__Cluster__ConnectionString="$(connection_string)" \
        dotnet "$BIN/Shop.Api/release/Shop.Api.dll" >> "$DIR/api.log" 2>&1) &
    echo $! > "$DIR/api.pid"
    wait_for "the api's readiness" 60 api_ready
    echo "api: http://127.0.0.1:$API_PORT (pid $(cat "$DIR/api.pid"), log $DIR/api.log)"
}

# The Kafka stand-in: librdkafka's mock cluster on a fixed port, with the shop's topics (8 partitions each).
start_kafka() {
    is_running "$DIR/kafka.pid" && { echo "kafka mock cluster is already running"; return 0; }
    dotnet build "$ROOT/tools/KafkaMockCluster" -c Release --artifacts-path "$DIR/build" -v quiet -nologo
    (cd "$DIR" && exec dotnet "$BIN/KafkaMockCluster/release/KafkaMockCluster.dll" --port "$KAFKA_PORT" --partitions 8 \
        "${KAFKA_TOPICS[@]}" >> "$DIR/kafka.log" 2>&1) &
    echo $! > "$DIR/kafka.pid"
    wait_for "the kafka mock cluster" 30 grep -q "127.0.0.1:$KAFKA_PORT" "$DIR/kafka.log"
    echo "kafka: 127.0.0.1:$KAFKA_PORT (librdkafka mock cluster, pid $(cat "$DIR/kafka.pid"), log $DIR/kafka.log)"
}

test_active() { [[ $(active_silos "$2") -ge $1 ]]; }

status() {
    local f
    for f in "$DIR"/kafka.pid "$DIR"/silo*.pid "$DIR"/api.pid; do
        [[ -f "$f" ]] || continue
        printf '%-8s pid %-8s %s\n' "$(basename "$f" .pid)" "$(cat "$f")" "$(is_running "$f" && echo running || echo exited)"
    done
    # Orleans' SiloStatus numbers; suspect_times holds "silo,time" votes separated by '|'.
    psql "${DB[@]}" -c "SELECT address || ':' || port AS silo, generation,
        CASE status WHEN 1 THEN 'Created' WHEN 2 THEN 'Joining' WHEN 3 THEN 'Active' WHEN 4 THEN 'ShuttingDown'
                    WHEN 5 THEN 'Stopping' WHEN 6 THEN 'Dead' ELSE status::text END AS status,
        proxy_port AS gateway, coalesce(array_length(string_to_array(nullif(suspect_times, ''), '|'), 1), 0) AS votes,
        i_am_alive_time, start_time
        FROM orleans_membership WHERE deployment_id = '$CLUSTER_ID' ORDER BY status, address, generation DESC"
}

down() {
    local f pids=()
    for f in "$DIR"/api.pid "$DIR"/silo*.pid; do
        is_running "$f" && { kill -TERM "$(cat "$f")"; pids+=("$(cat "$f")"); }
        rm -f "$f"
    done
    # The broker goes last, once the silos have stopped publishing and committed what they read.
    local silos=("${pids[@]}")
    for ((i = 0; i < 30; i++)); do
        local alive=0 p
        for p in "${silos[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [[ $alive -eq 0 ]] && break
        sleep 1
    done
    is_running "$DIR/kafka.pid" && { kill -TERM "$(cat "$DIR/kafka.pid")"; pids+=("$(cat "$DIR/kafka.pid")"); }
    rm -f "$DIR/kafka.pid"
    # A graceful stop marks the row Dead; give it a bounded time, then make sure nothing is left running.
    for ((i = 0; i < 30; i++)); do
        local alive=0 p
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [[ $alive -eq 0 ]] && break
        sleep 1
    done
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    echo "local cluster '$CLUSTER_ID' is down"
}

command -v psql >/dev/null || { [[ "${1:-}" == up ]] || { echo "local-cluster: psql not found; run 'up' first" >&2; exit 1; }; }
case "${1:-}" in
    up) [[ $# -eq 2 ]] || usage; up "$2" ;;
    status) status ;;
    kill) [[ $# -eq 2 ]] || usage; signal_silo KILL "$2" ;;
    stop) [[ $# -eq 2 ]] || usage; signal_silo TERM "$2" ;;
    start) [[ $# -eq 2 ]] || usage; start_silo "$2" ;;
    down) down ;;
    *) usage ;;
esac
