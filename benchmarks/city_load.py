#!/usr/bin/env python3
"""Load test of `duxue serve --city`: USERS district users of DISTRICTS districts browse their district
(the workbench page, the district's schools, its filings) while PLANNERS of them plan, edit and submit
filings at once, and a reviewer watches the dashboard and decides the filings, for DURATION seconds
against a loopback server. Reports error responses, p50/p95 times per kind of request, and the rows
of the city database before and after against the writes the clients saw acknowledged (no lost writes).

    swift build -c release --product duxue --product duxue-synth
    python3 benchmarks/city_load.py [--binary .build/release/duxue] [--duration 120] [--out benchmarks/city.md]

Districts come from duxue-synth, accounts from `--import-accounts` (one transaction). Times are
wall-clock milliseconds seen by the clients; they are reported, never asserted.
"""
import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PASSWORD = "load-test-password"


class Client:
    """One logged-in browser: its session cookie and CSRF token."""

    def __init__(self, base, name, stats):
        self.base, self.name, self.stats = base, name, stats
        self.cookie, self.csrf = None, None

    def call(self, kind, method, path, body=None, raw=None, content_type=None, ok=(200, 201, 202)):
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if raw is not None:
            data = raw
            headers["Content-Type"] = content_type
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-Duxue-CSRF"] = self.csrf
        started = time.perf_counter()
        status, payload, set_cookie = 0, b"", None
        try:
            with urllib.request.urlopen(urllib.request.Request(self.base + path, data=data, method=method, headers=headers),
                                        timeout=300) as response:
                status, payload, set_cookie = response.status, response.read(), response.headers.get("Set-Cookie")
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        except Exception as error:  # connection refused, reset, timeout
            status, payload = -1, str(error).encode()
        elapsed = (time.perf_counter() - started) * 1000
        self.stats.record(kind, elapsed, status in ok, status, path)
        return status, payload, set_cookie

    def login(self):
        status, payload, cookie = self.call("login", "POST", "/login", {"name": self.name, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"login of {self.name} failed: {status} {payload[:200]}")
        self.cookie = cookie.split(";")[0]
        self.csrf = json.loads(payload)["csrf"]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = {}
        self.errors = []
        self.acknowledged = {"audit": 0, "filings": 0}

    def record(self, kind, ms, ok, status, path):
        with self.lock:
            self.times.setdefault(kind, []).append(ms)
            if not ok:
                self.errors.append((kind, status, path))

    def ack(self, audit=0, filings=0):
        with self.lock:
            self.acknowledged["audit"] += audit
            self.acknowledged["filings"] += filings


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def counts(database):
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ["accounts", "sessions", "login_attempts", "filings", "audit"]}
    finally:
        connection.close()


def browse(client, district, stop, stats):
    client.login()
    stats.ack(audit=1)
    while not stop.is_set():
        for kind, path in [("page", f"/d/{district}"), ("api", f"/d/{district}/api/districts/{district}"),
                           ("api", f"/d/{district}/filings"), ("page", f"/d/{district}/submissions")]:
            if stop.is_set():
                break
            status, _, _ = client.call(kind, "GET", path)
            # A JSON read of a district's personal data is an audited action (`read`).
            if status == 200 and "/api/districts/" in path:
                stats.ack(audit=1)
            time.sleep(random.uniform(0.2, 1.0))


def plan(client, district, stop, stats):
    client.login()
    stats.ack(audit=1)
    while not stop.is_set():
        started = time.perf_counter()
        status, payload, _ = client.call("plan-start", "POST", f"/d/{district}/api/districts/{district}/plan", {})
        if status != 202:
            continue
        stats.ack(audit=1)
        job = json.loads(payload)["id"]
        while True:
            status, payload, _ = client.call("job-poll", "GET", f"/d/{district}/api/jobs/{job}")
            state = json.loads(payload).get("status") if status == 200 else "failed"
            if state in ("done", "failed", "cancelled"):
                break
            time.sleep(0.2)
        stats.record("plan (start to done)", (time.perf_counter() - started) * 1000, state == "done", state, district)
        if state != "done":
            continue
        status, payload, _ = client.call("api", "GET", f"/d/{district}/api/jobs/{job}/roster")
        if status == 200:
            stats.ack(audit=1)  # an audited read of the roster
        rows = json.loads(payload)["rows"]
        body = {"assignments": [{"school": row["school"], "assignee": row["assignee"]} for row in rows]}
        status, _, _ = client.call("edit", "PUT", f"/d/{district}/api/jobs/{job}/roster", body)
        if status == 200:
            stats.ack(audit=1)
        status, payload, _ = client.call("api", "GET", f"/d/{district}/filings")
        filings = json.loads(payload)["filings"]
        if not filings or filings[0]["status"] != "submitted":
            status, _, _ = client.call("submit", "POST", f"/d/{district}/filings/from-job/{job}")
            if status == 201:
                stats.ack(audit=1, filings=1)


