#!/usr/bin/env python3
"""The boto3 peer of the execution benchmark: deletes every version of a manifest the way a
competent boto3 user would write it — versions grouped per package, chunks of 100, one shared
client, a ThreadPoolExecutor of N workers — and prints one JSON line of results.

Every attempt's answer is observed through botocore's `needs-retry` event (emitted once per
attempt, including the last one, before the retry handler decides), so the throttled answers,
server errors and connection errors counted here are the ones the client really received."""
import argparse
import io
import os
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

T_START = time.monotonic()

import boto3  # noqa: E402
import orjson  # noqa: E402
import zstandard  # noqa: E402
from botocore.config import Config  # noqa: E402

THROTTLE_CODES = {"ThrottlingException", "Throttling", "TooManyRequestsException",
                  "RequestLimitExceeded", "SlowDown", "ThrottledException"}


def read_manifest(path):
    """Yields the rows of a zstd (or plain) JSON Lines manifest."""
    with open(path, "rb") as raw:
        magic = raw.read(4)
        raw.seek(0)
        if magic == b"\x28\xb5\x2f\xfd":
            stream = zstandard.ZstdDecompressor().stream_reader(raw, read_size=1 << 20)
            text = io.BufferedReader(stream, buffer_size=1 << 20)
        else:
            text = raw
        for line in text:
            line = line.strip()
            if line:
                yield orjson.loads(line)


def plan(path, chunk):
    """Groups versions per package (first-seen order, duplicates collapsed), chunks of `chunk`."""
    groups = {}
    for row in read_manifest(path):
        key = (row["domain"], row.get("domainOwner"), row["repository"], row["format"],
               row.get("namespace"), row["package"])
        groups.setdefault(key, {})[row["version"]] = None
    requests = []
    for key, versions in groups.items():
        versions = list(versions)
        for i in range(0, len(versions), chunk):
            requests.append((key, versions[i:i + chunk]))
    return requests


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.attempts = 0
        self.ok_answers = 0
        self.throttled = 0
        self.server_errors = 0
        self.other_errors = 0
        self.connection_errors = 0

    def on_attempt(self, response=None, caught_exception=None, **_):
        with self.lock:
            self.attempts += 1
            if response is not None:
                http, parsed = response
                code = (parsed or {}).get("Error", {}).get("Code")
                if http.status_code == 429 or code in THROTTLE_CODES:
                    self.throttled += 1
                elif http.status_code >= 500:
                    self.server_errors += 1
                elif http.status_code >= 300:
                    self.other_errors += 1
                else:
                    self.ok_answers += 1
            elif caught_exception is not None:
                self.connection_errors += 1
        return None  # never influences the retry decision


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("manifest")
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--workers", type=int, default=16)
    p.add_argument("--retry-mode", choices=["legacy", "standard", "adaptive"], default="standard")
    p.add_argument("--max-attempts", type=int, default=None,
                   help="total attempts per call (botocore's default for the mode when omitted)")
    p.add_argument("--chunk", type=int, default=100)
    a = p.parse_args()

    requests = plan(a.manifest, a.chunk)
    planned_versions = sum(len(v) for _, v in requests)

    retries = {"mode": a.retry_mode}
    if a.max_attempts is not None:
        retries["max_attempts"] = a.max_attempts
    client = boto3.client("codeartifact", endpoint_url=a.endpoint_url, region_name=a.region,
                          config=Config(retries=retries, max_pool_connections=a.workers))
    counters = Counters()
    client.meta.events.register("needs-retry.codeartifact", counters.on_attempt)

    def delete(key, versions):
        domain, owner, repository, fmt, namespace, package = key
        params = {"domain": domain, "repository": repository, "format": fmt,
                  "package": package, "versions": versions}
        if owner:
            params["domainOwner"] = owner
        if namespace is not None:
            params["namespace"] = namespace
        return client.delete_package_versions(**params)

    deleted = not_found = failed = gave_up = calls_ok = calls_gave_up = 0
    failed_codes, exceptions = {}, {}
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()
    with ThreadPoolExecutor(a.workers) as pool:
        futures = {pool.submit(delete, key, versions): versions for key, versions in requests}
        for future in as_completed(futures):
            try:
                out = future.result()
            except Exception as exc:  # given up after the client's retries
                calls_gave_up += 1
                gave_up += len(futures[future])
                name = type(exc).__name__
                code = ((getattr(exc, "response", None) or {}).get("Error") or {}).get("Code")
                label = f"{name}:{code}" if code else name
                exceptions[label] = exceptions.get(label, 0) + 1
                continue
            calls_ok += 1
            deleted += len(out.get("successfulVersions") or {})
            for info in (out.get("failedVersions") or {}).values():
                code = info.get("errorCode", "?")
                if code == "NOT_FOUND":
                    not_found += 1
                else:
                    failed += 1
                    failed_codes[code] = failed_codes.get(code, 0) + 1
    elapsed = time.monotonic() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    cpu_exec = cpu - (cpu_before.ru_utime + cpu_before.ru_stime)
    result = {
        "tool": f"boto3-{a.retry_mode}",
        "boto3": boto3.__version__,
        "workers": a.workers,
        "retry_mode": a.retry_mode,
        "max_attempts": a.max_attempts if a.max_attempts is not None else "default (3)",
        "requests": len(requests),
        "versions_planned": planned_versions,
        "versions_deleted": deleted,
        "versions_not_found": not_found,
        "versions_failed": failed,
        "failed_codes": failed_codes,
        "gave_up": gave_up,
        "calls_ok": calls_ok,
        "calls_gave_up": calls_gave_up,
        "exceptions": exceptions,
        "attempts": counters.attempts,
        "ok_answers": counters.ok_answers,
        "throttled": counters.throttled,
        "server_errors": counters.server_errors,
        "other_errors": counters.other_errors,
        "connection_errors": counters.connection_errors,
        "elapsed": round(elapsed, 4),
        "total_elapsed": round(time.monotonic() - T_START, 4),
        "versions_per_s": round(deleted / elapsed, 1) if elapsed else None,
        "requests_per_s": round(calls_ok / elapsed, 2) if elapsed else None,
        "cpu_seconds": round(cpu, 3),
        "cpu_seconds_exec": round(cpu_exec, 3),
        "cpu_ms_per_request": round(1000 * cpu / len(requests), 3) if requests else None,
    }
    sys.stdout.write(orjson.dumps(result).decode() + "\n")
    return 0 if gave_up == 0 and failed == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
