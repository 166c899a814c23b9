#!/usr/bin/env python3
"""The export benchmark (prints figures; not a test): `cabatch export` and a boto3 paginator
script each list the same domain from their own fresh `cabatch emulator` on 127.0.0.1, whose
reads are throttled (--read-throttle-tps), interleaved. Prints medians: wall time, successful
requests/s against the throttle (from the emulator's request log), the share of throttled
answers, peak RSS, and whether each inventory holds every version."""
import argparse
import datetime
import json
import os
import resource
import signal
import subprocess
import sys
import time

import orjson
import zstandard

sys.path.insert(0, os.path.dirname(__file__))
from emulator_process import ENV, LIVE, Emulator, fmt, log, med, on_signal  # noqa: E402

PEER = os.path.join(os.path.dirname(__file__), "export_peer_boto3.py")


def write_inventory(path, packages, versions, repositories):
    """`packages` pypi packages of `versions` versions each, spread over `repositories` repositories
    of domain `bench`, published a minute apart."""
    if os.path.exists(path):
        return
    with open(path + ".tmp", "wb") as raw, zstandard.ZstdCompressor(level=3).stream_writer(raw) as out:
        minute = 0
        for p in range(packages):
            repository = f"repo-{p % repositories:02d}"
            for v in range(versions):
                minute += 1
                t = datetime.datetime(2021, 1, 1) + datetime.timedelta(minutes=minute)
                out.write(orjson.dumps({"domain": "bench", "domainOwner": "111122223333", "repository": repository,
                                        "format": "pypi", "package": f"pkg-{p:06d}", "version": f"1.{v}.0",
                                        "status": "Published", "publishedTime": t.strftime("%Y-%m-%dT%H:%M:%S.000Z")}) + b"\n")
    os.rename(path + ".tmp", path)


def timed(cmd, timeout, out_path):
    """Runs `cmd`; returns wall seconds, CPU seconds and peak RSS (MiB) of the child, and its exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(out_path, "wb") as out, open(out_path + ".err", "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=ENV)
        LIVE.add(proc)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        LIVE.discard(proc)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far: each tool runs after the emulator it
    # talks to is started by this process, so the figure is read from the tool's own /proc
    # accounting instead when possible.
    return wall, cpu, code


def peak_rss_mib(cmd, timeout, out_path):
    """Runs `cmd` under /usr/bin/time -v when present, for the child's own peak RSS."""
    if os.path.exists("/usr/bin/time"):
        wall, cpu, code = timed(["/usr/bin/time", "-v"] + cmd, timeout, out_path)
        rss = None
        for line in open(out_path + ".err", errors="replace"):
            if "Maximum resident set size" in line:
                rss = int(line.split(":")[1]) / 1024
        return wall, cpu, code, rss
    wall, cpu, code = timed(cmd, timeout, out_path)
    return wall, cpu, code, None


def analyse_log(path):
    """Successful and throttled read answers, and successful answers per second over the log's span."""
    ok = throttled = other = 0
    first = last = None
    with open(path, "rb") as f:
        for line in f:
            row = orjson.loads(line)
            t = datetime.datetime.fromisoformat(row["time"].replace("Z", "+00:00")).timestamp()
            first = t if first is None else min(first, t)
            last = t if last is None else max(last, t)
            status = row.get("status")
            if status == 200:
                ok += 1
            elif status == 429:
                throttled += 1
            else:
                other += 1
    span = (last - first) if first is not None and last > first else None
    return {"ok": ok, "throttled": throttled, "other": other, "ok_per_s": ok / span if span else None}


def count_versions(path):
    n = 0
    with open(path, "rb") as raw:
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_size=1 << 20)
        while chunk := reader.read(1 << 20):
            n += chunk.count(b"\n")
    return n


