#!/usr/bin/env bash
# Writes every report format for docs-samples and checks each one: SARIF against the official 2.1.0 JSON
# schema (when the schema file is present), JSON and JUnit for well-formedness, GitHub commands for shape.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SPECMARK:-.build/release/specmark}
schema=${SARIF_SCHEMA:-../shared/schemas/sarif-schema-2.1.0.json}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

status=0
"$bin" lint docs-samples --format text \
    --report json="$out/report.json" --report sarif="$out/report.sarif" --report junit="$out/report.xml" \
    --report github="$out/report.github" --report markdown="$out/report.md" > "$out/report.txt" || status=$?
if [ "$status" -gt 1 ]; then echo "specmark lint failed with exit status $status"; exit "$status"; fi

python3 - "$out" "$schema" <<'PY'
import json, os, re, sys, xml.etree.ElementTree as ElementTree
out, schema_path = sys.argv[1], sys.argv[2]
report = json.load(open(os.path.join(out, "report.json")))
assert report["schemaVersion"] == 1 and report["diagnostics"], "JSON report is empty"
sarif = json.load(open(os.path.join(out, "report.sarif")))
if os.path.exists(schema_path):
    try:
        import jsonschema
    except ImportError:
        sys.exit("python3 jsonschema is missing: pip install jsonschema")
    jsonschema.validate(sarif, json.load(open(schema_path)))
    print(f"sarif: valid against {schema_path} ({len(sarif['runs'][0]['results'])} results)")
else:
    print(f"sarif: schema {schema_path} not found; checked that it parses only")
root = ElementTree.parse(os.path.join(out, "report.xml")).getroot()
assert root.tag == "testsuites" and int(root.get("failures")) > 0
print(f"junit: {root.get('tests')} test cases, {root.get('failures')} failures")
lines = open(os.path.join(out, "report.github")).read().splitlines()
assert all(re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+", line) for line in lines), lines
print(f"github: {len(lines)} commands")
print(f"json: {len(report['diagnostics'])} diagnostics; markdown: {os.path.getsize(os.path.join(out, 'report.md'))} bytes")
PY
