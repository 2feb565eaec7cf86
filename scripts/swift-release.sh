#!/usr/bin/env bash
# The release build every target and script uses (`make release`, the benchmarks): on Linux with the Swift
# runtime and Foundation linked into the binary (`--static-swift-stdlib`). A dynamic build spends a third of an
# empty lint binding a dozen shared libraries at start (20.8 ms against 14.1 ms). One set of flags for all of
# them, because SwiftPM rebuilds everything when the flags of `.build/release` change. Arguments are passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release)
[ "$(uname -s)" = Linux ] && flags+=(--static-swift-stdlib)
exec "${SWIFT:-swift}" build "${flags[@]}" "$@"
