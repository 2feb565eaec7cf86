#!/usr/bin/env bash
# `make bench`: Specmark's full lint of the Graph corpus against `cmark --to xml` over the same files with
# as many processes as cores, measured side by side in one run (hyperfine, warm-up, RUNS runs each), peak
# memory (/usr/bin/time -v), and the same on 2x and 4x copies of the corpus. Also the warm result cache and
# one changed page re-linted with --changed-since, and the lint with the service metadata (METADATA) beside the
# lint without it, and the metadata's load alone. BIN=path measures another build of specmark (an earlier one, to
# compare before and after a change) without building this one.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-../shared/corpus/graph-docs}
METADATA=${METADATA:-../shared/metadata/graph-v1.0-2021-07-20.csdl.xml}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/specmark-bench}
BIN=${BIN:-}
JOBS=$(nproc)

[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS (set CORPUS=dir)"; exit 2; }
for tool in hyperfine cmark /usr/bin/time git python3 cc; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y hyperfine cmark time git python3 gcc)"; exit 2; }
done
if [ -z "$BIN" ]; then
    scripts/swift-release.sh --product specmark >/dev/null
    BIN=$PWD/.build/release/specmark
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
CORPUS=$(cd "$CORPUS" && pwd)
rm -rf "$WORK" && mkdir -p "$WORK"

# The corpus at 1x, and 2x and 4x as copies side by side (distinct paths, identical pages).
copies() { # n -> directory
    local dir="$WORK/x$1"
    mkdir -p "$dir"
    for i in $(seq "$1"); do cp -r "$CORPUS" "$dir/copy$i"; done
    echo "$dir"
}
cmark_cmd() { echo "find $1 -name '*.md' -print0 | xargs -0 -P$JOBS -n 500 cmark --to xml > /dev/null"; }
lint_cmd() { echo "$BIN lint $1 --no-cache --format summary > /dev/null"; }
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join('%.3f' % x['median'] for x in r))" "$1"; }
peak() { # command -> peak RSS in MB
    /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}'
}

files=$(find "$CORPUS" -name '*.md' | wc -l)
allocator=$( (ldd "$BIN" 2>/dev/null || true) | grep -q libmimalloc && echo mimalloc || echo "the C library's malloc")
echo "corpus: $CORPUS ($files pages, $(du -sh "$CORPUS" | cut -f1)), $JOBS cores, $RUNS runs after 2 warm-ups"
echo "specmark: $BIN, allocator: $allocator"
echo
printf "%-6s %12s %14s %8s %14s\n" "size" "cmark (s)" "specmark (s)" "ratio" "peak RSS (MB)"
for n in 1 2 4; do
    if [ "$n" = 1 ]; then dir=$CORPUS; else dir=$(copies "$n"); fi
    hyperfine --warmup 2 --runs "$RUNS" -i --style none --export-json "$WORK/x$n.json" \
        "$(cmark_cmd "$dir")" "$(lint_cmd "$dir")" >/dev/null 2>&1
    read -r cmark_s lint_s < <(median "$WORK/x$n.json")
    ratio=$(python3 -c "print('%.2f' % ($lint_s / $cmark_s))")
    printf "%-6s %12s %14s %8s %14s\n" "${n}x" "$cmark_s" "$lint_s" "$ratio" "$(peak "$(lint_cmd "$dir")")"
    [ "$n" = 1 ] || rm -rf "$dir"
done

# The floor under any libcmark-based tool: the same files read and parsed in one process on every core, with
# nothing rendered or written (benchmarks/parse-floor). What a lint does beyond that is extraction and rules.
floor="$WORK/parse-floor"
cc -O2 -o "$floor" benchmarks/parse-floor/parse-floor.c $(pkg-config --cflags --libs libcmark 2>/dev/null || echo -lcmark) -lpthread
hyperfine --warmup 2 --runs "$RUNS" -i --style none --export-json "$WORK/floor.json" \
    "$(cmark_cmd "$CORPUS")" "find $CORPUS -name '*.md' -print0 | $floor" "$(lint_cmd "$CORPUS")" >/dev/null 2>&1
