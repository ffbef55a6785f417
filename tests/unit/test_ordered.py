"""InOrder: each partition's records admitted once, in offset order, from the group's position."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from streams.ordered import RESEEK_AFTER_S, STALL_S, Admit, InOrder, verdict


@dataclass(frozen=True)
class TP:
    topic: str
    partition: int


@dataclass
class Msg:
    topic: str
    partition: int
    offset: int

    @property
    def tp(self) -> TP:
        return TP(self.topic, self.partition)


@dataclass
class Ev:
    message: Msg


@dataclass
class FakeConsumer:
    positions: dict[TP, int] = field(default_factory=dict)
    seeks: list[tuple[TP, int]] = field(default_factory=list)

    async def seek(self, tp: TP, offset: int) -> None:
        self.seeks.append((tp, offset))

    def assignment(self) -> set[TP]:
        return set(self.positions)

    async def position(self, tp: TP) -> int:
        return self.positions[tp]


@dataclass
class FakeApp:
    consumer: FakeConsumer = field(default_factory=FakeConsumer)
    consumer_generation_id: int = 1


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def guard(start: dict[tuple[str, int], int]) -> tuple[InOrder, FakeApp, Clock]:
    app, clock = FakeApp(), Clock()

    async def start_of(topic: str, partition: int) -> int:
        return start[(topic, partition)]

    g = InOrder(app, start_of, clock=clock)
    g.topics.add("t")
    return g, app, clock


async def admit(g: InOrder, *offsets: int, partition: int = 0) -> list[Admit]:
    return [await g.admit(Ev(Msg("t", partition, o))) for o in offsets]


def test_verdict() -> None:
    assert [verdict(5, o) for o in (4, 5, 6)] == [Admit.SEEN, Admit.NEXT, Admit.AHEAD]


async def test_records_from_the_committed_offset_are_admitted_once_in_order() -> None:
    g, app, _ = guard({("t", 0): 3})
    assert await admit(g, 2, 3, 4, 4, 5) == [Admit.SEEN, Admit.NEXT, Admit.NEXT, Admit.SEEN, Admit.NEXT]
    assert app.consumer.seeks == []


async def test_a_hole_is_never_skipped_the_consumer_seeks_back_over_it() -> None:
    g, app, clock = guard({("t", 0): 0})
    # 0 processed, 1..6 dropped by the framework, 7 and 8 arrive: neither is processed nor acked
    assert await admit(g, 0, 7, 8) == [Admit.NEXT, Admit.AHEAD, Admit.AHEAD]
    assert app.consumer.seeks == [(TP("t", 0), 1)]  # one seek, not one per record behind the hole
    clock.t += RESEEK_AFTER_S + 0.1
    assert await admit(g, 9) == [Admit.AHEAD]
    assert app.consumer.seeks == [(TP("t", 0), 1), (TP("t", 0), 1)]
    # the refetch brings everything again, in order
    assert await admit(g, *range(1, 10)) == [Admit.NEXT] * 9
    assert g.reseeks == 2


async def test_a_rebalance_reads_the_position_again() -> None:
    start = {("t", 0): 0}
    g, app, _ = guard(start)
    await admit(g, 0, 1, 2)
    start[("t", 0)] = 10  # another worker owned the partition meanwhile and committed 10
    app.consumer_generation_id = 2
    assert await admit(g, 9, 10) == [Admit.SEEN, Admit.NEXT]


async def test_records_gone_to_retention_are_not_waited_for() -> None:
    start = {("t", 0): 0}
    g, app, _ = guard(start)
    await admit(g, 0)
    start[("t", 0)] = 50  # the log now starts at 50: 1..49 can never be fetched again
    assert await admit(g, 50, 51) == [Admit.NEXT, Admit.NEXT]
    assert app.consumer.seeks == []


async def test_a_partition_fetched_past_its_agent_and_silent_is_sought_back() -> None:
    """Records dropped at the tail: no later record arrives to reveal the hole."""
    g, app, clock = guard({("t", 0): 0, ("t", 1): 0})
    app.consumer.positions = {TP("t", 0): 33, TP("t", 1): 4, TP("other", 0): 9}
    await admit(g, 0)  # partition 0: only record 0 reached the agent
    await admit(g, 0, 1, 2, 3, partition=1)  # partition 1: all caught up
    await g.check_stalls()
    assert app.consumer.seeks == []  # too soon: the agent may just be busy
    clock.t += STALL_S + 0.1
    await g.check_stalls()
    assert app.consumer.seeks == [(TP("t", 0), 1)]  # and never a topic the agents do not read


async def test_no_seek_while_records_are_being_admitted() -> None:
    g, app, clock = guard({("t", 0): 0})
    app.consumer.positions = {TP("t", 0): 100}
    for o in range(5):
        clock.t += STALL_S / 2
        await admit(g, o)
        await g.check_stalls()
    assert app.consumer.seeks == []


async def test_a_record_the_agent_did_not_finish_is_admitted_again_after_a_restart() -> None:
    g, _, _ = guard({("t", 0): 0})
    assert await admit(g, 0, 1) == [Admit.NEXT, Admit.NEXT]
    g.processed(Ev(Msg("t", 0, 0)))  # 0 finished and acked; the agent crashed while on 1
    g.rewind("t")  # the supervisor restarts the agent
    assert await admit(g, 1, 2) == [Admit.NEXT, Admit.NEXT]  # 1 was never acked: not "seen"
    assert await admit(g, 0) == [Admit.SEEN]


async def test_a_lookup_racing_the_agent_never_replaces_what_the_agent_admitted() -> None:
    """The stall check and the agent look a fresh partition up at once: the slower lookup must not
    overwrite the entry the agent already advanced (that replayed records and logged false holes)."""
    app, clock = FakeApp(), Clock()
    release = asyncio.Event()
    calls = 0

    async def start_of(topic: str, partition: int) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            await release.wait()  # the stall check's lookup is the slow one
        return 0

    g = InOrder(app, start_of, clock=clock)
    g.topics.add("t")
    app.consumer.positions[TP("t", 0)] = 2
    clock.t += STALL_S + 1
    stall = asyncio.create_task(g.check_stalls())
    await asyncio.sleep(0)
    assert await admit(g, 0, 1) == [Admit.NEXT, Admit.NEXT]
    release.set()
    await stall
    assert app.consumer.seeks == []
    assert await admit(g, 2, 0) == [Admit.NEXT, Admit.SEEN]


async def test_a_silent_partition_whose_position_moved_up_counts_as_caught_up() -> None:
    """The committed offset moved past the entry (its previous owner committed late) and no record
    follows: once the stall check moves `expected` up, `done` moves with it, or the delivery fence
    (which waits for `done`) would hold that partition's tasks forever."""
    start = {("t", 0): 3}
    g, app, clock = guard(start)
    app.consumer.positions = {TP("t", 0): 7}
    await g.check_stalls()  # the entry is made at 3
    start[("t", 0)] = 7  # the previous owner's commit lands
    clock.t += STALL_S + 0.1
    await g.check_stalls()
    assert app.consumer.seeks == []
    assert (g.parts[("t", 0)].expected, g.parts[("t", 0)].done) == (7, 7)


async def test_a_rebalance_during_a_lookup_makes_it_look_again() -> None:
    """The answer of a lookup that a rebalance overtook may predate the new owner's commit."""
    app, clock = FakeApp(), Clock()
    answers = [2, 9]

    async def start_of(topic: str, partition: int) -> int:
        app.consumer_generation_id += len(answers) == 2  # the group rebalances during the first
        return answers.pop(0)

    g = InOrder(app, start_of, clock=clock)
    assert [await g.admit(Ev(Msg("t", 0, o))) for o in (8, 9)] == [Admit.SEEN, Admit.NEXT]
    assert g.parts[("t", 0)].generation == 2
