#!/usr/bin/env python3
"""The boto3 peer of the export benchmark: lists a domain into an inventory the way a competent
boto3 user would write it — botocore's paginators for ListRepositoriesInDomain, ListPackages and
ListPackageVersions (1,000 per page, sortBy PUBLISHED_TIME), one shared client, the packages'
listings on a ThreadPoolExecutor of N workers — writes one JSON line per version (zstd), and
prints one JSON line of results. Attempts are observed through botocore's `needs-retry` event,
as in the apply peer."""
import argparse
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

T_START = time.monotonic()

import boto3  # noqa: E402
import orjson  # noqa: E402
import zstandard  # noqa: E402
from botocore.config import Config  # noqa: E402

from apply_peer_boto3 import Counters  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--domain", required=True)
    p.add_argument("--endpoint-url", required=True)
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--workers", type=int, default=16)
    p.add_argument("--retry-mode", choices=["legacy", "standard", "adaptive"], default="standard")
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()

    client = boto3.client("codeartifact", endpoint_url=a.endpoint_url, region_name=a.region,
                          config=Config(retries={"mode": a.retry_mode}, max_pool_connections=a.workers))
    counters = Counters()
    client.meta.events.register("needs-retry.codeartifact", counters.on_attempt)
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()

    repositories = []
    for page in client.get_paginator("list_repositories_in_domain").paginate(
            domain=a.domain, PaginationConfig={"PageSize": 1000}):
        repositories += [r["name"] for r in page["repositories"]]
    packages = []
    for repository in sorted(repositories):
        for page in client.get_paginator("list_packages").paginate(
                domain=a.domain, repository=repository, PaginationConfig={"PageSize": 1000}):
            packages += [(repository, p) for p in page["packages"]]

    def versions(item):
        repository, package = item
        params = {"domain": a.domain, "repository": repository, "format": package["format"],
                  "package": package["package"], "sortBy": "PUBLISHED_TIME"}
        if package.get("namespace") is not None:
            params["namespace"] = package["namespace"]
        rows, default = [], None
        for page in client.get_paginator("list_package_versions").paginate(**params, PaginationConfig={"PageSize": 1000}):
            default = page.get("defaultDisplayVersion", default)
            rows += page["versions"]
        rows.reverse()  # newest first from the service
        lines = []
        for rank, v in enumerate(rows, 1):
            row = {"domain": a.domain, "repository": repository, "format": package["format"]}
            if package.get("namespace") is not None:
                row["namespace"] = package["namespace"]
            row.update({"package": package["package"], "version": v["version"], "status": v["status"],
                        "revision": v.get("revision"), "origin": (v.get("origin") or {}).get("originType"),
                        "defaultDisplayVersion": v["version"] == default, "publishRank": rank})
            lines.append(orjson.dumps(row) + b"\n")
        return b"".join(lines), len(rows)

    written = 0
    failures = {}
    with open(a.output, "wb") as raw, zstandard.ZstdCompressor(level=3).stream_writer(raw) as out:
        with ThreadPoolExecutor(a.workers) as pool:
            for result in pool.map(lambda item: _guarded(versions, item), packages):
                if isinstance(result, Exception):
                    name = type(result).__name__
                    failures[name] = failures.get(name, 0) + 1
                    continue
                out.write(result[0])
                written += result[1]
    elapsed = time.monotonic() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(orjson.dumps({
        "repositories": len(repositories), "packages": len(packages), "versions": written,
        "packages_failed": sum(failures.values()), "failures": failures,
        "attempts": counters.attempts, "ok_answers": counters.ok_answers, "throttled": counters.throttled,
        "server_errors": counters.server_errors, "connection_errors": counters.connection_errors,
        "elapsed": elapsed, "startup": t0 - T_START,
        "cpu": (usage.ru_utime - cpu_before.ru_utime) + (usage.ru_stime - cpu_before.ru_stime),
        "max_rss_kib": usage.ru_maxrss,
    }).decode())


def _guarded(function, item):
    try:
        return function(item)
    except Exception as exc:  # given up after the client's retries
        return exc


if __name__ == "__main__":
    sys.exit(main())
