from __future__ import annotations

from datetime import timedelta

import pytest

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.retry import (
    SLACK_POLICY,
    SVIX_SCHEDULE,
    WEBHOOK_POLICY,
    Planned,
    RetryPolicy,
    next_attempt,
    plan_next,
    retry_delay,
)

try:
    from status_table import NOW
except ImportError:
    from tests.unit.status_table import NOW


def _retry(retry_after: float | None = None) -> DeliveryResult:
    return DeliveryResult(DeliveryOutcome.RETRY, 503, retry_after, "webhook http 503")


def test_default_is_the_svix_schedule() -> None:
    assert WEBHOOK_POLICY.schedule == (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
    assert WEBHOOK_POLICY.max_attempts == 8
    assert WEBHOOK_POLICY.schedule == SVIX_SCHEDULE


def test_walk_the_whole_schedule_with_an_injected_clock() -> None:
    clock = NOW
    times = []
    attempt = 1
    while (when := next_attempt(WEBHOOK_POLICY, attempt, _retry(), clock, jitter=0.0)) is not None:
        times.append((when - clock).total_seconds())
        clock = when
        attempt += 1
    assert times == [5, 300, 1800, 7200, 18000, 36000, 36000]
    assert attempt == 8  # exhausted after the eighth attempt
    assert clock - NOW == timedelta(seconds=99305)  # ~27.6 h


@pytest.mark.parametrize("outcome", [DeliveryOutcome.OK, DeliveryOutcome.GIVE_UP, DeliveryOutcome.DISABLE])
def test_no_retry_unless_retry(outcome: DeliveryOutcome) -> None:
    assert next_attempt(WEBHOOK_POLICY, 1, DeliveryResult(outcome, 200, None, ""), NOW, 0.0) is None


@pytest.mark.parametrize(("jitter", "seconds"), [(-1.0, 270.0), (0.0, 300.0), (1.0, 330.0), (0.5, 315.0)])
def test_jitter_bounds(jitter: float, seconds: float) -> None:
    assert next_attempt(WEBHOOK_POLICY, 2, _retry(), NOW, jitter) == NOW + timedelta(seconds=seconds)


@pytest.mark.parametrize("jitter", [-1.01, 1.01, float("nan")])
def test_jitter_out_of_range_rejected(jitter: float) -> None:
    with pytest.raises(ValueError, match="jitter"):
        next_attempt(WEBHOOK_POLICY, 2, _retry(), NOW, jitter)


def test_retry_after_raises_the_delay() -> None:
    assert next_attempt(WEBHOOK_POLICY, 1, _retry(120.0), NOW, 0.0) == NOW + timedelta(seconds=120)


def test_retry_after_below_schedule_does_not_shorten_the_schedule_itself() -> None:
    # next_attempt is the schedule alone; plan_next (below) decides on short Retry-After waits.
    assert next_attempt(WEBHOOK_POLICY, 2, _retry(10.0), NOW, 0.0) == NOW + timedelta(seconds=300)


def test_a_short_retry_after_is_honoured_without_using_a_step() -> None:
    planned = plan_next(WEBHOOK_POLICY, 2, _retry(2.0), NOW, 0.0)
    assert planned == Planned(NOW + timedelta(seconds=2), short=True)
    assert plan_next(WEBHOOK_POLICY, 2, _retry(0.0), NOW, 0.0) == Planned(NOW + timedelta(seconds=1), True)
    # Not shorter than the step: the schedule (raised to the Retry-After) as before.
    raised = plan_next(WEBHOOK_POLICY, 1, _retry(120.0), NOW, 0.0)
    assert raised == Planned(NOW + timedelta(seconds=120), False)


def test_the_schedule_resumes_after_three_short_waits_in_a_row() -> None:
    assert plan_next(WEBHOOK_POLICY, 2, _retry(1.0), NOW, 0.0, short_streak=2).short  # type: ignore[union-attr]
    resumed = plan_next(WEBHOOK_POLICY, 2, _retry(1.0), NOW, 0.0, short_streak=3)
    assert resumed == Planned(NOW + timedelta(seconds=300), short=False)


def test_no_short_wait_once_the_schedule_is_exhausted() -> None:
    assert plan_next(WEBHOOK_POLICY, 8, _retry(1.0), NOW, 0.0) is None


def test_retry_after_is_clamped() -> None:
    assert next_attempt(WEBHOOK_POLICY, 1, _retry(86400.0), NOW, 0.0) == NOW + timedelta(hours=1)
    assert next_attempt(SLACK_POLICY, 1, _retry(86400.0), NOW, 0.0) == NOW + timedelta(minutes=10)


def test_retry_after_still_uses_up_attempts() -> None:
    assert next_attempt(WEBHOOK_POLICY, 8, _retry(1.0), NOW, 0.0) is None


def test_retry_delay_rejects_exhausted_attempts() -> None:
    with pytest.raises(ValueError, match="no attempt follows attempt 8"):
        retry_delay(WEBHOOK_POLICY, 8, None, 0.0)
    with pytest.raises(ValueError, match="1-based"):
        next_attempt(WEBHOOK_POLICY, 0, _retry(), NOW, 0.0)


def test_slack_schedule_is_short() -> None:
    assert SLACK_POLICY.schedule == (0, 1, 5, 30, 120, 600, 1800)
    assert next_attempt(SLACK_POLICY, 1, _retry(), NOW, 0.0) == NOW + timedelta(seconds=1)


@pytest.mark.parametrize(
    "kwargs",
    [{"schedule": ()}, {"schedule": (0, -1)}, {"jitter_fraction": 1.0}, {"max_retry_after_s": -1.0}],
)
def test_policy_validation(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
