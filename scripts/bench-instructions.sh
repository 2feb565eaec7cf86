#!/usr/bin/env bash
# `make bench-instructions`: instructions and allocations per page, counted by valgrind's callgrind, which gives
# the same numbers on every run of the same build whatever else the machine is doing (wall times on this
# machine vary by 10% and more). Runs benchmarks/instructions (the lint's steps on one thread, without Swift's
# concurrency runtime, which valgrind 3.19 cannot run) once per phase over the corpus's reference pages:
#
#   read     discover and read the files
#   parse    also front matter, cmark and the Markdown model
#   extract  also the page contracts and the doc set
#   lint     also every rule with the default configuration
#
# and prints each phase's own cost (its run less the one before) per page: instructions, calls to malloc, and
# Swift's retains and releases. BIN=path measures another build of the driver (an earlier one, for before and
# after); EVERY=n takes every n-th page (sorted by path) for a quicker, rougher count; DOCS=dir another folder.
# METADATA=file also runs extract and lint with that CSDL file applied (`--metadata`) and prints what reading it
# and the rules' metadata checks add to the lint.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-../shared/corpus/graph-docs}
DOCS=${DOCS:-$CORPUS}
EVERY=${EVERY:-1}
WORK=${WORK:-/tmp/specmark-instructions}
BIN=${BIN:-}
METADATA=${METADATA:-}

[ -d "$DOCS" ] || { echo "no pages at $DOCS (set DOCS=dir or CORPUS=dir)"; exit 2; }
for tool in valgrind objcopy python3; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y valgrind binutils python3)"; exit 2; }
done
if [ -z "$BIN" ]; then
    scripts/swift-release.sh --product specmark-instructions >/dev/null
    BIN=.build/release/specmark-instructions
fi
rm -rf "$WORK" && mkdir -p "$WORK"
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 writes; the symbol table is all callgrind needs.
objcopy --strip-debug "$BIN" "$WORK/driver"
export SWIFT_DETERMINISTIC_HASHING=1

echo "pages: $DOCS (every $EVERY)"
previous=""
printf "%-16s %14s %12s %10s %10s %10s   %s\n" phase instructions "per page" malloc retain release "work done"
phases="read parse extract lint"
[ -n "$METADATA" ] && phases="$phases extract+metadata lint+metadata"
for phase in $phases; do
    flags=()
    [ "${phase%+metadata}" != "$phase" ] && flags=(--metadata "$METADATA")
    valgrind --tool=callgrind --callgrind-out-file="$WORK/$phase.out" "$WORK/driver" "${phase%+metadata}" \
        --every "$EVERY" "${flags[@]}" "$DOCS" >"$WORK/$phase.txt" 2>"$WORK/$phase.log"
    scripts/callgrind-calls.py "$WORK/$phase.out" malloc swift_retain swift_release >"$WORK/$phase.counts"
    python3 - "$WORK" "$phase" "$previous" <<'PY'
import sys
work, phase, previous = sys.argv[1], sys.argv[2], sys.argv[3]
def counts(name):
    return {key: int(value) for key, value in (line.split() for line in open(f"{work}/{name}.counts"))}
now = counts(phase)
before = counts(previous) if previous else {key: 0 for key in now}
done = open(f"{work}/{phase}.txt").read().strip()
pages = int(done.split()[0])
own = {key: now[key] - before[key] for key in now}
print("%-16s %14d %12d %10.0f %10.0f %10.0f   %s" % (
    phase, own["instructions"], own["instructions"] // max(pages, 1), own["malloc"] / max(pages, 1),
    own["swift_retain"] / max(pages, 1), own["swift_release"] / max(pages, 1), done))
PY
    # extract+metadata is measured from extract (what reading the CSDL file adds), lint+metadata from
    # extract+metadata (every rule, the metadata checks included).
    case $phase in
    lint) previous=extract ;;
    *) previous=$phase ;;
    esac
done
if [ -n "$METADATA" ]; then
    for phase in lint lint+metadata; do
        scripts/callgrind-calls.py "$WORK/$phase.out" >"$WORK/$phase.total"
    done
    python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
def total(name):
    return int(open(f"{work}/{name}.total").read().split()[1])
plain, with_metadata = total("lint"), total("lint+metadata")
print("metadata adds %d instructions to the lint (+%.1f%%)" % (with_metadata - plain, 100 * (with_metadata - plain) / plain))
PY
fi
scripts/callgrind-calls.py "$WORK/lint.out" malloc swift_retain swift_release | python3 -c "
import sys
counts = dict(line.split() for line in sys.stdin)
print('all phases: %s instructions, %s mallocs, %s retains, %s releases' % tuple(
    '{:,}'.format(int(counts[key])) for key in ('instructions', 'malloc', 'swift_retain', 'swift_release')))"
echo "callgrind files in $WORK (callgrind_annotate --inclusive=yes $WORK/lint.out | swift demangle --simplified)"
