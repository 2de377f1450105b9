#!/usr/bin/env bash
# The 20-scenario sweep of `duxue compare` on Data/urban (700 schools): wall time with --jobs 1 and
# --jobs N (default 2), each run twice; the four tables (solve times left out) must be identical.
# Writes benchmarks/compare.md. Usage: benchmarks/compare_sweep.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs_many="${1:-2}"
swift build -c release --product duxue >/dev/null
bin=.build/release/duxue
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sweep=(--sweep large_school_enrollment=1000,1500,2000,2500,3000 --sweep min_full_time_share=0.2,0.3 --sweep zones=prefer,require)
declare -A seconds cpu
for jobs in 1 "$jobs_many"; do
    for run in 1 2; do
        /usr/bin/time -f "%e %U %S" -o "$out/time" \
            "$bin" compare Data/urban "${sweep[@]}" --jobs "$jobs" --format csv --no-timing --lang en > "$out/jobs$jobs-run$run.csv"
        read -r wall user system < "$out/time"
        seconds[$jobs-$run]=$(awk "BEGIN { printf \"%.1f\", $wall }")
        cpu[$jobs-$run]=$(awk "BEGIN { printf \"%.1f\", $user + $system }")
        echo "jobs $jobs run $run: ${seconds[$jobs-$run]} s wall, ${cpu[$jobs-$run]} s cpu" >&2
    done
done
"$bin" compare Data/urban "${sweep[@]}" --jobs "$jobs_many" --lang en > "$out/table.txt"
identical=yes
for f in "$out"/jobs*.csv; do cmp -s "$f" "$out/jobs1-run1.csv" || identical=no; done
columns=$(grep -c '^  #[0-9]' "$out/table.txt")
{
    echo "# duxue compare: 20-scenario sweep on Data/urban"
    echo
    echo "Measured $(date -u +%Y-%m-%d) by \`benchmarks/compare_sweep.sh $jobs_many\`: release build, $(nproc) cores"
    echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before the runs"
    echo "$load_before. Sweep:"
    echo "\`${sweep[*]}\` → $((columns - 1)) scenarios plus the baseline = $columns columns."
    echo
    echo "| jobs | run 1 wall (s) | run 2 wall (s) | run 1 cpu (s) | run 2 cpu (s) |"
    echo "|---|---|---|---|---|"
    echo "| 1 | ${seconds[1-1]} | ${seconds[1-2]} | ${cpu[1-1]} | ${cpu[1-2]} |"
    echo "| $jobs_many | ${seconds[$jobs_many-1]} | ${seconds[$jobs_many-2]} | ${cpu[$jobs_many-1]} | ${cpu[$jobs_many-2]} |"
    echo
    echo "cpu = user + system seconds of the process (all threads). Wall time with more jobs only drops when"
    echo "cores are free: on a machine busy with other work (see the load average) the process gets the same"
    echo "share of a core either way. On idle cores the wall time of --jobs N should approach cpu / N."
    echo
    echo "Determinism: the four CSV tables (\`--no-timing\`) identical: **$identical**."
    echo
    echo "The table (one run with --jobs $jobs_many, with solve times):"
    echo
    echo '```'
    cat "$out/table.txt"
    echo '```'
} > benchmarks/compare.md
echo "wrote benchmarks/compare.md (identical: $identical)" >&2
