#!/usr/bin/env python3
"""Checks one finished plan of the crash soak against the emulator's own record of what it did.

The truth is the emulator's: its state file (`--state-out`: every inventory version with its
final status and how many times a delete was applied to it) and its request log (`--log`: one
line per request with its versions, HTTP status, per-version outcomes and injected fault).
cabatch's journal is checked against that truth, never the other way round:

  - the journal is whole: every line ends in a newline, has a valid CRC-32C and the next
    sequence number, and its records name planned versions only;
  - a replay of it here (the rules of `VersionState`: pending < failed < changed < absent < deleted)
    gives every version the state `cabatch report --format csv` gives it, and the totals
    `cabatch status --output json` prints, with nothing pending or failed;
  - every planned version that the emulator's inventory held was deleted exactly once
    (`deletes` 1), and every one it did not hold was never deleted and is `absent`;
  - no version outside the plan was touched: `deletes` 0 and its first status in the state,
    and no request in the log names it;
  - each answer the journal holds says what the emulator logged for the same request id
    (`deleted` where it logged `Deleted`, `not-found` where it logged `NOT_FOUND`);
  - a version the journal calls `absent` though the emulator deleted it was deleted by a
    request whose answer was lost (an injected lost answer), or by a request whose answer
    the journal does not hold, made while a run that was killed was going.

Standard library and `zstandard` only. As a command it checks a plan directory that
`soak.py` kept (`check.py DIR --cabatch BIN`), to reproduce a failure's verdict."""
import argparse
import collections
import csv
import datetime
import json
import os
import subprocess
import sys

import zstandard

ORDER = {"pending": 0, "failed": 1, "changed": 2, "absent": 3, "deleted": 4}
# Journal outcomes (format 2: done, absent, changed; format 1: deleted, not-found) → states, as
# the CSV report of a delete plan names them.
OUTCOME_STATE = {"done": "deleted", "deleted": "deleted", "absent": "absent", "not-found": "absent",
                 "changed": "changed", "failed": "failed"}
# Seconds after a killed run's end during which the emulator may still finish its requests.
KILL_GRACE = 3.0


def _crc_table():
    table = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


CRC_TABLE = _crc_table()


def crc32c(data):
    """CRC-32C (Castagnoli), as the journal's `crc` members hold it."""
    crc = 0xFFFFFFFF
    table = CRC_TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283


def key_of(row):
    """A package's identity as plans, inventories and state files spell it (domainOwner aside:
    the soak has one account)."""
    return (row["domain"], row["repository"], row["format"], row.get("namespace"), row["package"])


def describe(key):
    """The emulator log's name for a package (`PackageKey.resourcePath`)."""
    domain, repository, fmt, namespace, package = key
    return f"{domain}/{repository}/{fmt}/" + (f"{namespace}/" if namespace is not None else "") + package


def read_plan(path):
    """(header, {request id: package key}, {(key, version)}) of a zstd plan."""
    with open(path, "rb") as f:
        data = zstandard.ZstdDecompressor().stream_reader(f).read()
    lines = data.split(b"\n")
    header = json.loads(lines[0])
    by_id, planned = {}, set()
    for line in lines[1:]:
        if not line:
            continue
        req = json.loads(line)
        key = key_of(req)
        by_id[req["id"]] = key
        for version in req["versions"]:
            planned.add((key, version))
    return header, by_id, planned


