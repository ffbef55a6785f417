from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from streams.settings import Settings
from streams.topics import ensure_topics


async def test_topics_exist_with_configured_partitions_and_creation_is_idempotent(settings: Settings) -> None:
    assert await ensure_topics(settings) == []  # the fixture created them; a second call creates none
    t = settings.topics
    names = [
        t.articles,
        t.articles_dlq,
        t.events,
        t.alerts,
        t.subscriptions,
        t.deliveries_retry,
        t.deliveries_dlq,
    ]
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics(names)
        configs = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, t.subscriptions)])
    finally:
        await admin.close()
    parts = {d["topic"]: len(d["partitions"]) for d in described}
    assert parts == dict.fromkeys(names, 2)
    entries = {c[0]: c[1] for c in configs[0].resources[0][4]}
    assert entries["cleanup.policy"] == "compact"
