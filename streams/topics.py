"""Tocsin's external topics, created explicitly with the partitions we intend.

Faust only creates its own internal topics; an auto-created topic would get the broker's default
partition count, and a table whose changelog differs from its source raises PartitionsMismatch.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from streams.settings import Settings

log = logging.getLogger(__name__)

_TOPIC_EXISTS = TopicAlreadyExistsError.errno
_WEEK_MS = str(7 * 24 * 3600 * 1000)


def topic_specs(settings: Settings) -> list[NewTopic]:
    t, n, rf = settings.topics, settings.partitions, settings.replication
    keep = {"retention.ms": _WEEK_MS}
    return [
        NewTopic(t.articles, n, rf, topic_configs=keep),
        NewTopic(t.articles_dlq, n, rf, topic_configs={"retention.ms": "-1"}),
        NewTopic(t.events, n, rf, topic_configs=keep),
        NewTopic(t.alerts, n, rf, topic_configs=keep),
        # Subscriptions are state: compacted, so the latest record per id lives forever.
        NewTopic(t.subscriptions, n, rf, topic_configs={"cleanup.policy": "compact"}),
        NewTopic(t.deliveries_retry, n, rf, topic_configs=keep),
        NewTopic(t.deliveries_dlq, n, rf, topic_configs={"retention.ms": "-1"}),
    ]


# The workers' tables (streams/app.py); Faust names each changelog "<app id>-<table>-changelog".
TABLES = ("stories", "delivery_pending", "delivery_ledger")


def changelog_specs(settings: Settings) -> list[NewTopic]:
    """The tables' changelog topics, created here too, before any worker joins. Left to Faust, the
    first worker creates them as it starts; a worker starting beside it can take its metadata
    while a changelog is still listed with 0 partitions, and keeps that snapshot until its next
    refresh (5 minutes): every record of its delivery agent then raises PartitionsMismatch and
    that worker's deliveries wait (seen in the four-worker join test)."""
    n, rf = settings.partitions, settings.replication
    return [
        NewTopic(f"{settings.app_id}-{name}-changelog", n, rf, topic_configs={"cleanup.policy": "compact"})
        for name in TABLES
    ]


async def ensure_topics(settings: Settings) -> list[str]:
    """Create any missing topic; returns the names created. Existing topics are left alone.

    Returns only once the broker's metadata shows every topic with all its partitions: a worker
    that joins its group before that is assigned nothing, and its consumer looks at the metadata
    again only after `metadata.max.age.ms` (5 minutes)."""
    specs = topic_specs(settings) + changelog_specs(settings)
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, request_timeout_ms=30000)
    try:
        await admin.start()
        response = await admin.create_topics(specs)
        created: list[str] = []
        for name, code, *rest in response.topic_errors:
            if code == 0:
                created.append(name)
            elif code != _TOPIC_EXISTS:
                msg = rest[0] if rest else ""
                raise RuntimeError(f"cannot create topic {name}: error {code} {msg}")
        await _until_visible(admin, specs)
    finally:
        await admin.close()
    if created:
        log.info("created topics: %s", ", ".join(created))
    return created


async def _until_visible(admin: AIOKafkaAdminClient, specs: list[NewTopic], timeout_s: float = 30.0) -> None:
    want = {t.name: t.num_partitions for t in specs}
    deadline = time.monotonic() + timeout_s
    while True:
        described = await admin.describe_topics(list(want))
        missing = sorted(
            d["topic"] for d in described if d["error_code"] or len(d["partitions"]) < want[d["topic"]]
        )
        if not missing:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"topics not in the broker's metadata after {timeout_s:.0f} s: {missing}")
        await asyncio.sleep(0.1)


async def partitions_of(bootstrap: str, topic: str) -> list[int]:
    """Partition ids of `topic`, straight from the broker (a consumer's metadata may lag)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        [described] = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if described["error_code"]:
        raise RuntimeError(f"topic {topic}: error {described['error_code']}")
    return sorted(p["partition"] for p in described["partitions"])


async def assign_from_start(
    consumer: AIOKafkaConsumer, bootstrap: str, topic: str
) -> dict[TopicPartition, int]:
    """Assign every partition of `topic` to a group-less consumer at its start; returns the end
    offsets, so the caller knows when it has read what the topic held."""
    tps = [TopicPartition(topic, p) for p in await partitions_of(bootstrap, topic)]
    consumer.assign(tps)
    await consumer.seek_to_beginning(*tps)
    return dict(await consumer.end_offsets(tps))


async def caught_up(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    return all([await consumer.position(tp) >= end for tp, end in ends.items()])
