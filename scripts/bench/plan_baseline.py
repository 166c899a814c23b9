#!/usr/bin/env python3
"""The peer of `cabatch plan` in the planner benchmark: what a user would write with the
zstandard and orjson packages — stream the manifest, parse each line, group versions per
package in dicts, cut into chunks of 100. It does not validate rows or write a plan file."""
import io
import math
import sys
from collections import defaultdict

import orjson
import zstandard


def main(path):
    groups = defaultdict(set)
    rows = 0
    with open(path, "rb") as raw:
        magic = raw.read(4)
        raw.seek(0)
        stream = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True) if magic == b"\x28\xb5\x2f\xfd" else raw
        for line in io.BufferedReader(stream, buffer_size=1 << 20):
            if not line.strip():
                continue
            row = orjson.loads(line)
            key = (row["domain"], row.get("domainOwner"), row["repository"], row["format"],
                   row.get("namespace"), row["package"])
            groups[key].add(row["version"])
            rows += 1
    requests = sum(math.ceil(len(v) / 100) for v in groups.values())
    versions = sum(len(v) for v in groups.values())
    print(f"rows={rows} packages={len(groups)} requests={requests} versions={versions}")


if __name__ == "__main__":
    main(sys.argv[1])
