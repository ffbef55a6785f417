"""Runs due delivery tasks: the plan (`agents.core.delivery.plan.plan_due`) carried out, results
back to Kafka.

The durable state is Kafka's: pending tasks live in the `delivery_pending` table (changelogged),
written only by the `track_deliveries` agent from records on the deliveries topic. The sender
keeps an in-memory index of that table and turns each attempt's result into the next record. A
crash between an attempt and its record means the attempt is made again with the same
`webhook-id`, which receivers use to deduplicate: at-least-once, never lost.

Nothing here waits on a subscriber: a slow or dead endpoint only delays its own tasks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import Counter
from datetime import datetime
from typing import Protocol

from agents.core.delivery.channels import CHANNELS
from agents.core.delivery.kind import Kind
from agents.core.delivery.ledger import Ending
from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.plan import Send, pace_key, plan_due
from agents.core.delivery.rate import SlackPacer
from agents.core.delivery.records import DeadLetter, Done, Schedule, encode
from agents.core.delivery.render import render
from agents.core.delivery.retry import RetryPolicy
from agents.core.delivery.slack_api import thread_parent
from agents.core.delivery.subscriptions import Subscription, disable
from agents.core.delivery.tasks import (
    DeliveryTask,
    Ended,
    Final,
    Next,
    Reschedule,
    after_attempt,
    is_due,
    partition_key,
)
from agents.core.delivery.thread import SlackThread
from agents.notifiers import Notifier
from streams.fence import partition_of
from streams.runtime import Runtime
from streams.subscription_store import SubscriptionStore

log = logging.getLogger(__name__)

TICK_S = 0.25


def policies(rt: Runtime) -> dict[Kind, RetryPolicy]:
    """Each channel's retry policy, with the schedule from the settings where one is set."""
    s = rt.settings
    schedules: dict[Kind, tuple[float, ...] | None] = {
        "webhook": s.retry_schedule,
        "slack": s.slack_retry_schedule,
        "slack_api": s.slack_retry_schedule,
    }
    out: dict[Kind, RetryPolicy] = {}
    for kind, channel in CHANNELS.items():
        schedule = schedules.get(kind)
        out[kind] = channel.policy if not schedule else channel.policy.with_schedule(schedule)
    return out


class Owner(Protocol):
    """Which tasks this worker may attempt (streams/fence.py: the active owner, caught up)."""

    async def refresh(self) -> None: ...

    def owns(self, key: str) -> bool: ...


