"""Rule-based, explainable event detector: `detect(title, text, published=None) -> list[Event]`.

Pipeline: strip page furniture and split sentences (`text`), mask figurative phrases and find the
sentences that raise each type of the data-driven taxonomy (`taxonomy`, `rules`), then read each
event's casualties, target, places, weapons and outcome from its own evidence sentences only, and
score its severity with explicit factors (`severity`).
"""

from __future__ import annotations

from datetime import date, datetime

from agents.core.detector.casualties import CODED_TOTAL, DISPUTED_TOLL, count_casualties, suicide_attackers
from agents.core.detector.context import elsewhere
from agents.core.detector.coref import context_name, context_roles
from agents.core.detector.dates import event_date
from agents.core.detector.entities import find_outcome, find_target, weapons
from agents.core.detector.places import GOVERNMENT_DISTRICTS, find_places
from agents.core.detector.rules import Analysis, Candidate, analyse, blocked
from agents.core.detector.salience import decide
from agents.core.detector.severity import SeverityInput, score
from agents.core.detector.text import build_document
from agents.core.models import Casualties, Entities, Event, Place

__all__ = ["detect"]

MAX_EVIDENCE = 8


def _confidence(candidate: Candidate) -> float:
    value = 0.55 + 0.06 * len(candidate.core) + (0.2 if candidate.strong else 0.0)
    return round(min(0.98, value), 2)


BLOCK_GAP = 2  # sentences: evidence further apart than this tells another episode


def salient_block(candidate: Candidate) -> list[int]:
    """The evidence sentences that tell the salient mention: the run of evidence (no gap wider than
    `BLOCK_GAP`) holding the first core mention. A section that tells several episodes of one type
    (a history of attacks, waves of riots) gives the toll of the episode it leads with, not the
    largest figure of any of them."""
    evidence = [i for i in candidate.evidence if i not in candidate.context]
    if not evidence or not candidate.core:
        return list(evidence)
    blocks: list[list[int]] = [[evidence[0]]]
    for i in evidence[1:]:
        if i - blocks[-1][-1] > BLOCK_GAP:
            blocks.append([])
        blocks[-1].append(i)
    first = min(candidate.core)
    return next(block for block in blocks if first in block)


def _attack_before_target(analysis: Analysis, candidate: Candidate, block: list[int], lede: int) -> list[int]:
    """A report that tells the attack first and names whom it hit only later ("gunmen fired on a
    residence ... one guard died ... The residence is that of the minister"): the attack's sentences
    right before the first bound mention, each at most BLOCK_GAP from the next, give the toll too.
    Only when the lede itself tells the attack, so the run is this event's and not background."""
    spec = candidate.spec
    anchor = spec.groups[0] if spec.groups else ()

    def tells(i: int) -> bool:
        return (
            (analysis.any_at(anchor, i) or analysis.matches_at(spec.continuation, i))
            and not blocked(analysis, spec, i, continuation=True)
            and not elsewhere(analysis.doc.sentences[i])
        )

    if not tells(lede):
        return block
    run: list[int] = []
    last = block[0]
    for i in range(block[0] - 1, lede, -1):
        if last - i > BLOCK_GAP:
            return block
        if tells(i):
            run.append(i)
            last = i
    if last - lede > BLOCK_GAP:
        return block
    # the lede itself is the attack's first sentence (it tells it, checked above), with its toll
    return [lede, *sorted(run), *block]


def counted_block(candidate: Candidate, analysis: Analysis) -> list[int]:
    """The sentences the toll is read from: the salient block, and the lede right before it when the
    lede still reports this event (a continuation cue, not blocked, not about another event). A lede
    that is no evidence ("Police used tear gas to clear a road blockade ..., and 12 people were
    injured in the clashes") still gives the narrated event's toll."""
    block = salient_block(candidate)
    lede = 1 if analysis.doc.has_title else 0
    if lede and block == [0]:
        # the headline held the first mention, and a page's byline and standfirst stand between it
        # and the body: the body's first run of evidence tells the same event, with its toll
        body = [i for i in candidate.evidence if i > 0 and i not in candidate.context]
        run = body[:1]
        for i in body[1:]:
            if i - run[-1] > BLOCK_GAP:
                break
            run.append(i)
        block = [0, *run]
    spec = candidate.spec
    if block and block[0] > lede + 1 and spec.needs_target:
        block = _attack_before_target(analysis, candidate, block, lede)
    if not block or block[0] != lede + 1:
        return block
    if (
        analysis.matches_at(spec.continuation, lede)
        and not blocked(analysis, spec, lede, continuation=True)
        and not elsewhere(analysis.doc.sentences[lede])
    ):
        return [lede, *block]
    return block


