"""When to poll a feed again: its interval when it answers, backoff when it fails, and the
server's Retry-After when it asks (429, 503), clamped so a feed cannot park itself for days.

`jitter` is drawn by the caller from [-1, 1] (±10 %), so feeds that failed together do not
retry in lockstep.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from agents.core.delivery.outcome import parse_retry_after


class PollResult(StrEnum):
    OK = "ok"  # 200, body parsed
    NOT_MODIFIED = "not_modified"  # 304: the validators matched
    THROTTLED = "throttled"  # 429 or 503: honour Retry-After
    FAILED = "failed"  # other status, transport error, timeout, refused, unparseable


@dataclass(frozen=True, slots=True)
class PollPolicy:
    max_backoff_s: float = 3600.0
    max_retry_after_s: float = 6 * 3600.0
    jitter_fraction: float = 0.1


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the ingester remembers per feed between polls (in memory: a restart polls at once)."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_at: datetime | None = None  # None: poll now
    last_result: PollResult | None = None

    def due(self, now: datetime) -> bool:
        return self.next_at is None or now >= self.next_at


def classify_status(status: int) -> PollResult:
    if status == 304:
        return PollResult.NOT_MODIFIED
    if status in (429, 503):
        return PollResult.THROTTLED
    if 200 <= status < 300:
        return PollResult.OK
    return PollResult.FAILED


def backoff_s(interval_s: float, failures: int, policy: PollPolicy) -> float:
    """interval x 2^failures, capped: 1 failure waits 2 intervals, 2 wait 4, ..."""
    return min(interval_s * 2.0 ** min(failures, 30), max(policy.max_backoff_s, interval_s))


def after_poll(
    state: FeedState,
    result: PollResult,
    *,
    now: datetime,
    interval_s: float,
    jitter: float,
    etag: str | None = None,
    last_modified: str | None = None,
    retry_after: str | None = None,
    policy: PollPolicy = PollPolicy(),
) -> FeedState:
    """The feed's state after one poll, with the time of the next."""
    if not -1.0 <= jitter <= 1.0:
        raise ValueError("jitter must be in [-1, 1]")
    if result in (PollResult.OK, PollResult.NOT_MODIFIED):
        validators = {"etag": etag, "last_modified": last_modified} if result is PollResult.OK else {}
        return replace(
            state,
            failures=0,
            next_at=now + timedelta(seconds=interval_s),
            last_result=result,
            **validators,
        )
    failures = state.failures + 1
    delay = backoff_s(interval_s, failures, policy) * (1.0 + policy.jitter_fraction * jitter)
    if result is PollResult.THROTTLED:
        asked = parse_retry_after(retry_after, now=now)
        if asked is not None:
            delay = max(delay, min(asked, policy.max_retry_after_s))
    return replace(state, failures=failures, next_at=now + timedelta(seconds=delay), last_result=result)
