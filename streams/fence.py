"""Which worker may attempt a delivery task: the one that owns it, once it has caught up.

A task lives on the deliveries partition its partition key hashes to (Kafka's default
partitioner: murmur2); the key is its `webhook-id`, or for a threaded channel (Slack Web API) its
subscription and alert (`agents.core.delivery.tasks.partition_key`). After a rebalance the new
owner rebuilds the pending table from the changelog, but the `done` records the previous owner
wrote last may still be unread on the deliveries topic: attempting before reading them re-sends a
delivery the subscriber already has. So a task is attempted only
  - on the worker whose *active* assignment holds its partition (standby replicas hold a copy of the
    table, never the right to deliver), and
  - once that partition's records up to the end it had at assignment have been applied.
The other half is on the way out: a worker losing partitions waits (bounded) for its attempts in
flight and flushes their `done` records before the group moves on (`agents/sender.py: Sender.drain`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka.partitioner import murmur2

from streams.ordered import InOrder

EndLookup = Callable[[str, int], Awaitable[int]]


def partition_of(key: bytes, partitions: int) -> int:
    """The partition Kafka's default partitioner picks for `key` (what the producer used)."""
    return int(murmur2(key) & 0x7FFFFFFF) % partitions


class DeliveryFence:
    def __init__(self, app: Any, guard: InOrder, topic: str, partitions: int, end_of: EndLookup) -> None:
        self.app, self.guard, self.topic, self.partitions = app, guard, topic, partitions
        self.end_of = end_of
        self._ends: dict[int, tuple[int, int]] = {}  # partition -> (generation, end offset at assignment)

    def _owned(self) -> set[int]:
        return {tp.partition for tp in self.app.consumer.assignment() if tp.topic == self.topic}

    async def refresh(self) -> None:
        """Look up the end offset of each newly owned partition (once per generation)."""
        generation = self.app.consumer_generation_id
        for p in self._owned():
            known = self._ends.get(p)
            if known is None or known[0] != generation:
                self._ends[p] = (generation, await self.end_of(self.topic, p))

    def owns(self, key: str) -> bool:
        """May this worker attempt the task whose partition key is `key`?"""
        p = partition_of(key.encode(), self.partitions)
        if p not in self._owned():
            return False
        generation = self.app.consumer_generation_id
        known = self._ends.get(p)
        if known is None or known[0] != generation:
            return False  # `refresh` has not looked this partition up yet
        part = self.guard.parts.get((self.topic, p))
        if part is None or part.generation != generation:
            return False
        return part.done >= known[1]
