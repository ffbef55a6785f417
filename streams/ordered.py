"""Each agent sees each partition's records once, in offset order, from the group's committed position.

Why: faust-streaming 0.15 can drop records it already fetched. During recovery it resumes a
partition, fetches, and then clears every stream buffer when flow control resumes (mode's
`FlowControlEvent.resume` empties `clear_on_resume` queues); its seek back to the committed offset
is a no-op for a partition with no committed offset yet, and its gap check is skipped then (and lets
one missing record through otherwise). An agent then acks records after the hole and Faust commits
past records nobody processed (faust-streaming #596). Measured here: 27 of 60 published alerts
never got a delivery task after one SIGKILL (tests/e2e/test_crash_window.py).

So every agent asks `InOrder.admit` about each record before working on it:

    offset <  expected  SEEN   a re-delivery after a seek: ack it, do nothing
    offset == expected  NEXT   process it, then ack it
    offset >  expected  AHEAD  records are missing: seek back to `expected`, neither process nor ack

`expected` starts at the group's committed offset (else the partition's log start, which is where
`auto_offset_reset=earliest` reads from) and is looked up again after every rebalance. Acks are then
contiguous from the committed offset, so Faust can only commit what was processed; and Faust
flushes the producer before each commit, so everything an agent produced for those records is on
the broker first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

log = logging.getLogger(__name__)

RESEEK_AFTER_S = 0.5  # a seek already on its way is not repeated for every record behind the hole
# A partition whose fetch position is past what its agent has processed, with nothing admitted for
# this long, lost its records at the tail (no later record will arrive to reveal the hole).
STALL_S = 2.0
LOOKUP_ATTEMPTS = 40  # about a minute of retries before an agent gives up on a position


class Admit(Enum):
    SEEN = "seen"
    NEXT = "next"
    AHEAD = "ahead"


def verdict(expected: int, offset: int) -> Admit:
    if offset < expected:
        return Admit.SEEN
    return Admit.NEXT if offset == expected else Admit.AHEAD


@dataclass
class _Partition:
    generation: int
    expected: int
    sought_at: float = 0.0
    admitted_at: float = 0.0
    done: int = -1  # next offset not yet processed to the end (acked); -1 until known

    def __post_init__(self) -> None:
        if self.done < 0:
            self.done = self.expected


# (topic, partition) -> where the group's processing of it stands, as the broker knows it
StartLookup = Callable[[str, int], Awaitable[int]]


class InOrder:
    """Shared by a worker's agents; keyed by topic and partition, so agents never share an entry."""

    def __init__(
        self, app: Any, start_of: StartLookup, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app, self.start_of, self.clock = app, start_of, clock
        self.parts: dict[tuple[str, int], _Partition] = {}
        self.topics: set[str] = set()  # the agents' input topics, watched for stalls
        self.reseeks = 0

    async def admit(self, event: Any) -> Admit:
        msg = event.message
        part = await self._part(msg.topic, msg.partition)
        if verdict(part.expected, msg.offset) is Admit.AHEAD:
            # Seeks back, or moves `expected` up to the log start if retention took the hole.
            await self._reseek(msg.tp, part, f"records {part.expected}..{msg.offset - 1} were dropped")
        result = verdict(part.expected, msg.offset)
        if result is Admit.NEXT:
            part.expected += 1
            part.admitted_at = self.clock()
        return result

    def processed(self, event: Any) -> None:
        """The agent finished this record (its sends are issued): it is about to be acked."""
        msg = event.message
        part = self.parts.get((msg.topic, msg.partition))
        if part is not None:
            part.done = max(part.done, msg.offset + 1)

    def rewind(self, topic: str) -> None:
        """An agent (re)starts: records it was admitted but did not finish are admitted again."""
        for (t, _), part in self.parts.items():
            if t == topic:
                part.expected = part.done

    async def _part(self, topic: str, partition: int) -> _Partition:
        key = (topic, partition)
        while True:
            generation = self.app.consumer_generation_id
            part = self.parts.get(key)
            if part is not None and part.generation == generation:
                return part
            start = await self.start_of(topic, partition)
            if self.app.consumer_generation_id != generation:
                continue  # a rebalance during the lookup: its answer may predate the new owner's
            # The agent and the stall check look a fresh partition up at once; the first entry
            # stored wins, since its records may have been admitted while this lookup waited.
            current = self.parts.get(key)
            if current is not None and current.generation == generation:
                return current
            part = _Partition(generation, start, admitted_at=self.clock())
            self.parts[key] = part
            return part

    async def check_stalls(self) -> None:
        """Seek back each input partition fetched past its agent with nothing admitted lately."""
        consumer, now = self.app.consumer, self.clock()
        for tp in consumer.assignment():
            if tp.topic not in self.topics:
                continue
            part = await self._part(tp.topic, tp.partition)
            if now - part.admitted_at < STALL_S:
                continue
            position = await consumer.position(tp)
            if position is not None and position > part.expected:
                why = f"fetched up to {position - 1} but processed up to {part.expected - 1}"
                await self._reseek(tp, part, why)

    async def _reseek(self, tp: Any, part: _Partition, why: str) -> None:
        now = self.clock()
        if now - part.sought_at < RESEEK_AFTER_S:
            return
        part.sought_at = part.admitted_at = now
        # Records before the group's position were deleted by retention (they can never come
        # back) or processed and committed by the partition's previous owner after this entry was
        # made: nothing before `start` is left to do here.
        start = await self.start_of(tp.topic, tp.partition)
        if start > part.expected:
            log.warning("%s[%d]: the group's position moved up to %d", tp.topic, tp.partition, start)
            part.expected = start
            part.done = max(part.done, start)
            return
        log.warning("%s[%d]: %s; seeking back to %d", tp.topic, tp.partition, why, part.expected)
        self.reseeks += 1
        await self.app.consumer.seek(tp, part.expected)


class GroupPositions:
    """`StartLookup` on the broker: the group's committed offset, else the partition's log start."""

    def __init__(self, bootstrap: str, group: str) -> None:
        self.bootstrap, self.group = bootstrap, group
        self._admin: AIOKafkaAdminClient | None = None
        self._offsets: AIOKafkaConsumer | None = None  # group-less: only asks for log starts
        # Every agent looks up its partitions at once after a (re)start: a client is published only
        # once started, or a second caller would use one whose fetcher does not exist yet.
        self._starting = asyncio.Lock()

    async def __call__(self, topic: str, partition: int) -> int:
        """Where the group's processing of a partition starts: its committed offset, else the log start."""
        return await self._retrying("position", TopicPartition(topic, partition), self._start)

    async def end_of(self, topic: str, partition: int) -> int:
        """The partition's log end offset now (the offset the next record will get)."""
        return await self._retrying("end", TopicPartition(topic, partition), self._end)

    async def _retrying(
        self, what: str, tp: TopicPartition, lookup: Callable[[TopicPartition], Awaitable[int]]
    ) -> int:
        # A fresh admin client may not know the coordinator yet (NodeNotReadyError) and a broker
        # may be restarting: retry, since no record may be admitted without knowing where to start.
        delay = 0.1
        for attempt in range(LOOKUP_ATTEMPTS):
            try:
                return await lookup(tp)
            except KafkaError as exc:
                if attempt == LOOKUP_ATTEMPTS - 1:
                    raise
                log.warning("%s of %s[%d] not known yet (%s); retrying", what, tp.topic, tp.partition, exc)
                await asyncio.sleep(delay)
                delay = min(2.0, delay * 2)
        raise AssertionError("unreachable")

    async def _consumer(self) -> AIOKafkaConsumer:
        async with self._starting:
            if self._offsets is None:
                consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, group_id=None)
                try:
                    await consumer.start()
                except BaseException:
                    await consumer.stop()  # its connections; the caller's retry starts another
                    raise
                self._offsets = consumer
            return self._offsets

    async def _admin_client(self) -> AIOKafkaAdminClient:
        async with self._starting:
            if self._admin is None:
                admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
                try:
                    await admin.start()
                except BaseException:
                    await admin.close()
                    raise
                self._admin = admin
            return self._admin

    async def _start(self, tp: TopicPartition) -> int:
        admin = await self._admin_client()
        committed = (await admin.list_consumer_group_offsets(self.group, partitions=[tp])).get(tp)
        start = int((await (await self._consumer()).beginning_offsets([tp]))[tp])
        # A committed offset that retention has since deleted cannot be read from again.
        return max(start, int(committed.offset)) if committed is not None and committed.offset >= 0 else start

    async def _end(self, tp: TopicPartition) -> int:
        return int((await (await self._consumer()).end_offsets([tp]))[tp])

    async def close(self) -> None:
        for client in (self._offsets, self._admin):
            if client is not None:
                await (client.stop() if isinstance(client, AIOKafkaConsumer) else client.close())
        self._admin = self._offsets = None


async def events_in_order(guard: InOrder, stream: Any, topic: str) -> AsyncIterator[Any]:
    """The stream's events, each once and in offset order; each is acked once the agent asks for the
    next one (after its sends were issued), never before, and never if the agent raised (a
    restarted agent gets it again: `rewind`)."""
    guard.rewind(topic)
    manual = stream.noack()
    async for event in manual.events():
        admitted = await guard.admit(event)
        if admitted is Admit.NEXT:
            yield event
            guard.processed(event)
        if admitted is not Admit.AHEAD:
            await manual.ack(event)


async def batches_in_order(
    guard: InOrder, stream: Any, topic: str, size: int, within_s: float
) -> AsyncIterator[list[Any]]:
    """`events_in_order` in batches of up to `size` events gathered for at most `within_s`."""
    guard.rewind(topic)
    manual = stream.noack()
    async for batch in manual.noack_take(size, within=within_s):
        admitted = [(event, await guard.admit(event)) for event in batch]
        nxt = [event for event, a in admitted if a is Admit.NEXT]
        if nxt:
            yield nxt
        for event, a in admitted:
            if a is Admit.NEXT:
                guard.processed(event)
            if a is not Admit.AHEAD:
                await manual.ack(event)
