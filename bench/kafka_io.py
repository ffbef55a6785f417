"""Kafka plumbing for the benchmarks: topics, pre-filling, reading back, consumer lag."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from bench.corpus import BenchArticle


async def create_topics(bootstrap: str, names: Sequence[str], partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30000)
    await admin.start()
    try:
        resp = await admin.create_topics([NewTopic(n, partitions, 1) for n in names])
    finally:
        await admin.close()
    for name, code, *_ in resp.topic_errors:
        if code not in (0, TopicAlreadyExistsError.errno):
            raise RuntimeError(f"cannot create topic {name}: error {code}")


async def delete_topics(bootstrap: str, names: Sequence[str]) -> None:
    """Best effort: benchmark topics are big; leave no 100 MB of them behind on a shared broker."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=30000)
    try:
        await admin.start()
        await admin.delete_topics(list(names))
    except Exception:  # cleanup must never fail a run
        pass
    finally:
        await admin.close()


async def prefill(bootstrap: str, topic: str, articles: Sequence[BenchArticle], partitions: int) -> float:
    """Write every article, partition = index mod `partitions` (so we know what each one starts and
    ends with). Returns seconds taken."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        linger_ms=20,
        max_batch_size=512 * 1024,
        max_request_size=8 * 1024 * 1024,
    )
    await producer.start()
    t0 = time.perf_counter()
    try:
        pending: list[asyncio.Future[Any]] = []
        for i, a in enumerate(articles):
            pending.append(await producer.send(topic, a.payload, key=a.id.encode(), partition=i % partitions))
            if len(pending) >= 2000:
                await asyncio.gather(*pending)
                pending.clear()
        await producer.flush()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return time.perf_counter() - t0


async def end_offsets(bootstrap: str, topic: str) -> dict[TopicPartition, int]:
    c = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await c.start()
    try:
        parts = c.partitions_for_topic(topic) or set()
        if not parts:
            await c._client.force_metadata_update()  # a fresh topic's metadata
            parts = c.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        return dict(await c.end_offsets(tps)) if tps else {}
    finally:
        await c.stop()


async def read_all(bootstrap: str, topic: str, *, expect: int, timeout_s: float) -> list[Any]:
    """Every record of `topic` from the start, stopping once `expect` were read or on timeout."""
    c = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await c.start()
    out: list[Any] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(out) < expect and time.monotonic() < deadline:
            batch = await c.getmany(timeout_ms=300)
            for records in batch.values():
                out.extend(records)
    finally:
        await c.stop()
    return out


class LagSampler:
    """Consumer-group lag on one topic (end offsets minus committed offsets), sampled by `sample()`.

    Faust commits about once a second, so a sample over-states the true lag by up to a second of
    input; the trend is what matters.
    """

    def __init__(self, bootstrap: str, group: str, topic: str) -> None:
        self.bootstrap, self.group, self.topic = bootstrap, group, topic
        self.admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
        self.consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
        self.tps: list[TopicPartition] = []

    async def __aenter__(self) -> LagSampler:
        await self.admin.start()
        await self.consumer.start()
        await self.consumer._client.force_metadata_update()
        parts = self.consumer.partitions_for_topic(self.topic) or set()
        self.tps = [TopicPartition(self.topic, p) for p in sorted(parts)]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.consumer.stop()
        await self.admin.close()

    async def sample(self) -> int:
        ends = await self.consumer.end_offsets(self.tps)
        committed = await self.admin.list_consumer_group_offsets(self.group, partitions=self.tps)
        lag = 0
        for tp in self.tps:
            meta = committed.get(tp)
            done = meta.offset if meta is not None and meta.offset >= 0 else 0
            lag += max(0, ends[tp] - done)
        return lag
