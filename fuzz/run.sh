#!/usr/bin/env bash
# Builds one libFuzzer target from the parser sources and runs it.
#   fuzz/run.sh csv|decode|values|templates|settings|sheets|year SECONDS
# The corpus grows in .build-fuzz/corpus-TARGET (seeded with the sample's
# sheets); interesting inputs are merged, small, into
# Tests/IkigaiCoreTests/Fixtures/fuzz/TARGET, which `swift test` replays.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?csv, decode, values, templates, settings, sheets or year}
seconds=${2:-600}
case "$target" in
  csv) main=fuzz/FuzzCSV.swift ;;
  decode) main=fuzz/FuzzDecode.swift ;;
  values) main=fuzz/FuzzValues.swift ;;
  templates) main=fuzz/FuzzTemplate.swift ;;
  settings|sheets|year) main="" ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
out=.build-fuzz
mkdir -p "$out/corpus-$target" "Tests/IkigaiCoreTests/Fixtures/fuzz/$target"
# The year target runs a whole year twice for each input, two or three inputs a second: its
# working corpus, which keeps every input any run found (1,117 of them), took the fuzzer some
# nine minutes to load, nearly all of a 600 s run. It starts from the merged corpus instead,
# which reaches the same edges.
if [ "$target" = year ] && [ -n "$(ls -A Tests/IkigaiCoreTests/Fixtures/fuzz/year)" ]; then
  rm -rf "$out/corpus-year"
  cp -r Tests/IkigaiCoreTests/Fixtures/fuzz/year "$out/corpus-year"
fi
if [ -z "$main" ]; then
  # These need the whole library (TOMLKit is C++ and a package dependency), so they are a
  # small package of their own (fuzz/library) that SwiftPM builds with the fuzzer and
  # address sanitizers.
  case "$target" in settings) product=FuzzSettings ;; sheets) product=FuzzSheets ;; *) product=FuzzYear ;; esac
  # SwiftPM hands swiftc the two sanitizers as two flags, and swiftc keeps only the last
  # (`-sanitize=fuzzer -sanitize=address` compiles no coverage, the other order no address
  # checks; the order SwiftPM writes varies). The combined flag, written after them, keeps both
  # for the Swift modules; the C and C++ ones (TOMLKit's) take both from --sanitize.
  # The build plan of this package is cached, and a file added to IkigaiCore (a dependency here)
  # was left out of it: "cannot find 'Clusters' in scope". It is planned again when the list of
  # source files has changed; planning again rebuilds everything (about 4 minutes), so not always.
  mkdir -p "$out/library"
  files=$(find Sources -name '*.swift' -o -name '*.c' -o -name '*.h' | sort)
  if [ "$files" != "$(cat "$out/library/sources.list" 2>/dev/null)" ]; then
    rm -f "$out/library/release/description.json"
    printf '%s' "$files" > "$out/library/sources.list"
  fi
  swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
    --package-path fuzz/library --scratch-path "$out/library" --product "$product"
  cp "$out/library/release/$product" "$out/fuzz-$target"
