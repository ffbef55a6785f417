"""Subscriptions: a compacted topic (`tocsin.subscriptions.v1`, key = id, tombstone = deleted),
materialised in every worker by reading all its partitions from the start and then following it.

Every worker sees every subscription (unlike a consumer group, which would split them), writes
are read back by their writer at once, and a restart rebuilds the view from the topic.
Secrets are stored in the topic: protect it with broker ACLs like any credential store.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from pydantic import ValidationError

from agents.core.delivery.subscriptions import Subscription, matches
from agents.core.models import Alert
from streams.topics import assign_from_start, caught_up

log = logging.getLogger(__name__)


class SubscriptionStore:
    def __init__(self, bootstrap: str, topic: str, seed: Iterable[Subscription] = ()) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.seed = list(seed)
        self.subs: dict[str, Subscription] = {}
        self.ready = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._producer_lock = asyncio.Lock()

    def apply(self, key: bytes, value: bytes | None) -> None:
        sub_id = key.decode()
        if value is None:
            self.subs.pop(sub_id, None)
            return
        try:
            self.subs[sub_id] = Subscription.model_validate(orjson.loads(value))
        except ValidationError as exc:  # the messages only: pydantic's text quotes the input, secrets too
            why = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
            )
            log.error("subscriptions topic: unreadable record %s: %s", sub_id, why)
        except ValueError as exc:  # a bad record must not stop the view; it is logged, not applied
            log.error("subscriptions topic: unreadable record %s: %s", sub_id, exc)

    def matching(self, alert: Alert) -> list[Subscription]:
        return [s for s in self.subs.values() if matches(s, alert)]

    async def _send(self, key: str, value: bytes | None) -> None:
        # Under a lock: several 410s (or API calls) at once each saw no producer and started their
        # own; only the last one was kept (and stopped on shutdown), the others leaked.
        async with self._producer_lock:
            if self._producer is None:
                producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
                await producer.start()
                self._producer = producer
        await self._producer.send_and_wait(self.topic, key=key.encode(), value=value)

    async def put(self, sub: Subscription) -> None:
        value = orjson.dumps(sub.storage_dict())
        await self._send(sub.id, value)
        self.apply(sub.id.encode(), value)

    async def delete(self, sub_id: str) -> bool:
        existed = sub_id in self.subs
        await self._send(sub_id, None)
        self.subs.pop(sub_id, None)
        return existed

    async def run(self) -> None:
        """Read the whole topic, add the seed, set `ready`, then follow the topic until cancelled.

        Seed (file) subscriptions are added only when absent: a later 410 or API edit is not
        undone by a restart.
        """
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        await consumer.start()
        try:
            ends = await assign_from_start(consumer, self.bootstrap, self.topic)
            while True:
                batch = await consumer.getmany(timeout_ms=200)
                for records in batch.values():
                    for r in records:
                        self.apply(r.key, r.value)
                if not self.ready.is_set() and await caught_up(consumer, ends):
                    for sub in self.seed:
                        if sub.id not in self.subs:
                            await self.put(sub)
                    log.info("subscriptions: %d loaded from %s", len(self.subs), self.topic)
                    self.ready.set()
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()
            if self._producer is not None:
                with contextlib.suppress(Exception):
                    await self._producer.stop()
