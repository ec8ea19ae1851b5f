#!/bin/bash
# Instructions executed by one `ikigai run`, counted by valgrind's callgrind: the same
# on every run of the same build and input, unlike wall time on this noisy VM, so two
# builds can be compared exactly. The binary is copied without its debug info first:
# callgrind stops on this toolchain's DWARF ("Possibly corrupted debuginfo file"), and
# the symbol table alone still names every function.
#   bench/instructions.sh [input folder] [ikigai binary]   (default: Input, .build/release/ikigai)
# Prints the total and the 25 functions with the most instructions of their own.
# About 40 s for the default Input, 5 minutes for a 10× sample.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Input}
binary=${2:-.build/release/ikigai}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip -g -o "$work/ikigai" "$binary"
# Huge pages off: the re-exec that turns them on would be counted as a second program.
IKIGAI_NO_HUGE_PAGES=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$work/ikigai" run --input "$input" --output "$work/Output" --operator "山田 花子" > "$work/log" 2>&1 || true
grep -E "Collected" "$work/log" | sed 's/.*Collected : /instructions: /'
callgrind_annotate "$work/cg.out" 2>/dev/null | swift demangle --simplified | grep -E '^ *[0-9,]+ ' | sed -n '2,26p' | cut -c1-160
