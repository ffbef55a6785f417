"""`GroupPositions` on the real broker: the look-ups every agent makes at once after a restart."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaProducer

from streams.ordered import GroupPositions
from streams.settings import Settings
from streams.topics import ensure_topics


async def test_concurrent_first_lookups_share_one_started_client(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    # After a restart every agent asks for its partitions' positions at the same moment, on a
    # GroupPositions whose clients are not started yet: none may see a half-started client.
    await ensure_topics(settings)
    topic = settings.topics.articles
    for p in range(settings.partitions):
        await producer.send_and_wait(topic, b"x", partition=p)
    positions = GroupPositions(settings.bootstrap, settings.app_id)
    try:
        calls = [positions(topic, p) for p in range(settings.partitions)]
        calls += [positions.end_of(topic, p) for p in range(settings.partitions)]
        got = await asyncio.gather(*calls)
    finally:
        await positions.close()
    n = settings.partitions
    assert got == [0] * n + [1] * n  # no committed offsets: the log start; one record each
