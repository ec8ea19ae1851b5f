#!/bin/bash
# The I/O a run cannot avoid at a given size on this machine, beside the time
# Python's csv module takes merely to read the same sheets (issue 8's yardstick).
#
#   bench/floor.sh INPUT_DIR OUTPUT_DIR [REPEATS]
#
# OUTPUT_DIR is the Output/ an `ikigai run` made of INPUT_DIR. Measured, each the
# fastest of REPEATS (default 3), in one go so that the ratios share the machine's
# phase (this VM's speed swings by up to 1.8x within minutes):
#   python-read  Python reading every sheet with the csv module (as ikigai-bench does)
#   cat-input    reading the sheets' bytes only, from the page cache
#   write-sync   writing a copy of OUTPUT_DIR beside it and syncing it to disk, as a
#                run must before it swaps Output/ in (the contract's "replace whole")
# The sum cat-input + write-sync is a floor under any run, before any of the work.
set -euo pipefail
input=${1:?input folder}
output=${2:?output folder of a run on it}
repeats=${3:-3}
scratch="$(dirname "$output")/.floor-copy.$$"
trap 'rm -rf "$scratch"' EXIT

now() { date +%s.%N; }
best() { # name, then the command; prints the fastest of $repeats
    local name=$1 b=999999; shift
    for _ in $(seq "$repeats"); do
        local t0 t1
        t0=$(now); "$@" >/dev/null; t1=$(now)
        b=$(python3 -c "print(min($b, $t1 - $t0))")
    done
    printf '%-12s %8.3f s\n' "$name" "$b"
    eval "floor_${name//-/_}=$b"
}

python_read() {
    python3 - "$input" <<'PY'
import csv, glob, sys
for p in sorted(glob.glob(sys.argv[1] + '/**/*.csv', recursive=True)):
    raw = open(p, 'rb').read()
    try: text = raw.decode('utf-8-sig')
    except UnicodeDecodeError: text = raw.decode('cp932')
    for row in csv.reader(text.splitlines(True)): pass
PY
}
cat_input() { find "$input" -name '*.csv' -print0 | xargs -0 cat > /dev/null; }
write_sync() { rm -rf "$scratch"; cp -r "$output" "$scratch"; sync -f "$scratch"; rm -rf "$scratch"; }

echo "input  $(du -sh "$input" | cut -f1)  output $(du -sh "$output" | cut -f1)"
cat_input  # warm the page cache, as the runs and the Python read find it
best python-read python_read
best cat-input cat_input
best write-sync write_sync
# Python's interpreter start is in python-read here (about 0.02 s), not in ikigai-bench's figure.
python3 -c "
p, c, w = $floor_python_read, $floor_cat_input, $floor_write_sync
print(f'floor (cat-input + write-sync) {c + w:.3f} s = {(c + w) / p:.2f} x python-read')"
