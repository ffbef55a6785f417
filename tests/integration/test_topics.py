from __future__ import annotations

from aiokafka import AIOKafkaConsumer

from streams.settings import Settings
from streams.topics import ensure_topics


async def test_topics_exist_with_configured_partitions_and_creation_is_idempotent(settings: Settings) -> None:
    assert await ensure_topics(settings) == []  # the fixture created them; a second call creates none
    c = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap)
    await c.start()
    try:
        t = settings.topics
        for name in (t.articles, t.articles_dlq, t.alerts, t.events, t.subscriptions):
            assert c.partitions_for_topic(name) or await c.topics()
            parts = c.partitions_for_topic(name)
            assert parts == {0, 1}, (name, parts)
    finally:
        await c.stop()
