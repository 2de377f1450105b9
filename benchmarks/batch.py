#!/usr/bin/env python3
"""Benchmark of `duxue plan` over a city's batch of districts (release build).

Generates N districts (duxue-synth, seeded) of 150–3,000 schools with mixed pool shapes, plans them
all in one `duxue plan CITY --jobs J` run, and reports the batch's wall time, its peak memory
(ru_maxrss of the child) and each district's status, seconds and levels stopped by a budget. Writes
Markdown to benchmarks/batch.md (or --out).

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/batch.py [--districts 100] [--jobs 2] [--seed 7] [--out benchmarks/batch.md]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DUXUE = os.path.join(ROOT, ".build", "release", "duxue")
SYNTH = os.path.join(ROOT, ".build", "release", "duxue-synth")
POOLS = ["ample", "tight", "short", "short-of-full-time"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--districts", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-schools", type=int, default=150)
    parser.add_argument("--max-schools", type=int, default=3000)
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "batch.md"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="duxue-batch-") as scratch:
        city = os.path.join(scratch, "city")
        sizes = []
        for index in range(args.districts):
            # Log-uniform sizes: a city has many small counties and a few large urban districts.
            size = int(round(args.min_schools * (args.max_schools / args.min_schools) ** rng.random()))
            pool = rng.choice(POOLS)
            folder = os.path.join(city, f"d{index:03d}")
            subprocess.run([SYNTH, folder, "--schools", str(size), "--pool", pool, "--seed", str(args.seed + index),
                            "--policy-toml", "--quiet"], check=True)
            sizes.append((size, pool))
        start = time.monotonic()
        proc = subprocess.run([DUXUE, "plan", city, "--jobs", str(args.jobs), "--format", "json", "--lang", "en",
                               "--quiet", "--out", os.path.join(scratch, "rosters")], capture_output=True, text=True)
        wall = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if proc.returncode not in (0,):
            raise SystemExit(f"duxue plan failed ({proc.returncode}): {proc.stderr[:2000]}")
        summary = json.loads(proc.stdout)
    rows = summary["rows"]
    budget = [r for r in rows if any(l.get("termination") == "work_limit" for l in r["report"]["levels"])]
    lines = [
        "# Batch planning benchmark",
        "",
        f"`python3 benchmarks/batch.py --districts {args.districts} --jobs {args.jobs} --seed {args.seed}` "
        f"(release build, {os.cpu_count()} cores): {len(rows)} districts of {min(s for s, _ in sizes)}–"
        f"{max(s for s, _ in sizes)} schools ({sum(s for s, _ in sizes)} in all), one `duxue plan CITY` run.",
        "",
        f"- wall time of the batch: {wall:.1f} s; peak memory {peak:.0f} MiB",
        f"- proven optimal: {sum(r['status'] == 'optimal' for r in rows)} of {len(rows)}; "
        f"a level stopped by its work budget: {len(budget)}",
        f"- slowest district: {max(r['seconds'] for r in rows):.1f} s",
        "",
        "| district | schools | pool | status | recruits | seconds |",
        "|---|---:|---|---|---:|---:|",
    ]
    for (size, pool), row in zip(sizes, rows):
        lines.append(f"| {os.path.basename(row['path'])} | {size} | {pool} | {row['status']} | {row['recruits']} | "
                     f"{row['seconds']:.2f} |")
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines[:8]))


if __name__ == "__main__":
    main()
