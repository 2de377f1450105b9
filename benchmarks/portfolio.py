#!/usr/bin/env python3
"""The search-portfolio tuning set: the hard districts, each planned once, wall time and status.

Used to choose the per-level search (Sources/DuxuePlanner/LevelSearch.swift): generated districts of
400–3,000 schools with tight, short and short-of-full-time pools under zones = prefer and require, plus
the zone-bound variants of Data/urban that stalled last-fractional branching (large-school threshold
1000 students, 30% full-time, zones = require). Prints one line per district and the total.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/portfolio.py [--sizes 400,800,1500,3000] [--time-limit 120] [--label NAME]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DUXUE = os.path.join(ROOT, ".build", "release", "duxue")
SYNTH = os.path.join(ROOT, ".build", "release", "duxue-synth")

URBAN_VARIANTS = [
    {"large_school_enrollment": 1000, "min_full_time_share": 0.3, "zones": "require"},
    {"large_school_enrollment": 1000, "min_full_time_share": 0.2, "zones": "require"},
    {"large_school_enrollment": 1000, "min_full_time_share": 0.3, "zones": "prefer"},
    {"large_school_enrollment": 1500, "min_full_time_share": 0.3, "zones": "prefer"},
]


def toml_value(value):
    return f'"{value}"' if isinstance(value, str) else str(value)


def plan(folder, policy_lines, time_limit, scratch, name):
    policy = os.path.join(scratch, f"{name}.toml")
    with open(policy, "w") as f:
        f.write("preset = \"combined\"\nterm_start = 2027-09-01\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in policy_lines.items()))
    start = time.monotonic()
    proc = subprocess.run(
        [DUXUE, "plan", folder, "--policy", policy, "--format", "json", "--lang", "en", "--quiet", "--force",
         "--out", os.path.join(scratch, f"{name}.csv"), "--time-limit", str(time_limit)],
        capture_output=True, text=True)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        return wall, f"exit {proc.returncode}", ""
    report = json.loads(proc.stdout)
    slow = [l for l in report["levels"] if l["seconds"] >= 0.5]
    levels = " ".join(f"{l['priority']} {l['value']:g} {l['seconds']:.1f}s/{l['nodes']}n" for l in slow)
    return wall, report["status"], levels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="400,800,1500,3000")
    parser.add_argument("--pools", default="tight,short,short-of-full-time")
    parser.add_argument("--zones", default="prefer,require")
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    total, unproven = 0.0, []
    with tempfile.TemporaryDirectory() as scratch:
        cases = []
        for size in [int(s) for s in args.sizes.split(",")]:
            for pool in args.pools.split(","):
                folder = os.path.join(scratch, f"{size}-{pool}")
                subprocess.run([SYNTH, folder, "--schools", str(size), "--pool", pool, "--seed", str(args.seed), "-q"],
                               check=True, capture_output=True)
                for zones in args.zones.split(","):
                    cases.append((f"{size}-{pool}-{zones}", folder, {"zones": zones}))
        for i, variant in enumerate(URBAN_VARIANTS):
            label = "urban-" + "-".join(f"{v}" for v in variant.values())
            cases.append((label, os.path.join(ROOT, "Data", "urban"), variant))
        for i, (label, folder, policy) in enumerate(cases):
            wall, status, levels = plan(folder, policy, args.time_limit, scratch, f"case{i}")
            total += wall
            if status != "optimal":
                unproven.append(label)
            print(f"{label:32} {wall:7.2f} s  {status:26} {levels}", flush=True)
    print(f"{args.label} total {total:.1f} s over {len(cases)} districts; not proven optimal: {', '.join(unproven) or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
