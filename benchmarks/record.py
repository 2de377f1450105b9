#!/usr/bin/env python3
"""Times `duxue record`, `duxue history` and `duxue plan` with and without a record, on generated
districts (duxue-synth, seed 7, with a previous roster) of 300, 1 000 and 3 000 schools.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/record.py [--build .build/release] [--runs 5]    # → benchmarks/record.md

Each `record` run starts from a fresh copy of the district holding one recorded term (2024), and records
the previous roster as the 2027 term: reading the roster and the district, checking the rules, and one
write transaction. Wall time, median of the runs."""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

def run(args, cwd):
    began = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {done.returncode}")
    return time.perf_counter() - began

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=".build/release")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="300,1000,3000")
    parser.add_argument("--plan-up-to", type=int, default=1000, help="time plan only on districts up to this size")
    parser.add_argument("--out", default="benchmarks/record.md")
    options = parser.parse_args()
    duxue = os.path.abspath(os.path.join(options.build, "duxue"))
    synth = os.path.abspath(os.path.join(options.build, "duxue-synth"))
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in [int(s) for s in options.sizes.split(",")]:
            base = os.path.join(scratch, f"d{size}")
            subprocess.run([synth, "--schools", str(size), "--seed", "7", "--policy-toml", "--previous-roster", "0.05", "-q", base],
                           check=True)
            roster = os.path.join(base, "previous-roster.csv")
            run([duxue, "record", base, "--roster", roster, "--term-start", "2024-09-01"], scratch)
            seeded = os.path.join(scratch, f"seeded{size}.sqlite")
            shutil.copy(os.path.join(base, "duxue.sqlite"), seeded)
            times = []
            for _ in range(options.runs):
                shutil.copy(seeded, os.path.join(base, "duxue.sqlite"))
                times.append(run([duxue, "record", base, "--roster", roster], scratch))
            history = [run([duxue, "history", base, "--format", "json"], scratch) for _ in range(options.runs)]
            plan_with = plan_without = float("nan")
            if size <= options.plan_up_to:
                plan = [duxue, "plan", base, "--out", "p.csv", "--force", "--quiet"]
                plan_with = statistics.median([run(plan, scratch) for _ in range(options.runs)])
                os.remove(os.path.join(base, "duxue.sqlite"))
                plan_without = statistics.median([run(plan, scratch) for _ in range(options.runs)])
            rows.append((size, statistics.median(times), statistics.median(history), plan_with, plan_without))
            print(rows[-1], flush=True)
    with open(options.out, "w") as out:
        out.write("# Record benchmark\n\n`python3 benchmarks/record.py --build %s --runs %d` (median wall seconds).\n\n"
                  % (options.build, options.runs))
        out.write("| schools | record (2nd term) | history --format json | plan with record | plan without |\n|---|---|---|---|---|\n")
        for size, rec, hist, plan_with, plan_without in rows:
            cell = lambda value: "—" if value != value else f"{value:.2f}"
            out.write(f"| {size} | {rec:.2f} | {hist:.2f} | {cell(plan_with)} | {cell(plan_without)} |\n")

main()
