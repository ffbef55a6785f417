"""Rule-based, explainable event detector: `detect(title, text) -> list[Event]`.

Pipeline: strip page furniture and split sentences (`text`), mask figurative phrases and find the
sentences that raise each type of the data-driven taxonomy (`taxonomy`, `rules`), then read each
event's casualties, target, places, weapons and outcome from its own evidence sentences only, and
score its severity with explicit factors (`severity`).
"""

from __future__ import annotations

from agents.core.detector.casualties import count_casualties
from agents.core.detector.entities import find_outcome, find_target, weapons
from agents.core.detector.places import GOVERNMENT_DISTRICTS, find_places
from agents.core.detector.rules import Candidate, analyse, find_candidates
from agents.core.detector.severity import SeverityInput, score
from agents.core.detector.text import build_document
from agents.core.models import Casualties, Entities, Event

__all__ = ["detect"]

MAX_EVIDENCE = 8


def _confidence(candidate: Candidate) -> float:
    value = 0.55 + 0.06 * len(candidate.core) + (0.2 if candidate.strong else 0.0)
    return round(min(0.98, value), 2)


def _build_event(candidate: Candidate, sentences: list[str], all_sentences: list[str]) -> Event:
    spec = candidate.spec
    casualties = count_casualties(sentences)
    target, tier = find_target(sentences) if spec.needs_target else (None, None)
    outcome = find_outcome(sentences, target) if spec.needs_target else None
    if spec.needs_target:
        # The target's own fate fills in a count the text leaves implicit.
        if casualties.killed is None:
            casualties = Casualties(killed=1 if outcome == "killed" else 0, injured=casualties.injured)
        elif outcome == "killed" and casualties.killed == 0:
            casualties = Casualties(killed=1, injured=casualties.injured)
        if outcome == "injured" and not casualties.injured:
            casualties = Casualties(killed=casualties.killed, injured=1)
    places = find_places(sentences)
    if not places or any(p.country_code is None for p, _ in places):
        # Only then read the whole article: a district named without its city ("the Green Zone")
        # takes the article's country; an event without a place in its evidence, the article's.
        article_places = find_places(all_sentences)
        places = places or article_places[:3]
        fallback = next((p.country_code for p, _ in article_places if p.country_code), None)
        places = [
            (p if p.country_code else p.model_copy(update={"country_code": fallback}), f) for p, f in places
        ]
    weapon_labels = weapons(sentences)
    severity = score(
        SeverityInput(
            weights=spec.severity,
            casualties=casualties,
            tier=tier,
            uses_target=spec.needs_target,
            weapons=tuple(weapon_labels),
            capital=any(special and not _is_district(p.name) for p, special in places),
            government_district=any(special and _is_district(p.name) for p, special in places),
            outcome=outcome,
            evidence_text=" ".join(sentences),
        )
    )
    return Event(
        type=spec.type,
        confidence=_confidence(candidate),
        severity=severity,
        casualties=casualties,
        evidence=sentences[:MAX_EVIDENCE],
        outcome=outcome,
        entities=Entities(target=target, places=[p for p, _ in places], weapons=weapon_labels),
    )


def _is_district(name: str) -> bool:
    return bool(GOVERNMENT_DISTRICTS.fullmatch(name))


def detect(title: str | None, text: str) -> list[Event]:
    """All events of the taxonomy that this article reports, each with its own evidence."""
    doc = build_document(title, text)
    if not doc.sentences:
        return []
    analysis = analyse(doc)
    events = []
    for candidate in find_candidates(analysis):
        sentences = [doc.sentences[i] for i in candidate.evidence]
        events.append(_build_event(candidate, sentences, doc.sentences))
    return events
