"""Adding an event type is one `EventSpec` in `taxonomy.EVENT_SPECS`: the rule engine, the
document stage, `explain` and the evaluation read the spec list, so a toy type added there is
detected, explained and scored with no other change (the text is written for this test)."""

from __future__ import annotations

from typing import get_args

import pytest

from agents.core.detector import taxonomy
from agents.core.detector.explain import explain
from agents.core.detector.rules import analyse
from agents.core.detector.salience import decide
from agents.core.detector.taxonomy import HYPOTHETICAL, NEGATION, EventSpec, SeverityWeights
from agents.core.detector.text import build_document
from agents.core.evaluation import evaluate, event_types
from agents.core.models import EventType

TOY = EventSpec(
    type="hijacking",  # type: ignore[arg-type]  # a toy name, not part of the wire schema
    strong=(r"\bhijack(?:ed|ing|ers?)\b",),
    groups=(),
    window=0,
    blockers=(NEGATION, HYPOTHETICAL),
    continuation=r"\b(?:passengers|crew|hostages)\b",
    severity=SeverityWeights(prior=12.0, any_casualty_bonus=0.0, death_bonus=0.0, casualty_log_weight=6.0),
)
TEXT = (
    "Armed men hijacked a regional flight over the lake on Monday and forced it to land. "
    "The passengers were released after six hours. Police fired tear gas at protesters outside the "
    "airport later that day."
)


@pytest.fixture
def with_toy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(taxonomy, "EVENT_SPECS", (*taxonomy.EVENT_SPECS, TOY))


@pytest.mark.usefixtures("with_toy")
def test_a_toy_type_is_detected_explained_and_scored_with_one_spec_entry() -> None:
    kept, verdicts = decide(analyse(build_document(None, TEXT)))
    assert sorted(c.spec.type for c in kept) == ["hijacking", "protest_violence"]
    toy = next(c for c in kept if c.spec.type == "hijacking")
    assert toy.evidence == [0, 1]  # the act and the sentence that continues it
    assert all(v.reason for v in verdicts)

    report = explain(None, TEXT)
    assert report["types"]["hijacking"]["verdict"]["kept"] is True
    assert report["types"]["hijacking"]["mentions"][0]["status"] == "strong cue"

    assert "hijacking" in event_types()
    gold = [
        {"id": "a", "text": TEXT, "labels": ["hijacking", "protest_violence"]},
        {"id": "b", "text": "Calm day.", "labels": []},
    ]
    predictions = {"a": [{"type": c.spec.type} for c in kept], "b": []}
    scored = evaluate(gold, predictions)
    assert scored.per_type["hijacking"].tp == 1 and scored.per_type["hijacking"].fp == 0
    assert scored.false_alerts == 0


def test_without_the_toy_spec_nothing_of_it_remains() -> None:
    kept, _ = decide(analyse(build_document(None, TEXT)))
    assert [c.spec.type for c in kept] == ["protest_violence"]
    assert "hijacking" not in event_types()


def test_the_wire_schema_lists_exactly_the_spec_types() -> None:
    # The one place besides the spec: the alert contract names the types subscribers may receive.
    assert set(get_args(EventType)) == {spec.type for spec in taxonomy.EVENT_SPECS}
