"""The Faust app factory: topics, tables, web views, and the agents (module-level handlers in
`agents/`) wired to one `Settings`.

Nothing runs at import: `create_app(settings)` builds a fresh app (tests build one per test, with
their own app id and topic prefix).

    articles --classify_articles--> events --track_stories--> alerts --fan_out_alerts--> deliveries
    deliveries --track_deliveries--> pending/ledger tables <-- Sender (task) --> HTTP, deliveries
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import faust
import httpx
from faust.types import StreamT, TopicT

from agents import classify, fan_out, track, track_deliveries
from agents.notifiers import notifiers_for
from agents.sender import Sender
from streams.fence import DeliveryFence
from streams.lag import report_lag
from streams.metrics import Metrics
from streams.ordered import GroupPositions, InOrder, StartLookup
from streams.runtime import JsonTable, Runtime, Tables, Topics
from streams.settings import Settings

log = logging.getLogger(__name__)

DRAIN_S = 5.0  # longest a revoke waits for delivery attempts in flight
Handler = Callable[["StreamT[bytes]"], Awaitable[None]]


def _raw_topic(app: faust.App, name: str, settings: Settings) -> TopicT:
    # Raw bytes in and out: decoding happens in the core so bad input reaches the DLQ intact.
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
        internal=False,
    )


def _json_table(app: faust.App, name: str, settings: Settings) -> JsonTable:
    """A table keyed by raw bytes holding plain JSON values, co-partitioned with our topics."""
    schema: Any = faust.Schema(key_type=bytes, key_serializer="raw", value_serializer="json")
    # key_type=bytes as well: Faust picks the table's key serializer from `key_type` (not from
    # the schema) when it reads the changelog back, and "json" cannot load our raw keys, so a
    # restarted worker never finished recovery ("Error in recovery unexpected character").
    table: JsonTable = app.Table(
        name, default=None, partitions=settings.partitions, schema=schema, key_type=bytes
    )
    return table


def _faust_app(settings: Settings) -> faust.App:
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    return faust.App(
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


def _agent(app: faust.App, topic: TopicT, name: str, handler: Handler) -> None:
    handler.__name__ = name  # Faust names the agent's actor after its function
    app.agent(topic, name=name)(handler)


def create_app(
    settings: Settings, *, with_delivery: bool = True, positions: StartLookup | None = None
) -> Runtime:
    """`positions`: where each input partition starts (default: the group's committed offsets on
    the broker); agent unit tests pass a lookup that needs no broker."""
    app = _faust_app(settings)
    group_positions = GroupPositions(settings.bootstrap, settings.app_id) if positions is None else None
    t = settings.topics

    def delivery_table(name: str) -> JsonTable:
        # Without the delivery agents nothing reads or writes it: no changelog topic to declare.
        return _json_table(app, name, settings) if with_delivery else {}

    start_of = group_positions if group_positions is not None else positions
    assert start_of is not None
    rt = Runtime(
        settings=settings,
        app=app,
        metrics=Metrics(),
        in_order=InOrder(app, start_of),
        topics=Topics(**{name: _raw_topic(app, getattr(t, name), settings) for name in Topics.__slots__}),
        tables=Tables(
            stories=_json_table(app, "stories", settings),
            delivery_pending=delivery_table("delivery_pending"),
            delivery_ledger=delivery_table("delivery_ledger"),
        ),
    )
    rt.in_order.topics.update({t.articles, t.events, t.alerts, t.deliveries_retry})
    _wire_pipeline(rt, group_positions)
    if with_delivery:
        assert group_positions is not None, "delivery needs the broker's offsets (the fence)"
        _wire_delivery(rt, group_positions)
    _wire_pages(rt)
    return rt


def _wire_pipeline(rt: Runtime, positions: GroupPositions | None) -> None:
    app = rt.app

    async def classify_articles(stream: StreamT[bytes]) -> None:
        await classify.classify_articles(rt, stream)

    async def track_stories(stream: StreamT[bytes]) -> None:
        await track.track_stories(rt, stream)

    _agent(app, rt.topics.articles, "classify_articles", classify_articles)
    _agent(app, rt.topics.events, "track_stories", track_stories)

    async def check_input_stalls() -> None:
        try:
            await rt.in_order.check_stalls()
        except Exception:  # a failed look-up is retried on the next tick; it must not stop the worker
            log.exception("checking input partitions for dropped records failed")

    async def consumer_lag() -> None:
        report_lag(app.consumer, rt.metrics.consumer_lag, rt.in_order.topics)

    release_timer = track.ReleaseTimer(rt)

    async def release_held_stories() -> None:
        try:
            await release_timer.tick()
        except Exception:  # a failed send is retried on the next tick; it must not stop the worker
            log.exception("releasing held stories failed")

    # Faust's decorators are untyped: registered by call, so the functions stay typed.
    if rt.settings.story_group_wait_s > 0:
        app.timer(track.tick_interval(rt.settings.story_group_wait_s))(release_held_stories)
    app.timer(1.0)(check_input_stalls)
    app.timer(5.0)(consumer_lag)

    if positions is not None:
        lookups = positions

        async def close_positions() -> None:
            try:
                await asyncio.Event().wait()
            finally:
                await lookups.close()

        app.task(close_positions)


def _wire_delivery(rt: Runtime, positions: GroupPositions) -> None:
    from streams.api import register_api
    from streams.subscription_store import SubscriptionStore
    from streams.subscriptions_file import load_subscriptions

    settings, app = rt.settings, rt.app
    seed = (
        load_subscriptions(settings.subscriptions_file, now=rt.now()) if settings.subscriptions_file else []
    )
    store = SubscriptionStore(settings.bootstrap, settings.topics.subscriptions, seed)
    deliveries = rt.topics.deliveries_retry.get_topic_name()
    fence = DeliveryFence(app, rt.in_order, deliveries, settings.partitions, positions.end_of)
    sender = Sender(rt, store, fence)

    async def finish_inflight(app: Any, *_: Any, **__: Any) -> None:
        # Bounded: a hung subscriber must not hold the whole group's rebalance (its attempt is then
        # re-made by the next owner under the same webhook-id).
        left = await sender.drain(min(settings.http_timeout_s, DRAIN_S))
        if left:
            log.warning("rebalance: %d delivery attempts still in flight; they may be re-sent", left)
        await app.producer.flush()

    # mode types receivers as a union of two callable types, which mypy cannot match an async def to.
    app.on_partitions_revoked.connect(finish_inflight)  # type: ignore[arg-type]

    async def fan_out_alerts(stream: StreamT[bytes]) -> None:
        await fan_out.fan_out_alerts(rt, store, stream)

    async def track_deliveries_agent(stream: StreamT[bytes]) -> None:
        await track_deliveries.track_deliveries(rt, sender, stream)

    _agent(app, rt.topics.alerts, "fan_out_alerts", fan_out_alerts)
    _agent(app, rt.topics.deliveries_retry, "track_deliveries", track_deliveries_agent)

    async def run_subscriptions() -> None:
        await store.run()

    async def run_sender() -> None:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            notifiers = notifiers_for(
                client,
                clock=rt.now,
                allowed_networks=settings.allow_private_targets,
                timeout_s=settings.http_timeout_s,
            )
            await sender.run(notifiers)

    app.task(run_subscriptions)
    app.task(run_sender)

    register_api(rt, store)

    from streams.live import register_live

    register_live(rt)


def _wire_pages(rt: Runtime) -> None:
    @rt.app.page("/metrics")
    async def metrics_view(web: Any, request: Any) -> Any:
        from prometheus_client import CONTENT_TYPE_LATEST

        # aiohttp refuses a charset inside `content_type` (CONTENT_TYPE_LATEST has one): as a header.
        return web.bytes(rt.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    @rt.app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.json({"ok": True, "app_id": rt.settings.app_id})
