"""`python -m bench.against REV`: the worker of this checkout and of git revision REV, side by side.

What a change to the shell costs (issue 13: in-order admission and alert-before-story): full-pipeline
throughput and article -> signed webhook latency, each measured for both workers, alternated over
`--rounds` so the shared machine's noise falls on both alike. Prints a Markdown table with the
median of each figure and the ratio now / REV.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

from bench import pipeline
from bench.corpus import generate
from bench.kafka_io import delete_topics
from bench.run import detector_alone, expected_events, progress
from streams.local import REPO_ROOT, ensure_broker


def extract(rev: str, into: Path) -> None:
    """The worker's code (agents, streams) at `rev`, as a tree a subprocess can run from."""
    archive = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "archive", rev, "agents", "streams"], capture_output=True, check=True
    )
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


async def one(
    root: Path, label: str, args: argparse.Namespace, bootstrap: str, workdir: Path
) -> dict[str, Any]:
    run = f"{time.strftime('%H%M%S')}-{secrets.token_hex(2)}-{label}"
    parts = 4
    full = generate(
        args.n_full, seed=2, prefix=f"{run}-f-", alert_share=0.075, first_alerting=parts, last_alerting=parts
    )
    want, _ = expected_events(full)
    det = detector_alone(full[:400], 1.0)
    progress(f"{label}: full pipeline, {len(full)} articles")
    fp = await pipeline.full_pipeline(
        bootstrap,
        full,
        want,
        run=run,
        partitions=parts,
        workdir=workdir,
        detector=det,
        root=root,
    )
    progress(f"{label}: latency at {args.rate}/s for {args.duration:.0f} s")
    lat = await pipeline.latency(
        bootstrap,
        run=run,
        rates=[args.rate],
        duration_s=args.duration,
        drain_s=30,
        partitions=parts,
        workdir=workdir,
        seed=3,
        alert_share=0.075,
        progress=progress,
        root=root,
    )
    await delete_topics(bootstrap, [*fp.pop("topics").values(), *lat.pop("topics").values()])
    [r] = lat["rates"]
    return {
        "rate": fp["rate"],
        "complete": fp["complete"],
        "p50": r["p50_ms"],
        "p99": r["p99_ms"],
        "delivered": r["delivered_share"],
    }


async def main_async(args: argparse.Namespace) -> int:
    bootstrap = ensure_broker()
    workdir = Path(tempfile.mkdtemp(prefix="tocsin-against-"))
    old = workdir / "rev"
    extract(args.rev, old)
    runs: dict[str, list[dict[str, Any]]] = {args.rev: [], "now": []}
    for _ in range(args.rounds):
        runs[args.rev].append(await one(old, "rev", args, bootstrap, workdir))
        runs["now"].append(await one(REPO_ROOT, "now", args, bootstrap, workdir))

    def med(label: str, key: str) -> float:
        return statistics.median(float(r[key] or 0) for r in runs[label])

    print(f"\n{args.rounds} alternating rounds; logs in {workdir}\n")
    print(f"| measure | {args.rev} | now | now / {args.rev} |\n| --- | ---: | ---: | ---: |")
    rows = [
        ("full pipeline, articles/s", "rate"),
        (f"latency p50 at {args.rate}/s, ms", "p50"),
        (f"latency p99 at {args.rate}/s, ms", "p99"),
        ("alerts delivered (share)", "delivered"),
    ]
    for name, key in rows:
        a, b = med(args.rev, key), med("now", key)
        print(f"| {name} | {a:,.1f} | {b:,.1f} | {b / a if a else float('nan'):.2f} |")
    ok = all(r["complete"] for rs in runs.values() for r in rs)
    print("" if ok else "\nwarning: a full-pipeline run did not see every expected alert")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.against", description=__doc__.splitlines()[0])
    p.add_argument("rev", help="git revision to compare with (e.g. the commit before a change)")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--n-full", dest="n_full", type=int, default=8000)
    p.add_argument("--rate", type=int, default=300)
    p.add_argument("--duration", type=float, default=30.0)
    return asyncio.run(main_async(p.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
