"""tocsin_consumer_lag: highwater minus committed, per owned partition; disowned ones removed."""

from __future__ import annotations

from typing import NamedTuple

from prometheus_client import CollectorRegistry, Gauge

from streams.lag import report_lag


class TP(NamedTuple):
    topic: str
    partition: int


class Consumer:
    def __init__(self, owned: set[TP], high: dict[TP, int | None], committed: dict[TP, int]) -> None:
        self.owned, self.high, self._committed_offset = owned, high, committed

    def assignment(self) -> set[TP]:
        return self.owned

    def highwater(self, tp: TP) -> int | None:
        return self.high.get(tp)


def _samples(registry: CollectorRegistry) -> dict[tuple[str, str], float]:
    return {
        (s.labels["topic"], s.labels["partition"]): s.value for fam in registry.collect() for s in fam.samples
    }


def test_lag_is_highwater_minus_committed_for_owned_input_partitions() -> None:
    r = CollectorRegistry()
    g = Gauge("lag", "", ["topic", "partition"], registry=r)
    a0, a1, other = TP("articles", 0), TP("articles", 1), TP("changelog", 0)
    c = Consumer({a0, a1, other}, {a0: 10, a1: 5, other: 99}, {a0: 4})
    report_lag(c, g, ["articles"])
    assert _samples(r) == {("articles", "0"): 6, ("articles", "1"): 5}  # never committed: all of it


def test_unknown_highwater_is_not_reported_and_lost_partitions_disappear() -> None:
    r = CollectorRegistry()
    g = Gauge("lag", "", ["topic", "partition"], registry=r)
    a0, a1 = TP("articles", 0), TP("articles", 1)
    report_lag(Consumer({a0, a1}, {a0: 3, a1: 3}, {a0: 3, a1: 1}), g, ["articles"])
    assert _samples(r) == {("articles", "0"): 0, ("articles", "1"): 2}
    report_lag(Consumer({a0}, {a0: None}, {}), g, ["articles"])  # a1 moved away, a0 not fetched yet
    assert _samples(r) == {("articles", "0"): 0}
