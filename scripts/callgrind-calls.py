#!/usr/bin/env python3
"""Totals of a callgrind output file: instructions, and the calls made to each function named on the command line.

    callgrind-calls.py callgrind.out malloc swift_retain swift_release

Prints `instructions N` and then `NAME N` per name. Callgrind records each call under the callee's name (`cfn=`)
followed by a `calls=` line; names are compressed to `(id)` after their first use.
"""
import re
import sys
from collections import Counter


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    names: dict[str, str] = {}
    calls: Counter[str] = Counter()
    total = 0
    callee = None
    pattern = re.compile(r"c?fn=\((\d+)\)(?: (.*))?")
    with open(sys.argv[1], errors="replace") as output:
        for line in output:
            if line.startswith(("fn=", "cfn=")):
                match = pattern.match(line.rstrip("\n"))
                if match:
                    if match.group(2):
                        names[match.group(1)] = match.group(2)
                    if line.startswith("cfn="):
                        callee = names.get(match.group(1), match.group(1))
            elif line.startswith("calls=") and callee:
                calls[callee] += int(line.split()[0][len("calls="):])
            elif line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    print(f"instructions {total}")
    for name in sys.argv[2:]:
        print(f"{name} {calls.get(name, 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
