"""The delivery state machine with short Retry-After answers: a brief outage costs seconds, not the
schedule's next step, and a receiver that says "1 s" forever is still paced by the schedule."""

from __future__ import annotations

from datetime import timedelta

from pydantic import SecretStr

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.retry import WEBHOOK_POLICY
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.tasks import DeliveryTask, Final, Reschedule, after_attempt, new_task
from agents.core.delivery.tasks import Ended as Done
from tests.unit.status_table import NOW, make_alert

BUSY = DeliveryResult(DeliveryOutcome.RETRY, 503, 1.0, "busy")
OK = DeliveryResult(DeliveryOutcome.OK, 200, None, "")


def _task() -> DeliveryTask:
    sub = Subscription(
        id="sub_1",
        kind="webhook",
        url="https://hooks.example/x",
        name="x",
        created_at=NOW,
        secret=SecretStr("whsec_" + "a" * 32),
    )
    return new_task(make_alert(), sub, now=NOW)


def _gaps(results: list[DeliveryResult]) -> tuple[list[float], DeliveryTask, object]:
    task, clock, gaps, nxt = _task(), NOW, [], None
    for result in results:
        nxt = after_attempt(task, result, started=clock, now=clock, jitter=0.0, policy=WEBHOOK_POLICY)
        if not isinstance(nxt, Reschedule):
            break
        gaps.append((nxt.task.not_before - clock).total_seconds())
        task, clock = nxt.task, nxt.task.not_before
    return gaps, task, nxt


def test_two_short_retry_afters_then_success_take_two_seconds() -> None:
    gaps, _, nxt = _gaps([BUSY, BUSY, OK])
    assert gaps == [1.0, 1.0]  # not 5 s then 300 s
    assert isinstance(nxt, Done) and nxt.final is Final.DELIVERED and nxt.task.attempt_count == 3


def test_after_three_short_waits_in_a_row_the_schedule_resumes() -> None:
    gaps, _, _ = _gaps([BUSY] * 9)
    # 3 short waits, then the schedule's 5 s step; 3 more, then its 300 s step.
    assert gaps[:8] == [1.0, 1.0, 1.0, 5.0, 1.0, 1.0, 1.0, 300.0]


def test_a_receiver_that_always_says_one_second_is_exhausted_in_bounded_attempts() -> None:
    _, task, nxt = _gaps([BUSY] * 100)
    assert isinstance(nxt, Done) and nxt.final is Final.EXHAUSTED
    steps = WEBHOOK_POLICY.max_attempts
    assert task.attempt_count <= 4 * steps and nxt.task.attempt_count == 3 * (steps - 1) + steps
    assert sum((a.short_wait for a in nxt.task.attempts), 0) == 3 * (steps - 1)
    assert timedelta(0) < nxt.task.attempts[-1].at - nxt.task.attempts[0].at
