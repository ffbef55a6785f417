"""Agents: alerts -> delivery tasks (fan-out), and the deliveries topic -> pending/ledger tables.

    alerts.v1 --fan_out_alerts--> deliveries.retry.v1 (schedule) --track_deliveries--> pending table
        Dispatcher (background) attempts due tasks, writes schedule/done records back.

Nothing here waits on a subscriber: a slow or dead endpoint only delays its own tasks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from agents.core.delivery.targets import parse_allowed
from agents.core.dispatch import DeliveryTask, new_task
from agents.core.models import Alert
from agents.dispatcher import Dispatcher, schedule_record
from streams.fence import DeliveryFence
from streams.ordered import events_in_order

if TYPE_CHECKING:
    from streams.app import Runtime
    from streams.subscription_store import SubscriptionStore

log = logging.getLogger(__name__)
DRAIN_S = 5.0  # longest a revoke waits for delivery attempts in flight


def may_schedule(op: str, ended: dict[str, Any] | None) -> bool:
    """A plain schedule never reopens a finished delivery (a re-read alert after a crash); a replay
    (`tocsin redeliver`) reopens any that was not delivered, so replaying twice sends nothing twice."""
    if ended is None:
        return True
    return op == "replay" and ended.get("final") != "delivered"


def register(rt: Runtime, store: SubscriptionStore) -> Dispatcher:
    topics, settings = rt.topics, rt.settings
    pending = rt.json_table("delivery_pending")
    ledger = rt.json_table("delivery_ledger")  # webhook-id -> how it ended; a replayed alert is not resent
    assert rt.positions is not None
    deliveries = topics["deliveries_retry"].get_topic_name()
    fence = DeliveryFence(rt.app, rt.in_order, deliveries, settings.partitions, rt.positions.end_of)
    dispatcher = Dispatcher(rt, store, pending, ledger, fence)

    @rt.app.on_partitions_revoked.connect
    async def finish_inflight(app: Any, revoked: Any, **_: Any) -> None:
        # Bounded: a hung subscriber must not hold the whole group's rebalance (its attempt is then
        # re-made by the next owner under the same webhook-id).
        left = await dispatcher.drain(min(settings.http_timeout_s, DRAIN_S))
        if left:
            log.warning("rebalance: %d delivery attempts still in flight; they may be re-sent", left)
        await app.producer.flush()

    @rt.app.agent(topics["alerts"], name="fan_out_alerts")
    async def fan_out_alerts(stream: Any) -> None:
        async for event in events_in_order(rt.in_order, stream, topics["alerts"].get_topic_name()):
            raw = event.value
            try:
                alert = Alert.model_validate_json(raw)
            except ValueError as exc:  # a foreign record on the alerts topic must not stop delivery
                log.error("fan_out_alerts: unreadable alert: %s", exc)
                rt.metrics.records_skipped.labels("fan_out_alerts").inc()
                continue
            await store.ready.wait()
            now = rt.now()
            for sub in store.matching(alert):
                task = new_task(alert, sub, now=now)
                await topics["deliveries_retry"].send(
                    key=task.webhook_id.encode(), value=schedule_record(task)
                )

    def apply(raw_key: bytes, rec: dict[str, Any]) -> None:
        op, wid = rec["op"], raw_key.decode()
        if op == "done":
            pending.pop(raw_key, None)
            ledger[raw_key] = {k: rec[k] for k in ("final", "attempts", "at")}
            dispatcher.on_done(wid)
        elif may_schedule(op, ledger.get(raw_key)):
            task = DeliveryTask.model_validate(rec["task"])  # validated before anything is written
            if op == "replay":
                ledger.pop(raw_key, None)
            pending[raw_key] = rec["task"]
            dispatcher.on_scheduled(task)

    @rt.app.agent(topics["deliveries_retry"], name="track_deliveries")
    async def track_deliveries(stream: Any) -> None:
        async for event in events_in_order(rt.in_order, stream, topics["deliveries_retry"].get_topic_name()):
            raw_key, raw = event.key, event.value
            try:
                apply(raw_key, orjson.loads(raw))
            except (ValueError, KeyError, TypeError) as exc:
                log.error("track_deliveries: unreadable record %r: %s", raw_key, exc)
                rt.metrics.records_skipped.labels("track_deliveries").inc()

    @rt.app.task
    async def run_subscriptions() -> None:
        await store.run()

    @rt.app.task
    async def run_dispatcher() -> None:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            await dispatcher.run(
                client, parse_allowed(settings.allow_private_targets), settings.http_timeout_s
            )

    return dispatcher
