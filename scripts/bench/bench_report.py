#!/usr/bin/env python3
"""Runs report-benchmark's `report` and `report-whole` alternately and prints medians and ratios."""
import argparse
import os
import re
import statistics
import subprocess

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()

journal = os.path.getsize(os.path.join(args.dir, "bench.plan.journal"))
results = {"report": [], "report-whole": []}
for run in range(args.runs):
    for mode in results:
        out = subprocess.run([args.bin, mode, args.dir], check=True, capture_output=True, text=True).stdout
        total = re.search(r"^total: ([0-9.]+) \(CPU ([0-9.]+)\) s;.*peak (\d+) kB", out, re.M)
        anon = re.search(r"^total: .*, (\d+) kB anonymous\)", out, re.M)
        wall, cpu, peak = float(total.group(1)), float(total.group(2)), int(total.group(3))
        results[mode].append((wall, cpu, peak))
        print(f"run {run + 1} {mode:12} wall {wall:6.2f} s  CPU {cpu:6.2f} s  peak RSS {peak / 1024:7.1f} MiB"
              f"  (anonymous at end {int(anon.group(1)) / 1024:.1f} MiB)")

print(f"\njournal: {journal:,} bytes ({journal / 2**20:.1f} MiB)")
medians = {}
for mode, rows in results.items():
    wall = statistics.median(r[0] for r in rows)
    cpu = statistics.median(r[1] for r in rows)
    peak = statistics.median(r[2] for r in rows)
    medians[mode] = (wall, cpu, peak)
    print(f"median {mode:12} wall {wall:6.2f} s  CPU {cpu:6.2f} s  peak RSS {peak / 1024:7.1f} MiB"
          f"  = {peak * 1024 / journal:.3f} x the journal")
s, w = medians["report"], medians["report-whole"]
print(f"streaming / whole-plan replay: wall x{s[0] / w[0]:.2f}, CPU x{s[1] / w[1]:.2f}, peak RSS x{s[2] / w[2]:.2f}")
