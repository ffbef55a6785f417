"""The Faust app factory: topics, tables, web views and agents wired to one `Settings`.

Nothing runs at import: `create_app(settings)` builds a fresh app (tests build one per test, with
their own app id and topic prefix).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust

from streams.metrics import Metrics
from streams.ordered import GroupPositions, InOrder
from streams.settings import Settings

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    """What agents need from the shell: app, topics, tables, metrics, clock, shared resources."""

    settings: Settings
    app: faust.App
    metrics: Metrics
    in_order: InOrder  # every agent reads its input through it (streams/ordered.py)
    positions: GroupPositions | None = None  # the broker's offsets for the group (ordered.py)
    topics: dict[str, faust.TopicT] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)
    now: Callable[[], datetime] = utcnow
    extras: dict[str, Any] = field(default_factory=dict)

    def json_table(self, name: str) -> Any:
        """A table keyed by raw bytes holding plain JSON values, co-partitioned with our topics."""
        schema = faust.Schema(key_type=bytes, key_serializer="raw", value_serializer="json")
        # key_type=bytes as well: Faust picks the table's key serializer from `key_type` (not from
        # the schema) when it reads the changelog back, and "json" cannot load our raw keys, so a
        # restarted worker never finished recovery ("Error in recovery unexpected character").
        table = self.app.Table(
            name, default=None, partitions=self.settings.partitions, schema=schema, key_type=bytes
        )
        self.tables[name] = table
        return table


def _raw_topic(app: faust.App, name: str, settings: Settings, **kw: Any) -> faust.TopicT:
    # Raw bytes in and out: decoding happens in the core so bad input reaches the DLQ intact.
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
        internal=False,
        **kw,
    )


def create_app(settings: Settings, *, with_delivery: bool = True) -> Runtime:
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        store=settings.store,
        datadir=str(settings.data_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=True,
        processing_guarantee="at_least_once",
        web_enabled=settings.web_enabled,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        key_serializer="raw",
        value_serializer="raw",
        # Throughput settings measured with `python -m bench.run` (docs/performance.md):
        # Faust commits *synchronously inside its fetch loop* every `broker_commit_every` acks, so a
        # small count stalls consumption on a broker round trip; commit by time instead (at-least-once
        # redelivers at most about a second of input after a crash, and delivery is idempotent).
        broker_commit_every=10_000,
        broker_commit_interval=1.0,
        # Small fetches and polls keep aiokafka's prefetch running while the agents work: with 1 MB
        # per partition the consumer idles up to a second between fetches under load.
        broker_max_poll_records=100,
        consumer_max_fetch_size=256 * 1024,
        # 16 KB batches hold three 4 KB articles; let a batch fill for up to 2 ms instead.
        producer_max_batch_size=512 * 1024,
        producer_linger=0.002,
        stream_wait_empty=False,
        # Failover (docs/operations.md): a dead member's partitions move after the session timeout.
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.session_timeout_s / 3,
        consumer_group_instance_id=settings.worker_id or None,
        table_standby_replicas=settings.standbys,
        autodiscover=False,
    )
    positions = GroupPositions(settings.bootstrap, settings.app_id)
    rt = Runtime(
        settings=settings, app=app, metrics=Metrics(), in_order=InOrder(app, positions), positions=positions
    )

    @app.timer(1.0)
    async def check_input_stalls() -> None:
        try:
            await rt.in_order.check_stalls()
        except Exception:  # a failed look-up is retried on the next tick; it must not stop the worker
            log.exception("checking input partitions for dropped records failed")

    @app.timer(5.0)
    async def consumer_lag() -> None:
        from streams.lag import report_lag

        report_lag(app.consumer, rt.metrics.consumer_lag, rt.in_order.topics)

    @app.task
    async def close_positions() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            await positions.close()

    t = settings.topics
    rt.in_order.topics.update({t.articles, t.events, t.alerts, t.deliveries_retry})
    for attr in (
        "articles",
        "articles_dlq",
        "events",
        "alerts",
        "subscriptions",
        "deliveries_retry",
        "deliveries_dlq",
    ):
        rt.topics[attr] = _raw_topic(app, getattr(t, attr), settings)

    from agents import classify, track  # agent modules: thin, they only compose the core

    classify.register(rt)
    track.register(rt)
    if with_delivery:
        from agents import deliver
        from streams.api import register_api
        from streams.subscription_store import SubscriptionStore

        seed = []
        if settings.subscriptions_file:
            from streams.subscriptions_file import load_subscriptions

            seed = load_subscriptions(settings.subscriptions_file, now=rt.now())
        store = SubscriptionStore(settings.bootstrap, t.subscriptions, seed)
        rt.extras["store"] = store
        rt.extras["dispatcher"] = deliver.register(rt, store)
        register_api(rt, store)

        from streams.live import register_live

        register_live(rt)

    @app.page("/metrics")
    async def metrics_view(web: Any, request: Any) -> Any:
        from prometheus_client import CONTENT_TYPE_LATEST

        # aiohttp refuses a charset inside `content_type` (CONTENT_TYPE_LATEST has one): as a header.
        return web.bytes(rt.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.json({"ok": True, "app_id": settings.app_id})

    return rt
