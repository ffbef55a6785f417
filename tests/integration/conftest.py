from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

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
    )
    await ensure_topics(s)
    return s


@pytest.fixture
async def producer(bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    p = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await p.start()
    yield p
    await p.stop()


async def consume(bootstrap: str, topic: str, n: int, timeout_s: float = 60.0) -> list:
    """Read `n` records from the start of `topic`; fewer if the timeout passes first."""
    import asyncio
    import time

    c = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await c.start()
    out: list = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(out) < n and time.monotonic() < deadline:
            batch = await c.getmany(timeout_ms=500)
            for records in batch.values():
                out.extend(records)
            await asyncio.sleep(0)
    finally:
        await c.stop()
    return out
