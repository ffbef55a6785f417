"""`tocsin classify --explain` and `tocsin eval` on both gold formats, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tocsin(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return proc.stdout


def test_classify_explain_shows_mentions_and_verdicts(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_text(
        "Mayor shot dead in Eastport\n\nGunmen shot dead the mayor of Eastport on Monday. His family said "
        "he had received threats. The council met in the evening. Later, protesters gathered and one man "
        "was hurt in a scuffle with police.\n"
    )
    out = tocsin("classify", "--explain", str(f))
    assert "events: assassination_attempt" in out
    assert "assassination_attempt: KEPT" in out
    assert "protest_violence: DROPPED" in out
    assert "bound in one clause" in out


def test_eval_reads_both_gold_formats_and_splits(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "s1",
            "text": "Gunmen shot dead the mayor of Eastport on Monday.",
            "labels": ["assassination_attempt"],
        },
        {"id": "s2", "text": "Shares rose on Monday.", "labels": ["unrelated"]},
        {"id": "l1", "text": "The council met on Monday to discuss the budget.", "labels": []},
        {"id": "l2", "text": "Thousands marched peacefully on Saturday.", "labels": ["peaceful_protest"]},
        {
            "id": "l3",
            "text": "Gunmen shot dead the mayor of Eastport on Monday. Police fired tear gas at protesters "
            "who tried to storm the city hall the next day.",
            "labels": ["assassination_attempt", "protest_violence"],
        },
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows))
    out = tocsin("eval", "--gold", str(gold))
    assert "items: 5" in out and "by source:" in out and "by length:" in out
    tune = tocsin("eval", "--gold", str(gold), "--split", "tune")
    check = tocsin("eval", "--gold", str(gold), "--split", "check")
    counts = [int(text.split("items: ")[1].split()[0]) for text in (tune, check)]
    assert sum(counts) == 5
