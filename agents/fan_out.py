"""Agent: alerts -> one delivery task per matching subscription, scheduled on the deliveries topic.

alerts.v1 --fan_out_alerts--> deliveries.retry.v1 (Schedule) --track_deliveries--> pending table
"""

from __future__ import annotations

import logging

from faust.types import StreamT

from agents.core.delivery.records import Schedule, encode
from agents.core.delivery.tasks import new_task, partition_key
from agents.core.models import Alert
from streams.fence import partition_of
from streams.ordered import events_in_order
from streams.runtime import Runtime
from streams.subscription_store import SubscriptionStore

log = logging.getLogger(__name__)


async def fan_out_alerts(rt: Runtime, store: SubscriptionStore, stream: StreamT[bytes]) -> None:
    """Agent `fan_out_alerts`. Nothing here waits on a subscriber, only on the subscriptions view."""
    async for event in events_in_order(rt.in_order, stream, rt.topics.alerts.get_topic_name()):
        try:
            alert = Alert.model_validate_json(event.value)
        except ValueError as exc:  # a foreign record on the alerts topic must not stop delivery
            log.error("fan_out_alerts: unreadable alert: %s", exc)
            rt.metrics.records_skipped.labels("fan_out_alerts").inc()
            continue
        await store.ready.wait()
        now = rt.now()
        for sub in store.matching(alert):
            task = new_task(alert, sub, now=now)
            await rt.topics.deliveries_retry.send(
                key=task.webhook_id.encode(),
                value=encode(Schedule(task=task)),
                partition=partition_of(partition_key(task).encode(), rt.settings.partitions),
            )
