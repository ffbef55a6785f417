"""Runs due delivery tasks: per-subscription lanes, Slack pacing and digests, results back to Kafka.

The durable state is Kafka's: pending tasks live in the `delivery_pending` table (changelogged),
written only by the `track_deliveries` agent from records on the deliveries topic. This class keeps
an in-memory index of that table and turns each attempt's result into the next record. A crash
between an attempt and its record means the attempt is made again with the same `webhook-id`,
which receivers use to deduplicate: at-least-once, never lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import Counter
from typing import TYPE_CHECKING, Any

import orjson

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.rate import SendNow, SlackPacer
from agents.core.delivery.retry import SLACK_POLICY, WEBHOOK_POLICY, RetryPolicy
from agents.core.delivery.signing import sign
from agents.core.delivery.slack_blocks import DIGEST_MAX_ITEMS, slack_payload
from agents.core.delivery.subscriptions import Subscription, disable
from agents.core.delivery.webhook_message import webhook_body, webhook_id
from agents.core.dispatch import DeliveryTask, Done, Final, Next, Reschedule, after_attempt, is_due
from agents.notifiers.slack import SlackNotifier
from agents.notifiers.webhook import WebhookNotifier

if TYPE_CHECKING:
    from streams.app import Runtime
    from streams.fence import DeliveryFence
    from streams.subscription_store import SubscriptionStore

log = logging.getLogger(__name__)

WEBHOOK_LANE = 8  # concurrent attempts per webhook subscription: a slow one cannot take every slot
GLOBAL_LIMIT = 256
# A digest names at most DIGEST_MAX_ITEMS alerts and summarises the rest as "+K more": taking more
# tasks than that into one post would mark alerts delivered that no reader saw. The rest wait for
# the next slot (one second later).
SLACK_DIGEST_MAX = DIGEST_MAX_ITEMS
TICK_S = 0.25
# How long an update waits for its previous revision's task to show up (it may not match at all).
ORDER_GRACE_S = 2.0


def _policy(schedule: str, default: RetryPolicy) -> RetryPolicy:
    if not schedule.strip():
        return default
    delays = tuple(float(x) for x in schedule.split(","))
    return RetryPolicy(
        schedule=delays, jitter_fraction=default.jitter_fraction, max_retry_after_s=default.max_retry_after_s
    )


def schedule_record(task: DeliveryTask, *, replay: bool = False) -> bytes:
    return orjson.dumps({"op": "replay" if replay else "schedule", "task": task.model_dump(mode="json")})


class Dispatcher:
    def __init__(
        self, rt: Runtime, store: SubscriptionStore, pending: Any, ledger: Any, fence: DeliveryFence
    ) -> None:
        self.rt, self.store, self.pending, self.ledger, self.fence = rt, store, pending, ledger, fence
        self.tasks: dict[str, DeliveryTask] = {}  # index of the pending table, parsed once
        self.inflight: set[str] = set()
        self.lanes: Counter[str] = Counter()
        self.attempted: dict[str, int] = {}  # attempts made here that Kafka has not echoed back yet
        self.pacer = SlackPacer(min_interval_s=rt.settings.slack_min_interval_s)
        self.policies = {
            "webhook": _policy(rt.settings.retry_schedule, WEBHOOK_POLICY),
            "slack": _policy(rt.settings.slack_retry_schedule, SLACK_POLICY),
        }
        self.wake = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        self._webhook: WebhookNotifier | None = None
        self._slack: SlackNotifier | None = None

    # -- called by the track_deliveries agent, which owns the table -------------------------
    def on_scheduled(self, task: DeliveryTask) -> None:
        self.tasks[task.webhook_id] = task
        if self.attempted.get(task.webhook_id, 0) <= task.attempt_count:
            self.attempted.pop(task.webhook_id, None)
        if is_due(task, self.rt.now()):
            self.wake.set()

    def on_done(self, wid: str) -> None:
        self.tasks.pop(wid, None)
        self.attempted.pop(wid, None)

    # -- the loop ----------------------------------------------------------------------------
    async def run(self, client: Any, allowed: list[Any], timeout_s: float) -> None:
        self._webhook = WebhookNotifier(client, allowed_networks=allowed, timeout_s=timeout_s)
        self._slack = SlackNotifier(client, allowed_networks=allowed, timeout_s=timeout_s)
        await self.store.ready.wait()
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), TICK_S)
            self.wake.clear()
            try:
                await self.fence.refresh()
                self._resync()
                self._dispatch_due()
            except Exception:  # the loop must outlive any one bad task
                log.exception("dispatcher tick failed")

    def _resync(self) -> None:
        """After recovery (restart, rebalance) the table holds tasks this index has not seen."""
        # The gauge is set on every tick: set only on a mismatch, it stayed at 0 while tasks
        # scheduled through `on_scheduled` piled up behind a dead receiver.
        self.rt.metrics.retry_pending.set(len(self.tasks))
        if len(self.tasks) == len(self.pending):
            return
        keys = {k.decode() if isinstance(k, bytes) else k for k in self.pending}
        for wid in keys - self.tasks.keys():
            raw = self.pending.get(wid.encode())
            if raw:
                self.tasks[wid] = DeliveryTask.model_validate(raw)
        for wid in self.tasks.keys() - keys:
            del self.tasks[wid]
        self.rt.metrics.retry_pending.set(len(self.tasks))

    def _ready(self, task: DeliveryTask, now: Any) -> bool:
        return (
            is_due(task, now)
            and task.webhook_id not in self.inflight
            and self.attempted.get(task.webhook_id, 0) <= task.attempt_count
            and self.fence.owns(task.webhook_id)  # owner only, caught up (streams/fence.py)
        )

    async def drain(self, timeout_s: float) -> int:
        """Partitions are being revoked: let attempts in flight record their outcome first, so the
        next owner reads their `done` records instead of sending again. Returns those still running."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=timeout_s)
        return len(self._running)

    def _in_order(self, task: DeliveryTask, first: dict[tuple[str, str], int], now: Any) -> bool:
        if task.alert.revision != first[(task.alert.id, task.subscription_id)]:
            return False
        if task.alert.revision == 1 or (now - task.created_at).total_seconds() >= ORDER_GRACE_S:
            return True
        earlier = webhook_id(task.alert.id, task.alert.revision - 1, task.subscription_id)
        return self.ledger.get(earlier.encode()) is not None  # the previous revision is done

    def _dispatch_due(self) -> None:
        now = self.rt.now()
        # Revisions of one alert reach one subscriber in order: a later one waits while an earlier
        # one is pending (an `alert.updated` never arrives before its `alert.created`), and briefly
        # for a predecessor whose schedule record is still on its way (another partition).
        first: dict[tuple[str, str], int] = {}
        for t in self.tasks.values():
            key = (t.alert.id, t.subscription_id)
            first[key] = min(first.get(key, t.alert.revision), t.alert.revision)
        due = sorted(
            (t for t in self.tasks.values() if self._ready(t, now) and self._in_order(t, first, now)),
            key=lambda t: t.not_before,
        )
        slack: dict[str, list[DeliveryTask]] = {}
        for task in due:
            if len(self.inflight) >= GLOBAL_LIMIT:
                break
            sub = self.store.subs.get(task.subscription_id)
            if task.kind == "slack" and sub is not None and sub.enabled:
                slack.setdefault(sub.id, []).append(task)
            elif sub is None or not sub.enabled or self.lanes[task.subscription_id] < WEBHOOK_LANE:
                self._spawn([task], sub)
        for sub_id, tasks in slack.items():
            sub = self.store.subs[sub_id]
            if self.lanes[sub_id]:
                continue  # one Slack post at a time per webhook
            decision = self.pacer.decide(sub.url, now, len(tasks))
            if isinstance(decision, SendNow):
                self._spawn(tasks[:SLACK_DIGEST_MAX], sub)

    def _spawn(self, tasks: list[DeliveryTask], sub: Subscription | None) -> None:
        for t in tasks:
            self.inflight.add(t.webhook_id)
        lane = tasks[0].subscription_id
        self.lanes[lane] += 1
        job = asyncio.ensure_future(self._attempt(tasks, sub))
        self._running.add(job)

        def _finished(fut: asyncio.Task[None]) -> None:
            self._running.discard(fut)
            self.lanes[lane] -= 1
            failed = not fut.cancelled() and fut.exception() is not None
            if failed:  # e.g. Kafka unreachable while recording the result: try the task again
                log.error("delivery attempt failed before its result was recorded", exc_info=fut.exception())
            for t in tasks:
                self.inflight.discard(t.webhook_id)
                if failed:
                    self.attempted.pop(t.webhook_id, None)
            self.wake.set()

        job.add_done_callback(_finished)

    async def _attempt(self, tasks: list[DeliveryTask], sub: Subscription | None) -> None:
        started = self.rt.now()
        if sub is None or not sub.enabled:
            for t in tasks:
                await self._finish(Done(t, Final.SKIPPED), sub, "subscription deleted or disabled")
            return
        result = await self._post(tasks, sub, started)
        ended = self.rt.now()
        m = self.rt.metrics
        m.deliveries.labels(sub.kind, result.outcome.value).inc(len(tasks))
        for t in tasks:
            self.attempted[t.webhook_id] = t.attempt_count + 1
            if result.outcome is DeliveryOutcome.OK:
                m.delivery_latency.labels(sub.kind).observe((ended - t.alert.detected_at).total_seconds())
            nxt = after_attempt(
                t,
                result,
                started=started,
                now=ended,
                jitter=random.uniform(-1, 1),
                policy=self.policies[t.kind],
            )
            await self._finish(nxt, sub, result.reason)
        if result.outcome is DeliveryOutcome.DISABLE:
            await self.store.put(disable(sub, f"{result.status}: {result.reason}"[:300]))

    async def _post(self, tasks: list[DeliveryTask], sub: Subscription, now: Any) -> DeliveryResult:
        assert self._webhook is not None and self._slack is not None
        if sub.kind == "slack":
            result = await self._slack.post(sub.url, slack_payload([t.alert for t in tasks]))
            if result.outcome is DeliveryOutcome.RETRY:
                self.pacer.record_throttled(sub.url, self.rt.now(), result.retry_after_s)
            else:
                self.pacer.record_sent(sub.url, self.rt.now())
            return result
        [task] = tasks
        assert sub.secret is not None
        body = webhook_body(task.alert, now=now)
        headers = sign(task.webhook_id, now, body, sub.secret.get_secret_value())
        return await self._webhook.deliver(sub.url, body, headers)

    async def _finish(self, nxt: Next, sub: Subscription | None, reason: str) -> None:
        topics, wid = self.rt.topics, nxt.task.webhook_id.encode()
        if isinstance(nxt, Reschedule):
            await topics["deliveries_retry"].send(key=wid, value=schedule_record(nxt.task))
            return
        if nxt.final is not Final.DELIVERED:
            log.warning(
                "delivery %s to %s ended %s: %s",
                nxt.task.webhook_id,
                nxt.task.subscription_id,
                nxt.final.value,
                reason,
            )
            self.rt.metrics.deliveries_dlq.labels(nxt.task.kind).inc()
            dead = {"final": nxt.final.value, "reason": reason, "task": nxt.task.model_dump(mode="json")}
            await topics["deliveries_dlq"].send(key=wid, value=orjson.dumps(dead))
        done = {
            "op": "done",
            "final": nxt.final.value,
            "attempts": nxt.task.attempt_count,
            "at": self.rt.now().isoformat(),
        }
        await topics["deliveries_retry"].send(key=wid, value=orjson.dumps(done))