class Sender:
    def __init__(self, rt: Runtime, store: SubscriptionStore, fence: Owner) -> None:
        self.rt, self.store, self.fence = rt, store, fence
        self.tasks: dict[str, DeliveryTask] = {}  # index of the pending table, parsed once
        self.inflight: set[str] = set()
        self.lanes: Counter[str] = Counter()
        self.attempted: dict[str, int] = {}  # attempts made here that Kafka has not echoed back yet
        self.pacer = SlackPacer(min_interval_s=rt.settings.slack_min_interval_s)
        self.policies = policies(rt)
        self.wake = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        self._notifiers: dict[Kind, Notifier] = {}

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
    async def run(self, notifiers: dict[Kind, Notifier]) -> None:
        self._notifiers = notifiers
        await self.store.ready.wait()
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), TICK_S)
            self.wake.clear()
            try:
                await self.fence.refresh()
                self.resync()
                self.start_due()
            except Exception:  # the loop must outlive any one bad task
                log.exception("sender tick failed")

    def resync(self) -> None:
        """After recovery (restart, rebalance) the table holds tasks this index has not seen, and
        lacks some it has: compare the key sets (equal counts can hide a swap)."""
        pending = self.rt.tables.delivery_pending
        keys = {k.decode() if isinstance(k, bytes) else k for k in pending}
        if keys != self.tasks.keys():
            for wid in keys - self.tasks.keys():
                raw = pending.get(wid.encode())
                if raw:
                    self.tasks[wid] = DeliveryTask.model_validate(raw)
            for wid in self.tasks.keys() - keys:
                del self.tasks[wid]
        # Set on every tick: set only on a mismatch, it stayed at 0 while tasks scheduled through
        # `on_scheduled` piled up behind a dead receiver.
        self.rt.metrics.retry_pending.set(len(self.tasks))

    def start_due(self) -> list[Send]:
        ledger = self.rt.tables.delivery_ledger
        sends = plan_due(
            self.tasks.values(),
            now=self.rt.now(),
            subscriptions=self.store.subs,
            inflight=self.inflight,
            attempted=self.attempted,
            lanes=self.lanes,
            ended=lambda wid: ledger.get(wid.encode()) is not None,
            owned=lambda t: self.fence.owns(partition_key(t)),
            pacer=self.pacer,
        )
        for send in sends:
            self._spawn(send)
        return sends

    async def drain(self, timeout_s: float) -> int:
        """Partitions are being revoked: let attempts in flight record their outcome first, so the
        next owner reads their `done` records instead of sending again. Returns those still running."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=timeout_s)
        return len(self._running)

    def _spawn(self, send: Send) -> None:
        tasks = send.tasks
        for t in tasks:
            self.inflight.add(t.webhook_id)
        lane = tasks[0].subscription_id
        self.lanes[lane] += 1
        job = asyncio.ensure_future(self._attempt(tasks, send.subscription))
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

    async def _attempt(self, tasks: tuple[DeliveryTask, ...], sub: Subscription | None) -> None:
        started = self.rt.now()
        if sub is None or not sub.enabled:
            for t in tasks:
                await self._finish(Ended(t, Final.SKIPPED), "subscription deleted or disabled")
            return
        result = await self._send(tasks, sub, started)
        ended = self.rt.now()
        thread = result.thread if result.outcome is DeliveryOutcome.OK else None
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
            await self._finish(nxt, result.reason, thread)
        if result.outcome is DeliveryOutcome.DISABLE:
            await self.store.put(disable(sub, f"{result.status}: {result.reason}"[:300]))

    async def _send(
        self, tasks: tuple[DeliveryTask, ...], sub: Subscription, now: datetime
    ) -> DeliveryResult:
        thread = self.thread_of(tasks[0]) if CHANNELS[sub.kind].threaded else None
        result = await self._notifiers[sub.kind].send(sub.url, render(tasks, sub, now, thread))
        if CHANNELS[sub.kind].uses_pacer:  # a paced channel: its next slot
            if result.outcome is DeliveryOutcome.RETRY:
                self.pacer.record_throttled(pace_key(sub), self.rt.now(), result.retry_after_s)
            else:
                self.pacer.record_sent(pace_key(sub), self.rt.now())
        return result

    def thread_of(self, task: DeliveryTask) -> SlackThread | None:
        """The alert's thread, from the ledger entries of its earlier revisions to this subscription:
        on this partition (`partition_key`), applied before this worker may attempt (the fence)."""
        ledger = self.rt.tables.delivery_ledger

        def ended_in(wid: str) -> SlackThread | None:
            raw = ledger.get(wid.encode())
            return Ending.model_validate(raw).thread if raw else None

        return thread_parent(task, ended_in)

    async def _finish(self, nxt: Next, reason: str, thread: SlackThread | None = None) -> None:
        topics, wid = self.rt.topics, nxt.task.webhook_id.encode()
        partition = partition_of(partition_key(nxt.task).encode(), self.rt.settings.partitions)
        if isinstance(nxt, Reschedule):
            await topics.deliveries_retry.send(
                key=wid, value=encode(Schedule(task=nxt.task)), partition=partition
            )
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
            dead = DeadLetter(final=nxt.final, reason=reason, task=nxt.task)
            await topics.deliveries_dlq.send(key=wid, value=dead.encode())
        done = Done(final=nxt.final, attempts=nxt.task.attempt_count, at=self.rt.now(), thread=thread)
        await topics.deliveries_retry.send(key=wid, value=encode(done), partition=partition)
