#!/usr/bin/env bash
# verify_plans.sh — cross-check `duxue plan` against the independent checker.
#
# For each size × pool × zones mode × staffing it
#   1. generates a district:  duxue-synth DIR/<size>-<pool> --schools <size> --pool <pool> --seed <seed> -q --force
#      (once per size and pool: the generator is deterministic, so every case of that folder sees the
#      same files),
#   2. writes DIR/<size>-<pool>/policy-<zones>-<staffing>.toml (term_start, zones, staffing) and runs
#      duxue plan <folder> --policy <file> --out <folder>/roster.csv --force --quiet --format json
#                 --time-limit <duxue-limit>
#   3. runs  python3 scripts/check_roster.py <folder> --roster <folder>/roster.csv --term-start <date>
#                 --zones <zones> --staffing <staffing> --time-limit <check-limit> --threads 1
#   4. prints one line per case: duxue's wall seconds and status, duxue's values from its JSON
#      `figures` (recruits / full-time recruits / crossings / appointees), the checker's exit code and
#      optimal values, and the verdict.
# Each case keeps its files for inspection in the district folder: <zones>-<staffing>.plan.json,
# .check.json, .roster.csv (a copy of roster.csv) and .err (stderr of both programs).
#
# Verdict of a case:
#   agree     duxue exited 0, the checker exited 0 (compliant, equal to the proven optimum on every
#             level), and duxue's JSON figures equal the values the checker counted in the roster CSV
#             and the checker's optima (crossings: optimum compared only with zones=prefer/require).
#   DISAGREE  the checker exited 1 (violations, or a better solution exists), or the figures do not
#             match the roster or the optima.
#   timeout   the checker exited 3 (compliant, but some level not proven within its time limit);
#             the levels it did prove are still compared (a mismatch there makes it DISAGREE).
#   ERROR     duxue or the checker failed (duxue exit ≠ 0, checker exit 2, killed, unreadable JSON).
#
# Exit status: 0 all cases agree; 1 any DISAGREE or ERROR; 3 no disagreement but checker time-outs.
#
# Resources: everything runs one process at a time, HiGHS with one thread (GLPK is single-threaded),
# so the script keeps to one core. The release binaries are used as they are (never rebuilt).
#
# Usage: scripts/verify_plans.sh [options] [SIZE ...]      (sizes default: 60 150 400)
#   --seed N              duxue-synth seed (default 1)
#   --pools "P ..."       default "ample tight short short-of-full-time"
#   --zones "Z ..."       default "prefer require ignore"
#   --spread-size N       the one size also run with staffing=spread (default: the first size;
#                         "none" to skip spread)
#   --term-start DATE     default 2027-09-01
#   --duxue-limit S       duxue --time-limit (default 120)
#   --check-limit S       checker --time-limit per level (default 300)
#   --dir DIR             work folder (default /tmp/verify)
#   --bin DIR             folder of duxue and duxue-synth (default .build/release of this checkout)

set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CHECKER="$ROOT/scripts/check_roster.py"
BIN="$ROOT/.build/release"
SEED=1
POOLS="ample tight short short-of-full-time"
ZONES="prefer require ignore"
SPREAD_SIZE=""
TERM_START=2027-09-01
DUXUE_LIMIT=120
CHECK_LIMIT=300
DIR=/tmp/verify
SIZES=()

usage() { sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --seed) SEED=$2; shift 2 ;;
        --pools) POOLS=$2; shift 2 ;;
        --zones) ZONES=$2; shift 2 ;;
        --spread-size) SPREAD_SIZE=$2; shift 2 ;;
        --term-start) TERM_START=$2; shift 2 ;;
        --duxue-limit) DUXUE_LIMIT=$2; shift 2 ;;
        --check-limit) CHECK_LIMIT=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        --bin) BIN=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "verify_plans.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) SIZES+=("$1"); shift ;;
    esac
