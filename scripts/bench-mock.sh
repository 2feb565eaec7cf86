#!/usr/bin/env bash
# Throughput of `specmark serve docs-samples` against a minimal Hummingbird server, both release builds on
# loopback, measured by wrk in the same run: RUNS runs of DURATION each per server, medians and their ratio,
# errors, and the mock's resident memory after warm-up and at the end. SPECMARK=path measures another build.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-64}
MOCK_PORT=4310
HELLO_PORT=4312
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }

# SPECMARK names another build to measure (an older one, for a before/after); by default this tree's.
if [ -z "${SPECMARK:-}" ]; then
    scripts/swift-release.sh --product specmark >/dev/null
    SPECMARK=.build/release/specmark
fi
(cd benchmarks/hello-server && swift build -c release >/dev/null)

"$SPECMARK" serve docs-samples --port $MOCK_PORT --quiet &
mock=$!
benchmarks/hello-server/.build/release/HelloServer $HELLO_PORT >/dev/null 2>&1 &
hello=$!
trap 'kill $mock $hello 2>/dev/null || true' EXIT
sleep 2

rss() { awk '/VmRSS/ {print $2}' /proc/$1/status; }
run() { # url [wrk options] -> requests/s, errors
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "${@:2}" "$1" | awk '
        /Requests\/sec/ {rps=$2}
        /Non-2xx or 3xx/ {errors+=$5}
        /Socket errors/ {gsub(",", ""); errors+=$4+$6+$8+$10}
        END {printf "%s %d\n", rps, errors}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mock_url="http://127.0.0.1:$MOCK_PORT/v1.0/sensors/6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c"
hello_url="http://127.0.0.1:$HELLO_PORT/v1.0/sensors/6f1c2a3b-0d4e-4f5a-8b9c-1d2e3f4a5b6c"
wrk -t1 -c"$CONNECTIONS" -d5s "$mock_url" >/dev/null   # warm-up
rss_warm=$(rss $mock)
mock_results=(); varied_results=(); hello_results=(); errors=0
for _ in $(seq "$RUNS"); do
    read -r rps err < <(run "$mock_url"); mock_results+=("$rps"); errors=$((errors + err))
    read -r rps err < <(run "http://127.0.0.1:$MOCK_PORT" -s benchmarks/varied-ids.lua); varied_results+=("$rps"); errors=$((errors + err))
    read -r rps err < <(run "$hello_url"); hello_results+=("$rps")
done
rss_end=$(rss $mock)
mock_median=$(printf '%s\n' "${mock_results[@]}" | median)
varied_median=$(printf '%s\n' "${varied_results[@]}" | median)
hello_median=$(printf '%s\n' "${hello_results[@]}" | median)
echo "connections: $CONNECTIONS, runs: $RUNS x $DURATION each, $(nproc) cores"
echo "mock  (specmark serve docs-samples): ${mock_results[*]} requests/s; median $mock_median"
echo "mock, a new sensor id per request:   ${varied_results[*]} requests/s; median $varied_median"
echo "hello (minimal Hummingbird):          ${hello_results[*]} requests/s; median $hello_median"
awk -v m="$mock_median" -v v="$varied_median" -v h="$hello_median" 'BEGIN {printf "ratio mock/hello: %.2f (one path), %.2f (a new id per request)\n", m / h, v / h}'
echo "mock errors (non-2xx, socket): $errors"
echo "mock resident memory: ${rss_warm} KB after warm-up, ${rss_end} KB at the end"