else
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name IkigaiFuzz \
    Sources/IkigaiCore/Values/*.swift \
    Sources/IkigaiCore/Intake/CSVParser.swift Sources/IkigaiCore/Intake/SheetDecoder.swift \
    Sources/IkigaiCore/Intake/CP932.swift Sources/IkigaiCore/Intake/CP932Table.swift Sources/IkigaiCore/Intake/TextEncoding.swift \
    Sources/IkigaiCore/Rendering/HTMLEscape.swift Sources/IkigaiCore/Rendering/Format.swift Sources/IkigaiCore/Rendering/Template*.swift \
    "$main" -o "$out/fuzz-$target"
fi
if [ -z "$(ls -A "$out/corpus-$target")" ]; then
  case "$target" in
    settings) cp Input/settings.toml "$out/corpus-$target/sample.toml"
              # Notepad's "ANSI": the Shift_JIS path a run also reads.
              iconv -f UTF-8 -t CP932 Input/settings.toml > "$out/corpus-$target/sample-sjis.toml"
              cp Sources/IkigaiCore/Settings/SettingsTemplate.swift "$out/corpus-$target/template.txt" ;;
    templates) for f in Templates/*.mustache; do cp "$f" "$out/corpus-$target/$(basename "$f")"; done ;;
    # The first byte chooses the sheet (0 visits, 1 groups, 2 applications, 3 classes.csv,
    # 4 decisions.csv); the rest is the head of a sample sheet of that kind, whole lines, in its
    # own encoding, or review.csv's columns with rulings written in.
    sheets) i=0
            for f in Input/visits/2018-0[45].csv Input/groups/*.csv Input/applications/*.csv Input/classes.csv; do
              case "$f" in */visits/*) k='\x00' ;; */groups/*) k='\x01' ;; */applications/*) k='\x02' ;; *) k='\x03' ;; esac
              { printf "$k"; head -c 3000 "$f" | LC_ALL=C sed '$d'; } > "$out/corpus-$target/seed-$i.csv"; i=$((i + 1))
            done
            printf '\x04%s\n' 'file_a,row_a,file_b,row_b,likelihood,reasons_for,reasons_against,pair,判定' \
              'applications/2018-04.csv,18,visits/2018-05.csv,1797,0.80,氏名が同じ,電話番号が異なる,r2d57e135aaee,同一' \
              'visits/2018-04.csv,98,visits/2018-06.csv,798,0.60,フリガナが同じ,,r28a13021695f,別人' \
              'visits/2018-04.csv,99,visits/2018-06.csv,799,0.55,,,6.24693E+11,○' > "$out/corpus-$target/seed-decisions.csv" ;;
    # Five sheets cut apart by 0xFF (visits of April and May, a group, applications, decisions),
    # the first lines of each from a sample of a dozen people, so that the same people meet
    # across sheets; the last seed rules on a pair of them.
    year) sample=$out/year-sample
          rm -rf "$sample"
          swift run -c release ikigai sample --people 12 --seed 39 --out "$sample" > /dev/null
          for n in 6 12 30; do
            for f in visits/2018-04.csv visits/2018-05.csv "groups/2018-04-文化系.csv" applications/2018-04.csv; do
              head -n $n "$sample/$f"; printf '\xff'
            done > "$out/corpus-$target/seed-$n.csv"
          done
          { for f in visits/2018-04.csv visits/2018-05.csv "groups/2018-04-文化系.csv" applications/2018-04.csv; do
              head -n 12 "$sample/$f"; printf '\xff'
            done
            printf '%s\n' 'file_a,row_a,file_b,row_b,likelihood,reasons_for,reasons_against,pair,判定' \
              'visits/2018-04.csv,2,visits/2018-05.csv,2,0.80,氏名が同じ,電話番号が異なる,,同一' \
              'visits/2018-04.csv,3,applications/2018-04.csv,2,0.60,フリガナが同じ,,,別人'
          } > "$out/corpus-$target/seed-decisions.csv" ;;
    values) printf '%s\n' 2018-05-10 H30.5.10 平成30年5月10日 令和元年5月1日 R1.4.30 '03(1234)5678' '+81 3 1234 5678' \
              東京都新宿区大久保2-3-4 新宿区大久保二丁目3番4号 済 | split -l 1 - "$out/corpus-$target/seed-" ;;
    *) for f in Input/visits/2018-0[45].csv Input/groups/*.csv Input/classes.csv; do head -c 4000 "$f" > "$out/corpus-$target/$(basename "$f")"; done ;;
  esac
fi
# TOMLKit leaks the C strings and key lists it hands to Swift (LebJe/TOMLKit issue 26; a
# few KB per settings file, read once per run), so leak detection would stop the settings
# target on its first input; it hunts crashes, hangs and broken promises only.
# The TOML library also asserts on some malformed files (ikigai turns that abort into exit 2
# with a message); fork mode keeps the run going past each one and leaves them as crash-* files.
leaks=1 keepgoing=""
# (Fork mode's jobs take leak detection from ASAN_OPTIONS, not from the flag.)
[ "$target" = settings ] && leaks=0 keepgoing="-fork=1 -ignore_crashes=1" && export ASAN_OPTIONS=detect_leaks=0
# The year target reads settings.toml twice per input (a run each). Its leaks are suppressed by name,
# so that leaks of the rest are still found when the fuzzer exits; the check after each input
# is off: every input leaks TOMLKit's few KB, so libFuzzer ran each one again and scanned the
# heap, about a quarter of the target's time under perf.
[ "$target" = year ] && leaks=0 && export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan-tomlkit.supp
# FUZZ_JOBS=N runs the year target as N processes at once (libFuzzer's fork mode), one per core;
# a crash or broken promise in any of them still stops the run.
[ "$target" = year ] && [ "${FUZZ_JOBS:-1}" -gt 1 ] && keepgoing="-fork=$FUZZ_JOBS"
# A year's five sheets need more room than one sheet.
maxlen=4096; [ "$target" = year ] && maxlen=16384
"$out/fuzz-$target" -detect_leaks=$leaks $keepgoing -max_total_time="$seconds" -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$out/corpus-$target" 2>&1 | tail -25 || true  # a crash still leaves the corpus to merge
# The sheets target reaches thousands of hit counts of the same edges (one per row count, per
# cell count): merged on them, its corpus came to 3,057 files and 13 MB; on edges alone, 631
# files and 244 KB reach the same 5,230 edges.
merge_features=""; [ "$target" = sheets ] || [ "$target" = year ] && merge_features="-use_counters=0"
"$out/fuzz-$target" -detect_leaks=$leaks $merge_features -merge=1 -max_len=$maxlen "Tests/IkigaiCoreTests/Fixtures/fuzz/$target" "$out/corpus-$target" > /dev/null 2>&1
ls "Tests/IkigaiCoreTests/Fixtures/fuzz/$target" | wc -l
