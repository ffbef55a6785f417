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
    MERGED = "merged"  # the notice an absorbed, already announced story gets (Decision.notices)
    UNCHANGED = "unchanged"
    COPY = "copy"  # a wire copy of an article the story already has: never news on its own


class Outlet(BaseModel):
    name: str
    first_seen_at: AwareDatetime


class Trace(BaseModel):
    """One article of the story, as much as copy detection and text similarity need."""

    article_id: str
    outlet: str
    lede: str
    at: AwareDatetime  # the report's time (its publication, never ahead of us)
    is_copy: bool = False  # a near-identical lede of a member published earlier (order-independent)
    killed: int | None = None  # the tolls this article reports
    injured: int | None = None


class StoryState(BaseModel):
    """One story (one real event) as the stories table stores it, as plain JSON.

    Every field is a union, minimum or maximum over the story's articles, so the same articles
    give the same state in any arrival order (the id, revision and first_seen_at excepted: they
    record what subscribers were sent)."""

    story_id: str
    key: str = ""  # the partition key (type + country) the story lives under
    event_type: EventType
    revision: int = Field(ge=1)
    first_seen_at: AwareDatetime
    event_at: AwareDatetime  # the earliest report's time: the story's place on the time axis
    last_seen_at: AwareDatetime
    aliases: list[str] = Field(default_factory=list)  # every target name seen, folded tokens joined
    roles: list[str] = Field(default_factory=list)  # role head words (identity.role_key)
    mentions: list[str] = Field(default_factory=list)  # folded proper nouns of its articles
    headlines: list[str] = Field(default_factory=list)  # content words of its titles (no places)
    country: str | None = None
    cities: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    score: int
    level: Level
    outcome: Outcome | None = None
    outlets: list[Outlet] = Field(default_factory=list)  # independent sources: copies not counted
    copies: int = 0
    articles: int = 1
    members: list[Trace] = Field(default_factory=list)  # the earliest MEMBERS_KEPT articles
    # group_wait (docs/decisions.md): a new story's alert.created waits until `held_until` so reports
    # arriving meanwhile (another partition's, a feed's batch) join it first; `pending` is the alert
    # the release sends. Kept in the table, so a restarted worker releases what a crashed one held.
    held_until: AwareDatetime | None = None
    pending: Alert | None = None

    @property
    def target(self) -> list[str]:
        """The most complete name seen (longest, then alphabetical): for display and the index."""
        best = min(self.aliases, key=lambda a: (-len(a.split()), a), default="")
        return best.split()


@dataclass(frozen=True, slots=True)
class Decision:
    reason: StoryReason
    state: StoryState  # the story after this report (new, joined or unchanged)
    joined: bool  # False: this report opened a new story
    match: list[Factor]  # the join score's parts, like severity's factors
    alert: Alert | None  # None when the report adds nothing subscribers asked for
    absorbed: tuple[str, ...] = ()  # open stories this report bridged into `state` (merged away)
    # One `merged` revision per absorbed story subscribers were alerted about, pointing at `state`:
    # without it, a subscriber who got both alert.created sees one go quiet.
    notices: tuple[Alert, ...] = ()
