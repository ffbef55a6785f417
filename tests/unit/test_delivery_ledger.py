"""The ledger reducer: what one deliveries record does, given how the delivery ended (if it did)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agents.core.delivery.ledger import Close, Ending, Keep, Open, step
from agents.core.delivery.records import Done, Replay, Schedule
from agents.core.delivery.tasks import Final

try:
    from delivery_fixtures import task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import task
    from tests.unit.status_table import NOW

T = task()


def ending(final: Final) -> Ending:
    return Ending(final=final, attempts=3, at=NOW)


def test_a_first_schedule_opens() -> None:
    assert step(None, Schedule(task=T)) == Open(T)


def test_a_retry_schedule_replaces_the_pending_task() -> None:
    later = T.model_copy(update={"not_before": NOW + timedelta(seconds=5)})
    assert step(None, Schedule(task=later)) == Open(later)


@pytest.mark.parametrize("final", list(Final))
def test_a_schedule_never_reopens_an_ended_delivery(final: Final) -> None:
    # A re-read alert after a crash schedules again what was delivered or dead-lettered.
    result = step(ending(final), Schedule(task=T))
    assert isinstance(result, Keep) and final.value in result.why


def test_done_closes_with_its_ending() -> None:
    assert step(None, Done(final=Final.EXHAUSTED, attempts=8, at=NOW)) == Close(
        Ending(final=Final.EXHAUSTED, attempts=8, at=NOW)
    )


@pytest.mark.parametrize("final", [f for f in Final if f is not Final.DELIVERED])
def test_a_replay_reopens_what_was_not_delivered(final: Final) -> None:
    assert step(ending(final), Replay(task=T)) == Open(T, reopened=True)


def test_a_replay_never_resends_a_delivered_one() -> None:
    assert isinstance(step(ending(Final.DELIVERED), Replay(task=T)), Keep)


def test_a_replay_of_an_unknown_delivery_opens_it() -> None:
    assert step(None, Replay(task=T)) == Open(T, reopened=False)


def test_replaying_twice_sends_once() -> None:
    """redeliver, the retry ends delivered, redeliver again: the second replay is kept out."""
    first = step(ending(Final.EXHAUSTED), Replay(task=T))
    assert isinstance(first, Open)
    closed = step(None, Done(final=Final.DELIVERED, attempts=1, at=NOW))
    assert isinstance(closed, Close)
    assert isinstance(step(closed.ending, Replay(task=T)), Keep)
