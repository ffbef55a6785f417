"""Throughput of detect() on 3-5 KB articles, one core. Run: .venv/bin/python bench/detector_speed.py"""

from __future__ import annotations

import time
from pathlib import Path

from agents.core.detector import detect

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_78f6cbf00fa3014e.txt"
FILLER = (
    "The finance ministry published its quarterly figures on Monday, showing exports rose for a third month. "
    "Analysts in the capital said the central bank was likely to hold rates steady at its next meeting. "
)


def main() -> None:
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    articles = [(title, body), (None, FILLER * 35), (title, body + FILLER * 10)]
    sizes = [len(t or "") + len(b) for t, b in articles]
    detect(title, body)  # warm the gazetteer and regex caches
    n = 3000
    start = time.perf_counter()
    for i in range(n):
        t, b = articles[i % len(articles)]
        detect(t, b)
    elapsed = time.perf_counter() - start
    print(f"article sizes {sizes} bytes; {n / elapsed:.0f} articles/s")


if __name__ == "__main__":
    main()
