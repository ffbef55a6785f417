"""Consumer lag per owned input partition, for `tocsin_consumer_lag` (deploy/prometheus rules)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prometheus_client import Gauge


def report_lag(consumer: Any, gauge: Gauge, topics: Iterable[str]) -> None:
    """Set the gauge to highwater - committed for every assigned partition of `topics`.

    Read from the consumer's own bookkeeping (no broker round trip): the fetcher's highwater and
    Faust's last committed offset. Partitions this worker no longer owns are removed, so a sum
    over workers counts each partition once after a rebalance.
    """
    wanted = set(topics)
    owned = {tp for tp in consumer.assignment() if tp.topic in wanted}
    for tp in owned:
        high = consumer.highwater(tp)
        if high is None:
            continue  # not fetched yet: unknown, not zero
        committed = consumer._committed_offset.get(tp)
        gauge.labels(tp.topic, str(tp.partition)).set(max(0, high - (committed or 0)))
    for labels in list(gauge._metrics):  # prometheus_client keeps children by label tuple
        topic, partition = labels
        if topic in wanted and not any(tp.topic == topic and tp.partition == int(partition) for tp in owned):
            gauge.remove(topic, partition)
