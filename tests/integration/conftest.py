from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from streams.settings import Settings
from streams.topics import ensure_topics


@pytest.fixture
async def settings(bootstrap: str, unique: str, tmp_path: Path) -> Settings:
    """One app id (consumer group) and one topic set per test."""
    s = Settings(
        bootstrap=bootstrap,
        app_id=f"it-{unique}",
        topic_prefix=f"it-{unique}.",
        partitions=2,
        web_enabled=False,
        data_dir=tmp_path / "data",
        max_article_bytes=4096,
        story_group_wait_s=0,  # revision tests send reports back to back; the hold has its own test
    )
    await ensure_topics(s)
    return s


@pytest.fixture
async def producer(bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    p = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await p.start()
    yield p
    await p.stop()
