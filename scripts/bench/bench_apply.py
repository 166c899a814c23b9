#!/usr/bin/env python3
"""Execution benchmark: `cabatch run` against the boto3 peer (apply_peer_boto3.py), each run
against its own fresh `cabatch emulator` seeded with the same inventory, several runs per
scenario, interleaved. Prints medians and ratios, and the emulator's own truth: versions its
state file says were deleted, planned versions still present, and (with faults on) the answers
its request log records (200s, 429s, 500s, resets) and the successful requests/s over the span
from its first to its last logged request.

Scenario 1 (faults off): throughput and CPU per 1,000 requests at the same concurrency.
Scenario 2 (throttling at 100 requests/s, 2% errors, 1% resets): cabatch at --rate 100 against
boto3's `adaptive` and `standard` retry modes."""
import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "apply_peer_boto3.py")
sys.path.insert(0, HERE)

import orjson  # noqa: E402
from apply_peer_boto3 import plan as peer_plan, read_manifest  # noqa: E402
from emulator_process import ENV, LIVE, Emulator as EmulatorProcess, fmt, log, med, on_signal  # noqa: E402


def version_key(row):
    return (row["domain"], row["repository"], row["format"], row.get("namespace"), row["package"],
            row["version"])


class Emulator(EmulatorProcess):
    """A `cabatch emulator` process (see emulator_process.py) and what its files say of a run."""

    def truth(self, planned):
        """Versions deleted per the state file, planned versions not deleted, extra deletions."""
        deleted = planned_left = deleted_twice = changed = changed_twice = 0
        with open(self.state, "rb") as f:
            for line in f:
                row = orjson.loads(line)
                gone = row.get("status") == "Deleted"
                deleted += gone
                deleted_twice += (row.get("deletes") or 0) > 1
                changed += (row.get("changes") or 0) > 0
                changed_twice += (row.get("changes") or 0) > 1
                if not gone and version_key(row) in planned:
                    planned_left += 1
        out = {"emu_deleted": deleted, "emu_planned_left": planned_left, "emu_deleted_twice": deleted_twice,
               "emu_changed": changed, "emu_changed_twice": changed_twice}
        if self.log:
            out.update(analyse_log(self.log))
        return out


def analyse_log(path):
    """Counts the emulator's answers and the successful requests/s over its logged span."""
    ok = throttled = errors = resets = other = total = 0
    first = last = None
    with open(path, "rb") as f:
        for line in f:
            row = orjson.loads(line)
            if row.get("operation") not in ("DeletePackageVersions", "UpdatePackageVersionsStatus", "DisposePackageVersions"):
                continue
            total += 1
            t = datetime.datetime.fromisoformat(row["time"].replace("Z", "+00:00")).timestamp()
            first = t if first is None else min(first, t)
            last = t if last is None else max(last, t)
            status, fault = row.get("status"), row.get("fault")
            if status == 200:
                ok += 1
            elif status == 429:
                throttled += 1
            elif fault == "reset" or status is None:
                resets += 1
            elif status >= 500:
                errors += 1
            else:
                other += 1
    span = (last - first) if first is not None and last > first else None
    return {"emu_attempts": total, "emu_ok": ok, "emu_throttled": throttled, "emu_5xx": errors,
            "emu_resets": resets, "emu_other": other, "emu_span": span,
            "emu_ok_per_s": ok / span if span else None}


