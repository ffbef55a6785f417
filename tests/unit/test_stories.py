from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories import StoryReason, assess, story_key

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def ev(
    killed: int | None = None, injured: int | None = None, score: int = 65, target: str | None = None
) -> Event:
    return Event(
        type="assassination_attempt" if target else "protest_violence",
        confidence=0.9,
        severity=Severity(score=score, level=Level.for_score(score)),
        casualties=Casualties(killed=killed, injured=injured),
        evidence=["Police fired tear gas."],
        entities=Entities(
            places=[Place(name="Nairobi", country_code="KE")],
            target=Target(name=target, role="Governor") if target else None,
        ),
    )


def art(i: str, published: datetime | None = None) -> Article:
    return Article(id=i, title="t", text="x", published_at=published)


def test_first_report_then_casualties_rise_then_nothing_new() -> None:
    prev: dict = {}
    [d1] = assess(art("a"), [ev(injured=4)], now=NOW, previous=prev)
    [d2] = assess(art("b"), [ev(killed=1, injured=11)], now=NOW + timedelta(minutes=5), previous=prev)
    [d3] = assess(art("c"), [ev(injured=4)], now=NOW + timedelta(minutes=9), previous=prev)
    assert [d.reason for d in (d1, d2, d3)] == [
        StoryReason.FIRST_REPORT,
        StoryReason.CASUALTIES_ROSE,
        StoryReason.UNCHANGED,
    ]
    assert d1.alert and d2.alert and d3.alert is None
    assert d1.alert.id == d2.alert.id and (d1.alert.revision, d2.alert.revision) == (1, 2)
    assert d2.alert.casualties == Casualties(killed=1, injured=11)
    assert d2.alert.first_seen_at == NOW
    assert d3.state.killed == 1  # a lower later report does not lower the toll


def test_severity_rise_is_a_revision_and_never_shown_lower() -> None:
    prev: dict = {}
    assess(art("a"), [ev(score=65)], now=NOW, previous=prev)
    [d2] = assess(art("b"), [ev(score=85)], now=NOW, previous=prev)
    [d3] = assess(art("c"), [ev(score=30)], now=NOW, previous=prev)
    assert d2.reason is StoryReason.SEVERITY_ROSE and d2.alert and d2.alert.severity.level is Level.CRITICAL
    assert d3.reason is StoryReason.UNCHANGED and d3.state.score == 85


def test_story_key_uses_target_then_place_then_day() -> None:
    a = story_key(ev(target="Jane Doe"), art("a"), now=NOW)
    assert a == "assassination_attempt|target:doe|2026-11-27"
    assert story_key(ev(), art("a"), now=NOW) == "protest_violence|place:ke:nairobi|2026-11-27"
    # a publisher clock ahead of ours is not trusted; an older publication date is
    assert story_key(ev(), art("a", NOW + timedelta(days=3)), now=NOW).endswith("2026-11-27")
    assert story_key(ev(), art("a", NOW - timedelta(days=3)), now=NOW).endswith("2026-11-24")


def test_no_anchor_means_no_merging() -> None:
    bare = ev().model_copy(update={"entities": Entities()})
    assert story_key(bare, art("a"), now=NOW) != story_key(bare, art("b"), now=NOW)
