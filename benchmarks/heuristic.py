#!/usr/bin/env python3
"""How often the relax-and-fix heuristic proves a level, across sizes, pools and zone modes.

For each generated district (duxue-synth, seeded) and zone mode, plans with the heuristic on and (with
--compare) off, and counts per level whether the heuristic proved it, improved the incumbent, or did
nothing; with --compare also the wall seconds of both. Writes Markdown to benchmarks/heuristic.md.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/heuristic.py [--sizes 150,800,1500,3000] [--pools ample,short,short-of-full-time]
                                    [--zones prefer,require,ignore] [--time-limit 120] [--compare]
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DUXUE = os.path.join(ROOT, ".build", "release", "duxue")
SYNTH = os.path.join(ROOT, ".build", "release", "duxue-synth")


def plan(folder, zones, heuristic, time_limit):
    policy = os.path.join(folder, f"bench-{zones}.toml")
    with open(policy, "w") as f:
        f.write(f'preset = "combined"\nterm_start = 2027-09-01\nzones = "{zones}"\n')
    start = time.monotonic()
    proc = subprocess.run(
        [DUXUE, "plan", folder, "--policy", policy, "--format", "json", "--quiet", "--force", "--lang", "en",
         "--out", os.path.join(folder, "roster.csv"), "--time-limit", str(time_limit)],
        capture_output=True, text=True, env=dict(os.environ, DUXUE_HEURISTIC=heuristic))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[:500])
    return json.loads(proc.stdout), time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="150,800,1500,3000")
    parser.add_argument("--pools", default="ample,short,short-of-full-time")
    parser.add_argument("--zones", default="prefer,require,ignore")
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "heuristic.md"))
    args = parser.parse_args()
    counts = collections.Counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="duxue-heuristic-") as scratch:
        for size in [int(s) for s in args.sizes.split(",")]:
            for pool in args.pools.split(","):
                folder = os.path.join(scratch, f"{size}-{pool}")
                subprocess.run([SYNTH, folder, "--schools", str(size), "--pool", pool, "--seed", str(args.seed),
                                "--quiet"], check=True)
                for zones in args.zones.split(","):
                    report, wall = plan(folder, zones, "on", args.time_limit)
                    levels = [l for l in report["levels"] if l.get("heuristic")]
                    for level in levels:
                        counts[(level["priority"], level["heuristic"])] += 1
                    cells = " ".join(f"{l['priority']}:{l['heuristic']}" for l in levels)
                    off = ""
                    if args.compare:
                        plain, off_wall = plan(folder, zones, "off", args.time_limit)
                        off = f" | {off_wall:.2f} | {plain['status']}"
                    rows.append(f"| {size} | {pool} | {zones} | {cells} | {wall:.2f} | {report['status']}{off} |")
                    print(rows[-1], flush=True)
    priorities = sorted({p for p, _ in counts})
    lines = ["# Relax and fix: how often it proves a level", "",
             f"`python3 benchmarks/heuristic.py --sizes {args.sizes} --pools {args.pools} --zones {args.zones} "
             f"--time-limit {args.time_limit:g}{' --compare' if args.compare else ''}` (release build).", "",
             "| level | proved | improved | none |", "|---|---:|---:|---:|"]
    for p in priorities:
        lines.append(f"| {p} | {counts[(p, 'proved')]} | {counts[(p, 'improved')]} | {counts[(p, 'none')]} |")
    lines += ["", "| schools | pool | zones | heuristic per level | seconds (on) | status (on)"
              + (" | seconds (off) | status (off) |" if args.compare else " |"),
              "|---|---|---|---|---:|---|" + ("---:|---|" if args.compare else "")] + rows
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
