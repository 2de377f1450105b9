#!/usr/bin/env python3
"""The long run of the filing reader's mutation fuzzer (Tests/DuxueFilingTests/FilingFuzzTests.swift).

Runs the test's fuzz loop seed after seed (DUXUE_FUZZ_SEED = 1, 2, …, DUXUE_FUZZ_ITERATIONS mutants each)
for as long as asked, from a copy of the built test binary (so that a rebuild meanwhile does not touch
it). A run that crashes, hangs or fails leaves its mutant in FINDINGS (the crash's `mutant.xlsx` with
`last.txt`, or the test's `failure-SEED-ITERATION.xlsx` files) and is reported; the loop goes on with
the next seed. At the end: seeds, mutants, seconds, and every finding.

Usage: swift build --build-tests && python3 benchmarks/fuzz_filing.py [--minutes 20] [--iterations 2000]
       [--first-seed 1] [--findings .build/fuzz-filing]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--iterations", type=int, default=2000, help="mutants per seed")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--findings", default=os.path.join(ROOT, ".build", "fuzz-filing"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "DuxuePackageTests.xctest"))
    parser.add_argument("--timeout", type=float, default=900, help="seconds one seed may take before it is a hang")
    args = parser.parse_args()

    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run `swift build --build-tests` first")
    os.makedirs(args.findings, exist_ok=True)
    work = tempfile.mkdtemp(prefix="duxue-fuzz-filing-")
    binary = os.path.join(work, "tests")
    shutil.copy2(args.binary, binary)

    deadline = time.time() + args.minutes * 60
    started = time.time()
    seed, seeds, mutants, findings = args.first_seed, 0, 0, []
    while time.time() < deadline:
        keep = os.path.join(work, f"seed-{seed}")
        os.makedirs(keep, exist_ok=True)
        env = dict(os.environ, DUXUE_FUZZ_SEED=str(seed), DUXUE_FUZZ_ITERATIONS=str(args.iterations), DUXUE_FUZZ_KEEP=keep)
        command = [binary, "--testing-library", "swift-testing", "--filter",
                   "FilingFuzzTests/mutatedFilingsNeverCrashAndEveryFailureNamesItsPlace"]
        try:
            run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=args.timeout, cwd=ROOT)
            status, output = run.returncode, run.stdout + run.stderr
        except subprocess.TimeoutExpired as expired:
            status, output = "hang", (expired.stdout or b"").decode(errors="replace") if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        summary = next((line for line in output.splitlines() if line.startswith("filing fuzz:")), None)
        seeds += 1
        if status == 0 and summary:
            mutants += args.iterations
        else:
            # The mutant being read when it stopped, and every mutant the test kept as failing.
            target = os.path.join(args.findings, f"seed-{seed}")
            shutil.copytree(keep, target, dirs_exist_ok=True)
            with open(os.path.join(target, "output.txt"), "w") as handle:
                handle.write(output)
            last = open(os.path.join(keep, "last.txt")).read().strip() if os.path.exists(os.path.join(keep, "last.txt")) else "?"
            done = int(last.split("iteration ")[1].split(":")[0]) if "iteration " in last else 0
            mutants += args.iterations if summary else done
            findings.append(f"seed {seed}: status {status}; {summary or 'no summary (crash or hang)'}; last: {last}; kept in {target}")
            print(findings[-1], flush=True)
        shutil.rmtree(keep, ignore_errors=True)
        print(f"seed {seed}: {summary or status}", flush=True)
        seed += 1

    seconds = time.time() - started
    print(f"\nfiling fuzz: {seeds} seeds ({args.first_seed}…{seed - 1}), {mutants} mutants in {seconds:.0f} s "
          f"({mutants / max(seconds, 1):.1f}/s), {len(findings)} findings")
    for finding in findings:
        print("  " + finding)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
