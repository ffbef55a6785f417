"""The reference article (shared/seed) must come out as TAXONOMY.md describes."""

from __future__ import annotations

import os

import pytest

from agents.core.detector import detect
from agents.core.models import Event, Level
from tests.conftest import SHARED

SEED = SHARED / "seed" / "000_78f6cbf00fa3014e.txt"


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"seed article missing in CI: {SEED}")
        pytest.skip(f"seed article not present at {SEED} (../shared is outside the repo)")
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    return detect(title, body)


def _one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1
    return found[0]


@pytest.mark.shared
def test_seed_raises_exactly_two_events(seed_events: list[Event]) -> None:
    assert sorted(e.type for e in seed_events) == ["assassination_attempt", "protest_violence"]


@pytest.mark.shared
def test_seed_assassination_attempt(seed_events: list[Event]) -> None:
    event = _one(seed_events, "assassination_attempt")
    assert event.severity.level == Level.CRITICAL
    assert event.outcome == "unharmed"
    # The prime minister was unharmed and nobody died: killed is 0, not unknown.
    assert event.casualties.killed == 0
    assert event.casualties.injured == 7
    assert event.entities.target is not None
    assert event.entities.target.name == "Mustafa al-Kadhimi"
    assert event.entities.target.role == "Prime Minister"
    names = {p.name: p.country_code for p in event.entities.places}
    assert names.get("Baghdad") == "IQ"
    assert names.get("Green Zone") == "IQ"
    assert {"drone"} <= set(event.entities.weapons)


@pytest.mark.shared
def test_seed_protest_violence(seed_events: list[Event]) -> None:
    event = _one(seed_events, "protest_violence")
    assert event.severity.level == Level.HIGH
    assert event.casualties.killed == 1
    assert event.casualties.injured == 12  # "Dozens of security forces" -> 12 (ACLED)
    assert {"tear gas", "live ammunition"} <= set(event.entities.weapons)
    # "pro-Iran militias" names an allegiance, not a place: the clashes were at Baghdad's Green Zone.
    names = {p.name: p.country_code for p in event.entities.places}
    assert names.get("Green Zone") == "IQ"
    assert "Iran" not in names


@pytest.mark.shared
def test_seed_also_read_headline_is_not_evidence(seed_events: list[Event]) -> None:
    for event in seed_events:
        assert not any("Riham" in sentence or "ALSO READ" in sentence for sentence in event.evidence)
