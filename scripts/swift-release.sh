#!/usr/bin/env bash
# The release build every target and script uses (`make release`, the benchmarks): on Linux with the Swift
# runtime and Foundation linked into the binary (`--static-swift-stdlib`). A dynamic build spends a third of an
# empty lint binding a dozen shared libraries at start (20.8 ms against 14.1 ms). One set of flags for all of
# them, because SwiftPM rebuilds everything when the flags of `.build/release` change. Arguments are passed on.
#
# On Linux the binary also links mimalloc when it is installed (Debian's libmimalloc-dev), as ruff and Biome
# ship with it: a lint makes and frees millions of small values on every core, and glibc's malloc and free
# were about 7% of its CPU time (0.84 s against 0.90 s of CPU for the Graph corpus, output byte-identical).
# Without it the build links glibc's allocator and says so once. SPECMARK_MALLOC=system skips it.
#
# It is linked by the toolchain's lld when there is one, with no symbols exported and its relative relocations
# packed (DT_RELR, which glibc reads from 2.36 on): the driver exports every public symbol of every module
# (50,000), which the runtime's startup dladdr walks one by one, and 149,000 relocation records are read at each
# start. An empty lint starts in 11.3 ms against 12.7 ms (medians of 60, interleaved); output byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release)
if [ "$(uname -s)" = Linux ]; then
    flags+=(--static-swift-stdlib)
    if [ "${SPECMARK_MALLOC:-}" != system ]; then
        if printf 'int main(void) { return 0; }\n' | "${CC:-cc}" -x c - -o /dev/null -lmimalloc 2>/dev/null; then
            flags+=(-Xlinker -lmimalloc)
        else
            echo "swift-release: mimalloc not found (apt-get install libmimalloc-dev); linking glibc's malloc" >&2
        fi
    fi
    swift_bin=$(dirname "$(command -v "${SWIFT:-swift}")")
    glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
    if [ -x "$swift_bin/ld.lld" ] && printf '%s\n2.36\n' "${glibc:-0}" | sort -V -C -r 2>/dev/null; then
        flags+=(-Xswiftc -use-ld=lld -Xlinker "--version-script=$PWD/scripts/no-exports.map")
        flags+=(-Xlinker -z -Xlinker pack-relative-relocs)
    fi
fi
exec "${SWIFT:-swift}" build "${flags[@]}" "$@"
