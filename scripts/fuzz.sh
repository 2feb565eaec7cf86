#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets in fuzz/ with address sanitizer (a separate package and build
# directory, so normal builds never see the instrumentation), seeds them from docs-samples, the test
# fixtures and (when present, never committed) the shared corpus, runs each for FUZZ_SECONDS, minimises any
# crash into fuzz/crashes/TARGET/, and prints executions per target and in all. Targets run as many at a
# time as there are cores; inputs are capped at FUZZ_MAX_LEN bytes (16 KB).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"FuzzPage FuzzJSON FuzzHTTP FuzzTable FuzzAnnotation FuzzFrontMatter FuzzRoute"}
WORK=${FUZZ_WORK:-/tmp/specmark-fuzz}
CORPUS=${CORPUS:-../shared/corpus/graph-docs}

(cd fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address >/dev/null)
BIN=fuzz/.build/release
mkdir -p "$WORK"
sources="docs-samples Tests"
[ -d "$CORPUS" ] && sources="$sources $CORPUS/api-reference/v1.0/api $CORPUS/api-reference/v1.0/resources"
python3 scripts/fuzz-seeds.py "$WORK/seeds" $sources

# One target: run, minimise any crash, print a row.
run_target() {
    local target=$1
    corpus="$WORK/corpus/$target"
    artifacts="fuzz/crashes/$target"
    mkdir -p "$corpus" "$artifacts"
    log="$WORK/$target.log"
    status=0
    ASAN_OPTIONS=detect_leaks=1 "$BIN/$target" "$corpus" "$WORK/seeds/$target" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-16384}" \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
    runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
    rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
    result=ok
    if [ "$status" != 0 ]; then
        result=CRASH
        for crash in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
            [ -f "$crash" ] || continue
            "$BIN/$target" -minimize_crash=1 -runs=20000 -exact_artifact_path="$crash.min" "$crash" >/dev/null 2>&1 || true
        done
    fi
    printf "%-16s %12s %10s %8s\n" "$target" "${runs:-0}" "${rate:-0}" "$result" > "$WORK/$target.row"
}
export -f run_target
export WORK BIN SECONDS_EACH

# As many targets at once as there are cores.
rm -f "$WORK"/*.row
printf '%s\n' $TARGETS | xargs -P "$(nproc)" -I{} bash -c 'run_target {}'
printf "%-16s %12s %10s %8s\n" target executions "exec/s" result
cat $(printf "$WORK/%s.row " $TARGETS)
awk '{ total += $2 } END { print "total executions: " total }' $(printf "$WORK/%s.row " $TARGETS)
if grep -q CRASH "$WORK"/*.row; then
    for target in $TARGETS; do grep -m3 -E "ERROR|SUMMARY|Fatal" "$WORK/$target.log" || true; done
    exit 1
fi
