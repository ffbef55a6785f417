"""One event, one story: does this report join an open story, and is it news for subscribers?

Single-pass clustering (Miranda et al. 2018's shape, hand-weighted): each report is scored against
the open stories of its type and country (its partition key, so they all live on one partition)
within a time window; it joins the best one whose score clears `JOIN_MIN` and no part vetoes, else
it opens a story. The parts, returned with the decision like severity's factors:

    target    +3 the same person (names folded, aliases, rapidfuzz); an attempt on a different
              named person is another event (veto); +1.5 one side named only by the same role,
              -2 by another role (a reporter is not the governor)
    place     +1.5 the report's city (its first in the story's country) is one of the story's;
              two different cities are two events (veto for protests, -1.5 for attempts: the
              target's city and the attack's may differ); +0.6 when only one report names a city
    time      +1 at the same moment, falling off with a 1-day Gaussian
    text      up to +2 for similar ledes (rapidfuzz token-set ratio above a floor of 60)

A report whose lede matches a recent article of a story almost exactly is a wire copy: it joins
that story and adds no independent source. A story only moves forward (highest tolls, highest
level, outcome), so any arrival order ends in the same story state. Pure: `now` is an argument.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from agents.core.models import (
    Alert,
    AlertReason,
    Article,
    ArticleRef,
    Casualties,
    Event,
    Factor,
    Level,
    Severity,
    SourceRef,
    Sources,
)
from agents.core.stories.identity import (
    fold,
    main_city,
    name_tokens,
    places_compatible,
    role_key,
    same_person,
)
from agents.core.stories.model import Decision, Outlet, Stories, StoryReason, StoryState, Trace

WINDOW = timedelta(hours=72)
JOIN_MIN = 1.5
COPY_MIN = 92  # rapidfuzz ratio of two ledes at or above which one is a copy of the other
LEDE_CHARS = 240
RECENT_KEPT = 5
VETO = -100.0
TEXT_FLOOR = 60  # token-set ratio of unrelated reports of the same type: 55-70
OUTCOME_RANK = {None: 0, "unknown": 0, "foiled": 1, "unharmed": 2, "injured": 3, "killed": 4}
CORROBORATION_STEPS = (2, 3)  # independent sources at which subscribers hear about it again


def partition_key(event: Event) -> str:
    """Type + country: every candidate story of an event lives under one key (and one partition)."""
    codes = Counter(p.country_code for p in event.entities.places if p.country_code)
    country = max(codes, key=codes.__getitem__) if codes else "-"
    return f"{event.type}|{country}"


def report_time(article: Article, now: datetime) -> datetime:
    # A publisher's clock may run ahead; never let it place a report in the future.
    return article.published_at if article.published_at and article.published_at <= now else now


def outlet_of(article: Article) -> str:
    if article.source:
        return article.source.strip().lower()
    host = urlsplit(article.url or "").hostname or ""
    return host.removeprefix("www.") or f"article:{article.article_id}"


def lede(article: Article) -> str:
    return fold(article.text)[:LEDE_CHARS]


@dataclass(frozen=True, slots=True)
class Report:
    """What matching needs of one report, computed once per report (not once per candidate)."""

    event_type: str
    tokens: tuple[str, ...]
    role: str
    city: frozenset[str]  # main_city in the partition key's country
    when: datetime
    text: str


Part = tuple[str, str | float, float]  # name, value, contribution: a Factor once it is kept


def _report(article: Article, event: Event, when: datetime, key: str) -> Report:
    target = event.entities.target
    country = key.split("|", 1)[1]
    return Report(
        event.type,
        name_tokens(target.name if target else None),
        role_key(target.role if target else None),
        frozenset(main_city(event.entities.places, country)),
        when,
        lede(article),
    )


def _identity(story: StoryState, r: Report) -> list[Part]:
    """Target and place: cheap set comparisons, tried before any text is compared."""
    parts: list[Part] = []
    attempt = r.event_type == "assassination_attempt"
    if r.tokens and story.target:
        if same_person(r.tokens, tuple(story.target)):
            parts.append(("target", "same person", 3.0))
        elif attempt:
            parts.append(("target", "different person", VETO))
    elif r.role and r.role == story.role:
        parts.append(("target", f"same role: {r.role}", 1.5))
    elif r.role and story.role and attempt:
        parts.append(("target", f"{r.role}, not {story.role}", -2.0))
    here, there = r.city, set(story.cities)
    if here & there:
        parts.append(("place", sorted(here & there)[0], 1.5))
    elif not places_compatible(here, there):
        parts.append(("place", "different cities", VETO if not attempt else -1.5))
    elif here or there:  # one report names the city, the other only the country or a district
        parts.append(("place", "within the same country", 0.6))
    return parts


def _match(story: StoryState, r: Report, identity: list[Part]) -> list[Part]:
    gap_days = abs((r.when - story.last_seen_at).total_seconds()) / 86400
    # Any two reports of violence share words: similarity counts only above a floor.
    similar = max((fuzz.token_set_ratio(r.text, t.lede) for t in story.recent), default=0.0)
    bonus = 2 * max(0.0, similar - TEXT_FLOOR) / (100 - TEXT_FLOOR)
    return [
        *identity,
        ("time", round(gap_days, 2), round(math.exp(-(gap_days**2) / 2), 3)),
        ("text", round(similar), round(bonus, 3)),
    ]


def _vetoed(parts: list[Part]) -> bool:
    return any(c <= VETO for _, _, c in parts)


def _copy_of(stories: list[StoryState], article: Article, r: Report) -> tuple[StoryState, Trace] | None:
    traces = [(story, trace) for story in stories for trace in story.recent]
    for story, trace in traces:
        if trace.article_id == article.article_id:
            return story, trace
    # One C call scores every recent lede; near-identical text about another person or city is a
    # template, not a copy.
    for _, _, i in process.extract_iter(
        r.text, [t.lede for _, t in traces], scorer=fuzz.ratio, score_cutoff=COPY_MIN
    ):
        story, trace = traces[i]
        if not _vetoed(_identity(story, r)):
            return story, trace
    return None


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def open_stories(stories: Stories, when: datetime) -> list[StoryState]:
    return [
        s
        for s in stories.stories
        if abs(when - s.last_seen_at) <= WINDOW or s.event_at <= when <= s.last_seen_at
    ]


def decide(stories: Stories, article: Article, event: Event, *, key: str, now: datetime) -> Decision:
    """The story this report belongs to (joined or new), why subscribers hear of it or not."""
    when, outlet = report_time(article, now), outlet_of(article)
    r = _report(article, event, when, key)
    text = r.text
    candidates = [s for s in open_stories(stories, when) if s.event_type == event.type]
    copy = _copy_of(candidates, article, r)
    if copy is not None:
        story, trace = copy
        same = trace.article_id == article.article_id  # the same article again (a replay)
        match = [Factor(name="copy", value=trace.article_id, contribution=0.0)]
        state = story if same else story.model_copy(update={"copies": story.copies + 1})
        return Decision(StoryReason.COPY if not same else StoryReason.UNCHANGED, state, True, match, None)
    best: tuple[float, list[Part], StoryState] | None = None
    for s in candidates:
        identity = _identity(s, r)
        if _vetoed(identity) or sum(c for _, _, c in identity) + 3.0 < JOIN_MIN:
            continue  # another event, or too little in common for time and text to make up
        parts = _match(s, r, identity)
        total = sum(c for _, _, c in parts)
        if total >= JOIN_MIN and (best is None or total > best[0]):
            best = (total, parts, s)
    trace = Trace(article_id=article.article_id, outlet=outlet, lede=text)
    if best is None:
        state = _new_story(key, article, event, when, now, trace)
        return Decision(
            StoryReason.FIRST_REPORT,
            state,
            False,
            [],
            _alert(article, event, state, StoryReason.FIRST_REPORT, now),
        )
    _, parts, story = best
    match = [Factor(name=n, value=v, contribution=c) for n, v, c in parts]
    state = _joined(story, event, when, outlet, trace)
    reason = _reason(story, state)
    if reason is not StoryReason.UNCHANGED:
        state = state.model_copy(update={"revision": story.revision + 1})
    alert = None if reason is StoryReason.UNCHANGED else _alert(article, event, state, reason, now)
    return Decision(reason, state, True, match, alert)


def _new_story(
    key: str, article: Article, event: Event, when: datetime, now: datetime, trace: Trace
) -> StoryState:
    target = event.entities.target
    return StoryState(
        story_id="evt_" + hashlib.sha256(f"{key}|{article.article_id}".encode()).hexdigest()[:20],
        key=key,
        event_type=event.type,
        revision=1,
        first_seen_at=now,
        event_at=when,
        last_seen_at=when,
        target=list(name_tokens(target.name if target else None)),
        role=role_key(target.role if target else None),
        country=key.split("|", 1)[1],
        cities=sorted(main_city(event.entities.places, key.split("|", 1)[1])),
        killed=event.casualties.killed,
        injured=event.casualties.injured,
        score=event.severity.score,
        level=event.severity.level,
        outcome=event.outcome,
        outlets=[Outlet(name=trace.outlet, first_seen_at=when)],
        recent=[trace],
    )


def _joined(story: StoryState, event: Event, when: datetime, outlet: str, trace: Trace) -> StoryState:
    target = event.entities.target
    tokens = name_tokens(target.name if target else None)
    outlets = story.outlets
    if outlet not in {o.name for o in outlets}:
        outlets = [*outlets, Outlet(name=outlet, first_seen_at=when)]
    outcome = max(story.outcome, event.outcome, key=lambda o: OUTCOME_RANK.get(o, 0))
    return story.model_copy(
        update={
            "event_at": min(story.event_at, when),
            "last_seen_at": max(story.last_seen_at, when),
            # The longest name seen is the most complete ("Kadhimi" -> "Mustafa al-Kadhimi").
            "target": list(tokens) if len(tokens) > len(story.target) else story.target,
            "role": story.role or role_key(target.role if target else None),
            "cities": sorted(set(story.cities) | main_city(event.entities.places, story.country)),
            "killed": _max(story.killed, event.casualties.killed),
            "injured": _max(story.injured, event.casualties.injured),
            "score": max(story.score, event.severity.score),
            "level": max(story.level, event.severity.level, key=lambda x: x.rank),
            "outcome": outcome,
            "outlets": outlets,
            "articles": story.articles + 1,
            "recent": [*story.recent, trace][-RECENT_KEPT:],
        }
    )


def _reason(before: StoryState, after: StoryState) -> StoryReason:
    if (after.killed or 0) > (before.killed or 0) or (after.injured or 0) > (before.injured or 0):
        return StoryReason.CASUALTIES_ROSE
    if after.level.rank > before.level.rank:
        return StoryReason.SEVERITY_ROSE
    if OUTCOME_RANK.get(after.outcome, 0) > OUTCOME_RANK.get(before.outcome, 0):
        return StoryReason.OUTCOME_CHANGED
    if any(len(before.outlets) < n <= len(after.outlets) for n in CORROBORATION_STEPS):
        return StoryReason.CORROBORATED
    return StoryReason.UNCHANGED


def apply(stories: Stories, decision: Decision) -> Stories:
    """The table's new value: the decided story replaced or added, and stories that ended long
    before the newest one dropped (on the reports' own time axis, so replayed old news works too)."""
    newest = max([decision.state.last_seen_at, *(s.last_seen_at for s in stories.stories)])
    kept = [
        s
        for s in stories.stories
        if s.story_id != decision.state.story_id and newest - s.last_seen_at <= 2 * WINDOW
    ]
    return Stories(stories=[*kept, decision.state])


def _title(event: Event) -> str:
    kind = event.type.replace("_", " ").capitalize()
    parts: list[str] = []
    target = event.entities.target
    if target and (target.name or target.role):
        parts.append(" ".join(p for p in (target.role, target.name) if p))
    if event.entities.places:
        p = event.entities.places[0]
        parts.append(p.name + (f" ({p.country_code})" if p.country_code else ""))
    return f"{kind}: {', '.join(parts)}" if parts else kind


def _alert(article: Article, event: Event, state: StoryState, reason: StoryReason, now: datetime) -> Alert:
    n = len(state.outlets)
    bonus = min(6, 3 * (n - 1))
    factors = list(event.severity.factors)
    if bonus:
        factors.append(Factor(name="corroboration", value=n, contribution=float(bonus)))
    score = min(100, max(state.score, event.severity.score) + bonus)
    level = max(Level.for_score(score), state.level, key=lambda x: x.rank)
    summary = event.evidence[0] if event.evidence else (article.title or article.text[:300])
    return Alert(
        id=state.story_id,
        revision=state.revision,
        reason=AlertReason(reason.value),
        event_type=event.type,
        severity=Severity(score=score, level=level, factors=factors),
        title=_title(event),
        summary=summary[:600],
        # One outlet's first report is less certain than the same event confirmed by three.
        confidence=round(min(0.99, event.confidence * (0.85 + 0.075 * min(n, 3))), 3),
        outcome=state.outcome,
        entities=event.entities,
        casualties=Casualties(killed=state.killed, injured=state.injured),
        evidence=event.evidence,
        article=ArticleRef(
            id=article.article_id,
            title=article.title,
            url=article.url,
            source=article.source,
            published_at=article.published_at,
        ),
        detected_at=now,
        first_seen_at=state.first_seen_at,
        article_published_at=article.published_at,
        occurred_on=event.occurred_on,
        sources=Sources(
            count=n,
            outlets=[SourceRef(name=o.name, first_seen_at=o.first_seen_at) for o in state.outlets],
            copies=state.copies,
        ),
    )
