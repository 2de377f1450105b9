#!/usr/bin/env bash
# Runs the solver and input tests under AddressSanitizer; on Linux x86_64 LeakSanitizer runs with it
# (detect_leaks=1) and reports memory still unreachable at exit, e.g. a GLPK problem never freed.
# Usage: scripts/sanitize.sh [FILTER='DuxueMIPTests|DuxuePlannerTests|DuxueInputTests']
set -uo pipefail
cd "$(dirname "$0")/.."
filter=${1:-'DuxueMIPTests|DuxuePlannerTests|DuxueInputTests'}
scratch=.build-asan
# Offline machines: reuse the main build's resolved dependencies.
if [ ! -d "$scratch/checkouts" ] && [ -d .build/checkouts ]; then
  mkdir -p "$scratch"
  cp -r .build/checkouts .build/repositories .build/workspace-state.json "$scratch"/ 2>/dev/null || true
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}
# TOMLKit's own leaks (upstream) are suppressed; any other leak is a finding.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
log=$scratch/sanitize.log
mkdir -p "$scratch"
swift test --sanitize=address --scratch-path "$scratch" --filter "$filter" 2>&1 | tee "$log" | grep -E "Test run|✘|ERROR: |SUMMARY: "
status=${PIPESTATUS[0]}
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)" "$log"; then
  echo "sanitizer findings: see $log"
  exit 1
fi
echo "no AddressSanitizer or LeakSanitizer findings (swift test exit $status)"
exit "$status"
