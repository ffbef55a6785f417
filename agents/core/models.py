"""The wire schemas: what producers send (`Article`) and what subscribers receive (`Alert`).

Pure pydantic v2; `tocsin schema article|alert` prints their JSON Schema.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

EventType = Literal["assassination_attempt", "protest_violence"]
Outcome = Literal["killed", "injured", "unharmed", "foiled", "unknown"]


class Level(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    @classmethod
    def for_score(cls, score: float) -> Level:
        if score >= 80:
            return cls.CRITICAL
        if score >= 60:
            return cls.HIGH
        if score >= 40:
            return cls.MEDIUM
        if score >= 20:
            return cls.LOW
        return cls.INFO


_LEVEL_RANK = {lvl: i for i, lvl in enumerate(Level)}


class Article(BaseModel):
    """One news item as a producer publishes it to `tocsin.articles.v1`."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    id: str | None = Field(
        default=None, max_length=256, description="Derived from url or content when absent."
    )
    title: str | None = Field(default=None, max_length=2000)
    text: str = Field(min_length=1, description="Body text (plain).")
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=256, description="Publisher name or domain.")
    published_at: AwareDatetime | None = None
    language: str = Field(default="en", max_length=16)
    html: str | None = Field(default=None, description="Optional raw HTML, kept for reference.")

    @model_validator(mode="after")
    def _derive_id(self) -> Article:
        if not self.id:
            basis = self.url or f"{self.title or ''}\n{self.text}"
            self.id = "a_" + hashlib.sha256(basis.encode()).hexdigest()[:24]
        return self

    @property
    def article_id(self) -> str:
        assert self.id is not None  # set by _derive_id
        return self.id


class Factor(BaseModel):
    """One reason a severity score is what it is."""

    name: str
    value: str | float | int | None
    contribution: float


class Severity(BaseModel):
    score: int = Field(ge=0, le=100)
    level: Level
    factors: list[Factor] = Field(default_factory=list)


class Casualties(BaseModel):
    killed: int | None = None
    injured: int | None = None


class Place(BaseModel):
    name: str
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2")


class Target(BaseModel):
    name: str | None = None
    role: str | None = None


class Entities(BaseModel):
    target: Target | None = None
    places: list[Place] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)


class Event(BaseModel):
    """One detected event in one article (the detector's output)."""

    type: EventType
    confidence: float = Field(ge=0, le=1)
    severity: Severity
    casualties: Casualties = Field(default_factory=Casualties)
    evidence: list[str] = Field(default_factory=list)
    outcome: Outcome | None = None
    entities: Entities = Field(default_factory=Entities)
    occurred_on: date | None = Field(
        default=None,
        description="When the event happened, where its evidence gives an explicit date "
        "(a month or a year alone gives its first day); None when the text does not say.",
    )


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: datetime | None = None


class AlertReason(StrEnum):
    """Why an alert revision was emitted (metrics count these)."""

    FIRST_REPORT = "first_report"
    CASUALTIES_ROSE = "casualties_rose"
    SEVERITY_ROSE = "severity_rose"
    OUTCOME_CHANGED = "outcome_changed"  # e.g. injured -> killed
    CORROBORATED = "corroborated"  # independent sources reached 2, then 3
    MERGED = "merged"  # this alert's story was found to be another's event: see `merged_into`


class SourceRef(BaseModel):
    name: str
    first_seen_at: AwareDatetime


class Sources(BaseModel):
    """Independent outlets that reported the event; wire copies re-run elsewhere count once."""

    count: int = Field(default=1, ge=0)
    outlets: list[SourceRef] = Field(default_factory=list)
    copies: int = Field(default=0, ge=0, description="Articles recognised as copies of another.")


class Alert(BaseModel):
    """What subscribers receive about an event; `id` is stable, `revision` grows."""

    id: str = Field(description="Stable event id: the same for every article about one event.")
    revision: int = Field(ge=1)
    reason: AlertReason
    event_type: EventType
    severity: Severity
    title: str
    summary: str
    confidence: float = Field(ge=0, le=1)
    outcome: Outcome | None = None
    entities: Entities = Field(default_factory=Entities)
    casualties: Casualties = Field(default_factory=Casualties)
    evidence: list[str] = Field(default_factory=list)
    article: ArticleRef
    detected_at: AwareDatetime
    first_seen_at: AwareDatetime
    article_published_at: AwareDatetime | None = None
    sources: Sources = Field(default_factory=Sources)
    occurred_on: date | None = Field(default=None, description="When it happened, where the text says.")
    merged_into: str | None = Field(
        default=None,
        description="With reason `merged`: the alert id this event is now reported under; this id "
        "gets no further revision.",
    )
