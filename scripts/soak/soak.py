#!/usr/bin/env python3
"""Crash soak: `cabatch apply` against a `cabatch emulator` on 127.0.0.1 in a fault storm,
killed at a random moment (SIGKILL, or SIGINT, sometimes twice) and resumed, ROUNDS times,
over as many plans as the rounds need; each plan then runs to completion and is checked
against the emulator's own record (check.py). Prints a one-screen summary; exits 1 on any
failure. Every draw comes from --seed; the kill moments are wall-clock, so a seed repeats the
choices, not the exact interleaving."""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bench"))

from check import check_plan, read_jsonl  # noqa: E402
from emulator_process import ENV, LIVE, Emulator, log  # noqa: E402

# The storm: writes throttled below cabatch's default --rate of 50/s, 5xx, lost answers (the
# delete done, then a 500 or a dropped connection), resets, SKIPPED versions, 5-45 ms latency.
FAULTS = ["--throttle-tps", "40", "--error-rate", "0.03", "--lost-response-rate", "0.03",
          "--reset-rate", "0.02", "--skip-rate", "0.02", "--latency-ms", "5:40"]
SIGKILL_SHARE = 0.7        # of kills; the rest are SIGINT
DOUBLE_SIGINT_SHARE = 0.25  # of SIGINTs: a second one soon after, "exit now"
EARLY_SHARE = 0.2          # of rounds: killed within 0.4 s of the start (plan read, journal open)
LATEST_KILL = 5.0          # seconds: the latest moment a round kills at
SIGINT_STOP_LIMIT = 120    # seconds a SIGINTed run may take to stop
COMPLETION_TIMEOUT = 1200  # seconds the run to completion may take
COMPLETION_TRIES = 3       # runs to completion allowed per plan (a version may run out of attempts)
NEVER_HELD_SHARE = 0.01    # of planned versions left out of the emulator's inventory


class Stopped(BaseException):
    """The soak itself got SIGTERM (its time limit) or SIGINT."""


def stop(signum, _frame):
    raise Stopped(signal.Signals(signum).name)


