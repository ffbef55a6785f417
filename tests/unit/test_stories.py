from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories import Decision, StoryReason, StoryState, decide, event_id, story_key

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


def run(reports: list[tuple[Article, Event]], start: datetime = NOW) -> list[Decision]:
    """Fold `decide` over reports of one story, as the stories table does (one key, one state)."""
    state: StoryState | None = None
    out: list[Decision] = []
    for i, (article, event) in enumerate(reports):
        d = decide("k", article, event, now=start + timedelta(minutes=i), previous=state)
        state = d.state
        out.append(d)
    return out


def test_first_report_then_casualties_rise_then_nothing_new() -> None:
    d1, d2, d3 = run(
        [(art("a"), ev(injured=4)), (art("b"), ev(killed=1, injured=11)), (art("c"), ev(injured=4))]
    )
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
    _, d2, d3 = run([(art("a"), ev(score=65)), (art("b"), ev(score=85)), (art("c"), ev(score=30))])
    assert d2.reason is StoryReason.SEVERITY_ROSE and d2.alert and d2.alert.severity.level is Level.CRITICAL
    assert d3.reason is StoryReason.UNCHANGED and d3.state.score == 85


def test_decide_leaves_the_previous_state_alone() -> None:
    [d1] = run([(art("a"), ev(injured=4))])
    before = d1.state.model_dump()
    decide("k", art("b"), ev(killed=2), now=NOW, previous=d1.state)
    assert d1.state.model_dump() == before


def test_any_arrival_order_gives_one_story_in_the_same_final_state() -> None:
    """Reports of one event reach the stories stage in any order (they are classified on different
    partitions): the story id, its final tolls and level, and what its last alert shows never depend
    on that order; revisions always count up from 1 without gaps."""
    reports = [
        (art("a"), ev(injured=4, score=50)),
        (art("b"), ev(killed=1, injured=11, score=70)),
        (art("c"), ev(injured=4, score=50)),
        (art("d"), ev(killed=None, injured=15, score=60)),
    ]
    finals = set()
    for order in itertools.permutations(reports):
        decisions = run(list(order))
        alerts = [d.alert for d in decisions if d.alert is not None]
        assert [a.revision for a in alerts] == list(range(1, len(alerts) + 1))
        assert len({a.id for a in alerts}) == 1
        last, final = alerts[-1], decisions[-1].state
        assert last.casualties == Casualties(killed=final.killed, injured=final.injured)
        finals.add((last.id, final.killed, final.injured, final.score, final.level, last.severity.score))
    assert finals == {(event_id("k"), 1, 15, 70, Level.HIGH, 70)}


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
