"""What the ingesters published: a compacted topic (key = URL or content key), read whole at
start and followed while running, so a restart or a second ingester does not publish again.

Records are marks (`{"url": ..., "article_id" | "dlq" | "as": ...}`: done, never again) or claims
(`{"claim": owner, "at": ...}`: an ingester is reading this item). The topic has one partition,
so every ingester reads claims in the same order and agrees on which came first
(`agents.core.ingest.dedup.first_claim`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from datetime import datetime

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from agents.core.ingest.dedup import Claim, first_claim, may_take
from streams.settings import Settings
from streams.topics import partitions_of

log = logging.getLogger(__name__)

SEEN_TOPIC = "tocsin.ingest.seen.v1"


def seen_topic(settings: Settings) -> str:
    return f"{settings.topic_prefix}{SEEN_TOPIC}"


def seen_topic_spec(settings: Settings) -> NewTopic:
    """One partition (one total order of claims), compacted (the latest record per key is the state);
    deploy/ declares the same (tests/unit/test_deploy_files.py)."""
    compact = {"cleanup.policy": "compact"}
    return NewTopic(seen_topic(settings), 1, settings.replication, topic_configs=compact)


async def ensure_seen_topic(settings: Settings) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, request_timeout_ms=30000)
    await admin.start()
    try:
        response = await admin.create_topics([seen_topic_spec(settings)])
    finally:
        await admin.close()
    for name, code, *rest in response.topic_errors:
        if code not in (0, TopicAlreadyExistsError.errno):
            raise RuntimeError(f"cannot create topic {name}: error {code} {rest[0] if rest else ''}")


class SeenStore:
    def __init__(self, bootstrap: str, topic: str, producer: AIOKafkaProducer) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.keys: set[str] = set()
        self.claims: dict[str, Claim] = {}
        self.ready = asyncio.Event()
        self._producer = producer
        self._read_to = -1  # offset of the last record applied
        self._advanced = asyncio.Condition()

    def apply(self, key: bytes | None, value: bytes | None) -> None:
        if not key:
            return
        name = key.decode()
        try:
            record = orjson.loads(value) if value else {}
        except orjson.JSONDecodeError:
            record = {}
        if isinstance(record, dict) and "claim" in record:
            try:
                claim = Claim(str(record["claim"]), datetime.fromisoformat(str(record["at"])))
            except (KeyError, ValueError):
                return
            self.claims[name] = first_claim(self.claims.get(name), claim)
        else:
            self.keys.add(name)

    async def claim(self, key: str, owner: str, now: datetime) -> bool:
        """True when this ingester holds the item: its claim is the first live one in the log."""
        if key in self.keys or not may_take(self.claims.get(key), owner, now=now):
            return False
        value = orjson.dumps({"claim": owner, "at": now.isoformat()})
        sent = await self._producer.send_and_wait(self.topic, key=key.encode(), value=value)
        async with self._advanced:  # read back up to our claim: every earlier claim is known then
            await asyncio.wait_for(self._advanced.wait_for(lambda: self._read_to >= sent.offset), 30)
        held = self.claims.get(key)
        return key not in self.keys and held is not None and held.owner == owner

    async def mark(self, keys: Iterable[str], value: dict[str, str]) -> None:
        body = orjson.dumps(value)
        sends = [await self._producer.send(self.topic, key=k.encode(), value=body) for k in keys]
        await asyncio.gather(*sends)
        self.keys.update(keys)

    async def _partitions(self) -> list[int]:
        # A topic created a moment ago may not be in every broker's metadata yet (error 3).
        for _ in range(50):
            try:
                return await partitions_of(self.bootstrap, self.topic)
            except RuntimeError:
                await asyncio.sleep(0.2)
        return await partitions_of(self.bootstrap, self.topic)

    async def run(self) -> None:
        """Load every key, set `ready`, then follow the topic (another ingester's writes) until cancelled."""
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False)
        await consumer.start()
        try:
            tps = [TopicPartition(self.topic, p) for p in await self._partitions()]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            end = await consumer.end_offsets(tps)
            while True:
                for records in (await consumer.getmany(timeout_ms=200)).values():
                    for r in records:
                        self.apply(r.key, r.value)
                        self._read_to = r.offset
                async with self._advanced:
                    self._advanced.notify_all()
                if not self.ready.is_set():
                    positions = [await consumer.position(tp) for tp in tps]
                    if all(pos >= end[tp] for pos, tp in zip(positions, tps, strict=True)):
                        log.info("ingest: %d seen keys loaded from %s", len(self.keys), self.topic)
                        self.ready.set()
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()
