"""Throughput of detect() on 3-5 KB articles, one core. Run: .venv/bin/python bench/detector_speed.py

Prints three rates measured in the same run on the same inputs: articles that raise events (the
seed article, alone and padded), articles that raise none, and a stream mix where one article in
twelve (~8 %) raises an event, as in the live feed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from agents.core.detector import detect

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_78f6cbf00fa3014e.txt"
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


def rate(articles: Sequence[Article], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        title, body = articles[i % len(articles)]
        detect(title, body)
    return n / (time.perf_counter() - start)


def main() -> None:
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    events: list[Article] = [(title, body + FILLER * 3), (title, body + FILLER * 10)]
    quiet: list[Article] = [(None, FILLER * 20), (None, NEWSY * 12), (None, (FILLER + NEWSY) * 8)]
    mix: list[Article] = [events[i % 2] if i % 12 == 0 else quiet[i % 3] for i in range(24)]
    detect(title, body)  # warm the gazetteer and regex caches
    for name, group, n in (
        ("with events", events, 1000),
        ("no events", quiet, 3000),
        ("mix 1:12", mix, 3000),
    ):
        sizes = sorted({len(t or "") + len(b) for t, b in group})
        print(f"{name:<12} sizes {sizes[0]}-{sizes[-1]} bytes: {rate(group, n):7.0f} articles/s")


if __name__ == "__main__":
    main()
