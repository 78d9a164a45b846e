#!/usr/bin/env bash
# The one test command. Installs and starts what the tests need (scripts/test-deps.sh), builds Orleans.sln
# once in Release, runs every test project under tests/ one after the other, and ends with the totals line
# "N passed, M failed". Exits non-zero if the build or any test failed, a project did not run, or no test ran.
#   ./test.sh                      everything
#   ./test.sh --filter <expr>      passed to every `dotnet test` (e.g. --filter FullyQualifiedName~Catalog)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS="$ROOT/artifacts/test-results"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${CI:-}" == "true" ]]; then
    # No MSBuild worker nodes left running after a CI job.
    export MSBUILDDISABLENODEREUSE=1
fi

usage() {
    echo "usage: ./test.sh [--filter <expression>]" >&2
    exit "${1:-2}"
}

FILTER=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --filter) [[ $# -ge 2 ]] || usage; FILTER=(--filter "$2"); shift 2 ;;
        --filter=*) FILTER=(--filter "${1#--filter=}"); shift ;;
        -h|--help) usage 0 ;;
        *) echo "test.sh: unknown argument '$1'" >&2; usage ;;
    esac
done

# Microseconds since the epoch, and a duration in microseconds as seconds with one decimal.
now_us() { local t=${EPOCHREALTIME/,/.}; echo $(( ${t%.*} * 1000000 + 10#${t#*.} )); }
seconds() { printf '%d.%ds' $(( $1 / 1000000 )) $(( $1 / 100000 % 10 )); }

# Prints "passed failed skipped" from the outcome attributes of a TRX file's UnitTestResult elements.
# Plain bash/grep/sed: attribute values cannot hold a raw '<' or '"', so [^<]* stays inside one start tag.
trx_counts() {
    local outcomes passed failed skipped
    outcomes=$(tr '\n\r' '  ' < "$1" | grep -o '<UnitTestResult [^<]*' | grep -o ' outcome="[A-Za-z]*"' \
        | sed 's/.*="\(.*\)"/\1/' || true)
    passed=$(grep -cx 'Passed' <<< "$outcomes" || true)
    skipped=$(grep -cx 'NotExecuted' <<< "$outcomes" || true)
    # Failed, Error, Timeout, Aborted, ...: anything that neither passed nor was skipped counts as failed.
    failed=$(grep -cvx -e 'Passed' -e 'NotExecuted' -e '' <<< "$outcomes" || true)
    echo "$passed $failed $skipped"
}

source "$ROOT/scripts/test-deps.sh"

mapfile -t PROJECTS < <(find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' \
    -exec grep -lE '<IsTestProject>[[:space:]]*[Tt]rue[[:space:]]*</IsTestProject>' {} + | sort)

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

echo "==> dotnet build Orleans.sln -c Release"
build_ok=1
start=$(now_us)
dotnet build Orleans.sln -c Release || build_ok=0
build_time=$(seconds $(( $(now_us) - start )))

total_passed=0 total_failed=0 total_skipped=0 run_failed=0
SUMMARY=()
for project in "${PROJECTS[@]}"; do
    name=$(basename "$project" .csproj)
    trx="$RESULTS/$name.trx"
    echo
    echo "==> $name"
    start=$(now_us)
    rc=0
    dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" \
        --results-directory "$RESULTS" "${FILTER[@]}" || rc=$?
    elapsed=$(seconds $(( $(now_us) - start )))

    if [[ -f "$trx" ]]; then
        read -r passed failed skipped < <(trx_counts "$trx")
        total_passed=$(( total_passed + passed ))
        total_failed=$(( total_failed + failed ))
        total_skipped=$(( total_skipped + skipped ))
        line="$passed passed, $failed failed, $skipped skipped"
        # A non-zero exit without failed results means the run itself broke (test host crash, ...).
        if [[ $rc -ne 0 && $failed -eq 0 ]]; then run_failed=1; line+=", dotnet test exited $rc"; fi
    else
        run_failed=1
        line="DID NOT RUN (exit $rc, no TRX)"
    fi
    SUMMARY+=("$(printf '  %-36s %-44s %8s' "$name" "$line" "$elapsed")")
    echo "<== $name: $line in $elapsed"
done

echo
echo "==> Summary (TRX files in ${RESULTS#"$ROOT"/})"
printf '  %-36s %-44s %8s\n' "build" "$([[ $build_ok -eq 1 ]] && echo ok || echo FAILED)" "$build_time"
if [[ ${#SUMMARY[@]} -gt 0 ]]; then printf '%s\n' "${SUMMARY[@]}"; fi
[[ ${#PROJECTS[@]} -gt 0 ]] || echo "  no test projects found under tests/"
[[ $total_skipped -eq 0 ]] || echo "  $total_skipped skipped"
[[ $build_ok -eq 1 ]] || echo "  the build failed: the results above may come from stale binaries"
[[ $run_failed -eq 0 ]] || echo "  at least one test project did not run to completion"
[[ $(( total_passed + total_failed )) -gt 0 ]] || echo "  no test ran"
echo "$total_passed passed, $total_failed failed"

if [[ $build_ok -eq 0 || $run_failed -ne 0 || $total_failed -ne 0 || $(( total_passed + total_failed )) -eq 0 ]]; then
    exit 1
fi
