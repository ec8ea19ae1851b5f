#!/bin/bash
# CPU seconds spent under the intake step (IntakeStage.run) in one `ikigai run`,
# counted from perf samples at 1999 Hz. Steadier than wall time on this noisy
# 2-core machine, for comparing two builds of the intake code.
#   bench/intake-cpu.sh [input folder]      (needs `swift build -c release` and perf)
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Input}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
perf record -q -F 1999 -g -o "$out/perf.data" .build/release/ikigai run --input "$input" --output "$out/Output" \
    --operator "山田 花子" > /dev/null 2>&1 || true
perf script -i "$out/perf.data" 2>/dev/null | python3 -c "
import sys
total = hit = 0
inside = False
for line in sys.stdin:
    if not line.strip():
        total += 1; hit += inside; inside = False
    elif 'IntakeStageO3run8inputDir' in line:
        inside = True
print('intake CPU seconds: %.2f of %.2f for the whole run' % (hit / 1999, total / 1999))
"