read -r cmark_s floor_s lint_s < <(median "$WORK/floor.json")
echo
echo "parse floor (libcmark only, $JOBS threads, no output): $floor_s s; cmark --to xml $cmark_s s; specmark $lint_s s"
python3 -c "print('  specmark beyond the floor: %.3f s; cmark beyond the floor: %.3f s' % ($lint_s - $floor_s, $cmark_s - $floor_s))"

# The warm result cache (nothing changed since the last run) against the same cmark command.
echo
cache="$WORK/cache"
hyperfine --warmup 2 --runs "$RUNS" -i --style none --export-json "$WORK/warm.json" \
    "$(cmark_cmd "$CORPUS")" "$BIN lint $CORPUS --cache-dir $cache --format summary > /dev/null" >/dev/null 2>&1
read -r cmark_s warm_s < <(median "$WORK/warm.json")
echo "warm cache: specmark $warm_s s, cmark $cmark_s s, ratio $(python3 -c "print('%.2f' % ($warm_s / $cmark_s))")"

# One changed page, re-linted with --changed-since in a git copy of the corpus: from scratch (--no-cache), and
# the way an author runs it, after a full run has left the context cache. Every run edits the page again, so
# none is answered by the result cache.
repo="$WORK/repo"
cp -r "$CORPUS" "$repo"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -qm corpus
page=$(find "$repo" -path '*api/user-get.md' | head -1)
page=${page:-$(find "$repo" -name '*.md' | head -1)}
(cd "$repo" && "$BIN" lint . --cache-dir "$WORK/repo-cache" --format summary > /dev/null || true)
hyperfine --warmup 1 --runs "$RUNS" -i --style none --export-json "$WORK/changed.json" \
    --prepare "date +%N >> $page" \
    "cd $repo && $BIN lint . --changed-since HEAD --no-cache --format summary > /dev/null" \
    "cd $repo && $BIN lint . --changed-since HEAD --cache-dir $WORK/repo-cache --format summary > /dev/null" \
    >/dev/null 2>&1
read -r scratch_s warm_s < <(median "$WORK/changed.json")
echo "one changed page (--changed-since HEAD): $scratch_s s from scratch, $warm_s s with the context cache"
rm -rf "$repo"

# The lint with the service metadata (every metadata rule, the metadata as arbiter) beside the lint without it,
# and the metadata's load alone: `model` of an empty folder with and without it.
if [ -f "$METADATA" ]; then
    METADATA=$(cd "$(dirname "$METADATA")" && pwd)/$(basename "$METADATA")
    echo
    hyperfine --warmup 2 --runs "$RUNS" -i --style none --export-json "$WORK/metadata.json" \
        "$(lint_cmd "$CORPUS")" "$BIN lint $CORPUS --no-cache --metadata $METADATA --format summary > /dev/null" \
        >/dev/null 2>&1
    read -r plain_s with_s < <(median "$WORK/metadata.json")
    echo "lint with --metadata: $with_s s, without $plain_s s, ratio $(python3 -c "print('%.2f' % ($with_s / $plain_s))")"
    mkdir -p "$WORK/empty"
    hyperfine --warmup 2 --runs "$RUNS" -i --style none --export-json "$WORK/metadata-load.json" \
        "$BIN model $WORK/empty --format summary > /dev/null" \
        "$BIN model $WORK/empty --metadata $METADATA --format summary > /dev/null" >/dev/null 2>&1
    read -r empty_s load_s < <(median "$WORK/metadata-load.json")
    echo "metadata load ($(du -h "$METADATA" | cut -f1)): $(python3 -c "print('%.3f' % ($load_s - $empty_s))") s ($load_s s with it, $empty_s s without)"
fi
