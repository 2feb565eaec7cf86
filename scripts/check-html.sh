#!/usr/bin/env bash
# Renders the HTML report in headless Chromium (Debian's chromium, installed when missing and we are root) and
# checks it: for docs-samples always, for the shared corpus when it is there (CORPUS=dir, METADATA=file).
# For each report it prints the size and the time to write it, saves a screenshot of the page's top, and loads the
# page with a filter in its address (#filter:rule=…) to check that the inline script shows exactly that rule's
# findings. Everything it writes goes to OUT (a temporary folder unless given); nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SPECMARK:-.build/release/specmark}
corpus=${CORPUS:-../shared/corpus/graph-docs}/api-reference/v1.0
metadata=${METADATA:-../shared/metadata/graph-v1.0-2021-07-20.csdl.xml}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "installing chromium"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        browser=$(command -v chromium)
    else
        echo "chromium is missing; install it with: sudo apt-get install -y chromium"
        exit 2
    fi
fi
# --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
chrome() { "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }

# check NAME DIR RULE [lint options...]: writes NAME.html and NAME.json for DIR and checks the page.
check() {
    local name=$1 dir=$2 rule=$3
    shift 3
    local started ended status=0
    started=$(date +%s.%N)
    (cd "$dir" && "$OLDPWD/$bin" lint --no-cache --format summary --report html="$out/$name.html" "$@" .) \
        > "$out/$name.summary" || status=$?
    ended=$(date +%s.%N)
    if [ "$status" -gt 1 ]; then echo "$name: specmark lint failed with exit status $status"; exit "$status"; fi
    (cd "$dir" && "$OLDPWD/$bin" lint --no-cache --format json "$@" .) > "$out/$name.json" || true
    chrome --window-size=1280,3200 --screenshot="$out/$name.png" "file://$out/$name.html" >/dev/null
    chrome --dump-dom "file://$out/$name.html#filter:rule=$rule" > "$out/$name.dom.html"
    # A malformed %-escape in the address is ignored, not a broken script.
    chrome --dump-dom "file://$out/$name.html#filter:rule=$rule&q=%" > "$out/$name.dom-bad.html"
    python3 - "$out" "$name" "$rule" "$started" "$ended" <<'PY'
import json, os, re, sys
out, name, rule, started, ended = sys.argv[1:6]
html = open(os.path.join(out, name + ".html"), encoding="utf-8").read()
dom = open(os.path.join(out, name + ".dom.html"), encoding="utf-8").read()
report = json.load(open(os.path.join(out, name + ".json")))
size = os.path.getsize(os.path.join(out, name + ".html"))
findings = re.findall(r'<article class="finding [^"]*"[^>]*>', dom)
shown = [f for f in findings if " hidden" not in f]
bad = open(os.path.join(out, name + ".dom-bad.html"), encoding="utf-8").read()
shown_bad = [f for f in re.findall(r'<article class="finding [^"]*"[^>]*>', bad) if " hidden" not in f]
expected = sum(1 for d in report["diagnostics"] if d["rule"] == rule)
print(f"{name}: {size / 1e6:.2f} MB, written with the lint in {float(ended) - float(started):.2f} s; "
      f"{len(findings)} findings, {len(report['diagnostics'])} in the JSON report")
print(f"{name}: with #filter:rule={rule} the page shows {len(shown)} findings, the JSON report has {expected}")
assert len(findings) == len(report["diagnostics"]), "the page does not list every finding"
assert expected > 0 and len(shown) == expected, "the filter script shows the wrong findings"
assert len(shown_bad) == expected, "a malformed address breaks the filter script"
assert size < 10_000_000, "the report is over 10 MB"
assert not re.search(r'<(link|img|iframe|object|embed)\b', html), "the report loads something"
assert html.count("<script") == 1, "the report has a script of the docs"
print(f"{name}: screenshot {os.path.join(out, name + '.png')}")
PY
}

check samples docs-samples link-broken
if [ -d "$corpus" ]; then
    metadata_option=()
    if [ -f "$metadata" ]; then metadata_option=(--metadata "$(cd "$(dirname "$metadata")" && pwd)/$(basename "$metadata")"); fi
    check corpus "$corpus" link-case-mismatch "${metadata_option[@]}"
else
    echo "corpus not found at $corpus; set CORPUS=dir to check a large report too"
fi
