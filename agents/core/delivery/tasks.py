"""Delivery tasks and what happens to one after an attempt: the delivery state machine.

A task is one alert revision for one subscription, identified by its `webhook-id`. Its life is a
series of records on the deliveries topic (keyed by webhook-id):

    schedule(task, not_before) --attempt--> done(delivered | gave_up | disabled | skipped)
                                       \\--> schedule(task, later)        RETRY, schedule left
                                       \\--> done(exhausted) + deliveries DLQ

Pure: the shell reads the clock, draws the jitter and does the I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, Field

from agents.core.delivery.channels import CHANNELS
from agents.core.delivery.kind import Kind
from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.retry import RetryPolicy, plan_next
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.webhook_message import webhook_id
from agents.core.models import Alert


class Final(StrEnum):
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"
    DISABLED = "disabled"
    EXHAUSTED = "exhausted"
    SKIPPED = "skipped"  # the subscription was deleted or disabled meanwhile


class Attempt(BaseModel):
    at: AwareDatetime
    outcome: DeliveryOutcome
    status: int | None = None
    reason: str = ""
    duration_ms: float | None = None
    # The wait after this attempt was a short Retry-After (it used no schedule step).
    short_wait: bool = False


class DeliveryTask(BaseModel):
    webhook_id: str
    subscription_id: str
    kind: Kind
    alert: Alert
    not_before: AwareDatetime
    created_at: AwareDatetime
    attempts: list[Attempt] = Field(default_factory=list)

    @property
    def attempt_count(self) -> int:
        return len(self.attempts)


def new_task(alert: Alert, sub: Subscription, *, now: datetime) -> DeliveryTask:
    return DeliveryTask(
        webhook_id=webhook_id(alert.id, alert.revision, sub.id),
        subscription_id=sub.id,
        kind=sub.kind,
        alert=alert,
        not_before=now,
        created_at=now,
    )


def partition_key(task: DeliveryTask) -> str:
    """What a task's records are partitioned by (their Kafka key stays the webhook-id). A threaded
    channel keeps every revision of one alert to one subscription on one partition, so the worker
    that sends revision N also holds the ledger entry with revision 1's thread."""
    if CHANNELS[task.kind].threaded:
        return f"thread\n{task.subscription_id}\n{task.alert.id}"
    return task.webhook_id


def policy_for(kind: Kind) -> RetryPolicy:
    return CHANNELS[kind].policy


@dataclass(frozen=True, slots=True)
class Reschedule:
    task: DeliveryTask


@dataclass(frozen=True, slots=True)
class Ended:
    task: DeliveryTask
    final: Final


Next = Reschedule | Ended

_FINAL_FOR = {
    DeliveryOutcome.OK: Final.DELIVERED,
    DeliveryOutcome.GIVE_UP: Final.GAVE_UP,
    DeliveryOutcome.DISABLE: Final.DISABLED,
}


def after_attempt(
    task: DeliveryTask,
    result: DeliveryResult,
    *,
    started: datetime,
    now: datetime,
    jitter: float,
    policy: RetryPolicy | None = None,
) -> Next:
    """Record the attempt and decide: done (with why) or try again at a later `not_before`."""
    attempt = Attempt(
        at=started,
        outcome=result.outcome,
        status=result.status,
        reason=result.reason[:300],
        duration_ms=round((now - started).total_seconds() * 1000, 1),
    )
    earlier = task.attempts
    if result.outcome is not DeliveryOutcome.RETRY:
        return Ended(task.model_copy(update={"attempts": [*earlier, attempt]}), _FINAL_FOR[result.outcome])
    streak = 0
    for a in reversed(earlier):
        if not a.short_wait:
            break
        streak += 1
    step = 1 + len(earlier) - sum(a.short_wait for a in earlier)  # schedule steps used, this one included
    planned = plan_next(policy or policy_for(task.kind), step, result, now, jitter, short_streak=streak)
    if planned is None:
        return Ended(task.model_copy(update={"attempts": [*earlier, attempt]}), Final.EXHAUSTED)
    attempt = attempt.model_copy(update={"short_wait": planned.short})
    return Reschedule(task.model_copy(update={"attempts": [*earlier, attempt], "not_before": planned.at}))


def is_due(task: DeliveryTask, now: datetime) -> bool:
    return task.not_before <= now
