#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/: CSV reader, encoding detection, policy TOML reader, roster reader,
# duxue compare's scenario reader, the TOML reader itself)
# with -sanitize=fuzzer,address and runs each for a bounded time. Crashing inputs are left in
# .build-fuzz/crashes/<target>/; add each to Tests/DuxueInputTests/Corpus/fuzz-<target>-N/ as a
# regression case (toml: a test in Tests/DuxueTOMLTests). Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGETS…]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv encoding policy roster scenario toml)
scratch=.build-fuzz

export DUXUE_FUZZ=1
# Offline machines: reuse the main build's resolved dependencies.
if [ ! -d "$scratch/checkouts" ] && [ -d .build/checkouts ]; then
  mkdir -p "$scratch"
  cp -r .build/checkouts .build/repositories .build/workspace-state.json "$scratch"/ 2>/dev/null || true
fi
for target in "${targets[@]}"; do
  swift build -c release --scratch-path "$scratch" --product "fuzz-$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address || exit 1
done

# Seeds: every CSV/TOML file in the test fixtures and the corpus, plus the sample districts.
seed_root=$scratch/seeds
rm -rf "$seed_root"; mkdir -p "$seed_root"/{csv,encoding,policy,roster,scenario,toml}
i=0
while IFS= read -r -d '' file; do
  i=$((i + 1))
  case "$file" in
    *.toml) cp "$file" "$seed_root/policy/$i"; cp "$file" "$seed_root/scenario/$i"; cp "$file" "$seed_root/toml/$i" ;;
    *roster*) cp "$file" "$seed_root/roster/$i"; cp "$file" "$seed_root/encoding/$i" ;;
    *) cp "$file" "$seed_root/csv/$i"; cp "$file" "$seed_root/encoding/$i" ;;
  esac
done < <(find Tests/DuxueInputTests Data/policies Data/scenarios Tests/DuxueCompareTests/Scenarios Tests/DuxueCLITests/Cases -type f \( -name '*.csv' -o -name '*.toml' \) -size -64k -print0)
# Policy seeds: every short mix of TOML punctuation after the usual openings (where the former C++ parser aborted).
python3 - "$seed_root/policy" "$seed_root/scenario" "$seed_root/toml" <<'PY'
import itertools, sys
alphabet = ['[', ']', '{', '}', ',', '=', '.', '#', '"', "'", 'a', '1', '\n', ' ']
n = 0
for prefix in ['', 'd=', 'd=[', 'd={', '[a]\n', 'd={a=']:
    for length in (1, 2):
        for combo in itertools.product(alphabet, repeat=length):
            n += 1
            for folder in sys.argv[1:]:
                open(f"{folder}/p{n}", "w").write(prefix + "".join(combo))
PY

# TOML reader seeds: toml-test's cases (the bundled selection, and the whole suite when ../shared has it).
for suite in Tests/DuxueTOMLTests/TOMLTestSuite ../shared/toml-test/tests; do
  [ -d "$suite" ] || continue
  while IFS= read -r -d '' file; do
    i=$((i + 1)); cp "$file" "$seed_root/toml/$i"
  done < <(find "$suite/valid" "$suite/invalid" -name '*.toml' -print0)
done

# Any leak is a finding (the suppressions cover XCTest's harness only).
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
echo "target	seconds	executions	crashes"
for target in "${targets[@]}"; do
  corpus=$scratch/corpus/$target crashes=$scratch/crashes/$target log=$scratch/fuzz-$target.log
  mkdir -p "$corpus" "$crashes"
  # Fork mode with -ignore_crashes: a crash is saved and the run goes on, so one run finds them all.
  SWIFT_BACKTRACE=enable=no "$scratch/release/fuzz-$target" "$corpus" "$seed_root/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -artifact_prefix="$crashes/" >"$log" 2>&1
  # Fork mode reports the executions of the whole run on its last status line ("#N ... exec/s").
  runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  [ -z "$runs" ] && runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  found=$(find "$crashes" -type f | wc -l)
  echo "$target	$seconds	$runs	$found"
done
