#!/usr/bin/env python3
"""Duxue (GLPK) versus HiGHS on Duxue's own exported models, level by level.

For each size and pool: generate a district (duxue-synth, seeded), run `duxue plan --export-model` so
every lexicographic level's model is written as MPS (with the earlier levels already fixed), then
solve each level's MPS with HiGHS (one thread) and compare with the wall time Duxue's GLPK back end
reported for that level. HiGHS is used here only, never by the product: `pip install highspy`.

    python3 benchmarks/highs_compare.py [--sizes 150,400,800,1500,3000] [--pools ample,tight,short,short-of-full-time]
                                        [--time-limit 300] [--out benchmarks/highs.md]
"""
import json
import os
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


def main():
    args = arguments("150,400,800,1500,3000", "highs.md")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size, pool, folder in districts(args, scratch):
            with open(os.path.join(folder, "policy.toml"), "w") as f:
                f.write("preset = \"combined\"\nterm_start = 2027-09-01\n")
            model = os.path.join(folder, "model.mps")
            proc = subprocess.run(
                [DUXUE, "plan", folder, "--format", "json", "--quiet", "--force", "--out", os.path.join(folder, "r.csv"),
                 "--time-limit", str(args.time_limit), "--export-model", model],
                capture_output=True, text=True, check=True)
            report = json.loads(proc.stdout)
            duxue_total, highs_total, details, agree = 0.0, 0.0, [], True
            for level in report["levels"]:
                path = os.path.join(folder, f"model-{level['priority']}.mps")
                if not os.path.exists(path):
                    continue  # a level fixed at zero without solving
                seconds, status, value = highs_solve(path, args.time_limit)
                duxue_total += level["seconds"]
                highs_total += seconds
                same = status == "Optimal" and abs(value - level["value"]) < 1e-6
                agree = agree and (same or level["status"] != "optimal")
                details.append(f"{level['priority']} {level['seconds']:.2f}/{seconds:.2f}" + ("" if same else f" (HiGHS {status} {value:g})"))
            ratio = duxue_total / highs_total if highs_total > 0 else float("nan")
            rows.append((size, pool, report["status"], duxue_total, highs_total, ratio, "; ".join(details), agree))
            print(*rows[-1], sep=" | ", flush=True)
    with open(args.out, "w") as f:
        f.write("# Duxue (GLPK) and HiGHS on Duxue's exported models\n\n")
        f.write(f"`python3 benchmarks/highs_compare.py --sizes {args.sizes} --pools {args.pools} --time-limit {args.time_limit:g}` "
                f"(seed {args.seed}), 2-core machine, release build, HiGHS {highspy.Highs().version()} with one thread (Duxue: up to two GLPK runs side by side on a level the warm start does not settle), "
                f"{time.strftime('%Y-%m-%d')}. Seconds summed over the levels Duxue solved (P5 local search and model "
                "building excluded); per level `Duxue/HiGHS` seconds. Ratio < 1: Duxue faster.\n\n")
        f.write("| schools | pool | Duxue status | Duxue s | HiGHS s | ratio | levels | same optima |\n|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.2f} | {r[4]:.2f} | {r[5]:.2f} | {r[6]} | {'yes' if r[7] else 'NO'} |\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
