"""What the stories table keeps, and what a decision about one report returns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, Field

from agents.core.models import Alert, EventType, Factor, Level, Outcome


class StoryReason(StrEnum):
    FIRST_REPORT = "first_report"
    CASUALTIES_ROSE = "casualties_rose"
    SEVERITY_ROSE = "severity_rose"
    OUTCOME_CHANGED = "outcome_changed"
    CORROBORATED = "corroborated"
    UNCHANGED = "unchanged"
    COPY = "copy"  # a wire copy of an article the story already has: never news on its own


class Outlet(BaseModel):
    name: str
    first_seen_at: AwareDatetime


class Trace(BaseModel):
    """A recent article of the story, as much as copy detection and text similarity need."""

    article_id: str
    outlet: str
    lede: str


class StoryState(BaseModel):
    """One story (one real event) as the stories table stores it, as plain JSON."""

    story_id: str
    key: str = ""  # the partition key (type + country) the story lives under
    event_type: EventType
    revision: int = Field(ge=1)
    first_seen_at: AwareDatetime
    event_at: AwareDatetime  # the earliest report's time: the story's place on the time axis
    last_seen_at: AwareDatetime
    target: list[str] = Field(default_factory=list)  # folded name tokens (identity.name_tokens)
    role: str = ""
    country: str | None = None
    cities: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    score: int
    level: Level
    outcome: Outcome | None = None
    outlets: list[Outlet] = Field(default_factory=list)
    copies: int = 0
    articles: int = 1
    recent: list[Trace] = Field(default_factory=list)


class Stories(BaseModel):
    """The table's value under one partition key (event type + country): the open stories."""

    stories: list[StoryState] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Decision:
    reason: StoryReason
    state: StoryState  # the story after this report (new, joined or unchanged)
    joined: bool  # False: this report opened a new story
    match: list[Factor]  # the join score's parts, like severity's factors
    alert: Alert | None  # None when the report adds nothing subscribers asked for
