#!/usr/bin/env python3
"""Same input, same roster: plans generated districts several ways and checks that the roster CSV and
the JSON report (all but its seconds) are byte-identical; reports the wall seconds of each way.

Ways: `two` (the level's two runs side by side, the default on 2 cores), `again` (the same, a second
time), `turns` (DUXUE_SEARCH=in-turn: the runs take turns, as in batches and the server) and `core0`
(`taskset -c 0`: the default, pinned to one core). Each cell is the wall seconds of the process and, in
brackets, the levels' search seconds (the sum of `levels[].seconds`). DUXUE_BUILD=debug uses the debug build. With --before BINARY it also times another build
(for instance the commit before the barriers) the default way and says whether its repeated runs agree.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/determinism.py [--sizes 150,700,1500,3000] [--pools short-of-full-time,short]
                                      [--zones require,prefer] [--before /path/to/old/duxue]
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time

from run import ROOT, districts

BUILD = os.environ.get("DUXUE_BUILD", "release")
DUXUE = os.path.join(ROOT, ".build", BUILD, "duxue")
SYNTH = os.path.join(ROOT, ".build", BUILD, "duxue-synth")


def plan(binary, folder, zones, way, time_limit):
    policy = os.path.join(folder, f"bench-{zones}.toml")
    with open(policy, "w") as f:
        f.write(f'preset = "combined"\nterm_start = 2027-09-01\nzones = "{zones}"\n')
    out = os.path.join(folder, f"roster-{way}.csv")
    command = [binary, "plan", folder, "--policy", policy, "--format", "json", "--quiet", "--force", "--lang", "en",
               "--out", out]
    if time_limit:
        command += ["--time-limit", str(time_limit)]
    env = dict(os.environ)
    if way == "turns":
        env["DUXUE_SEARCH"] = "in-turn"
    if way == "core0":
        command = ["taskset", "-c", "0"] + command
    start = time.monotonic()
    proc = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[:500])
    report = json.loads(proc.stdout)
    search = sum(level.get("seconds", 0) for level in report.get("levels", []))
    report.pop("seconds", None)
    for level in report.get("levels", []):
        level.pop("seconds", None)
    report.get("improvement", {}).pop("seconds", None)
    with open(out, "rb") as f:
        roster = hashlib.sha256(f.read()).hexdigest()[:12]
    digest = hashlib.sha256(json.dumps(report, sort_keys=True).encode()).hexdigest()[:12]
    return wall, roster, digest, report, search


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="150,700,1500,3000")
    parser.add_argument("--pools", default="short-of-full-time,short")
    parser.add_argument("--zones", default="require,prefer")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ways", default="two,again,turns,core0")
    parser.add_argument("--before", help="another duxue binary to time the default way (twice)")
    parser.add_argument("--time-limit", type=float, default=0)
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "determinism-table.md"))
    args = parser.parse_args()
    ways = args.ways.split(",")
    if "core0" in ways and not shutil.which("taskset"):
        ways.remove("core0")
    rows = []
    header = "| schools | pool | zones | " + " | ".join(f"{w} s (search)" for w in ways) + " | same roster | same JSON |" + \
        (" before s | before again s | before same roster |" if args.before else "") + " status | nodes |"
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="duxue-determinism-") as scratch:
        for size, pool, folder in districts(args, scratch, SYNTH):
            for zones in args.zones.split(","):
                results = {way: plan(DUXUE, folder, zones, way, args.time_limit) for way in ways}
                rosters = {r[1] for r in results.values()}
                digests = {r[2] for r in results.values()}
                report = results[ways[0]][3]
                nodes = sum(l["nodes"] for l in report["levels"])
                cells = " | ".join(f"{results[w][0]:.1f} ({results[w][4]:.1f})" for w in ways)
                row = f"| {size} | {pool} | {zones} | {cells} | {'yes' if len(rosters) == 1 else 'NO'} | " \
                      f"{'yes' if len(digests) == 1 else 'NO'} |"
                if args.before:
                    b1 = plan(args.before, folder, zones, "before1", args.time_limit)
                    b2 = plan(args.before, folder, zones, "before2", args.time_limit)
                    row += f" {b1[0]:.1f} ({b1[4]:.1f}) | {b2[0]:.1f} ({b2[4]:.1f}) | {'yes' if b1[1] == b2[1] else 'NO'} |"
                row += f" {report['status']} | {nodes} |"
                rows.append(row)
                print(row, flush=True)
    with open(args.out, "w") as f:
        f.write("\n".join([header, "|" + "---|" * (header.count("|") - 1)] + rows) + "\n")


if __name__ == "__main__":
    main()
