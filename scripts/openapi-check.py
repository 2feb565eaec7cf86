#!/usr/bin/env python3
"""Check `specmark openapi` on a Graph-style docs set with tools of the OpenAPI ecosystem.

1. Export the docs as OpenAPI 3.1, without and with the service metadata (when given), and time each export.
2. Validate both documents with openapi-spec-validator (PyPI), a validator independent of OpenAPIKit.
3. Start `specmark serve` on the docs (loopback, a free port) and run Schemathesis (PyPI) with the document the
   server publishes at /__specmark/openapi.json, examples phase, for a slice of operations (--paths, a regular
   expression), every check on. Report the operations tested and the failures by check.

Never needed by the tests; `make check-openapi` runs it in a virtual environment under .build/.

Usage: openapi-check.py --specmark BIN --docs DIR [--metadata CSDL] [--paths REGEX] [--out DIR]
"""

import argparse
import collections
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request


def export(specmark, docs, out, metadata=None):
    command = [specmark, "openapi", docs, "--version", "v1.0", "--output", out]
    if metadata:
        command += ["--metadata", metadata]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"specmark openapi failed ({result.returncode}):\n{result.stderr[-3000:]}")
    summary = [line for line in result.stderr.splitlines() if line.startswith("exported ")]
    findings = collections.Counter(re.findall(r"\[(openapi-[a-z-]+)\]", result.stderr))
    return elapsed, summary[-1] if summary else "", findings


def validate(path):
    from openapi_spec_validator import validate as spec_validate
    from openapi_spec_validator.readers import read_from_filename

    spec, _ = read_from_filename(path)
    started = time.monotonic()
    try:
        spec_validate(spec)
        return time.monotonic() - started, "valid"
    except Exception as error:  # the validator's own exception types differ between versions
        return time.monotonic() - started, f"invalid: {str(error).splitlines()[0][:300]}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(specmark, docs, port, metadata=None):
    command = [specmark, "serve", docs, "--host", "127.0.0.1", "--port", str(port), "--quiet"]
    if metadata:
        command += ["--metadata", metadata]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__specmark/health", timeout=2).read()
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"specmark serve exited: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
    server.kill()
    sys.exit("specmark serve did not start within 120 s")


def schemathesis(port, paths, report_dir):
    """Runs Schemathesis's examples phase and returns its stdout and the JUnit report's test cases."""
    os.makedirs(report_dir, exist_ok=True)
    executable = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    command = [
        executable, "run", f"http://127.0.0.1:{port}/__specmark/openapi.json",
        "--phases", "examples", "--checks", "all", "--include-path-regex", paths,
        "--report", "junit", "--report-dir", report_dir, "--no-color", "--workers", "1",
        "--request-timeout", "10", "--suppress-health-check", "all", "--continue-on-failure",
    ]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return time.monotonic() - started, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specmark", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--metadata")
    parser.add_argument("--paths", default=r"^/(users|groups|me)(/|$)")
    parser.add_argument("--out", default=".build/openapi-check")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)

    documents = [("docs only", os.path.join(arguments.out, "openapi.json"), None)]
    if arguments.metadata:
        documents.append(("with metadata", os.path.join(arguments.out, "openapi-metadata.json"), arguments.metadata))
    for label, path, metadata in documents:
        elapsed, summary, findings = export(arguments.specmark, arguments.docs, path, metadata)
        size = os.path.getsize(path) / 1e6
        print(f"== export, {label}: {elapsed:.1f} s, {size:.1f} MB")
        print(f"   {summary}")
        print(f"   findings: {dict(findings)}")
        validated, verdict = validate(path)
        print(f"   openapi-spec-validator: {verdict} ({validated:.1f} s)")

    port = free_port()
    server = serve(arguments.specmark, arguments.docs, port)
    try:
        elapsed, result = schemathesis(port, arguments.paths, os.path.join(arguments.out, "schemathesis"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"== schemathesis, examples phase, paths {arguments.paths} ({elapsed:.0f} s, exit {result.returncode})")
    tail = result.stdout.strip().splitlines()
    summary_start = next((i for i, line in enumerate(tail) if "SUMMARY" in line), max(0, len(tail) - 60))
    print("\n".join(tail[summary_start:]))
    if result.returncode not in (0, 1):
        print(result.stderr[-3000:])
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