def one(a, inventory, tool, i):
    tag = f"export-r{i + 1}-{tool.replace(' ', '-')}"
    faults = ["--read-throttle-tps", str(a.throttle)]
    emu = Emulator(a.cabatch, inventory, a.workdir, tag, faults, 100 + i, True)
    output = os.path.join(a.workdir, f"{tag}.jsonl.zst")
    for path in (output, output + ".export-state"):
        subprocess.run(["rm", "-rf", path], check=True)
    try:
        if tool == "cabatch":
            cmd = [a.cabatch, "export", "--domain", "bench", "-o", output, "--endpoint-url", emu.url,
                   "--read-rate", str(a.read_rate), "--concurrency", str(a.concurrency), "--progress", "never",
                   "--output", "json"]
        else:
            cmd = [sys.executable, PEER, "--domain", "bench", "--endpoint-url", emu.url, "-o", output,
                   "--workers", str(a.concurrency), "--retry-mode", tool.split()[1]]
        wall, cpu, code, rss = peak_rss_mib(cmd, a.timeout, os.path.join(a.workdir, f"{tag}.out"))
    finally:
        emu.stop()
    figures = analyse_log(emu.log)
    versions = count_versions(output) if os.path.exists(output) else 0
    for path in (emu.state, emu.log, output):
        if path and os.path.exists(path) and not a.keep:
            os.remove(path)
    res = {"tool": tool, "exit": code, "wall": wall, "cpu": cpu, "rss_mib": rss, "versions": versions, **figures}
    res["throttled_share"] = figures["throttled"] / max(1, figures["ok"] + figures["throttled"] + figures["other"])
    log(f"{tag}: {tool} wall {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {rss or 0:.0f} MiB, exit {code}, {versions:,} versions, "
        f"ok {figures['ok']:,} ({figures['ok_per_s'] or 0:.1f}/s), 429 {figures['throttled']:,}")
    return res


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cabatch", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--packages", type=int, default=100_000)
    p.add_argument("--versions", type=int, default=10)
    p.add_argument("--repositories", type=int, default=4)
    p.add_argument("--throttle", type=float, default=200)
    p.add_argument("--read-rate", type=float, default=200)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--timeout", type=float, default=3600)
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    os.makedirs(a.workdir, exist_ok=True)
    inventory = os.path.join(a.workdir, f"export-{a.packages}x{a.versions}.inventory.jsonl.zst")
    write_inventory(inventory, a.packages, a.versions, a.repositories)
    total = a.packages * a.versions
    version = subprocess.run([a.cabatch, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"cabatch: {a.cabatch} ({version}); boto3 peer: {PEER}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    tools = ["cabatch", "boto3 standard"]
    runs = {t: [] for t in tools}
    for i in range(a.runs):
        for tool in (tools if i % 2 == 0 else list(reversed(tools))):
            runs[tool].append(one(a, inventory, tool, i))
    with open(os.path.join(a.workdir, "export-results.json"), "w") as f:
        json.dump(runs, f, indent=1, default=str)
    print()
    print(f"Export — {total:,} versions in {a.packages:,} packages ({a.repositories} repositories), emulator "
          f"--read-throttle-tps {a.throttle:g}, cabatch --read-rate {a.read_rate:g}, concurrency {a.concurrency}, "
          f"{a.runs} run(s) each, medians")
    print(f"{'':16}{'wall s':>9}{'ok req/s':>10}{'of throttle':>12}{'429s':>8}{'429 share':>10}{'CPU s':>8}"
          f"{'peak RSS MiB':>14}{'versions':>11}  exits")
    rows = {}
    for tool, rs in runs.items():
        r = rows[tool] = {
            "wall": med(x["wall"] for x in rs), "ok_s": med(x["ok_per_s"] for x in rs),
            "throttled": med(x["throttled"] for x in rs), "share": med(x["throttled_share"] for x in rs),
            "cpu": med(x["cpu"] for x in rs), "rss": med(x["rss_mib"] for x in rs),
            "versions": min(x["versions"] for x in rs), "exits": ",".join(str(x["exit"]) for x in rs),
        }
        print(f"{tool:16}{fmt(r['wall'], '9.1f')}{fmt(r['ok_s'], '10.1f')}"
              f"{fmt(r['ok_s'] / a.throttle * 100 if r['ok_s'] else None, '11.1f')}%{fmt(r['throttled'], '8,.0f')}"
              f"{fmt(r['share'] * 100 if r['share'] is not None else None, '9.2f')}%{fmt(r['cpu'], '8.1f')}"
              f"{fmt(r['rss'], '14.1f')}{r['versions']:>11,}  {r['exits']}")
    c, b = rows["cabatch"], rows["boto3 standard"]
    ok1 = c["ok_s"] is not None and c["ok_s"] >= 0.95 * a.throttle
    ok2 = c["share"] is not None and c["share"] <= 0.01
    ok3 = c["versions"] == total
    print(f"cabatch: {fmt(c['ok_s'], '.1f')} requests/s against a throttle of {a.throttle:g} "
          f"(goal >= 95%: {'met' if ok1 else 'MISSED'}), throttled answers {fmt(c['share'] * 100 if c['share'] is not None else None, '.2f')}% "
          f"(goal <= 1%: {'met' if ok2 else 'MISSED'}), every version exported: {'yes' if ok3 else 'NO'}; "
          f"wall x{fmt(b['wall'] / c['wall'] if c['wall'] and b['wall'] else None, '.2f')} faster than boto3, "
          f"peak RSS x{fmt(c['rss'] / b['rss'] if c['rss'] and b['rss'] else None, '.2f')} of boto3's")
    print("('ok req/s' = 200 answers over the span of the emulator's request log; 'peak RSS' from /usr/bin/time -v)")
    return 0 if ok1 and ok2 and ok3 else 1


if __name__ == "__main__":
    sys.exit(main())
