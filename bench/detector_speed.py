"""Throughput of detect() on 3-5 KB articles, one core.

Run: .venv/bin/python bench/detector_speed.py [--against REV] [--rounds N] [--shared DIR]

Prints three rates on the same inputs: articles that raise events (the seed article, padded),
articles that raise none, and a stream mix where one article in twelve (~8 %) raises an event,
as in the live feed; and, when `DIR/corpus/dev_longform.jsonl` is there (`--shared`, default
`../shared`), every article of that long-form development set in turn (read by path, never
copied). With `--against REV` the detector of that git revision (`git archive`, into
a temporary directory) is measured side by side in the same run: two worker processes, one per
version, take turns on each group for `--rounds` rounds, and the median of each is printed, so
load from other work on the machine falls on both alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = "seed/000_78f6cbf00fa3014e.txt"
LONGFORM = "corpus/dev_longform.jsonl"
FILLER = (
    "The finance ministry published its quarterly figures on Monday, showing exports rose for a third month. "
    "Analysts in the capital said the central bank was likely to hold rates steady at its next meeting. "
)
# A no-event article that still uses trigger-adjacent words (police, officials, attack in sport).
NEWSY = (
    "Police said the new traffic rules would take effect next week after officials in the city council "
    "approved them. The home side's attack looked sharp in the second half and the coach praised the fans. "
    "Residents said the road works had caused delays, and the mayor promised to finish them before winter. "
)
Article = tuple[str | None, str]
GROUPS = (("with events", 1000), ("no events", 3000), ("mix 1:12", 3000), ("long-form dev", 332))


def corpus(shared: Path) -> dict[str, list[Article]]:
    seed = shared / SEED
    if not seed.exists():
        raise SystemExit(f"seed article not found at {seed}: pass --shared DIR (the directory holding seed/)")
    title, _, body = seed.read_text(encoding="utf-8").partition("\n")
    events: list[Article] = [(title, body + FILLER * 3), (title, body + FILLER * 10)]
    quiet: list[Article] = [(None, FILLER * 20), (None, NEWSY * 12), (None, (FILLER + NEWSY) * 8)]
    mix: list[Article] = [events[i % 2] if i % 12 == 0 else quiet[i % 3] for i in range(24)]
    groups = {"with events": events, "no events": quiet, "mix 1:12": mix}
    longform = shared / LONGFORM
    if longform.exists():
        records = [json.loads(line) for line in longform.read_text(encoding="utf-8").splitlines() if line]
        groups["long-form dev"] = [(r.get("title"), r["text"]) for r in records]
    return groups


def rate(detect: Callable[[str | None, str], object], articles: Sequence[Article], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        title, body = articles[i % len(articles)]
        detect(title, body)
    return n / (time.perf_counter() - start)


def sizes(articles: Sequence[Article]) -> str:
    found = sorted({len(t or "") + len(b) for t, b in articles})
    return f"{found[0]}-{found[-1]} bytes"


def worker(root: str, shared: Path) -> None:
    """Answer "group n" lines on stdin with a rate, using the detector found under `root`."""
    sys.path.insert(0, root)
    from agents.core.detector import detect

    groups = corpus(shared)
    detect(*groups["with events"][0])  # warm the gazetteer and regex caches
    print("ready", flush=True)
    for line in sys.stdin:
        name, _, n = line.strip().rpartition(" ")
        print(json.dumps(rate(detect, groups[name], int(n))), flush=True)


class Worker:
    def __init__(self, root: Path, shared: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(root), "--shared", str(shared)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"bench worker for {root} did not start")

    def rate(self, name: str, n: int) -> float:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{name} {n}\n")
        self.proc.stdin.flush()
        return float(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def extract(rev: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "agents"], capture_output=True, check=True
    )
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", metavar="REV", help="also measure the detector of this git revision")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shared", metavar="DIR", type=Path, default=SHARED, help="holds seed/ and corpus/")
    parser.add_argument("--worker", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.shared)
        return
    groups = corpus(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        workers = {"now": Worker(ROOT, args.shared)}
        if args.against:
            extract(args.against, Path(tmp))
            workers = {args.against: Worker(Path(tmp), args.shared), "now": workers["now"]}
        results: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for name, n in GROUPS:
                if name not in groups:
                    continue
                for label, w in workers.items():
                    results.setdefault((name, label), []).append(w.rate(name, n))
        for w in workers.values():
            w.close()
    header = "".join(f"{label:>14}" for label in workers)
    print(f"{'articles/s (median of ' + str(args.rounds) + ')':<40}{header}")
    for name, _ in GROUPS:
        if name not in groups:
            continue
        cells = "".join(f"{statistics.median(results[(name, label)]):14.0f}" for label in workers)
        print(f"{name:<12} {sizes(groups[name]):<27}{cells}")


if __name__ == "__main__":
    main()
