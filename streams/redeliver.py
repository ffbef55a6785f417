"""`tocsin redeliver`: replay deliveries that ended without success (from the deliveries DLQ).

Reads the whole DLQ (it keeps no offsets of its own) and sends each entry back as a `replay`
record with its attempts reset. The worker skips any webhook-id delivered since, so running this
twice sends nothing twice; receivers see the original webhook-id and can deduplicate.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from agents.core.dispatch import DeliveryTask
from agents.dispatcher import schedule_record
from streams.app import utcnow
from streams.settings import Settings
from streams.topics import partitions_of


async def redeliver(
    *, limit: int | None = None, subscription: str | None = None, settings: Settings | None = None
) -> int:
    import orjson

    settings = settings or Settings.from_env()
    t = settings.topics
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    await consumer.start()
    await producer.start()
    replayed = seen = 0
    try:
        parts = await partitions_of(settings.bootstrap, t.deliveries_dlq)
        tps = [TopicPartition(t.deliveries_dlq, p) for p in parts]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        end = await consumer.end_offsets(tps)
        while any([await consumer.position(tp) < end[tp] for tp in tps]):
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    seen += 1
                    entry = orjson.loads(r.value)
                    task = DeliveryTask.model_validate(entry["task"])
                    if subscription and task.subscription_id != subscription:
                        continue
                    if limit is not None and replayed >= limit:
                        continue
                    fresh = task.model_copy(update={"attempts": [], "not_before": utcnow()})
                    await producer.send(
                        t.deliveries_retry, key=r.key, value=schedule_record(fresh, replay=True)
                    )
                    replayed += 1
        await producer.flush()
    finally:
        await consumer.stop()
        await producer.stop()
    print(f"replayed {replayed} of {seen} dead-lettered deliveries from {t.deliveries_dlq}")
    return 0
