"""The live page: `/` serves a static page (streams/web/), `/api/v1/alerts/stream` streams alerts
to it as Server-Sent Events, behind the API's bearer token.

Every worker reads all partitions of the alerts topic (no consumer group: a group would give each
worker only its share), keeps the latest entry per alert for a page that connects later (alerts
of the last `BACKLOG_S`, at most `MAX_ENTRIES`), and pushes each new revision to every open page.
The page reads the stream with `fetch` so the token travels in the Authorization header, never in
a URL (EventSource cannot send headers).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections import OrderedDict
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import web
from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from agents.core.live_view import live_entry
from agents.core.models import Alert
from streams.topics import partitions_of

if TYPE_CHECKING:
    from streams.runtime import Runtime

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent / "web"
BACKLOG_S = 24 * 3600
MAX_ENTRIES = 500
HEARTBEAT_S = 15.0
_STATIC = {"app.js": "text/javascript", "app.css": "text/css"}


class AlertFeed:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.topic = rt.settings.topics.alerts
        self.entries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.clients: set[asyncio.Queue[bytes]] = set()
        self.ready = asyncio.Event()  # positioned on every partition: what is produced now will be seen
        self.closed = asyncio.Event()  # the worker is stopping: open streams end, so shutdown need not wait

    def apply(self, raw: bytes | None) -> None:
        try:
            alert = Alert.model_validate_json(raw or b"")
        except ValidationError as exc:
            log.warning("live page: unreadable alert skipped: %s", str(exc)[:200])
            return
        entry = live_entry(alert, self.entries.get(alert.id))
        if entry is None:
            return
        self.entries[alert.id] = entry
        self.entries.move_to_end(alert.id)
        while len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)
        frame = sse("alert", entry)
        for queue in self.clients:
            if queue.qsize() < 1000:  # a page that stopped reading is not allowed to grow memory
                queue.put_nowait(frame)

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.rt.settings.bootstrap, group_id=None, enable_auto_commit=False
        )
        await consumer.start()
        try:
            parts = await partitions_of(self.rt.settings.bootstrap, self.topic)
            tps = [TopicPartition(self.topic, p) for p in parts]
            consumer.assign(tps)
            since = int((self.rt.now() - timedelta(seconds=BACKLOG_S)).timestamp() * 1000)
            starts = await consumer.offsets_for_times(dict.fromkeys(tps, since))
            # End offsets now, not seek_to_end (resolved lazily at the first fetch, which would skip
            # an alert produced in between).
            ends = await consumer.end_offsets(tps)
            for tp in tps:
                found = starts.get(tp)
                consumer.seek(tp, ends[tp] if found is None else found.offset)
            self.ready.set()
            async for record in consumer:
                self.apply(record.value)
        finally:
            self.closed.set()
            with contextlib.suppress(Exception):
                await consumer.stop()


def sse(event: str, data: Any) -> bytes:
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


def register_live(rt: Runtime) -> None:
    settings = rt.settings
    token = settings.admin_token.get_secret_value() if settings.admin_token else None
    feed = AlertFeed(rt)

    async def follow_alerts() -> None:
        await feed.run()

    rt.app.task(follow_alerts)  # by call: Faust's decorator is untyped

    async def end_streams(_: web.Application) -> None:
        # Before aiohttp waits for open requests: an open page must not hold up a worker's shutdown.
        feed.closed.set()

    aiohttp_web: Any = rt.app.web  # faust's aiohttp driver; the base type has no web_app
    aiohttp_web.web_app.on_shutdown.append(end_streams)

    def authorised(request: Any) -> bool:
        given = request.headers.get("Authorization", "")
        return token is not None and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())

    def static(name: str, content_type: str) -> web.Response:
        return web.Response(
            body=(WEB_DIR / name).read_bytes(),
            content_type=content_type,
            charset="utf-8",
            headers={
                "Cache-Control": "no-cache",
                "X-Content-Type-Options": "nosniff",
                # Only our own script and style: an injected <img onerror> or <script> would not run.
                "Content-Security-Policy": "default-src 'self'; img-src 'self'; object-src 'none'; "
                "base-uri 'none'; frame-ancestors 'none'",
                "Referrer-Policy": "no-referrer",
            },
        )

    @rt.app.page("/")
    async def live_page(web_: Any, request: Any) -> Any:
        return static("index.html", "text/html")

    @rt.app.page("/static/{name}")
    async def live_static(web_: Any, request: Any, name: str) -> Any:
        if name not in _STATIC:
            return web.Response(status=404, text="not found")
        return static(name, _STATIC[name])

    @rt.app.page("/api/v1/alerts/stream")
    async def alert_stream(web_: Any, request: Any) -> Any:
        if not authorised(request):
            return web.json_response(
                {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": 'Bearer realm="tocsin"'}
            )
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        feed.clients.add(queue)
        try:
            await asyncio.wait_for(feed.ready.wait(), 30)
            # "hello" tells the page it is live: from here on, every new alert reaches it.
            await response.write(sse("hello", {"alerts": len(feed.entries)}))
            for entry in list(feed.entries.values()):
                await response.write(sse("alert", entry))
            quiet = 0.0
            while not feed.closed.is_set():
                transport = request.transport
                if transport is None or transport.is_closing():
                    break  # the page went away: stop now, not at the next write
                try:
                    frame = await asyncio.wait_for(queue.get(), 1.0)
                except TimeoutError:
                    quiet += 1.0
                    if quiet < HEARTBEAT_S:
                        continue
                    frame = b": keep-alive\n\n"
                quiet = 0.0
                await response.write(frame)
        except (ConnectionResetError, TimeoutError):
            pass
        finally:
            feed.clients.discard(queue)
        return response
