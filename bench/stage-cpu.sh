#!/bin/bash
# CPU seconds spent under each stage of one `ikigai run`, counted from perf
# samples at 999 Hz. Steadier than wall time on this noisy 2-core machine, for
# comparing two builds; a stage running on both cores counts both.
#   bench/stage-cpu.sh [input folder]      (needs `swift build -c release` and perf)
#   IKIGAI_BIN=/other/checkout/.build/release/ikigai bench/stage-cpu.sh …   another build, for an A/B
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Input}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
perf record -q -F 999 -g -o "$out/perf.data" ${IKIGAI_BIN:-.build/release/ikigai} run --input "$input" --output "$out/Output" \
    --operator "山田 花子" > /dev/null 2>&1 || true
perf script -i "$out/perf.data" 2>/dev/null | python3 -c "
import sys
# (label, a fragment of the stage function's mangled name); the first match down the stack wins.
stages = [
    ('intake',            'IntakeStageO3run8inputDir'),
    ('identity resolve',  'EvidenceResolverV7resolve'),
    # Work a stage hands to the second core starts from a dispatch worker, not from the stage.
    ('identity resolve',  'EvidenceResolverV11profileHalf'),
    ('identity resolve',  'BlockEntriesV5pairs'),
    ('guard needles',     'PublicGuardO7NeedlesV6intake'),
    ('repeated visits',   'RepeatedVisitsO4find'),
    ('lottery',           'ClassLotteryV7drawAll'),
    ('summary',           'SummaryV6intake'),
    ('usage statistics',  'UsageStatisticsV6intake'),
    ('rendering',         'RunDocumentsV5files'),
    ('rendering',         'RunDocumentsV3run'),
    ('rendering',         'HTMLGuard'),
    ('guard check',       'PublicGuardO5check'),
    ('output',            'OutputWriterV5write'),
]
count = {label: 0 for label, _ in stages}
count['other'] = 0
total = 0
frames = []
def flush():
    global total
    if not frames: return
    total += 1
    for f in frames:
        hit = next((label for label, frag in stages if frag in f), None)
        if hit: count[hit] += 1; return
    count['other'] += 1
for line in sys.stdin:
    if not line.strip():
        flush(); frames = []
    elif line[0] in ' \t':
        frames.append(line)
flush()
for label in count: print('%-18s %7.2f CPU s' % (label, count[label] / 999))
print('%-18s %7.2f CPU s' % ('whole run', total / 999))
"
