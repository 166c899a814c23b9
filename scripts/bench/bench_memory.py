#!/usr/bin/env python3
"""Peak memory of `status` and `apply` on a large plan (prints figures; not a test).

Runs, RUNS times each, in this order: `status` with no journal, `apply --dry-run`, `apply`
against a fresh `cabatch emulator --seed-from MANIFEST` (every planned version exists) stopped
with Ctrl-C after APPLY_SECONDS, `status` with the journal that left, and `apply` resumed over
that journal against a fresh emulator, stopped the same way. Peak RSS comes from the kernel's rusage of each child (wait4).
"""
import argparse
import os
import signal
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--plan", required=True)
parser.add_argument("--manifest", required=True)
parser.add_argument("--runs", type=int, default=1)
parser.add_argument("--apply-seconds", type=float, default=60)
parser.add_argument("--limit-mib", type=float, default=200)
args = parser.parse_args()

ENV = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
           AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true")
JOURNAL = args.plan + ".journal"


def measure(cmd, stop_after=None):
    """Runs cmd (stdout discarded); SIGINT after stop_after seconds; returns (wall s, peak MiB, exit)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    interrupted = False
    while True:
        # wait4 itself, never Popen's own wait: the rusage is only had once, by whoever reaps.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if stop_after is not None and not interrupted and time.monotonic() - start >= stop_after:
            os.kill(proc.pid, signal.SIGINT)
            interrupted = True
        time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss / 1024, proc.returncode


def emulator():
    proc = subprocess.Popen([args.bin, "emulator", "--port", "0", "--seed-from", args.manifest], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=ENV)
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on http://127.0.0.1:"):
        proc.kill()
        raise SystemExit(f"emulator did not start: {line!r}")
    return proc, line.split()[-1]


def stopped_apply():
    """`apply` against a fresh emulator, stopped with Ctrl-C after APPLY_SECONDS."""
    emu, url = emulator()
    try:
        return measure([args.bin, "apply", args.plan, "--endpoint-url", url, "--yes", "--progress", "never",
                        "--rate", "5000", "--concurrency", "32"], stop_after=args.apply_seconds)
    finally:
        emu.terminate()
        emu.wait(timeout=60)


rows = {"status (no journal)": [], "apply --dry-run": [], "apply (stopped)": [], "status (journal)": [],
        "apply (resumed)": []}
for run in range(args.runs):
    if os.path.exists(JOURNAL):
        os.remove(JOURNAL)
    rows["status (no journal)"].append(measure([args.bin, "status", args.plan]))
    rows["apply --dry-run"].append(measure([args.bin, "apply", args.plan, "--dry-run"]))
    rows["apply (stopped)"].append(stopped_apply())
    rows["status (journal)"].append(measure([args.bin, "status", args.plan]))
    # Resumed over the journal the stopped run left, and stopped again.
    rows["apply (resumed)"].append(stopped_apply())
    for name, values in rows.items():
        wall, peak, code = values[-1]
        print(f"run {run + 1} {name:22} wall {wall:7.1f} s  peak RSS {peak:7.1f} MiB  exit {code}", flush=True)

journal = os.path.getsize(JOURNAL) if os.path.exists(JOURNAL) else 0
print(f"\nplan {os.path.getsize(args.plan):,} bytes; journal after the stopped and the resumed apply {journal:,} bytes")
for name, values in rows.items():
    peak = statistics.median(v[1] for v in values)
    wall = statistics.median(v[0] for v in values)
    verdict = "within" if peak <= args.limit_mib else "OVER"
    print(f"median {name:22} wall {wall:7.1f} s  peak RSS {peak:7.1f} MiB  ({verdict} {args.limit_mib:.0f} MiB)")