def timed(cmd, timeout, stdout_path):
    """Runs cmd; returns (wall seconds, CPU seconds of the process and its children, exit code)."""
    with open(stdout_path, "wb") as out, open(stdout_path + ".err", "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=ENV)
        LIVE.add(proc)
        timer = threading.Timer(timeout, lambda: proc.kill())
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            LIVE.discard(proc)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    code = proc.returncode
    if code < 0:
        log(f"{cmd[0]} ended by signal {-code} (timeout {timeout} s?)")
    return wall, usage.ru_utime + usage.ru_stime, code


def plan_requests(plan_path):
    """Requests in a cabatch plan: its lines after the header."""
    out = subprocess.run(["zstd", "-dcq", plan_path], capture_output=True, check=True).stdout
    return max(out.count(b"\n") - 1, 0)


def run_cabatch(a, manifest, workdir, tag, url, extra):
    plan = os.path.join(workdir, f"{tag}.plan")
    for path in (plan, plan + ".journal"):
        if os.path.exists(path):
            os.remove(path)
    cmd = [a.cabatch, "run", manifest, "-o", plan, "--endpoint-url", url, "--region", "us-east-1",
           "--yes", "--progress", "never", "--output", "json"] + extra
    out_path = os.path.join(workdir, f"{tag}.out.json")
    wall, cpu, code = timed(cmd, a.timeout, out_path)
    text = open(out_path).read().strip()
    try:
        summary = json.loads(text.splitlines()[-1]) if text else {}
    except json.JSONDecodeError:
        summary = {}
    if code != 0 or not summary:
        log(f"cabatch exited {code}; stdout: {text[-800:]!r}; stderr: {open(out_path + '.err').read()[-800:]!r}")
    v, r = summary.get("versions", {}), summary.get("run", {})
    requests = plan_requests(plan) if os.path.exists(plan) else None
    return {"tool": "cabatch", "exit": code, "wall": wall, "cpu": cpu, "requests": requests,
            "deleted": v.get("done"), "absent": v.get("absent"), "failed": v.get("failed"),
            "pending": v.get("pending"), "gave_up": (v.get("failed") or 0) + (v.get("pending") or 0),
            "attempts": r.get("requestsSent"), "throttled": r.get("throttled"),
            "retries": r.get("retries"), "exec_seconds": r.get("seconds"), "summary": summary}


def run_peer(a, manifest, workdir, tag, url, mode):
    cmd = [sys.executable, PEER, manifest, "--endpoint-url", url, "--workers", str(a.concurrency),
           "--retry-mode", mode]
    out_path = os.path.join(workdir, f"{tag}.out.json")
    wall, cpu, code = timed(cmd, a.timeout, out_path)
    text = open(out_path).read().strip()
    try:
        res = json.loads(text.splitlines()[-1]) if text else {}
    except json.JSONDecodeError:
        res = {}
    if not res:
        log(f"peer exited {code}; stderr: {open(out_path + '.err').read()[-800:]!r}")
    return {"tool": f"boto3 {mode}", "exit": code, "wall": wall, "cpu": cpu, "requests": res.get("requests"),
            "deleted": res.get("versions_deleted"), "absent": res.get("versions_not_found"),
            "failed": res.get("versions_failed"), "pending": None, "gave_up": res.get("gave_up"),
            "attempts": res.get("attempts"), "throttled": res.get("throttled"), "retries": None,
            "exec_seconds": res.get("elapsed"), "summary": res}


def ensure_manifest(a, rows, seed):
    manifest = os.path.join(a.workdir, f"apply-{rows}-s{seed}.jsonl.zst")
    inventory = os.path.join(a.workdir, f"apply-{rows}-s{seed}.inventory.jsonl.zst")
    if not (os.path.getsize(manifest) if os.path.exists(manifest) else 0) or not os.path.exists(inventory):
        subprocess.run([a.cabatch, "generate", "--rows", str(rows), "--seed", str(seed), "-o", manifest,
                        "--inventory-out", inventory], check=True, stdout=sys.stderr)
    planned = {version_key(r) for r in read_manifest(manifest)}
    return manifest, inventory, planned


def one(a, *args, **kwargs):
    """One measured run; repeated (at most twice more) if its emulator stopped before the tool did."""
    for attempt in range(3):
        res = one_attempt(a, *args, **kwargs)
        if not res["emu_exited_early"]:
            return res
        log(f"the emulator exited before the run ended (exit {res['emu_exit']}, not stopped by this script); "
            f"discarding this run" + ("; again" if attempt < 2 else ""))
        a.discarded.append(res)
    raise RuntimeError("the emulator kept exiting before the runs ended")


def one_attempt(a, manifest, inventory, planned, tag, tool, faults, seed, with_log, cabatch_extra, mode=None):
    emu = Emulator(a.cabatch, inventory, a.workdir, tag, faults, seed, with_log)
    try:
        if tool == "cabatch":
            res = run_cabatch(a, manifest, a.workdir, tag, emu.url, cabatch_extra)
        else:
            res = run_peer(a, manifest, a.workdir, tag, emu.url, mode)
    finally:
        emu_cpu = emu.stop()
    res["emu_cpu"] = emu_cpu
    res["emu_exited_early"] = emu.exited_early
    res["emu_exit"] = emu.proc.returncode
    res.update(emu.truth(planned))
    for path in (emu.state, emu.log):  # large; the figures are kept in the results file
        if path and os.path.exists(path) and not a.keep:
            os.remove(path)
    vps = res["emu_deleted"] / res["wall"]
    log(f"{tag}: {res['tool']} wall {res['wall']:.2f} s, CPU {res['cpu']:.2f} s (emulator {fmt(emu_cpu, '.2f')} s), exit {res['exit']}, "
        f"emulator deleted {res['emu_deleted']:,} ({vps:,.0f} versions/s), planned left {res['emu_planned_left']:,}"
        + (f", ok {res['emu_ok']:,}, 429 {res['emu_throttled']:,}, attempts {res['emu_attempts']:,}, "
           f"ok/s {res['emu_ok_per_s'] or 0:.1f}" if with_log else ""))
    return res


def scenario1(a, results):
    manifest, inventory, planned = ensure_manifest(a, a.rows1, a.seed)
    log(f"scenario 1: {manifest}, {len(planned):,} versions, faults off, concurrency {a.concurrency}")
    runs = {"cabatch": [], "boto3 standard": []}
    for i in range(a.runs):
        order = ["cabatch", "boto3"] if i % 2 == 0 else ["boto3", "cabatch"]
        for tool in order:
            if tool == "cabatch":
                runs["cabatch"].append(one(a, manifest, inventory, planned, f"s1-r{i + 1}-cabatch", "cabatch", [],
                                           i + 1, False, ["--concurrency", str(a.concurrency), "--rate", "100000"]))
            else:
                runs["boto3 standard"].append(one(a, manifest, inventory, planned, f"s1-r{i + 1}-boto3", "peer", [],
                                                  i + 1, False, None, "standard"))
    results["scenario1"] = runs
    rows = {}
    for name, rs in runs.items():
        wall = med(r["wall"] for r in rs)
        rows[name] = {
            "wall": wall,
            "vps": med(r["emu_deleted"] / r["wall"] for r in rs),
            "rps": med(r["requests"] / r["wall"] for r in rs if r["requests"]),
            "vps_exec": med(r["deleted"] / r["exec_seconds"] for r in rs if r["deleted"] and r["exec_seconds"]),
            "cpu": med(r["cpu"] for r in rs),
            "emu_cpu": med(r["emu_cpu"] for r in rs),
            "cpu_k": med(1000 * r["cpu"] / r["requests"] for r in rs if r["requests"]),
            "requests": med(r["requests"] for r in rs),
            "deleted": med(r["emu_deleted"] for r in rs),
            "left": max(r["emu_planned_left"] for r in rs),
            "exits": ",".join(str(r["exit"]) for r in rs),
        }
    print()
    print(f"Scenario 1 — faults off, {a.rows1:,}-row manifest (seed {a.seed}, {len(planned):,} versions, "
          f"{rows['cabatch']['requests'] or 0:,.0f} requests), concurrency {a.concurrency}, "
          f"{a.runs} runs each, medians")
    print(f"{'':16}{'wall s':>9}{'versions/s':>12}{'requests/s':>12}{'exec v/s':>11}{'CPU s':>8}"
          f"{'CPU s/1k req':>14}{'emu CPU s':>11}{'deleted':>10}{'left':>7}  exits")
    for name, r in rows.items():
        print(f"{name:16}{fmt(r['wall'], '9.2f')}{fmt(r['vps'], '12,.0f')}{fmt(r['rps'], '12,.0f')}"
              f"{fmt(r['vps_exec'], '11,.0f')}{fmt(r['cpu'], '8.2f')}{fmt(r['cpu_k'], '14.3f')}{fmt(r['emu_cpu'], '11.2f')}"
              f"{fmt(r['deleted'], '10,.0f')}{r['left']:>7,}  {r['exits']}")
    c, b = rows["cabatch"], rows["boto3 standard"]
    v_ratio = c["vps"] / b["vps"] if c["vps"] and b["vps"] else None
    cpu_ratio = c["cpu_k"] / b["cpu_k"] if c["cpu_k"] and b["cpu_k"] else None
    ok1 = v_ratio is not None and v_ratio >= 5
    ok2 = cpu_ratio is not None and cpu_ratio <= 0.2
    print(f"cabatch / boto3: versions/s x{fmt(v_ratio, '.2f')} (target >= 5: {'met' if ok1 else 'MISSED'}), "
          f"CPU s per 1,000 requests x{fmt(cpu_ratio, '.3f')} (target <= 0.2: {'met' if ok2 else 'MISSED'})")
    print("(wall and CPU are the whole process: start, manifest read, planning/grouping, all requests; "
          "'exec v/s' is each tool's own figure for its request phase; 'emu CPU s' is the emulator's; "
          "'deleted'/'left' are the emulator's state)")
    return ok1 and ok2


def scenario2(a, results):
    manifest, inventory, planned = ensure_manifest(a, a.rows2, a.seed)
    faults = ["--throttle-tps", "100", "--error-rate", "0.02", "--reset-rate", "0.01"]
    log(f"scenario 2: {manifest}, {len(planned):,} versions, faults {' '.join(faults)}")
    runs = {"cabatch": [], "boto3 adaptive": [], "boto3 standard": []}
    for i in range(a.runs2):
        for name in runs:
            tool, mode = ("cabatch", None) if name == "cabatch" else ("peer", name.split()[1])
            tag = f"s2-r{i + 1}-{name.replace(' ', '-')}"
            runs[name].append(one(a, manifest, inventory, planned, tag, tool, faults, 100 + i, True,
                                  ["--concurrency", str(a.concurrency), "--rate", "100"], mode))
    results["scenario2"] = runs
    rows = {}
    for name, rs in runs.items():
        rows[name] = {
            "wall": med(r["wall"] for r in rs),
            "ok_s": med(r["emu_ok_per_s"] for r in rs),
            "ok_wall": med(r["emu_ok"] / r["wall"] for r in rs),
            "throttled": med(r["emu_throttled"] for r in rs),
            "tool_throttled": med(r["throttled"] for r in rs),
            "e5xx": med(r["emu_5xx"] for r in rs),
            "resets": med(r["emu_resets"] for r in rs),
            "attempts": med(r["emu_attempts"] for r in rs),
            "gave_up": med(r["gave_up"] for r in rs),
            "left": med(r["emu_planned_left"] for r in rs),
            "left_max": max(r["emu_planned_left"] for r in rs),
            "exits": ",".join(str(r["exit"]) for r in rs),
        }
    print()
    print(f"Scenario 2 — emulator --throttle-tps 100 --error-rate 0.02 --reset-rate 0.01, {a.rows2:,}-row manifest "
          f"(seed {a.seed}, {len(planned):,} versions), concurrency {a.concurrency}, cabatch --rate 100, "
          f"boto3 default max attempts, {a.runs2} runs each, medians (counts from the emulator's request log)")
    print(f"{'':16}{'wall s':>9}{'ok req/s':>10}{'ok/wall':>9}{'429s':>7}{'(client)':>9}{'500s':>6}{'resets':>7}"
          f"{'attempts':>10}{'gave up':>9}{'left':>7}{'left max':>9}  exits")
    for name, r in rows.items():
        print(f"{name:16}{fmt(r['wall'], '9.2f')}{fmt(r['ok_s'], '10.1f')}{fmt(r['ok_wall'], '9.1f')}"
              f"{fmt(r['throttled'], '7,.0f')}{fmt(r['tool_throttled'], '9,.0f')}{fmt(r['e5xx'], '6,.0f')}"
              f"{fmt(r['resets'], '7,.0f')}{fmt(r['attempts'], '10,.0f')}{fmt(r['gave_up'], '9,.0f')}"
              f"{fmt(r['left'], '7,.0f')}{r['left_max']:>9,}  {r['exits']}")
    c, ad = rows["cabatch"], rows["boto3 adaptive"]
    ok1 = c["ok_s"] is not None and c["ok_s"] >= 98
    ok2 = c["throttled"] is not None and ad["throttled"] is not None and c["throttled"] <= ad["throttled"]
    ok3 = c["left_max"] == 0
    print(f"cabatch: {fmt(c['ok_s'], '.1f')} successful requests/s (target >= 98: {'met' if ok1 else 'MISSED'}), "
          f"{fmt(c['throttled'], ',.0f')} throttled answers vs boto3 adaptive {fmt(ad['throttled'], ',.0f')} "
          f"(target <=: {'met' if ok2 else 'MISSED'}), {c['left_max']} planned versions left in the worst run "
          f"(target 0: {'met' if ok3 else 'MISSED'})")
    print("('ok req/s' = 200 answers over the span of the emulator's log; 'ok/wall' = 200 answers over the "
          "process's wall time; '(client)' = throttled answers as the client counted them; "
          "'gave up' = versions failed or left pending by the client)")
    return ok1 and ok2 and ok3


def scenario3(a, results):
    """delete, archive and dispose of the same manifest, each against a fresh emulator, interleaved."""
    manifest, inventory, planned = ensure_manifest(a, a.rows1, a.seed)
    log(f"scenario 3: {manifest}, {len(planned):,} versions, faults off, concurrency {a.concurrency}")
    operations = ["delete", "archive", "dispose"]
    runs = {op: [] for op in operations}
    for i in range(a.runs):
        order = operations if i % 2 == 0 else list(reversed(operations))
        for op in order:
            runs[op].append(one(a, manifest, inventory, planned, f"s3-r{i + 1}-{op}", "cabatch", [], a.seed, False,
                                ["--concurrency", str(a.concurrency), "--rate", "100000", "--operation", op]))
    results["scenario3"] = runs
    rows = {}
    for op, rs in runs.items():
        done = [r["emu_deleted"] if op == "delete" else r["emu_changed"] for r in rs]
        rows[op] = {
            "wall": med(r["wall"] for r in rs),
            "vps": med(d / r["wall"] for d, r in zip(done, rs)),
            "rps": med(r["requests"] / r["wall"] for r in rs if r["requests"]),
            "cpu_k": med(1000 * r["cpu"] / r["requests"] for r in rs if r["requests"]),
            "done": med(done),
            "twice": max(r["emu_deleted_twice"] if op == "delete" else r["emu_changed_twice"] for r in rs),
            "exits": ",".join(str(r["exit"]) for r in rs),
        }
    print()
    print(f"Scenario 3 — one manifest ({a.rows1:,} rows, seed {a.seed}), three operations, faults off, "
          f"concurrency {a.concurrency}, {a.runs} runs each, medians")
    print(f"{'':10}{'wall s':>9}{'versions/s':>12}{'requests/s':>12}{'CPU s/1k req':>14}{'done (emulator)':>17}"
          f"{'twice':>7}  exits")
    for op, r in rows.items():
        print(f"{op:10}{fmt(r['wall'], '9.2f')}{fmt(r['vps'], '12,.0f')}{fmt(r['rps'], '12,.0f')}{fmt(r['cpu_k'], '14.3f')}"
              f"{fmt(r['done'], '17,.0f')}{r['twice']:>7}  {r['exits']}")
    base = rows["delete"]["vps"]
    print("versions/s against delete: " + ", ".join(f"{op} x{fmt(rows[op]['vps'] / base if base else None, '.2f')}"
                                                   for op in operations[1:]))
    print("('done' = versions the emulator's state file shows deleted, or changed by an update or dispose; "
          "'twice' = versions it changed more than once, in the worst run)")
    return all(r["twice"] == 0 for r in rows.values())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cabatch", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--runs", type=int, default=3, help="runs per tool in scenario 1")
    p.add_argument("--runs2", type=int, default=None, help="runs per tool in scenario 2 (default: --runs)")
    p.add_argument("--rows1", type=int, default=200_000)
    p.add_argument("--rows2", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--timeout", type=float, default=1200, help="seconds any one tool run may take")
    p.add_argument("--scenarios", default="1,2")
    p.add_argument("--keep", action="store_true", help="keep the emulator state files and logs")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    a.runs2 = a.runs2 or a.runs
    a.discarded = []
    os.makedirs(a.workdir, exist_ok=True)
    results = {"started": datetime.datetime.now().isoformat(),
               "args": {k: v for k, v in vars(a).items() if k != "discarded"}}
    version = subprocess.run([a.cabatch, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"cabatch: {a.cabatch} ({version}); boto3 peer: {PEER}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    met = True
    try:
        if "1" in a.scenarios.split(","):
            met &= scenario1(a, results)
        if "2" in a.scenarios.split(","):
            met &= scenario2(a, results)
        if "3" in a.scenarios.split(","):
            met &= scenario3(a, results)
    finally:
        results["discarded"] = a.discarded
        with open(os.path.join(a.workdir, "apply-results.json"), "w") as f:
            json.dump(results, f, indent=1, default=str)
    print(f"\nper-run figures: {os.path.join(a.workdir, 'apply-results.json')}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
