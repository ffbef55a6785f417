"""`tocsin redeliver`: replay deliveries that ended without success (from the deliveries DLQ).

Reads the whole DLQ (it keeps no offsets of its own) and sends each entry back as a `Replay`
record with its attempts reset. The worker skips any webhook-id delivered since, so running this
twice sends nothing twice; receivers see the original webhook-id and can deduplicate.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from agents.core.delivery.records import DeadLetter, Replay, encode
from agents.core.delivery.tasks import partition_key
from streams.fence import partition_of
from streams.runtime import utcnow
from streams.settings import Settings
from streams.topics import assign_from_start, caught_up


async def redeliver(*, settings: Settings, limit: int | None = None, subscription: str | None = None) -> int:
    t = settings.topics
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    await consumer.start()
    try:
        await producer.start()
        replayed = seen = 0
        try:
            ends = await assign_from_start(consumer, settings.bootstrap, t.deliveries_dlq)
            while not await caught_up(consumer, ends):
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    for r in records:
                        seen += 1
                        task = DeadLetter.decode(r.value).task
                        if subscription and task.subscription_id != subscription:
                            continue
                        if limit is not None and replayed >= limit:
                            continue
                        fresh = task.model_copy(update={"attempts": [], "not_before": utcnow()})
                        await producer.send(
                            t.deliveries_retry,
                            key=r.key,
                            value=encode(Replay(task=fresh)),
                            partition=partition_of(partition_key(fresh).encode(), settings.partitions),
                        )
                        replayed += 1
            await producer.flush()
        finally:
            await producer.stop()
    finally:
        await consumer.stop()
    print(f"replayed {replayed} of {seen} dead-lettered deliveries from {t.deliveries_dlq}")
    return 0
