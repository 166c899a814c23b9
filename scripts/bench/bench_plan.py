#!/usr/bin/env python3
"""Planner benchmark: runs `zstd -dc` (the decompression floor), `cabatch plan` and the Python
baseline on the same manifest, several times each, interleaved, and prints medians of rows/s,
MB/s of uncompressed input and peak RSS, with cabatch's ratios against the baseline."""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run(cmd, stdout=subprocess.DEVNULL):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cabatch", required=True)
    p.add_argument("--manifest", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--workdir", required=True)
    a = p.parse_args()
    uncompressed = int(subprocess.run(f"zstd -dc '{a.manifest}' | wc -c", shell=True, check=True,
                                      capture_output=True, text=True).stdout)
    plan = os.path.join(a.workdir, "bench.plan")
    peers = {
        "zstd -dc": ["zstd", "-dc", a.manifest],
        "cabatch plan": [a.cabatch, "plan", a.manifest, "-o", plan, "--output", "json"],
        "python baseline": [sys.executable, os.path.join(os.path.dirname(__file__), "plan_baseline.py"), a.manifest],
    }
    results = {name: [] for name in peers}
    for i in range(a.runs):
        for name, cmd in peers.items():
            results[name].append(run(cmd))
            print(f"run {i + 1}/{a.runs} {name}: {results[name][-1][0]:.2f} s", file=sys.stderr)
    print(f"manifest: {a.manifest}, {a.rows:,} rows, {uncompressed / 1e6:,.0f} MB uncompressed, "
          f"{os.path.getsize(a.manifest) / 1e6:,.0f} MB compressed; {a.runs} runs each, medians")
    print(f"{'':18}{'seconds':>10}{'rows/s':>14}{'MB/s':>10}{'peak RSS MiB':>14}{'CPU s':>9}")
    med = {}
    for name, runs in results.items():
        secs = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        med[name] = (secs, rss)
        print(f"{name:18}{secs:10.2f}{a.rows / secs:14,.0f}{uncompressed / 1e6 / secs:10,.0f}{rss / 2**20:14,.0f}{cpu:9.1f}")
    c, b = med["cabatch plan"], med["python baseline"]
    print(f"cabatch / baseline: rows/s x{b[0] / c[0]:.2f} (target >= 1.5), peak RSS x{c[1] / b[1]:.2f} (target <= 0.5), "
          f"cabatch peak RSS {c[1] / 2**30:.2f} GiB (target <= 1)")


if __name__ == "__main__":
    main()