def _build_event(
    candidate: Candidate,
    analysis: Analysis,
    article_places: _ArticlePlaces,
    published: date | datetime | None,
) -> Event:
    spec = candidate.spec
    sentences = [analysis.doc.sentences[i] for i in candidate.evidence if i not in candidate.context]
    all_sentences = analysis.doc.sentences
    counted = [analysis.doc.sentences[i] for i in counted_block(candidate, analysis)]
    casualties = count_casualties(counted, disputed=DISPUTED_TOLL.search(analysis.lower) is not None)
    # the target's role may come from an introduction before the attack (`Candidate.context`)
    read = [i for i in candidate.evidence if i not in candidate.context] + sorted(candidate.context)
    roles = (
        [
            context_roles(analysis, candidate, i) if i in candidate.context else analysis.roles_at(i)
            for i in read
        ]
        if spec.needs_target
        else None
    )
    target, tier = (
        find_target([analysis.doc.sentences[i] for i in read], roles=roles)
        if spec.needs_target
        else (None, None)
    )
    if target is not None and target.name is None and candidate.context:
        # the role came from the person's introduction: so does the name ("Ilse Varga served as ...")
        name = context_name(analysis, candidate)
        if name is not None:
            target = target.model_copy(update={"name": name})
    outcome = find_outcome(sentences, target) if spec.needs_target else None
    if spec.needs_target:
        # The target's own fate fills in a count the text leaves implicit.
        if casualties.killed is None:
            casualties = Casualties(killed=1 if outcome == "killed" else 0, injured=casualties.injured)
        elif outcome == "killed" and casualties.killed == 0:
            casualties = Casualties(killed=1, injured=casualties.injured)
        if outcome == "injured" and not casualties.injured:
            casualties = Casualties(killed=casualties.killed, injured=1)
    bombers = 0 if CODED_TOTAL.search(analysis.lower) else suicide_attackers(counted)
    if bombers and casualties.killed is not None:
        casualties = Casualties(killed=casualties.killed + bombers, injured=casualties.injured)
    places = find_places(sentences)
    if not places or any(p.country_code is None for p, _ in places):
        # Only then read the whole article: a district named without its city ("the Green Zone")
        # takes the article's country; an event without a place in its evidence, the article's.
        whole = article_places.get(all_sentences)
        places = places or whole[:3]
        fallback = next((p.country_code for p, _ in whole if p.country_code), None)
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
        # the introduction that gave the target's role comes last: part of why the event fired
        evidence=(sentences + [all_sentences[i] for i in sorted(candidate.context)])[:MAX_EVIDENCE],
        outcome=outcome,
        entities=Entities(target=target, places=[p for p, _ in places], weapons=weapon_labels),
        occurred_on=event_date(sentences, published),
    )


class _ArticlePlaces:
    """The whole article's places, read at most once per article however many events need them."""

    def __init__(self) -> None:
        self._value: list[tuple[Place, bool]] | None = None

    def get(self, sentences: list[str]) -> list[tuple[Place, bool]]:
        if self._value is None:
            self._value = find_places(sentences)
        return self._value


def _is_district(name: str) -> bool:
    return bool(GOVERNMENT_DISTRICTS.fullmatch(name))


def detect(title: str | None, text: str, published: date | datetime | None = None) -> list[Event]:
    """All events of the taxonomy that this article reports, each with its own evidence.

    `published` (the article's publication time, when known) resolves relative dates in the
    evidence ("on Tuesday", "yesterday") into `occurred_on`."""
    doc = build_document(title, text)
    if not doc.sentences:
        return []
    analysis = analyse(doc)
    article_places = _ArticlePlaces()
    kept, _ = decide(analysis)
    return [_build_event(candidate, analysis, article_places, published) for candidate in kept]