class Soak:
    def __init__(self, a):
        self.a = a
        self.rng = random.Random(f"cabatch-soak-{a.seed}")
        self.plans = []
        self.rounds = 0
        self.sigkills = self.sigints = self.double_sigints = self.unkilled = 0
        self.failures = []

    def track(self, proc):
        """Records a child's pid for the shell script's EXIT trap."""
        LIVE.add(proc)
        with open(self.a.pids, "a") as f:
            f.write(f"{proc.pid}\n")

    def cabatch(self, args, tag, plan, timeout):
        """Runs cabatch to the end (bounded); returns its exit code."""
        with open(os.path.join(plan["dir"], f"{tag}.out"), "wb") as out, \
                open(os.path.join(plan["dir"], f"{tag}.err"), "wb") as err:
            proc = subprocess.Popen([self.a.cabatch] + args, stdout=out, stderr=err, env=ENV,
                                    stdin=subprocess.DEVNULL)
            self.track(proc)
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                code = None
            LIVE.discard(proc)
            return code

    def status(self, plan):
        res = subprocess.run([self.a.cabatch, "status", plan["plan"], "--output", "json"], capture_output=True,
                             text=True, env=ENV, timeout=300)
        if res.returncode != 0:
            return None, res.stderr.strip()[-400:]
        return json.loads(res.stdout.strip().splitlines()[-1]), None

    def plan_fail(self, plan, msg):
        plan["failures"].append(msg)
        log(f"plan {plan['n']}: FAIL: {msg}")

    def new_plan(self):
        n = len(self.plans) + 1
        seed = self.a.seed + n - 1
        d = os.path.join(self.a.workdir, f"plan-{n}")
        os.makedirs(d)
        plan = {"n": n, "seed": seed, "dir": d, "plan": os.path.join(d, "soak.plan"), "runs": [], "failures": [],
                "rounds": 0, "sigkills": 0, "sigints": 0, "complete": False, "done": -1, "started": time.monotonic()}
        self.plans.append(plan)
        manifest, full = os.path.join(d, "manifest.jsonl"), os.path.join(d, "inventory.full.jsonl")
        subprocess.run([self.a.cabatch, "generate", "--rows", str(self.a.rows), "--seed", str(seed), "-o", manifest,
                        "--inventory-out", full], check=True, stdout=subprocess.DEVNULL, env=ENV, timeout=600)
        # Some planned versions the emulator never holds: they must come back `absent`.
        drop_rng = random.Random(f"cabatch-soak-never-held-{seed}")
        planned = {(r["domain"], r["repository"], r["format"], r.get("namespace"), r["package"], r["version"])
                   for r in read_jsonl(manifest)}
        dropped = {v for v in sorted(planned, key=repr) if drop_rng.random() < NEVER_HELD_SHARE}
        with open(full, "rb") as src, open(os.path.join(d, "inventory.jsonl"), "wb") as dst:
            for line in src:
                r = json.loads(line)
                if (r["domain"], r["repository"], r["format"], r.get("namespace"), r["package"], r["version"]) not in dropped:
                    dst.write(line)
        os.remove(full)
        subprocess.run([self.a.cabatch, "plan", manifest, "-o", plan["plan"]], check=True, stdout=subprocess.DEVNULL,
                       env=ENV, timeout=600)
        plan["emulator"] = Emulator(self.a.cabatch, os.path.join(d, "inventory.jsonl"), d, "emu", FAULTS, seed, True)
        with open(self.a.pids, "a") as f:
            f.write(f"{plan['emulator'].proc.pid}\n")
        plan["versions"] = len(planned)
        log(f"plan {n}: seed {seed}, {len(planned):,} versions ({len(dropped)} never held), emulator {plan['emulator'].url}")
        return plan

    def apply_args(self, plan):
        return ["apply", plan["plan"], "--endpoint-url", plan["emulator"].url, "--yes", "--progress", "never"]

    def round(self, plan):
        """One apply, killed at a random moment unless it finishes first."""
        self.rounds += 1
        plan["rounds"] += 1
        tag = f"round-{self.rounds}"
        # Every draw is made before the run, so a seed gives the same choices whatever the timing.
        early = self.rng.random() < EARLY_SHARE
        delay = self.rng.uniform(0, 0.4) if early else self.rng.uniform(0.4, LATEST_KILL)
        kill = self.rng.random() < SIGKILL_SHARE
        double = not kill and self.rng.random() < DOUBLE_SIGINT_SHARE
        gap = self.rng.uniform(0.0, 0.5)
        out = open(os.path.join(plan["dir"], f"{tag}.out"), "wb")
        err = open(os.path.join(plan["dir"], f"{tag}.err"), "wb")
        start = time.time()
        proc = subprocess.Popen([self.a.cabatch] + self.apply_args(plan), stdout=out, stderr=err, env=ENV,
                                stdin=subprocess.DEVNULL)
        self.track(proc)
        sent = None
        try:
            code = proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            if kill:
                proc.send_signal(signal.SIGKILL)
                sent = "SIGKILL"
                self.sigkills += 1
                plan["sigkills"] += 1
            else:
                proc.send_signal(signal.SIGINT)
                sent = "SIGINT"
                self.sigints += 1
                plan["sigints"] += 1
                if double:
                    try:
                        proc.wait(timeout=gap)
                    except subprocess.TimeoutExpired:
                        proc.send_signal(signal.SIGINT)
                        sent = "SIGINT x2"
                        self.double_sigints += 1
            try:
                code = proc.wait(timeout=SIGINT_STOP_LIMIT)
            except subprocess.TimeoutExpired:
                self.plan_fail(plan, f"{tag}: apply did not stop within {SIGINT_STOP_LIMIT} s of {sent}")
                proc.kill()
                code = proc.wait()
        else:
            self.unkilled += 1
        LIVE.discard(proc)
        out.close()
        err.close()
        end = time.time()
        # SIGINT before the handler is set, or the second one, ends it at once: as hard as SIGKILL.
        hard = sent == "SIGKILL" or sent == "SIGINT x2" or code == -signal.SIGINT
        plan["runs"].append({"round": self.rounds, "start": start, "end": end, "signal": sent, "delay": round(delay, 3),
                             "exit": code, "hard": hard})
        allowed = {None: {0}, "SIGKILL": {-9, 0}, "SIGINT": {3, 0, -2}, "SIGINT x2": {3, 0, -2}}[sent]
        if code not in allowed:
            self.plan_fail(plan, f"{tag}: apply exited {code} after {sent or 'no signal'} at {delay:.2f} s "
                                 f"(expected {sorted(allowed)}); stderr: {open(err.name, errors='replace').read()[-600:]!r}")
        st, problem = self.status(plan)
        if st is None:
            self.plan_fail(plan, f"{tag}: cabatch status failed after {sent or 'no signal'}: {problem}")
            return
        done = st["deleted"] + st["absent"] + st["failed"]
        if done < plan["done"]:
            self.plan_fail(plan, f"{tag}: final versions went down from {plan['done']} to {done} after {sent}")
        plan["done"] = done
        if code == 0 and st["pending"]:
            self.plan_fail(plan, f"{tag}: apply exited 0 with {st['pending']} versions pending")
        if st["pending"] == 0 and code == 0:
            plan["complete"] = True

    def finish(self, plan):
        """Runs apply to completion, stops the emulator, checks the plan."""
        before, _ = self.status(plan)
        for attempt in range(1, COMPLETION_TRIES + 1):
            start = time.time()
            code = self.cabatch(self.apply_args(plan), f"final-{attempt}", plan, COMPLETION_TIMEOUT)
            plan["runs"].append({"round": None, "start": start, "end": time.time(), "signal": None, "exit": code,
                                 "hard": code is None})
            if code == 0:
                break
            self.plan_fail(plan, f"the run to completion (try {attempt}) exited {code}")
            if code not in (3,):
                break
        after, problem = self.status(plan)
        if after is None:
            self.plan_fail(plan, f"cabatch status failed after the run to completion: {problem}")
        elif plan["complete"] and before and after["attempts"] != before["attempts"]:
            self.plan_fail(plan, f"apply of a finished plan sent {after['attempts'] - before['attempts']} requests")
        emu = plan.pop("emulator")
        emu.stop()
        if emu.exited_early:
            self.plan_fail(plan, f"the emulator exited by itself ({emu.proc.returncode})")
        with open(os.path.join(plan["dir"], "runs.json"), "w") as f:
            json.dump(plan["runs"], f, indent=1)
        try:
            fails, figures = check_plan(self.a.cabatch, plan["plan"], os.path.join(plan["dir"], "inventory.jsonl"),
                                        emu.state, emu.log, plan["runs"], plan["dir"])
        except Exception as e:  # a check that cannot run is a failure too
            fails, figures = [f"the check could not run: {e!r}"], {}
        for msg in fails:
            self.plan_fail(plan, msg)
        plan["figures"] = figures
        plan["seconds"] = time.monotonic() - plan["started"]
        log(f"plan {plan['n']}: {'PASS' if not plan['failures'] else 'FAIL'} after {plan['rounds']} rounds, "
            f"{plan['seconds']:.0f} s; {json.dumps(figures)}")

    def run(self):
        while True:
            plan = self.new_plan()
            while self.rounds < self.a.rounds and not plan["complete"]:
                self.round(plan)
            self.finish(plan)
            if self.rounds >= self.a.rounds:
                return


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cabatch", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--rounds", type=int, required=True)
    p.add_argument("--rows", type=int, default=20000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pids", required=True, help="file to list every child's pid in, for the caller's cleanup")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    t0 = time.monotonic()
    soak = Soak(a)
    stopped = None
    try:
        soak.run()
    except Stopped as e:
        stopped = e.args[0]
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        for proc in list(LIVE):  # what a stop or a breakdown left running
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    if stopped:
        log(f"stopped by {stopped} in round {soak.rounds}")
    wall = time.monotonic() - t0
    ok = not stopped and all(not plan["failures"] and "figures" in plan for plan in soak.plans)
    versions = sum(plan.get("versions", 0) for plan in soak.plans)
    print()
    print(f"cabatch crash soak: {soak.rounds} rounds, {a.rows:,} rows a plan, seed {a.seed}; faults {' '.join(FAULTS)}")
    print(f"kills: {soak.sigkills + soak.sigints} ({soak.sigkills} SIGKILL, {soak.sigints} SIGINT of which "
          f"{soak.double_sigints} twice); {soak.unkilled} rounds finished before their kill")
    print(f"plans: {len(soak.plans)}, versions: {versions:,}, wall time: {int(wall // 60)}m{wall % 60:04.1f}s")
    print(f"{'plan':>4} {'seed':>5} {'rounds':>6} {'KILL':>5} {'INT':>4} {'versions':>9} {'deleted':>8} {'absent':>7}"
          f" {'never':>5} {'lost':>5} {'cut':>4} {'requests':>9} {'runs':>5} {'secs':>6}  verdict")
    for plan in soak.plans:
        f = plan.get("figures", {})
        print(f"{plan['n']:>4} {plan['seed']:>5} {plan['rounds']:>6} {plan['sigkills']:>5} {plan['sigints']:>4}"
              f" {f.get('versions', plan.get('versions', 0)):>9,} {f.get('deleted', 0):>8,} {f.get('absent', 0):>7,}"
              f" {f.get('never_held', 0):>5,} {f.get('absent_after_lost', 0):>5,} {f.get('absent_after_kill', 0):>4,} {f.get('requests', 0):>9,}"
              f" {f.get('journal_runs', 0):>5} {plan.get('seconds', 0):>6.0f}  "
              f"{'PASS' if not plan['failures'] and f else 'FAIL'}")
        for msg in plan["failures"][:5]:
            print(f"       {msg[:300]}")
        if len(plan["failures"]) > 5:
            print(f"       … {len(plan['failures']) - 5} more in the log above")
    print("(absent = NOT_FOUND in the journal: 'never' held by the emulator, 'lost' after an injected lost answer, "
          "'cut' after a killed run; requests = deletes the emulator logged; runs = runs in the journal)")
    if stopped:
        print(f"STOPPED by {stopped} (SOAK_TIMEOUT?) in round {soak.rounds}; the plan under way was not checked")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
