"""Detector cost in CPU instructions per article, this checkout against a git revision.

Run: .venv/bin/python bench/detector_instructions.py --against REV [--articles N] [--shared DIR]

The wall-clock bench (`bench/detector_speed.py`) is the speed figure, but on this shared 2-core
machine its medians move by 10-30 % between runs of the same tree, more than most changes cost or
save. Instructions retired do not depend on load: each tree runs `detect()` under valgrind's
callgrind once with one pass over the articles and once with none (the same imports and corpus
loading), and the difference divided by the number of articles is the detector's own cost. Both
trees are measured at once, one process per core. Needs `valgrind` (Debian package `valgrind`);
about a minute per group.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import detector_speed  # the bench's own corpus and tree extraction

_COLLECTED = re.compile(r"Collected : (\d+)")
_RUN = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2])
import detector_speed
from agents.core.detector import detect
articles = detector_speed.corpus(Path(sys.argv[3]))[sys.argv[4]][: int(sys.argv[5])]
for _ in range(int(sys.argv[6])):
    for title, body in articles:
        detect(title, body)
"""
GROUPS = (("long-form dev", 60), ("mix 1:12", 24), ("with events", 2))


def instructions(root: Path, shared: Path, group: str, n: int, passes: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={tmp}/out",
                sys.executable,
                "-c",
                _RUN,
                str(root),
                str(Path(__file__).resolve().parent),
                str(shared),
                group,
                str(n),
                str(passes),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    found = _COLLECTED.search(out.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from valgrind:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def per_article(root: Path, shared: Path, group: str, n: int) -> float:
    """Instructions of one pass over `n` articles less those of none, per article."""
    with ThreadPoolExecutor(2) as pool:
        one, none = pool.map(lambda p: instructions(root, shared, group, n, p), (1, 0))
    return (one - none) / n


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", metavar="REV", required=True, help="git revision to compare with")
    parser.add_argument("--articles", type=int, default=60, help="long-form articles to run (of 332)")
    parser.add_argument("--shared", metavar="DIR", type=Path, default=detector_speed.SHARED)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind not found: install it (apt-get install valgrind)")
    groups = [(name, args.articles if name.startswith("long") else n) for name, n in GROUPS]
    with tempfile.TemporaryDirectory() as tmp:
        detector_speed.extract(args.against, Path(tmp))
        trees = {args.against: Path(tmp), "now": detector_speed.ROOT}
        ratio = "now/" + args.against
        print(f"{'million instructions per article':<34}{args.against:>12}{'now':>12}{ratio:>16}")
        for name, n in groups:
            cost = {label: per_article(root, args.shared, name, n) for label, root in trees.items()}
            before, now = cost[args.against], cost["now"]
            print(f"{name + f' ({n})':<34}{before / 1e6:12.2f}{now / 1e6:12.2f}{now / before:16.3f}")


if __name__ == "__main__":
    main()
