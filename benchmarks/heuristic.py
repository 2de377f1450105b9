#!/usr/bin/env python3
"""How often the primal heuristics prove a level, across sizes, pools and zone modes.

For each generated district (duxue-synth, seeded) and zone mode, plans with the heuristics on and counts
per level what proved it at the root: `repaired` (P1a's or P1b's roster repair: recruits rounded per zone, the
assignment completed by maximum flows), `proved` (relax and fix, or the incumbent already at the LP
bound), `improved` (a better start for the search) or `none`. With --compare also the wall seconds with
all heuristics off (DUXUE_HEURISTIC=off DUXUE_REPAIR=off); with --compare-repair the wall seconds with
only the repair off (DUXUE_REPAIR=off). Writes Markdown to benchmarks/heuristic.md.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/heuristic.py [--sizes 150,400,700,1500,3000] [--pools ample,tight,short,short-of-full-time]
                                    [--zones prefer,require,ignore] [--time-limit 120] [--compare] [--compare-repair]
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile
import time

from run import DUXUE, ROOT, districts


def plan(folder, zones, heuristic, time_limit, repair="on"):
    policy = os.path.join(folder, f"bench-{zones}.toml")
    with open(policy, "w") as f:
        f.write(f'preset = "combined"\nterm_start = 2027-09-01\nzones = "{zones}"\n')
    start = time.monotonic()
    proc = subprocess.run(
        [DUXUE, "plan", folder, "--policy", policy, "--format", "json", "--quiet", "--force", "--lang", "en",
         "--out", os.path.join(folder, "roster.csv"), "--time-limit", str(time_limit)],
        capture_output=True, text=True, env=dict(os.environ, DUXUE_HEURISTIC=heuristic, DUXUE_REPAIR=repair))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[:500])
    return json.loads(proc.stdout), time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="150,400,700,1500,3000")
    parser.add_argument("--pools", default="ample,tight,short,short-of-full-time")
    parser.add_argument("--zones", default="prefer,require,ignore")
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--compare-repair", action="store_true")
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "heuristic.md"))
    args = parser.parse_args()
    counts = collections.Counter()
    by_size = collections.Counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="duxue-heuristic-") as scratch:
        for size, pool, folder in districts(args, scratch):
            for zones in args.zones.split(","):
                report, wall = plan(folder, zones, "on", args.time_limit)
                levels = [l for l in report["levels"] if l.get("heuristic")]
                for level in levels:
                    counts[(level["priority"], level["heuristic"])] += 1
                    by_size[(size, level["priority"], level["heuristic"])] += 1
                    by_size[(size, level["priority"], "runs")] += 1
                cells = " ".join(f"{l['priority']}:{l['heuristic']}" for l in levels)
                off = ""
                if args.compare:
                    plain, off_wall = plan(folder, zones, "off", args.time_limit, repair="off")
                    off += f" | {off_wall:.2f} | {plain['status']}"
                if args.compare_repair:
                    plain, off_wall = plan(folder, zones, "on", args.time_limit, repair="off")
                    off += f" | {off_wall:.2f} | {plain['status']}"
                p1a = next((l for l in report["levels"] if l["priority"] == "P1a"), None)
                p1a_cell = f"{p1a['seconds']:.2f}" if p1a else ""
                rows.append(f"| {size} | {pool} | {zones} | {cells} | {p1a_cell} | {wall:.2f} | {report['status']}{off} |")
                print(rows[-1], flush=True)
    priorities = sorted({p for p, _ in counts})
    flags = (" --compare" if args.compare else "") + (" --compare-repair" if args.compare_repair else "")
    lines = ["# Primal heuristics: how often they prove a level at the root", "",
             f"`python3 benchmarks/heuristic.py --sizes {args.sizes} --pools {args.pools} --zones {args.zones} "
             f"--time-limit {args.time_limit:g}{flags}` (release build, wall seconds on a shared 2-core machine).", "",
             "*repaired*: P1a or P1b proven by the roster repair (recruits rounded per zone, flows), P3 by the crossing repair (min-cost flows); *proved*: by relax "
             "and fix or an incumbent at the LP bound; *improved*: a better start for GLPK's search; *none*: "
             "GLPK's search from the incumbent.", "",
             "| level | repaired | proved | improved | none |", "|---|---:|---:|---:|---:|"]
    for p in priorities:
        lines.append(f"| {p} | {counts[(p, 'repaired')]} | {counts[(p, 'proved')]} | {counts[(p, 'improved')]} | {counts[(p, 'none')]} |")
    lines += ["", "Proven at the root (repaired + proved) of runs, per size and level:", "",
              "| schools | " + " | ".join(priorities) + " |", "|---:|" + "---:|" * len(priorities)]
    for size in [int(s) for s in args.sizes.split(",")]:
        cells = []
        for p in priorities:
            runs = by_size[(size, p, "runs")]
            root = by_size[(size, p, "repaired")] + by_size[(size, p, "proved")]
            cells.append(f"{root}/{runs}" if runs else "–")
        lines.append(f"| {size} | " + " | ".join(cells) + " |")
    header = "| schools | pool | zones | heuristic per level | P1a s | seconds | status"
    rule = "|---|---|---|---|---:|---:|---|"
    if args.compare:
        header += " | seconds (all off) | status (all off)"
        rule += "---:|---|"
    if args.compare_repair:
        header += " | seconds (repair off) | status (repair off)"
        rule += "---:|---|"
    lines += ["", header + " |", rule] + rows
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
