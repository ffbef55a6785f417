"""group_wait: a new story's alert.created waits a short while, so reports that bridge two new
stories within it cost subscribers one alert in any arrival order (docs/decisions.md)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from agents.core.models import Article, Event
from agents.core.stories import Stories, StoryReason, StoryState, apply, decide, partition_key, release
from agents.core.stories.model import Decision
from agents.core.stories.offline import assemble
from tests.unit.test_stories_order import PROTEST, _art, _event

WAIT = timedelta(seconds=10)
ARRIVAL = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)  # after every report's publication

# A and B have too little in common to join each other; C matches both (written for this test).
A = (
    _art(
        "a",
        0,
        "Jos Herald",
        "Police fired tear gas at butchers protesting a new abattoir tax in Jos on Monday.",
    ),
    _event(PROTEST, ["Jos"], injured=3),
)
B = (
    _art(
        "b",
        20,
        "Continental Times",
        "Stalls at the Terminus market stayed shut after clashes left six people hurt.",
    ),
    _event(PROTEST, ["Nigeria"], injured=6),
)
C = (
    _art(
        "c",
        10,
        "Sahel Wire",
        "Six butchers were injured at Terminus market when police broke up the abattoir tax protest in Jos.",
    ),
    _event(PROTEST, ["Jos"], injured=6),
)


def _run(
    reports: list[tuple[Article, Event]], gap: timedelta, wait: timedelta
) -> tuple[list[Decision], list[Decision]]:
    """Reports arriving `gap` apart (in this order) on a clock after all their publications."""
    at = {a.article_id: ARRIVAL + k * gap for k, (a, _) in enumerate(reports)}
    released: list[tuple[int, Decision]] = []
    decisions = assemble(reports, now=lambda a: at[a.article_id], group_wait=wait, released=released)
    return decisions, [d for _, d in released]


def _created(decisions: list[Decision], released: list[Decision]) -> list[str]:
    return [
        d.alert.id
        for d in (*decisions, *released)
        if d.alert is not None and d.alert.reason.value == StoryReason.FIRST_REPORT.value
    ]


def test_without_a_wait_the_bridge_arriving_last_costs_a_second_alert() -> None:
    decisions, released = _run([A, B, C], timedelta(seconds=1), timedelta(0))
    assert len(_created(decisions, released)) == 2
    assert released == []


def test_within_the_wait_every_order_gives_one_alert_created_with_the_whole_story() -> None:
    for order in itertools.permutations([A, B, C]):
        decisions, released = _run(list(order), timedelta(seconds=1), WAIT)
        assert all(d.alert is None for d in decisions), [a.article_id for a, _ in order]
        [alert] = _created(decisions, released)
        [d] = released
        assert d.alert is not None and d.alert.revision == 1
        assert d.alert.casualties.injured == 6  # the story as it stood at the release
        assert d.alert.detected_at == ARRIVAL + WAIT  # the first report's deadline
        assert {m.article_id for m in d.state.members} == {"a", "b", "c"}
        assert d.state.held_until is None and d.state.pending is None
        assert alert == d.state.story_id


def test_a_report_after_the_release_is_an_update_of_the_announced_story() -> None:
    decisions, released = _run([A, C, B], timedelta(seconds=30), WAIT)
    # A is released when C arrives 30 s later; C joins the announced story: the toll rose.
    assert [len(released), decisions[1].alert is not None] == [1, True]
    assert decisions[1].alert is not None
    assert (decisions[1].alert.revision, decisions[1].alert.reason.value) == (2, "casualties_rose")
    third = decisions[2].alert  # B: a third source
    assert third is not None and (third.revision, third.reason.value) == (3, "corroborated")
    assert len(_created(decisions, released)) == 1


def test_a_held_story_merged_into_an_announced_one_is_never_announced() -> None:
    stories = Stories()
    t = ARRIVAL
    a, ea = A
    d = decide(stories, a, ea, key=partition_key(ea), now=t, group_wait=WAIT)
    apply(stories, d)
    [r] = release(stories, t + WAIT)
    apply(stories, r)
    b, eb = B
    d = decide(stories, b, eb, key=partition_key(eb), now=t + WAIT + timedelta(seconds=1), group_wait=WAIT)
    apply(stories, d)
    assert d.state.held_until is not None  # B alone is a new, held story
    c, ec = C
    d = decide(stories, c, ec, key=partition_key(ec), now=t + WAIT + timedelta(seconds=2), group_wait=WAIT)
    apply(stories, d)
    assert d.state.story_id == r.state.story_id and d.absorbed  # the announced id survives
    assert d.notices == ()  # nobody heard of B: nothing to retract
    assert d.state.held_until is None and stories.held == {}
    assert release(stories, t + 10 * WAIT) == []


def test_the_hold_survives_a_restart_through_the_stored_json() -> None:
    """The table holds the hold: a worker rebuilt from the changelog releases what another held."""
    stories = Stories()
    a, ea = A
    d = decide(stories, a, ea, key=partition_key(ea), now=ARRIVAL, group_wait=WAIT)
    stored = d.state.model_dump(mode="json")
    rebuilt = Stories([StoryState.model_validate(stored)])
    assert release(rebuilt, ARRIVAL + WAIT - timedelta(seconds=1)) == []
    [r] = release(rebuilt, ARRIVAL + WAIT)
    assert r.alert is not None and r.alert.id == d.state.story_id and r.alert.revision == 1


def test_a_held_story_is_not_expired_before_its_release() -> None:
    stories = Stories()
    a, ea = A
    apply(stories, decide(stories, a, ea, key=partition_key(ea), now=ARRIVAL, group_wait=WAIT))
    late = _art(
        "late", 24 * 30, "Jos Herald", "Police fired tear gas at a different march in Jos a month later."
    )
    event = _event(PROTEST, ["Jos"], injured=1)
    later = late.published_at + timedelta(minutes=1)  # type: ignore[operator]
    d = decide(stories, late, event, key=partition_key(event), now=later, group_wait=WAIT)
    apply(stories, d)  # a month on the reports' axis: the first story would expire, but is held
    assert len(release(stories, later + WAIT)) == 2
