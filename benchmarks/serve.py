#!/usr/bin/env python3
"""Benchmark of `duxue serve`: first page load, plan through the API, and the edit round trip
(PUT /api/jobs/{job}/roster: one school moved, the whole roster re-audited) at 130, 700 and 3,000 schools.

    swift build -c release --product duxue --product duxue-synth
    python3 benchmarks/serve.py [--binary .build/release/duxue] [--rounds 50] [--out benchmarks/serve.md]

Times are wall-clock milliseconds seen by a client on loopback (median and 95th percentile); they are
reported, never asserted.
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request


def start(binary, district):
    process = subprocess.Popen([binary, "serve", district, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(r"(http://[^\s（(]+)", line)
    if not match:
        process.kill()
        raise SystemExit("no address from the server: " + line)
    return process, match.group(1).rstrip("/")


def request(method, url, body=None, csrf=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if csrf:
        headers["X-Duxue-CSRF"] = csrf
    data = json.dumps(body).encode() if body is not None else None
    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers)) as response:
        payload = response.read()
    return (time.perf_counter() - started) * 1000, payload


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(binary, district, rounds):
    server, base = start(binary, district)
    try:
        page_ms = []
        csrf = None
        for _ in range(10):
            ms, page = request("GET", base + "/")
            page_ms.append(ms)
            csrf = re.search(rb'name="duxue-csrf" content="([0-9a-f]+)"', page).group(1).decode()
        district_id = urllib.parse.quote(re.search(rb'name="duxue-district" content="([^"]+)"', page).group(1).decode())
        started = time.perf_counter()
        _, job = request("POST", f"{base}/api/districts/{district_id}/plan", {"time_limit": 120}, csrf)
        job = json.loads(job)["id"]
        while True:
            _, state = request("GET", f"{base}/api/jobs/{job}")
            state = json.loads(state)
            if state["status"] in ("done", "failed", "cancelled"):
                break
            time.sleep(0.1)
        plan_s = time.perf_counter() - started
        if state["status"] != "done":
            raise SystemExit(f"plan {state['status']}: {state.get('error')}")
        _, roster = request("GET", f"{base}/api/jobs/{job}/roster")
        roster = json.loads(roster)
        rows = [{"school": r["school"], "assignee": r["assignee"]} for r in roster["rows"]]
        people = [p["id"] for p in roster["inspectors"]]
        edit_ms = []
        for index in range(rounds):
            edited = [dict(r) for r in rows]
            edited[index % len(edited)]["assignee"] = people[index % len(people)]
            ms, _ = request("PUT", f"{base}/api/jobs/{job}/roster", {"assignments": edited}, csrf)
            edit_ms.append(ms)
        options_ms = []
        for index in range(min(rounds, 20)):
            ms, _ = request("GET", f"{base}/api/jobs/{job}/options?school=" + urllib.parse.quote(rows[index % len(rows)]["school"]))
            options_ms.append(ms)
        return {"schools": len(rows), "page_ms": statistics.median(page_ms), "plan_s": plan_s,
                "edit_median_ms": statistics.median(edit_ms), "edit_p95_ms": percentile(edit_ms, 95),
                "options_median_ms": statistics.median(options_ms)}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/duxue")
    parser.add_argument("--synth", default=None, help="duxue-synth binary (default: beside --binary)")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--sizes", default="county,urban,3000")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    synth = args.synth or os.path.join(os.path.dirname(args.binary), "duxue-synth")
    results = []
    for size in args.sizes.split(","):
        if size in ("county", "urban"):
            district = f"Data/{size}"
        else:
            district = os.path.join(tempfile.mkdtemp(prefix="duxue-serve-bench-"), f"synth{size}")
            subprocess.run([synth, district, "--schools", size, "--seed", "7", "--term-start", "2027-09-01"], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(district, "policy.toml"), "w") as handle:
                handle.write("term_start = 2027-09-01\n")
        result = measure(args.binary, district, args.rounds)
        result["district"] = district if size in ("county", "urban") else f"duxue-synth --schools {size} --seed 7"
        print(json.dumps(result), flush=True)
        results.append(result)
    if args.out:
        with open(args.out, "w") as handle:
            handle.write("# `duxue serve` benchmark\n\n`python3 benchmarks/serve.py` (loopback, release build, 2 cores).\n\n")
            handle.write("| district | schools | first page ms | plan s (API) | edit round trip ms median | p95 | options ms |\n")
            handle.write("|---|---|---|---|---|---|---|\n")
            for r in results:
                handle.write(f"| {r['district']} | {r['schools']} | {r['page_ms']:.1f} | {r['plan_s']:.1f} | "
                             f"{r['edit_median_ms']:.1f} | {r['edit_p95_ms']:.1f} | {r['options_median_ms']:.1f} |\n")


if __name__ == "__main__":
    main()
