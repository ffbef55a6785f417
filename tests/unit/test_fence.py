"""The delivery fence: only the active owner of a task's partition attempts it, and only once the
partition's records up to its end at assignment have been applied."""

from __future__ import annotations

from typing import NamedTuple

from aiokafka.partitioner import DefaultPartitioner

from streams.fence import DeliveryFence, partition_of
from streams.ordered import InOrder, _Partition

TOPIC = "deliveries"


class TP(NamedTuple):
    topic: str
    partition: int


class Consumer:
    def __init__(self) -> None:
        self.owned: set[TP] = set()

    def assignment(self) -> set[TP]:
        return self.owned


class App:
    def __init__(self) -> None:
        self.consumer = Consumer()
        self.consumer_generation_id = 1


def _wid_on(partition: int, partitions: int = 4) -> str:
    return next(f"msg_{i}" for i in range(1000) if partition_of(f"msg_{i}".encode(), partitions) == partition)


async def _no_start(topic: str, partition: int) -> int:
    return 0


def _fence(ends: dict[int, int]) -> tuple[App, InOrder, DeliveryFence]:
    app = App()
    guard = InOrder(app, _no_start)

    async def end_of(topic: str, partition: int) -> int:
        return ends[partition]

    return app, guard, DeliveryFence(app, guard, TOPIC, 4, end_of)


def test_partition_of_is_what_the_producer_picks() -> None:
    for key in (b"msg_a", b"msg_0123456789abcdef", b"x" * 40):
        assert partition_of(key, 6) == DefaultPartitioner()(key, list(range(6)), list(range(6)))


async def test_only_the_owner_attempts_and_only_once_caught_up() -> None:
    app, guard, fence = _fence({2: 10})
    wid = _wid_on(2)
    assert not fence.owns(wid)  # not assigned here (e.g. a standby copy of the table)
    app.consumer.owned = {TP(TOPIC, 2)}
    assert not fence.owns(wid)  # assigned, end not looked up yet
    await fence.refresh()
    guard.parts[(TOPIC, 2)] = _Partition(generation=1, expected=7, done=7)
    assert not fence.owns(wid)  # records 7..9 (maybe the old owner's `done`s) not applied yet
    guard.parts[(TOPIC, 2)].done = 10
    assert fence.owns(wid)
    assert not fence.owns(_wid_on(1))  # another partition, owned elsewhere


async def test_a_new_generation_fences_again_until_refreshed_and_caught_up() -> None:
    app, guard, fence = _fence({2: 10})
    wid = _wid_on(2)
    app.consumer.owned = {TP(TOPIC, 2)}
    await fence.refresh()
    guard.parts[(TOPIC, 2)] = _Partition(generation=1, expected=10, done=10)
    assert fence.owns(wid)
    app.consumer_generation_id = 2  # a rebalance: the old catch-up proves nothing now
    assert not fence.owns(wid)
    await fence.refresh()
    assert not fence.owns(wid)  # the guard has not seen this partition in generation 2
    guard.parts[(TOPIC, 2)] = _Partition(generation=2, expected=10, done=10)
    assert fence.owns(wid)