def review(client, stop, stats):
    client.login()
    stats.ack(audit=1)
    while not stop.is_set():
        status, payload, _ = client.call("dashboard", "GET", "/api/city/dashboard")
        if status == 200:
            for row in json.loads(payload)["districts"]:
                if row["status"] == "submitted":
                    verb = random.choice(["accept", "return"])
                    status, _, _ = client.call("decide", "POST", f"/d/{row['district']}/filings/{row['filing']}/{verb}",
                                               {"comment": "请核对青山责任区（负载测试）"})
                    if status == 200:
                        stats.ack(audit=1)
        client.call("page", "GET", "/city")
        time.sleep(2)


def main():
    parser = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--binary", default=os.path.join(root, ".build/release/duxue"))
    parser.add_argument("--synth", default=None)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--planners", type=int, default=4)
    parser.add_argument("--districts", type=int, default=20)
    parser.add_argument("--schools", type=int, default=150)
    parser.add_argument("--bcrypt-cost", type=int, default=12)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    synth = args.synth or os.path.join(os.path.dirname(args.binary), "duxue-synth")
    folder = tempfile.mkdtemp(prefix="duxue-city-load-")
    districts = [f"d{index:02d}" for index in range(1, args.districts + 1)]
    for index, district in enumerate(districts):
        subprocess.run([synth, os.path.join(folder, district), "--schools", str(args.schools), "--seed", str(index + 1),
                        "--policy-toml"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.binary, "serve", "--city", folder, "--create-admin", "admin", "--bcrypt-cost", str(args.bcrypt_cost)],
                   input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    users = [(f"user{index:02d}", districts[index % len(districts)]) for index in range(args.users)]
    lines = ["name,role,district,password"] + [f"{name},district,{district},{PASSWORD}" for name, district in users]
    lines.append(f"reviewer,reviewer,,{PASSWORD}")
    accounts = os.path.join(folder, "..", os.path.basename(folder) + "-accounts.csv")
    with open(accounts, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    subprocess.run([args.binary, "serve", "--city", folder, "--import-accounts", accounts, "--bcrypt-cost", str(args.bcrypt_cost)],
                   check=True, stdout=subprocess.DEVNULL)
    os.remove(accounts)
    server = subprocess.Popen([args.binary, "serve", "--city", folder, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    match = re.search(r"(http://[^\s（(]+)", line)
    if not match:
        server.kill()
        raise SystemExit("no address from the server: " + line)
    base = match.group(1).rstrip("/")
    database = os.path.join(folder, "duxue-city.sqlite")
    before = counts(database)
    stats, stop = Stats(), threading.Event()
    threads = []
    # The first PLANNERS users (of distinct districts) plan; all users browse.
    for index, (name, district) in enumerate(users):
        client = Client(base, name, stats)
        target = plan if index < args.planners else browse
        threads.append(threading.Thread(target=target, args=(client, district, stop, stats)))
    threads.append(threading.Thread(target=review, args=(Client(base, "reviewer", stats), stop, stats)))
    started = time.time()
    for thread in threads:
        thread.start()
    time.sleep(args.duration)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    server.terminate()
    server.wait(timeout=60)
    after = counts(database)
    requests = sum(len(values) for values in stats.times.values())
    report = []
    report.append(f"{args.users} district users of {args.districts} districts ({args.schools} schools each), {args.planners} of them "
                  f"planning, 1 reviewer; {elapsed:.0f} s against a loopback server ({os.path.basename(args.binary)}, "
                  f"bcrypt cost {args.bcrypt_cost}); browsing users wait 0.2–1.0 s between requests.")
    report.append("")
    report.append(f"- requests: {requests}; error responses: {len(stats.errors)}")
    for kind, status, path in stats.errors[:10]:
        report.append(f"  - {kind} {status} {path}")
    report.append(f"- filings: {before['filings']} → {after['filings']} (acknowledged submits: {stats.acknowledged['filings']})")
    report.append(f"- audit rows: {before['audit']} → {after['audit']} (acknowledged audited actions: {stats.acknowledged['audit']})")
    lost = (after["filings"] - before["filings"] != stats.acknowledged["filings"]
            or after["audit"] - before["audit"] != stats.acknowledged["audit"])
    report.append(f"- lost or extra writes: {'YES' if lost else 'none'}")
    report.append("")
    report.append("| request | count | p50 ms | p95 ms | max ms |")
    report.append("|---|---:|---:|---:|---:|")
    for kind in sorted(stats.times):
        values = stats.times[kind]
        report.append(f"| {kind} | {len(values)} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} | {max(values):.0f} |")
    text = "\n".join(report)
    print(text)
    if args.out:
        with open(args.out, "a") as handle:
            handle.write("\n## " + time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()) + "\n\n" + text + "\n")
    return 1 if stats.errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
