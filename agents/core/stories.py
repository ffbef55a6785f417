"""One alert per real event: story keys, and whether an article adds a revision.

Many articles report one event. Each detected event gets a story key (type + who/where + day);
the stories table remembers the last state under that key, and `assess` decides, returning a
reason like Alertmanager's dedup stage does, whether this article opens a story, revises it
(casualties or severity rose) or adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel

from agents.core.models import Alert, AlertReason, Article, ArticleRef, Casualties, Event, Level, Severity


class StoryReason(StrEnum):
    FIRST_REPORT = "first_report"
    CASUALTIES_ROSE = "casualties_rose"
    SEVERITY_ROSE = "severity_rose"
    UNCHANGED = "unchanged"


class StoryState(BaseModel):
    """What the stories table keeps per story key (stored as plain JSON)."""

    event_id: str
    revision: int
    first_seen_at: AwareDatetime
    killed: int | None = None
    injured: int | None = None
    score: int
    level: Level


@dataclass(frozen=True, slots=True)
class Decision:
    story_key: str
    reason: StoryReason
    state: StoryState
    alert: Alert | None  # None when the article adds nothing to a known story


_NON_WORD = re.compile(r"[^a-z0-9]+")


def _norm(s: str) -> str:
    return _NON_WORD.sub("-", s.lower()).strip("-")


def _event_day(article: Article, now: datetime) -> str:
    # A publisher's clock may run ahead; never let it place the story in the future.
    ts = article.published_at if article.published_at and article.published_at <= now else now
    return ts.date().isoformat()


def story_key(event: Event, article: Article, *, now: datetime) -> str:
    """Type + the most specific anchor we have + day. Falls back to the article (no merging)."""
    ents = event.entities
    place = ents.places[0] if ents.places else None
    anchor = ""
    if event.type == "assassination_attempt" and ents.target and ents.target.name:
        anchor = "target:" + _norm(ents.target.name.split()[-1])
    elif place is not None:
        anchor = f"place:{(place.country_code or '').lower()}:{_norm(place.name)}"
    if not anchor:
        anchor = "article:" + article.article_id
    return f"{event.type}|{anchor}|{_event_day(article, now)}"


def event_id(key: str) -> str:
    return "evt_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


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


def decide(
    key: str, article: Article, event: Event, *, now: datetime, previous: StoryState | None
) -> Decision:
    """Whether this report of the story under `key` is news for subscribers, and under which revision.

    The story only moves forward (highest tolls, highest level), so whatever order reports arrive
    in, the story ends in the same state and its last alert shows it; how many revisions lead there
    depends on the order (a toll that arrives already known is not news). `previous` is not changed.
    """
    killed, injured = event.casualties.killed, event.casualties.injured
    score, level = event.severity.score, event.severity.level
    if previous is None:
        reason = StoryReason.FIRST_REPORT
        state = StoryState(
            event_id=event_id(key),
            revision=1,
            first_seen_at=now,
            killed=killed,
            injured=injured,
            score=score,
            level=level,
        )
    else:
        k, i = _max(previous.killed, killed), _max(previous.injured, injured)
        if (k or 0) > (previous.killed or 0) or (i or 0) > (previous.injured or 0):
            reason = StoryReason.CASUALTIES_ROSE
        elif level.rank > previous.level.rank:
            reason = StoryReason.SEVERITY_ROSE
        else:
            reason = StoryReason.UNCHANGED
        state = previous.model_copy(
            update={
                "revision": previous.revision + (reason is not StoryReason.UNCHANGED),
                "killed": k,
                "injured": i,
                "score": max(previous.score, score),
                "level": max(previous.level, level, key=lambda x: x.rank),
            }
        )
    alert = None if reason is StoryReason.UNCHANGED else _alert(article, event, state, reason, now)
    return Decision(key, reason, state, alert)


def assess(
    article: Article, events: list[Event], *, now: datetime, previous: dict[str, StoryState]
) -> list[Decision]:
    """`decide` for every event of one article (offline use: `tocsin classify`, tests); keys from
    `story_key`. Two events of one article may share a story; `previous` is not changed."""
    known = dict(previous)
    decisions: list[Decision] = []
    for event in events:
        key = story_key(event, article, now=now)
        decision = decide(key, article, event, now=now, previous=known.get(key))
        known[key] = decision.state
        decisions.append(decision)
    return decisions


def _alert(article: Article, event: Event, state: StoryState, reason: StoryReason, now: datetime) -> Alert:
    severity = event.severity
    if state.score > severity.score:  # a revision never shows a lower severity than before
        severity = Severity(score=state.score, level=state.level, factors=severity.factors)
    summary = event.evidence[0] if event.evidence else (article.title or article.text[:300])
    return Alert(
        id=state.event_id,
        revision=state.revision,
        reason=AlertReason(reason.value),
        event_type=event.type,
        severity=severity,
        title=_title(event),
        summary=summary[:600],
        confidence=event.confidence,
        outcome=event.outcome,
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
    )
