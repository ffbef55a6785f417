"""Which due delivery tasks to attempt now, and grouped how: the sender's decision, pure.

Rules, in the order they apply:
- a task is ready when due, not in flight, not attempted here since its last schedule record
  (an attempt whose result Kafka has not echoed back yet is not made twice), and `owned` (this
  worker is the active owner of its partition and has caught up: streams/fence.py);
- revisions of one alert reach one subscriber in order: a later one waits while an earlier one
  is pending, and up to `ORDER_GRACE_S` for a predecessor whose schedule record is still on its
  way (another partition) unless the ledger shows it ended;
- at most `limit` attempts in flight in all; per subscription at most its channel's `lane`;
- a paced channel (Slack) sends a subscription's due tasks when its pacer slot is open (`pace_key`:
  the webhook URL, or the Web API channel), at most `digest_max` of them as one message (a digest);
- a task whose subscription is gone or disabled is handed on alone (the sender records it skipped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import datetime

from agents.core.delivery.channels import CHANNELS
from agents.core.delivery.rate import SendNow, SlackPacer
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.tasks import DeliveryTask, is_due
from agents.core.delivery.webhook_message import webhook_id

ORDER_GRACE_S = 2.0
GLOBAL_LIMIT = 256


def pace_key(sub: Subscription) -> str:
    """What Slack rate-limits: an incoming webhook, or one channel of the Web API."""
    return sub.url if sub.channel is None else f"{sub.url}#{sub.channel}"


@dataclass(frozen=True, slots=True)
class Send:
    """One attempt: one message to one subscription (`subscription` None: deleted meanwhile)."""

    tasks: tuple[DeliveryTask, ...]
    subscription: Subscription | None


def plan_due(
    tasks: Iterable[DeliveryTask],
    *,
    now: datetime,
    subscriptions: Mapping[str, Subscription],
    inflight: Set[str],
    attempted: Mapping[str, int],
    lanes: Mapping[str, int],
    ended: Callable[[str], bool],
    owned: Callable[[DeliveryTask], bool],
    pacer: SlackPacer,
    limit: int = GLOBAL_LIMIT,
) -> list[Send]:
    """The attempts to start now. `lanes`: attempts in flight per subscription id; `ended(wid)`:
    the ledger knows how that delivery ended; `owned(task)`: this worker may attempt it."""
    tasks = list(tasks)
    first: dict[tuple[str, str], int] = {}
    for t in tasks:
        key = (t.alert.id, t.subscription_id)
        first[key] = min(first.get(key, t.alert.revision), t.alert.revision)

    def ready(t: DeliveryTask) -> bool:
        return (
            is_due(t, now)
            and t.webhook_id not in inflight
            and attempted.get(t.webhook_id, 0) <= t.attempt_count
            and owned(t)
        )

    def in_order(t: DeliveryTask) -> bool:
        if t.alert.revision != first[(t.alert.id, t.subscription_id)]:
            return False
        if t.alert.revision == 1 or (now - t.created_at).total_seconds() >= ORDER_GRACE_S:
            return True
        return ended(webhook_id(t.alert.id, t.alert.revision - 1, t.subscription_id))

    due = sorted((t for t in tasks if ready(t) and in_order(t)), key=lambda t: t.not_before)
    busy = Counter(lanes)
    in_flight = len(inflight)
    sends: list[Send] = []
    digests: dict[str, list[DeliveryTask]] = {}
    for task in due:
        if in_flight >= limit:
            break
        sub = subscriptions.get(task.subscription_id)
        channel = CHANNELS[task.kind]
        if sub is not None and sub.enabled and channel.uses_pacer:
            digests.setdefault(sub.id, []).append(task)
        elif sub is None or not sub.enabled or busy[task.subscription_id] < channel.lane:
            sends.append(Send((task,), sub))
            busy[task.subscription_id] += 1
            in_flight += 1
    for sub_id, waiting in digests.items():
        sub = subscriptions[sub_id]
        if busy[sub_id] >= CHANNELS[sub.kind].lane:
            continue
        if isinstance(pacer.decide(pace_key(sub), now, len(waiting)), SendNow):
            sends.append(Send(tuple(waiting[: CHANNELS[sub.kind].digest_max]), sub))
    return sends
