"""How often thin protest-violence evidence is right, at the detector of a given revision.

Run: .venv/bin/python bench/thin_protest_gate.py --rev REV --gold FILE [--gold FILE ...] [--split tune]

For every protest_violence event the detector of REV (`git archive`, into a temporary directory)
raises on the gold items of the split, prints whether it is "thin" (no strong cue, at most two
mentions, no casualty counted, a news report of more than 1,000 characters: the shape
`salience._thin` abstains on) and whether the gold labels hold the type. Run it at the commit each
probe batch arrived at (`tests/fixtures/probes/README.md`) to see the rule's evidence on text the
rules had not been fitted to (docs/decisions.md, "A long news report's thin protest evidence").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORKER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from agents.core.detector import detect
from agents.core.detector.rules import analyse
from agents.core.detector.text import build_document
for line in sys.stdin:
    item = json.loads(line)
    news = analyse(build_document(item.get("title"), item["text"])).is_news()
    for e in detect(item.get("title"), item["text"]):
        if e.type == "protest_violence":
            thin = (e.confidence <= 0.67 and len(item["text"]) > 1000 and news
                    and not e.casualties.killed and not e.casualties.injured)
            print(json.dumps({"thin": thin, "right": "protest_violence" in item["labels"]}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True)
    parser.add_argument("--gold", action="append", required=True)
    parser.add_argument("--split", choices=("tune", "check"), default="tune")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from agents.core.evaluation import split_of

    items = []
    for gold in args.gold:
        if not Path(gold).is_file():
            print(f"gold file not found: {gold}", file=sys.stderr)
            return 2
        for line in Path(gold).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                labels = item["labels"] if isinstance(item["labels"], list) else [item["labels"]]
                if split_of(item["id"]) == args.split:
                    items.append({"title": item.get("title"), "text": item["text"], "labels": labels})
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "agents"], capture_output=True)
        if archive.returncode != 0:
            print(f"unknown revision {args.rev!r}: {archive.stderr.decode().strip()}", file=sys.stderr)
            return 2
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        out = subprocess.run(
            [sys.executable, "-c", _WORKER, tmp],
            input="".join(json.dumps(i) + "\n" for i in items),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    counts = Counter((row["thin"], row["right"]) for row in map(json.loads, out.splitlines()))
    for thin in (True, False):
        right, wrong = counts[(thin, True)], counts[(thin, False)]
        print(f"{'thin' if thin else 'other'} protest events: {right} right, {wrong} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