done
[ ${#SIZES[@]} -eq 0 ] && SIZES=(60 150 400)
[ -z "$SPREAD_SIZE" ] && SPREAD_SIZE=${SIZES[0]}

DUXUE="$BIN/duxue"
SYNTH="$BIN/duxue-synth"
for exe in "$DUXUE" "$SYNTH"; do
    if [ ! -x "$exe" ]; then
        echo "verify_plans.sh: $exe is missing (build the release binaries first)" >&2
        exit 2
    fi
done
python3 -c 'import highspy' 2>/dev/null || { echo "verify_plans.sh: pip install highspy" >&2; exit 2; }
mkdir -p "$DIR" || exit 2

now() { date +%s.%N; }
RUN_START=$(now)

# Hard wall-clock caps (a safety net only; normal runs stop at their own limits):
# duxue gets twice its limit plus a minute, the checker every level's limit plus ten minutes.
DUXUE_CAP=$(python3 -c "print(int(2 * float('$DUXUE_LIMIT') + 60))")
CHECK_CAP=$(python3 -c "print(int(4 * float('$CHECK_LIMIT') + 600))")

CASES=0; AGREE=0; DISAGREE=0; TIMEOUTS=0; ERRORS=0
DETAILS=()

fmt='%-5s %-19s %-8s %-7s | %8s %-10s %-15s | %-4s %-15s | %s\n'
printf "$fmt" size pool zones staff "duxue_s" status "duxue R/F/X/A" chk "optimal R/F/X/A" verdict
printf '%s\n' "$(printf '%.0s-' {1..112})"

# judge PLAN_JSON CHECK_JSON DUXUE_RC CHECK_RC ZONES
# -> one line: "<duxue values>\t<optimal values>\t<verdict>\t<status>\t<detail>"
judge() {
    python3 - "$@" <<'PY'
import json, sys
plan_path, check_path, duxue_rc, check_rc, zones = sys.argv[1:6]
duxue_rc, check_rc = int(duxue_rc), int(check_rc)
KEYS = ["recruits", "recruits_full_time", "crossings", "appointees"]

def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:        # empty or broken output
        return {"_error": f"{path}: {e}"}

def show(values):
    if not values:
        return "-"
    return "/".join("-" if values.get(k) is None else str(values[k]) for k in KEYS)

plan, check = load(plan_path), load(check_path)
figures = plan.get("figures") if isinstance(plan, dict) else None
dux = {k: figures.get(k) for k in KEYS} if figures else None
status = plan.get("status", "?") if figures else "-"
optimal = check.get("optimal") or {}
roster = check.get("roster") or {}
problems = []

if duxue_rc != 0 or dux is None:
    verdict = "ERROR"
    problems.append(f"duxue exit {duxue_rc}" + ("" if dux is not None else ", no JSON figures"))
elif check_rc == 2 or check_rc not in (0, 1, 3) or "_error" in check:
    verdict = "ERROR"
    problems.append(f"checker exit {check_rc}: {check.get('error') or check.get('_error') or 'killed?'}")
else:
    for v in check.get("violations", [])[:5]:
        problems.append("violation " + v)
    if len(check.get("violations", [])) > 5:
        problems.append(f"... {len(check['violations'])} violations in all")
    for k in KEYS:
        # duxue's reported figure against what the roster CSV really holds
        if roster.get(k) is not None and dux[k] != roster[k]:
            problems.append(f"{k}: duxue reports {dux[k]} but its roster has {roster[k]}")
        # against the checker's optimum (crossings only where it is an objective or a rule)
        if k == "crossings" and zones == "ignore":
            continue
        if optimal.get(k) is not None and dux[k] != optimal[k]:
            problems.append(f"{k}: duxue {dux[k]} vs checker optimum {optimal[k]}")
    if check_rc == 1 and not problems:
        problems.append("checker exit 1 (not compliant or not optimal)")
    if check_rc == 0 and not check.get("optimal_proven"):
        problems.append("checker exit 0 without a proven optimum")
    if problems:
        verdict = "DISAGREE"
    elif check_rc == 3:
        verdict = "timeout"
        unproven = [l["level"] for l in check.get("levels", []) if not l.get("proven")]
        problems.append("checker did not prove level(s) " + ", ".join(unproven or ["?"])
                        + " within the time limit")
    else:
        verdict = "agree"
if status not in ("optimal", "-"):
    problems.append(f"duxue status {status} (gap {plan.get('gap')})")
print("\t".join([show(dux), show(optimal), verdict, status, "; ".join(problems)]))
PY
}

for size in "${SIZES[@]}"; do
    for pool in $POOLS; do
        folder="$DIR/$size-$pool"
        if ! "$SYNTH" "$folder" --schools "$size" --pool "$pool" --seed "$SEED" -q --force \
                2>"$DIR/$size-$pool.synth.err"; then
            echo "duxue-synth failed for $size $pool: $(head -c 300 "$DIR/$size-$pool.synth.err")"
            CASES=$((CASES + 1)); ERRORS=$((ERRORS + 1))
            DETAILS+=("$size $pool: duxue-synth failed")
            continue
        fi
        staffings="lean"
        [ "$size" = "$SPREAD_SIZE" ] && staffings="lean spread"
        for zones in $ZONES; do
            for staffing in $staffings; do
                tag="$zones-$staffing"
                policy="$folder/policy-$tag.toml"
                printf 'preset = "combined"\nterm_start = %s\nzones = "%s"\nstaffing = "%s"\n' \
                    "$TERM_START" "$zones" "$staffing" >"$policy"
                rm -f "$folder/roster.csv" "$folder/$tag.plan.json" "$folder/$tag.check.json"

                t0=$(now)
                timeout -k 10 "$DUXUE_CAP" "$DUXUE" plan "$folder" --policy "$policy" \
                    --out "$folder/roster.csv" --force --quiet --format json \
                    --time-limit "$DUXUE_LIMIT" >"$folder/$tag.plan.json" 2>"$folder/$tag.err"
                duxue_rc=$?
                dsec=$(python3 -c "print(f'{$(now) - $t0:.2f}')")

                if [ -f "$folder/roster.csv" ]; then
                    cp "$folder/roster.csv" "$folder/$tag.roster.csv"
                    timeout -k 10 "$CHECK_CAP" python3 "$CHECKER" "$folder" \
                        --roster "$folder/roster.csv" --term-start "$TERM_START" \
                        --zones "$zones" --staffing "$staffing" --time-limit "$CHECK_LIMIT" \
                        --threads 1 >"$folder/$tag.check.json" 2>>"$folder/$tag.err"
                    check_rc=$?
                else
                    check_rc=-1
                fi

                IFS=$'\t' read -r dvals ovals verdict status detail \
                    < <(judge "$folder/$tag.plan.json" "$folder/$tag.check.json" \
                              "$duxue_rc" "$check_rc" "$zones")
                CASES=$((CASES + 1))
                case "$verdict" in
                    agree) AGREE=$((AGREE + 1)) ;;
                    timeout) TIMEOUTS=$((TIMEOUTS + 1)) ;;
                    DISAGREE) DISAGREE=$((DISAGREE + 1)) ;;
                    *) ERRORS=$((ERRORS + 1)) ;;
                esac
                printf "$fmt" "$size" "$pool" "$zones" "$staffing" "$dsec" "$status" \
                    "$dvals" "$check_rc" "$ovals" "$verdict"
                if [ -n "$detail" ]; then
                    DETAILS+=("$size $pool zones=$zones staffing=$staffing [$verdict]: $detail (files: $folder/$tag.*)")
                fi
            done
        done
    done
done

elapsed=$(python3 -c "print(f'{$(now) - $RUN_START:.0f}')")
echo
echo "Summary: $CASES cases, $AGREE agree, $DISAGREE disagree, $TIMEOUTS checker time-outs, $ERRORS errors" \
     "(seed $SEED, sizes ${SIZES[*]}, spread at $SPREAD_SIZE; ${elapsed} s in all)"
if [ ${#DETAILS[@]} -gt 0 ]; then
    echo "Details:"
    for line in "${DETAILS[@]}"; do echo "  - $line"; done
fi
if [ $DISAGREE -gt 0 ] || [ $ERRORS -gt 0 ]; then exit 1; fi
if [ $TIMEOUTS -gt 0 ]; then exit 3; fi
exit 0
