"""When to try again: a schedule as data and one pure function.

- `schedule[i]` is the delay before attempt i+1 (attempt 1 is `schedule[0]`, normally immediate);
  after `len(schedule)` attempts the message is exhausted (dead-lettered, replayable).
- Jitter: the caller draws `jitter` uniformly from [-1, 1]; the delay moves by at most
  ±`jitter_fraction` of itself, so a burst of failures to one endpoint does not retry in lockstep.
- Retry-After raises the delay to at least its value, clamped to `max_retry_after_s` (1 h for
  webhooks): a receiver asking for days must not park the queue, and news goes stale; the clamped
  retry still uses up an attempt, so a receiver that keeps refusing is eventually exhausted.
- A Retry-After *shorter* than the schedule's next step is honoured as the next attempt time
  (never sooner than `MIN_RETRY_AFTER_S`), without using up a step: a receiver back in two seconds
  gets the alert in two seconds, not after the 5-minute step. After `MAX_SHORT_WAITS` such waits in
  a row the schedule resumes, so a receiver answering "1 s" forever is still paced and exhausted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult

# Svix's default: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts over ~27.6 h).
SVIX_SCHEDULE: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
# Slack alerts are for humans now: give up within about half an hour rather than a day.
SLACK_SCHEDULE: tuple[float, ...] = (0, 1, 5, 30, 120, 600, 1800)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    schedule: tuple[float, ...] = SVIX_SCHEDULE
    jitter_fraction: float = 0.1
    max_retry_after_s: float = 3600.0

    def __post_init__(self) -> None:
        if not self.schedule or any(d < 0 for d in self.schedule):
            raise ValueError("schedule must be a non-empty list of non-negative delays")
        if not 0 <= self.jitter_fraction < 1:
            raise ValueError("jitter_fraction must be in [0, 1)")
        if self.max_retry_after_s < 0:
            raise ValueError("max_retry_after_s must be non-negative")

    @property
    def max_attempts(self) -> int:
        return len(self.schedule)

    def with_schedule(self, schedule: tuple[float, ...]) -> RetryPolicy:
        """The same policy on another schedule (TOCSIN_RETRY_SCHEDULE; tests shorten it)."""
        return RetryPolicy(schedule, self.jitter_fraction, self.max_retry_after_s)


MIN_RETRY_AFTER_S = 1.0
MAX_SHORT_WAITS = 3

WEBHOOK_POLICY = RetryPolicy()
SLACK_POLICY = RetryPolicy(schedule=SLACK_SCHEDULE, jitter_fraction=0.1, max_retry_after_s=600.0)


def retry_delay(
    policy: RetryPolicy, attempt_number: int, retry_after_s: float | None, jitter: float
) -> float:
    """Seconds between the end of attempt `attempt_number` (1-based) and the next one."""
    if not -1.0 <= jitter <= 1.0:
        raise ValueError("jitter must be in [-1, 1]")
    if not 1 <= attempt_number < policy.max_attempts:
        raise ValueError(f"no attempt follows attempt {attempt_number}")
    delay = policy.schedule[attempt_number] * (1.0 + policy.jitter_fraction * jitter)
    if retry_after_s is not None:
        delay = max(delay, min(max(retry_after_s, 0.0), policy.max_retry_after_s))
    return delay


def next_attempt(
    policy: RetryPolicy, attempt_number: int, result: DeliveryResult, now: datetime, jitter: float
) -> datetime | None:
    """When to make the next attempt after `result`; None when there is none (done or exhausted)."""
    if attempt_number < 1:
        raise ValueError("attempt_number is 1-based")
    if result.outcome is not DeliveryOutcome.RETRY or attempt_number >= policy.max_attempts:
        return None
    return now + timedelta(seconds=retry_delay(policy, attempt_number, result.retry_after_s, jitter))


@dataclass(frozen=True, slots=True)
class Planned:
    at: datetime
    short: bool  # a honoured short Retry-After: the schedule step was not used up


def plan_next(
    policy: RetryPolicy,
    step: int,
    result: DeliveryResult,
    now: datetime,
    jitter: float,
    *,
    short_streak: int = 0,
) -> Planned | None:
    """The next attempt after `result`, `step` schedule steps in (1-based), `short_streak` short
    Retry-After waits just before it; None when there is none (done or exhausted)."""
    if step < 1:
        raise ValueError("step is 1-based")
    if result.outcome is not DeliveryOutcome.RETRY or step >= policy.max_attempts:
        return None
    wait = result.retry_after_s
    if wait is not None and short_streak < MAX_SHORT_WAITS and wait < policy.schedule[step]:
        return Planned(now + timedelta(seconds=max(MIN_RETRY_AFTER_S, wait)), short=True)
    when = next_attempt(policy, step, result, now, jitter)
    return None if when is None else Planned(when, short=False)
