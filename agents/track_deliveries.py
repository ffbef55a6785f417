"""Agent: the deliveries topic -> the pending and ledger tables (`agents.core.delivery.ledger`),
and the sender's index of what is pending."""

from __future__ import annotations

import logging

from faust.types import StreamT

from agents.core.delivery import ledger
from agents.core.delivery.records import decode
from agents.sender import Sender
from streams.ordered import events_in_order
from streams.runtime import Runtime

log = logging.getLogger(__name__)


def apply(rt: Runtime, sender: Sender, raw_key: bytes | None, raw: bytes | None) -> ledger.Transition:
    """Fold one record into the tables; raises ValueError on a record that is not ours."""
    if raw_key is None or raw is None:
        raise ValueError("a deliveries record has a key (its webhook-id) and a value")
    record = decode(raw)  # validated before anything is written
    pending, ended_table = rt.tables.delivery_pending, rt.tables.delivery_ledger
    known = ended_table.get(raw_key)
    step = ledger.step(ledger.Ending.model_validate(known) if known else None, record)
    wid = raw_key.decode()
    if isinstance(step, ledger.Close):
        pending.pop(raw_key, None)
        ended_table[raw_key] = step.ending.model_dump(mode="json")
        sender.on_done(wid)
    elif isinstance(step, ledger.Open):
        if step.reopened:
            ended_table.pop(raw_key, None)
        pending[raw_key] = step.task.model_dump(mode="json")
        sender.on_scheduled(step.task)
    return step


async def track_deliveries(rt: Runtime, sender: Sender, stream: StreamT[bytes]) -> None:
    """Agent `track_deliveries`: the only writer of the two tables."""
    async for event in events_in_order(rt.in_order, stream, rt.topics.deliveries_retry.get_topic_name()):
        try:
            apply(rt, sender, event.key, event.value)
        except ValueError as exc:
            log.error("track_deliveries: unreadable record %r: %s", event.key, exc)
            rt.metrics.records_skipped.labels("track_deliveries").inc()
