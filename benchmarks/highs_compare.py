#!/usr/bin/env python3
"""Duxue (GLPK) versus HiGHS on Duxue's own exported models, level by level, in the same run.

For each size, pool and zone mode: generate a district (duxue-synth, seeded); run `duxue plan` under
`/usr/bin/time -v` for its wall time (the whole process: reading, model, every level, P5, writing) and
peak memory; run it again with `--export-model` so every lexicographic level's model is written as MPS
(with the earlier levels already fixed); solve each level's MPS with HiGHS (one thread). Reported: Duxue's
process wall time, Duxue's level seconds summed, HiGHS's seconds summed over the same levels, whether
every Duxue level is proven and whether HiGHS agrees on each optimum. HiGHS is used here only, never by
the product: `pip install highspy`.

    swift build -c release --product duxue && swift build -c release --product duxue-synth
    python3 benchmarks/highs_compare.py [--sizes 150,400,700,1500,3000] [--pools ample,tight,short,short-of-full-time]
                                        [--zones prefer,require,ignore] [--time-limit 300] [--out benchmarks/highs.md]
"""
import json
import os
import re
import subprocess
import tempfile
import time

import highspy

from run import DUXUE, ROOT, arguments, districts


def highs_solve(path, time_limit):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.readModel(path)
    start = time.monotonic()
    h.run()
    seconds = time.monotonic() - start
    status = h.modelStatusToString(h.getModelStatus())
    value = h.getInfo().objective_function_value
    return seconds, status, value


def duxue_plan(folder, policy, time_limit, export=None):
    command = [DUXUE, "plan", folder, "--policy", policy, "--format", "json", "--quiet", "--force", "--lang", "en",
               "--out", os.path.join(folder, "r.csv"), "--time-limit", str(time_limit)]
    if export:
        command += ["--export-model", export]
    timed = ["/usr/bin/time", "-v"] + command
    start = time.monotonic()
    proc = subprocess.run(timed, capture_output=True, text=True)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        raise RuntimeError(f"duxue failed on {folder}: {proc.stderr[-800:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return json.loads(proc.stdout), wall, int(peak.group(1)) / 1024 if peak else float("nan")


def main():
    args = arguments("150,400,700,1500,3000", "highs.md")
    rows = []
    zone_modes = args.zones.split(",")
    with tempfile.TemporaryDirectory() as scratch:
        for size, pool, folder in districts(args, scratch):
            for zones in zone_modes:
                policy = os.path.join(folder, f"policy-{zones}.toml")
                with open(policy, "w") as f:
                    f.write(f"preset = \"combined\"\nterm_start = 2027-09-01\nzones = \"{zones}\"\n")
                report, wall, peak = duxue_plan(folder, policy, args.time_limit)
                model = os.path.join(folder, f"model-{zones}.mps")
                exported, _, _ = duxue_plan(folder, policy, args.time_limit, export=model)
                duxue_total, highs_total, details, agree = 0.0, 0.0, [], True
                proven = all(l["status"] == "optimal" for l in report["levels"])
                for level, written in zip(report["levels"], exported["levels"]):
                    path = os.path.join(folder, f"model-{zones}-{level['priority']}.mps")
                    duxue_total += level["seconds"]
                    if not os.path.exists(path):
                        continue  # a level fixed at zero without solving
                    seconds, status, value = highs_solve(path, args.time_limit)
                    highs_total += seconds
                    same = status == "Optimal" and abs(value - written["value"]) < 1e-6
                    agree = agree and (same or written["status"] != "optimal")
                    details.append(f"{level['priority']} {level['seconds']:.2f}/{seconds:.2f}"
                                   + ("" if same else f" (HiGHS {status} {value:g})"))
                rows.append((size, pool, zones, "yes" if proven else "NO", wall, duxue_total, highs_total, peak,
                             "; ".join(details), agree))
                print(*rows[-1], sep=" | ", flush=True)
    met_wall = sum(1 for r in rows if r[4] <= r[6] or r[5] <= r[6])
    with open(args.out, "w") as f:
        f.write("# Duxue (GLPK) and HiGHS on Duxue's exported models\n\n")
        f.write(f"`python3 benchmarks/highs_compare.py --sizes {args.sizes} --pools {args.pools} --zones {args.zones} "
                f"--time-limit {args.time_limit:g}` (seed {args.seed}), 2-core machine shared with other builds, release "
                f"build, HiGHS {highspy.Highs().version()} with one thread (Duxue: up to two GLPK runs side by side on a "
                f"level the warm start does not settle), {time.strftime('%Y-%m-%d')}. *Duxue wall*: the whole `duxue plan` "
                "process (reading, model, every level, P5, writing), under `/usr/bin/time -v`, which also gives *peak "
                "MiB*; *Duxue levels*: the seconds of the levels summed; *HiGHS*: HiGHS's seconds on the same levels' "
                "exported models summed (reading the MPS excluded). Per level `Duxue/HiGHS` seconds.\n\n")
        f.write("| schools | pool | zones | all proven | Duxue wall s | Duxue levels s | HiGHS s | peak MiB | levels | same optima |\n"
                "|---:|---|---|---|---:|---:|---:|---:|---|---|\n")
        for r in rows:
            f.write(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]:.2f} | {r[5]:.2f} | {r[6]:.2f} | {r[7]:.0f} | {r[8]} | "
                    f"{'yes' if r[9] else 'NO'} |\n")
        f.write(f"\nDuxue's levels no slower than HiGHS in {met_wall} of {len(rows)} runs.\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
