"""Whole long-form articles, one or more per error class of issue 8 (`tests/fixtures/longform/`).

Every article is written for this repository (invented people and places); none comes from a
corpus. Each file names the event types it reports (none for a negative) and, optionally, the
killed figure of an event.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.core.detector import detect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "longform"


def _load(path: Path) -> tuple[str, str, list[str], dict[str, int]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    expected: list[str] = []
    killed: dict[str, int] = {}
    while lines and lines[0].startswith("# "):
        key, _, value = lines.pop(0)[2:].partition(":")
        value = value.strip()
        if key == "expected" and value != "none":
            expected = sorted(v.strip() for v in value.split(","))
        elif key == "killed":
            name, _, count = value.partition("=")
            killed[name.strip()] = int(count)
    title = lines.pop(0)
    return title, "\n".join(lines).strip(), expected, killed


ARTICLES = sorted(FIXTURES.glob("*.txt"))


def test_every_error_class_has_articles() -> None:
    classes = {p.read_text(encoding="utf-8").splitlines()[0] for p in ARTICLES}
    assert len(ARTICLES) >= 15 and len(classes) >= 9


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_longform_article(path: Path) -> None:
    title, text, expected, killed = _load(path)
    events = detect(title, text)
    assert sorted(e.type for e in events) == expected
    for event in events:
        assert event.evidence, event.type
        if event.type in killed:
            assert event.casualties.killed == killed[event.type]