def read_jsonl(path):
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Journal:
    """An independent reading of PLAN.journal: integrity, replayed states, and its answers."""

    def __init__(self, path, by_id, planned):
        self.errors = []
        self.states = {v: "pending" for v in planned}
        self.answers = {}  # serviceRequestId -> {(key, version): outcome}
        self.records = 0
        self.runs = 0
        with open(path, "rb") as f:
            data = f.read()
        if data and not data.endswith(b"\n"):
            self.errors.append("journal: the last line has no newline (a torn line left behind)")
        for number, line in enumerate(data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n"), 1):
            if len(self.errors) > 20:
                self.errors.append("journal: more errors not shown")
                break
            self._line(number, line, by_id, planned)
        self.totals = collections.Counter(self.states.values())

    def _line(self, number, line, by_id, planned):
        intro = b',"crc":"'
        if not (line.endswith(b'"}') and line[-18:-10] == intro):
            self.errors.append(f"journal line {number}: does not end with a crc member")
            return
        covered = line[:-18] + b"}"
        if f"{crc32c(covered):08x}".encode() != line[-10:-2]:
            self.errors.append(f"journal line {number}: crc mismatch")
            return
        try:
            rec = json.loads(line)
        except ValueError as e:
            self.errors.append(f"journal line {number}: not JSON ({e})")
            return
        self.records += 1
        if rec.get("seq") != number:
            self.errors.append(f"journal line {number}: seq {rec.get('seq')}, expected {number}")
        kind = rec.get("type")
        if (kind == "header") != (number == 1):
            self.errors.append(f"journal line {number}: a {kind} record where {'the header' if number == 1 else 'no header'} belongs")
        if kind == "run-start":
            self.runs += 1
        if kind not in ("intent", "answer"):
            return
        key = by_id.get(rec.get("request"))
        if key is None:
            self.errors.append(f"journal line {number}: request {rec.get('request')} is not in the plan")
            return
        if kind == "intent":
            for version in rec["versions"]:
                if (key, version) not in planned:
                    self.errors.append(f"journal line {number}: intent names unplanned {describe(key)} {version}")
            return
        said = {}
        for result in rec["results"]:
            version, outcome = result[0], result[1]
            v = (key, version)
            if v not in planned:
                self.errors.append(f"journal line {number}: answer names unplanned {describe(key)} {version}")
                continue
            said[v] = outcome
            target = OUTCOME_STATE.get(outcome)
            if target is None:
                continue  # retryable: stays where it is
            old = self.states[v]
            if ORDER[target] > ORDER[old] or (target == old == "failed"):
                self.states[v] = target
        rid = rec.get("serviceRequestId")
        if rid:
            self.answers.setdefault(rid, {}).update(said)


def cabatch_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def report_states(cabatch, plan, out_path):
    """Per version, the state `cabatch report --format csv` replays from the journal."""
    cmd = [cabatch, "report", plan, "--format", "csv", "-o", out_path]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if res.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {res.returncode}: {res.stderr.strip()[-500:]}")
    states, repeats = {}, 0
    with open(out_path, newline="") as f:
        for row in csv.DictReader(f):
            row = dict(row)
            row["namespace"] = row["namespace"] or None
            v = (key_of(row), row["version"])
            repeats += v in states
            states[v] = row["state"]
    return states, repeats


def check_plan(cabatch, plan, inventory, state_path, log_path, runs, workdir):
    """Returns (failures, figures) for one plan. `runs`: dicts with `start`, `end` (epoch seconds)
    and `hard` (killed without a chance to journal its answers)."""
    fails = []
    figures = {}

    def fail(msg, examples=()):
        examples = list(examples)
        fails.append(msg + (f" (e.g. {'; '.join(examples[:3])})" if examples else ""))

    _, by_id, planned = read_plan(plan)
    figures["versions"] = len(planned)
    names = {}
    for key in set(by_id.values()):
        names.setdefault(describe(key), key)

    initial = {}
    for row in read_jsonl(inventory):
        initial[(key_of(row), row["version"])] = row.get("status", "Published")
        names.setdefault(describe(key_of(row)), key_of(row))
    final = {}
    for row in read_jsonl(state_path):
        final[(key_of(row), row["version"])] = (row["status"], row["deletes"])

    # The journal, read here and by cabatch.
    journal = Journal(plan + ".journal", by_id, planned)
    for e in journal.errors:
        fail(e)
    figures["journal_records"] = journal.records
    figures["journal_runs"] = journal.runs
    try:
        status = cabatch_json([cabatch, "status", plan, "--output", "json"])
    except (RuntimeError, ValueError, IndexError) as e:
        fail(f"cabatch status: {e}")
        status = None
    figures["status"] = status
    if status is not None:
        if status.get("pending") or status.get("failed"):
            fail(f"cabatch status: {status.get('pending')} pending, {status.get('failed')} failed")
        for state in ("deleted", "absent", "changed", "failed", "pending"):
            said = status.get("done" if state == "deleted" else state)
            if said != journal.totals.get(state, 0):
                fail(f"cabatch status says {said} {state}, the journal replayed here {journal.totals.get(state, 0)}")
        if status.get("planned") != len(planned):
            fail(f"cabatch status says {status.get('planned')} planned, the plan has {len(planned)}")
    try:
        reported, repeats = report_states(cabatch, plan, os.path.join(workdir, "report.csv"))
    except (RuntimeError, KeyError) as e:
        fail(f"cabatch report: {e}")
        reported, repeats = None, 0
    if repeats:
        fail(f"cabatch report lists {repeats} versions more than once")
    if reported is not None and set(reported) != planned:
        fail(f"cabatch report lists {len(set(reported) - planned)} unplanned versions and misses {len(planned - set(reported))} planned ones")
    differ = [v for v in planned if reported is not None and reported.get(v) != journal.states[v]]
    if differ:
        fail(f"{len(differ)} versions where cabatch report's state differs from the journal replayed here",
             (f"{describe(k)} {ver}: report {reported.get((k, ver))}, replay {journal.states[(k, ver)]}" for k, ver in differ))
    if journal.totals.get("pending") or journal.totals.get("failed"):
        fail(f"the journal replayed here leaves {journal.totals.get('pending', 0)} pending, {journal.totals.get('failed', 0)} failed")

    # The emulator's state: deleted exactly once, or never held; nothing else touched.
    if set(final) != set(initial):
        fail(f"the state file has {len(set(final) - set(initial))} versions the inventory did not and misses {len(set(initial) - set(final))}")
    twice, left, held_absent, unheld_deleted, outside = [], [], [], [], []
    for v in planned:
        if v in initial:
            status_, deletes = final.get(v, (None, 0))
            if deletes > 1:
                twice.append(v)
            elif deletes != 1 or status_ != "Deleted":
                left.append(v)
        elif journal.states[v] != "absent":
            unheld_deleted.append(v)
        else:
            held_absent.append(v)
    for v, (status_, deletes) in final.items():
        if v not in planned and (deletes or status_ != initial.get(v)):
            outside.append(v)
    show = lambda vs: (f"{describe(k)} {ver}" for k, ver in vs)  # noqa: E731
    if twice:
        fail(f"{len(twice)} planned versions deleted more than once", show(twice))
    if left:
        fail(f"{len(left)} planned versions the emulator held were not deleted exactly once", show(left))
    if unheld_deleted:
        fail(f"{len(unheld_deleted)} planned versions the emulator never held are not absent in the journal", show(unheld_deleted))
    if outside:
        fail(f"{len(outside)} versions outside the plan were changed", show(outside))
    figures["never_held"] = len(held_absent)

    # The request log against the plan, the state file and the journal.
    deleted_by = collections.defaultdict(list)  # version -> log entries that deleted it
    named_outside, ops, faults, statuses = [], collections.Counter(), collections.Counter(), collections.Counter()
    mismatched = []
    answered_ids = set()
    for entry in read_jsonl(log_path):
        ops[entry.get("operation")] += 1
        if entry.get("operation") != "DeletePackageVersions":
            continue
        faults[entry.get("fault")] += 1
        statuses[entry.get("status")] += 1
        key = names.get(entry.get("package"))
        for version in entry.get("versions", []):
            if key is None or (key, version) not in planned:
                named_outside.append(f"{entry.get('package')} {version}")
        outcomes = entry.get("outcomes") or {}
        for version, outcome in outcomes.items():
            if outcome == "Deleted" and key is not None:
                deleted_by[(key, version)].append(entry)
        rid = entry.get("requestId")
        said = journal.answers.get(rid)
        if said is not None:
            answered_ids.add(rid)
            for (k, version), outcome in said.items():
                expected = {"done": "Deleted", "deleted": "Deleted", "absent": "NOT_FOUND", "not-found": "NOT_FOUND"}.get(outcome)
                if expected is None:
                    continue  # retryable or failed: nothing was done that the log must show
                logged = outcomes.get(version) if k == key else f"no outcome ({entry.get('package')})"
                if logged != expected:
                    mismatched.append(f"{rid}: journal {outcome} for {describe(k)} {version}, emulator {logged}")
    if named_outside:
        fail(f"{len(named_outside)} versions outside the plan named in delete requests", named_outside)
    if mismatched:
        fail(f"{len(mismatched)} journal answers disagree with the emulator's log for the same request id", mismatched)
    unlogged = set(journal.answers) - answered_ids
    if unlogged:
        fail(f"{len(unlogged)} request ids in the journal's answers are not in the emulator's log", sorted(unlogged))
    logged_twice = [v for v, es in deleted_by.items() if len(es) != final.get(v, (None, 0))[1]]
    if logged_twice:
        fail(f"{len(logged_twice)} versions whose Deleted outcomes in the log do not match their delete count", show(logged_twice))

    # `absent` though the emulator deleted it: only after a lost answer or a killed run.
    lost, killed, unexplained = 0, 0, []
    hard = [(r["start"], r["end"] + KILL_GRACE) for r in runs if r["hard"]]
    for v in planned:
        if journal.states[v] != "absent" or v not in initial:
            continue
        entries = deleted_by.get(v, [])
        if not entries:
            continue  # reported above as not deleted exactly once
        entry = entries[0]
        if entry.get("fault") in ("lost-500", "lost-drop"):
            lost += 1
        elif entry.get("requestId") not in journal.answers and any(a <= parse_time(entry["time"]) <= b for a, b in hard):
            killed += 1
        else:
            unexplained.append(f"{describe(v[0])} {v[1]} (request {entry.get('requestId')}, fault {entry.get('fault')}, "
                               f"at {entry.get('time')}, answer {'in' if entry.get('requestId') in journal.answers else 'not in'} the journal)")
    if unexplained:
        fail(f"{len(unexplained)} versions the journal calls absent were deleted by an answer that was neither lost nor cut off by a kill",
             unexplained)
    figures.update(
        deleted=journal.totals.get("deleted", 0), absent=journal.totals.get("absent", 0),
        absent_after_lost=lost, absent_after_kill=killed,
        requests=ops.get("DeletePackageVersions", 0), lists=ops.get("ListPackageVersions", 0),
        faults={str(k): n for k, n in faults.items() if k}, statuses={str(k): n for k, n in statuses.items()})
    return fails, figures


def main():
    p = argparse.ArgumentParser(description="Check a plan directory kept by the soak.")
    p.add_argument("dir")
    p.add_argument("--cabatch", default=".build-release/release/cabatch")
    a = p.parse_args()
    with open(os.path.join(a.dir, "runs.json")) as f:
        runs = json.load(f)
    fails, figures = check_plan(a.cabatch, os.path.join(a.dir, "soak.plan"), os.path.join(a.dir, "inventory.jsonl"),
                                os.path.join(a.dir, "emu.state.jsonl"), os.path.join(a.dir, "emu.emulator.log"),
                                runs, a.dir)
    json.dump(figures, sys.stdout, indent=1)
    print()
    for msg in fails:
        print("FAIL:", msg)
    print("PASS" if not fails else "FAIL")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
